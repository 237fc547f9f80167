#include "heard/summary.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Six records whose counts are worked out by hand in the test.
std::unique_ptr<Store> Fixture(const TempDir& dir) {
  using K = TagKind;
  return testing::StoreWithRecords(dir / "s.db", {
      MakeRecord(Channel::kSurvey, 1, "A", "I cannot get a GP appointment for weeks on end.",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kDistrict, "Thanet")}),
      MakeRecord(Channel::kSurvey, 2, "A", "GP again, and the bus never comes on time here.",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kTheme, "transport"), MakeTag(K::kDistrict, "Thanet")}),
      MakeRecord(Channel::kSurvey, 3, "B", "GP",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kDistrict, "Tunbridge Wells", 0.8),
                  MakeTag(K::kDistrict, "Swale", 0.2)}),
      MakeRecord(Channel::kWorkshop, 4, "", "Doctor's appointments are impossible to book (T)(SW)",
                 {MakeTag(K::kOutcome, "O5"), MakeTag(K::kTheme, "gp-access"),
                  MakeTag(K::kDistrict, "Thanet"), MakeTag(K::kDistrict, "Swale")}),
      MakeRecord(Channel::kWorkshop, 5, "", "Nothing the codebook knows about",
                 {MakeTag(K::kOutcome, "O5")}),
      MakeRecord(Channel::kFocusGroup, 6, "", "Youth clubs matter to us and to our kids a lot.",
                 {MakeTag(K::kTheme, "youth-clubs")}),
  });
}

const ThemeSummary* FindTheme(const OutcomeSummary& outcome, const std::string& id) {
  for (const ThemeSummary& theme : outcome.themes) {
    if (theme.id == id) return &theme;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the summary counts records, respondents, channels and districts per theme",
          "[summary]") {
  TempDir dir;
  auto store = Fixture(dir);
  auto summary = Summarise(*store, "R");
  REQUIRE(summary.ok());
  CHECK(summary->overview.records == 6);
  CHECK(summary->overview.date == "2026-06-30");

  // Lexicon order (O1, O5, GEN), then the records with no outcome.
  REQUIRE(summary->outcomes.size() == 4);
  const OutcomeSummary& o5 = summary->outcomes[1];
  CHECK(o5.id == "O5");
  CHECK(o5.records == 5);
  CHECK(o5.records_without_theme == 1);
  REQUIRE(o5.themes.size() == 2);
  CHECK(o5.themes[0].id == "gp-access");  // ranked by records
  const ThemeSummary& gp = o5.themes[0];
  CHECK(gp.name == "Access to GP appointments");
  CHECK(gp.records == 4);
  CHECK(gp.respondents == 2);  // A twice, B once
  CHECK(gp.by_channel.at("survey") == 3);
  CHECK(gp.by_channel.at("workshop") == 1);
  // Thanet 3; Tunbridge Wells 1 (share 0.8 counts); Swale 1 (the code, not the 0.2 share).
  REQUIRE(gp.districts.size() == 3);
  CHECK(gp.districts[0] == std::make_pair(std::string("Thanet"), int64_t{3}));
  CHECK(gp.quotes.size() == 2);  // one per channel present
  CHECK(FindTheme(o5, "transport")->records == 1);

  const OutcomeSummary& none = summary->outcomes.back();
  CHECK(none.id.empty());
  CHECK(none.records == 1);
  CHECK(FindTheme(none, "youth-clubs")->records == 1);
  CHECK(summary->attribution == "Test attribution line.");
}

TEST_CASE("the Markdown and JSON summaries carry the same numbers", "[summary]") {
  TempDir dir;
  auto store = Fixture(dir);
  auto summary = Summarise(*store, "R");
  REQUIRE(summary.ok());
  const std::string md = RenderSummaryMarkdown(*summary);
  CHECK_THAT(md, Catch::Contains("## O5 — Improve health and care services"));
  CHECK_THAT(md, Catch::Contains("| 1 | Access to GP appointments | 4 | 2 | 3 | 0 | 1 |"));
  CHECK_THAT(md, Catch::Contains("Test attribution line."));
  const auto json = nlohmann::json::parse(RenderSummaryJson(*summary));
  CHECK(json["outcomes"][1]["themes"][0]["records"] == 4);
  CHECK(json["outcomes"][1]["themes"][0]["quotes"].size() == 2);
}

}  // namespace heard
