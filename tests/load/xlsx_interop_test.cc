// The .xlsx reader against workbooks written by another program: libxlsxwriter, which writes what
// Excel writes (shared strings by default, inline strings in constant-memory mode, styles with
// number formats, sparse rows).
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "heard/office.h"
#include "test_support.h"

namespace heard {
namespace {

using Strings = std::vector<std::string>;

std::string WriteWorkbook(const std::string& path, bool constant_memory) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  REQUIRE(workbook != nullptr);
  lxw_worksheet* first = workbook_add_worksheet(workbook, "Read me");
  worksheet_write_string(first, 0, 0, "Not this sheet", nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Responses");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* stamp = workbook_add_format(workbook);
  format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  // Row 1 a title, row 2 the header, row 3 and 5 answers (row 4 left out).
  worksheet_write_string(sheet, 0, 0, "Survey export \u2013 March", bold);
  const char* header[] = {"ID", "Submitted", "At", "Age", "Carer", "Comment"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(sheet, 1, c, header[c], bold);
  lxw_datetime day = {2026, 3, 12, 0, 0, 0};
  lxw_datetime at = {2026, 3, 12, 14, 30, 0};
  worksheet_write_string(sheet, 2, 0, "R1", nullptr);
  worksheet_write_datetime(sheet, 2, 1, &day, date);
  worksheet_write_datetime(sheet, 2, 2, &at, stamp);
  worksheet_write_number(sheet, 2, 3, 34, nullptr);
  worksheet_write_boolean(sheet, 2, 4, 1, nullptr);
  worksheet_write_string(sheet, 2, 5, "The \u201Cwalk-in\u201D centre closed; \u00A35 parking",
                         nullptr);
  worksheet_write_string(sheet, 4, 0, "R2", nullptr);
  worksheet_write_number(sheet, 4, 3, 0.1, nullptr);
  worksheet_write_boolean(sheet, 4, 4, 0, nullptr);
  worksheet_write_string(sheet, 4, 5, "Buses to Sheerness", nullptr);
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return testing::ReadFile(path);
}

TEST_CASE("xlsx: workbooks written by libxlsxwriter read as Excel shows them", "[xlsx]") {
  testing::TempDir dir;
  for (bool constant_memory : {false, true}) {
    INFO((constant_memory ? "inline strings (constant memory)" : "shared strings"));
    const std::string bytes = WriteWorkbook(dir / "w.xlsx", constant_memory);
    Result<std::unique_ptr<SurveyRows>> rows = OpenXlsxRows(bytes, "Responses");
    REQUIRE(rows.ok());
    std::vector<CsvRow> read;
    CsvRow row;
    while ((*rows)->Next(row)) read.push_back(row);
    REQUIRE(read.size() == 5);
    CHECK(read[0].fields == Strings{"Survey export \u2013 March"});
    CHECK(read[1].fields == Strings{"ID", "Submitted", "At", "Age", "Carer", "Comment"});
    CHECK(read[2].fields == Strings{"R1", "2026-03-12", "2026-03-12 14:30", "34", "TRUE",
                                    "The \u201Cwalk-in\u201D centre closed; \u00A35 parking"});
    CHECK(read[3].fields == Strings{""});
    CHECK(read[4].fields == Strings{"R2", "", "", "0.1", "FALSE", "Buses to Sheerness"});
    CHECK(read[4].line_start == 5);
  }
}

}  // namespace
}  // namespace heard
