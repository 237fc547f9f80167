#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "heard/query.h"
#include "query_fixture.h"

namespace heard {
namespace {

using testing::SmallRecord;
using testing::TempDir;

std::string Translated(const std::string& query) {
  Result<std::string> fts = TranslateSearchQuery(query);
  INFO(query << " -> " << fts.status().message());
  REQUIRE(fts.ok());
  return *fts;
}

std::string Error(const std::string& query) {
  Result<std::string> fts = TranslateSearchQuery(query);
  INFO(query);
  REQUIRE_FALSE(fts.ok());
  CHECK(fts.status().code() == Status::Code::kInvalidInput);
  return fts.status().message();
}

std::vector<SmallRecord> SmallRound() {
  return {
      {Channel::kSurvey, "R1", "Thanet", "O5", "More GP appointments please, the A&E is full"},
      {Channel::kSurvey, "R2", "Swale", "O5", "The bus to Sheerness stopped running"},
      {Channel::kWorkshop, "", "Thanet", "O1", "Youth clubs have closed in Margate"},
      {Channel::kFocusGroup, "", "Tunbridge Wells", "GEN", "Don't cut the youth club funding"},
      {Channel::kWorkshop, "", "Swale", "O1", "Transport to the youth club is a problem"},
  };
}

int64_t Total(Store& store, const std::string& query, const SearchOptions& options = {}) {
  Result<SearchResult> result = Search(store, "Small", query, options);
  INFO(query << ": " << result.status().message());
  REQUIRE(result.ok());
  return result->total;
}

}  // namespace

TEST_CASE("search: bare words are quoted and operators, phrases and prefixes kept", "[query]") {
  CHECK(Translated("youth club*") == "\"youth\" \"club\"*");
  CHECK(Translated("\"rural transport\" OR bus") == "\"rural transport\" OR \"bus\"");
  CHECK(Translated("A&E don't -") == "\"A&E\" \"don't\"");
  CHECK(Translated("dentist NOT NHS") == "\"dentist\" NOT \"NHS\"");
  CHECK(Translated("dentist AND NOT NHS") == "\"dentist\" NOT \"NHS\"");  // as people write it
  CHECK(Translated("(damp OR mould) AND rented") == "(\"damp\" OR \"mould\") AND \"rented\"");
  CHECK(Translated("NEAR(gp appointment, 5)") == "NEAR(\"gp\" \"appointment\", 5)");
  CHECK(Translated("\"rural trans\"*") == "\"rural trans\"*");
  CHECK(Translated("and or not") == "\"and\" \"or\" \"not\"");  // lower case: plain words
  CHECK(Translated("text:bus ^start") == "\"text:bus\" \"^start\"");
}

TEST_CASE("search: a query that cannot be read says why, never with a SQL error", "[query]") {
  CHECK(Error("\"rural transport") == "search: the query has an unclosed quote");
  CHECK(Error("bus \"a\" \"b") == "search: the query has an unclosed quote");
  CHECK_THAT(Error("AND bus"), Catch::Contains("is not valid search syntax: AND needs"));
  CHECK_THAT(Error("bus OR"), Catch::Contains("OR needs a word or phrase on each side"));
  CHECK_THAT(Error("NOT bus"), Catch::Contains("write \"a NOT b\""));
  CHECK_THAT(Error("(bus OR train"), Catch::Contains("a '(' is never closed"));
  CHECK_THAT(Error("bus)"), Catch::Contains("a ')' has no matching '('"));
  CHECK_THAT(Error("bus ()"), Catch::Contains("holds nothing"));
  CHECK_THAT(Error("NEAR(bus)"), Catch::Contains("two or more"));
  CHECK_THAT(Error("NEAR(bus train, x)"), Catch::Contains("number of words"));
  CHECK(Error("- & ...") == "search: the query has no words to search for");
  CHECK_THAT(Error("AND OR"), Catch::Contains("no words or phrases"));
  for (const std::string& message : {Error("AND bus"), Error("\"x")}) {
    CHECK_THAT(message, Catch::StartsWith("search: "));
    CHECK_THAT(message, !Catch::Contains("fts5"));
    CHECK_THAT(message, !Catch::Contains("SQL"));
  }
}

TEST_CASE("search: phrases, prefixes and AND/OR/NOT on a small round", "[query]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  CHECK(Total(*store, "youth club") == 3);            // stemmed: clubs, club
  CHECK(Total(*store, "\"youth clubs have\"") == 1);  // a phrase keeps word order
  CHECK(Total(*store, "\"club youth\"") == 0);
  CHECK(Total(*store, "transp*") == 1);
  CHECK(Total(*store, "transport") == 1);
  CHECK(Total(*store, "youth NOT funding") == 2);
  CHECK(Total(*store, "youth AND NOT funding") == 2);
  CHECK(Total(*store, "youth AND funding") == 1);
  CHECK(Total(*store, "Sheerness OR Margate") == 2);
  CHECK(Total(*store, "(Sheerness OR Margate) AND bus") == 1);
  CHECK(Total(*store, "A&E") == 1);
  CHECK(Total(*store, "don't") == 1);
  CHECK(Total(*store, "NEAR(youth funding, 3)") == 1);
  CHECK(Total(*store, "airport") == 0);  // none found is a result, not an error
}

TEST_CASE("search: filters join to the district, outcome, theme and channel tags", "[query]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  SearchOptions thanet;
  thanet.district = "thanet";  // case does not matter
  CHECK(Total(*store, "youth OR GP", thanet) == 2);
  SearchOptions o1;
  o1.outcome = "O1";
  CHECK(Total(*store, "youth", o1) == 2);
  SearchOptions by_name;
  by_name.theme = "Transport to services";  // a theme by its name
  CHECK(Total(*store, "youth", by_name) == 1);
  SearchOptions by_words;
  by_words.theme = "GP access";  // an id ("gp-access") typed as words
  CHECK(Total(*store, "appointments", by_words) == 1);
  SearchOptions workshop;
  workshop.channel = "workshop";
  workshop.district = "Swale";
  CHECK(Total(*store, "youth", workshop) == 1);

  SearchOptions unknown;
  unknown.district = "Atlantis";
  Result<SearchResult> result = Search(*store, "Small", "youth", unknown);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == Status::Code::kInvalidInput);
  CHECK_THAT(result.status().message(), Catch::Contains("no district \"Atlantis\""));
  CHECK_THAT(result.status().message(), Catch::Contains("Swale"));  // names the ones there are
  unknown = {};
  unknown.theme = "weather";
  CHECK_FALSE(Search(*store, "Small", "youth", unknown).ok());
  CHECK(Search(*store, "No such round", "youth").status().code() == Status::Code::kNotFound);
}

TEST_CASE("search: snippets mark each hit, hits come best first with their tags", "[query]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  Result<SearchResult> result = Search(*store, "Small", "youth club*");
  REQUIRE(result.ok());
  REQUIRE(result->hits.size() == 3);
  for (const SearchHit& hit : result->hits) {
    CHECK_THAT(hit.snippet, Catch::Contains("[youth]") || Catch::Contains("[Youth]"));
    CHECK_THAT(hit.snippet, Catch::Contains("[club"));
    CHECK_FALSE(hit.record.id.empty());
    CHECK_FALSE(hit.record.source.empty());
    CHECK_FALSE(hit.record.locator.empty());
  }
  CHECK(result->hits[0].relevance >= result->hits[1].relevance);
  CHECK(result->hits[1].relevance >= result->hits[2].relevance);

  SearchOptions marks;
  marks.open_mark = "<<";
  marks.close_mark = ">>";
  marks.limit = 1;
  result = Search(*store, "Small", "Margate", marks);
  REQUIRE(result.ok());
  CHECK(result->total == 1);
  REQUIRE(result->hits.size() == 1);
  CHECK(result->hits[0].snippet == "Youth clubs have closed in <<Margate>>");
  CHECK(result->hits[0].record.districts == std::vector<std::string>{"Thanet"});
  CHECK(result->hits[0].record.outcomes == std::vector<std::string>{"O1"});
  CHECK(result->hits[0].record.themes == std::vector<std::string>{"youth-clubs"});
}

TEST_CASE("search: the sample round, through the command line", "[query][sample][cli]") {
  TempDir dir;
  Store& sample = testing::SampleStore();
  Result<SearchResult> phrase = Search(sample, testing::kSampleRound, "\"youth club\"");
  Result<SearchResult> both = Search(sample, testing::kSampleRound, "youth club");
  Result<SearchResult> prefix = Search(sample, testing::kSampleRound, "youth club*");
  REQUIRE((phrase.ok() && both.ok() && prefix.ok()));
  CHECK(phrase->total > 0);
  CHECK(phrase->total <= both->total);
  CHECK(both->total <= prefix->total);
  SearchOptions thanet;
  thanet.district = "Thanet";
  thanet.limit = 100;
  Result<SearchResult> in_thanet = Search(sample, testing::kSampleRound, "dentist*", thanet);
  REQUIRE(in_thanet.ok());
  CHECK(in_thanet->total > 0);
  for (const SearchHit& hit : in_thanet->hits) {
    CHECK(std::find(hit.record.districts.begin(), hit.record.districts.end(), "Thanet") !=
          hit.record.districts.end());
  }

  // The command line: exit 0 with results or none, 2 for a bad query.
  const std::string db = dir / "sample.db";
  testing::CommandOutcome run =
      testing::Heard("run " + std::string(HEARD_SOURCE_DIR) + "/pipelines/sample_round.toml --db " +
                     db + " --summary " + dir / "s.md" + " -q");
  REQUIRE(run.code == 0);
  testing::CommandOutcome found = testing::Heard("search --db " + db + " 'youth club*' --limit 2");
  CHECK(found.code == 0);
  CHECK_THAT(found.out, Catch::Contains("[Youth] [clubs]"));
  CHECK_THAT(found.out, Catch::Contains("--limit shows more"));
  testing::CommandOutcome none = testing::Heard("search --db " + db + " airport");
  CHECK(none.code == 0);
  CHECK_THAT(none.out, Catch::Contains("No records match \"airport\""));
  testing::CommandOutcome bad = testing::Heard("search --db " + db + " '\"rural transport'");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.out, Catch::Contains("heard: search: the query has an unclosed quote"));
  bad = testing::Heard("search --db " + db + " 'A&E AND'");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.out, Catch::Contains("is not valid search syntax"));
  CHECK(testing::Heard("search --db " + db + " bus --district Atlantis").code == 2);
  CHECK(testing::Heard("search --db " + db + " bus --channel fax").code == 2);
  testing::CommandOutcome json =
      testing::Heard("search --db " + db + " 'damp AND mould' --outcome O2 --format json");
  REQUIRE(json.code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["total"].get<int>() > 0);
  CHECK(parsed["fts_query"] == "\"damp\" AND \"mould\"");
  for (const auto& hit : parsed["results"]) {
    CHECK(std::find(hit["outcomes"].begin(), hit["outcomes"].end(), "O2") != hit["outcomes"].end());
    CHECK_THAT(hit["snippet"].get<std::string>(), Catch::Contains("["));
  }
}

}  // namespace heard
