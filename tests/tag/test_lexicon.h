// A small lexicon written for the tag tests; independent of the shipped lexicon files.
#ifndef HEARD_TESTS_TAG_TEST_LEXICON_H_
#define HEARD_TESTS_TAG_TEST_LEXICON_H_

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "heard/lexicon.h"

namespace heard::testing {

inline constexpr std::string_view kTestOutcomes = R"toml([[outcome]]
id = "O2"
name = "Tackle the wider determinants to prevent ill health"
short_name = "Wider determinants"
headings = ['^outcome\s*(2|two)\b']
terms = ["cost of living", "fuel poverty"]

[[outcome]]
id = "O5"
name = "Improve health and care services"
short_name = "Services"
headings = ['^outcome\s*(5|five)\b']
terms = ["NHS"]

[[outcome]]
id = "GEN"
name = "General comments on the strategy"
short_name = "General"
headings = ['^general']
)toml";

inline constexpr std::string_view kTestThemes = R"toml([[theme]]
id = "gp-access"
name = "Access to GP appointments"
outcomes = ["O5"]
terms = ["GP", "appointment*", "see a GP", "doctor's appointment"]

[[theme]]
id = "dentistry"
name = "Dentistry"
outcomes = ["O5"]
terms = ["dental", "dentist*"]
exclude_terms = ["dental floss"]

[[theme]]
id = "housing"
name = "Housing, heating and energy"
outcomes = ["O2"]
terms = ["housing"]
patterns = ['\bdamp\s+(flat|house|home)s?\b']
)toml";

inline constexpr std::string_view kTestPlaces = R"toml([[district]]
name = "Tunbridge Wells"
codes = ["TW"]
aliases = ["Royal Tunbridge Wells", "TWBC"]
misspellings = ["Tonbridge Wells"]
places = ["Paddock Wood", "Cranbrook"]

[[district]]
name = "Tonbridge and Malling"
codes = ["TMBC"]
places = ["Tonbridge", "West Malling", "King's Hill"]

[[district]]
name = "Thanet"
codes = ["T"]
places = ["Margate", "Ramsgate"]

[[district]]
name = "Dartford"
codes = ["Da"]

[[district]]
name = "Dover"
codes = ["D"]
places = ["Deal"]

[[district]]
name = "Folkestone and Hythe"
codes = ["FH"]

[[district]]
name = "Maidstone"
codes = ["M"]

[[district]]
name = "Sevenoaks"
codes = ["S"]

[[district]]
name = "Medway"
kind = "unitary"
places = ["Chatham", "Gillingham"]

[[partner]]
name = "Police and Crime Commissioner"
codes = ["PCC", "OPCC"]
aliases = ["police and crime commissioner's office"]

[[partner]]
name = "Voluntary and community sector"
codes = ["VCS", "VCS Alliances"]
)toml";

inline constexpr std::string_view kTestOutcodes = R"toml(attribution = "Contains test data."
[outcode]
ME14 = { "Maidstone" = 0.93, "Tonbridge and Malling" = 0.07 }
CT9 = { "Thanet" = 1 }
BR6 = { "Sevenoaks" = 0.02 }
)toml";

// Parses `text` as file `file` into `spec`, failing the test on error.
inline void ParseInto(LexiconSpec* spec, std::string_view text, const std::string& file) {
  Status status = ParseLexiconToml(text, file, spec);
  INFO(status.message());
  REQUIRE(status.ok());
}

inline LexiconSpec TestSpec() {
  LexiconSpec spec;
  ParseInto(&spec, kTestOutcomes, "outcomes.toml");
  ParseInto(&spec, kTestThemes, "themes.toml");
  ParseInto(&spec, kTestPlaces, "places.toml");
  ParseInto(&spec, kTestOutcodes, "outcodes.toml");
  return spec;
}

inline Lexicon TestLexicon() {
  Result<Lexicon> lexicon = Lexicon::Compile(TestSpec());
  INFO(lexicon.status().message());
  REQUIRE(lexicon.ok());
  return *lexicon;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_TAG_TEST_LEXICON_H_
