// The report's "Compare districts", "Themes raised together" and "Since the last round" sections.
#include <catch2/catch.hpp>

#include "heard/compare.h"
#include "heard/report.h"
#include "report/report_fixture.h"
#include "store_fixture.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Thanet: 30 records, 20 with transport, 4 with gp-access (a cell under 5).
// Swale:  30 records,  3 with transport, 15 with gp-access.
// Dover:   3 records (a district under 5).
// Medway: 10 records, 5 with transport (so the rest of Thanet has 3 + 5 = 8).
// The first 6 records of each district carry funding too, so funding and
// transport come together in 6 (Thanet) + 3 (Swale) + 5 (Medway) = 14 records; no other
// pair meets.
std::vector<Record> Records() {
  std::vector<Record> records;
  int line = 1;
  auto add = [&](const std::string& district, int n, int transport, int gp_from) {
    for (int i = 0; i < n; ++i) {
      std::vector<Tag> tags{MakeTag(TagKind::kDistrict, district)};
      if (i < transport) tags.push_back(MakeTag(TagKind::kTheme, "transport"));
      if (i >= gp_from) tags.push_back(MakeTag(TagKind::kTheme, "gp-access"));
      if (i < 6) tags.push_back(MakeTag(TagKind::kTheme, "funding"));
      records.push_back(MakeRecord(Channel::kSurvey, line++, "", "text", tags));
    }
  };
  add("Thanet", 30, 20, 26);
  add("Swale", 30, 3, 15);
  add("Dover", 3, 0, 3);
  add("Medway", 10, 5, 10);
  return records;
}

std::string Section(const std::string& html, const std::string& id) {
  const size_t begin = html.find("<section id=\"" + id + "\"");
  if (begin == std::string::npos) return "";
  return html.substr(begin, html.find("</section>", begin) - begin);
}

TEST_CASE("report: districts compared, suppressed, and their counts linked", "[report][compare]") {
  TempDir dir;
  auto store = testing::StoreWithRecords(dir / "r.db", Records());
  Result<Report> report = BuildReport(*store, "R");
  REQUIRE(report.ok());
  CHECK_FALSE(report->since_last.has_value());  // one round only
  const std::string html = RenderReportHtml(*report);
  const std::string compare = Section(html, "compare");
  REQUIRE_FALSE(compare.empty());
  CHECK_THAT(html, Catch::Contains("<a href=\"#compare\">Compare districts</a>"));
  CHECK_THAT(compare, Catch::Contains("counts under 5 are shown as &quot;&lt;5&quot;"));
  CHECK_THAT(compare, Catch::Contains("<h3>Dover</h3><p class=\"note\">Fewer than 5 records"));

  // Thanet raised transport more (20/30 against 8/43), linked to exactly those records.
  bool thanet_transport = false, thanet_gp = false, dover = false;
  for (const testing::CountLinkSeen& link : testing::CountLinks(compare)) {
    if (link.Get("district") == std::optional<std::string>("Thanet") &&
        link.Get("theme") == std::optional<std::string>("transport")) {
      thanet_transport = true;
      CHECK(link.shown == 20);
    }
    thanet_gp = thanet_gp || (link.Get("district") == std::optional<std::string>("Thanet") &&
                              link.Get("theme") == std::optional<std::string>("gp-access"));
    dover = dover || link.Get("district") == std::optional<std::string>("Dover");
  }
  CHECK(thanet_transport);
  CHECK_FALSE(thanet_gp);  // 4 records: suppressed, so neither a count nor a statistic
  CHECK_FALSE(dover);      // under 5 records: the district is not published

  // Pairs: funding with transport in records 0-5 of Thanet, 0-2 of Swale, 0-4 of Medway = 14.
  bool pair = false;
  for (const testing::CountLinkSeen& link : testing::CountLinks(compare)) {
    if (link.Get("also")) {
      pair = true;
      CHECK(link.Get("theme") == std::optional<std::string>("funding"));
      CHECK(link.Get("also") == std::optional<std::string>("transport"));
      CHECK(link.shown == 14);
    }
  }
  CHECK(pair);

  const std::string md = RenderReportMarkdown(*report);
  CHECK_THAT(md, Catch::Contains("## Compare districts"));
  CHECK_THAT(md, Catch::Contains("### Dover\n\nFewer than 5 records: not compared."));
  CHECK_THAT(md, Catch::Contains("| more | Transport to services | 20 | 66.7% | 18.6% |"));
  CHECK_THAT(md, Catch::Contains("## Themes raised together"));
  CHECK(md.find("## Since the last round") == std::string::npos);
}

TEST_CASE("report: an earlier round in the store gives 'Since the last round'",
          "[report][compare]") {
  TempDir dir;
  auto store = testing::StoreWithRecords(dir / "r.db", Records());
  auto earlier = store->PutRound({"Round of 2025", "2025-03-31"});
  REQUIRE(earlier.ok());
  REQUIRE(store->PutLexicon(*earlier, testing::SmallLexicon()).ok());
  auto source = store->BeginSource(*earlier, "old.csv", Channel::kSurvey);
  REQUIRE(source.ok());
  Batch batch;
  for (int i = 0; i < 40; ++i) {  // transport in 30 of 40 before; 28 of 73 now: falling
    std::vector<Tag> tags{MakeTag(TagKind::kDistrict, "Thanet")};
    if (i < 30) tags.push_back(MakeTag(TagKind::kTheme, "transport"));
    Record record = MakeRecord(Channel::kSurvey, i + 1, "", "text", tags);
    record.round = "Round of 2025";
    record.source = "old.csv";
    record.id = MakeRecordId(record.round, record.source, record.locator);
    batch.records.push_back(std::move(record));
  }
  batch.items_read = 40;
  Ledger ledger;
  REQUIRE(store->WriteBatch(*source, batch, &ledger).ok());
  REQUIRE(store->FinishSource(*source, ledger, {}).ok());

  CHECK(*EarlierRound(*store, "R") == "Round of 2025");  // dated 2025-03-31 < 2026-06-30
  CHECK_FALSE(EarlierRound(*store, "Round of 2025").ok());
  Result<Report> report = BuildReport(*store, "R");
  REQUIRE(report.ok());
  REQUIRE(report->since_last.has_value());
  CHECK(report->since_last->from == "Round of 2025");
  const std::string since = Section(RenderReportHtml(*report), "since");
  CHECK_THAT(since, Catch::Contains("<strong>Round of 2025</strong> (40 records; this round 73)"));
  CHECK_THAT(since, Catch::Contains("<td class=\"verdict\">falling</td><th scope=\"row\">"
                                    "Transport to services</th><td>75.0%</td><td>38.4%</td>"));
  CHECK_THAT(RenderReportMarkdown(*report),
             Catch::Contains("| falling | Transport to services | 75.0% | 38.4% |"));
}

}  // namespace
}  // namespace heard
