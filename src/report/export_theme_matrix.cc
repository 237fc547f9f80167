// Theme columns: the csv-themes export (0/1 per theme and outcome), the district x theme table.
#include <algorithm>
#include <map>

#include "heard/export.h"
#include "heard/summary.h"
#include "report/export_support.h"

namespace heard {
namespace report {
namespace {

constexpr const char kUtf8Bom[] = "\xEF\xBB\xBF";

// The leading columns of csv-themes, before the theme and outcome columns.
constexpr const char* kFixedColumns[] = {"id",       "round",      "channel",  "source",
                                         "locator",  "respondent", "question", "district",
                                         "outcomes", "text"};

// Drops NUL bytes, and puts an apostrophe before a leading = + - @ TAB or CR,
// which a spreadsheet would otherwise read as the start of a formula.
std::string SpreadsheetSafe(std::string value) {
  value.erase(std::remove(value.begin(), value.end(), '\0'), value.end());
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
    value.insert(0, 1, '\'');
  }
  return value;
}

void Add(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

CountedTags CountTags(const Record& record, const SummaryOptions& counting) {
  const double min_share = counting.min_district_share;
  CountedTags counted;
  for (const Tag& tag : record.tags) {
    switch (tag.kind) {
      case TagKind::kOutcome: Add(counted.outcomes, tag.value); break;
      case TagKind::kTheme:
        if (CountsTag(tag, counting)) Add(counted.themes, tag.value);
        break;
      case TagKind::kDistrict:
        if (tag.confidence >= min_share) Add(counted.districts, tag.value);
        break;
      case TagKind::kPartner:
      case TagKind::kAttribution: break;
    }
  }
  return counted;
}

Result<LexiconColumns> ReadLexiconColumns(Store& store, const std::string& round) {
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  LexiconColumns columns;
  for (const Store::LexiconEntry& entry : *entries) {
    if (entry.kind == "outcome") {
      columns.outcomes.push_back(entry.id);
      columns.outcome_names.push_back(entry.name);
    } else if (entry.kind == "theme") {
      columns.themes.push_back(entry.id);
      columns.theme_names.push_back(entry.name);
    }
  }
  return columns;
}

int IndexOf(const std::vector<std::string>& ids, const std::string& id) {
  const auto found = std::find(ids.begin(), ids.end(), id);
  return found == ids.end() ? -1 : static_cast<int>(found - ids.begin());
}

Status WriteCsvThemes(Store& store, const std::string& round, std::ostream& out,
                      const SummaryOptions& counting) {
  Result<LexiconColumns> columns = ReadLexiconColumns(store, round);
  if (!columns.ok()) return columns.status();
  const std::vector<std::string>& themes = columns->themes;
  const std::vector<std::string>& outcomes = columns->outcomes;

  out << kUtf8Bom;
  for (size_t i = 0; i < std::size(kFixedColumns); ++i) out << (i ? "," : "") << kFixedColumns[i];
  for (const std::string& theme : themes) {
    // A theme id that repeats a fixed column's name would make the header ambiguous.
    const bool clash = std::find(std::begin(kFixedColumns), std::end(kFixedColumns), theme) !=
                       std::end(kFixedColumns);
    out << ',' << CsvField(SpreadsheetSafe(clash ? "theme:" + theme : theme));
  }
  for (const std::string& outcome : outcomes) out << ',' << CsvField("outcome:" + outcome);
  out << "\r\n";

  std::string row;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    const CountedTags tags = CountTags(record, counting);
    const std::string fields[] = {record.id,
                                  record.round,
                                  std::string(ChannelName(record.channel)),
                                  record.source,
                                  record.locator.ToString(),
                                  record.respondent,
                                  record.question,
                                  JoinList(tags.districts),
                                  JoinList(tags.outcomes),
                                  record.text};
    row.clear();
    for (size_t i = 0; i < std::size(fields); ++i) {
      if (i) row += ',';
      row += CsvField(SpreadsheetSafe(fields[i]));
    }
    for (const std::string& theme : themes) row += IndexOf(tags.themes, theme) < 0 ? ",0" : ",1";
    for (const std::string& outcome : outcomes) {
      row += IndexOf(tags.outcomes, outcome) < 0 ? ",0" : ",1";
    }
    row += "\r\n";
    out << row;
    return static_cast<bool>(out);
  });
  if (!status.ok()) return status;
  if (!out) return Status::Io("cannot write the export");
  return Status::Ok();
}

}  // namespace report

Result<DistrictThemeTable> TabulateDistrictThemes(Store& store, const std::string& round) {
  Result<report::LexiconColumns> columns = report::ReadLexiconColumns(store, round);
  if (!columns.ok()) return columns.status();
  DistrictThemeTable table;
  table.themes = columns->themes;
  table.theme_names = columns->theme_names;
  table.theme_records.assign(table.themes.size(), 0);

  struct Row {
    std::vector<int64_t> cells;
    int64_t records = 0;
  };
  std::map<std::string, Row> rows;  // by district name; "" sorts first, moved last below
  std::vector<int> present;         // theme columns of the current record
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    const report::CountedTags tags = report::CountTags(record);
    present.clear();
    for (const std::string& theme : tags.themes) {
      const int column = report::IndexOf(table.themes, theme);
      if (column >= 0) present.push_back(column);
    }
    if (present.empty()) return true;
    ++table.themed_records;
    for (int column : present) ++table.theme_records[column];
    const std::vector<std::string> districts =
        tags.districts.empty() ? std::vector<std::string>{""} : tags.districts;
    for (const std::string& district : districts) {
      Row& row = rows[district];
      if (row.cells.empty()) row.cells.assign(table.themes.size(), 0);
      ++row.records;
      for (int column : present) ++row.cells[column];
    }
    return true;
  });
  if (!status.ok()) return status;

  auto append = [&table](const std::string& district, Row& row) {
    table.districts.push_back(district);
    table.cells.push_back(std::move(row.cells));
    table.district_records.push_back(row.records);
  };
  for (auto& [district, row] : rows) {
    if (!district.empty()) append(district, row);
  }
  if (const auto none = rows.find(""); none != rows.end()) append("", none->second);
  return table;
}

}  // namespace heard
