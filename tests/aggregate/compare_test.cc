// Comparing groups and co-occurrence on small stores built by hand.
#include "heard/compare.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using Catch::Detail::Approx;
using testing::MakeRecord;
using testing::MakeTag;
using testing::StoreWithRecords;
using testing::TempDir;

// A survey record at `line` with the given themes, district (share) and age band.
Record Answer(int line, std::vector<std::string> themes, const std::string& district,
              const std::string& age, double share = 1.0) {
  std::vector<Tag> tags{MakeTag(TagKind::kOutcome, "O5")};
  for (const std::string& theme : themes) tags.push_back(MakeTag(TagKind::kTheme, theme));
  if (!district.empty()) tags.push_back(MakeTag(TagKind::kDistrict, district, share));
  Record record = MakeRecord(Channel::kSurvey, line, "R" + std::to_string(line), "text", tags);
  if (!age.empty()) record.attributes.push_back({"Age band", age});
  return record;
}

const ThemeKeyness& Find(const GroupKeyness& group, const std::string& theme) {
  for (const ThemeKeyness& t : group.themes) {
    if (t.theme_id == theme) return t;
  }
  FAIL("theme " << theme << " not listed for " << group.group);
  throw 0;
}

// Thanet: 20 records, 12 with transport, 4 with gp-access.
// Swale:  20 records,  2 with transport, 10 with gp-access.
// Dover:  10 records,  3 with transport,  2 with gp-access (no age band).
// 3 records with no district, and one in Swale only at share 0.2 (not counted).
std::vector<Record> ThreeDistricts() {
  std::vector<Record> records;
  int line = 1;
  for (int i = 0; i < 20; ++i) {
    std::vector<std::string> themes;
    if (i < 12) themes.push_back("transport");
    if (i >= 16) themes.push_back("gp-access");
    records.push_back(Answer(line++, themes, "Thanet", i < 10 ? "16-24" : "65-74"));
  }
  for (int i = 0; i < 20; ++i) {
    std::vector<std::string> themes;
    if (i < 2) themes.push_back("transport");
    if (i >= 10) themes.push_back("gp-access");
    records.push_back(Answer(line++, themes, "Swale", i < 10 ? "16-24" : "65-74"));
  }
  for (int i = 0; i < 10; ++i) {
    std::vector<std::string> themes;
    if (i < 3) themes.push_back("transport");
    if (i >= 8) themes.push_back("gp-access");
    records.push_back(Answer(line++, themes, "Dover", ""));
  }
  for (int i = 0; i < 3; ++i) records.push_back(Answer(line++, {"transport"}, "", ""));
  records.push_back(Answer(line++, {"transport"}, "Swale", "", 0.2));
  return records;
}

TEST_CASE("compare by district: counts, shares and keyness against the rest", "[compare]") {
  TempDir dir;
  auto store = StoreWithRecords(dir / "c.db", ThreeDistricts());
  Result<Comparison> c = CompareGroups(*store, "R", {});
  REQUIRE(c.ok());
  CHECK(c->records == 50);  // the 0.2-share record and the 3 without a district left out
  CHECK(c->records_ungrouped == 4);
  REQUIRE(c->groups.size() == 3);
  CHECK(c->groups[0].group == "Dover");
  CHECK(c->groups[1].group == "Swale");
  CHECK(c->groups[2].group == "Thanet");
  const ThemeKeyness& transport = Find(c->groups[2], "transport");
  CHECK(transport.records == 12);
  CHECK(transport.rest_records == 5);  // Swale 2 + Dover 3
  CHECK(transport.share == Approx(0.6));
  CHECK(transport.rest_share == Approx(5.0 / 30));
  CHECK(transport.theme_name == "Transport to services");
  // 12/20 against 5/30: N = 50, with = 17, without = 33.
  // E11 = 20*17/50 = 6.8, E12 = 20*33/50 = 13.2, E21 = 30*17/50 = 10.2, E22 = 30*33/50 = 19.8.
  // 12 ln(12/6.8) + 8 ln(8/13.2) + 5 ln(5/10.2) + 25 ln(25/19.8)
  //   = 6.815808 - 4.006202 - 3.564749 + 5.829847 = 5.074704; G2 = 10.149409.
  // log ratio = log2(0.6 / (5/30)) = log2(3.6) = 1.847997.
  CHECK(transport.keyness.g2 == Approx(10.149409).epsilon(1e-6));
  CHECK(transport.keyness.direction == 1);
  CHECK(transport.keyness.log_ratio == Approx(1.847997).epsilon(1e-6));
  // Thanet's gp-access cell is 4: under 5, so withheld; Swale's transport cell (2) too.
  CHECK(Find(c->groups[2], "gp-access").suppressed);
  CHECK(Find(c->groups[1], "transport").suppressed);
  CHECK_FALSE(Find(c->groups[1], "gp-access").suppressed);
  CHECK(c->tests == 2);  // Thanet transport, Swale gp-access (rest: 4 + 2 = 6)
  // Most significant first, suppressed last.
  CHECK(c->groups[2].themes.front().theme_id == "transport");
  CHECK(c->groups[2].themes.back().suppressed);

  // At a minimum of 6, the rest's 5 for Thanet's transport is protected too: Thanet's
  // 12 is published, the rest's count and the statistics are not.
  CompareOptions six;
  six.min_count = 6;
  Result<Comparison> strict = CompareGroups(*store, "R", six);
  REQUIRE(strict.ok());
  const ThemeKeyness& protected_rest = Find(strict->groups[2], "transport");
  CHECK_FALSE(protected_rest.suppressed);
  CHECK(protected_rest.rest_suppressed);
  CHECK(protected_rest.records == 12);
  CHECK(protected_rest.keyness.g2 == 0);
  CHECK(strict->tests == 1);  // Swale gp-access only (rest 6)
  const std::string csv = RenderComparison(*strict, "csv");
  CHECK_THAT(csv,
             Catch::Contains("Thanet,20,transport,Transport to services,12,0.6,<6,,,,,,,,0\r\n"));
}

TEST_CASE("compare by a record attribute, by channel, and within one outcome", "[compare]") {
  TempDir dir;
  auto store = StoreWithRecords(dir / "c.db", ThreeDistricts());
  CompareOptions options;
  options.by = "Age band";
  Result<Comparison> c = CompareGroups(*store, "R", options);
  REQUIRE(c.ok());
  REQUIRE(c->groups.size() == 2);
  CHECK(c->groups[0].group == "16-24");
  CHECK(c->groups[0].records == 20);
  // 16-24: Thanet i<10 (10 with transport) + Swale i<10 (2 with transport) = 12 of 20.
  CHECK(Find(c->groups[0], "transport").records == 12);
  CHECK(c->records_ungrouped == 14);  // Dover's 10 have no age band

  options.by = "age BAND";  // names match ignoring case
  REQUIRE(CompareGroups(*store, "R", options).ok());
  options.by = "Favourite colour";
  Result<Comparison> unknown = CompareGroups(*store, "R", options);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kInvalidInput);
  CHECK_THAT(unknown.status().message(), Catch::Contains("Age band"));

  options.by = "channel";
  Result<Comparison> channels = CompareGroups(*store, "R", options);
  REQUIRE(channels.ok());
  REQUIRE(channels->groups.size() == 1);
  CHECK(channels->groups[0].records == 54);

  options.by = "district";
  options.outcome = "O1";  // no record carries it: nothing in scope
  Result<Comparison> o1 = CompareGroups(*store, "R", options);
  REQUIRE(o1.ok());
  CHECK(o1->records == 0);
  options.outcome = "O9";
  CHECK(CompareGroups(*store, "R", options).status().code() == Status::Code::kInvalidInput);
  CHECK(CompareGroups(*store, "No such round", {}).status().code() == Status::Code::kNotFound);
}

TEST_CASE("a group under the minimum is suppressed whole", "[compare]") {
  TempDir dir;
  std::vector<Record> records = ThreeDistricts();
  for (int i = 0; i < 4; ++i) {
    records.push_back(Answer(100 + i, {"transport"}, "Tunbridge Wells", ""));
  }
  auto store = StoreWithRecords(dir / "c.db", records);
  Result<Comparison> c = CompareGroups(*store, "R", {});
  REQUIRE(c.ok());
  REQUIRE(c->groups.size() == 4);
  const GroupKeyness& wells = c->groups[3];
  CHECK(wells.group == "Tunbridge Wells");
  CHECK(wells.records == 4);
  CHECK(wells.suppressed);
  CHECK(wells.themes.empty());
}

TEST_CASE("co-occurrence counts pairs within records; NPMI and Jaccard by hand", "[cooccur]") {
  TempDir dir;
  std::vector<Record> records{
      Answer(1, {"gp-access", "transport"}, "Thanet", ""),
      Answer(2, {"gp-access", "transport"}, "Thanet", ""),
      Answer(3, {"gp-access"}, "Thanet", ""),
      Answer(4, {"transport"}, "Swale", ""),
      Answer(5, {"youth-clubs"}, "Swale", ""),
      Answer(6, {}, "Swale", ""),
  };
  auto store = StoreWithRecords(dir / "p.db", records);
  CooccurrenceOptions options;
  options.min_count = 2;
  options.by = "district";
  Result<Cooccurrence> c = CooccurThemes(*store, "R", options);
  REQUIRE(c.ok());
  REQUIRE(c->groups.size() == 3);  // all, Swale, Thanet
  const CooccurrenceGroup& all = c->groups[0];
  CHECK(all.group.empty());
  CHECK(all.records == 6);
  REQUIRE(all.pairs.size() == 1);
  const ThemePair& pair = all.pairs[0];
  CHECK(pair.a == "gp-access");
  CHECK(pair.b == "transport");
  CHECK(pair.both == 2);
  CHECK(pair.a_records == 3);
  CHECK(pair.b_records == 3);
  // p(ab) = 2/6, p(a) = p(b) = 3/6. pmi = ln((1/3) / (1/4)) = ln(4/3) = 0.287682;
  // -ln p(ab) = ln 3 = 1.098612; npmi = 0.261860. Jaccard = 2 / (3 + 3 - 2) = 0.5.
  CHECK(pair.npmi == Approx(0.261860).epsilon(1e-5));
  CHECK(pair.jaccard == Approx(0.5));
  // Thanet alone: 3 records, under the minimum of 2? No: 3 >= 2, and the pair is in
  // 2 of its 3 records: p(ab) = 2/3, p(a) = 1, p(b) = 2/3: pmi = ln 1 = 0, npmi = 0.
  const CooccurrenceGroup& thanet = c->groups[2];
  CHECK(thanet.group == "Thanet");
  REQUIRE(thanet.pairs.size() == 1);
  CHECK(thanet.pairs[0].npmi == Approx(0).margin(1e-12));
  CHECK(c->groups[1].pairs.empty());

  options.min_count = 3;  // the pair (2 records) is now suppressed, and so is every group of 3
  Result<Cooccurrence> strict = CooccurThemes(*store, "R", options);
  REQUIRE(strict.ok());
  CHECK(strict->groups[0].pairs.empty());
  CHECK(strict->groups[0].pairs_suppressed == 1);
  CHECK_FALSE(strict->groups[1].suppressed);  // Swale has 3 records
  options.min_count = 4;
  CHECK(CooccurThemes(*store, "R", options)->groups[2].suppressed);
}

}  // namespace
}  // namespace heard
