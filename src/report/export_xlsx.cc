// The Excel workbook export (libxlsxwriter): Records, Themes by outcome, District x theme, About.
#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <string_view>

#include "heard/export.h"
#include "heard/summary.h"
#include "report/export_support.h"

#ifndef HEARD_VERSION
#define HEARD_VERSION "dev"
#endif

namespace heard {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxCellUnits = 32767;  // Excel's limit on a cell's text, in UTF-16 units
constexpr std::string_view kCutNote = " [… cut here; the full text is in the jsonl export]";

// `text` as it fits in one cell: cut at a character boundary, with a note, past Excel's limit.
std::string FitCell(const std::string& text) {
  if (text.size() <= kMaxCellUnits) return text;  // never more units than bytes
  const size_t budget = kMaxCellUnits - kCutNote.size();
  size_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const size_t needed = length == 4 ? 2 : 1;  // a character outside the BMP is a surrogate pair
    if (units + needed > budget) return text.substr(0, i) + std::string(kCutNote);
    units += needed;
    i += length;
  }
  return text;
}

// One workbook being written. Remembers the first libxlsxwriter error; a
// workbook that is not closed is freed without writing a file.
class WorkbookWriter {
 public:
  explicit WorkbookWriter(const std::string& path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;  // rows go to temp files as they are written
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (workbook_ == nullptr) return;
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header_, LXW_BORDER_THIN);
    top_ = workbook_add_format(workbook_);
    format_set_align(top_, LXW_ALIGN_VERTICAL_TOP);
    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~WorkbookWriter() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  bool ok() const { return workbook_ != nullptr && error_ == LXW_NO_ERROR; }
  lxw_format* bold() const { return bold_; }
  lxw_format* header() const { return header_; }
  lxw_format* top() const { return top_; }
  lxw_format* wrap() const { return wrap_; }

  lxw_worksheet* AddSheet(const char* name) { return workbook_add_worksheet(workbook_, name); }

  void Text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
            lxw_format* format) {
    if (text.empty()) return;
    Check(worksheet_write_string(sheet, row, col, FitCell(text).c_str(), format));
  }
  void Number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, int64_t value,
              lxw_format* format = nullptr) {
    Check(worksheet_write_number(sheet, row, col, static_cast<double>(value), format));
  }
  void Check(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  // Writes the file; the workbook is gone afterwards either way.
  // `name` is the file as the user knows it, for the message.
  Status Close(const std::string& name) {
    lxw_error error = error_;
    if (workbook_ != nullptr && error == LXW_NO_ERROR) {
      error = workbook_close(workbook_);
      workbook_ = nullptr;
    }
    if (error == LXW_NO_ERROR) return Status::Ok();
    return Status::Io("cannot write " + name + ": " + lxw_strerror(error));
  }

 private:
  lxw_workbook* workbook_ = nullptr;
  lxw_error error_ = LXW_NO_ERROR;
  lxw_format* bold_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* top_ = nullptr;
  lxw_format* wrap_ = nullptr;
};

void HeaderRow(WorkbookWriter& w, lxw_worksheet* sheet, lxw_row_t row,
               const std::vector<std::pair<const char*, double>>& columns) {
  for (size_t col = 0; col < columns.size(); ++col) {
    w.Check(worksheet_set_column(sheet, col, col, columns[col].second, nullptr));
    w.Text(sheet, row, col, columns[col].first, w.header());
  }
}

Status WriteRecords(WorkbookWriter& w, lxw_worksheet* sheet, Store& store,
                    const std::string& round) {
  HeaderRow(w, sheet, 0,
            {{"id", 18}, {"round", 18}, {"channel", 12}, {"source", 28}, {"locator", 26},
             {"respondent", 12}, {"district", 18}, {"outcomes", 10}, {"themes", 28},
             {"text", 90}});
  worksheet_freeze_panes(sheet, 1, 0);
  lxw_row_t row = 0;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    const report::CountedTags tags = report::CountTags(record);
    ++row;
    w.Text(sheet, row, 0, record.id, w.top());
    w.Text(sheet, row, 1, record.round, w.top());
    w.Text(sheet, row, 2, std::string(ChannelName(record.channel)), w.top());
    w.Text(sheet, row, 3, record.source, w.top());
    w.Text(sheet, row, 4, record.locator.ToString(), w.top());
    w.Text(sheet, row, 5, record.respondent, w.top());
    w.Text(sheet, row, 6, report::JoinList(tags.districts), w.wrap());
    w.Text(sheet, row, 7, report::JoinList(tags.outcomes), w.top());
    w.Text(sheet, row, 8, report::JoinList(tags.themes), w.wrap());
    w.Text(sheet, row, 9, record.text, w.wrap());
    return w.ok();
  });
  if (!status.ok()) return status;
  w.Check(worksheet_autofilter(sheet, 0, 0, row, 9));
  return Status::Ok();
}

void WriteThemesByOutcome(WorkbookWriter& w, lxw_worksheet* sheet, const Summary& summary) {
  static const char* kChannels[] = {"survey", "focus_group", "workshop"};
  HeaderRow(w, sheet, 0,
            {{"outcome id", 10}, {"outcome name", 40}, {"theme id", 24}, {"theme name", 36},
             {"records", 9}, {"respondents", 12}, {"survey", 9}, {"focus_group", 12},
             {"workshop", 10}});
  worksheet_freeze_panes(sheet, 1, 0);
  lxw_row_t row = 0;
  for (const OutcomeSummary& outcome : summary.outcomes) {
    auto lead = [&] {
      ++row;
      w.Text(sheet, row, 0, outcome.id, w.top());
      w.Text(sheet, row, 1, outcome.name, w.wrap());
    };
    for (const ThemeSummary& theme : outcome.themes) {
      lead();
      w.Text(sheet, row, 2, theme.id, w.top());
      w.Text(sheet, row, 3, theme.name, w.wrap());
      w.Number(sheet, row, 4, theme.records);
      w.Number(sheet, row, 5, theme.respondents);
      for (size_t c = 0; c < std::size(kChannels); ++c) {
        const auto found = theme.by_channel.find(kChannels[c]);
        w.Number(sheet, row, 6 + c, found == theme.by_channel.end() ? 0 : found->second);
      }
    }
    if (outcome.records_without_theme > 0) {
      lead();
      w.Text(sheet, row, 3, "(no theme identified)", w.wrap());
      w.Number(sheet, row, 4, outcome.records_without_theme);
    }
  }
  w.Check(worksheet_autofilter(sheet, 0, 0, row, 8));
}

void WriteDistrictTheme(WorkbookWriter& w, lxw_worksheet* sheet, const DistrictThemeTable& table) {
  const lxw_col_t total_col = static_cast<lxw_col_t>(table.themes.size() + 1);
  w.Check(worksheet_set_column(sheet, 0, 0, 28, nullptr));
  if (total_col > 1) w.Check(worksheet_set_column(sheet, 1, total_col - 1, 14, nullptr));
  w.Check(worksheet_set_column(sheet, total_col, total_col, 16, nullptr));
  // Two header rows: theme ids (as in csv-themes and "Themes by outcome"), then names.
  // Constant-memory mode: each row is finished before the next one starts.
  w.Text(sheet, 0, 0, "district \\ theme id", w.header());
  for (size_t t = 0; t < table.themes.size(); ++t) {
    w.Text(sheet, 0, t + 1, table.themes[t], w.header());
  }
  w.Text(sheet, 0, total_col, "records with any theme", w.header());
  w.Text(sheet, 1, 0, "theme name", w.header());
  for (size_t t = 0; t < table.themes.size(); ++t) {
    w.Text(sheet, 1, t + 1, table.theme_names[t], w.header());
  }
  w.Text(sheet, 1, total_col, "(row total, each record once)", w.header());
  worksheet_freeze_panes(sheet, 2, 1);
  lxw_row_t row = 1;
  for (size_t d = 0; d < table.districts.size(); ++d) {
    ++row;
    const std::string& district = table.districts[d];
    w.Text(sheet, row, 0, district.empty() ? "(no district identified)" : district, w.top());
    for (size_t t = 0; t < table.themes.size(); ++t) w.Number(sheet, row, t + 1, table.cells[d][t]);
    w.Number(sheet, row, total_col, table.district_records[d], w.bold());
  }
  ++row;
  w.Text(sheet, row, 0, "all districts (column total, each record once)", w.bold());
  for (size_t t = 0; t < table.themes.size(); ++t) {
    w.Number(sheet, row, t + 1, table.theme_records[t], w.bold());
  }
  w.Number(sheet, row, total_col, table.themed_records, w.bold());
  w.Text(sheet, row + 2, 0,
         "Cells count records. A record from several districts counts once in each of them, so a "
         "column can add up to more than its total. Districts of a split postcode area count "
         "from a share of one half.",
         nullptr);
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

void WriteAbout(WorkbookWriter& w, lxw_worksheet* sheet, const Summary& summary) {
  w.Check(worksheet_set_column(sheet, 0, 0, 20, nullptr));
  w.Check(worksheet_set_column(sheet, 1, 1, 100, nullptr));
  const RoundOverview& o = summary.overview;
  lxw_row_t row = 0;
  auto line = [&](const char* label, const std::string& value) {
    w.Text(sheet, row, 0, label, w.bold());
    w.Text(sheet, row++, 1, value, w.wrap());
  };
  line("Round", o.round);
  line("Date", o.date.empty() ? "(not given)" : o.date);
  line("Generated by", "heard " HEARD_VERSION ", " + UtcNow());
  w.Text(sheet, row, 0, "Records", w.bold());
  w.Number(sheet, row++, 1, o.records, w.top());
  line("Personal details",
       "Free text was redacted of personal details (e-mail addresses, phone numbers, NHS "
       "numbers, full postcodes, names people introduced) before it was stored: " +
           std::to_string(o.redactions) + " redactions in this round.");
  line("Tracing",
       "Every row keeps the record id. The id leads to the source file and its row or lines "
       "(column locator), and `heard export --format jsonl` gives each tag's evidence.");
  line("Data attribution", summary.attribution);
}

}  // namespace

Status ExportWorkbook(Store& store, const std::string& round, const std::string& path) {
  Result<int64_t> records = store.CountRecords(round);
  if (!records.ok()) return records.status();
  if (*records >= LXW_ROW_MAX) {
    return Status::InvalidInput("round \"" + round + "\" has " + std::to_string(*records) +
                                " records, more than an Excel sheet holds; export csv-themes");
  }
  Result<Summary> summary = Summarise(store, round);
  if (!summary.ok()) return summary.status();
  Result<DistrictThemeTable> table = TabulateDistrictThemes(store, round);
  if (!table.ok()) return table.status();

  // Written beside `path` and renamed once complete, so a failure leaves `path` as it was.
  const std::string partial = path + ".partial";
  Status status = [&]() -> Status {
    WorkbookWriter w(partial);
    if (!w.ok()) return Status::Io("cannot start the workbook " + path);
    lxw_worksheet* records_sheet = w.AddSheet("Records");
    lxw_worksheet* themes_sheet = w.AddSheet("Themes by outcome");
    lxw_worksheet* districts_sheet = w.AddSheet("District x theme");
    lxw_worksheet* about_sheet = w.AddSheet("About");
    if (!records_sheet || !themes_sheet || !districts_sheet || !about_sheet) {
      return Status::Io("cannot add the sheets to " + path);
    }
    Status written = WriteRecords(w, records_sheet, store, round);
    if (!written.ok()) return written;
    WriteThemesByOutcome(w, themes_sheet, *summary);
    WriteDistrictTheme(w, districts_sheet, *table);
    WriteAbout(w, about_sheet, *summary);
    return w.Close(path);
  }();
  std::error_code error;
  if (status.ok()) {
    fs::rename(partial, path, error);
    if (!error) return Status::Ok();
    status = Status::Io("cannot write " + path + ": " + error.message());
  }
  fs::remove(partial, error);
  return status;
}

}  // namespace heard
