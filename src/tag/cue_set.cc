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

// The head of `regex` before its first "any character" run at the top level ("\b(a|b)\b" of
// "\b(a|b)\b.{0,40}\bc\b"): every match of the regex starts where the head matches. Empty when
// there is none: a top-level '|', no such run, or the run first.
std::string HeadBeforeDotRun(const std::string& regex) {
  int depth = 0;
  size_t cut = std::string::npos;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {  // a class: up to its closing ']' (a ']' first in it is literal)
      size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;
      while (j < regex.size() && regex[j] != ']') j += regex[j] == '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth != 0) continue;
    if (c == '|') return "";
    if (cut == std::string::npos && c == '.' && i + 1 < regex.size() &&
        std::string_view("*+?{").find(regex[i + 1]) != std::string_view::npos) {
      cut = i;
    }
  }
  return cut == std::string::npos ? "" : regex.substr(0, cut);
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

namespace {

void Grow(std::vector<std::vector<int>>* by_entry, int entry, int expr) {
  if (by_entry->size() <= static_cast<size_t>(entry)) by_entry->resize(entry + 1);
  (*by_entry)[entry].push_back(expr);
}

}  // namespace

bool CueSet::AddTerm(int entry, const std::string& regex, const std::string& written,
                     std::string* error) {
  const size_t e = static_cast<size_t>(entry);
  const bool has_patterns = e < patterns_by_entry_.size() && !patterns_by_entry_[e].empty();
  if (options_.case_sensitive() || has_patterns) return Add(entry, regex, written, error);
  const int index = static_cast<int>(regex_text_.size());
  if (!terms_.Add(index, entry, written)) return Add(entry, regex, written, error);
  regexes_.push_back(nullptr);
  regex_text_.push_back(regex);  // for regex() and the lexicon's listings
  entries_.push_back(entry);
  written_.push_back(written);
  Grow(&exprs_by_entry_, entry, index);
  return true;
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
  const int index = static_cast<int>(regex_text_.size());
  std::unique_ptr<RE2> head_re;
  if (HasDotRun(regex)) {
    const std::string head = HeadBeforeDotRun(regex);
    if (!head.empty()) {
      head_re = std::make_unique<RE2>(head, options_);
      if (!head_re->ok() || RE2::FullMatch("", *head_re)) head_re.reset();
    }
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
  ByteSequence bytes;
  if (bytes.Read(regex)) {
    bytes_.resize(static_cast<size_t>(index) + 1);
    bytes_[index] = std::move(bytes);
  }
  LiteralStart start;
  if (start.Read(regex, options_.case_sensitive())) {
    starts_.resize(static_cast<size_t>(index) + 1);
    starts_[index] = std::move(start);
  }
  if (head_re != nullptr) {
    heads_.resize(static_cast<size_t>(index) + 1);
    heads_[index] = std::move(head_re);
  }
  regex_text_.push_back(regex);
  entries_.push_back(entry);
  written_.push_back(written);
  Grow(&exprs_by_entry_, entry, index);
  Grow(&patterns_by_entry_, entry, index);
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
  terms_.Build();
  pattern_entries_.clear();
  for (size_t entry = 0; entry < patterns_by_entry_.size(); ++entry) {
    if (!patterns_by_entry_[entry].empty()) pattern_entries_.push_back(static_cast<int>(entry));
  }
  return set_ == nullptr || set_ok_;
}

void CueSet::Candidates(std::string_view text, std::vector<int>* out) const {
  Candidates(text, out, true);
}

void CueSet::Candidates(std::string_view text, std::vector<int>* out, bool confirm) const {
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
      if (!confirm || RE2::PartialMatch(piece, *regexes_[i])) out->push_back(i);
    }
  }
  std::sort(out->begin(), out->end());
}

namespace {

size_t NextChar(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

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
    pos = NextChar(text, b);
  }
  return false;
}

}  // namespace

const std::vector<int>& CueSet::ExprsOf(int entry) const {
  static const std::vector<int> kNone;
  return static_cast<size_t>(entry) < exprs_by_entry_.size() ? exprs_by_entry_[entry] : kNone;
}

bool CueSet::NextMatch(int i, std::string_view text, size_t pos, size_t* begin, size_t* end) const {
  const int slot = terms_.SlotOf(i);
  if (slot >= 0) return terms_.NextMatch(slot, text, pos, begin, end);
  if (static_cast<size_t>(i) < bytes_.size() && !bytes_[i].empty()) {
    return bytes_[i].Next(text, pos, begin, end);
  }
  const RE2* head = static_cast<size_t>(i) < heads_.size() ? heads_[i].get() : nullptr;
  if (head == nullptr) return NextNonEmpty(*regexes_[i], text, pos, begin, end);
  // Where the head matches, the whole expression anchored there: the leftmost start with a
  // match, as an unanchored search finds it, without running the "any character" run over
  // the whole text. An empty match there does not count, as in NextNonEmpty.
  re2::StringPiece piece(text.data(), text.size());
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!head->Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) return false;
    const size_t b = static_cast<size_t>(m.data() - text.data());
    if (regexes_[i]->Match(piece, b, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
      *begin = b;
      *end = b + m.size();
      return true;
    }
    pos = NextChar(text, b);
  }
  return false;
}

bool CueSet::MatchAt(int i, std::string_view text, size_t begin, size_t* end) const {
  const int slot = terms_.SlotOf(i);
  if (slot >= 0) return terms_.MatchAt(slot, text, begin, end);
  re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece m;
  if (!regexes_[i]->Match(piece, begin, text.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) {
    return false;
  }
  *end = begin + m.size();
  return true;
}

int CueSet::PatternAt(int entry, std::string_view text, size_t begin) const {
  if (static_cast<size_t>(entry) >= patterns_by_entry_.size()) return -1;
  size_t end;
  for (int i : patterns_by_entry_[entry]) {
    if (MatchAt(i, text, begin, &end)) return i;
  }
  return -1;
}

const std::vector<int>& CueSet::PatternsOf(int entry) const {
  static const std::vector<int> kNone;
  return static_cast<size_t>(entry) < patterns_by_entry_.size() ? patterns_by_entry_[entry]
                                                                 : kNone;
}

int CueSet::NextMatchBefore(int i, std::string_view text, const TextWords* words, size_t pos,
                            size_t bound, size_t* begin, size_t* end, size_t* resume) const {
  const LiteralStart* start = words != nullptr && static_cast<size_t>(i) < starts_.size() &&
                                      !starts_[i].empty()
                                  ? &starts_[i]
                                  : nullptr;
  if (start != nullptr) {
    // Every match starts where a run of ASCII word characters does, with a head there: the
    // first such start with a non-empty match anchored at it is the leftmost one.
    const std::vector<TextWords::Run>& runs = words->runs;
    const unsigned char* first = words->first.data();
    size_t r = static_cast<size_t>(
        std::lower_bound(runs.begin(), runs.end(), pos,
                         [](const TextWords::Run& run, size_t p) { return run.begin < p; }) -
        runs.begin());
    re2::StringPiece piece(text.data(), text.size());
    for (; r < runs.size(); ++r) {
      if (!start->MayBeginWith(first[r])) continue;
      const size_t b = runs[r].begin;
      if (!start->At(text, b)) continue;
      if (b >= bound) {
        *resume = b;
        return 2;
      }
      re2::StringPiece m;
      if (regexes_[i]->Match(piece, b, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
        *begin = b;
        *end = b + m.size();
        return 1;
      }
    }
    return 0;
  }
  const RE2* head = static_cast<size_t>(i) < heads_.size() ? heads_[i].get() : nullptr;
  if (head == nullptr) return NextMatch(i, text, pos, begin, end) ? 1 : 0;
  re2::StringPiece piece(text.data(), text.size());
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!head->Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) return 0;
    const size_t b = static_cast<size_t>(m.data() - text.data());
    if (b >= bound) {
      *resume = b;
      return 2;
    }
    if (regexes_[i]->Match(piece, b, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
      *begin = b;
      *end = b + m.size();
      return 1;
    }
    pos = NextChar(text, b);
  }
  return 0;
}

bool CueSet::AnyMatchAt(int i, std::string_view text, size_t begin) const {
  re2::StringPiece piece(text.data(), text.size());
  return regexes_[i]->Match(piece, begin, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

// An entry's alternation lists its indexed terms first, so at any start where one of them
// matches it wins; elsewhere the alternation of its patterns decides. RE2 is asked only for
// the entries whose patterns the set says may match, and only when a reader gets that far.
void CueSet::Scan(std::string_view text, const TextWords& words, CueScan* out) const {
  out->set_ = this;
  out->text_ = text;
  out->words_ = options_.case_sensitive() || !MayFoldToAscii(text) ? &words : nullptr;
  out->occurrences_.clear();
  out->terms_.clear();
  out->patterns_.clear();
  out->all_patterns_ = false;
  out->lists_used_ = 0;
  out->entries_.clear();
  terms_.Scan(text, words, &out->terms_);
  std::vector<CueScan::Occurrence>& occurrences = out->occurrences_;
  for (const TermMatch& m : out->terms_) {
    occurrences.push_back(CueScan::Occurrence{m.entry, m.expr, m.begin, m.end});
  }
  // Among terms at one start, the first added (Scan lists them by expression).
  std::stable_sort(occurrences.begin(), occurrences.end(),
                   [](const CueScan::Occurrence& a, const CueScan::Occurrence& b) {
                     return a.entry != b.entry ? a.entry < b.entry : a.begin < b.begin;
                   });
  occurrences.erase(std::unique(occurrences.begin(), occurrences.end(),
                                [](const CueScan::Occurrence& a, const CueScan::Occurrence& b) {
                                  return a.entry == b.entry && a.begin == b.begin;
                                }),
                    occurrences.end());
  std::vector<int>& entries = out->entries_;
  for (const CueScan::Occurrence& o : occurrences) {
    if (entries.empty() || entries.back() != o.entry) entries.push_back(o.entry);
  }
  if (!pattern_entries_.empty()) {
    thread_local std::vector<int> with_patterns;
    with_patterns.clear();
    if (set_index_.size() + filtered_index_.size() <= 2) {  // cheaper than the set
      out->all_patterns_ = true;
      with_patterns = pattern_entries_;
    } else {
      Candidates(text, &out->patterns_, false);  // a search of the entry confirms them
      for (int i : out->patterns_) with_patterns.push_back(entries_[i]);
      std::sort(with_patterns.begin(), with_patterns.end());
      with_patterns.erase(std::unique(with_patterns.begin(), with_patterns.end()),
                          with_patterns.end());
    }
    for (int entry : with_patterns) {
      if (out->lists_used_ == out->lists_.size()) out->lists_.emplace_back();
      CueScan::PatternList& list = out->lists_[out->lists_used_++];  // reused: no allocation
      list.entry = entry;
      list.found.clear();
      list.next = 0;
      list.done = false;
      list.ahead.clear();
    }
    const size_t terms_only = entries.size();
    entries.insert(entries.end(), with_patterns.begin(), with_patterns.end());
    std::inplace_merge(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(terms_only),
                       entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  }
}

}  // namespace heard
