// The tag stage: outcomes, themes and districts with their evidence, from a compiled lexicon.
#ifndef HEARD_TAGGER_H_
#define HEARD_TAGGER_H_

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/record.h"

namespace heard {

// Adds the lexicon's tags to a normalised record, after the loader's
// structural tags. Rules:
// - themes: one tag per theme found, origin kLexicon, evidence span in text;
// - outcomes: the structural outcome if the loader set one; otherwise the
//   outcome cues found (kLexicon) and the outcomes of the themes found (kTheme);
// - districts: structural districts if any (column, header, code); else the
//   districts of the "postcode_outcode" attribute (a split outcode gives one
//   tag per district, confidence = its share, and says so in the note); else
//   places named in the text (kPlaceName);
// - qualifiers: a theme tag, and an outcome cue found in the text, is marked
//   kNegated or kHedged by the cues of lexicons/qualifiers.toml when every
//   mention of it sits in a negated or hedged context (Lexicon::QualifyTheme).
// Deterministic: the same record and lexicon give the same tags in the same
// order. Threading: safe to call concurrently; `lexicon` is read-only.
void TagRecord(const Lexicon& lexicon, const FoldedText& folded, Record& record);

}  // namespace heard

#endif  // HEARD_TAGGER_H_
