// Negation and hedging with the shipped lexicons/qualifiers.toml: sentences whose theme tags must be
// negated, hedged or plain, including false-negation traps.
#include <catch2/catch.hpp>

#include <string>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/tagger.h"

namespace heard {
namespace {

const Lexicon& Shipped() {
  static const Lexicon lexicon = [] {
    Result<Lexicon> loaded = Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return lexicon;
}

// The qualifier of theme `theme` in `text`; "missing" when the theme is not tagged.
std::string QualifierOf(const std::string& text, const std::string& theme) {
  Record record;
  record.text = text;
  const FoldedText folded = NormaliseRecord(record);
  TagRecord(Shipped(), folded, record);
  for (const Tag& tag : record.tags) {
    if (tag.kind == TagKind::kTheme && tag.value == theme) {
      return tag.qualifier == Qualifier::kNone ? "plain" : std::string(QualifierName(tag.qualifier));
    }
  }
  return "missing";
}

TEST_CASE("negated mentions of a theme are marked negated") {
  CHECK(QualifierOf("No problems with transport round here.", "transport") == "negated");
  CHECK(QualifierOf("Transport isn't an issue for me as I drive.", "transport") == "negated");
  CHECK(QualifierOf("Housing is not a priority for us.", "housing") == "negated");
  CHECK(QualifierOf("I've never had trouble getting a GP appointment.", "gp-access") ==
        "negated");
  CHECK(QualifierOf("Buses are no problem where I live.", "transport") == "negated");
  CHECK(QualifierOf("I don't need a dentist at the moment.", "dentistry") == "negated");
}

TEST_CASE("hedged mentions of a theme are marked hedged") {
  CHECK(QualifierOf("Not sure the gym helps much.", "leisure-green-spaces") == "hedged");
  CHECK(QualifierOf("Maybe more buses in the evening.", "transport") == "hedged");
  CHECK(QualifierOf("More buses, I suppose.", "transport") == "hedged");
}

TEST_CASE("false-negation traps stay plain") {
  CHECK(QualifierOf("Not only the buses but the trains are hopeless.", "transport") == "plain");
  CHECK(QualifierOf("No doubt transport is the problem here.", "transport") == "plain");
  CHECK(QualifierOf("Can't stress enough how bad the buses are.", "transport") == "plain");
  CHECK(QualifierOf("There are no buses after six.", "transport") == "plain");
  CHECK(QualifierOf("I can't get a GP appointment for weeks.", "gp-access") == "plain");
  CHECK(QualifierOf("Not sure why they cut the bus route.", "transport") == "plain");
}

TEST_CASE("a negation cue reaches only its own clause") {
  // "but" ends the clause: the buses are affirmed.
  CHECK(QualifierOf("No problem with the GP, but the buses are awful.", "transport") == "plain");
  CHECK(QualifierOf("No problem with the GP, but the buses are awful.", "gp-access") != "plain");
  // A later plain mention of the theme makes the tag plain.
  CHECK(QualifierOf("Buses are no problem for me. The bus to hospital is a nightmare for my mum.",
                    "transport") == "plain");
}

TEST_CASE("a cue too far from the theme does not qualify it") {
  CHECK(QualifierOf("Maybe one day someone in charge will finally listen and sort out the awful "
                    "buses",
                    "transport") == "plain");
}

TEST_CASE("a lexicon without [qualifiers] never qualifies") {
  Result<LexiconSpec> spec = ReadLexiconDir(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  REQUIRE(spec.ok());
  spec->qualifiers = QualifierCues{};
  Result<Lexicon> lexicon = Lexicon::Compile(*spec);
  REQUIRE(lexicon.ok());
  Record record;
  record.text = "Transport isn't an issue for me.";
  const FoldedText folded = NormaliseRecord(record);
  TagRecord(*lexicon, folded, record);
  bool found = false;
  for (const Tag& tag : record.tags) {
    if (tag.kind != TagKind::kTheme || tag.value != "transport") continue;
    found = true;
    CHECK(tag.qualifier == Qualifier::kNone);
  }
  CHECK(found);
}

}  // namespace
}  // namespace heard
