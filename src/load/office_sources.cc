// RecordSources over .docx notes and .xlsx surveys: the file's bytes read at the first Next, then
// the text and CSV loaders; a file that cannot be read is one reject of the whole file.
#include <fmt/format.h>

#include <functional>
#include <iterator>
#include <sstream>
#include <utility>

#include "heard/office.h"
#include "load/office_xml.h"

namespace heard {
namespace {

std::string ReadAll(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The whole file rejected: one Problem, nothing read.
void RejectFile(const SourceContext& context, const std::string& reason, Batch& batch) {
  Problem problem;
  problem.severity = Problem::Severity::kReject;
  problem.file = context.file;
  problem.reason = reason + "; the file was not read";
  batch.problems.push_back(std::move(problem));
}

using NotesOpener = std::function<std::unique_ptr<RecordSource>(std::istream&)>;

// The text loaders over ReadWordText's lines, with lines turned back into paragraphs.
class WordNotesSource : public RecordSource {
 public:
  WordNotesSource(std::istream& docx, const SourceContext& context, NotesOpener open)
      : docx_(docx), context_(context), open_(std::move(open)) {}

  bool Next(Batch& batch, size_t max_records) override {
    if (!started_) {
      started_ = true;
      info_.encoding = "UTF-8";
      info_.encoding_note = "Word document (Office Open XML)";
      Result<WordText> text = ReadWordText(ReadAll(docx_));
      if (!text.ok()) {
        RejectFile(context_, text.status().message(), batch);
        return true;
      }
      word_ = std::move(*text);
      // Which line of its paragraph each line is: a paragraph broken by w:br can hold two items.
      line_in_paragraph_.reserve(word_.paragraph_of_line.size());
      for (size_t i = 0; i < word_.paragraph_of_line.size(); ++i) {
        const bool same = i > 0 && word_.paragraph_of_line[i] == word_.paragraph_of_line[i - 1];
        line_in_paragraph_.push_back(same ? line_in_paragraph_.back() + 1 : 1);
      }
      text_.str(word_.text);
      inner_ = open_(text_);
    }
    if (!inner_) return false;
    Batch inner;
    if (!inner_->Next(inner, max_records)) return false;
    for (Record& record : inner.records) {
      const int64_t line = record.locator.line_start;
      const int64_t within = line > 0 && line <= static_cast<int64_t>(line_in_paragraph_.size())
                                 ? line_in_paragraph_[static_cast<size_t>(line - 1)]
                                 : 1;
      record.locator.line_start = Paragraph(line);
      record.locator.line_end = Paragraph(record.locator.line_end);
      record.locator.column = within > 1 ? fmt::format("paragraph, line {}", within) : "paragraph";
      record.id = MakeRecordId(record.round, record.source, record.locator);
      for (Tag& tag : record.tags) tag.evidence.note = LineNote(tag.evidence.note);
      batch.records.push_back(std::move(record));
    }
    for (Problem& problem : inner.problems) {
      if (problem.line > 0) {
        problem.line = Paragraph(problem.line);
        if (problem.column.empty()) problem.column = "paragraph";
      }
      batch.problems.push_back(std::move(problem));
    }
    lines_read_ += inner.rows_read;
    const int64_t paragraphs = lines_read_ >= static_cast<int64_t>(word_.paragraph_of_line.size())
                                   ? word_.paragraphs
                                   : Paragraph(lines_read_);
    batch.rows_read += paragraphs - paragraphs_reported_;
    paragraphs_reported_ = paragraphs;
    batch.items_read += inner.items_read;
    batch.rejected += inner.rejected;
    batch.non_answers += inner.non_answers;
    info_.attributes = inner_->info().attributes;
    return true;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  int64_t Paragraph(int64_t line) const {
    if (line <= 0) return 0;
    if (line > static_cast<int64_t>(word_.paragraph_of_line.size())) return word_.paragraphs;
    return word_.paragraph_of_line[static_cast<size_t>(line - 1)];
  }

  // "line 12" (a workshop heading's evidence) -> "paragraph 5".
  std::string LineNote(const std::string& note) const {
    if (note.rfind("line ", 0) != 0) return note;
    const int line = ToInt(std::string_view(note).substr(5), -1);
    return line > 0 ? fmt::format("paragraph {}", Paragraph(line)) : note;
  }

  std::istream& docx_;
  SourceContext context_;
  NotesOpener open_;
  bool started_ = false;
  WordText word_;
  std::vector<int64_t> line_in_paragraph_;  // [line - 1] -> 1 for a paragraph's first line
  std::istringstream text_;
  std::unique_ptr<RecordSource> inner_;
  SourceInfo info_;
  int64_t lines_read_ = 0;
  int64_t paragraphs_reported_ = 0;
};

// OpenSurvey over the rows of one sheet.
class XlsxSurveySource : public RecordSource {
 public:
  XlsxSurveySource(std::istream& xlsx, const SourceContext& context, SurveyMapping mapping,
                   const Lexicon& lexicon)
      : xlsx_(xlsx), context_(context), mapping_(std::move(mapping)), lexicon_(lexicon) {}

  bool Next(Batch& batch, size_t max_records) override {
    if (!started_) {
      started_ = true;
      info_.encoding = "UTF-8";
      info_.encoding_note =
          mapping_.sheet.empty()
              ? "Excel workbook (Office Open XML), first sheet"
              : fmt::format("Excel workbook (Office Open XML), sheet \"{}\"", mapping_.sheet);
      Result<std::unique_ptr<SurveyRows>> rows = OpenXlsxRows(ReadAll(xlsx_), mapping_.sheet);
      if (!rows.ok()) {
        RejectFile(context_, rows.status().message(), batch);
        return true;
      }
      inner_ = OpenSurvey(std::move(*rows), context_, mapping_, lexicon_);
    }
    return inner_ && inner_->Next(batch, max_records);
  }

  const SourceInfo& info() const override { return info_; }

 private:
  std::istream& xlsx_;
  SourceContext context_;
  SurveyMapping mapping_;
  const Lexicon& lexicon_;
  bool started_ = false;
  std::unique_ptr<RecordSource> inner_;
  SourceInfo info_;
};

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

FileFormat FileFormatOf(std::string_view path) {
  const std::string lower = AsciiLower(path);
  if (EndsWith(lower, ".docx")) return FileFormat::kDocx;
  if (EndsWith(lower, ".xlsx") || EndsWith(lower, ".xlsm")) return FileFormat::kXlsx;
  for (const char* other : {".doc", ".xls", ".odt", ".ods", ".rtf", ".pdf"}) {
    if (EndsWith(lower, other)) return FileFormat::kOther;
  }
  return FileFormat::kText;
}

std::unique_ptr<RecordSource> OpenWordFocusGroupNotes(std::istream& docx,
                                                      const SourceContext& context,
                                                      const Lexicon& lexicon,
                                                      const NotesOptions& options) {
  return std::make_unique<WordNotesSource>(
      docx, context, [context, &lexicon, options](std::istream& text) {
        return OpenFocusGroupNotes(text, context, lexicon, options);
      });
}

std::unique_ptr<RecordSource> OpenWordWorkshopNotes(std::istream& docx,
                                                    const SourceContext& context,
                                                    const Lexicon& lexicon,
                                                    const NotesOptions& options) {
  return std::make_unique<WordNotesSource>(
      docx, context, [context, &lexicon, options](std::istream& text) {
        return OpenWorkshopNotes(text, context, lexicon, options);
      });
}

std::unique_ptr<RecordSource> OpenXlsxSurvey(std::istream& xlsx, const SourceContext& context,
                                             SurveyMapping mapping, const Lexicon& lexicon) {
  return std::make_unique<XlsxSurveySource>(xlsx, context, std::move(mapping), lexicon);
}

}  // namespace heard
