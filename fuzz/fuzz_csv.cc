// Fuzz target: the CSV reader (heard/csv.h) over any bytes.
// The first two bytes choose the delimiter and a small field limit, so cutting is exercised.
// Invariants checked on every input:
//  - no field is longer than the limit, and a row with a cut field says so in `error`;
//  - rows cover the physical lines in order: the first starts on line 1, each next row
//    starts on the line after the previous one ended, none ends past the input's last line;
//  - every row's fields reconstruct: written back as CSV (each field quoted) and read again
//    they give the same fields, with no error;
//  - for input with no quote and no NUL, each row's fields joined by the delimiter are
//    exactly its physical line, and there is one row per line.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "heard/csv.h"

namespace {

using heard::CsvOptions;
using heard::CsvReader;
using heard::CsvRow;

std::vector<CsvRow> ReadAll(const std::string& text, const CsvOptions& options) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (reader.Next(row)) rows.push_back(row);
  return rows;
}

std::string Quoted(const CsvRow& row, char delimiter) {
  std::string out;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    if (i > 0) out += delimiter;
    out += '"';
    for (const char c : row.fields[i]) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string Joined(const CsvRow& row, char delimiter) {
  std::string out;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    if (i > 0) out += delimiter;
    out += row.fields[i];
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  CsvOptions options;
  options.delimiter = ",;\t"[data[0] % 3];
  options.max_field_bytes = 1 + static_cast<size_t>(data[1]) * 64;  // 1 .. 16 321 bytes
  const std::string input(reinterpret_cast<const char*>(data) + 2, size - 2);

  const std::vector<CsvRow> rows = ReadAll(input, options);
  const std::vector<std::string_view> lines = heard::fuzz::PhysicalLines(input);
  const int64_t line_count = static_cast<int64_t>(lines.size());

  int64_t next_line = 1;
  for (size_t r = 0; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    const std::string where = "row " + std::to_string(r + 1);
    FUZZ_CHECK(!row.fields.empty(), where + " has no field");
    for (const std::string& field : row.fields) {
      FUZZ_CHECK(field.size() <= options.max_field_bytes,
                 where + ": field of " + std::to_string(field.size()) + " bytes");
    }
    FUZZ_CHECK(row.line_start == next_line, where + " starts on line " +
                                                std::to_string(row.line_start) + ", expected " +
                                                std::to_string(next_line));
    FUZZ_CHECK(row.line_end >= row.line_start, where + " ends before it starts");
    FUZZ_CHECK(row.line_end <= std::max<int64_t>(line_count, 1),
               where + " ends on line " + std::to_string(row.line_end) + " of " +
                   std::to_string(line_count));
    next_line = row.line_end + 1;
  }

  // Written back quoted, the rows read again as the same fields, error-free.
  std::string written;
  for (const CsvRow& row : rows) written += Quoted(row, options.delimiter) + "\n";
  const std::vector<CsvRow> again = ReadAll(written, options);
  FUZZ_CHECK(again.size() == rows.size(), "round trip gave " + std::to_string(again.size()) +
                                              " rows, not " + std::to_string(rows.size()));
  for (size_t r = 0; r < rows.size(); ++r) {
    FUZZ_CHECK(again[r].fields == rows[r].fields, "row " + std::to_string(r + 1) +
                                                      " changed in the round trip");
    FUZZ_CHECK(again[r].error.empty(), "round trip row error: " + again[r].error);
  }

  // Without quotes or NUL bytes, a row is its line split at the delimiter.
  if (input.find('"') == std::string::npos && input.find('\0') == std::string::npos) {
    bool cut = false;
    for (const CsvRow& row : rows) {
      if (row.error.empty()) continue;
      FUZZ_CHECK(row.error.find("longer than") != std::string::npos,
                 "error without quotes or NUL: " + row.error);
      cut = true;
    }
    if (!cut) {
      FUZZ_CHECK(rows.size() == lines.size(), std::to_string(rows.size()) + " rows for " +
                                                  std::to_string(lines.size()) + " lines");
      for (size_t r = 0; r < rows.size(); ++r) {
        FUZZ_CHECK(Joined(rows[r], options.delimiter) == lines[r],
                   "row " + std::to_string(r + 1) + " does not rebuild its line");
      }
    }
  }
  return 0;
}
