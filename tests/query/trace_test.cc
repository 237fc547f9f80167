#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "heard/query.h"
#include "query_fixture.h"

namespace heard {
namespace {

using testing::SmallRecord;
using testing::TempDir;

// Six records about youth clubs, buses and GPs, and ten that are about
// nothing in particular, so that the words' weights mean something.
std::vector<SmallRecord> SmallRound() {
  std::vector<SmallRecord> records = {
      {Channel::kWorkshop, "", "Thanet", "O1", "Youth clubs have closed in Margate"},
      {Channel::kWorkshop, "", "Swale", "O1", "Youth clubs have closed and nothing replaced them"},
      {Channel::kSurvey, "R1", "Thanet", "O1", "The youth club closed last year"},
      {Channel::kSurvey, "R2", "Swale", "O5", "Buses are too expensive to get to the GP"},
      {Channel::kFocusGroup, "", "Tunbridge Wells", "O5", "GP appointments are impossible to get"},
      {Channel::kSurvey, "R3", "Thanet", "O5", "Transport to hospital is poor"},
  };
  for (const char* filler :
       {"Thanks for asking", "Good document", "Nice words", "Well done", "Keep us updated",
        "Too long", "Interesting", "No further comments", "Happy with it", "Looks fine"}) {
    records.push_back({Channel::kSurvey, "R9", "Swale", "GEN", filler});
  }
  return records;
}

Trace Traced(Store& store, const std::string& round, const std::string& statement,
             const Lexicon& lexicon, size_t limit = 1000) {
  TraceOptions options;
  options.limit = limit;
  Result<Trace> trace = TraceStatement(store, lexicon, round, statement, options);
  INFO(statement << ": " << trace.status().message());
  REQUIRE(trace.ok());
  return *trace;
}

std::set<std::string> Texts(const Trace& trace) {
  std::set<std::string> texts;
  for (const RecordSupport& r : trace.records) texts.insert(r.record.text);
  return texts;
}

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("trace: the records sharing a statement's theme and words, with totals", "[query]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  const Lexicon lexicon = testing::SmallLexicon();
  Trace trace = Traced(*store, "Small", "Youth clubs have closed", lexicon);
  CHECK(trace.status == Support::kSupported);
  CHECK(Texts(trace) == std::set<std::string>{"Youth clubs have closed in Margate",
                                              "Youth clubs have closed and nothing replaced them",
                                              "The youth club closed last year"});
  REQUIRE(trace.statement.themes.size() == 1);
  CHECK(trace.statement.themes[0].id == "youth-clubs");
  CHECK(trace.statement.themes[0].records == 3);
  REQUIRE(trace.statement.words.size() == 3);  // "have" is a stop word
  CHECK(trace.statement.words[2].word == "closed");
  CHECK(trace.totals.records == 3);
  CHECK(trace.totals.respondents == 1);
  CHECK(trace.totals.sources == 2);
  CHECK(trace.totals.districts ==
        std::vector<std::pair<std::string, int64_t>>{{"Thanet", 2}, {"Swale", 1}});
  CHECK(trace.totals.channels == std::map<std::string, int64_t>{{"survey", 1}, {"workshop", 2}});
  for (const RecordSupport& r : trace.records) {
    CHECK(r.supports);
    CHECK(r.score > 0.5);
    REQUIRE(r.themes.size() == 1);
    CHECK(r.themes[0].theme == "youth-clubs");
    CHECK(r.themes[0].pattern == "youth club*");
    CHECK(r.words.size() == 3);
  }

  // Naming a district takes support from that district only; two records are weak.
  trace = Traced(*store, "Small", "Youth clubs have closed in Thanet", lexicon);
  CHECK(trace.statement.districts == std::vector<std::string>{"Thanet"});
  CHECK(Texts(trace) == std::set<std::string>{"Youth clubs have closed in Margate",
                                              "The youth club closed last year"});
  CHECK(trace.status == Support::kWeak);

  // Words nobody wrote support nothing; the nearest records are shown as near misses.
  trace = Traced(*store, "Small", "Residents asked for a new airport near the youth club", lexicon);
  CHECK(trace.status == Support::kUnsupported);
  CHECK(trace.records.empty());
  CHECK_FALSE(trace.near_misses.empty());
  CHECK(trace.statement.words[0].records == 0);  // "new"
}

TEST_CASE("trace: abbreviations find the records that spell them out", "[query][sample]") {
  Store& sample = testing::SampleStore();
  const Lexicon& lexicon = testing::ShippedLexicon();

  Trace mh = Traced(sample, testing::kSampleRound, "MH crisis support out of hours", lexicon);
  CHECK(mh.status == Support::kSupported);
  bool spelt_out = false;
  for (const RecordSupport& r : mh.records) {
    CHECK(Has(r.record.themes, "adult-mental-health"));
    spelt_out = spelt_out || r.record.text.find("Mental health crisis") != std::string::npos;
  }
  CHECK(spelt_out);

  Trace vcs = Traced(sample, testing::kSampleRound, "VCS needs multi-year funding", lexicon);
  CHECK(vcs.status == Support::kSupported);
  bool charity = false;
  for (const RecordSupport& r : vcs.records) {
    charity = charity || r.record.text.find("voluntary sector") != std::string::npos;
  }
  CHECK(charity);  // "the voluntary sector", with no "VCS" in it

  Trace camhs = Traced(sample, testing::kSampleRound, "CAMHS waiting lists are too long", lexicon);
  CHECK(camhs.status == Support::kSupported);
  CHECK(camhs.totals.records >= 10);

  // WDH (wider determinants of health) is a cue of outcome O2: it stands for
  // the records that carry O2, though no record spells it.
  Trace wdh =
      Traced(sample, testing::kSampleRound, "WDH such as housing and cost of living", lexicon);
  CHECK(wdh.statement.unknown_abbreviations.empty());
  bool wdh_understood = false;
  for (const auto& word : wdh.statement.words) {
    if (word.word == "WDH") {
      wdh_understood = word.records > 100 &&
                       word.themes == std::vector<std::string>{"outcome O2"};
    }
  }
  CHECK(wdh_understood);
  CHECK(wdh.status == Support::kSupported);

  // An abbreviation neither the lexicon nor the round knows is set aside and
  // said so, and the rest of the statement counts.
  Trace unknown =
      Traced(sample, testing::kSampleRound, "QZX such as housing and cost of living", lexicon);
  CHECK(unknown.statement.unknown_abbreviations == std::vector<std::string>{"QZX"});
  CHECK(unknown.status == Support::kSupported);
}

TEST_CASE("trace: totals equal the records listed", "[query][sample]") {
  Store& sample = testing::SampleStore();
  for (const char* statement : {"Damp and mould in private rented housing is making people ill",
                                "Unpaid carers need respite and a break from caring",
                                "Getting a GP appointment means joining the 8am phone queue"}) {
    Trace trace = Traced(sample, testing::kSampleRound, statement, testing::ShippedLexicon());
    INFO(statement);
    REQUIRE(trace.totals.records == static_cast<int64_t>(trace.records.size()));
    std::map<std::string, int64_t> districts, channels;
    std::set<std::string> respondents, sources;
    for (const RecordSupport& r : trace.records) {
      for (const std::string& d : r.record.districts) ++districts[d];
      ++channels[r.record.channel];
      if (!r.record.respondent.empty()) respondents.insert(r.record.respondent);
      sources.insert(r.record.source);
    }
    CHECK(std::map<std::string, int64_t>(trace.totals.districts.begin(),
                                         trace.totals.districts.end()) == districts);
    CHECK(trace.totals.channels == channels);
    CHECK(trace.totals.respondents == static_cast<int64_t>(respondents.size()));
    CHECK(trace.totals.sources == static_cast<int64_t>(sources.size()));
    for (size_t i = 1; i < trace.records.size(); ++i) {
      CHECK(trace.records[i - 1].score >= trace.records[i].score);
    }
    // A limit shortens the list, never the totals.
    Trace short_list =
        Traced(sample, testing::kSampleRound, statement, testing::ShippedLexicon(), 2);
    CHECK(short_list.records.size() == 2);
    CHECK(short_list.totals.records == trace.totals.records);
  }
}

TEST_CASE("trace: a district named in the statement limits support to it", "[query][sample]") {
  Trace trace = Traced(testing::SampleStore(), testing::kSampleRound,
                       "Homelessness and rough sleeping in Canterbury", testing::ShippedLexicon());
  CHECK(trace.statement.districts == std::vector<std::string>{"Canterbury"});
  REQUIRE_FALSE(trace.records.empty());
  for (const RecordSupport& r : trace.records) {
    INFO(r.record.text);
    CHECK((Has(r.record.districts, "Canterbury") ||
           r.record.text.find("Canterbury") != std::string::npos));
  }
}

TEST_CASE("trace: one common word is too general to support anything", "[query][sample]") {
  for (const char* statement :
       {"Funding matters", "Services in Swale", "Better services", "Care in Dover"}) {
    Trace trace =
        Traced(testing::SampleStore(), testing::kSampleRound, statement, testing::ShippedLexicon());
    INFO(statement << ": " << trace.reason);
    CHECK(trace.status == Support::kUnsupported);
    CHECK_THAT(trace.reason, Catch::Contains("too general"));
  }
}

TEST_CASE("trace: the command line prints evidence and totals", "[query][cli]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  store.reset();
  const std::string lexicon_dir = dir / "lexicon";
  testing::WriteFile(lexicon_dir + "/small.toml", testing::kSmallLexiconToml);
  testing::CommandOutcome text = testing::Heard("trace --db " + dir / "small.db" + " --lexicons " +
                                                lexicon_dir + " 'Youth clubs have closed'");
  CHECK(text.code == 0);
  CHECK_THAT(text.out, Catch::Contains("SUPPORTED: 3 records from 2 districts"));
  CHECK_THAT(text.out,
             Catch::Contains("theme youth-clubs ('youth club*' matched \"Youth clubs\")"));
  CHECK_THAT(text.out, Catch::Contains("words: Youth, clubs, closed"));
  testing::CommandOutcome json =
      testing::Heard("trace --db " + dir / "small.db" + " --lexicons " + lexicon_dir +
                     " --format json 'Youth clubs have closed'");
  REQUIRE(json.code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["status"] == "supported");
  CHECK(parsed["totals"]["records"] == 3);
  CHECK(parsed["records"].size() == 3);
  CHECK(parsed["records"][0]["evidence"]["themes"][0]["theme"] == "youth-clubs");
  CHECK(testing::Heard("trace --db " + dir / "missing.db" + " 'x'").code == 4);
  CHECK(testing::Heard("trace --db " + dir / "small.db" + " --round Nope 'x'").code == 4);
  CHECK(testing::Heard("trace --db " + dir / "small.db" + " --lexicons " + dir / "none" + " x")
            .code == 4);  // no such lexicon folder
}

}  // namespace heard
