// CueScan: the occurrences of a CueSet's entries in one text, found once and read through
// cursors. Private to the tag stage.
#ifndef HEARD_SRC_TAG_CUE_SCAN_H_
#define HEARD_SRC_TAG_CUE_SCAN_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "tag/term_index.h"

namespace heard {

class CueSet;

// Every occurrence of every entry of a CueSet in one text (CueSet::Scan starts it). Not
// thread-safe: one thread reads a scan. An occurrence of an
// entry is a start b where the leftmost-first alternation of the entry's expressions (in the
// order added) has a non-empty match, ending at e: what a search for the entry from each
// position in turn finds. Term occurrences are listed by the scan; an entry's pattern
// occurrences are searched for only as far as a reader asks (some are slow to find).
class CueScan {
 public:
  struct Occurrence {
    int entry = -1;
    int expr = -1;  // the expression that matched; -1: one of the entry's patterns
    size_t begin = 0, end = 0;
  };

  // The occurrences of one entry, in begin order. The scan must outlive the cursor.
  class Cursor {
   public:
    Cursor(CueScan& scan, int entry);
    bool Next(Occurrence* o);  // false after the last

   private:
    CueScan* scan_;
    int entry_;
    size_t term_, term_end_;  // into scan_->occurrences_
    int list_ = -1;           // into scan_->lists_
    size_t pattern_ = 0;
  };

  // Entries that have a term occurrence or a pattern that may match, ascending.
  const std::vector<int>& entries() const { return entries_; }
  // Every match of every indexed term, by begin then expression.
  const std::vector<TermMatch>& terms() const { return terms_; }
  // The text's words when CueSet::NextMatchBefore may use them on it, else null.
  const TextWords* words() const { return words_; }
  // Whether pattern expression `expr` may match somewhere in the text.
  bool PatternMayMatch(int expr) const;

 private:
  friend class CueSet;
  struct Found {
    size_t begin, end;
    int expr;
  };
  // Per pattern: its leftmost non-empty match at or after some earlier search position, still
  // its leftmost one while begin >= the position (begin npos: none); or, when not `exact`,
  // only that no match starts before `resume`.
  struct Ahead {
    Found match{0, 0, -1};  // expr -1: not searched yet
    bool exact = true;
    size_t resume = 0;
  };
  struct PatternList {
    int entry = -1;
    std::vector<Found> found;
    size_t next = 0;  // where the next search starts
    bool done = false;
    std::vector<Ahead> ahead;  // per pattern of the entry, in the order added
  };
  enum class Next { kFound, kNone, kNotBefore };
  // The k-th pattern occurrence of list `list` if it starts before `bound`, searching for it
  // when not found yet; false when there is none or it would start at or after `bound`.
  bool PatternOccurrence(int list, size_t k, size_t bound, Found* out);
  // Searches for the next occurrence of list `l`, not looking past the need to know whether
  // one starts before `bound`.
  Next FindNextPattern(PatternList* l, size_t bound);

  const CueSet* set_ = nullptr;
  std::string_view text_;
  const TextWords* words_ = nullptr;  // null: search without LiteralStart (see CueSet)
  std::vector<Occurrence> occurrences_;  // of terms: by entry, then begin, one per start
  std::vector<TermMatch> terms_;
  std::vector<int> patterns_;  // pattern expressions (ascending) that may match somewhere:
                               // every one that does, and maybe others
  bool all_patterns_ = false;  // true: every pattern expression may
  std::vector<PatternList> lists_;  // the first lists_used_, by entry, ascending
  size_t lists_used_ = 0;
  std::vector<int> entries_;
};

}  // namespace heard

#endif  // HEARD_SRC_TAG_CUE_SCAN_H_
