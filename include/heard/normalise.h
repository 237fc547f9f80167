// Text normalisation with ICU: NFC display text, and folded match text mapped back to it.
#ifndef HEARD_NORMALISE_H_
#define HEARD_NORMALISE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heard/record.h"

namespace heard {

// Makes `raw` valid NFC UTF-8: invalid byte sequences become U+FFFD (and
// *had_invalid is set), NUL and other C0 controls except \t and \n become a
// space, CR LF becomes LF. Threading: safe from any thread.
std::string ToDisplayText(std::string_view raw, bool* had_invalid);

// Text for matching: NFKC case-folded, curly quotes made straight, every
// dash and minus made '-', every space (NBSP, thin space ...) made ' '.
// Each byte of `text` knows the bytes of the display text it came from, so
// a match in folded text maps to text a user can see.
struct FoldedText {
  std::string text;
  std::vector<uint32_t> start;  // per byte of text: first byte of its display segment
  std::vector<uint32_t> end;    // per byte of text: one past the last byte of that segment

  // Display span [first, second) of folded span [b, e); e > b.
  std::pair<uint32_t, uint32_t> ToDisplay(size_t b, size_t e) const {
    return {start[b], end[e - 1]};
  }
};

// `display` must be valid UTF-8 (from ToDisplayText). Threading: safe.
FoldedText FoldForMatching(std::string_view display);

// Sets record.text to its display form and record.match_text to its folded
// form; sets kFlagInvalidUtf8 when bytes were replaced. Returns the folded
// text with its offset map for the tagger. Threading: safe.
FoldedText NormaliseRecord(Record& record);

}  // namespace heard

#endif  // HEARD_NORMALISE_H_
