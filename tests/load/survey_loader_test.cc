#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "heard/charset.h"
#include "heard/lexicon.h"
#include "heard/survey.h"
#include "load/survey_lexicon_fixture.h"

namespace {

using heard::Batch;
using heard::Problem;
using heard::Record;
using heard::SurveyMapping;
using heard::TagKind;

const heard::SourceContext kContext{"Round 1", "survey/export.csv", "data/survey/export.csv"};

struct Loaded {
  std::vector<Record> records;
  std::vector<Problem> problems;
  Batch totals;  // counts summed over every batch
  int batches = 0;
  bool each_batch_balances = true;
};

Loaded Load(const std::string& csv, const SurveyMapping& mapping, size_t max_records = 100) {
  std::istringstream in(csv);
  auto source = heard::OpenSurvey(in, kContext, mapping, heard::testing::SurveyLexicon());
  Loaded out;
  Batch batch;
  while (source->Next(batch, max_records)) {
    ++out.batches;
    REQUIRE(batch.records.size() <= max_records);
    out.each_batch_balances =
        out.each_batch_balances && batch.items_read == static_cast<int64_t>(batch.records.size()) +
                                                           batch.rejected + batch.non_answers;
    for (Record& r : batch.records) out.records.push_back(std::move(r));
    for (Problem& p : batch.problems) out.problems.push_back(std::move(p));
    out.totals.rows_read += batch.rows_read;
    out.totals.items_read += batch.items_read;
    out.totals.rejected += batch.rejected;
    out.totals.non_answers += batch.non_answers;
    batch.Clear();
  }
  return out;
}

bool Balanced(const Loaded& l) {
  return l.each_batch_balances && l.totals.items_read == static_cast<int64_t>(l.records.size()) +
                                                             l.totals.rejected +
                                                             l.totals.non_answers;
}

const heard::Tag* FindTag(const Record& r, TagKind kind) {
  for (const heard::Tag& tag : r.tags) {
    if (tag.kind == kind) return &tag;
  }
  return nullptr;
}

std::string Attr(const Record& r, const std::string& name) {
  for (const heard::Attribute& a : r.attributes) {
    if (a.name == name) return a.value;
  }
  return "<none>";
}

SurveyMapping StandardMapping() {
  SurveyMapping m;
  m.header_row = 2;
  m.respondent = "Respondent ID";
  m.postcode = "Postcode";
  m.district = "District";
  m.questions = {{"Q1. What would give children the best start?", "Q1", "O1"},
                 {"Q2. Anything else?", "Q2", ""}};
  m.attributes = {"Age band", "Are you a carer?"};
  return m;
}

const char kHeader[] =
    "Respondent ID,Age band,Postcode,District,Q1. What would give children the best start?,"
    "Q2. Anything else?,Are you a carer?";

std::string StandardCsv(const std::string& eol) {
  return "Consultation export (title row),,,,,," + eol + kHeader + eol +
         "R1,35-44,CT9 1AB,Thanet,More youth clubs in Margate,n/a,Yes" + eol +
         "R2,65+,tn2 3xy, Tonbridge Wells ,\"Buses to the hospital" + eol +
         "are too rare\",\"The \"\"walk-in\"\" centre closed\",No" + eol;
}

}  // namespace

TEST_CASE("survey: a survey export becomes one record per free-text answer", "[survey]") {
  const Loaded l = Load(StandardCsv("\n"), StandardMapping());
  REQUIRE(l.problems.empty());
  REQUIRE(l.records.size() == 3);
  CHECK(l.totals.rows_read == 2);
  CHECK(l.totals.items_read == 4);
  CHECK(l.totals.non_answers == 1);
  CHECK(Balanced(l));

  const Record& r1 = l.records[0];
  CHECK(r1.round == "Round 1");
  CHECK(r1.channel == heard::Channel::kSurvey);
  CHECK(r1.source == "survey/export.csv");
  CHECK(r1.locator.row == 3);
  CHECK(r1.locator.column == "Q1. What would give children the best start?");
  CHECK(r1.locator.line_start == 3);
  CHECK(r1.locator.line_end == 3);
  CHECK(r1.id == heard::MakeRecordId("Round 1", "survey/export.csv", r1.locator));
  CHECK(r1.respondent == "R1");
  CHECK(r1.question == "Q1");
  CHECK(r1.text == "More youth clubs in Margate");
  CHECK(Attr(r1, "Age band") == "35-44");
  CHECK(Attr(r1, "Are you a carer?") == "Yes");
  CHECK(Attr(r1, "postcode_outcode") == "CT9");
  for (const heard::Attribute& a : r1.attributes) CHECK(a.value.find("1AB") == std::string::npos);

  const heard::Tag* outcome = FindTag(r1, TagKind::kOutcome);
  REQUIRE(outcome != nullptr);
  CHECK(outcome->value == "O1");
  CHECK(outcome->origin == heard::Origin::kSurveyColumn);
  CHECK(outcome->evidence.pattern == "Q1. What would give children the best start?");
  const heard::Tag* district = FindTag(r1, TagKind::kDistrict);
  REQUIRE(district != nullptr);
  CHECK(district->value == "Thanet");
  CHECK(district->origin == heard::Origin::kSurveyColumn);
  CHECK(district->evidence.matched == "Thanet");
  CHECK(district->evidence.start == -1);

  const Record& r2 = l.records[1];
  CHECK(r2.text == "Buses to the hospital\nare too rare");
  CHECK(r2.locator.row == 4);
  CHECK(r2.locator.line_start == 4);
  CHECK(r2.locator.line_end == 5);
  CHECK(Attr(r2, "postcode_outcode") == "TN2");
  const heard::Tag* misspelt = FindTag(r2, TagKind::kDistrict);
  REQUIRE(misspelt != nullptr);
  CHECK(misspelt->value == "Tunbridge Wells");
  CHECK(misspelt->evidence.matched == "Tonbridge Wells");
  CHECK(misspelt->evidence.note.find("misspelling") != std::string::npos);
  CHECK(l.records[2].question == "Q2");
  CHECK(l.records[2].text == "The \"walk-in\" centre closed");
  CHECK(FindTag(l.records[2], TagKind::kOutcome) == nullptr);
}

TEST_CASE("survey: CRLF and CR-only exports load the same records and lines", "[survey]") {
  const Loaded lf = Load(StandardCsv("\n"), StandardMapping());
  for (const std::string eol : {"\r\n", "\r"}) {
    const Loaded other = Load(StandardCsv(eol), StandardMapping());
    REQUIRE(other.records.size() == lf.records.size());
    for (size_t i = 0; i < lf.records.size(); ++i) {
      CHECK(other.records[i].locator.row == lf.records[i].locator.row);
      CHECK(other.records[i].locator.line_start == lf.records[i].locator.line_start);
      CHECK(other.records[i].locator.line_end == lf.records[i].locator.line_end);
      CHECK(other.records[i].id == lf.records[i].id);
    }
    // The newline inside the quoted answer is kept as written.
    CHECK(other.records[1].text == "Buses to the hospital" + std::string(eol) + "are too rare");
  }
}

TEST_CASE("survey: rows count records, lines count physical lines", "[survey]") {
  SurveyMapping m;
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load("ID,Comment\r\n1,\"one\r\ntwo\r\nthree\"\r\n2,after\r\n", m);
  REQUIRE(l.records.size() == 2);
  CHECK(l.records[0].locator.row == 2);
  CHECK(l.records[0].locator.line_start == 2);
  CHECK(l.records[0].locator.line_end == 4);
  CHECK(l.records[1].locator.row == 3);
  CHECK(l.records[1].locator.line_start == 5);
}

TEST_CASE("survey: non-answers are counted, never stored", "[survey]") {
  SurveyMapping m;
  m.respondent = "ID";
  m.questions = {{"Comment", "C", ""}};
  m.non_answers = {"see above"};
  const Loaded l = Load(
      "ID,Comment\n1,\n2,-\n3,n/a\n4,N/A\n5,None\n6,no comment\n7,Not provided.\n8,  \n"
      "9,See above!\n10,A real answer\n",
      m);
  REQUIRE(l.records.size() == 1);
  CHECK(l.records[0].text == "A real answer");
  CHECK(l.totals.non_answers == 9);
  CHECK(l.totals.rows_read == 10);
  CHECK(Balanced(l));
}

TEST_CASE("survey: a missing mapped column rejects the file and names close headers", "[survey]") {
  SurveyMapping m = StandardMapping();
  m.header_row = 1;
  m.postcode = "Postcode";
  const Loaded l = Load(
      "Respondent ID,Age band,Post code,District,"
      "Q1. What would give children the best start?,Q2. Anything else?,"
      "Are you a carer?\nR1,35-44,CT9 1AB,Thanet,Text,More text,Yes\n"
      "R2,65+,CT9 2AB,Thanet,Text,,No\n",
      m);
  CHECK(l.records.empty());
  REQUIRE(l.problems.size() == 1);
  const Problem& p = l.problems[0];
  CHECK(p.severity == Problem::Severity::kReject);
  CHECK(p.file == "data/survey/export.csv");
  CHECK(p.line == 1);
  CHECK(p.column == "Postcode");
  CHECK(p.reason.find("\"Postcode\" is not in the header") != std::string::npos);
  CHECK(p.reason.find("\"Post code\"") != std::string::npos);
  CHECK(p.items == 4);
  CHECK(l.totals.rows_read == 2);
  CHECK(l.totals.rejected == 4);
  CHECK(Balanced(l));
}

TEST_CASE("survey: a mapped column named twice in the header is a problem", "[survey]") {
  SurveyMapping m;
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load("ID,Comment,Comment\n1,a,b\n", m);
  CHECK(l.records.empty());
  REQUIRE(l.problems.size() == 1);
  CHECK(l.problems[0].reason.find("appears 2 times in the header (columns 2, 3)") !=
        std::string::npos);
  CHECK(Balanced(l));
}

TEST_CASE("survey: a ragged row is rejected with its line; reading goes on", "[survey]") {
  SurveyMapping m;
  m.questions = {{"Q1", "Q1", ""}, {"Q2", "Q2", ""}};
  const Loaded l = Load(
      "A,B,C,D,E,F,G,Q1,Q2\n"
      "1,2,3,4,5,6,7,alpha,beta\n"
      "1,2,3,4,5,alpha,beta\n"
      "1,2,3,4,5,6,7,gamma,\n",
      m);
  REQUIRE(l.problems.size() == 1);
  const Problem& p = l.problems[0];
  CHECK(p.severity == Problem::Severity::kReject);
  CHECK(p.line == 3);
  CHECK(p.reason == "row has 7 fields, header has 9");
  CHECK(p.items == 2);
  REQUIRE(l.records.size() == 3);
  CHECK(l.records[2].locator.row == 4);
  CHECK(l.totals.rows_read == 3);
  CHECK(l.totals.rejected == 2);
  CHECK(l.totals.non_answers == 1);
  CHECK(Balanced(l));
}

TEST_CASE("survey: a malformed CSV row is rejected with the reader's reason", "[survey]") {
  SurveyMapping m;
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load("ID,Comment\n1,\"quoted\" then text\n2,fine\n", m);
  REQUIRE(l.problems.size() == 1);
  CHECK(l.problems[0].line == 2);
  CHECK(l.problems[0].reason == "text after a closing quote on line 2");
  REQUIRE(l.records.size() == 1);
  CHECK(l.records[0].text == "fine");
  CHECK(Balanced(l));
}

TEST_CASE("survey: blank lines are skipped silently", "[survey]") {
  SurveyMapping m;
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load("ID,Comment\n\n1,first\n\n,\n2,second\n\n", m);
  CHECK(l.problems.empty());
  REQUIRE(l.records.size() == 2);
  CHECK(l.totals.rows_read == 2);
  CHECK(l.totals.items_read == 2);
  CHECK(l.records[0].locator.row == 3);  // the blank line is a spreadsheet row too
  CHECK(l.records[1].locator.row == 6);
}

TEST_CASE("survey: a repeated respondent answer has the same dedup_key", "[survey]") {
  SurveyMapping m;
  m.respondent = "ID";
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load(
      "ID,Comment\nR7,More GP appointments  please\n"
      "R7,\"more GP\nappointments please \"\n"
      "R8,More GP appointments please\n"
      ",More GP appointments please\n",
      m);
  REQUIRE(l.records.size() == 4);
  CHECK(l.records[0].dedup_key ==
        "R7\x1f"
        "C\x1f"
        "more gp appointments please");
  CHECK(l.records[1].dedup_key == l.records[0].dedup_key);
  CHECK(l.records[1].id != l.records[0].id);
  CHECK(l.records[2].dedup_key != l.records[0].dedup_key);
  CHECK(l.records[3].dedup_key.empty());
}

TEST_CASE("survey: an unknown district value is a warning and no tag", "[survey]") {
  SurveyMapping m;
  m.district = "District";
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load(
      "District,Comment\nAtlantis,text one\nPolice and Crime Commissioner,text two\nMedway,text "
      "three\n"
      "Prefer not to say,text four\n",
      m);
  REQUIRE(l.records.size() == 4);
  CHECK(FindTag(l.records[0], TagKind::kDistrict) == nullptr);
  CHECK(FindTag(l.records[1], TagKind::kDistrict) == nullptr);
  REQUIRE(FindTag(l.records[2], TagKind::kDistrict) != nullptr);
  CHECK(FindTag(l.records[2], TagKind::kDistrict)->value == "Medway");
  REQUIRE(l.problems.size() == 2);  // "Prefer not to say" is a non-answer: no tag, no warning
  CHECK(l.problems[0].severity == Problem::Severity::kWarning);
  CHECK(l.problems[0].file == "data/survey/export.csv");
  CHECK(l.problems[0].line == 2);
  CHECK(l.problems[0].column == "District");
  CHECK(l.problems[0].reason.find("Atlantis") != std::string::npos);
  CHECK(l.problems[0].items == 0);
  CHECK(l.problems[1].reason.find("names a partner") != std::string::npos);
  CHECK(Balanced(l));
}

TEST_CASE("survey: the ledger balances in every batch, however small", "[survey]") {
  std::string csv = std::string(kHeader) + "\n";
  for (int i = 0; i < 50; ++i) {
    csv += "R" + std::to_string(i) + ",18-24,ME14 5AB,Medway," +
           (i % 3 == 0 ? "n/a" : "Answer " + std::to_string(i)) + "," +
           (i % 4 == 0 ? "\"text, \"\"quoted\"\" rightly\"" : "More " + std::to_string(i)) +
           ",No\n";
    if (i % 10 == 0) csv += "short,row\n";
  }
  SurveyMapping m = StandardMapping();
  m.header_row = 1;
  for (size_t max_records : {1, 2, 7, 1000}) {
    const Loaded l = Load(csv, m, max_records);
    CHECK(Balanced(l));
    CHECK(l.totals.rows_read == 55);
    CHECK(l.totals.items_read == 110);
    CHECK(l.totals.rejected == 10);
    CHECK(l.totals.non_answers == 17);
    CHECK(l.records.size() == 83);
  }
}

TEST_CASE("survey: a file that ends before its header row", "[survey]") {
  SurveyMapping m;
  m.header_row = 3;
  m.questions = {{"Comment", "C", ""}};
  const Loaded l = Load("title\n", m);
  REQUIRE(l.problems.size() == 1);
  CHECK(l.problems[0].severity == Problem::Severity::kReject);
  CHECK(l.records.empty());
  CHECK(Balanced(l));
}

TEST_CASE("survey: a windows-1252 export through OpenUtf8", "[survey][charset]") {
  std::istringstream raw(
      "ID,Comment\r\n1,\x93"
      "Caf\xE9\x94 closed; \xA3"
      "5 bus fare\r\n");
  heard::EncodingDecision decision;
  auto utf8 = heard::OpenUtf8(raw, &decision);
  SurveyMapping m;
  m.questions = {{"Comment", "C", ""}};
  auto source = heard::OpenSurvey(*utf8, kContext, m, heard::testing::SurveyLexicon());
  Batch batch;
  REQUIRE(source->Next(batch, 10));
  REQUIRE(batch.records.size() == 1);
  CHECK(batch.records[0].text == "\u201CCaf\u00E9\u201D closed; \u00A35 bus fare");
  CHECK(decision.encoding == "windows-1252");
}

TEST_CASE("survey: IsNonAnswer", "[survey]") {
  for (const char* text : {"",
                           " ",
                           "-",
                           "--",
                           ".",
                           "n/a",
                           "N/A",
                           "N / A",
                           "na",
                           "None",
                           "none.",
                           "no comment",
                           "No comments!",
                           "Not provided.",
                           "nothing",
                           "No",
                           "no.",
                           "\u2014",
                           "Nothing to add",
                           "not applicable"}) {
    INFO(text);
    CHECK(heard::IsNonAnswer(text));
  }
  for (const char* text : {"No buses after 6pm", "None of the GPs answer", "Dont know where to go",
                           "n/a for me but my mum needs help", "Noah", "0"}) {
    INFO(text);
    CHECK_FALSE(heard::IsNonAnswer(text));
  }
  CHECK(heard::IsNonAnswer("As above.", {"as above"}));
  CHECK_FALSE(heard::IsNonAnswer("As above."));
}

TEST_CASE("survey: OutwardCode", "[survey]") {
  CHECK(heard::OutwardCode("CT9 1AB") == "CT9");
  CHECK(heard::OutwardCode("ct91ab") == "CT9");
  CHECK(heard::OutwardCode("ME14") == "ME14");
  CHECK(heard::OutwardCode("TN2 3XY") == "TN2");
  CHECK(heard::OutwardCode(" me14 5ab ") == "ME14");
  CHECK(heard::OutwardCode("ME145AB") == "ME14");
  CHECK(heard::OutwardCode("TN23 1") == "TN23");
  CHECK(heard::OutwardCode("DA1  2BB") == "DA1");
  CHECK(heard::OutwardCode("Margate").empty());
  CHECK(heard::OutwardCode("").empty());
  CHECK(heard::OutwardCode("12345").empty());
  CHECK(heard::OutwardCode("CT9 1AB please").empty());
}

TEST_CASE("survey: a title row and a row of full question text above the header", "[survey]") {
  // Platforms put the export's title first and the full question wording
  // above short column names; header_row says which row is the header.
  const std::string csv =
      "Strategy survey export,,\n"
      "Your reference,What would give children the best start in life?,Anything else?\n"
      "ID,Q1,Q2\n"
      "R1,Family hubs open at weekends,n/a\n";
  SurveyMapping m;
  m.header_row = 3;
  m.respondent = "ID";
  m.questions = {{"Q1", "Q1", ""}, {"Q2", "Q2", ""}};
  const Loaded l = Load(csv, m);
  REQUIRE(l.problems.empty());
  REQUIRE(l.records.size() == 1);
  CHECK(l.records[0].text == "Family hubs open at weekends");
  CHECK(l.records[0].respondent == "R1");
  CHECK(l.records[0].locator.row == 4);
  CHECK(l.totals.non_answers == 1);
  CHECK(Balanced(l));
  // Read with the default header_row, the title row is the header and the mapping fails.
  m.header_row = 1;
  const Loaded wrong = Load(csv, m);
  REQUIRE(wrong.problems.size() == 1);
  CHECK(wrong.problems[0].severity == Problem::Severity::kReject);
  CHECK_THAT(wrong.problems[0].reason,
             Catch::Matchers::Contains("column \"ID\" is not in the header"));
  CHECK(Balanced(wrong));
}
