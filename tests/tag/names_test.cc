// District and partner names and codes; places in free text.
#include <catch2/catch.hpp>

#include "heard/lexicon.h"
#include "tag/test_lexicon.h"

namespace heard {
namespace {

using testing::TestLexicon;

std::string Resolved(const Lexicon& lexicon, std::string_view name) {
  std::optional<NameMatch> match = lexicon.ResolveName(name);
  return match ? match->canonical + " (" + match->how + ")" : "none";
}

std::vector<std::string> Places(const Lexicon& lexicon, std::string_view text) {
  std::vector<std::string> found;
  for (const Hit& hit : lexicon.FindPlaces(text)) {
    found.push_back(lexicon.spec().districts[hit.entry].name + "=" +
                    std::string(text.substr(hit.start, hit.end - hit.start)));
  }
  return found;
}

TEST_CASE("lexicon names: ResolveName: names, aliases and misspellings, any case",
          "[lexicon][names]") {
  Lexicon lexicon = TestLexicon();
  CHECK(Resolved(lexicon, "Tunbridge Wells") == "Tunbridge Wells (name)");
  CHECK(Resolved(lexicon, "tunbridge  WELLS ") == "Tunbridge Wells (name)");
  CHECK(Resolved(lexicon, "Royal Tunbridge Wells") == "Tunbridge Wells (alias)");
  CHECK(Resolved(lexicon, "Tonbridge Wells") == "Tunbridge Wells (misspelling)");
  CHECK(Resolved(lexicon, "Folkestone & Hythe") == "Folkestone and Hythe (name)");
  CHECK(Resolved(lexicon, "Tonbridge-and-Malling") == "Tonbridge and Malling (name)");
  CHECK(Resolved(lexicon, "Police and Crime Commissioner\u2019s Office") ==
        "Police and Crime Commissioner (alias)");
  std::optional<NameMatch> partner = lexicon.ResolveName("police and crime commissioner");
  REQUIRE(partner);
  CHECK(partner->kind == TagKind::kPartner);
  CHECK(lexicon.ResolveName("Tunbridge Wells")->kind == TagKind::kDistrict);
}

TEST_CASE("lexicon names: ResolveName: the nearest name within a small edit distance",
          "[lexicon][names]") {
  Lexicon lexicon = TestLexicon();
  CHECK(Resolved(lexicon, "Sevenoak") == "Sevenoaks (edit distance 1)");
  CHECK(Resolved(lexicon, "Maidstome") == "Maidstone (edit distance 1)");
  CHECK(Resolved(lexicon, "Maedstome") == "Maidstone (edit distance 2)");
  CHECK(Resolved(lexicon, "Madistoen") == "none");  // three edits
  CHECK(Resolved(lexicon, "Dovr") == "Dover (edit distance 1)");
  CHECK(Resolved(lexicon, "Dvr") == "none");  // two edits from a short name
  CHECK(Resolved(lexicon, "Kent") == "none");
  CHECK(Resolved(lexicon, "") == "none");
  CHECK(Resolved(lexicon, " & ") == "none");

  // Without the listed misspelling, edit distance still finds it.
  LexiconSpec spec = testing::TestSpec();
  spec.districts[0].misspellings.clear();
  Result<Lexicon> plain = Lexicon::Compile(spec);
  REQUIRE(plain.ok());
  CHECK(Resolved(*plain, "Tonbridge Wells") == "Tunbridge Wells (edit distance 1)");
}

TEST_CASE("lexicon names: ResolveName: a tie between two names resolves to nothing",
          "[lexicon][names]") {
  LexiconSpec spec;
  testing::ParseInto(&spec, "[[district]]\nname = \"Ashford\"\n[[district]]\nname = \"Ashfork\"\n",
                     "tie.toml");
  Result<Lexicon> lexicon = Lexicon::Compile(spec);
  REQUIRE(lexicon.ok());
  CHECK(Resolved(*lexicon, "Ashforx") == "none");
  CHECK(Resolved(*lexicon, "Ashfordd") == "Ashford (edit distance 1)");
}

TEST_CASE("lexicon names: ResolveCode is exact and case-sensitive", "[lexicon][names]") {
  Lexicon lexicon = TestLexicon();
  CHECK(lexicon.ResolveCode("TW")->canonical == "Tunbridge Wells");
  CHECK(lexicon.ResolveCode("TW")->how == "code");
  CHECK(lexicon.ResolveCode("T")->canonical == "Thanet");
  CHECK(lexicon.ResolveCode("Da")->canonical == "Dartford");
  CHECK(lexicon.ResolveCode("D")->canonical == "Dover");
  CHECK_FALSE(lexicon.ResolveCode("DA"));
  CHECK_FALSE(lexicon.ResolveCode("tw"));
  CHECK_FALSE(lexicon.ResolveCode("Tunbridge Wells"));
  CHECK(lexicon.ResolveCode(" VCS Alliances ")->canonical == "Voluntary and community sector");
  CHECK(lexicon.ResolveCode("PCC")->kind == TagKind::kPartner);
}

TEST_CASE("lexicon names: FindPlaces: names and places with their case, on word boundaries",
          "[lexicon][names]") {
  Lexicon lexicon = TestLexicon();
  CHECK(Places(lexicon, "The beach at Deal is lovely") == std::vector<std::string>{"Dover=Deal"});
  CHECK(Places(lexicon, "a good deal of waiting").empty());
  CHECK(Places(lexicon, "Dealing with it").empty());
  CHECK(Places(lexicon, "From Margate to Chatham, then Ramsgate") ==
        std::vector<std::string>{"Thanet=Margate", "Medway=Chatham"});
  CHECK(Places(lexicon, "buses in Paddock\u00a0Wood") ==
        std::vector<std::string>{"Tunbridge Wells=Paddock\u00a0Wood"});
  CHECK(Places(lexicon, "near King\u2019s Hill") ==
        std::vector<std::string>{"Tonbridge and Malling=King\u2019s Hill"});
}

TEST_CASE("lexicon names: FindPlaces: a name inside a longer name belongs to the longer one",
          "[lexicon][names]") {
  Lexicon lexicon = TestLexicon();
  CHECK(Places(lexicon, "I live in Tonbridge Wells") ==
        std::vector<std::string>{"Tunbridge Wells=Tonbridge Wells"});
  CHECK(Places(lexicon, "Tonbridge Wells and Tonbridge") ==
        std::vector<std::string>{"Tunbridge Wells=Tonbridge Wells",
                                 "Tonbridge and Malling=Tonbridge"});
}

}  // namespace
}  // namespace heard
