// heard lexicon gaps: untagged records, their share by channel, and keyness computed by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "heard/lexicon_gaps.h"
#include "store_fixture.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;

TEST_CASE("gaps: log-likelihood of a 2x2 table, zero cells included") {
  // a = 3, b = 0, c = 4, d = 4: E1 = E2 = 4*3/8 = 1.5; G2 = 2 * 3 ln(3/1.5) = 6 ln 2.
  CHECK(LogLikelihood(3, 0, 4, 4) == Approx(6 * std::log(2.0)));
  // a = 2, b = 2, c = 4, d = 4: observed = expected, G2 = 0.
  CHECK(LogLikelihood(2, 2, 4, 4) == Approx(0.0).margin(1e-12));
  // a = 4, b = 1, c = 10, d = 20: E1 = 10*5/30 = 5/3, E2 = 10/3;
  // G2 = 2 (4 ln(4/(5/3)) + 1 ln(1/(10/3))) = 2 (4 ln 2.4 - ln 3.3333).
  CHECK(LogLikelihood(4, 1, 10, 20) ==
        Approx(2 * (4 * std::log(2.4) + std::log(0.3))));
  CHECK(LogLikelihood(0, 0, 5, 5) == 0);
}

TEST_CASE("gaps: untagged records by channel and their distinctive words") {
  testing::TempDir dir;
  std::vector<Record> records;
  const Tag bus = MakeTag(TagKind::kTheme, "transport");
  records.push_back(MakeRecord(Channel::kSurvey, 1, "R1", "The bus is late again.", {bus}));
  records.push_back(MakeRecord(Channel::kSurvey, 2, "R2", "Buses to the hospital, please.", {bus}));
  records.push_back(MakeRecord(Channel::kSurvey, 3, "R3", "More buses in the evening.", {bus}));
  records.push_back(MakeRecord(Channel::kSurvey, 4, "R4", "The bus stop has no shelter.", {bus}));
  records.push_back(MakeRecord(Channel::kSurvey, 5, "R5", "Potholes on every road.", {}));
  records.push_back(MakeRecord(Channel::kSurvey, 6, "R6", "Fix the potholes; the potholes are deep.", {}));
  records.push_back(MakeRecord(Channel::kFocusGroup, 7, "", "Potholes near the school.", {}));
  records.push_back(MakeRecord(Channel::kFocusGroup, 8, "", "Thanks for listening.", {}));
  auto store = testing::StoreWithRecords(dir / "s.db", records);

  Result<LexiconGaps> gaps = FindLexiconGaps(*store, "R");
  REQUIRE(gaps.ok());
  CHECK(gaps->records == 8);
  CHECK(gaps->untagged == 4);
  CHECK(gaps->by_channel["survey"] == std::make_pair<int64_t, int64_t>(2, 6));
  CHECK(gaps->by_channel["focus_group"] == std::make_pair<int64_t, int64_t>(2, 2));
  REQUIRE_FALSE(gaps->words.empty());
  const GapTerm& top = gaps->words.front();
  CHECK(top.text == "potholes");
  CHECK(top.untagged == 3);  // records, not occurrences
  CHECK(top.tagged == 0);
  CHECK(top.g2 == Approx(6 * std::log(2.0)));
  // log2((3/4) / (0.5/4)) = log2 6
  CHECK(top.log_ratio == Approx(std::log2(6.0)));
  CHECK(top.examples.size() == 3);
  // Stop words never appear; words of tagged records only are not gaps.
  for (const GapTerm& t : gaps->words) {
    CHECK(t.text != "the");
    CHECK(t.text != "bus");
  }
  const std::string text = RenderLexiconGaps(*gaps, "text");
  CHECK(text.find("4 of 8 records (50.0%) carry no theme") != std::string::npos);
}

TEST_CASE("gaps: a round where every record has a theme lists nothing") {
  testing::TempDir dir;
  std::vector<Record> records;
  records.push_back(MakeRecord(Channel::kSurvey, 1, "R1", "The bus is late.",
                               {MakeTag(TagKind::kTheme, "transport")}));
  auto store = testing::StoreWithRecords(dir / "s.db", records);
  Result<LexiconGaps> gaps = FindLexiconGaps(*store, "R");
  REQUIRE(gaps.ok());
  CHECK(gaps->untagged == 0);
  CHECK(gaps->words.empty());
}

}  // namespace
}  // namespace heard
