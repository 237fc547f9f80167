// RFC 4180 reader. Bytes are scanned in 64 KiB blocks with a per-byte class
// table, so an ordinary field costs one table look-up per byte and one append
// per block; the row's field strings are reused from call to call.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "heard/csv.h"

namespace heard {
namespace {

constexpr uint8_t kStopUnquoted = 1;  // delimiter, CR, LF, NUL
constexpr uint8_t kStopQuoted = 2;    // quote, CR, LF, NUL

// Drops a UTF-8 sequence left incomplete at the end of `s` by a cut.
void TrimPartialUtf8(std::string& s) {
  size_t i = s.size();
  int continuation = 0;
  while (i > 0 && continuation < 4 && (static_cast<uint8_t>(s[i - 1]) & 0xC0) == 0x80) {
    --i;
    ++continuation;
  }
  if (i == 0) return;
  const uint8_t lead = static_cast<uint8_t>(s[i - 1]);
  const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (s.size() - (i - 1) < need) s.resize(i - 1);
}

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvOptions options) : in_(in), options_(options) {
  for (const char c : {'\r', '\n', '\0'}) {
    class_[static_cast<uint8_t>(c)] = kStopUnquoted | kStopQuoted;
  }
  class_[static_cast<uint8_t>(options_.delimiter)] |= kStopUnquoted;
  class_[static_cast<uint8_t>('"')] |= kStopQuoted;
}

bool CsvReader::Fill() {
  if (at_end_) return false;
  in_.read(buffer_, sizeof buffer_);
  len_ = static_cast<size_t>(in_.gcount());
  pos_ = 0;
  if (len_ == 0) at_end_ = true;
  return len_ > 0;
}

void CsvReader::NoteError(CsvRow& row, std::string message) {
  if (row.error.empty()) row.error = std::move(message);
}

void CsvReader::Append(std::string& field, const char* data, size_t size, CsvRow& row,
                       size_t field_no, bool& cut) {
  if (cut) return;
  const size_t room = options_.max_field_bytes - std::min(field.size(), options_.max_field_bytes);
  if (size <= room) {
    field.append(data, size);
    return;
  }
  field.append(data, room);
  TrimPartialUtf8(field);
  cut = true;
  NoteError(row, fmt::format("field {} longer than {} bytes on line {}; cut", field_no,
                             options_.max_field_bytes, line_));
}

bool CsvReader::Next(CsvRow& row) {
  row.error.clear();
  if (!started_) {
    started_ = true;
    if (Fill() && len_ >= 3 && std::memcmp(buffer_, "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  }
  if (skip_lf_) {
    skip_lf_ = false;
    if (pos_ == len_) Fill();
    if (pos_ < len_ && buffer_[pos_] == '\n') ++pos_;
  }
  if (pos_ == len_ && !Fill()) return false;

  row.line_start = line_;
  size_t count = 0;
  for (;;) {
    if (count == row.fields.size()) row.fields.emplace_back();
    std::string& field = row.fields[count++];
    field.clear();
    bool cut = false;
    FieldEnd end;
    if (pos_ == len_ && !Fill()) {
      row.line_end = line_;
      end = FieldEnd::kEndOfInput;
    } else if (buffer_[pos_] == '"') {
      ++pos_;
      end = ReadQuoted(field, row, count, cut);
    } else {
      end = ReadUnquoted(field, row, count, cut);
    }
    if (end != FieldEnd::kDelimiter) break;
  }
  row.fields.resize(count);
  return true;
}

CsvReader::FieldEnd CsvReader::EndRow(char terminator, CsvRow& row) {
  row.line_end = line_++;
  if (terminator == '\r') skip_lf_ = true;
  return FieldEnd::kRowEnd;
}

CsvReader::FieldEnd CsvReader::ReadUnquoted(std::string& field, CsvRow& row, size_t field_no,
                                            bool& cut) {
  for (;;) {
    if (pos_ == len_ && !Fill()) {
      row.line_end = line_;
      return FieldEnd::kEndOfInput;
    }
    const char* begin = buffer_ + pos_;
    const char* end = buffer_ + len_;
    const char* p = begin;
    while (p != end && !(class_[static_cast<uint8_t>(*p)] & kStopUnquoted)) ++p;
    if (p != begin) Append(field, begin, static_cast<size_t>(p - begin), row, field_no, cut);
    pos_ = static_cast<size_t>(p - buffer_);
    if (p == end) continue;
    const char c = *p;
    ++pos_;
    if (c == options_.delimiter) return FieldEnd::kDelimiter;
    if (c == '\n' || c == '\r') return EndRow(c, row);
    NoteError(row, fmt::format("NUL byte on line {}", line_));  // dropped from the field
  }
}

CsvReader::FieldEnd CsvReader::ReadQuoted(std::string& field, CsvRow& row, size_t field_no,
                                          bool& cut) {
  const int64_t start_line = line_;
  bool after_cr = false;     // the last byte was CR: an LF now ends no new line
  bool after_break = false;  // the last byte ended a line
  for (;;) {
    if (pos_ == len_ && !Fill()) {
      NoteError(row, fmt::format("unterminated quoted field starting on line {}", start_line));
      row.line_end = after_break && line_ > start_line ? line_ - 1 : line_;
      return FieldEnd::kEndOfInput;
    }
    const char* begin = buffer_ + pos_;
    const char* end = buffer_ + len_;
    const char* p = begin;
    while (p != end && !(class_[static_cast<uint8_t>(*p)] & kStopQuoted)) ++p;
    if (p != begin) {
      Append(field, begin, static_cast<size_t>(p - begin), row, field_no, cut);
      after_cr = after_break = false;
    }
    pos_ = static_cast<size_t>(p - buffer_);
    if (p == end) continue;
    const char c = *p;
    ++pos_;
    if (c == '"') {
      if (pos_ == len_ && !Fill()) {
        row.line_end = line_;
        return FieldEnd::kEndOfInput;
      }
      if (buffer_[pos_] != '"') return AfterClosingQuote(field, row, field_no, cut);
      ++pos_;
      Append(field, "\"", 1, row, field_no, cut);
      after_cr = after_break = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' || !after_cr) ++line_;
      after_cr = c == '\r';
      after_break = true;
      Append(field, &c, 1, row, field_no, cut);
    } else {
      NoteError(row, fmt::format("NUL byte on line {}", line_));  // dropped from the field
      after_cr = after_break = false;
    }
  }
}

CsvReader::FieldEnd CsvReader::AfterClosingQuote(std::string& field, CsvRow& row, size_t field_no,
                                                 bool& cut) {
  pending_space_.clear();
  for (;;) {
    if (pos_ == len_ && !Fill()) {
      row.line_end = line_;
      return FieldEnd::kEndOfInput;
    }
    const char c = buffer_[pos_];
    if (c == options_.delimiter) {
      ++pos_;
      return FieldEnd::kDelimiter;
    }
    if (c == '\n' || c == '\r') {
      ++pos_;
      return EndRow(c, row);
    }
    if (c != ' ' && c != '\t') break;
    pending_space_.push_back(c);
    ++pos_;
  }
  NoteError(row, fmt::format("text after a closing quote on line {}", line_));
  Append(field, pending_space_.data(), pending_space_.size(), row, field_no, cut);
  return ReadUnquoted(field, row, field_no, cut);
}

}  // namespace heard
