#include "tag/literal_start.h"

#include <algorithm>

namespace heard {
namespace {

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A character that stands for itself outside a class, with nothing special after it.
bool IsPlainLiteral(char c) { return IsAsciiWordChar(c) || c == ' ' || c == '\'' || c == '-'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The index just past the class that starts at regex[i] == '['.
size_t SkipClass(const std::string& regex, size_t i) {
  size_t j = i + 1;
  if (j < regex.size() && regex[j] == '^') ++j;
  if (j < regex.size() && regex[j] == ']') ++j;
  while (j < regex.size() && regex[j] != ']') j += regex[j] == '\\' ? 2 : 1;
  return j + 1;
}

// False when `regex` has a '|' outside every group or a group "(?" other than "(?:" (flags).
bool PlainTopLevel(const std::string& regex) {
  int depth = 0;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      i = SkipClass(regex, i) - 1;
    } else if (c == '(') {
      if (i + 1 < regex.size() && regex[i + 1] == '?' &&
          (i + 2 >= regex.size() || regex[i + 2] != ':')) {
        return false;
      }
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return depth == 0;
}

// The literal head of one alternative; empty when it has none.
std::string HeadOf(std::string_view alt) {
  size_t n = 0;
  while (n < alt.size() && IsPlainLiteral(alt[n])) ++n;
  // A quantifier after the last literal character makes that character optional.
  if (n < alt.size() && n > 0 && std::string_view("?*+{").find(alt[n]) != std::string_view::npos)
    --n;
  return std::string(alt.substr(0, n));
}

}  // namespace

bool LiteralStart::Read(const std::string& regex, bool case_sensitive) {
  heads_.clear();
  first_key_.fill(false);
  from_.fill(0);
  to_.fill(0);
  case_sensitive_ = case_sensitive;
  if (regex.compare(0, 2, "\\b") != 0 || !PlainTopLevel(regex)) return false;
  std::vector<std::string_view> alts;
  size_t i = 2;
  if (i < regex.size() && regex[i] == '(') {
    size_t start = i + 1;
    if (start < regex.size() && regex[start] == '?') start += 2;  // "(?:" (PlainTopLevel)
    int depth = 1;
    size_t j = start;
    for (; j < regex.size() && depth > 0; ++j) {
      const char c = regex[j];
      if (c == '\\') {
        ++j;
      } else if (c == '[') {
        j = SkipClass(regex, j) - 1;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) break;
      } else if (c == '|' && depth == 1) {
        alts.push_back(std::string_view(regex).substr(start, j - start));
        start = j + 1;
      }
    }
    if (j >= regex.size()) return false;
    alts.push_back(std::string_view(regex).substr(start, j - start));
    // An optional or repeated group may match nothing there.
    if (j + 1 < regex.size() && std::string_view("?*+{").find(regex[j + 1]) != std::string_view::npos)
      return false;
  } else {
    alts.push_back(std::string_view(regex).substr(i));
  }
  std::vector<std::string> heads;
  for (std::string_view alt : alts) {
    std::string head = HeadOf(alt);
    if (head.empty() || !IsAsciiWordChar(head.front())) return false;
    if (!case_sensitive) std::transform(head.begin(), head.end(), head.begin(), Lower);
    heads.push_back(std::move(head));
  }
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  if (heads.size() > 0xFFFF) return false;
  for (size_t k = 0; k < heads.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(heads[k].front());
    first_key_[static_cast<unsigned char>(Lower(static_cast<char>(c)))] = true;
    if (from_[c] == to_[c]) from_[c] = static_cast<uint16_t>(k);
    to_[c] = static_cast<uint16_t>(k + 1);
  }
  heads_ = std::move(heads);
  return true;
}

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The bytes of the escape "\<e>" into *set; false when it is not one ByteSequence takes.
bool AddEscape(char e, std::array<bool, 256>* set) {
  switch (e) {
    case 's':
      for (char c : {'\t', '\n', '\f', '\r', ' '}) (*set)[static_cast<unsigned char>(c)] = true;
      return true;
    case 'd':
      for (char c = '0'; c <= '9'; ++c) (*set)[static_cast<unsigned char>(c)] = true;
      return true;
    case 'n': (*set)['\n'] = true; return true;
    case 't': (*set)['\t'] = true; return true;
    case 'r': (*set)['\r'] = true; return true;
    case 'f': (*set)['\f'] = true; return true;
    case 'v': (*set)['\v'] = true; return true;
    default:
      break;
  }
  const unsigned char u = static_cast<unsigned char>(e);
  if (u < 0x21 || u > 0x7E || IsAsciiWordChar(e)) return false;  // only punctuation escaped
  (*set)[u] = true;
  return true;
}

}  // namespace

bool ByteSequence::Read(const std::string& regex) {
  sets_.clear();
  std::vector<std::array<bool, 256>> sets;
  size_t i = 0;
  while (i < regex.size()) {
    std::array<bool, 256> set{};
    const char c = regex[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\\') {
      if (i + 1 >= regex.size() || !AddEscape(regex[i + 1], &set)) return false;
      i += 2;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j >= regex.size() || regex[j] == '^' || regex[j] == ']') return false;
      while (j < regex.size() && regex[j] != ']') {
        const char k = regex[j];
        const unsigned char ku = static_cast<unsigned char>(k);
        if (k == '\\') {
          if (j + 1 >= regex.size() || !AddEscape(regex[j + 1], &set)) return false;
          j += 2;
          continue;
        }
        if (k == '-' || k == '[' || ku >= 0x80 || ku < 0x20 || IsAsciiLetter(k)) return false;
        set[ku] = true;
        ++j;
      }
      if (j >= regex.size()) return false;
      i = j + 1;
    } else {
      if (u >= 0x80 || u < 0x20 || IsAsciiLetter(c) ||
          std::string_view("\\.^$|?*+()[]{}").find(c) != std::string_view::npos) {
        return false;
      }
      set[u] = true;
      ++i;
    }
    if (i < regex.size() && std::string_view("?*+{").find(regex[i]) != std::string_view::npos)
      return false;
    sets.push_back(set);
  }
  sets_ = std::move(sets);
  return !sets_.empty();
}

bool ByteSequence::Next(std::string_view text, size_t pos, size_t* begin, size_t* end) const {
  const size_t n = sets_.size();
  if (n == 0 || text.size() < n) return false;
  const std::array<bool, 256>& first = sets_.front();
  for (size_t b = pos; b + n <= text.size(); ++b) {
    if (!first[static_cast<unsigned char>(text[b])]) continue;
    size_t k = 1;
    while (k < n && sets_[k][static_cast<unsigned char>(text[b + k])]) ++k;
    if (k == n) {
      *begin = b;
      *end = b + n;
      return true;
    }
  }
  return false;
}

bool MayFoldToAscii(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

}  // namespace heard
