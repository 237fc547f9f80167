#include "tag/cue_scan.h"

#include <algorithm>

#include "tag/cue_set.h"

namespace heard {

bool CueScan::PatternMayMatch(int expr) const {
  return all_patterns_ || std::binary_search(patterns_.begin(), patterns_.end(), expr);
}

// The alternation of an entry's patterns, leftmost-first, without building it: the leftmost
// start B where some pattern has a non-empty match, taken by the first pattern (in the order
// added) matching there; but when an earlier pattern matches at B only empty, the alternation
// matches empty at B, and the search goes on from the next character.
CueScan::Next CueScan::FindNextPattern(PatternList* l, size_t bound) {
  constexpr size_t kNone = std::string_view::npos;
  const std::vector<int>& patterns = set_->PatternsOf(l->entry);
  if (l->ahead.empty()) l->ahead.resize(patterns.size());
  size_t pos = l->next;
  while (pos <= text_.size()) {
    size_t best = kNone;
    size_t winner = 0;
    bool partial = false;  // some pattern is known only to have no match before its resume
    for (size_t k = 0; k < patterns.size(); ++k) {
      Ahead& a = l->ahead[k];
      const bool stale = a.match.expr < 0 ||
                         (a.exact ? a.match.begin != kNone && a.match.begin < pos
                                  : a.resume <= pos || a.resume < bound);
      if (stale) {
        const size_t from = a.match.expr >= 0 && !a.exact ? std::max(pos, a.resume) : pos;
        a.match.expr = patterns[k];
        a.exact = true;
        if (!PatternMayMatch(a.match.expr)) {
          a.match.begin = kNone;
        } else {
          const int r = set_->NextMatchBefore(a.match.expr, text_, words_, from, bound, &a.match.begin,
                                              &a.match.end, &a.resume);
          if (r == 0) a.match.begin = kNone;
          if (r == 2) a.exact = false;
        }
      }
      if (!a.exact) {
        partial = true;
      } else if (a.match.begin < best) {
        best = a.match.begin, winner = k;
      }
    }
    // A pattern searched only up to its resume (>= bound) may match before `best`.
    if (partial && (best == kNone || best >= bound)) return Next::kNotBefore;
    if (best == kNone) return Next::kNone;
    bool empty = false;
    for (size_t k = 0; k < winner && !empty; ++k) {
      empty = set_->AnyMatchAt(patterns[k], text_, best);
    }
    if (!empty) {
      l->found.push_back(l->ahead[winner].match);
      l->next = best + 1;
      return Next::kFound;
    }
    pos = best + 1;
    while (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
    l->next = pos;
  }
  return Next::kNone;
}

bool CueScan::PatternOccurrence(int list, size_t k, size_t bound, Found* out) {
  PatternList& l = lists_[static_cast<size_t>(list)];
  while (l.found.size() <= k && !l.done) {
    if (l.next > text_.size()) {
      l.done = true;
      break;
    }
    const Next next = FindNextPattern(&l, bound);
    if (next == Next::kNone) l.done = true;
    if (next == Next::kNotBefore) break;
  }
  if (k >= l.found.size() || l.found[k].begin >= bound) return false;
  *out = l.found[k];
  return true;
}

CueScan::Cursor::Cursor(CueScan& scan, int entry) : scan_(&scan), entry_(entry) {
  const std::vector<Occurrence>& occurrences = scan.occurrences_;
  auto first = std::lower_bound(occurrences.begin(), occurrences.end(), entry,
                                [](const Occurrence& o, int e) { return o.entry < e; });
  auto last = first;
  while (last != occurrences.end() && last->entry == entry) ++last;
  term_ = static_cast<size_t>(first - occurrences.begin());
  term_end_ = static_cast<size_t>(last - occurrences.begin());
  const auto lists_end = scan.lists_.begin() + static_cast<std::ptrdiff_t>(scan.lists_used_);
  auto list = std::lower_bound(scan.lists_.begin(), lists_end, entry,
                               [](const PatternList& l, int e) { return l.entry < e; });
  if (list != lists_end && list->entry == entry) {
    list_ = static_cast<int>(list - scan.lists_.begin());
  }
}

bool CueScan::Cursor::Next(Occurrence* o) {
  Found p;
  // With a term next, only a pattern occurrence starting no later matters yet.
  const size_t bound = term_ < term_end_ ? scan_->occurrences_[term_].begin + 1
                                         : std::string_view::npos;
  const bool has_pattern = list_ >= 0 && scan_->PatternOccurrence(list_, pattern_, bound, &p);
  if (term_ < term_end_) {
    const Occurrence& t = scan_->occurrences_[term_];
    if (!has_pattern || t.begin <= p.begin) {
      if (has_pattern && t.begin == p.begin) ++pattern_;  // a term first in the alternation
      *o = t;
      ++term_;
      return true;
    }
  }
  if (!has_pattern) return false;
  *o = Occurrence{entry_, p.expr, p.begin, p.end};
  ++pattern_;
  return true;
}

}  // namespace heard
