// Fuzz target: the Word (.docx) and Excel (.xlsx) readers over any XML.
//
// Random bytes are almost never a zip archive, so the input is the XML of the parts and this
// target writes the archive (libzip, stored uncompressed): byte 0 chooses Word (even) or Excel
// (odd), and the rest is split at NUL bytes (which XML cannot hold) into the parts, in order:
//   Word:  word/document.xml, word/styles.xml, word/numbering.xml
//   Excel: xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/styles.xml, xl/workbook.xml
// A part not given is left out of the archive, except Excel's workbook, which is then one
// sheet "Sheet1" (with its relationships part, always written) so the sheet is reached.
// Invariants checked on every input:
//  - Word: a document read gives one paragraph number per line of text, each in
//    [1, paragraphs] and never going back, the text ends with a line end; the notes loaders on
//    the same file end, their batch counts reconcile (items_read == records + rejected +
//    non_answers), and every record's paragraph and every problem's line lies in the document;
//  - Excel: rows are numbered 1, 2, 3 ... (line_start == line_end == the count so far), none
//    has more than Excel's 16,384 columns, and the reader ends.
#include <zip.h>

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_notes.h"
#include "fuzz_support.h"
#include "heard/office.h"

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive holding `parts`, as bytes; empty when libzip cannot write it.
std::string MakeZip(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::string bytes;
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return bytes;
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  bool ok = zip != nullptr;
  for (size_t i = 0; ok && i < parts.size(); ++i) {
    zip_source_t* part = zip_source_buffer(zip, parts[i].second.data(), parts[i].second.size(), 0);
    const zip_int64_t index =
        part == nullptr ? -1 : zip_file_add(zip, parts[i].first.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (part != nullptr) zip_source_free(part);
      ok = false;
    } else {
      zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
  }
  if (zip != nullptr) {
    if (ok) {
      ok = zip_close(zip) == 0;
    } else {
      zip_discard(zip);
    }
  }
  if (ok && zip_source_open(buffer) == 0) {
    if (zip_source_seek(buffer, 0, SEEK_END) == 0) {
      const zip_int64_t size = zip_source_tell(buffer);
      if (size > 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0) {
        bytes.resize(static_cast<size_t>(size));
        if (zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) != size) {
          bytes.clear();
        }
      }
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

std::vector<std::string> SplitAtNul(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t nul = s.find('\0', start);
    parts.push_back(s.substr(start, nul == std::string::npos ? std::string::npos : nul - start));
    if (nul == std::string::npos) return parts;
    start = nul + 1;
  }
}

void CheckWordNotes(const std::string& docx, int64_t paragraphs, heard::Channel channel) {
  const heard::Lexicon& lexicon = heard::fuzz::FuzzLexicon();
  std::istringstream in(docx);
  const heard::SourceContext context{"fuzz round", "notes.docx", "notes.docx"};
  std::unique_ptr<heard::RecordSource> source =
      channel == heard::Channel::kWorkshop ? heard::OpenWordWorkshopNotes(in, context, lexicon)
                                           : heard::OpenWordFocusGroupNotes(in, context, lexicon);
  heard::Batch batch;
  int guard = 0;
  while (source->Next(batch, 16)) {
    FUZZ_CHECK(++guard < 1000000, "the Word notes loader never ends");
    FUZZ_CHECK(batch.items_read == static_cast<int64_t>(batch.records.size()) + batch.rejected +
                                       batch.non_answers,
               "Word notes batch counts do not reconcile");
    for (const heard::Problem& problem : batch.problems) {
      FUZZ_CHECK(problem.line >= 0 && problem.line <= paragraphs,
                 "problem at paragraph " + std::to_string(problem.line) + " of " +
                     std::to_string(paragraphs) + ": " + problem.reason);
    }
    for (const heard::Record& record : batch.records) {
      const std::string where = "record at " + record.locator.ToString();
      FUZZ_CHECK(!record.id.empty() && !record.text.empty(), where + ": no id or no text");
      FUZZ_CHECK(record.locator.line_start >= 1 &&
                     record.locator.line_start <= record.locator.line_end &&
                     record.locator.line_end <= paragraphs,
                 where + " outside the document's " + std::to_string(paragraphs) +
                     " paragraphs");
    }
    batch.Clear();
  }
}

void CheckWord(const std::vector<std::string>& xml) {
  static const char* const kNames[] = {"word/document.xml", "word/styles.xml",
                                       "word/numbering.xml"};
  Parts parts = {{"[Content_Types].xml", "<Types/>"}};
  for (size_t i = 0; i < xml.size() && i < 3; ++i) parts.push_back({kNames[i], xml[i]});
  const std::string docx = MakeZip(parts);
  if (docx.empty()) return;
  heard::Result<heard::WordText> read = heard::ReadWordText(docx);
  if (!read.ok()) return;  // not a document: a reject of the whole file (tests check that)
  const heard::WordText& word = read.value();
  int64_t lines = 0;
  for (const char c : word.text) lines += c == '\n';
  FUZZ_CHECK(word.text.empty() || word.text.back() == '\n', "text does not end a line");
  FUZZ_CHECK(static_cast<int64_t>(word.paragraph_of_line.size()) == lines,
             std::to_string(word.paragraph_of_line.size()) + " paragraph numbers for " +
                 std::to_string(lines) + " lines");
  int64_t last = 1;
  for (const int64_t p : word.paragraph_of_line) {
    FUZZ_CHECK(p >= last && p <= word.paragraphs,
               "paragraph " + std::to_string(p) + " after " + std::to_string(last) + " of " +
                   std::to_string(word.paragraphs));
    last = p;
  }
  CheckWordNotes(docx, word.paragraphs, heard::Channel::kWorkshop);
  CheckWordNotes(docx, word.paragraphs, heard::Channel::kFocusGroup);
}

void CheckExcel(const std::vector<std::string>& xml) {
  static const char* const kNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                       "xl/styles.xml", "xl/workbook.xml"};
  Parts parts = {{"[Content_Types].xml", "<Types/>"}};
  for (size_t i = 0; i < xml.size() && i < 4; ++i) parts.push_back({kNames[i], xml[i]});
  if (xml.size() < 4) {
    parts.push_back({"xl/workbook.xml",
                     "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                     "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                     "relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                     "r:id=\"rId1\"/></sheets></workbook>"});
  }
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\"><Relationship Id=\"rId1\" "
                   "Target=\"worksheets/sheet1.xml\"/></Relationships>"});
  std::string xlsx = MakeZip(parts);
  if (xlsx.empty()) return;
  heard::Result<std::unique_ptr<heard::SurveyRows>> rows = heard::OpenXlsxRows(std::move(xlsx));
  if (!rows.ok()) return;  // not a workbook: a reject of the whole file (tests check that)
  heard::CsvRow row;
  int64_t count = 0;
  while (rows.value()->Next(row)) {
    ++count;
    FUZZ_CHECK(count <= 1048576, "more rows than Excel can have");
    FUZZ_CHECK(row.line_start == count && row.line_end == count,
               "row " + std::to_string(count) + " numbered " + std::to_string(row.line_start) +
                   ".." + std::to_string(row.line_end));
    FUZZ_CHECK(row.fields.size() <= 16384,
               "row " + std::to_string(count) + " has " + std::to_string(row.fields.size()) +
                   " fields");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::vector<std::string> xml =
      SplitAtNul(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  if (data[0] % 2 == 0) {
    CheckWord(xml);
  } else {
    CheckExcel(xml);
  }
  return 0;
}
