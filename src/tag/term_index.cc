#include "tag/term_index.h"

#include <algorithm>

#include "heard/normalise.h"

namespace heard {
namespace {

constexpr uint64_t kHashSeed = 1469598103934665603ULL;  // FNV-1a
constexpr uint64_t kHashPrime = 1099511628211ULL;
constexpr size_t kMaxTermBytes = 4096;  // longer terms go to RE2

// RE2's \w: ASCII letters, digits and '_'.
constexpr bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// What TermToRegex splits words on.
bool IsSplitSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// RE2's \s: [\t\n\f\r ] (no \v).
bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

uint64_t HashStep(uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(Lower(c))) * kHashPrime;
}

uint64_t Hash(std::string_view s) {
  uint64_t h = kHashSeed;
  for (char c : s) h = HashStep(h, c);
  return h;
}

// Strictly valid UTF-8 (what RE2 accepts in a pattern, or less).
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                                                : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    const unsigned char d = n > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) ||
        (c == 0xF4 && d > 0x8F)) {
      return false;  // overlong, surrogate or past U+10FFFF
    }
    i += n;
  }
  return true;
}

}  // namespace

namespace {

constexpr size_t kFilterBits = size_t{1} << 15;

size_t FilterBit(uint64_t hash) { return static_cast<size_t>((hash ^ (hash >> 31)) % kFilterBits); }

void SetFilterBit(std::vector<uint64_t>* filter, uint64_t hash) {
  if (filter->empty()) filter->assign(kFilterBits / 64, 0);
  const size_t bit = FilterBit(hash);
  (*filter)[bit / 64] |= uint64_t{1} << (bit % 64);
}

bool MayHold(const std::vector<uint64_t>& filter, uint64_t hash) {
  const size_t bit = FilterBit(hash);
  return !filter.empty() && ((filter[bit / 64] >> (bit % 64)) & 1) != 0;
}

}  // namespace

// A run is a candidate when its whole hash or the hash of a prefix of a listed length is in
// the joined filter: the tests TermIndex::Scan makes, against the OR of every index's bits.
void TextWords::BuildCandidates() {
  for (size_t r = 0; r < runs.size(); ++r) {
    const Run& run = runs[r];
    bool may = MayHold(filter->exact, prefix_hash[run.end - 1]);
    const uint64_t lengths = filter->prefix_by_first[first[r]];
    if (!may && (lengths >> 63) != 0) {
      for (size_t k = 0; !may && k < filter->prefix_lengths.size(); ++k) {
        const size_t length = filter->prefix_lengths[k];
        if (length > run.end - run.begin) break;
        may = MayHold(filter->prefix, prefix_hash[run.begin + length - 1]);
      }
    }
    for (uint64_t m = may ? 0 : lengths; m != 0; m &= m - 1) {
      const size_t length = static_cast<size_t>(__builtin_ctzll(m));
      if (length > run.end - run.begin) break;
      if (MayHold(filter->prefix, prefix_hash[run.begin + length - 1])) {
        may = true;
        break;
      }
    }
    if (may) candidates.push_back(static_cast<uint32_t>(r));
  }
}


namespace {

// By byte: the byte lower-cased if it is an ASCII word character (never 0), else 0.
struct WordBytes {
  unsigned char lower[256] = {};
  constexpr WordBytes() {
    for (int c = 0; c < 256; ++c) {
      if (IsWordByte(static_cast<unsigned char>(c))) {
        lower[c] = static_cast<unsigned char>(Lower(static_cast<char>(c)));
      }
    }
  }
};
constexpr WordBytes kWordBytes;

}  // namespace

void TextWords::Build(std::string_view text, const WordFilter* word_filter) {
  filter = word_filter;
  candidates.clear();
  runs.clear();
  first.clear();
  prefix_hash.resize(text.size());
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = kWordBytes.lower[bytes[i]];
    if (c == 0) {
      ++i;
      continue;
    }
    Run run;
    run.begin = i;
    uint64_t h = kHashSeed;
    do {  // HashStep, with the table's lower-casing
      h = (h ^ c) * kHashPrime;
      prefix_hash[i++] = h;
    } while (i < n && (c = kWordBytes.lower[bytes[i]]) != 0);
    run.end = i;
    runs.push_back(run);
    first.push_back(kWordBytes.lower[bytes[run.begin]]);
  }
  if (filter != nullptr) BuildCandidates();
}

bool TermIndex::Add(int expr, int entry, std::string_view written) {
  // The same reading of the term as TermToRegex.
  std::string folded = FoldForMatching(written).text;
  if (folded.size() > kMaxTermBytes || !ValidUtf8(folded)) return false;
  std::string_view body = folded;
  while (!body.empty() && IsSplitSpace(body.back())) body.remove_suffix(1);
  Term term;
  while (!body.empty() && body.back() == '*') {
    term.wildcard = true;
    body.remove_suffix(1);
  }
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && IsSplitSpace(body[i])) ++i;
    size_t j = i;
    while (j < body.size() && !IsSplitSpace(body[j])) ++j;
    if (j > i) {
      std::string word(body.substr(i, j - i));
      for (char& c : word) {
        if (c == '\0') return false;
        c = Lower(c);
      }
      term.words.push_back(std::move(word));
    }
    i = j;
  }
  if (term.words.empty()) return false;
  const std::string& first = term.words.front();
  term.leading_boundary = IsWordByte(static_cast<unsigned char>(first.front()));
  size_t k = 0;
  while (k < first.size() && IsWordByte(static_cast<unsigned char>(first[k]))) ++k;
  term.key = first.substr(0, k);
  term.prefix = term.leading_boundary && term.wildcard && term.words.size() == 1 &&
                k == first.size();
  term.trailing_boundary = IsWordByte(static_cast<unsigned char>(term.words.back().back()));
  term.expr = expr;
  term.entry = entry;
  if (slot_by_expr_.size() <= static_cast<size_t>(expr)) slot_by_expr_.resize(expr + 1, -1);
  slot_by_expr_[expr] = static_cast<int>(terms_.size());
  terms_.push_back(std::move(term));
  return true;
}

void TermIndex::Build() {
  for (size_t slot = 0; slot < terms_.size(); ++slot) {
    const Term& t = terms_[slot];
    const int s = static_cast<int>(slot);
    if (!t.leading_boundary) {
      by_first_byte_[static_cast<unsigned char>(t.words.front().front())].push_back(s);
      any_free_ = true;
    } else if (t.prefix) {
      prefix_[Hash(t.key)].push_back(s);
      SetFilterBit(&prefix_filter_, Hash(t.key));
      prefix_lengths_.push_back(t.key.size());
      prefix_by_first_[static_cast<unsigned char>(t.key[0])] |=
          uint64_t{1} << std::min<size_t>(t.key.size(), 63);
    } else {
      exact_[Hash(t.key)].push_back(s);
      SetFilterBit(&exact_filter_, Hash(t.key));
    }
  }
  std::sort(prefix_lengths_.begin(), prefix_lengths_.end());
  prefix_lengths_.erase(std::unique(prefix_lengths_.begin(), prefix_lengths_.end()),
                        prefix_lengths_.end());
}

namespace {

void JoinBits(const std::vector<uint64_t>& bits, std::vector<uint64_t>* into) {
  if (bits.empty()) return;
  if (into->empty()) into->assign(bits.size(), 0);
  for (size_t i = 0; i < bits.size(); ++i) (*into)[i] |= bits[i];
}

}  // namespace

void TermIndex::JoinFilter(WordFilter* filter) const {
  JoinBits(exact_filter_, &filter->exact);
  JoinBits(prefix_filter_, &filter->prefix);
  std::vector<size_t>& lengths = filter->prefix_lengths;
  lengths.insert(lengths.end(), prefix_lengths_.begin(), prefix_lengths_.end());
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  for (size_t b = 0; b < prefix_by_first_.size(); ++b) {
    filter->prefix_by_first[b] |= prefix_by_first_[b];
  }
}

int TermIndex::SlotOf(int expr) const {
  return expr >= 0 && static_cast<size_t>(expr) < slot_by_expr_.size() ? slot_by_expr_[expr]
                                                                        : -1;
}

bool TermIndex::MatchAt(int slot, std::string_view text, size_t begin, size_t* end) const {
  const Term& t = terms_[slot];
  if (begin >= text.size()) return false;
  if (t.leading_boundary && begin > 0 && IsWordByte(static_cast<unsigned char>(text[begin - 1]))) {
    return false;  // \b before a word character
  }
  if (t.words.size() > 1 && !t.words[1].empty()) {
    // What the loop below needs after the first word, checked first: most terms tried at a
    // word fail at the next one.
    size_t q = begin + t.words[0].size();
    if (q >= text.size() || !IsRe2Space(text[q])) return false;
    while (q < text.size() && IsRe2Space(text[q])) ++q;
    if (q >= text.size() || Lower(text[q]) != t.words[1][0]) return false;
  }
  size_t q = begin;
  for (size_t w = 0; w < t.words.size(); ++w) {
    if (w > 0) {  // \s+
      if (q >= text.size() || !IsRe2Space(text[q])) return false;
      while (q < text.size() && IsRe2Space(text[q])) ++q;
    }
    const std::string& word = t.words[w];
    if (text.size() - q < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (Lower(text[q + k]) != word[k]) return false;
    }
    q += word.size();
  }
  if (t.wildcard) {
    while (q < text.size() && IsWordByte(static_cast<unsigned char>(text[q]))) ++q;
  }
  if (t.trailing_boundary && q < text.size() && IsWordByte(static_cast<unsigned char>(text[q]))) {
    return false;  // \b after a word character
  }
  *end = q;
  return true;
}

bool TermIndex::NextMatch(int slot, std::string_view text, size_t pos, size_t* begin,
                          size_t* end) const {
  for (size_t i = pos; i < text.size(); ++i) {
    if (MatchAt(slot, text, i, end)) {
      *begin = i;
      return true;
    }
  }
  return false;
}

void TermIndex::TrySlots(const std::vector<int>& slots, std::string_view text, size_t at,
                         std::vector<TermMatch>* out) const {
  size_t end;
  for (int slot : slots) {
    if (MatchAt(slot, text, at, &end)) {
      const Term& t = terms_[slot];
      out->push_back(TermMatch{t.expr, t.entry, at, end});
    }
  }
}

void TermIndex::Scan(std::string_view text, const TextWords& words,
                     std::vector<TermMatch>* out) const {
  if (terms_.empty()) return;
  const size_t first = out->size();
  if (!exact_.empty() || !prefix_.empty()) {
    const bool filtered = covered_by_ != nullptr && words.filter == covered_by_;
    const size_t visits = filtered ? words.candidates.size() : words.runs.size();
    for (size_t v = 0; v < visits; ++v) {
      const size_t r = filtered ? words.candidates[v] : v;
      const TextWords::Run& run = words.runs[r];
      const uint64_t whole = words.prefix_hash[run.end - 1];
      if (MayHold(exact_filter_, whole)) {
        auto exact = exact_.find(whole);
        if (exact != exact_.end()) TrySlots(exact->second, text, run.begin, out);
      }
      // Only the lengths of keys with the run's first byte, ascending; bit 63: all lengths.
      const uint64_t lengths = prefix_by_first_[words.first[r]];
      const bool every = (lengths >> 63) != 0;
      uint64_t m = lengths;
      for (size_t k = 0; every ? k < prefix_lengths_.size() : m != 0; ++k) {
        size_t length;
        if (every) {
          length = prefix_lengths_[k];
        } else {
          length = static_cast<size_t>(__builtin_ctzll(m));
          m &= m - 1;
        }
        if (length > run.end - run.begin) break;
        const uint64_t h = words.prefix_hash[run.begin + length - 1];
        if (!MayHold(prefix_filter_, h)) continue;
        auto prefix = prefix_.find(h);
        if (prefix != prefix_.end()) TrySlots(prefix->second, text, run.begin, out);
      }
    }
  }
  if (any_free_) {
    for (size_t i = 0; i < text.size(); ++i) {
      const std::vector<int>& slots = by_first_byte_[static_cast<unsigned char>(text[i])];
      if (!slots.empty()) TrySlots(slots, text, i, out);
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const TermMatch& a, const TermMatch& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.expr < b.expr;
            });
}

}  // namespace heard
