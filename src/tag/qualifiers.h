// Negation and hedging rules compiled from [qualifiers] (lexicons/qualifiers.toml). Private to the
// tag stage; Lexicon::Qualify* in qualifiers.cc apply them.
#ifndef HEARD_SRC_TAG_QUALIFIERS_H_
#define HEARD_SRC_TAG_QUALIFIERS_H_

#include <string_view>

#include "heard/lexicon.h"
#include "tag/cue_set.h"

namespace heard {

class LexiconErrors;
class RecordScan;

// One CueSet per cue list; every expression is entry 0 of its set.
struct QualifierRules {
  bool present = false;
  int window = 6;
  CueSet negation_before{false}, negation_after{false}, hedge_before{false}, hedge_after{false},
      pseudo{false}, boundaries{false};

  // Compiles `cues`; problems go to `errors` with file:line.
  void Compile(const QualifierCues& cues, LexiconErrors* errors);

  // NegEx-style reading of the span [begin, end) of the scanned folded text; see
  // QualifierCues.
  Qualifier Qualify(RecordScan& scan, size_t begin, size_t end) const;

 private:
  // Whether a `pseudo` match starting at or after `from` overlaps [b, e).
  bool Cancelled(RecordScan& scan, size_t from, size_t b, size_t e) const;
};

}  // namespace heard

#endif  // HEARD_SRC_TAG_QUALIFIERS_H_
