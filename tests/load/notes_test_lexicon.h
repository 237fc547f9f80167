// A small lexicon for the notes loader tests: three outcomes, a few districts and two partners.
#ifndef HEARD_TESTS_LOAD_NOTES_TEST_LEXICON_H_
#define HEARD_TESTS_LOAD_NOTES_TEST_LEXICON_H_

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "heard/lexicon.h"
#include "heard/loader.h"
#include "heard/record.h"

namespace heard::testing {

inline constexpr const char* kNotesLexiconToml = R"toml(
[[outcome]]
id = "O1"
name = "Give children and young people the best start in life"
headings = ['^outcome\s*(1|one)\b']
terms = ["youth club*"]

[[outcome]]
id = "O2"
name = "Tackle the wider determinants to prevent ill health"
headings = ['^outcome\s*(2|two)\b']
terms = ["housing"]

[[outcome]]
id = "GEN"
name = "General: purpose, scope, tone, governance, funding of the strategy"
headings = ['^general( points)?\b']
terms = ["the strategy"]

[[district]]
name = "Tunbridge Wells"
codes = ["TW"]
aliases = ["Royal Tunbridge Wells"]
misspellings = ["Tonbridge Wells"]

[[district]]
name = "Tonbridge and Malling"
codes = ["TMBC"]

[[district]]
name = "Sevenoaks"
codes = ["S"]

[[district]]
name = "Thanet"
codes = ["T"]

[[district]]
name = "Swale"
codes = ["SW"]

[[district]]
name = "Dover"
codes = ["D"]

[[district]]
name = "Folkestone and Hythe"
codes = ["FH"]

[[partner]]
name = "Police and Crime Commissioner"
codes = ["PCC", "OPCC"]
aliases = ["Police and Crime Commissioner's office"]

[[partner]]
name = "Voluntary and community sector"
codes = ["VCS", "VCS Alliances"]
)toml";

// Compiled once; the lexicon is immutable and cheap to copy.
inline const Lexicon& NotesLexicon() {
  static const Lexicon lexicon = [] {
    LexiconSpec spec;
    Status parsed = ParseLexiconToml(kNotesLexiconToml, "notes_test.toml", &spec);
    if (!parsed.ok()) FAIL(parsed.message());
    Result<Lexicon> compiled = Lexicon::Compile(std::move(spec));
    if (!compiled.ok()) FAIL(compiled.status().message());
    return std::move(compiled).value();
  }();
  return lexicon;
}

// Everything a source hands out, `per_call` records at a time, summed into one batch.
inline Batch Drain(RecordSource& source, size_t per_call = 2) {
  Batch all;
  Batch batch;
  int calls = 0;
  while (source.Next(batch, per_call)) {
    REQUIRE(batch.records.size() <= per_call);
    for (Record& r : batch.records) all.records.push_back(std::move(r));
    for (Problem& p : batch.problems) all.problems.push_back(std::move(p));
    all.rows_read += batch.rows_read;
    all.items_read += batch.items_read;
    all.rejected += batch.rejected;
    all.non_answers += batch.non_answers;
    batch.Clear();
    REQUIRE(++calls < 10000);
  }
  return all;
}

inline bool Reconciles(const Batch& b) {
  return b.items_read == static_cast<int64_t>(b.records.size()) + b.rejected + b.non_answers;
}

// Values of the tags of `kind`, in order.
inline std::vector<std::string> TagValues(const Record& record, TagKind kind) {
  std::vector<std::string> values;
  for (const Tag& tag : record.tags) {
    if (tag.kind == kind) values.push_back(tag.value);
  }
  return values;
}

inline const Tag* FindTag(const Record& record, TagKind kind, const std::string& value) {
  for (const Tag& tag : record.tags) {
    if (tag.kind == kind && tag.value == value) return &tag;
  }
  return nullptr;
}

// The value of attribute `name`, or "<none>".
inline std::string AttributeOf(const Record& record, const std::string& name) {
  for (const Attribute& a : record.attributes) {
    if (a.name == name) return a.value;
  }
  return "<none>";
}

inline std::vector<const Problem*> ProblemsMentioning(const Batch& b, const std::string& text) {
  std::vector<const Problem*> found;
  for (const Problem& p : b.problems) {
    if (p.reason.find(text) != std::string::npos) found.push_back(&p);
  }
  return found;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_LOAD_NOTES_TEST_LEXICON_H_
