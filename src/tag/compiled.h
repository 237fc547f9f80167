// Lexicon::Compiled, the state a compiled Lexicon shares read-only between threads. Private to
// the tag stage.
#ifndef HEARD_SRC_TAG_COMPILED_H_
#define HEARD_SRC_TAG_COMPILED_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "heard/lexicon.h"
#include "tag/cue_set.h"
#include "tag/qualifiers.h"

namespace heard {

// Collects "file:line: reason" lines; a lexicon reports every problem at once.
class LexiconErrors {
 public:
  void Add(const SourcePos& pos, const std::string& reason);
  void Add(const std::string& file, int line, const std::string& reason);
  bool empty() const { return lines_.empty(); }
  std::string Joined() const;  // sorted by file, then line; joined by '\n'

 private:
  struct Line {
    std::string file;
    int line;
    std::string text;  // "file:line: reason"
  };
  std::vector<Line> lines_;
};

// Key a district or partner name is looked up by: folded (lower case, plain
// punctuation), "&" read as "and", apostrophes dropped, every other run of
// punctuation or space made one space, trimmed. "Folkestone & Hythe" ->
// "folkestone and hythe".
std::string NameKey(std::string_view name);

// Names, aliases, misspellings and codes of districts and partners.
struct NameIndex {
  struct Candidate {
    std::u32string key;  // NameKey, as code points, for edit distance
    size_t key_bytes = 0;
    int target = -1;  // index into targets
  };
  std::vector<NameMatch> targets;                      // one per district/partner; how unset
  std::unordered_map<std::string, NameMatch> by_key;   // NameKey -> match with how
  std::unordered_map<std::string, NameMatch> by_code;  // exact code -> match
  std::vector<Candidate> candidates;                   // for the edit-distance fallback
};

// Builds `index` from the districts and partners of `spec`, reporting a
// name or code given to two different districts or partners.
void BuildNameIndex(const LexiconSpec& spec, NameIndex* index, LexiconErrors* errors);

struct Lexicon::Compiled {
  uint64_t id = 0;  // unique among the lexicons compiled by this process
  LexiconSpec spec;
  std::string fingerprint;
  CueSet theme_cues{false};        // entry: theme index
  CueSet theme_exclusions{false};  // entry: theme index
  CueSet outcome_cues{false};      // entry: outcome index
  CueSet places{true};             // entry: district index; case-sensitive, display text
  std::vector<std::vector<std::unique_ptr<RE2>>> headings;  // per outcome
  std::unordered_map<std::string, int> outcome_by_id;
  std::unordered_map<std::string, int> theme_by_id;
  std::unordered_map<std::string, int> outcode_by_code;  // upper-case outcode
  NameIndex names;
  QualifierRules qualifiers;  // negation and hedging (qualifiers.cc)
  WordFilter word_filter;     // every cue set's term keys (TermIndex::JoinFilter)
};

// sha256 hex of a canonical serialisation of everything in `spec` but the
// source positions.
std::string LexiconFingerprint(const LexiconSpec& spec);

}  // namespace heard

#endif  // HEARD_SRC_TAG_COMPILED_H_
