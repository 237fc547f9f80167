// Counts valid and invalid UTF-8 in a byte range, for the charset decision.
#ifndef HEARD_SRC_LOAD_UTF8_SCAN_H_
#define HEARD_SRC_LOAD_UTF8_SCAN_H_

#include <cstddef>
#include <string_view>

namespace heard {

struct Utf8Scan {
  size_t valid_multibyte = 0;  // well-formed sequences of 2 to 4 bytes
  size_t invalid = 0;          // bytes that start no well-formed sequence
  size_t nul = 0;              // NUL bytes
  size_t nul_odd = 0;          // NUL bytes at odd offsets (UTF-16LE puts ASCII's NUL there)
  size_t first_non_ascii = std::string_view::npos;

  bool ascii_only() const { return first_non_ascii == std::string_view::npos; }
  bool valid() const { return invalid == 0; }
};

// Well-formed means RFC 3629: no overlongs, no surrogates, nothing above
// U+10FFFF. When `may_be_cut`, a sequence that is well-formed so far but runs
// past the end counts as valid (the range is a prefix of a longer input).
Utf8Scan ScanUtf8(std::string_view bytes, bool may_be_cut);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_UTF8_SCAN_H_
