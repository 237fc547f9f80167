// Personal details out of free text: e-mails, phones, NHS numbers, full postcodes, introduced names.
#include "heard/redact.h"

#include <re2/re2.h>

#include <cctype>

namespace heard {
namespace {

struct Patterns {
  RE2 email{R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"};
  // 10 digits in 3-3-4 groups; kept only when the mod-11 check digit holds.
  RE2 nhs{R"(\b(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})\b)"};
  // +44 or 0, then 9 or 10 more digits in the usual groupings.
  RE2 phone{R"((?:\+44\s?\(?0?\)?\s?|\(?\b0)\d{2,4}\)?[ \-]?\d{3,4}[ \-]?\d{3,4}\b)"};
  RE2 postcode{R"(\b([A-Za-z]{1,2}\d[A-Za-z\d]?) ?(\d[A-Za-z]{2})\b)"};
  RE2 name{
      R"(\b((?i:my name is|i am called|i'm called|contact:?|my (?:husband|wife|partner|son|daughter|mum|mother|dad|father|carer|friend|neighbour|brother|sister|grandson|granddaughter|nan|gran)))\s+(\p{Lu}[\p{Ll}']+(?:[ \-]\p{Lu}[\p{Ll}']+){0,2}))"};
};

const Patterns& Compiled() {
  static const Patterns patterns;
  return patterns;
}

bool ValidNhsNumber(const std::string& digits) {
  if (digits.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == digits[9] - '0';
}

// Rewrites every match of `re` in `text` with what `replace` returns for it
// (or leaves it when replace returns false); returns how many were rewritten.
template <typename Replace>
int RewriteAll(std::string& text, const RE2& re, int groups, Replace replace) {
  if (text.empty()) return 0;
  std::string out;
  re2::StringPiece input(text);
  re2::StringPiece match[4];
  size_t pos = 0;
  int count = 0;
  while (pos <= text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, match, groups + 1)) {
    const size_t start = match[0].data() - text.data();
    const size_t end = start + match[0].size();
    std::string replacement;
    out.append(text, pos, start - pos);
    if (replace(match, replacement)) {
      out += replacement;
      ++count;
    } else {
      out.append(text, start, end - start);
    }
    pos = end > start ? end : end + 1;
    if (end == start && start < text.size()) out += text[start];
  }
  if (count == 0) return 0;
  if (pos < text.size()) out.append(text, pos, std::string::npos);
  text = std::move(out);
  return count;
}

}  // namespace

RedactionCount Redact(std::string& text) {
  const Patterns& p = Compiled();
  RedactionCount count;
  // Cheap pre-checks keep the common case (no digits, no '@') fast.
  const bool has_at = text.find('@') != std::string::npos;
  const bool has_digit = std::any_of(text.begin(), text.end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
  if (has_at) {
    count.emails = RewriteAll(text, p.email, 0, [](re2::StringPiece*, std::string& r) {
      r = "[email]";
      return true;
    });
  }
  if (has_digit) {
    count.nhs_numbers = RewriteAll(text, p.nhs, 3, [](re2::StringPiece* m, std::string& r) {
      if (!ValidNhsNumber(std::string(m[1]) + std::string(m[2]) + std::string(m[3]))) return false;
      r = "[NHS number]";
      return true;
    });
    count.phones = RewriteAll(text, p.phone, 0, [](re2::StringPiece* m, std::string& r) {
      int digits = 0;
      for (char c : m[0]) digits += (c >= '0' && c <= '9');
      if (digits < 10 || digits > 13) return false;
      r = "[phone]";
      return true;
    });
    count.postcodes = RewriteAll(text, p.postcode, 2, [](re2::StringPiece* m, std::string& r) {
      r = std::string(m[1]);
      for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return true;
    });
  }
  count.names = RewriteAll(text, p.name, 2, [](re2::StringPiece* m, std::string& r) {
    r = std::string(m[1]) + " [name]";
    return true;
  });
  return count;
}

void RedactRecord(Record& record) { record.redactions += Redact(record.text).total(); }

}  // namespace heard
