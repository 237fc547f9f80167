// Helpers shared by the fuzz targets: an invariant check that stops the run, UTF-8 validity,
// physical lines as heard counts them, and "file:line:" positions in error messages.
#ifndef HEARD_FUZZ_FUZZ_SUPPORT_H_
#define HEARD_FUZZ_FUZZ_SUPPORT_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

// A broken invariant is a finding: print it and abort, so libFuzzer saves the input.
#define FUZZ_CHECK(cond, what)                                                       \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n  %s\n", __FILE__,   \
                   __LINE__, #cond, std::string(what).c_str());                      \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

namespace heard::fuzz {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;  // the sequence is cut by the end
    for (size_t k = 1; k <= n; ++k) {
      const uint8_t cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// True when byte `i` of `s` starts a UTF-8 sequence (or is the end).
inline bool IsBoundary(std::string_view s, size_t i) {
  return i == s.size() || (i < s.size() && (static_cast<uint8_t>(s[i]) & 0xC0) != 0x80);
}

// Physical lines ended by LF, CRLF or a lone CR; a last line without a terminator counts,
// an empty tail does not. A UTF-8 BOM at the start is dropped first.
inline std::vector<std::string_view> PhysicalLines(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::vector<std::string_view> lines;
  size_t begin = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.push_back(s.substr(begin, i - begin));
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    begin = i + 1;
  }
  if (begin < s.size()) lines.push_back(s.substr(begin));
  return lines;
}

// Checks a Status message of "file:line: reason" lines: the first line is one, and every
// line that names `file` gives a line within [1, max_line].
inline void CheckPositions(const std::string& message, const std::string& file, int64_t max_line) {
  FUZZ_CHECK(message.rfind(file + ":", 0) == 0, "message does not start with file: " + message);
  size_t at = 0;
  while (at < message.size()) {
    size_t eol = message.find('\n', at);
    if (eol == std::string::npos) eol = message.size();
    const std::string_view line(message.data() + at, eol - at);
    if (line.rfind(file + ":", 0) == 0) {
      const char* p = line.data() + file.size() + 1;
      char* end = nullptr;
      const long long n = std::strtoll(p, &end, 10);
      FUZZ_CHECK(end != p && *end == ':', "no line number: " + std::string(line));
      FUZZ_CHECK(n >= 1 && n <= max_line,
                 "line " + std::to_string(n) + " outside 1.." + std::to_string(max_line) + ": " +
                     std::string(line));
    }
    at = eol + 1;
  }
}

}  // namespace heard::fuzz

#endif  // HEARD_FUZZ_FUZZ_SUPPORT_H_
