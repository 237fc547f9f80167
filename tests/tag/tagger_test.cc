// TagRecord: each rule of tagger.h, with its evidence.
#include "heard/tagger.h"

#include <catch2/catch.hpp>

#include "heard/normalise.h"
#include "tag/test_lexicon.h"

namespace heard {
namespace {

using testing::TestLexicon;

Record Tagged(const Lexicon& lexicon, std::string text, std::vector<Tag> structural = {},
              std::vector<Attribute> attributes = {}) {
  Record record;
  record.text = std::move(text);
  record.tags = std::move(structural);
  record.attributes = std::move(attributes);
  FoldedText folded = NormaliseRecord(record);
  TagRecord(lexicon, folded, record);
  return record;
}

std::vector<const Tag*> OfKind(const Record& record, TagKind kind) {
  std::vector<const Tag*> tags;
  for (const Tag& tag : record.tags) {
    if (tag.kind == kind) tags.push_back(&tag);
  }
  return tags;
}

std::vector<std::string> Values(const Record& record, TagKind kind) {
  std::vector<std::string> values;
  for (const Tag* tag : OfKind(record, kind)) values.push_back(tag->value);
  return values;
}

Tag Structural(TagKind kind, std::string value, Origin origin) {
  Tag tag;
  tag.kind = kind;
  tag.value = std::move(value);
  tag.origin = origin;
  return tag;
}

TEST_CASE("tagger: a theme tag carries the span of text the user sees", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "Die Stra\u00dfe \u2013 I can\u2019t see my GP\u00a0at all");
  std::vector<const Tag*> themes = OfKind(record, TagKind::kTheme);
  REQUIRE(themes.size() == 1);
  const Tag& tag = *themes[0];
  CHECK(tag.value == "gp-access");
  CHECK(tag.origin == Origin::kLexicon);
  CHECK(tag.confidence == 1.0);
  CHECK(tag.evidence.pattern == "GP");
  CHECK(tag.evidence.matched == "GP");
  CHECK(record.text.substr(tag.evidence.start, tag.evidence.end - tag.evidence.start) == "GP");
  CHECK(tag.evidence.start == static_cast<int32_t>(record.text.find("GP")));
}

TEST_CASE("tagger: outcomes come from the themes found, once each, in spec order", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "Damp homes, and no GP or dentist");
  CHECK(Values(record, TagKind::kTheme) ==
        std::vector<std::string>{"gp-access", "dentistry", "housing"});
  std::vector<const Tag*> outcomes = OfKind(record, TagKind::kOutcome);
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0]->value == "O2");
  CHECK(outcomes[0]->origin == Origin::kTheme);
  CHECK(outcomes[0]->evidence.pattern == "housing");
  CHECK(outcomes[0]->evidence.note == "from theme housing");
  CHECK(outcomes[0]->evidence.start == -1);
  CHECK(outcomes[0]->evidence.end == -1);
  CHECK(outcomes[1]->value == "O5");
  CHECK(outcomes[1]->evidence.note == "from theme gp-access");
}

TEST_CASE("tagger: an outcome cue is the first reason and carries its span", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "My GP and the NHS, and the cost\nof living");
  std::vector<const Tag*> outcomes = OfKind(record, TagKind::kOutcome);
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0]->value == "O2");
  CHECK(outcomes[0]->origin == Origin::kLexicon);
  CHECK(outcomes[0]->evidence.pattern == "cost of living");
  CHECK(outcomes[0]->evidence.matched == "cost\nof living");
  CHECK(outcomes[1]->value == "O5");
  CHECK(outcomes[1]->origin == Origin::kLexicon);  // the cue wins over the theme
  CHECK(outcomes[1]->evidence.matched == "NHS");
  CHECK(outcomes[1]->evidence.start == static_cast<int32_t>(record.text.find("NHS")));
}

TEST_CASE("tagger: a structural outcome stands alone; themes are still found", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "The NHS and my GP",
                         {Structural(TagKind::kOutcome, "GEN", Origin::kWorkshopHeading)});
  CHECK(Values(record, TagKind::kOutcome) == std::vector<std::string>{"GEN"});
  CHECK(record.tags.front().origin == Origin::kWorkshopHeading);
  CHECK(Values(record, TagKind::kTheme) == std::vector<std::string>{"gp-access"});
}

TEST_CASE("tagger: a structural district stands alone", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "Buses from Margate",
                         {Structural(TagKind::kDistrict, "Dover", Origin::kAttributionCode)},
                         {{"postcode_outcode", "CT9"}});
  CHECK(Values(record, TagKind::kDistrict) == std::vector<std::string>{"Dover"});
}

TEST_CASE("tagger: a postcode outcode gives its district", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "Buses from Chatham", {}, {{"postcode_outcode", "CT9"}});
  std::vector<const Tag*> districts = OfKind(record, TagKind::kDistrict);
  REQUIRE(districts.size() == 1);
  CHECK(districts[0]->value == "Thanet");
  CHECK(districts[0]->origin == Origin::kPostcode);
  CHECK(districts[0]->confidence == 1.0);
  CHECK(districts[0]->evidence.pattern == "CT9");
  CHECK(districts[0]->evidence.matched == "CT9");
  CHECK(districts[0]->evidence.start == -1);
  CHECK(districts[0]->evidence.note.empty());
}

TEST_CASE("tagger: a split outcode tags each district with its share and says so", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "No comment on place", {}, {{"postcode_outcode", "ME14"}});
  std::vector<const Tag*> districts = OfKind(record, TagKind::kDistrict);
  REQUIRE(districts.size() == 2);
  CHECK(districts[0]->value == "Maidstone");
  CHECK(districts[0]->confidence == Approx(0.93));
  CHECK(districts[1]->value == "Tonbridge and Malling");
  CHECK(districts[1]->confidence == Approx(0.07));
  for (const Tag* tag : districts) {
    CHECK(tag->origin == Origin::kPostcode);
    CHECK(tag->evidence.note == "split outcode ME14: Maidstone 0.93, Tonbridge and Malling 0.07");
  }

  record = Tagged(lexicon, "x", {}, {{"postcode_outcode", "BR6"}});
  districts = OfKind(record, TagKind::kDistrict);
  REQUIRE(districts.size() == 1);
  CHECK(districts[0]->value == "Sevenoaks");
  CHECK(districts[0]->confidence == Approx(0.02));
  CHECK(districts[0]->evidence.note == "outcode BR6: Sevenoaks 0.02, rest outside Kent and Medway");
}

TEST_CASE("tagger: an unknown outcode gives no district, not even from places", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "I shop in Margate", {}, {{"postcode_outcode", "SW1"}});
  CHECK(OfKind(record, TagKind::kDistrict).empty());
}

TEST_CASE("tagger: otherwise places named in the text give districts", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  Record record = Tagged(lexicon, "Na\u00efve plans: Ramsgate, then Margate and Paddock Wood", {},
                         {{"postcode_outcode", ""}, {"Age band", "35-44"}});
  std::vector<const Tag*> districts = OfKind(record, TagKind::kDistrict);
  REQUIRE(districts.size() == 2);
  CHECK(districts[0]->value == "Tunbridge Wells");
  CHECK(districts[0]->origin == Origin::kPlaceName);
  CHECK(districts[0]->evidence.pattern == "Paddock Wood");
  CHECK(districts[0]->evidence.matched == "Paddock Wood");
  CHECK(districts[0]->evidence.start == static_cast<int32_t>(record.text.find("Paddock")));
  CHECK(districts[1]->value == "Thanet");
  CHECK(districts[1]->evidence.matched == "Ramsgate");  // the first place named
  CHECK(Values(Tagged(lexicon, "a good deal"), TagKind::kDistrict).empty());
}

TEST_CASE("tagger: the same record always gets the same tags in the same order", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  std::string text = "Damp houses in Deal; the NHS; dentist appointments; Chatham";
  Record a = Tagged(lexicon, text);
  Record b = Tagged(lexicon, text);
  REQUIRE(a.tags.size() == b.tags.size());
  REQUIRE(a.tags.size() == 7);
  for (size_t i = 0; i < a.tags.size(); ++i) {
    CHECK(a.tags[i].kind == b.tags[i].kind);
    CHECK(a.tags[i].value == b.tags[i].value);
    CHECK(a.tags[i].evidence.start == b.tags[i].evidence.start);
  }
  CHECK(Values(a, TagKind::kOutcome) == std::vector<std::string>{"O2", "O5"});
  CHECK(Values(a, TagKind::kDistrict) == std::vector<std::string>{"Dover", "Medway"});
}

TEST_CASE("tagger: a record with nothing to find gets no tags", "[tagger]") {
  Lexicon lexicon = TestLexicon();
  CHECK(Tagged(lexicon, "").tags.empty());
  CHECK(Tagged(lexicon, "Nothing here at all.").tags.empty());
}

}  // namespace
}  // namespace heard
