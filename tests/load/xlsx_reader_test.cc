#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "heard/office.h"
#include "load/office_fixture.h"
#include "load/survey_lexicon_fixture.h"

namespace heard {
namespace {

using testing::MakeXlsx;
using testing::MakeZip;
using Strings = std::vector<std::string>;

const SourceContext kContext{"Round 1", "survey/export.xlsx", "data/survey/export.xlsx"};

std::vector<CsvRow> RowsOf(const std::string& xlsx, const std::string& sheet = "") {
  Result<std::unique_ptr<SurveyRows>> rows = OpenXlsxRows(xlsx, sheet);
  REQUIRE(rows.ok());
  CHECK_FALSE((*rows)->fixed_width());
  std::vector<CsvRow> out;
  CsvRow row;
  while ((*rows)->Next(row)) out.push_back(row);
  return out;
}

std::string S(const std::string& ref, int index) {
  return "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(index) + "</v></c>";
}

std::string Inline(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

TEST_CASE("xlsx: shared, rich-text and inline strings, numbers, booleans, errors", "[xlsx]") {
  const std::string sheet =
      "<row r=\"1\">" + S("A1", 0) + S("B1", 1) + Inline("C1", "Caf\u00E9 \u201Cclosed\u201D") +
      "<c r=\"D1\"><v>42</v></c><c r=\"E1\"><v>3.5</v></c>"
      "<c r=\"F1\"><v>0.10000000000000001</v></c>"
      "<c r=\"G1\" t=\"b\"><v>1</v></c><c r=\"H1\" t=\"b\"><v>0</v></c>"
      "<c r=\"I1\" t=\"e\"><v>#N/A</v></c><c r=\"J1\" t=\"str\"><f>A1</f><v>formula text</v></c>"
      "</row>";
  const std::vector<CsvRow> rows = RowsOf(MakeXlsx(
      {{"Sheet1", sheet}},
      {"plain", "<r><rPr><b/></rPr><t>Bold </t></r><r><t>then not</t></r><rPh><t>x</t></rPh>"}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Strings{"plain", "Bold then not", "Caf\u00E9 \u201Cclosed\u201D", "42",
                                  "3.5", "0.1", "TRUE", "FALSE", "#N/A", "formula text"});
  CHECK(rows[0].line_start == 1);
  CHECK(rows[0].error.empty());
}

TEST_CASE("xlsx: Excel's _xHHHH_ escapes in strings are decoded", "[xlsx]") {
  // A CR LF typed in a cell is stored as "_x000D_" and a line feed; "_x005F_" escapes '_'.
  const std::vector<CsvRow> rows =
      RowsOf(MakeXlsx({{"S", "<row r=\"1\">" + S("A1", 0) +
                                 Inline("B1", "caf_x00E9_ and _x005F_x0041_") + "</row>"}},
                      {"Buses_x000D_\nare rare"}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Strings{"Buses\r\nare rare", "caf\u00E9 and _x0041_"});
}

TEST_CASE("xlsx: sparse rows and cells keep their places", "[xlsx]") {
  const std::string sheet = "<row r=\"2\">" + Inline("B2", "b") + Inline("D2", "d") +
                            "</row><row r=\"5\">" + Inline("A5", "a") +
                            "</row><row r=\"6\"><c r=\"A6\"/></row>";
  const std::vector<CsvRow> rows = RowsOf(MakeXlsx({{"S", sheet}}));
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].fields == Strings{""});  // row 1 is not in the sheet
  CHECK(rows[1].fields == Strings{"", "b", "", "d"});
  CHECK(rows[1].line_start == 2);
  CHECK(rows[2].fields == Strings{""});
  CHECK(rows[3].fields == Strings{""});
  CHECK(rows[4].fields == Strings{"a"});
  CHECK(rows[4].line_start == 5);
  CHECK(rows[5].fields == Strings{""});
}

TEST_CASE("xlsx: numbers with a date format become ISO dates", "[xlsx]") {
  // cellXfs: 0 General, 1 built-in 14 (m/d/yyyy), 2 custom dd/mm/yyyy hh:mm, 3 custom
  // 0.00 "days" (not a date: the d is quoted), 4 built-in 20 (h:mm)
  const std::string styles =
      "<numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"0.00 &quot;days&quot;\"/></numFmts>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
      "<xf numFmtId=\"165\"/><xf numFmtId=\"20\"/></cellXfs>";
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>46093</v></c><c r=\"B1\" s=\"2\"><v>46093.5</v></c>"
      "<c r=\"C1\" s=\"3\"><v>12</v></c><c r=\"D1\" s=\"1\"><v>1</v></c>"
      "<c r=\"E1\" s=\"1\"><v>61</v></c><c r=\"F1\"><v>46093</v></c>"
      "<c r=\"G1\" t=\"d\"><v>2026-03-12T00:00:00</v></c>"
      "<c r=\"H1\" s=\"4\"><v>0.75</v></c></row>";
  std::vector<CsvRow> rows = RowsOf(MakeXlsx({{"S", sheet}}, {}, styles));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Strings{"2026-03-12", "2026-03-12 12:00", "12", "1900-01-01",
                                  "1900-03-01", "46093", "2026-03-12", "18:00"});
  // The 1904 date system (old Mac workbooks) counts from 1904-01-01.
  rows = RowsOf(MakeXlsx({{"S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44631</v></c></row>"}}, {},
                         styles, "<workbookPr date1904=\"1\"/>"));
  CHECK(rows[0].fields == Strings{"2026-03-12"});
}

TEST_CASE("xlsx: the first sheet, or the one named", "[xlsx]") {
  const std::string xlsx =
      MakeXlsx({{"Notes", "<row r=\"1\">" + Inline("A1", "notes") + "</row>"},
                {"Responses", "<row r=\"1\">" + Inline("A1", "resp") + "</row>"}});
  CHECK(RowsOf(xlsx)[0].fields == Strings{"notes"});
  CHECK(RowsOf(xlsx, "Responses")[0].fields == Strings{"resp"});
  Result<std::unique_ptr<SurveyRows>> missing = OpenXlsxRows(xlsx, "Answers");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "the workbook has no sheet \"Answers\"; its sheets: \"Notes\", \"Responses\"");
}

SurveyMapping Mapping() {
  SurveyMapping m;
  m.header_row = 3;  // a title row, then a row of full question text, then the header
  m.respondent = "ID";
  m.district = "District";
  m.questions = {{"Q1", "Q1", "O1"}, {"Q2", "Q2", ""}};
  m.attributes = {"Submitted"};
  return m;
}

Batch Load(const std::string& xlsx, const SurveyMapping& mapping, size_t per_call = 2) {
  std::istringstream in(xlsx);
  auto source = OpenXlsxSurvey(in, kContext, mapping, testing::SurveyLexicon());
  Batch all, batch;
  while (source->Next(batch, per_call)) {
    for (Record& r : batch.records) all.records.push_back(std::move(r));
    for (Problem& p : batch.problems) all.problems.push_back(std::move(p));
    all.rows_read += batch.rows_read;
    all.items_read += batch.items_read;
    all.rejected += batch.rejected;
    all.non_answers += batch.non_answers;
    batch.Clear();
  }
  return all;
}

bool Reconciles(const Batch& b) {
  return b.items_read == static_cast<int64_t>(b.records.size()) + b.rejected + b.non_answers;
}

TEST_CASE("xlsx: a survey sheet with title rows above the header loads like its CSV",
          "[xlsx][survey]") {
  const std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  const std::string sheet =
      "<row r=\"1\">" + Inline("A1", "Survey export (title row)") + "</row>" + "<row r=\"2\">" +
      Inline("D2", "Q1. What would help children?") + Inline("E2", "Q2. Anything else?") +
      "</row>" + "<row r=\"3\">" + S("A3", 0) + S("B3", 1) + S("C3", 2) + S("D3", 3) + S("E3", 4) +
      "</row>" + "<row r=\"4\">" + Inline("A4", "R1") + "<c r=\"B4\" s=\"1\"><v>46093</v></c>" +
      Inline("C4", "Thanet") + Inline("D4", "More youth clubs in Margate") + "</row>" +
      // row 5 absent; row 6 has a trailing empty cell written and no Q1
      "<row r=\"6\">" + Inline("A6", "R2") + Inline("C6", "Medway") + Inline("E6", "n/a") +
      "<c r=\"F6\"/></row>" +
      // a value beyond the header makes the row too long
      "<row r=\"7\">" + Inline("A7", "R3") + Inline("D7", "Buses") + Inline("G7", "stray") +
      "</row>" +
      // a shared string the workbook does not have
      "<row r=\"8\">" + Inline("A8", "R4") + S("D8", 99) + "</row>";
  const Batch b =
      Load(MakeXlsx({{"Responses", sheet}}, {"ID", "Submitted", "District", "Q1", "Q2"}, styles),
           Mapping());
  CHECK(Reconciles(b));
  REQUIRE(b.records.size() == 1);
  const Record& r = b.records[0];
  CHECK(r.text == "More youth clubs in Margate");
  CHECK(r.locator.row == 4);
  CHECK(r.locator.ToString() == "row 4, col Q1");
  CHECK(r.respondent == "R1");
  REQUIRE(r.attributes.size() == 1);
  CHECK(r.attributes[0].value == "2026-03-12");
  CHECK(b.non_answers == 3);  // R1's Q2 (absent cell), R2's Q1 (absent) and Q2 ("n/a")
  CHECK(b.rejected == 4);     // rows 7 and 8, two questions each
  REQUIRE(b.problems.size() == 2);
  CHECK(b.problems[0].line == 7);
  CHECK(b.problems[0].reason == "row has 7 fields, header has 5");
  CHECK(b.problems[1].line == 8);
  CHECK(b.problems[1].reason == "cell D8 names shared string 99, the workbook has 5");
  CHECK(b.rows_read == 4);
}

TEST_CASE("xlsx: a corrupt or wrong file is a reject of the whole file", "[xlsx][bad-input]") {
  struct Case {
    std::string name, bytes, reason;
  };
  const std::vector<Case> cases = {
      {"CSV given a .xlsx name", "ID,Q1\nR1,text\n",
       "not an Excel workbook: not a readable zip archive"},
      {"a Word document renamed", MakeZip({{"word/document.xml", "<w:document/>"}}),
       "not an Excel workbook: it is a Word document"},
      {"sheet part missing",
       MakeZip({{"xl/workbook.xml",
                 "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels",
                 "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
                 "</Relationships>"}}),
       "the archive has no part xl/worksheets/sheet1.xml"},
      {"broken sheet XML", MakeXlsx({{"S", "<row r=\"1\"><c r=\"A1\">"}}),
       "xl/worksheets/sheet1.xml is not well-formed XML"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Batch b = Load(c.bytes, Mapping());
    CHECK(b.records.empty());
    CHECK(Reconciles(b));
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].severity == Problem::Severity::kReject);
    CHECK(b.problems[0].file == "data/survey/export.xlsx");
    CHECK_THAT(b.problems[0].reason, Catch::Matchers::StartsWith(c.reason));
  }
}

TEST_CASE("xlsx: the mapping guess reads a sheet with a title row", "[xlsx][survey]") {
  std::string sheet = "<row r=\"1\">" + Inline("A1", "Export") + "</row><row r=\"2\">" +
                      Inline("A2", "Respondent ID") + Inline("B2", "District") +
                      Inline("C2", "What would improve services?") + "</row>";
  const char* answers[] = {"Longer GP opening hours in the evenings for working people",
                           "A walk-in centre closer to home, the bus takes an hour",
                           "Dentists taking on NHS patients again in our town please",
                           "Mental health support for teenagers that does not take a year"};
  const char* districts[] = {"Medway", "Thanet", "Medway", "Maidstone"};
  for (int i = 0; i < 4; ++i) {
    const std::string n = std::to_string(i + 3);
    sheet += "<row r=\"" + n + "\">" + Inline("A" + n, "R" + n) + Inline("B" + n, districts[i]) +
             Inline("C" + n, answers[i]) + "</row>";
  }
  Result<std::unique_ptr<SurveyRows>> rows = OpenXlsxRows(MakeXlsx({{"S", sheet}}));
  REQUIRE(rows.ok());
  Result<SurveyGuess> guess = GuessSurveyMapping(**rows, testing::SurveyLexicon());
  REQUIRE(guess.ok());
  CHECK(guess->mapping.header_row == 2);
  CHECK(guess->mapping.respondent == "Respondent ID");
  CHECK(guess->mapping.district == "District");
  REQUIRE(guess->mapping.questions.size() == 1);
  CHECK(guess->mapping.questions[0].column == "What would improve services?");
}

}  // namespace
}  // namespace heard
