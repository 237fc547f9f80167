// RFC 4180 CSV reader over a UTF-8 stream: quoted commas, doubled quotes, newlines in fields, CRLF/CR/LF.
#ifndef HEARD_CSV_H_
#define HEARD_CSV_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace heard {

struct CsvOptions {
  char delimiter = ',';                   // ',' ';' or '\t'
  size_t max_field_bytes = 32u << 20;     // a longer field is cut and the row marked
};

struct CsvRow {
  std::vector<std::string> fields;
  int64_t line_start = 0;  // physical line (1-based) the row starts on
  int64_t line_end = 0;    // physical line it ends on (> line_start when a field holds newlines)
  std::string error;       // non-empty when the row is malformed: unterminated quote,
                           // stray quote, NUL byte, field over the limit
};

// Reads one row at a time; memory is bounded by the longest row.
// A UTF-8 BOM at the very start is skipped. Threading: one thread per reader.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvOptions options = {});

  // Fills `row` with the next row; returns false at end of input. A blank
  // physical line yields a row with one empty field (callers decide).
  bool Next(CsvRow& row);

 private:
  int Get();
  int Peek();

  std::istream& in_;
  CsvOptions options_;
  int64_t line_ = 1;
  bool started_ = false;
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t len_ = 0;
};

}  // namespace heard

#endif  // HEARD_CSV_H_
