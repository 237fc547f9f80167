// Lexicon::FindPlaces: district names, aliases, misspellings and places named in display text.
#include <algorithm>

#include "heard/lexicon.h"
#include "tag/compiled.h"

namespace heard {

std::vector<Hit> Lexicon::FindPlaces(std::string_view text) const {
  const CueSet& places = compiled_->places;
  std::vector<Hit> hits;
  thread_local std::vector<int> candidates;
  places.Candidates(text, &candidates);
  if (candidates.empty()) return hits;

  struct Match {
    int entry;
    int cue;
    size_t begin, end;
  };
  std::vector<Match> all;
  for (int i : candidates) {
    size_t b, e, pos = 0;
    while (places.NextMatch(i, text, pos, &b, &e)) {
      all.push_back(Match{places.entry(i), i, b, e});
      pos = e;
    }
  }
  // A name inside a longer name of another district is part of that name:
  // "Tonbridge" in "Tonbridge Wells" (a misspelling of Tunbridge Wells) is
  // not Tonbridge and Malling.
  auto inside_longer = [&](const Match& m) {
    for (const Match& n : all) {
      if (n.entry != m.entry && n.begin <= m.begin && m.end <= n.end &&
          n.end - n.begin > m.end - m.begin) {
        return true;
      }
    }
    return false;
  };
  std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    if (a.entry != b.entry) return a.entry < b.entry;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.cue < b.cue;
  });
  for (const Match& m : all) {
    if (!hits.empty() && hits.back().entry == m.entry) continue;
    if (inside_longer(m)) continue;
    hits.push_back(Hit{m.entry, places.written(m.cue), m.begin, m.end});
  }
  return hits;
}

}  // namespace heard
