#include "heard/pipeline.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "heard/export.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// A small round on disk: a survey with a non-answer, a repeated respondent
// and a ragged row, and workshop notes with codes.
void WriteRound(const TempDir& dir) {
  WriteFile(dir / "lexicons/small.toml", testing::kSmallLexiconToml);
  WriteFile(dir / "round/survey.csv",
            "ID,District,Postcode,What would help?\r\n"
            "R1,Thanet,CT9 1AB,More GP appointments please\r\n"
            "R2,,ME12 3CD,n/a\r\n"
            "R3,Tonbridge Wells,,\"The bus to Paddock Wood stopped, so no youth club\"\r\n"
            "R1,Thanet,CT9 1AB,More GP appointments please\r\n"
            "R4,Swale,ME12,too,many,fields\r\n"
            "R5,,TN12 6ZZ,Funding for the youth club\r\n");
  WriteFile(dir / "round/notes/west.md",
            "# West Kent workshop\n\n"
            "## Outcome 1\n"
            "- Youth clubs have closed in Margate (T)(TW)\n"
            "- More buses in the evening (SW)(PCC)\n\n"
            "## General Points\n"
            "- How will this be funded? (QQ)\n");
  WriteFile(dir / "round/pipeline.toml", R"toml(
[round]
name = "Test round"
date = "2026-05-01"

[run]
lexicons = "../lexicons"

[[survey]]
path = "survey.csv"
respondent = "ID"
district = "District"
postcode = "Postcode"
  [[survey.question]]
  column = "What would help?"
  id = "Q1"
  outcome = "O5"

[[workshop]]
paths = ["notes/*.md"]
)toml");
}

std::string RunAndExport(const TempDir& dir, const std::string& db, int threads,
                         RunReport* report_out = nullptr) {
  auto spec = ReadPipelineFile(dir / "round/pipeline.toml");
  REQUIRE(spec.ok());
  auto lexicon = Lexicon::Load(spec->lexicon_dir);
  REQUIRE(lexicon.ok());
  REQUIRE(CheckPipeline(&*spec, *lexicon).ok());
  auto store = Store::Open(db);
  REQUIRE(store.ok());
  RunOptions options;
  options.threads = threads;
  options.batch_records = 1;  // many small batches: ordering is really exercised
  auto report = RunRound(*spec, *lexicon, **store, options);
  REQUIRE(report.ok());
  if (report_out) *report_out = *report;
  std::ostringstream out;
  REQUIRE(ExportRecords(**store, "Test round", ExportFormat::kJsonl, out).ok());
  return out.str();
}

}  // namespace

TEST_CASE("a round loads with a ledger that reconciles per source", "[pipeline]") {
  TempDir dir;
  WriteRound(dir);
  RunReport report;
  const std::string jsonl = RunAndExport(dir, dir / "a.db", 2, &report);
  REQUIRE(report.ledgers.size() == 2);
  const Ledger& survey = report.ledgers[0];
  CHECK(survey.source == "survey.csv");
  CHECK(survey.items_read == 6);  // six data rows, one question each
  CHECK(survey.stored == 3);
  CHECK(survey.non_answers == 1);
  CHECK(survey.duplicates == 1);
  CHECK(survey.rejected == 1);
  CHECK(survey.Reconciles());
  const Ledger& notes = report.ledgers[1];
  CHECK(notes.source == "notes/west.md");
  CHECK(notes.stored == 3);
  CHECK(notes.Reconciles());
  CHECK(report.Reconciles());
  CHECK_THAT(jsonl, Catch::Contains("\"districts\":[\"Thanet\",\"Tunbridge Wells\"]"));
  CHECK_THAT(jsonl, Catch::Contains("\"attributions\":[\"QQ\"]"));
  // The ragged row is a reject with its line; the unknown code a warning with its line.
  bool ragged = false, unknown_code = false;
  for (const Problem& p : report.problems) {
    if (p.severity == Problem::Severity::kReject && p.line == 6) ragged = true;
    if (p.severity == Problem::Severity::kWarning && p.line == 8 &&
        p.reason.find("QQ") != std::string::npos) {
      unknown_code = true;
    }
  }
  CHECK(ragged);
  CHECK(unknown_code);
}

TEST_CASE("results do not depend on the thread count", "[pipeline]") {
  TempDir dir;
  WriteRound(dir);
  const std::string one = RunAndExport(dir, dir / "one.db", 1);
  const std::string two = RunAndExport(dir, dir / "two.db", 2);
  const std::string four = RunAndExport(dir, dir / "four.db", 4);
  CHECK(one == two);
  CHECK(one == four);
}

TEST_CASE("re-running a round changes nothing; a corrected file replaces its records",
          "[pipeline]") {
  TempDir dir;
  WriteRound(dir);
  const std::string first = RunAndExport(dir, dir / "r.db", 2);
  const std::string again = RunAndExport(dir, dir / "r.db", 2);
  CHECK(first == again);

  WriteFile(dir / "round/notes/west.md",
            "## Outcome 1\n- Youth clubs have closed (T)\n");
  RunReport report;
  const std::string corrected = RunAndExport(dir, dir / "r.db", 2, &report);
  CHECK(report.ledgers[1].stored == 1);
  CHECK_THAT(corrected, !Catch::Contains("More buses in the evening"));
  CHECK_THAT(corrected, Catch::Contains("More GP appointments"));
  auto store = Store::Open(dir / "r.db");
  REQUIRE(store.ok());
  CHECK(*(*store)->CountRecords("Test round") == 4);
  auto ledgers = (*store)->Ledgers("Test round");
  REQUIRE(ledgers.ok());
  for (const Ledger& ledger : *ledgers) CHECK(ledger.Reconciles());
  CHECK(ReadFile(dir / "round/notes/west.md").size() > 0);
}

}  // namespace heard
