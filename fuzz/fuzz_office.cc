// Fuzz target: the Word (.docx) and Excel (.xlsx) readers over any XML.
//
// Random bytes are almost never a zip archive, so the input is the XML of the parts and this
// target writes the archive (tests/load/zip_bytes.h, parts stored uncompressed): byte 0 chooses Word (even) or Excel
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
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_notes.h"
#include "fuzz_support.h"
#include "heard/office.h"
#include "load/zip_bytes.h"

namespace {

using heard::testing::Parts;
using heard::testing::ZipBytes;

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
  const std::string docx = ZipBytes(parts, /*store=*/true);
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
  std::string xlsx = ZipBytes(parts, /*store=*/true);
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
