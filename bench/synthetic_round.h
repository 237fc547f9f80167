// A deterministic synthetic survey round for the benchmark: written by us, no real person in it.
#ifndef HEARD_BENCH_SYNTHETIC_ROUND_H_
#define HEARD_BENCH_SYNTHETIC_ROUND_H_

#include <cstdint>
#include <ostream>

#include "heard/lexicon.h"

namespace heard::bench {

struct SyntheticOptions {
  int64_t answers = 1000000;  // one CSV row per answer
  uint64_t seed = 20261124;   // same seed, same file, on every machine
};

// Writes a survey export: "Respondent ID,Postcode,District,Answer", one row
// per answer. Answers have 20-400 words (short ones commoner, mean about 150)
// shaped like real free text: sentences of filler mixed with theme and
// outcome terms from `lexicon`, district and town names, full postcodes,
// "£" amounts, curly quotes and apostrophes, accented words, typos; a few
// non-answers ("n/a"). Half the rows name a district, most give a full
// postcode whose outward code is in the lexicon. Byte-for-byte the same
// output for the same options and lexicon. Returns the bytes written.
int64_t WriteSyntheticSurvey(const Lexicon& lexicon, const SyntheticOptions& options,
                             std::ostream& out);

}  // namespace heard::bench

#endif  // HEARD_BENCH_SYNTHETIC_ROUND_H_
