// `heard lexicon check`: every problem in a lexicon folder, each with file and line.
#ifndef HEARD_LEXICON_CHECK_H_
#define HEARD_LEXICON_CHECK_H_

#include <string>
#include <vector>

#include "heard/lexicon.h"
#include "heard/status.h"

namespace heard {

struct LexiconIssue {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string reason;
};

// What the checks cover (errors make `heard lexicon check` exit 3):
// errors
// - TOML syntax, unknown keys, duplicate ids, unknown outcomes or parents,
//   themes with no cue, patterns RE2 rejects or that match empty text (the
//   checks Lexicon::Compile makes);
// - a pattern that can never match: `^` or `$` inside the pattern (not at the
//   start or end of the pattern or of an alternative), or a literal character
//   that folded text never holds (curly quotes, dashes other than '-', 'ß',
//   ligatures, full-width letters, NBSP: FoldForMatching changes them) in a
//   pattern without alternatives;
// - a term whose own folded text its regex does not match;
// - one term (after folding) in two themes where neither is the other's
//   ancestor: the phrase counts under both.
// warnings
// - such a character in a pattern with alternatives (that branch is dead);
//   a pattern that starts with '^' (anchors to the start of the whole record);
// - the same term twice in one theme or outcome; a pattern that matches a
//   term of its own theme (redundant: a theme counts once per record);
// - the same term in a theme and its ancestor (both fire);
// - a term of one theme that another theme's cue matches inside it ("bus"
//   inside "bus pass"): that phrase counts under both, unless an exclusion of
//   the other theme takes it away;
// - an exclusion term on whose own text no cue of its theme matches (it can
//   take a hit away only when a cue overlaps it from outside). Exclusion
//   patterns are not sampled.
struct LexiconCheck {
  std::string dir;
  std::vector<LexiconIssue> issues;  // sorted by file, then line
  int errors() const;
  int warnings() const;
};

// Reads and checks every *.toml file of `dir`. NotFound when `dir` is not a
// folder; every problem in the files is an issue, not a failed Result.
Result<LexiconCheck> CheckLexiconDir(const std::string& dir);

// "file:line: error: reason" lines, then a count line.
std::string RenderLexiconCheck(const LexiconCheck& check);

}  // namespace heard

#endif  // HEARD_LEXICON_CHECK_H_
