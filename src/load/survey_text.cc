#include "load/survey_text.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace heard {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Bytes of the white space that starts `s`, 0 if none.
size_t LeadingSpace(std::string_view s) {
  if (s.empty()) return 0;
  if (IsAsciiSpace(s[0])) return 1;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

size_t TrailingSpace(std::string_view s) {
  if (s.empty()) return 0;
  if (IsAsciiSpace(s.back())) return 1;
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return 2;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

std::string Squeeze(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (IsAsciiSpace(c) || c == '_' || c == '-' || c == '.' || c == ':') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  for (size_t n; (n = LeadingSpace(text)) > 0;) text.remove_prefix(n);
  for (size_t n; (n = TrailingSpace(text)) > 0;) text.remove_suffix(n);
  return text;
}

std::string CollapseLower(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool space = false;
  bool ascii = true;
  text = TrimSpace(text);
  while (!text.empty()) {
    const size_t n = LeadingSpace(text);
    if (n > 0) {
      space = true;
      text.remove_prefix(n);
      continue;
    }
    if (space) collapsed.push_back(' ');
    space = false;
    const char c = text.front();
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    collapsed.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    text.remove_prefix(1);
  }
  if (ascii) return collapsed;
  std::string lowered;
  icu::UnicodeString::fromUTF8(collapsed).toLower(icu::Locale::getRoot()).toUTF8String(lowered);
  return lowered;
}

std::vector<std::string> CloseNames(std::string_view wanted, const std::vector<std::string>& names,
                                    size_t limit) {
  const std::string key = Squeeze(wanted);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& name : names) {
    const std::string other = Squeeze(name);
    if (other.empty() || key.empty()) continue;
    size_t score;
    if (other == key) {
      score = 0;
    } else if (other.find(key) != std::string::npos || key.find(other) != std::string::npos) {
      score = 1;
    } else {
      const size_t d = Distance(key, other);
      if (d > std::max<size_t>(2, key.size() / 3)) continue;
      score = 1 + d;
    }
    scored.emplace_back(score, name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [score, name] : scored) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

}  // namespace heard
