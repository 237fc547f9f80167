// RFC 4180 CSV reader over a UTF-8 stream: quoted commas, doubled quotes, newlines in fields, CRLF/CR/LF.
#ifndef HEARD_CSV_H_
#define HEARD_CSV_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace heard {

struct CsvOptions {
  char delimiter = ',';                // ',' ';' or '\t'
  size_t max_field_bytes = 32u << 20;  // a longer field is cut and the row marked
};

struct CsvRow {
  std::vector<std::string> fields;
  int64_t line_start = 0;  // physical line (1-based) the row starts on
  int64_t line_end = 0;    // physical line it ends on (> line_start when a field holds newlines)
  std::string error;       // non-empty when the row is malformed: unterminated quote,
                           // text after a closing quote, NUL byte, field over the limit
};

// Reads one row at a time; memory is bounded by the longest row.
// A UTF-8 BOM at the very start is skipped. Threading: one thread per reader.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvOptions options = {});

  // Fills `row` with the next row; returns false at end of input. A blank
  // physical line yields a row with one empty field (callers decide); a line
  // break at the very end does not start another row. CRLF, LF and a lone CR
  // each end a line; inside quotes they are kept in the field as written.
  // A quote inside an unquoted field is text. Spaces and tabs between a
  // closing quote and the delimiter are dropped; other text there is kept in
  // the field and marks the row, and the field ends at the next delimiter, so
  // one stray quote cannot swallow the rows after it.
  bool Next(CsvRow& row);

 private:
  enum class FieldEnd { kDelimiter, kRowEnd, kEndOfInput };

  bool Fill();
  FieldEnd ReadUnquoted(std::string& field, CsvRow& row, size_t field_no, bool& cut);
  FieldEnd ReadQuoted(std::string& field, CsvRow& row, size_t field_no, bool& cut);
  FieldEnd AfterClosingQuote(std::string& field, CsvRow& row, size_t field_no, bool& cut);
  FieldEnd EndRow(char terminator, CsvRow& row);
  void Append(std::string& field, const char* data, size_t size, CsvRow& row, size_t field_no,
              bool& cut);
  static void NoteError(CsvRow& row, std::string message);

  std::istream& in_;
  CsvOptions options_;
  int64_t line_ = 1;           // physical line of the next unread byte
  bool started_ = false;       // the BOM check has been done
  bool skip_lf_ = false;       // the last row ended with CR; a following LF belongs to it
  bool at_end_ = false;        // `in_` has nothing more
  uint8_t class_[256] = {};    // per byte: which scanning loops must stop at it
  std::string pending_space_;  // white space after a closing quote, reused
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t len_ = 0;
};

}  // namespace heard

#endif  // HEARD_CSV_H_
