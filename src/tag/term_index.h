// TermIndex: lexicon terms (plain words and phrases) found without a regular expression.
// Private to the tag stage; CueSet keeps RE2 for everything it cannot hold.
//
// A term held here matches exactly where its TermToRegex expression would, on text that
// FoldForMatching has produced (NFKC case folded: no ASCII capitals, no U+212A KELVIN SIGN or
// U+017F LONG S, the only characters RE2's case-insensitive ASCII letters also match, and no
// other character whose case-fold orbit holds a second folded character):
//   [\b] w1 \s+ w2 ... \s+ wn [\w*] [\b]
// where \b and \w are ASCII-only, \s is [\t\n\f\r ], and the words are compared byte for
// byte, ASCII letters without regard to case. A term whose first character is an ASCII word
// character has the leading \b, so it can only start where a run of ASCII word characters
// starts, and that run (or its start, for a one-word term ending in '*') is what the index is
// keyed by; any other term is keyed by its first byte and tried wherever that byte occurs.
#ifndef HEARD_SRC_TAG_TERM_INDEX_H_
#define HEARD_SRC_TAG_TERM_INDEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace heard {

// By first byte (ASCII letters lower case): bit L set when some prefix key of length L < 63
// starts with it; bit 63 when one of length 63 or more does.
using PrefixLengths = std::array<uint64_t, 256>;

// What the TermIndexes of one lexicon key their terms by, joined: a word run none of them can
// start a term at is passed over by all of them at once (TextWords::candidates).
struct WordFilter {
  std::vector<uint64_t> exact, prefix;  // the OR of the indexes' filters (empty: no bit)
  std::vector<size_t> prefix_lengths;   // ascending, every index's
  PrefixLengths prefix_by_first{};      // every index's
};

// The runs of ASCII word characters of one text, with a hash of every prefix of each run
// (ASCII letters lower-cased), so that many TermIndexes can look words up without hashing the
// text again. Build once per text.
struct TextWords {
  struct Run {
    size_t begin = 0, end = 0;
  };
  std::vector<Run> runs;
  std::vector<uint64_t> prefix_hash;  // by byte: hash of text[run begin, i] lower-cased
  std::vector<unsigned char> first;   // by run: its first byte, ASCII letters lower-cased
  // With a filter: the runs (ascending) where some index joined in it may have a term
  // starting (every run where one does, and maybe others).
  const WordFilter* filter = nullptr;
  std::vector<uint32_t> candidates;

  void Build(std::string_view text, const WordFilter* word_filter = nullptr);

 private:
  void BuildCandidates();
};

// One match of one indexed term.
struct TermMatch {
  int expr = -1;  // the CueSet expression index of the term
  int entry = -1;
  size_t begin = 0, end = 0;
};

class TermIndex {
 public:
  // Takes term `written` (as the analyst wrote it) as expression `expr` of lexicon entry
  // `entry`; returns false, adding nothing, when the term is not one this index can hold
  // (not valid UTF-8, a NUL byte, no words, or very long): RE2 then takes it.
  bool Add(int expr, int entry, std::string_view written);

  // Builds the lookup tables; call once, after every Add. Then read-only and thread-safe.
  void Build();

  bool empty() const { return terms_.empty(); }

  // Adds this index's keys to `filter`; after every index is joined, CoveredBy(filter) lets
  // Scan visit only the runs TextWords built with that filter lists. Call after Build().
  void JoinFilter(WordFilter* filter) const;
  void CoveredBy(const WordFilter* filter) { covered_by_ = filter; }

  // Appends to *out every match of every term in `text` (`words` built from `text`), sorted
  // by begin, then expression. Terms match independently: several may start at one place.
  void Scan(std::string_view text, const TextWords& words, std::vector<TermMatch>* out) const;

  // Whether term `slot` matches starting exactly at `begin`; sets *end.
  bool MatchAt(int slot, std::string_view text, size_t begin, size_t* end) const;

  // The leftmost match of term `slot` starting at or after `pos`.
  bool NextMatch(int slot, std::string_view text, size_t pos, size_t* begin, size_t* end) const;

  // The slot of expression `expr`, or -1 when the index does not hold it.
  int SlotOf(int expr) const;

 private:
  struct Term {
    int expr = -1;
    int entry = -1;
    std::vector<std::string> words;  // folded, ASCII letters lower case
    std::string key;                 // leading ASCII word characters of the first word
    bool leading_boundary = false;   // the term starts with an ASCII word character
    bool prefix = false;             // a single word of word characters with a trailing '*'
    bool wildcard = false;
    bool trailing_boundary = false;
  };

  void TrySlots(const std::vector<int>& slots, std::string_view text, size_t at,
                std::vector<TermMatch>* out) const;

  std::vector<Term> terms_;
  std::vector<int> slot_by_expr_;
  std::unordered_map<uint64_t, std::vector<int>> exact_;   // hash of key -> slots
  std::unordered_map<uint64_t, std::vector<int>> prefix_;  // hash of key -> slots
  std::vector<size_t> prefix_lengths_;                     // ascending
  PrefixLengths prefix_by_first_{};
  // A bit per key hash (FilterBit) that some key of exact_ / prefix_ has: a clear bit saves
  // the map lookup, which most words of a text would miss.
  std::vector<uint64_t> exact_filter_, prefix_filter_;
  std::vector<int> by_first_byte_[256];  // slots of terms without a leading boundary
  bool any_free_ = false;                // some term has no leading boundary
  const WordFilter* covered_by_ = nullptr;  // a filter this index's keys are joined in
};

}  // namespace heard

#endif  // HEARD_SRC_TAG_TERM_INDEX_H_
