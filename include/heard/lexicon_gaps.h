// `heard lexicon gaps`: the records no theme caught, and the words that set them apart.
#ifndef HEARD_LEXICON_GAPS_H_
#define HEARD_LEXICON_GAPS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "heard/status.h"
#include "heard/store.h"

namespace heard {

struct GapsOptions {
  size_t top = 20;          // words and phrases listed, each
  int64_t min_records = 3;  // a word or phrase must be in at least this many untagged records
  size_t examples = 3;      // record ids and snippets per word
};

struct GapTerm {
  std::string text;           // folded word or two-word phrase
  int64_t untagged = 0;       // untagged records holding it
  int64_t tagged = 0;         // tagged records holding it
  double g2 = 0;              // log-likelihood keyness, untagged against tagged
  double log_ratio = 0;       // log2 of the ratio of the two record shares (0.5 added to zeros)
  std::vector<std::pair<std::string, std::string>> examples;  // record id, snippet
};

struct LexiconGaps {
  std::string round;
  int64_t records = 0;
  int64_t untagged = 0;  // records with no theme tag (negated ones count as tagged)
  std::map<std::string, std::pair<int64_t, int64_t>> by_channel;  // channel -> (untagged, all)
  std::vector<GapTerm> words;    // most distinctive first (G²)
  std::vector<GapTerm> phrases;  // two-word phrases, likewise
};

// Words come from ICU word breaks over the folded text; stop words (the
// list `heard verify` uses), numbers and one-letter words are left out; a
// phrase is two neighbouring words, neither a stop word. Counts are records,
// not occurrences. Only words more frequent among untagged records are kept.
//   G² = 2 (a ln(a/E1) + b ln(b/E2)),  E1 = c (a+b)/(c+d),  E2 = d (a+b)/(c+d)
// with a, b the untagged and tagged records holding the word and c, d the
// untagged and tagged records (Rayson and Garside 2000).
Result<LexiconGaps> FindLexiconGaps(Store& store, const std::string& round,
                                    const GapsOptions& options = {});

// "text", "md" or "json".
std::string RenderLexiconGaps(const LexiconGaps& gaps, const std::string& format);

// G² of the 2x2 table above; 0 when a word is in every record or none.
double LogLikelihood(int64_t a, int64_t b, int64_t c, int64_t d);

}  // namespace heard

#endif  // HEARD_LEXICON_GAPS_H_
