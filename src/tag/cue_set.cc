#include "tag/cue_set.h"

#include <algorithm>

#include "heard/normalise.h"

namespace heard {
namespace {

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !IsAsciiSpace(text[j])) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

// An "any character" run: ".*", ".+", ".?" or ".{m,n}" (an escaped "\." does not count).
bool HasDotRun(const std::string& regex) {
  for (size_t i = 0; i + 1 < regex.size(); ++i) {
    if (regex[i] == '\\') {
      ++i;
      continue;
    }
    if (regex[i] == '.' && std::string_view("*+?{").find(regex[i + 1]) != std::string_view::npos)
      return true;
  }
  return false;
}

std::string Quote(std::string_view s) {
  return RE2::QuoteMeta(re2::StringPiece(s.data(), s.size()));
}

}  // namespace

std::string TermToRegex(std::string_view term) {
  std::string folded = FoldForMatching(term).text;
  std::string_view body = folded;
  while (!body.empty() && IsAsciiSpace(body.back())) body.remove_suffix(1);
  bool wildcard = false;
  while (!body.empty() && body.back() == '*') {
    wildcard = true;
    body.remove_suffix(1);
  }
  std::vector<std::string_view> words = SplitWords(body);
  if (words.empty()) return "";
  std::string regex;
  if (IsAsciiWordChar(words.front().front())) regex += "\\b";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) regex += "\\s+";
    regex += Quote(words[i]);
  }
  if (wildcard) regex += "\\w*";
  if (IsAsciiWordChar(words.back().back())) regex += "\\b";
  return regex;
}

std::string PlaceToRegex(std::string_view place) {
  static constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019
  static constexpr std::string_view kApostrophe = "(?:'|\xE2\x80\x99)";
  std::vector<std::string_view> words = SplitWords(place);
  if (words.empty()) return "";
  std::string regex;
  if (IsAsciiWordChar(words.front().front())) regex += "\\b";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) regex += "[\\s\\p{Zs}]+";
    std::string_view w = words[i];
    size_t k = 0;
    while (k < w.size()) {
      if (w[k] == '\'') {
        regex += kApostrophe;
        ++k;
      } else if (w.substr(k, kCurly.size()) == kCurly) {
        regex += kApostrophe;
        k += kCurly.size();
      } else {
        size_t next = k + 1;
        while (next < w.size() && w[next] != '\'' && w.substr(next, kCurly.size()) != kCurly)
          ++next;
        regex += Quote(w.substr(k, next - k));
        k = next;
      }
    }
  }
  if (IsAsciiWordChar(words.back().back())) regex += "\\b";
  return regex;
}

CueSet::CueSet(bool case_sensitive) {
  options_.set_log_errors(false);
  options_.set_case_sensitive(case_sensitive);
}

bool CueSet::Add(int entry, const std::string& regex, const std::string& written,
                 std::string* error) {
  auto re = std::make_unique<RE2>(regex, options_);
  if (!re->ok()) {
    *error = re->error();
    return false;
  }
  if (RE2::FullMatch("", *re)) {
    *error = "it matches empty text";
    return false;
  }
  const int index = static_cast<int>(regexes_.size());
  if (HasDotRun(regex)) {
    if (!filtered_) filtered_ = std::make_unique<re2::FilteredRE2>();
    int id = -1;
    if (filtered_->Add(regex, options_, &id) != RE2::NoError) {
      *error = re->error();
      return false;
    }
    filtered_index_.push_back(index);
  } else {
    if (!set_) {
      RE2::Options set_options = options_;
      set_options.set_max_mem(64 << 20);
      set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
    }
    if (set_->Add(regex, error) < 0) return false;
    set_index_.push_back(index);
  }
  regexes_.push_back(std::move(re));
  entries_.push_back(entry);
  written_.push_back(written);
  return true;
}

bool CueSet::Compile() {
  set_ok_ = set_ && set_->Compile();
  if (filtered_) {
    std::vector<std::string> atoms;
    filtered_->Compile(&atoms);
    filtered_ok_ = true;
    if (!atoms.empty()) {
      RE2::Options atom_options;
      atom_options.set_log_errors(false);
      atom_options.set_case_sensitive(false);
      atom_options.set_max_mem(64 << 20);
      atoms_ = std::make_unique<RE2::Set>(atom_options, RE2::UNANCHORED);
      for (const std::string& atom : atoms) {
        if (atoms_->Add(Quote(atom), nullptr) < 0) filtered_ok_ = false;
      }
      filtered_ok_ = filtered_ok_ && atoms_->Compile();
    }
  }
  std::vector<std::string> alternations;
  for (size_t i = 0; i < regexes_.size(); ++i) {
    size_t entry = static_cast<size_t>(entries_[i]);
    if (alternations.size() <= entry) alternations.resize(entry + 1);
    if (!alternations[entry].empty()) alternations[entry] += '|';
    alternations[entry] += "(?:" + regexes_[i]->pattern() + ")";
  }
  entry_regexes_.resize(alternations.size());
  for (size_t entry = 0; entry < alternations.size(); ++entry) {
    if (alternations[entry].empty()) continue;
    auto re = std::make_unique<RE2>(alternations[entry], options_);
    if (re->ok()) entry_regexes_[entry] = std::move(re);  // else NextEntryMatch asks each
  }
  return set_ == nullptr || set_ok_;
}

void CueSet::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (regexes_.empty()) return;
  re2::StringPiece piece(text.data(), text.size());
  bool all = !set_ok_ && set_ != nullptr;
  if (set_ok_) {
    thread_local std::vector<int> matched;
    matched.clear();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (set_->Match(piece, &matched, &info) || info.kind == RE2::Set::kNoError) {
      for (int id : matched) out->push_back(set_index_[id]);
    } else {
      all = true;  // the DFA gave up (out of memory): ask each expression instead
    }
  }
  if (all) {
    out->clear();
    for (int i : set_index_) {
      if (RE2::PartialMatch(piece, *regexes_[i])) out->push_back(i);
    }
  }
  if (filtered_) {
    thread_local std::vector<int> atoms, potentials;
    atoms.clear();
    potentials.clear();
    bool filter = filtered_ok_;
    if (filter && atoms_) {
      RE2::Set::ErrorInfo info{RE2::Set::kNoError};
      filter = atoms_->Match(piece, &atoms, &info) || info.kind == RE2::Set::kNoError;
    }
    if (filter) {
      filtered_->AllPotentials(atoms, &potentials);
    } else {
      for (size_t id = 0; id < filtered_index_.size(); ++id) potentials.push_back(static_cast<int>(id));
    }
    for (int id : potentials) {
      const int i = filtered_index_[id];
      if (RE2::PartialMatch(piece, *regexes_[i])) out->push_back(i);
    }
  }
  std::sort(out->begin(), out->end());
}

namespace {

// The leftmost non-empty match of `re` in `text` at or after `pos`.
bool NextNonEmpty(const RE2& re, std::string_view text, size_t pos, size_t* begin, size_t* end) {
  re2::StringPiece piece(text.data(), text.size());
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!re.Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) return false;
    size_t b = static_cast<size_t>(m.data() - text.data());
    if (!m.empty()) {
      *begin = b;
      *end = b + m.size();
      return true;
    }
    pos = b + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return false;
}

}  // namespace

bool CueSet::NextMatch(int i, std::string_view text, size_t pos, size_t* begin, size_t* end) const {
  return NextNonEmpty(*regexes_[i], text, pos, begin, end);
}

bool CueSet::NextEntryMatch(int entry, std::string_view text, size_t pos, size_t* begin,
                            size_t* end) const {
  if (static_cast<size_t>(entry) < entry_regexes_.size() && entry_regexes_[entry] != nullptr) {
    return NextNonEmpty(*entry_regexes_[entry], text, pos, begin, end);
  }
  bool found = false;
  for (size_t i = 0; i < regexes_.size(); ++i) {
    size_t b, e;
    if (entries_[i] != entry || !NextNonEmpty(*regexes_[i], text, pos, &b, &e)) continue;
    if (!found || b < *begin) *begin = b, *end = e, found = true;
  }
  return found;
}

bool CueSet::MatchAt(int i, std::string_view text, size_t begin, size_t* end) const {
  re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece m;
  if (!regexes_[i]->Match(piece, begin, text.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) {
    return false;
  }
  *end = begin + m.size();
  return true;
}

}  // namespace heard
