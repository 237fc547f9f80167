// Analysts' exports: csv-themes columns against the records and the summary, the district x
// theme table, the xlsx workbook, and no personal details from the sample round in any format.
#include "heard/export.h"

#include <re2/re2.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "heard/csv.h"
#include "heard/summary.h"
#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::ReadFile;
using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Eight records: several themes, two outcomes, a split postcode, no district,
// no outcome, a theme the lexicon does not name, formula-like text, a NUL.
std::unique_ptr<Store> Fixture(const TempDir& dir) {
  using K = TagKind;
  return testing::StoreWithRecords(dir / "s.db", {
      MakeRecord(Channel::kSurvey, 1, "A", "I cannot get a GP appointment, \"ever\".",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kDistrict, "Thanet")}),
      MakeRecord(Channel::kSurvey, 2, "A", "GP again,\nand the bus never comes.",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kTheme, "transport"), MakeTag(K::kDistrict, "Thanet")}),
      MakeRecord(
          Channel::kSurvey, 3, "B", "=HYPERLINK(\"http://example.org\",\"GP\")",
          {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
           MakeTag(K::kDistrict, "Tunbridge Wells", 0.8), MakeTag(K::kDistrict, "Swale", 0.2)}),
      MakeRecord(Channel::kWorkshop, 4, "", "Doctors and youth clubs (T)(SW)",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kOutcome, "O1"),
                  MakeTag(K::kTheme, "gp-access"), MakeTag(K::kTheme, "youth-clubs"),
                  MakeTag(K::kDistrict, "Thanet"), MakeTag(K::kDistrict, "Swale")}),
      MakeRecord(Channel::kWorkshop, 5, "", std::string("Nothing\0 known", 14),
                 {MakeTag(K::kOutcome, "O5")}),
      MakeRecord(Channel::kFocusGroup, 6, "", "Youth clubs matter to us.",
                 {MakeTag(K::kTheme, "youth-clubs")}),
      MakeRecord(Channel::kFocusGroup, 7, "", "- funding, and buses",
                 {MakeTag(K::kOutcome, "GEN"), MakeTag(K::kTheme, "funding"),
                  MakeTag(K::kTheme, "transport")}),
      MakeRecord(Channel::kSurvey, 8, "C", "Funding for the old theme",
                 {MakeTag(K::kOutcome, "GEN"), MakeTag(K::kTheme, "funding"),
                  MakeTag(K::kTheme, "retired-theme"), MakeTag(K::kDistrict, "Swale")}),
  });
}

// csv-themes parsed back: the header, then one row per record keyed by id.
struct ThemeCsv {
  std::string raw;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int Column(const std::string& name) const {
    const auto found = std::find(header.begin(), header.end(), name);
    return found == header.end() ? -1 : static_cast<int>(found - header.begin());
  }
  int64_t Sum(const std::string& name) const {
    const int column = Column(name);
    int64_t sum = 0;
    for (const auto& row : rows) sum += row.at(column) == "1" ? 1 : 0;
    return sum;
  }
};

ThemeCsv ExportThemeCsv(Store& store) {
  std::ostringstream out;
  REQUIRE(ExportRecords(store, "R", ExportFormat::kCsvThemes, out).ok());
  ThemeCsv csv;
  csv.raw = out.str();
  std::istringstream in(csv.raw);
  CsvReader reader(in);
  CsvRow row;
  REQUIRE(reader.Next(row));
  csv.header = row.fields;
  while (reader.Next(row)) {
    INFO("line " << row.line_start);
    REQUIRE(row.error.empty());
    REQUIRE(row.fields.size() == csv.header.size());
    csv.rows.push_back(row.fields);
  }
  return csv;
}

std::set<std::string> Values(const Record& record, TagKind kind) {
  std::set<std::string> values;
  for (const Tag& tag : record.tags) {
    if (tag.kind == kind && (kind != TagKind::kDistrict || tag.confidence >= 0.5)) {
      values.insert(tag.value);
    }
  }
  return values;
}

struct Run {
  int code = -1;
  std::string out;
};

Run Shell(const std::string& command) {
  Run run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

bool HaveUnzip() { return Shell("command -v unzip").code == 0; }

// The number in cell `ref` (e.g. "B7") of a worksheet's XML, or -1.
int64_t CellNumber(const std::string& xml, const std::string& ref) {
  const size_t cell = xml.find("<c r=\"" + ref + "\"");
  if (cell == std::string::npos) return -1;
  const size_t value = xml.find("<v>", cell);
  if (value == std::string::npos || value > xml.find("</c>", cell)) return -1;
  return std::stoll(xml.substr(value + 3));
}

std::string ColumnName(size_t index) {  // 0 -> A; enough for the fixture's columns
  return std::string(1, static_cast<char>('A' + index));
}

}  // namespace

TEST_CASE("export: csv-themes has a BOM, CRLF rows of one width, 0/1 columns per record's tags",
          "[export]") {
  TempDir dir;
  auto store = Fixture(dir);
  const ThemeCsv csv = ExportThemeCsv(*store);
  CHECK(csv.raw.rfind("\xEF\xBB\xBFid,round,channel,source,locator,respondent,question,district,"
                      "outcomes,text,gp-access,youth-clubs,transport,funding,outcome:O1,"
                      "outcome:O5,outcome:GEN\r\n",
                      0) == 0);
  CHECK(csv.raw.size() >= 2);
  CHECK(csv.raw.substr(csv.raw.size() - 2) == "\r\n");
  CHECK(csv.raw.find('\0') == std::string::npos);
  REQUIRE(csv.rows.size() == 8);

  std::map<std::string, const std::vector<std::string>*> by_id;
  for (const auto& row : csv.rows) by_id[row[0]] = &row;
  const Status visited = store->ForEachRecord("R", [&](const Record& record) {
    const auto found = by_id.find(record.id);
    CHECK(found != by_id.end());
    if (found == by_id.end()) return true;
    const std::vector<std::string>& row = *found->second;
    const auto themes = Values(record, TagKind::kTheme);
    const auto outcomes = Values(record, TagKind::kOutcome);
    for (const std::string theme : {"gp-access", "youth-clubs", "transport", "funding"}) {
      INFO(record.id << " " << theme);
      CHECK(row[csv.Column(theme)] == (themes.count(theme) ? "1" : "0"));
    }
    for (const std::string outcome : {"O1", "O5", "GEN"}) {
      INFO(record.id << " " << outcome);
      CHECK(row[csv.Column("outcome:" + outcome)] == (outcomes.count(outcome) ? "1" : "0"));
    }
    return true;
  });
  REQUIRE(visited.ok());

  // Districts as the summary counts them: the 0.2 share of a split postcode is left out.
  CHECK(csv.rows[2][csv.Column("district")] == "Tunbridge Wells");
  CHECK(csv.rows[3][csv.Column("district")] == "Thanet; Swale");
  CHECK(csv.rows[3][csv.Column("outcomes")] == "O5; O1");
  CHECK(csv.rows[1][csv.Column("text")] == "GP again,\nand the bus never comes.");
}

TEST_CASE("export: csv-themes guards formula-like text and drops NUL bytes", "[export]") {
  TempDir dir;
  auto store = Fixture(dir);
  const ThemeCsv csv = ExportThemeCsv(*store);
  const int text = csv.Column("text");
  CHECK(csv.rows[2][text] == "'=HYPERLINK(\"http://example.org\",\"GP\")");
  CHECK(csv.rows[6][text] == "'- funding, and buses");
  CHECK(csv.rows[4][text] == "Nothing known");
  // The other formats keep the text exact.
  std::ostringstream jsonl;
  REQUIRE(ExportRecords(*store, "R", ExportFormat::kJsonl, jsonl).ok());
  CHECK_THAT(jsonl.str(), Catch::Contains("\"text\":\"- funding, and buses\""));
}

TEST_CASE("export: csv-themes column sums equal the records per theme and Summarise's cells",
          "[export]") {
  TempDir dir;
  auto store = Fixture(dir);
  const ThemeCsv csv = ExportThemeCsv(*store);
  // A record counts once per theme, whatever its outcomes (Summarise counts it
  // under each outcome, so its cells do not add up to this).
  std::map<std::string, int64_t> carrying;
  const Status visited = store->ForEachRecord("R", [&](const Record& record) {
    for (const std::string& theme : Values(record, TagKind::kTheme)) ++carrying[theme];
    return true;
  });
  REQUIRE(visited.ok());
  for (const char* theme : {"gp-access", "youth-clubs", "transport", "funding"}) {
    INFO(theme);
    CHECK(csv.Sum(theme) == carrying[theme]);
  }
  CHECK(csv.Sum("gp-access") == 4);

  // Each outcome x theme cell of the summary is the rows with both columns set.
  auto summary = Summarise(*store, "R");
  REQUIRE(summary.ok());
  for (const OutcomeSummary& outcome : summary->outcomes) {
    for (const ThemeSummary& theme : outcome.themes) {
      const int theme_column = csv.Column(theme.id);
      if (theme_column < 0) continue;  // "retired-theme": no longer in the lexicon
      int64_t rows = 0;
      for (const auto& row : csv.rows) {
        bool in_outcome = true;
        if (outcome.id.empty()) {
          for (const char* o : {"O1", "O5", "GEN"}) {
            in_outcome = in_outcome && row[csv.Column(std::string("outcome:") + o)] == "0";
          }
        } else {
          in_outcome = row[csv.Column("outcome:" + outcome.id)] == "1";
        }
        rows += in_outcome && row[theme_column] == "1";
      }
      INFO(outcome.id << " x " << theme.id);
      CHECK(rows == theme.records);
    }
  }
}

TEST_CASE("export: district x theme totals equal the csv-themes sums", "[export]") {
  TempDir dir;
  auto store = Fixture(dir);
  const ThemeCsv csv = ExportThemeCsv(*store);
  auto table = TabulateDistrictThemes(*store, "R");
  REQUIRE(table.ok());
  REQUIRE(table->themes ==
          std::vector<std::string>{"gp-access", "youth-clubs", "transport", "funding"});
  CHECK(table->districts == std::vector<std::string>{"Swale", "Thanet", "Tunbridge Wells", ""});
  int64_t themed = 0;
  for (const auto& row : csv.rows) {
    bool any = false;
    for (const std::string& theme : table->themes) any = any || row[csv.Column(theme)] == "1";
    themed += any;
  }
  CHECK(table->themed_records == themed);
  for (size_t t = 0; t < table->themes.size(); ++t) {
    INFO(table->themes[t]);
    CHECK(table->theme_records[t] == csv.Sum(table->themes[t]));
    for (size_t d = 0; d < table->districts.size(); ++d) {
      int64_t rows = 0;
      for (const auto& row : csv.rows) {
        const std::string& districts = row[csv.Column("district")];
        const bool in_district =
            table->districts[d].empty()
                ? districts.empty()
                : ("; " + districts + "; ").find("; " + table->districts[d] + "; ") !=
                      std::string::npos;
        rows += in_district && row[csv.Column(table->themes[t])] == "1";
      }
      INFO(table->districts[d]);
      CHECK(table->cells[d][t] == rows);
    }
  }
  CHECK(table->cells[1][0] == 3);          // Thanet x gp-access
  CHECK(table->district_records[0] == 2);  // Swale: record 4 and record 8
}

TEST_CASE("export: xlsx is a zip with the four sheets and the district x theme totals",
          "[export][xlsx]") {
  TempDir dir;
  auto store = Fixture(dir);
  const std::string path = dir / "round.xlsx";
  REQUIRE(ExportWorkbook(*store, "R", path).ok());
  CHECK_FALSE(std::filesystem::exists(path + ".partial"));
  const std::string bytes = ReadFile(path);
  REQUIRE(bytes.rfind("PK\x03\x04", 0) == 0);
  for (int sheet = 1; sheet <= 4; ++sheet) {
    CHECK(bytes.find("xl/worksheets/sheet" + std::to_string(sheet) + ".xml") != std::string::npos);
  }
  CHECK(bytes.find("xl/worksheets/sheet5.xml") == std::string::npos);

  // A round that does not exist leaves no file behind.
  CHECK_FALSE(ExportWorkbook(*store, "no such round", dir / "none.xlsx").ok());
  CHECK_FALSE(std::filesystem::exists(dir / "none.xlsx"));

  if (!HaveUnzip()) {
    WARN("unzip not installed: sheet names and cell values not checked");
    return;
  }
  const std::string workbook = Shell("unzip -p '" + path + "' xl/workbook.xml").out;
  for (const char* name : {"Records", "Themes by outcome", "District x theme", "About"}) {
    CHECK_THAT(workbook, Catch::Contains(std::string("name=\"") + name + "\""));
  }
  const std::string records = Shell("unzip -p '" + path + "' xl/worksheets/sheet1.xml").out;
  CHECK_THAT(records, Catch::Contains("<row r=\"9\""));  // header + 8 records
  CHECK_THAT(records, Catch::Contains("<autoFilter ref=\"A1:J9\"/>"));
  CHECK_THAT(records, Catch::Contains("ySplit=\"1\""));

  // The "all districts" row sits under the two header rows and the district rows.
  const ThemeCsv csv = ExportThemeCsv(*store);
  auto table = TabulateDistrictThemes(*store, "R");
  REQUIRE(table.ok());
  const std::string sheet = Shell("unzip -p '" + path + "' xl/worksheets/sheet3.xml").out;
  const std::string total_row = std::to_string(2 + table->districts.size() + 1);
  for (size_t t = 0; t < table->themes.size(); ++t) {
    INFO(table->themes[t]);
    CHECK(CellNumber(sheet, ColumnName(t + 1) + total_row) == csv.Sum(table->themes[t]));
  }
  const std::string about = Shell("unzip -p '" + path + "' xl/worksheets/sheet4.xml").out;
  CHECK_THAT(about, Catch::Contains("Test attribution line."));
  CHECK_THAT(about, Catch::Contains("redacted"));
}

TEST_CASE("export: xlsx cuts a cell past Excel's limit at a character and says so",
          "[export][xlsx]") {
  TempDir dir;
  std::string text;
  while (text.size() < 50000) text += "caf\u00e9 \U0001F600 ";  // 2- and 4-byte characters
  auto store = testing::StoreWithRecords(
      dir / "long.db", {MakeRecord(Channel::kFocusGroup, 1, "", text, {})});
  REQUIRE(ExportWorkbook(*store, "R", dir / "long.xlsx").ok());  // a longer cell is an error
  if (!HaveUnzip()) return;
  const std::string sheet =
      Shell("unzip -p '" + dir / "long.xlsx" + "' xl/worksheets/sheet1.xml").out;
  CHECK_THAT(sheet, Catch::Contains("full text is in the jsonl export"));
}

TEST_CASE("export: no e-mail, phone number or full postcode from the sample round in any format",
          "[export][sample]") {
  TempDir dir;
  const std::string exe = HEARD_EXE;
  const std::string db = dir / "sample.db";
  Run run = Shell(exe + " run " + HEARD_SOURCE_DIR + "/pipelines/sample_round.toml --db " + db +
                  " --summary " + dir / "s.md" + " -q");
  INFO(run.out);
  REQUIRE(run.code == 0);

  // One capturing group each, so a failure shows what was found.
  const RE2 email(R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}))");
  const RE2 phone(R"((\b0(?:7700|1632) ?9\d{5}\b))");
  const RE2 postcode(R"((\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b))");
  // The patterns find what is there: the raw survey export holds all three.
  const std::string raw =
      ReadFile(std::string(HEARD_SOURCE_DIR) + "/sample_data/survey/online_survey_export.csv");
  for (const RE2* re : {&email, &phone, &postcode}) {
    CHECK(RE2::PartialMatch(raw, *re));
  }
  auto clean = [&](const std::string& name, const std::string& text) {
    for (const RE2* re : {&email, &phone, &postcode}) {
      std::string found;
      RE2::PartialMatch(text, *re, &found);
      INFO(name << ": " << re->pattern());
      CHECK(found == "");
    }
  };
  for (const char* format : {"jsonl", "csv", "csv-themes"}) {
    const std::string out = dir / (std::string("e.") + format);
    REQUIRE(Shell(exe + " export --db " + db + " --format " + format + " -o " + out).code == 0);
    clean(format, ReadFile(out));
  }
  CHECK(Shell(exe + " export --db " + db + " --format xlsx").code == 2);  // binary: needs --out
  const std::string xlsx = dir / "e.xlsx";
  REQUIRE(Shell(exe + " export --db " + db + " --format xlsx --out " + xlsx).code == 0);
  if (!HaveUnzip()) {
    WARN("unzip not installed: the workbook's text is checked through csv-themes only");
    return;
  }
  // Strings are inline in each sheet (constant-memory mode), so all of the sheets are read.
  clean("xlsx", Shell("unzip -p '" + xlsx + "' 'xl/worksheets/*.xml' xl/sharedStrings.xml").out);
  const std::string records = Shell("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml").out;
  const std::string csv_themes = ReadFile(dir / "e.csv-themes");
  std::istringstream in(csv_themes);
  CsvReader reader(in);
  CsvRow row;
  int64_t rows = 0;
  while (reader.Next(row)) ++rows;
  CHECK_THAT(records, Catch::Contains("<row r=\"" + std::to_string(rows) + "\""));
  CHECK_THAT(records, !Catch::Contains("<row r=\"" + std::to_string(rows + 1) + "\""));
}

}  // namespace heard
