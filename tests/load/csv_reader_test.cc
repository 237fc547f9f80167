#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "heard/csv.h"

namespace {

using heard::CsvOptions;
using heard::CsvReader;
using heard::CsvRow;
using Fields = std::vector<std::string>;

std::vector<CsvRow> ReadAll(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (reader.Next(row)) rows.push_back(row);
  return rows;
}

std::vector<Fields> FieldsOf(const std::vector<CsvRow>& rows) {
  std::vector<Fields> out;
  for (const CsvRow& row : rows) out.push_back(row.fields);
  return out;
}

}  // namespace

TEST_CASE("csv: plain and quoted fields", "[csv]") {
  auto rows = ReadAll("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"a", "b", "c"});
  CHECK(rows[1].fields == Fields{"1", "x, y", "say \"hi\""});
  CHECK(rows[1].error.empty());
}

TEST_CASE("csv: empty input has no rows; a final line break starts no row", "[csv]") {
  CHECK(ReadAll("").empty());
  CHECK(FieldsOf(ReadAll("a\n")) == std::vector<Fields>{{"a"}});
  CHECK(FieldsOf(ReadAll("a\r\n")) == std::vector<Fields>{{"a"}});
  CHECK(FieldsOf(ReadAll("a\r")) == std::vector<Fields>{{"a"}});
  CHECK(FieldsOf(ReadAll("a,")) == std::vector<Fields>{{"a", ""}});
}

TEST_CASE("csv: blank physical lines are rows with one empty field", "[csv]") {
  auto rows = ReadAll("a\n\nb\r\n\r\nc\r\rd");
  CHECK(FieldsOf(rows) == std::vector<Fields>{{"a"}, {""}, {"b"}, {""}, {"c"}, {""}, {"d"}});
  CHECK(rows.back().line_start == 7);
}

TEST_CASE("csv: CRLF, LF and CR-only each end one line", "[csv]") {
  auto rows = ReadAll("a\r\nb\nc\rd\n");
  REQUIRE(rows.size() == 4);
  for (int i = 0; i < 4; ++i) {
    CHECK(rows[i].line_start == i + 1);
    CHECK(rows[i].line_end == i + 1);
  }
}

TEST_CASE("csv: newlines inside quotes are kept as written and still count as lines", "[csv]") {
  auto rows = ReadAll("h1,h2\r\n1,\"one\r\ntwo\rthree\nfour\"\r\n2,x\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields[1] == "one\r\ntwo\rthree\nfour");
  CHECK(rows[1].line_start == 2);
  CHECK(rows[1].line_end == 5);
  CHECK(rows[2].line_start == 6);
  CHECK(rows[2].line_end == 6);
}

TEST_CASE("csv: a UTF-8 BOM at the start is skipped, nowhere else", "[csv]") {
  auto rows = ReadAll("\xEF\xBB\xBFid,name\n1,\xEF\xBB\xBFx\n");
  CHECK(rows[0].fields[0] == "id");
  CHECK(rows[1].fields[1] == "\xEF\xBB\xBFx");
}

TEST_CASE("csv: other delimiters", "[csv]") {
  CHECK(FieldsOf(ReadAll("a;\"b;c\";d\n", {';'})) == std::vector<Fields>{{"a", "b;c", "d"}});
  CHECK(FieldsOf(ReadAll("a\t\"b\tc\"\td\n", {'\t'})) == std::vector<Fields>{{"a", "b\tc", "d"}});
  CHECK(FieldsOf(ReadAll("a,b;c\n", {';'})) == std::vector<Fields>{{"a,b", "c"}});
}

TEST_CASE("csv: unterminated quoted field names the line it started on", "[csv]") {
  auto rows = ReadAll("a,b\n1,2\n3,\"never\nclosed\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].error.empty());
  CHECK(rows[2].fields == Fields{"3", "never\nclosed\n"});
  CHECK(rows[2].error == "unterminated quoted field starting on line 3");
  CHECK(rows[2].line_start == 3);
  CHECK(rows[2].line_end == 4);
}

TEST_CASE("csv: text after a closing quote marks the row and ends at the delimiter", "[csv]") {
  auto rows = ReadAll("\"a\"b,c\nd,e\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"ab", "c"});
  CHECK(rows[0].error == "text after a closing quote on line 1");
  CHECK(rows[1].fields == Fields{"d", "e"});
  CHECK(rows[1].error.empty());
}

TEST_CASE("csv: white space between a closing quote and the delimiter is dropped", "[csv]") {
  auto rows = ReadAll("\"a\"  ,\"b\"\t\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", "b"});
  CHECK(rows[0].error.empty());
  rows = ReadAll("\"a\" b,c\n");
  CHECK(rows[0].fields == Fields{"a b", "c"});
  CHECK_FALSE(rows[0].error.empty());
}

TEST_CASE("csv: a quote inside an unquoted field is text", "[csv]") {
  auto rows = ReadAll("5\" screen,a \"b\" c\n");
  CHECK(rows[0].fields == Fields{"5\" screen", "a \"b\" c"});
  CHECK(rows[0].error.empty());
}

TEST_CASE("csv: NUL bytes are dropped and reported", "[csv]") {
  auto rows = ReadAll(std::string("a,b\0c\n\"q\0\",d\n", 13));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"a", "bc"});
  CHECK(rows[0].error == "NUL byte on line 1");
  CHECK(rows[1].fields == Fields{"q", "d"});
  CHECK(rows[1].error == "NUL byte on line 2");
}

TEST_CASE("csv: a field over max_field_bytes is cut on a character boundary", "[csv]") {
  CsvOptions options;
  options.max_field_bytes = 5;
  // "abcd" then a two-byte e-acute: cutting at 5 bytes would split it.
  auto rows = ReadAll("abcd\xC3\xA9z,ok\n\"abcdefgh\",ok\n", options);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"abcd", "ok"});
  CHECK(rows[0].error == "field 1 longer than 5 bytes on line 1; cut");
  CHECK(rows[1].fields == Fields{"abcde", "ok"});
  CHECK_FALSE(rows[1].error.empty());
}

TEST_CASE("csv: row fields are reused and shrink with the row", "[csv]") {
  std::istringstream in("a,b,c\nd\n");
  CsvReader reader(in);
  CsvRow row;
  REQUIRE(reader.Next(row));
  CHECK(row.fields.size() == 3);
  REQUIRE(reader.Next(row));
  CHECK(row.fields == Fields{"d"});
  CHECK_FALSE(reader.Next(row));
}

TEST_CASE("csv: CRLF split across the 64 KiB read block is one line end", "[csv][regression]") {
  const size_t block = 1 << 16;
  std::string text(block - 1, 'x');  // CR is the block's last byte, LF the next block's first
  text += "\r\nb\n";
  auto rows = ReadAll(text);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields[0].size() == block - 1);
  CHECK(rows[1].fields == Fields{"b"});
  CHECK(rows[1].line_start == 2);
}

TEST_CASE("csv: doubled quote and quoted CRLF split across read blocks", "[csv][regression]") {
  const size_t block = 1 << 16;
  std::string text = "\"" + std::string(block - 2, 'y') + "\"\"z\"\n";
  auto rows = ReadAll(text);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == std::string(block - 2, 'y') + "\"z");
  CHECK(rows[0].error.empty());

  text = "\"" + std::string(block - 2, 'y') + "\r\nz\"\nnext\n";
  rows = ReadAll(text);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line_end == 2);
  CHECK(rows[1].line_start == 3);
}

TEST_CASE("csv: many rows across many blocks keep their line numbers", "[csv]") {
  std::string text;
  for (int i = 1; i <= 20000; ++i) text += std::to_string(i) + ",\"q\r\nq\",end\r\n";
  auto rows = ReadAll(text);
  REQUIRE(rows.size() == 20000);
  for (int i = 0; i < 20000; ++i) {
    REQUIRE(rows[i].fields[0] == std::to_string(i + 1));
    REQUIRE(rows[i].line_start == 2 * i + 1);
    REQUIRE(rows[i].line_end == 2 * i + 2);
    REQUIRE(rows[i].error.empty());
  }
}
