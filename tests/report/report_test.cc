// The report's counts (checked against its embedded records), escaping and privacy.
#include "heard/report.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "report/report_fixture.h"

namespace heard {
namespace {

using nlohmann::json;
using testing::CountLinkSeen;
using testing::TempDir;

bool Carries(const json& values, const std::optional<std::string>& wanted) {
  if (!wanted) return true;
  if (wanted->empty()) return values.empty();
  for (const json& value : values) {
    if (value.get<std::string>() == *wanted) return true;
  }
  return false;
}

// What a count link must show, worked out from the embedded records and sources.
int64_t Expected(const json& data, const CountLinkSeen& link) {
  const std::string kind = link.Get("kind").value_or("?");
  const auto channel = link.Get("channel");
  if (kind == "records" || kind == "respondents" || kind == "districts" || kind == "redactions") {
    const auto district = link.Get("district");
    int64_t records = 0, redactions = 0;
    std::set<int64_t> respondents;
    std::set<std::string> districts;
    for (const json& r : data["records"]) {
      if (!Carries(r["outcomes"], link.Get("outcome")) ||
          !Carries(r["themes"], link.Get("theme")) || !Carries(r["themes"], link.Get("also"))) {
        continue;
      }
      if (district && !Carries(r["districts"], district)) continue;
      if (channel && r["channel"].get<std::string>() != *channel) continue;
      ++records;
      redactions += r["red"].get<int64_t>();
      if (r["r"].get<int64_t>() > 0) respondents.insert(r["r"].get<int64_t>());
      for (const json& d : r["districts"]) districts.insert(d.get<std::string>());
    }
    if (kind == "records") return records;
    if (kind == "respondents") return static_cast<int64_t>(respondents.size());
    if (kind == "districts") return static_cast<int64_t>(districts.size());
    return redactions;
  }
  int64_t total = 0;
  for (const json& source : data["sources"]) {
    if (channel && source["channel"].get<std::string>() != *channel) continue;
    total += kind == "sources" ? 1 : source.at(kind).get<int64_t>();
  }
  return total;
}

std::string Describe(const CountLinkSeen& link) {
  std::string out;
  for (const auto& [name, value] : link.attributes) out += name + "=\"" + value + "\" ";
  return out + "shows " + std::to_string(link.shown);
}

// Checks every count link of `html`; returns how many there were per kind.
std::map<std::string, int> CheckCounts(const std::string& html) {
  const json data = testing::EmbeddedData(html);
  std::map<std::string, int> kinds;
  for (const CountLinkSeen& link : testing::CountLinks(html)) {
    INFO(Describe(link));
    CHECK(link.shown == Expected(data, link));
    ++kinds[link.Get("kind").value_or("?")];
  }
  return kinds;
}

struct SampleRound {
  TempDir dir;
  std::string db = dir / "sample.db";
  SampleRound() { testing::LoadSampleRound(db); }
};

Report SampleReport(const SampleRound& sample) {
  auto store = Store::Open(sample.db);
  REQUIRE(store.ok());
  auto round = (*store)->DefaultRound();
  REQUIRE(round.ok());
  auto report = BuildReport(**store, *round);
  REQUIRE(report.ok());
  return std::move(*report);
}

}  // namespace

TEST_CASE("report: every count equals what its filter selects from the embedded records",
          "[report]") {
  SampleRound sample;
  const Report report = SampleReport(sample);
  const std::string html = RenderReportHtml(report);
  const std::map<std::string, int> kinds = CheckCounts(html);
  int links = 0;
  for (const auto& [kind, n] : kinds) links += n;
  CHECK(links > 2000);
  for (const char* kind : {"records", "respondents", "districts", "redactions", "sources",
                           "items_read", "non_answers", "duplicates", "rejected", "warnings"}) {
    INFO(kind);
    CHECK(kinds.count(kind) == 1);
  }
  // The charts: a bar chart per outcome with themes, and the heat map.
  size_t charts = 0;
  for (size_t at = html.find("<svg class=\"chart"); at != std::string::npos;
       at = html.find("<svg class=\"chart", at + 1)) {
    ++charts;
  }
  size_t with_themes = 0;
  for (const OutcomeSummary& outcome : report.summary.outcomes)
    with_themes += !outcome.themes.empty();
  CHECK(charts == with_themes + 1);
  CHECK(report.district_themes.theme_ids.size() == 20);
  CHECK(report.district_themes.districts.size() == 13);
}

TEST_CASE("report: the numbers are heard summary's and the records are the store's", "[report]") {
  SampleRound sample;
  const Report report = SampleReport(sample);
  const RoundOverview& o = report.summary.overview;
  CHECK(static_cast<int64_t>(report.records.size()) == o.records);
  CHECK(o.sources == 27);
  CHECK(report.respondents > 0);

  // The embedded records are the export's, field by field (districts as counted).
  const std::string html = RenderReportHtml(report);
  const json data = testing::EmbeddedData(html);
  testing::CommandOutcome exported = testing::Heard("export --db " + sample.db + " --format jsonl");
  REQUIRE(exported.code == 0);
  std::istringstream lines(exported.out);
  size_t i = 0;
  for (std::string line; std::getline(lines, line); ++i) {
    const json expected = json::parse(line);
    REQUIRE(i < data["records"].size());
    const json& got = data["records"][i];
    INFO(expected["id"]);
    CHECK(got["id"] == expected["id"]);
    CHECK(got["text"] == expected["text"]);
    CHECK(got["channel"] == expected["channel"]);
    CHECK(got["locator"] == expected["locator"]);
    CHECK(data["sources"][got["source"].get<size_t>()]["path"] == expected["source"]);
    CHECK(got["outcomes"] == expected["outcomes"]);
    CHECK(got["themes"] == expected["themes"]);
    for (const json& d : got["districts"])
      CHECK(Carries(expected["districts"], d.get<std::string>()));
    CHECK((got["r"].get<int64_t>() > 0) == !expected["respondent"].get<std::string>().empty());
    CHECK(got["red"] == expected["redactions"]);
  }
  CHECK(i == data["records"].size());

  // The heat map's cells by a second route: count theme × district over the report's records.
  const DistrictThemeMap& map = report.district_themes;
  for (size_t r = 0; r < map.theme_ids.size(); ++r) {
    for (size_t c = 0; c < map.districts.size(); ++c) {
      int64_t n = 0;
      for (const ReportRecord& record : report.records) {
        const bool theme = std::count(record.themes.begin(), record.themes.end(), map.theme_ids[r]);
        const bool district =
            std::count(record.districts.begin(), record.districts.end(), map.districts[c]);
        n += theme && district;
      }
      CHECK(map.records[r][c] == n);
    }
  }
}

TEST_CASE("report: text with markup cannot break the page", "[report]") {
  TempDir dir;
  auto store = testing::MarkupStore(dir / "markup.db");
  auto report = BuildReport(*store, "Round </script> & co");
  REQUIRE(report.ok());
  const std::string html = RenderReportHtml(*report);

  auto occurrences = [&html](const std::string& needle) {
    size_t n = 0;
    for (size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1))
      ++n;
    return n;
  };
  CHECK(occurrences("<script") == 2);  // the JSON data and the page's script
  CHECK(occurrences("</script>") == 2);
  CHECK(occurrences("<b>") == 0);
  CHECK(occurrences("<!--") == 0);
  CHECK_THAT(html, Catch::Contains("<title>What we heard: Round &lt;/script&gt; &amp; co</title>"));
  CHECK_THAT(html, Catch::Contains("Buses &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; "
                                   "&quot;quoted&quot; &#39;single&#39;"));
  CHECK_THAT(html, Catch::Contains("Transport &lt;b&gt;to&lt;/b&gt; &amp; &quot;services&quot;"));

  // The embedded JSON still says exactly what was stored.
  const json data = testing::EmbeddedData(html);
  CHECK(data["round"] == "Round </script> & co");
  REQUIRE(data["records"].size() == 3);
  CHECK(data["records"][0]["text"] == testing::kMarkupText);
  CHECK(data["records"][2]["text"] == "Nothing to tag </p>");
  CHECK(data["sources"][0]["path"] == "notes/<odd> & \"name\".md");
  CHECK(data["themes"]["transport"] == "Transport <b>to</b> & \"services\"");
  // Swale counts only where its share is a half or more.
  CHECK(data["records"][0]["districts"] == json::array({"Thanet"}));
  CHECK(data["records"][1]["districts"] == json::array({"Thanet", "Swale"}));

  const std::map<std::string, int> kinds = CheckCounts(html);
  CHECK(kinds.at("records") > 5);

  const std::string md = RenderReportMarkdown(*report);
  CHECK_THAT(md, Catch::Contains("## Districts and themes"));
  CHECK_THAT(md, Catch::Contains("| Transport <b>to</b> & \"services\" | 1 | 2 |"));
}

TEST_CASE("report: no e-mail address, phone number or full postcode reaches the report",
          "[report]") {
  SampleRound sample;
  TempDir out;
  testing::CommandOutcome made =
      testing::Heard("report --db " + sample.db + " --out " + (out / "report"));
  INFO(made.out);
  REQUIRE(made.code == 0);
  const std::regex personal(
      R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}|07700 ?9\d\d ?\d\d\d|01632 ?9\d\d ?\d\d\d|)"
      R"([A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})");
  for (const char* name : {"report.html", "report.md"}) {
    const std::string text = testing::ReadFile(out / (std::string("report/") + name));
    INFO(name);
    REQUIRE(text.size() > 10000);
    std::smatch found;
    const bool leaked = std::regex_search(text, found, personal);
    CHECK_FALSE(leaked);
    if (leaked) FAIL_CHECK("found: " << found.str());
  }
  // The sample data does hold such details, so the check above has something to catch.
  const std::string survey = testing::ReadFile(std::string(HEARD_SOURCE_DIR) +
                                               "/sample_data/survey/online_survey_export.csv");
  CHECK(std::regex_search(survey, personal));
}

TEST_CASE("report: heard report writes both files and names its failures", "[report][cli]") {
  SampleRound sample;
  TempDir out;
  testing::CommandOutcome made = testing::Heard("report --db " + sample.db +
                                                " --round "
                                                "'Kent and Medway strategy refresh 2026' --out " +
                                                (out / "r"));
  CHECK(made.code == 0);
  CHECK_THAT(made.out, Catch::Contains("report.html"));
  const std::string html = testing::ReadFile(out / "r/report.html");
  const std::string md = testing::ReadFile(out / "r/report.md");
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("Contains OS data"));  // Store::Attribution, at the end
  CHECK(html.rfind("Contains OS data") > html.rfind("class=\"outcome\""));
  CHECK_THAT(md, Catch::StartsWith("# What we heard: Kent and Medway strategy refresh 2026"));
  CHECK(md.rfind("Contains OS data") > md.find("## Districts and themes"));
  // Self-contained: nothing is fetched from anywhere.
  for (const char* outside : {"src=\"http", "href=\"http", "url(", "@import", "<link", "<img"}) {
    INFO(outside);
    CHECK(html.find(outside) == std::string::npos);
  }

  CHECK(testing::Heard("report --db " + (out / "none.db") + " --out " + (out / "x")).code == 4);
  CHECK(testing::Heard("report --db " + sample.db + " --round nope --out " + (out / "x")).code ==
        4);
  CHECK(testing::Heard("report --db " + sample.db).code == 2);
  CHECK_THAT(testing::Heard("report --help").out, Catch::Contains("--out"));
}

}  // namespace heard
