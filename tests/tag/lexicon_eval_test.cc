// heard lexicon eval: precision, recall, F1 and Cohen's kappa against values computed by hand.
#include <catch2/catch.hpp>

#include <string>

#include "heard/lexicon_eval.h"
#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;
using testing::WriteFile;

const ThemeAgreement& Row(const EvalResult& r, const std::string& id) {
  for (const ThemeAgreement& t : r.themes) {
    if (t.id == id) return t;
  }
  FAIL("no row for " << id);
  return r.themes.front();
}

// The small test lexicon (themes gp-access: "GP", "GP appointment*"; transport:
// "bus", "buses", "transport"; funding: "funding", "funded"; youth-clubs:
// "youth club*") against seven records coded by hand:
//   R1 "No GP appointment for weeks."             gold gp-access   lexicon gp-access
//   R2 "The bus is always late."                  gold transport   lexicon transport
//   R3 "More funding for the buses please."       gold transport   lexicon transport, funding
//   R4 "Couldn't get a lift to the surgery."      gold transport   lexicon -
//   R5 "Nothing for teenagers to do in the evenings." gold youth-clubs  lexicon -
//   R6 "My GP is great."                          gold -           lexicon gp-access
//   R7 "Thanks for asking."                       gold -           lexicon -
// By hand (N = 7):
//   gp-access:   TP 1 FP 1 FN 0 TN 5; P 1/2, R 1, F1 2/3;
//                p_o = 6/7 = 42/49, p_e = (2*1 + 5*6)/49 = 32/49, kappa = 10/17 = 0.5882
//   transport:   TP 2 FP 0 FN 1 TN 4; P 1, R 2/3, F1 0.8;
//                p_o = 42/49, p_e = (2*3 + 5*4)/49 = 26/49, kappa = 16/23 = 0.6957
//   funding:     TP 0 FP 1 FN 0 TN 6 (no gold); P 0, R 0, F1 0; p_e = (1*0 + 6*7)/49 = 42/49 = p_o, kappa 0
//   youth-clubs: TP 0 FP 0 FN 1 TN 6 (no prediction); P 0, R 0, F1 0; kappa 0 likewise
//   micro: TP 3 FP 2 FN 2: P = R = F1 = 3/5
//   macro (4 themes): P = (1/2 + 1)/4 = 0.375, R = (1 + 2/3)/4 = 0.4167, F1 = (2/3 + 0.8)/4 = 0.3667
//   mean kappa = (10/17 + 16/23)/4 = 0.3210
constexpr const char* kGold =
    "id,channel,text,themes,negated,notes\r\n"
    "R1,survey,No GP appointment for weeks.,gp-access,,\r\n"
    "R2,survey,The bus is always late.,transport,,\r\n"
    "R3,survey,\"More funding for the buses please.\",transport,,\r\n"
    "R4,focus_group,Couldn't get a lift to the surgery.,transport,,\r\n"
    "R5,workshop,- Nothing for teenagers to do in the evenings (TW),youth-clubs,,\r\n"
    "R6,survey,My GP is great.,,,praise of the GP is not about access\r\n"
    "R7,survey,Thanks for asking.,,,\r\n";

TEST_CASE("eval: per-theme and averaged agreement match the hand computation") {
  TempDir dir;
  WriteFile(dir / "gold.csv", kGold);
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(dir / "gold.csv", nullptr, "");
  REQUIRE(gold.ok());
  REQUIRE(gold->size() == 7);
  CHECK((*gold)[4].channel == Channel::kWorkshop);
  EvalResult r = EvaluateLexicon(testing::SmallLexicon(), *gold);

  const ThemeAgreement& gp = Row(r, "gp-access");
  CHECK(gp.tp == 1);
  CHECK(gp.fp == 1);
  CHECK(gp.fn == 0);
  CHECK(gp.tn == 5);
  CHECK(gp.precision == Approx(0.5));
  CHECK(gp.recall == Approx(1.0));
  CHECK(gp.f1 == Approx(2.0 / 3));
  CHECK(gp.kappa_defined);
  CHECK(gp.kappa == Approx(10.0 / 17));

  const ThemeAgreement& bus = Row(r, "transport");
  CHECK(bus.tp == 2);
  CHECK(bus.fn == 1);
  CHECK(bus.recall == Approx(2.0 / 3));
  CHECK(bus.f1 == Approx(0.8));
  CHECK(bus.kappa == Approx(16.0 / 23));

  const ThemeAgreement& funding = Row(r, "funding");
  CHECK(funding.fp == 1);
  CHECK(funding.precision == 0);
  CHECK(funding.kappa == Approx(0.0).margin(1e-12));

  const ThemeAgreement& youth = Row(r, "youth-clubs");  // zero predictions
  CHECK(youth.tp + youth.fp == 0);
  CHECK(youth.fn == 1);
  CHECK(youth.measured);
  CHECK(youth.precision == 0);
  CHECK(youth.recall == 0);
  CHECK(youth.kappa_defined);
  CHECK(youth.kappa == Approx(0.0).margin(1e-12));

  CHECK(r.tp == 3);
  CHECK(r.fp == 2);
  CHECK(r.fn == 2);
  CHECK(r.micro_precision == Approx(0.6));
  CHECK(r.micro_recall == Approx(0.6));
  CHECK(r.micro_f1 == Approx(0.6));
  CHECK(r.measured_themes == 4);
  CHECK(r.macro_precision == Approx(0.375));
  CHECK(r.macro_recall == Approx((1 + 2.0 / 3) / 4));
  CHECK(r.macro_f1 == Approx((2.0 / 3 + 0.8) / 4));
  CHECK(r.mean_kappa == Approx((10.0 / 17 + 16.0 / 23) / 4));

  REQUIRE(r.false_positives.size() == 2);
  bool gp_example = false;
  for (const EvalExample& e : r.false_positives) {
    if (e.theme == "gp-access") {
      gp_example = true;
      CHECK(e.record_id == "R6");
      CHECK(e.matched == "GP");
    }
  }
  CHECK(gp_example);
  CHECK(r.false_negatives.size() == 2);
  const std::string text = RenderEval(r, "text");
  CHECK(text.find("micro: precision 0.600 recall 0.600 F1 0.600") != std::string::npos);
}

TEST_CASE("eval: kappa is undefined when both sides give every record one answer") {
  double kappa = 42;
  CHECK_FALSE(CohenKappa(0, 0, 0, 7, &kappa));  // nobody says yes
  CHECK_FALSE(CohenKappa(7, 0, 0, 0, &kappa));  // everybody says yes
  CHECK_FALSE(CohenKappa(0, 0, 0, 0, &kappa));  // no records
  CHECK(kappa == 42);
  REQUIRE(CohenKappa(3, 0, 0, 4, &kappa));  // perfect agreement
  CHECK(kappa == Approx(1.0));
}

TEST_CASE("eval: a theme nobody coded or predicted is left out of the macro averages") {
  TempDir dir;
  WriteFile(dir / "gold.csv", "id,channel,text,themes\nA,survey,The bus is late.,transport\n");
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(dir / "gold.csv", nullptr, "");
  REQUIRE(gold.ok());
  EvalResult r = EvaluateLexicon(testing::SmallLexicon(), *gold);
  CHECK(r.measured_themes == 1);
  CHECK(r.macro_f1 == Approx(1.0));
  CHECK_FALSE(Row(r, "funding").measured);
  CHECK_FALSE(Row(r, "funding").kappa_defined);  // one record, both sides "no"
}

TEST_CASE("eval --strict drops negated gold and negated predictions") {
  LexiconSpec spec;
  REQUIRE(ParseLexiconToml(testing::kSmallLexiconToml, "small.toml", &spec).ok());
  REQUIRE(ParseLexiconToml("[qualifiers]\nnegation_before = [\"no problems with\"]\n"
                           "boundary_patterns = ['[.;!?]']\n",
                           "q.toml", &spec)
              .ok());
  Result<Lexicon> lexicon = Lexicon::Compile(spec);
  REQUIRE(lexicon.ok());
  TempDir dir;
  WriteFile(dir / "gold.csv",
            "id,channel,text,themes,negated\n"
            "A,survey,No problems with the buses.,transport,transport\n"
            "B,survey,The bus is late.,transport,\n"
            "C,survey,No problems with funding. The bus is late.,transport,\n");
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(dir / "gold.csv", nullptr, "");
  REQUIRE(gold.ok());
  EvalResult inclusive = EvaluateLexicon(*lexicon, *gold);
  CHECK(Row(inclusive, "transport").tp == 3);
  CHECK(Row(inclusive, "funding").fp == 1);
  CHECK(inclusive.qualified_predictions == 2);  // A transport, C funding
  EvalOptions options;
  options.strict = true;
  EvalResult strict = EvaluateLexicon(*lexicon, *gold, options);
  CHECK(Row(strict, "transport").tp == 2);  // B, C
  CHECK(Row(strict, "transport").fp == 0);  // A's negated tag is not a prediction
  CHECK(Row(strict, "transport").tn == 1);
  CHECK(Row(strict, "funding").fp == 0);
}

TEST_CASE("eval: a gold file of record ids reads the text from the store") {
  TempDir dir;
  std::vector<Record> records;
  records.push_back(testing::MakeRecord(Channel::kSurvey, 1, "R1", "The bus never comes.", {}));
  records.push_back(testing::MakeRecord(Channel::kSurvey, 2, "R2", "Lovely staff.", {}));
  const std::string id1 = records[0].id, id2 = records[1].id;
  auto store = testing::StoreWithRecords(dir / "s.db", records);
  WriteFile(dir / "gold.csv", "record_id,themes\n" + id1 + ",transport\n" + id2 + ",\n");
  CHECK_FALSE(ReadGoldCsv(dir / "gold.csv", nullptr, "").ok());  // needs --db
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(dir / "gold.csv", store.get(), "R");
  REQUIRE(gold.ok());
  CHECK((*gold)[0].text == "The bus never comes.");
  EvalResult r = EvaluateLexicon(testing::SmallLexicon(), *gold);
  CHECK(Row(r, "transport").tp == 1);
  CHECK(r.fp == 0);

  WriteFile(dir / "bad.csv", "record_id,themes\nnot-an-id,transport\n");
  Result<std::vector<GoldRecord>> bad = ReadGoldCsv(dir / "bad.csv", store.get(), "R");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("bad.csv:2: record not-an-id is not in round R") !=
        std::string::npos);
}

TEST_CASE("eval: bad gold rows are reported with file and line") {
  TempDir dir;
  WriteFile(dir / "gold.csv",
            "id,channel,text,themes,negated\n"
            "A,survey,ok,transport,\n"
            "A,survey,again,transport,\n"
            "B,email,text,transport,\n"
            "C,survey,text,transport,housing\n");
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(dir / "gold.csv", nullptr, "");
  REQUIRE_FALSE(gold.ok());
  const std::string& m = gold.status().message();
  CHECK(m.find("gold.csv:3: id A appears twice") != std::string::npos);
  CHECK(m.find("gold.csv:4: unknown channel 'email'") != std::string::npos);
  CHECK(m.find("gold.csv:5: negated theme housing is not among the record's themes") !=
        std::string::npos);
}

}  // namespace
}  // namespace heard
