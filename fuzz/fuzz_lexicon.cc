// Fuzz target: a lexicon file compiled from TOML text (ParseLexiconToml, then
// Lexicon::Compile), as `heard` reads lexicons/*.toml.
// Invariants checked on every input:
//  - parsing and compiling either fail with a Status whose message is "file:line: reason"
//    lines, every line number within the file, or succeed;
//  - on success every definition's position is a line of the file, and the compiled
//    lexicon matches: hits over the input's own text are non-empty spans within it.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "heard/lexicon.h"
#include "heard/normalise.h"

namespace {

// toml++ counts lines at LF.
int64_t TomlLines(const std::string& text) {
  int64_t lines = 1;
  for (const char c : text) lines += c == '\n';
  return lines;
}

void CheckPos(const heard::SourcePos& pos, int64_t lines, const std::string& what) {
  FUZZ_CHECK(pos.file == "fuzz.toml", what + " from file " + pos.file);
  FUZZ_CHECK(pos.line >= 1 && pos.line <= lines, what + " on line " + std::to_string(pos.line));
}

void CheckHits(const std::vector<heard::Hit>& hits, size_t size, size_t entries) {
  for (const heard::Hit& hit : hits) {
    FUZZ_CHECK(hit.entry >= 0 && static_cast<size_t>(hit.entry) < entries, "hit entry out of range");
    FUZZ_CHECK(hit.start < hit.end && hit.end <= size, "hit span out of the text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int64_t lines = TomlLines(text);
  heard::LexiconSpec spec;
  const heard::Status parsed = heard::ParseLexiconToml(text, "fuzz.toml", &spec);
  if (!parsed.ok()) {
    heard::fuzz::CheckPositions(parsed.message(), "fuzz.toml", lines);
    return 0;
  }
  for (const auto& d : spec.outcomes) CheckPos(d.pos, lines, "outcome " + d.id);
  for (const auto& d : spec.themes) {
    CheckPos(d.pos, lines, "theme " + d.id);
    for (const auto& p : d.cues.term_pos) CheckPos(p, lines, "term of theme " + d.id);
    for (const auto& p : d.cues.pattern_pos) CheckPos(p, lines, "pattern of theme " + d.id);
  }
  for (const auto& d : spec.districts) CheckPos(d.pos, lines, "district " + d.name);
  for (const auto& d : spec.partners) CheckPos(d.pos, lines, "partner " + d.name);
  for (const auto& d : spec.outcodes) CheckPos(d.pos, lines, "outcode " + d.outcode);

  heard::Result<heard::Lexicon> lexicon = heard::Lexicon::Compile(spec);
  if (!lexicon.ok()) {
    heard::fuzz::CheckPositions(lexicon.status().message(), "fuzz.toml", lines);
    return 0;
  }
  bool invalid = false;
  const std::string display = heard::ToDisplayText(text.substr(0, 4096), &invalid);
  const heard::FoldedText folded = heard::FoldForMatching(display);
  CheckHits(lexicon->FindThemes(folded.text), folded.text.size(), spec.themes.size());
  CheckHits(lexicon->FindOutcomeCues(folded.text), folded.text.size(), spec.outcomes.size());
  CheckHits(lexicon->FindPlaces(display), display.size(), spec.districts.size() + spec.partners.size() + 1000000);
  lexicon->OutcomeForHeading(display.substr(0, 80));
  lexicon->ResolveName(display.substr(0, 40));
  lexicon->ResolveCode(display.substr(0, 10));
  return 0;
}
