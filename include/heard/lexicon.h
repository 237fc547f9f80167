// Lexicons: the outcomes, themes, districts and partners heard tags with, parsed from TOML and compiled once.
#ifndef HEARD_LEXICON_H_
#define HEARD_LEXICON_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heard/record.h"
#include "heard/status.h"

namespace heard {

// Where a definition was written, for messages ("lexicons/themes.toml:212").
struct SourcePos {
  std::string file;
  int line = 0;
};

// A list of cues as an analyst writes them. `terms` are literal words or
// phrases, matched case-insensitively on word boundaries with any run of
// white space between words; a trailing '*' matches any word ending
// ("appointment*"). `patterns` are RE2 expressions matched against the folded
// text (lower case, curly quotes and dashes made plain).
struct Cues {
  std::vector<std::string> terms;
  std::vector<std::string> patterns;
  std::vector<SourcePos> term_pos;     // parallel to terms
  std::vector<SourcePos> pattern_pos;  // parallel to patterns
};

struct OutcomeDef {
  std::string id;                     // "O1".."O6", "E1".."E3", "GEN"
  std::string name;                   // the strategy's wording
  std::string short_name;             // for tables and charts
  Cues cues;                          // text that points to this outcome
  std::vector<std::string> headings;  // RE2 patterns, case-insensitive, over a workshop heading
  SourcePos pos;
};

struct ThemeDef {
  std::string id;                     // kebab-case slug, e.g. "gp-access"
  std::string name;
  std::string parent;                 // id of a broader theme; empty at the top
  std::vector<std::string> outcomes;  // outcome ids this theme belongs to
  Cues cues;
  Cues exclude;                       // a hit overlapping one of these does not count
  SourcePos pos;
};

struct DistrictDef {
  std::string name;                       // canonical: "Tunbridge Wells"
  std::string kind;                       // "district" or "unitary"
  std::vector<std::string> codes;         // workshop codes, case-sensitive: "TW"
  std::vector<std::string> aliases;       // other names: "Royal Tunbridge Wells", "TWBC"
  std::vector<std::string> misspellings;  // "Tonbridge Wells"
  std::vector<std::string> places;        // towns and places, case-sensitive: "Paddock Wood"
  SourcePos pos;
};

struct PartnerDef {
  std::string name;                  // canonical: "Police and Crime Commissioner"
  std::vector<std::string> codes;    // "PCC", "VCS Alliances"
  std::vector<std::string> aliases;
  SourcePos pos;
};

struct OutcodeShare {
  std::string district;  // canonical district name
  double share = 0;      // of the outcode's unit postcodes
};

struct OutcodeDef {
  std::string outcode;                  // "ME14"
  std::vector<OutcodeShare> districts;  // Kent and Medway districts, largest share first
  double outside_share = 0;             // share lying outside Kent and Medway
  SourcePos pos;
};

// Negation and hedging cues ([qualifiers] in lexicons/qualifiers.toml),
// each list written as terms and patterns like a theme's cues. A theme hit
// is negated when a `negation_before` cue ends at most `window` words before
// it, or a `negation_after` cue starts at most `window` words after it, in
// the same clause; hedged likewise with the hedge lists. A clause ends at a
// `boundaries` match ("but", "however", punctuation). A `pseudo` cue ("not
// only", "no doubt") that overlaps a trigger cancels that trigger.
struct QualifierCues {
  bool present = false;  // a [qualifiers] table was read
  int window = 6;        // words between cue and hit, at most
  Cues negation_before, negation_after, hedge_before, hedge_after, pseudo, boundaries;
  SourcePos pos;
};

// Everything read from a lexicon folder, before compiling.
struct LexiconSpec {
  std::vector<OutcomeDef> outcomes;
  std::vector<ThemeDef> themes;
  std::vector<DistrictDef> districts;
  std::vector<PartnerDef> partners;
  std::vector<OutcodeDef> outcodes;
  std::string attribution;  // data licence text that must travel with derived output
  QualifierCues qualifiers;  // empty (present == false): no tag is ever qualified
};

// Parses one lexicon TOML document into `spec` (appending). Which tables it
// may hold: [[outcome]], [[theme]], [[district]], [[partner]], [outcode.*],
// attribution. Errors carry file:line.
Status ParseLexiconToml(std::string_view text, const std::string& file, LexiconSpec* spec);

// Reads every *.toml file of `dir`, in name order.
Result<LexiconSpec> ReadLexiconDir(const std::string& dir);

// A place in the text a lexicon entry matched. Offsets are bytes into the
// text that was searched.
struct Hit {
  int entry = -1;       // index into outcomes / themes / districts of the spec
  std::string pattern;  // the term or pattern as the analyst wrote it
  size_t start = 0;
  size_t end = 0;
};

// How a district or partner name or code was resolved.
struct NameMatch {
  TagKind kind = TagKind::kDistrict;  // kDistrict or kPartner
  std::string canonical;
  std::string how;  // "name", "alias", "code", "misspelling", "edit distance 2"
};

// A compiled lexicon: plain terms go into a word index (no regular
// expression), hand-written patterns are compiled once into RE2 objects (an
// RE2::Set per kind to find candidates, one RE2 per pattern for spans).
// Immutable after Compile; safe for concurrent use from many threads.
// Cheap to copy (shares the compiled state).
class Lexicon {
 public:
  // Checks and compiles. Every problem is reported, each with file:line:
  // a pattern RE2 rejects, a duplicate id, an unknown outcome or parent, a
  // theme with no cue, an outcode naming an unknown district.
  static Result<Lexicon> Compile(LexiconSpec spec);
  static Result<Lexicon> Load(const std::string& dir);  // ReadLexiconDir + Compile

  const LexiconSpec& spec() const;
  const OutcomeDef* FindOutcome(std::string_view id) const;
  const ThemeDef* FindTheme(std::string_view id) const;
  const OutcodeDef* FindOutcode(std::string_view outcode) const;  // case-insensitive

  // Outcome id for a workshop section heading ("Outcome 2 Continued (1)" ->
  // "O2", "General Points" -> "GEN"); empty when none matches.
  std::string OutcomeForHeading(std::string_view heading) const;

  // A district or partner by name, alias or misspelling, case-insensitive,
  // falling back to the nearest name within a small edit distance.
  std::optional<NameMatch> ResolveName(std::string_view name) const;
  // A workshop code such as "TW" or "VCS Alliances"; case-sensitive.
  std::optional<NameMatch> ResolveCode(std::string_view code) const;

  // Matching, for the tagger. `folded` is text from FoldForMatching; at most
  // one hit per entry, the earliest that no exclusion overlaps.
  std::vector<Hit> FindThemes(std::string_view folded) const;
  std::vector<Hit> FindOutcomeCues(std::string_view folded) const;
  // How negation and hedging cues qualify theme (or outcome cue) `entry` in
  // `folded`: kNone when any occurrence of the entry (not taken away by an
  // exclusion) is plain; else kNegated if any occurrence is negated, else
  // kHedged. So "no problem with the bus, but the trains are awful" stays
  // plain for a theme both words cue. Rules: QualifierCues; code in
  // src/tag/qualifiers.cc.
  Qualifier QualifyTheme(int entry, std::string_view folded) const;
  Qualifier QualifyOutcomeCue(int entry, std::string_view folded) const;
  // The qualifier of one span [begin, end) of `folded`.
  Qualifier QualifySpan(std::string_view folded, size_t begin, size_t end) const;

  // District names, aliases and places, case-sensitive, in display text.
  std::vector<Hit> FindPlaces(std::string_view text) const;

  // Every regular expression the matcher searches, as compiled: kind "theme"
  // or "outcome" (over folded text, case-insensitive), "place" (over display
  // text, case-sensitive) or "exclusion"; `entry` is the theme or outcome id
  // or district name. For tools that compare heard with other matchers.
  struct Regex {
    std::string kind;
    std::string entry;
    std::string regex;
  };
  std::vector<Regex> Regexes() const;

  // Identifies this lexicon's content (sha256 of the spec's cues and names).
  const std::string& fingerprint() const;

  struct Compiled;

 private:
  explicit Lexicon(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace heard

#endif  // HEARD_LEXICON_H_
