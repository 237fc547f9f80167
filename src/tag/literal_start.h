// LiteralStart: the literal words every match of a hand-written pattern starts with, read
// from the pattern's text, so that a search need only try RE2 where one of them begins.
// Private to the tag stage.
#ifndef HEARD_SRC_TAG_LITERAL_START_H_
#define HEARD_SRC_TAG_LITERAL_START_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heard {

// For a pattern of the shape  \b(alt1|alt2|...)rest  or  \b alt rest  (no top-level '|', the
// group not optional or repeated, no flag groups): the literal head of each alternative (its
// leading ASCII letters, digits, '_', ' ', '\'' and '-' up to the first other character, less
// the last one when a quantifier follows it). Every match of such a pattern starts at the
// start of a run of ASCII word characters (the \b before an ASCII word character) with one of
// the heads there, compared byte for byte, ASCII letters without regard to case when the
// pattern is not case-sensitive. That comparison is exact only on text without U+212A KELVIN
// SIGN and U+017F LONG S (which RE2's case-insensitive 'k' and 's' also match): see
// MayFoldToAscii.
class LiteralStart {
 public:
  // Reads `regex`; returns false (and holds nothing) when it is not of the shape above.
  bool Read(const std::string& regex, bool case_sensitive);

  bool empty() const { return heads_.empty(); }

  // Whether one of the heads begins at byte `b` of `text`.
  bool At(std::string_view text, size_t b) const {
    const unsigned char c = Key(text[b]);
    for (uint16_t k = from_[c]; k < to_[c]; ++k) {
      const std::string& head = heads_[k];
      if (text.size() - b < head.size()) continue;
      size_t n = 1;
      while (n < head.size() && Key(text[b + n]) == static_cast<unsigned char>(head[n])) ++n;
      if (n == head.size()) return true;
    }
    return false;
  }

  const std::vector<std::string>& heads() const { return heads_; }
  // Whether a head may begin with a byte whose ASCII lower case is `key`.
  bool MayBeginWith(unsigned char key) const { return first_key_[key]; }

 private:
  // A byte as heads hold it: ASCII capitals lower-cased unless case-sensitive.
  unsigned char Key(char c) const {
    const unsigned char u = static_cast<unsigned char>(c);
    return !case_sensitive_ && u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
  }

  std::vector<std::string> heads_;  // sorted; lower case when !case_sensitive_
  // By Key of the first byte: the heads beginning with it, heads_[from_, to_).
  std::array<uint16_t, 256> from_{}, to_{};
  std::array<bool, 256> first_key_{};  // by first byte of a head, ASCII lower-cased
  bool case_sensitive_ = false;
};

// A pattern that is a fixed run of single ASCII bytes other than letters ('[.;:!?]', '\s-\s'):
// each element a byte that stands for itself, an escaped punctuation byte, \s ([\t\n\f\r ]),
// \d, \n, \t, \r, \f, \v, or a class of such bytes (no range, no negation); nothing
// repeated or optional. Its matches are found by comparing bytes, as RE2 would, with or without
// regard to case (it has no letters).
class ByteSequence {
 public:
  // Reads `regex`; returns false (and holds nothing) when it is not of that shape.
  bool Read(const std::string& regex);
  bool empty() const { return sets_.empty(); }

  // The leftmost match starting at or after byte `pos`.
  bool Next(std::string_view text, size_t pos, size_t* begin, size_t* end) const;

 private:
  std::vector<std::array<bool, 256>> sets_;  // by position in the match: the bytes allowed
};

// Whether `text` holds a character that RE2's case-insensitive ASCII letters match besides
// their two cases (U+212A KELVIN SIGN, U+017F LONG S); LiteralStart's heads are then unsafe.
bool MayFoldToAscii(std::string_view text);

}  // namespace heard

#endif  // HEARD_SRC_TAG_LITERAL_START_H_
