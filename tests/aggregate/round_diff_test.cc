// Comparing two tiny rounds: the verdicts new, gone, rising, falling, steady and the suppression.
#include <catch2/catch.hpp>

#include "heard/compare.h"
#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Stores source `path` of a round named `name` (spaces welcome) with `counts[theme]`
// of its `total` records carrying each theme, all in `district`.
void PutRound(Store& store, const std::string& name, int total,
              const std::map<std::string, int>& counts, const std::string& district,
              const std::string& path = "survey.csv") {
  auto round = store.PutRound({name, ""});
  REQUIRE(round.ok());
  REQUIRE(store.PutLexicon(*round, testing::SmallLexicon()).ok());
  auto source = store.BeginSource(*round, path, Channel::kSurvey);
  REQUIRE(source.ok());
  Batch batch;
  for (int i = 0; i < total; ++i) {
    std::vector<Tag> tags{MakeTag(TagKind::kDistrict, district)};
    for (const auto& [theme, n] : counts) {
      if (i < n) tags.push_back(MakeTag(TagKind::kTheme, theme));
    }
    Record record = MakeRecord(Channel::kSurvey, i + 1, "", "text", tags);
    record.round = name;
    record.source = path;
    record.id = MakeRecordId(name, path, record.locator);
    batch.records.push_back(std::move(record));
  }
  batch.items_read = total;
  Ledger ledger;
  REQUIRE(store.WriteBatch(*source, batch, &ledger).ok());
  REQUIRE(store.FinishSource(*source, ledger, {}).ok());
}

const ThemeChange* Find(const RoundScopeChange& scope, const std::string& theme) {
  for (const ThemeChange& t : scope.themes) {
    if (t.theme_id == theme) return &t;
  }
  return nullptr;
}

TEST_CASE("diff: new, gone, rising, falling and steady between two rounds", "[diff]") {
  TempDir dir;
  auto store = Store::Open(dir / "d.db");
  REQUIRE(store.ok());
  // Before: 100 records. After: 100 records.
  //   transport  30 -> 10: both >= 5, 30% -> 10%: significant, falling
  //   gp-access   2 -> 20: under 5 before, significant rise: new
  //   youth-clubs 20 -> 2: under 5 now, significant fall: gone
  //   funding    10 -> 12: both >= 5, not significant: steady
  PutRound(**store, "Autumn 2025 round", 100,
           {{"transport", 30}, {"gp-access", 2}, {"youth-clubs", 20}, {"funding", 10}}, "Thanet");
  PutRound(**store, "Spring 2026 round", 100,
           {{"transport", 10}, {"gp-access", 20}, {"youth-clubs", 2}, {"funding", 12}}, "Thanet");
  Result<RoundDiff> diff = DiffRounds(**store, "Autumn 2025 round", "Spring 2026 round", {});
  REQUIRE(diff.ok());
  REQUIRE(diff->scopes.size() == 1);
  const RoundScopeChange& all = diff->scopes[0];
  CHECK(all.district.empty());
  CHECK(all.from_total == 100);
  CHECK(all.to_total == 100);
  REQUIRE(all.themes.size() == 4);
  CHECK(Find(all, "transport")->verdict == Verdict::kFalling);
  CHECK(Find(all, "transport")->statistic_published);
  CHECK(Find(all, "gp-access")->verdict == Verdict::kNew);
  CHECK(Find(all, "gp-access")->from_suppressed);
  CHECK_FALSE(Find(all, "gp-access")->statistic_published);  // it would give the 2 away
  CHECK(Find(all, "youth-clubs")->verdict == Verdict::kGone);
  CHECK(Find(all, "funding")->verdict == Verdict::kSteady);
  CHECK(Find(all, "funding")->keyness.p > 0.05);
  // Listed: new, rising, gone, falling, steady.
  CHECK(all.themes[0].verdict == Verdict::kNew);
  CHECK(all.themes[1].verdict == Verdict::kGone);
  CHECK(all.themes[2].verdict == Verdict::kFalling);
  CHECK(all.themes[3].verdict == Verdict::kSteady);

  // The other way round: the verdicts mirror.
  Result<RoundDiff> back = DiffRounds(**store, "Spring 2026 round", "Autumn 2025 round", {});
  REQUIRE(back.ok());
  CHECK(Find(back->scopes[0], "transport")->verdict == Verdict::kRising);
  CHECK(Find(back->scopes[0], "gp-access")->verdict == Verdict::kGone);
  CHECK(Find(back->scopes[0], "youth-clubs")->verdict == Verdict::kNew);

  // Rendered, a suppressed count shows as "<5" and no G2 goes with it.
  const std::string text = RenderRoundDiff(*diff, "text");
  CHECK_THAT(text, Catch::Contains(" <5 rec "));
  const std::string csv = RenderRoundDiff(*diff, "csv");
  CHECK_THAT(csv, Catch::Contains(",gp-access,Access to GP appointments,new,<5,,20,0.2,,,,1\r\n"));

  CHECK(DiffRounds(**store, "Autumn 2025 round", "No round", {}).status().code() ==
        Status::Code::kNotFound);
}

TEST_CASE("diff by district: a district under the minimum in a round is suppressed", "[diff]") {
  TempDir dir;
  auto store = Store::Open(dir / "d.db");
  REQUIRE(store.ok());
  PutRound(**store, "one", 40, {{"transport", 20}}, "Thanet");
  PutRound(**store, "two", 30, {{"transport", 3}}, "Thanet", "thanet.csv");
  PutRound(**store, "two", 4, {{"transport", 4}}, "Swale", "swale.csv");
  DiffOptions options;
  options.by_district = true;
  Result<RoundDiff> diff = DiffRounds(**store, "one", "two", options);
  REQUIRE(diff.ok());
  REQUIRE(diff->scopes.size() == 3);  // whole round, Swale, Thanet
  CHECK_FALSE(diff->scopes[0].suppressed);
  CHECK(diff->scopes[0].from_total == 40);
  CHECK(diff->scopes[0].to_total == 34);
  CHECK(diff->scopes[1].district == "Swale");
  CHECK(diff->scopes[1].suppressed);  // 0 records before, 4 now
  const RoundScopeChange& thanet = diff->scopes[2];
  CHECK_FALSE(thanet.suppressed);
  // Thanet: transport 20 of 40 before, 3 of 30 now. The 3 is under 5: published as
  // "<5" with no G2; the fall from 50% is significant, so the theme is gone.
  const ThemeChange* t = Find(thanet, "transport");
  REQUIRE(t != nullptr);
  CHECK(t->to_suppressed);
  CHECK_FALSE(t->statistic_published);
  CHECK(t->verdict == Verdict::kGone);
  // Whole round: 20 of 40 against 7 of 34 (both published): falling.
  CHECK(Find(diff->scopes[0], "transport")->verdict == Verdict::kFalling);
}

}  // namespace
}  // namespace heard
