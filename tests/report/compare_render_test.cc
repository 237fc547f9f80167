// Disclosure control in every format: a cell of 4 is withheld at min 5, a cell of 5 shown.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "heard/compare.h"
#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Thanet: 20 records, 5 with transport, 4 with gp-access.
// Swale:  20 records, 10 with transport, 10 with gp-access.
// Dover:   3 records (a group under the minimum).
std::vector<Record> Records() {
  std::vector<Record> records;
  int line = 1;
  auto add = [&](const std::string& district, int n, int transport, int gp) {
    for (int i = 0; i < n; ++i) {
      std::vector<Tag> tags{MakeTag(TagKind::kDistrict, district)};
      if (i < transport) tags.push_back(MakeTag(TagKind::kTheme, "transport"));
      if (i >= n - gp) tags.push_back(MakeTag(TagKind::kTheme, "gp-access"));
      records.push_back(MakeRecord(Channel::kSurvey, line++, "", "text", tags));
    }
  };
  add("Thanet", 20, 5, 4);
  add("Swale", 20, 10, 10);
  add("Dover", 3, 1, 1);
  return records;
}

Comparison Compared(TempDir& dir) {
  auto store = testing::StoreWithRecords(dir / "s.db", Records());
  Result<Comparison> c = CompareGroups(*store, "R", {});
  REQUIRE(c.ok());
  return *c;
}

TEST_CASE("text: the 4 is listed only as suppressed, the 5 with its statistics", "[compare]") {
  TempDir dir;
  const std::string text = RenderComparison(Compared(dir), "text");
  CHECK_THAT(text, Catch::Contains("counts under 5 are shown as \"<5\""));
  CHECK_THAT(text, Catch::Contains("== Dover (<5 records: suppressed) =="));
  const size_t thanet = text.find("== Thanet (20 records) ==");
  REQUIRE(thanet != std::string::npos);
  const std::string block = text.substr(thanet);
  CHECK_THAT(block, Catch::Contains("1 more theme with under 5 records (suppressed)"));
  CHECK(block.find("Access to GP appointments") == std::string::npos);
  // The transport row: 5 records, 25.0% against the rest's 11 of 23 (47.8%), less often.
  const size_t row = block.find("      5  25.0%  47.8%");
  REQUIRE(row != std::string::npos);
  const std::string line = block.substr(row, block.find('\n', row) - row);
  CHECK_THAT(line, Catch::EndsWith("Transport to services"));
  CHECK_THAT(line, Catch::Contains(" less "));
}

TEST_CASE("md: the 4 is listed only as suppressed, the 5 in the table", "[compare]") {
  TempDir dir;
  const std::string md = RenderComparison(Compared(dir), "md");
  const std::string thanet = md.substr(md.find("## Thanet"));
  CHECK_THAT(thanet, Catch::Contains("| Transport to services | 5 | 25.0% | 47.8% |"));
  CHECK_THAT(thanet, Catch::Contains("1 more theme with under 5 records (suppressed)."));
  CHECK(thanet.find("Access to GP") == std::string::npos);  // Thanet is the last group
  CHECK_THAT(md, Catch::Contains("## Dover\n\nFewer than 5 records: suppressed."));
}

TEST_CASE("json: the 4 is \"<5\" with no statistic, the 5 is a number with G2 and p", "[compare]") {
  TempDir dir;
  const nlohmann::json doc = nlohmann::json::parse(RenderComparison(Compared(dir), "json"));
  CHECK(doc["min_count"] == 5);
  CHECK(doc["suppression"].get<std::string>().find("<5") != std::string::npos);
  bool seen_four = false, seen_five = false;
  for (const auto& group : doc["groups"]) {
    if (group["group"] == "Dover") {
      CHECK(group["suppressed"] == true);
      CHECK(group["records"] == "<5");
      CHECK(group["themes"].empty());
    }
    if (group["group"] != "Thanet") continue;
    for (const auto& theme : group["themes"]) {
      if (theme["theme"] == "gp-access") {
        seen_four = true;
        CHECK(theme["records"] == "<5");
        CHECK(theme["suppressed"] == true);
        CHECK_FALSE(theme.contains("g2"));
        CHECK_FALSE(theme.contains("p"));
        CHECK_FALSE(theme.contains("rest_records"));
      }
      if (theme["theme"] == "transport") {
        seen_five = true;
        CHECK(theme["records"] == 5);
        CHECK(theme.contains("g2"));
        CHECK(theme["direction"] == "less");
      }
    }
  }
  CHECK(seen_four);
  CHECK(seen_five);
}

TEST_CASE("csv: the 4 is \"<5\" with empty statistics, the 5 is shown", "[compare]") {
  TempDir dir;
  const std::string csv = RenderComparison(Compared(dir), "csv");
  CHECK_THAT(csv, Catch::StartsWith("group,group_records,theme,theme_name,records,"));
  CHECK_THAT(csv,
             Catch::Contains("Thanet,20,gp-access,Access to GP appointments,<5,,,,,,,,,,1\r\n"));
  CHECK_THAT(csv, Catch::Contains("Thanet,20,transport,Transport to services,5,0.25,11,"));
  CHECK_THAT(csv, Catch::Contains("Dover,<5,,,,,,,,,,,,,1\r\n"));
  CHECK(csv.find("Dover,3") == std::string::npos);
}

TEST_CASE("min-count 4 publishes the cell of 4", "[compare]") {
  TempDir dir;
  auto store = testing::StoreWithRecords(dir / "s.db", Records());
  CompareOptions options;
  options.min_count = 4;
  Result<Comparison> c = CompareGroups(*store, "R", options);
  REQUIRE(c.ok());
  CHECK_THAT(RenderComparison(*c, "csv"),
             Catch::Contains("Thanet,20,gp-access,Access to GP appointments,4,0.2,"));
}

}  // namespace
}  // namespace heard
