// Non-answers ("n/a", "No comment.") and the outward code of a UK postcode.
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "heard/survey.h"

namespace heard {
namespace {

// Lower case, punctuation and symbols dropped, white space collapsed to one
// space and trimmed: "N/A." -> "na", "No  comment!" -> "no comment".
std::string Squash(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {  // an invalid byte is kept as it is; such text is no non-answer
      out.append(text.data() + start, static_cast<size_t>(i - start));
      space = false;
      continue;
    }
    if (u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (u_ispunct(c) || (c < 0x80 && !u_isalnum(c)) || u_charType(c) == U_MATH_SYMBOL) continue;
    if (space) out.push_back(' ');
    space = false;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      out.append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

// The built-in list, squashed. Only what says nothing to any question: "no"
// and "none" count because people type them into optional comment boxes, "x"
// because people type it to get past a required one; "don't know" and "not
// sure" do not, since they answer "what would help?".
constexpr std::array<std::string_view, 26> kBuiltIn = {
    "",
    "na",
    "n a",
    "none",
    "nil",
    "null",
    "no",
    "nope",
    "nothing",
    "no comment",
    "no comments",
    "not provided",
    "not applicable",
    "nothing to add",
    "nothing further",
    "nothing else",
    "no answer",
    "no response",
    "none given",
    "not answered",
    "blank",
    "x",
    "xx",
    "xxx",
    "prefer not to say",
    "rather not say",
};

}  // namespace

bool IsNonAnswer(std::string_view text, const std::vector<std::string>& extra) {
  if (text.size() > 200) return false;  // nothing on either list is this long
  const std::string squashed = Squash(text);
  if (std::find(kBuiltIn.begin(), kBuiltIn.end(), squashed) != kBuiltIn.end()) return true;
  for (const std::string& phrase : extra) {
    if (Squash(phrase) == squashed) return true;
  }
  return false;
}

std::string OutwardCode(std::string_view text) {
  // Outward: area (1-2 letters), district digit, optional digit or letter.
  // Inward: sector digit and unit letters. With a space between them the
  // unit may be missing ("CT9 1"); run together only a full inward part is
  // accepted, so "ME14" stays ME14 while "ct91ab" is CT9 + 1AB.
  static const RE2 kSpaced("([A-Z]{1,2}[0-9][A-Z0-9]?) +[0-9](?:[A-Z]{2})?");
  static const RE2 kJoined("([A-Z]{1,2}[0-9][A-Z0-9]?)(?:[0-9][A-Z]{2})?");
  if (text.size() > 16) return "";
  std::string upper;
  for (const char c : text) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  const size_t begin = upper.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const size_t end = upper.find_last_not_of(" \t\r\n");
  upper = upper.substr(begin, end - begin + 1);
  std::string outward;
  if (RE2::FullMatch(upper, kSpaced, &outward) || RE2::FullMatch(upper, kJoined, &outward)) {
    return outward;
  }
  return "";
}

}  // namespace heard
