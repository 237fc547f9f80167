// A small lexicon of district and partner names for the survey tests.
#ifndef HEARD_TESTS_LOAD_SURVEY_LEXICON_FIXTURE_H_
#define HEARD_TESTS_LOAD_SURVEY_LEXICON_FIXTURE_H_

#include <catch2/catch.hpp>

#include "heard/lexicon.h"

namespace heard::testing {

inline const Lexicon& SurveyLexicon() {
  static const Lexicon lexicon = [] {
    constexpr char kToml[] = R"(
[[district]]
name = "Thanet"
codes = ["T"]
places = ["Margate", "Ramsgate", "Broadstairs"]

[[district]]
name = "Tunbridge Wells"
codes = ["TW"]
aliases = ["Royal Tunbridge Wells", "TWBC"]
misspellings = ["Tonbridge Wells"]

[[district]]
name = "Maidstone"
codes = ["M"]

[[district]]
name = "Medway"
kind = "unitary"
places = ["Chatham", "Gillingham"]

[[partner]]
name = "Police and Crime Commissioner"
codes = ["PCC", "OPCC"]
)";
    LexiconSpec spec;
    const Status parsed = ParseLexiconToml(kToml, "survey_test.toml", &spec);
    REQUIRE(parsed.ok());
    Result<Lexicon> compiled = Lexicon::Compile(std::move(spec));
    INFO(compiled.status().message());
    REQUIRE(compiled.ok());
    return std::move(compiled).value();
  }();
  return lexicon;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_LOAD_SURVEY_LEXICON_FIXTURE_H_
