// Survey exports: one record per free-text answer, rows streamed from SurveyRows (CSV or a sheet).
//
// Row numbers follow the spreadsheet a user opens: every CSV record counts,
// blank ones and the title rows above the header included, so the header is
// row `header_row` and the first record below it row header_row + 1. Blank
// rows (nothing but empty cells) are skipped and enter no count of the ledger.
#include <fmt/format.h>

#include <deque>
#include <optional>
#include <unordered_map>

#include "heard/csv.h"
#include "heard/survey.h"
#include "load/survey_text.h"

namespace heard {
namespace {

constexpr size_t kDistrictCacheLimit = 4096;

bool IsBlank(const CsvRow& row) {
  for (const std::string& field : row.fields) {
    if (!TrimSpace(field).empty()) return false;
  }
  return true;
}

// What a batch held before a call, to tell whether the call appended anything.
struct BatchSize {
  explicit BatchSize(const Batch& b)
      : records(b.records.size()),
        problems(b.problems.size()),
        rows(b.rows_read),
        items(b.items_read) {}
  bool operator==(const BatchSize& o) const {
    return records == o.records && problems == o.problems && rows == o.rows && items == o.items;
  }
  size_t records, problems;
  int64_t rows, items;
};

class SurveySource : public RecordSource {
 public:
  SurveySource(std::unique_ptr<SurveyRows> rows, const SourceContext& context,
               SurveyMapping mapping, const Lexicon& lexicon)
      : rows_(std::move(rows)),
        context_(context),
        mapping_(std::move(mapping)),
        lexicon_(lexicon) {}

  bool Next(Batch& batch, size_t max_records) override;
  const SourceInfo& info() const override { return info_; }

 private:
  enum class State { kHeader, kRows, kDone };

  bool ReadHeader(Batch& batch);
  void RejectFile(int64_t line, std::string column, std::string reason, Batch& batch);
  void ReadRow(Batch& batch);
  void RejectRow(std::string reason, Batch& batch);
  std::optional<Tag> DistrictTag(std::string_view cell, Batch& batch);
  Problem MakeProblem(Problem::Severity severity, int64_t line, std::string column,
                      std::string reason, int64_t items) const;

  std::unique_ptr<SurveyRows> rows_;
  SourceContext context_;
  SurveyMapping mapping_;
  const Lexicon& lexicon_;
  SourceInfo info_;
  State state_ = State::kHeader;
  CsvRow row_;
  int64_t row_no_ = 0;  // spreadsheet row of row_
  size_t header_size_ = 0;
  std::string district_header_;
  int respondent_ = -1, postcode_ = -1, district_ = -1;
  std::vector<int> questions_;             // column of each mapping_.questions entry
  std::vector<std::string> question_ids_;  // id, or the column where none is given
  std::vector<int> attributes_;            // column of each mapping_.attributes entry
  std::deque<Record> pending_;             // records made but not yet handed out
  std::unordered_map<std::string, std::optional<NameMatch>> districts_;
};

bool SurveySource::Next(Batch& batch, size_t max_records) {
  max_records = std::max<size_t>(max_records, 1);
  const BatchSize before(batch);
  if (state_ == State::kHeader) state_ = ReadHeader(batch) ? State::kRows : State::kDone;
  size_t added = 0;
  size_t rows = 0;
  for (;;) {
    while (!pending_.empty() && added < max_records) {
      batch.records.push_back(std::move(pending_.front()));
      pending_.pop_front();
      ++batch.items_read;  // a record's item is counted when the record is handed out
      ++added;
    }
    // Rows are bounded too, so a run of rejects or non-answers cannot fill memory.
    if (added >= max_records || rows >= max_records || state_ != State::kRows) break;
    if (!rows_->Next(row_)) {
      state_ = State::kDone;
      break;
    }
    ++row_no_;
    if (IsBlank(row_)) continue;
    ++rows;
    ReadRow(batch);
  }
  return !(BatchSize(batch) == before);
}

Problem SurveySource::MakeProblem(Problem::Severity severity, int64_t line, std::string column,
                                  std::string reason, int64_t items) const {
  Problem problem;
  problem.severity = severity;
  problem.file = context_.file;
  problem.line = line;
  problem.column = std::move(column);
  problem.reason = std::move(reason);
  problem.items = items;
  return problem;
}

bool SurveySource::ReadHeader(Batch& batch) {
  const int header_row = std::max(mapping_.header_row, 1);
  while (row_no_ < header_row) {
    if (!rows_->Next(row_)) {
      batch.problems.push_back(MakeProblem(
          Problem::Severity::kReject, 0, "",
          fmt::format("the file has {} rows; the header should be row {}", row_no_, header_row),
          0));
      return false;
    }
    ++row_no_;
  }
  const int64_t line = row_.line_start;
  if (!row_.error.empty()) {
    RejectFile(line, "", "the header row is malformed: " + row_.error, batch);
    return false;
  }
  std::vector<std::string> header;
  for (const std::string& field : row_.fields) header.emplace_back(TrimSpace(field));

  std::vector<std::string> faults;
  std::string first_column;
  // Column index of `name`, or -1 with a fault recorded.
  const auto find = [&](const std::string& name, int pipeline_line = 0) {
    const std::string_view wanted = TrimSpace(name);
    std::vector<size_t> at;
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == wanted) at.push_back(i);
    }
    if (at.size() == 1) return static_cast<int>(at[0]);
    if (first_column.empty()) first_column = std::string(wanted);
    if (at.empty()) {
      std::string fault =
          fmt::format("column \"{}\"{} is not in the header", wanted,
                      pipeline_line > 0 ? fmt::format(" (pipeline line {})", pipeline_line) : "");
      const std::vector<std::string> close = CloseNames(wanted, header);
      if (close.empty()) {
        fault += " (no header name is close)";
      } else {
        fault += "; close names: \"" + fmt::format("{}", fmt::join(close, "\", \"")) + "\"";
      }
      faults.push_back(fault);
    } else {
      std::vector<size_t> columns;
      for (size_t i : at) columns.push_back(i + 1);
      faults.push_back(fmt::format("column \"{}\" appears {} times in the header (columns {})",
                                   wanted, at.size(), fmt::join(columns, ", ")));
    }
    return -1;
  };
  if (!mapping_.respondent.empty()) respondent_ = find(mapping_.respondent);
  if (!mapping_.postcode.empty()) postcode_ = find(mapping_.postcode);
  if (!mapping_.district.empty()) {
    district_ = find(mapping_.district);
    district_header_ = std::string(TrimSpace(mapping_.district));
  }
  for (const SurveyQuestion& question : mapping_.questions) {
    questions_.push_back(find(question.column, question.line));
    question_ids_.push_back(question.id.empty() ? std::string(TrimSpace(question.column))
                                                : question.id);
  }
  for (const std::string& attribute : mapping_.attributes) attributes_.push_back(find(attribute));
  for (std::string& attribute : mapping_.attributes) attribute = std::string(TrimSpace(attribute));
  for (SurveyQuestion& question : mapping_.questions) {
    question.column = std::string(TrimSpace(question.column));
  }
  if (!faults.empty()) {
    RejectFile(line, first_column, fmt::format("{}", fmt::join(faults, "; ")), batch);
    return false;
  }
  header_size_ = header.size();
  return true;
}

// Reads the rest of the file only to count what is lost, so the ledger shows it.
void SurveySource::RejectFile(int64_t line, std::string column, std::string reason, Batch& batch) {
  const int64_t per_row = static_cast<int64_t>(mapping_.questions.size());
  int64_t rows = 0;
  while (rows_->Next(row_)) {
    ++row_no_;
    if (!IsBlank(row_)) ++rows;
  }
  const int64_t items = rows * per_row;
  reason += fmt::format("; the file was not read ({} answers in {} rows)", items, rows);
  batch.problems.push_back(
      MakeProblem(Problem::Severity::kReject, line, std::move(column), std::move(reason), items));
  batch.rows_read += rows;
  batch.items_read += items;
  batch.rejected += items;
}

void SurveySource::RejectRow(std::string reason, Batch& batch) {
  const int64_t items = static_cast<int64_t>(mapping_.questions.size());
  batch.problems.push_back(
      MakeProblem(Problem::Severity::kReject, row_.line_start, "", std::move(reason), items));
  batch.items_read += items;
  batch.rejected += items;
}

std::optional<Tag> SurveySource::DistrictTag(std::string_view cell, Batch& batch) {
  if (cell.empty() || IsNonAnswer(cell)) return std::nullopt;
  const std::string key(cell);
  auto found = districts_.find(key);
  if (found == districts_.end()) {
    if (districts_.size() >= kDistrictCacheLimit) districts_.clear();
    found = districts_.emplace(key, lexicon_.ResolveName(cell)).first;
  }
  const std::optional<NameMatch>& match = found->second;
  if (!match || match->kind != TagKind::kDistrict) {
    const std::string reason =
        match ? fmt::format("\"{}\" names a partner ({}), not a district", key, match->canonical)
              : fmt::format("\"{}\" is not a district the lexicon knows", key);
    batch.problems.push_back(
        MakeProblem(Problem::Severity::kWarning, row_.line_start, district_header_, reason, 0));
    return std::nullopt;
  }
  Tag tag;
  tag.kind = TagKind::kDistrict;
  tag.value = match->canonical;
  tag.origin = Origin::kSurveyColumn;
  tag.evidence.pattern = district_header_;
  tag.evidence.matched = key;
  tag.evidence.note = "district column, matched by " + match->how;
  return tag;
}

void SurveySource::ReadRow(Batch& batch) {
  ++batch.rows_read;
  if (!row_.error.empty()) return RejectRow(row_.error, batch);
  if (!rows_->fixed_width()) {
    // A spreadsheet leaves out trailing empty cells; only a value beyond the header is too long.
    while (row_.fields.size() > header_size_ && TrimSpace(row_.fields.back()).empty()) {
      row_.fields.pop_back();
    }
    if (row_.fields.size() < header_size_) row_.fields.resize(header_size_);
  }
  if (row_.fields.size() != header_size_) {
    return RejectRow(
        fmt::format("row has {} fields, header has {}", row_.fields.size(), header_size_), batch);
  }
  const auto cell = [&](int column) { return TrimSpace(row_.fields[column]); };
  const std::string respondent = respondent_ >= 0 ? std::string(cell(respondent_)) : "";
  std::vector<Attribute> attributes;
  for (size_t i = 0; i < attributes_.size(); ++i) {
    const std::string_view value = cell(attributes_[i]);
    if (!value.empty()) attributes.push_back({mapping_.attributes[i], std::string(value)});
  }
  if (postcode_ >= 0) {
    std::string outward = OutwardCode(cell(postcode_));
    if (!outward.empty()) attributes.push_back({"postcode_outcode", std::move(outward)});
  }
  const std::optional<Tag> district =
      district_ >= 0 ? DistrictTag(cell(district_), batch) : std::nullopt;

  for (size_t q = 0; q < questions_.size(); ++q) {
    const std::string_view text = cell(questions_[q]);
    if (IsNonAnswer(text, mapping_.non_answers)) {
      ++batch.non_answers;
      ++batch.items_read;
      continue;
    }
    const SurveyQuestion& question = mapping_.questions[q];
    Record record;
    record.round = context_.round;
    record.channel = Channel::kSurvey;
    record.source = context_.source;
    record.locator = Locator{row_no_, question.column, row_.line_start, row_.line_end};
    record.id = MakeRecordId(context_.round, context_.source, record.locator);
    record.respondent = respondent;
    record.question = question_ids_[q];
    record.text = std::string(text);
    record.attributes = attributes;
    if (!question.outcome.empty()) {
      Tag outcome;
      outcome.kind = TagKind::kOutcome;
      outcome.value = question.outcome;
      outcome.origin = Origin::kSurveyColumn;
      outcome.evidence.pattern = question.column;
      outcome.evidence.note = "the question's outcome in the pipeline file";
      record.tags.push_back(std::move(outcome));
    }
    if (district) record.tags.push_back(*district);
    if (!respondent.empty()) {
      record.dedup_key = respondent + '\x1f' + record.question + '\x1f' + CollapseLower(text);
    }
    pending_.push_back(std::move(record));
  }
}

class CsvRows : public SurveyRows {
 public:
  explicit CsvRows(std::istream& utf8) : reader_(utf8) {}
  bool Next(CsvRow& row) override { return reader_.Next(row); }
  bool fixed_width() const override { return true; }

 private:
  CsvReader reader_;
};

}  // namespace

std::unique_ptr<SurveyRows> CsvSurveyRows(std::istream& utf8) {
  return std::make_unique<CsvRows>(utf8);
}

std::unique_ptr<RecordSource> OpenSurvey(std::istream& utf8, const SourceContext& context,
                                         SurveyMapping mapping, const Lexicon& lexicon) {
  return OpenSurvey(CsvSurveyRows(utf8), context, std::move(mapping), lexicon);
}

std::unique_ptr<RecordSource> OpenSurvey(std::unique_ptr<SurveyRows> rows,
                                         const SourceContext& context, SurveyMapping mapping,
                                         const Lexicon& lexicon) {
  return std::make_unique<SurveySource>(std::move(rows), context, std::move(mapping), lexicon);
}

}  // namespace heard
