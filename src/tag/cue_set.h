// CueSet: the cues of many lexicon entries searched at once. Plain terms are found by word
// lookup (TermIndex); hand-written patterns by RE2 (an RE2::Set finds the candidates, one RE2
// per pattern finds spans). Scan() lists what one text holds (CueScan). Private to the tag
// stage.
#ifndef HEARD_SRC_TAG_CUE_SET_H_
#define HEARD_SRC_TAG_CUE_SET_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "tag/cue_scan.h"
#include "tag/literal_start.h"
#include "tag/term_index.h"

namespace heard {

// A regular expression for a lexicon term: the term folded like the text,
// each word quoted, words joined by any run of white space, a trailing '*'
// matching any word ending, \b at an edge that is an ASCII word character
// (RE2's \b is ASCII-only, so an edge such as "é" gets no boundary).
// Returns an empty string when the term has no words.
std::string TermToRegex(std::string_view term);

// A literal name matched with its case in display text ("Paddock Wood"):
// words joined by any run of spaces (NBSP included), an apostrophe matching a
// curly one too, \b at ASCII word-character edges.
std::string PlaceToRegex(std::string_view place);

// Filled once, then Compile(), then read-only: every query is safe from many threads at once.
class CueSet {
 public:
  explicit CueSet(bool case_sensitive);
  CueSet(CueSet&&) = default;
  CueSet& operator=(CueSet&&) = default;

  // Adds `regex` for lexicon entry `entry`; `written` is the cue as the
  // analyst wrote it. Returns false, with RE2's reason in *error, when RE2
  // rejects the expression or it matches empty text; nothing is added then.
  bool Add(int entry, const std::string& regex, const std::string& written, std::string* error);

  // Adds lexicon term `written` for `entry`, `regex` being TermToRegex(written): held in the
  // term index (no RE2) when the index can, else as Add. The same matches either way.
  bool AddTerm(int entry, const std::string& regex, const std::string& written,
               std::string* error);

  // Builds the set of patterns and the term index. Returns false if RE2 runs out of memory
  // for the set. Call once.
  bool Compile();

  // Starts *out on `text` (`words` built from it; both must outlive *out); see CueScan.
  void Scan(std::string_view text, const TextWords& words, CueScan* out) const;

  // The patterns (expressions not in the term index) of `entry`, in the order added.
  const std::vector<int>& PatternsOf(int entry) const;
  // As NextMatch, but may stop at a start at or after `bound`: returns 1 (found, exact), 0
  // (no match at all) or 2 (no match starts before *resume, which is >= bound). With `words`
  // (built from `text`, which must not hold what MayFoldToAscii finds unless the set is
  // case-sensitive), a pattern with a LiteralStart is tried only where one of its heads begins.
  int NextMatchBefore(int i, std::string_view text, const TextWords* words, size_t pos,
                      size_t bound, size_t* begin, size_t* end, size_t* resume) const;
  // Whether expression `i` (a pattern) matches, even empty, anchored at `begin`.
  bool AnyMatchAt(int i, std::string_view text, size_t begin) const;

  // The expression of `entry`'s patterns that the alternation takes at `begin` (the first in
  // the order added that matches there, non-empty); -1 when none does.
  int PatternAt(int entry, std::string_view text, size_t begin) const;

  // Replaces *out with the indices (ascending) of pattern expressions (not indexed terms)
  // that match somewhere in `text`.
  void Candidates(std::string_view text, std::vector<int>* out) const;
  // As Candidates; with `confirm` false, expressions with an "any character" run whose
  // literal words all occur are listed without running them (they may not match).
  void Candidates(std::string_view text, std::vector<int>* out, bool confirm) const;

  // The leftmost non-empty match of expression `i` starting at or after byte
  // `pos`; false when there is none. Word boundaries see the whole text.
  bool NextMatch(int i, std::string_view text, size_t pos, size_t* begin, size_t* end) const;

  // Whether expression `i` matches starting exactly at `begin`; sets *end.
  bool MatchAt(int i, std::string_view text, size_t begin, size_t* end) const;

  // The expressions of `entry`, ascending.
  const std::vector<int>& ExprsOf(int entry) const;
  bool IsTerm(int i) const { return terms_.SlotOf(i) >= 0; }
  bool case_sensitive() const { return options_.case_sensitive(); }

  size_t size() const { return regex_text_.size(); }
  int entry(int i) const { return entries_[i]; }

  // See TermIndex::JoinFilter and CoveredBy; after Compile().
  void JoinWordFilter(WordFilter* filter) const { terms_.JoinFilter(filter); }
  void CoverWords(const WordFilter* filter) { terms_.CoveredBy(filter); }
  const std::string& written(int i) const { return written_[i]; }
  const std::string& regex(int i) const { return regex_text_[i]; }

 private:
  RE2::Options options_;
  // Expressions with a bounded or unbounded "any character" run (".{0,40}") make a shared
  // DFA's states multiply with every other expression's, so they stay out of `set_`: they
  // are prefiltered by the literal words they need (`filtered_`, whose atoms `atoms_` finds)
  // and only the ones whose words occur are run, each on its own.
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> set_index_;  // set_ id -> expression index
  bool set_ok_ = false;  // false: the set could not be built; test each RE2 instead
  std::unique_ptr<re2::FilteredRE2> filtered_;
  std::vector<int> filtered_index_;  // filtered_ id -> expression index
  std::unique_ptr<RE2::Set> atoms_;  // the filter's words, case-insensitive literals
  bool filtered_ok_ = false;         // false: test every filtered expression
  std::vector<std::unique_ptr<RE2>> regexes_;  // null for indexed terms
  // By expression: for a pattern with an "any character" run, the part before it, which
  // finds where the pattern may start; else null.
  std::vector<std::unique_ptr<RE2>> heads_;
  // By expression: the literal words a pattern's matches start with (empty: not known).
  std::vector<LiteralStart> starts_;
  // By expression: a pattern that is a fixed run of single bytes (empty: not one).
  std::vector<ByteSequence> bytes_;
  std::vector<std::string> regex_text_;
  std::vector<int> entries_;
  std::vector<std::string> written_;
  std::vector<std::vector<int>> exprs_by_entry_;
  std::vector<std::vector<int>> patterns_by_entry_;  // expressions not in terms_
  std::vector<int> pattern_entries_;                 // entries with patterns, ascending
  // Plain terms, found by word lookup. A term goes here only while no pattern of its entry
  // has been added, so an entry's indexed terms all come first in its alternation.
  TermIndex terms_;
};

}  // namespace heard

#endif  // HEARD_SRC_TAG_CUE_SET_H_
