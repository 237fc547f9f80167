// pipelines/office_sample.toml: the .docx and .xlsx samples load, through the whole pipeline, to
// the same records as their text and CSV twins.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "heard/office.h"
#include "heard/pipeline.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;

const std::string kPipeline = std::string(HEARD_SOURCE_DIR) + "/pipelines/office_sample.toml";

struct Loaded {
  RunReport report;
  std::vector<Record> records;
};

// Runs the office sample pipeline; with `twins`, every .docx/.xlsx path is
// replaced by its .md/.csv twin first.
Loaded Run(const TempDir& dir, bool twins) {
  Result<PipelineSpec> spec = ReadPipelineFile(kPipeline);
  REQUIRE(spec.ok());
  if (twins) {
    for (SourceSpec& source : spec->sources) {
      source.survey.sheet.clear();  // a CSV has no sheets
      for (std::string& pattern : source.patterns) {
        const std::string stem = pattern.substr(0, pattern.rfind('.'));
        pattern = stem + (source.channel == Channel::kSurvey ? ".csv" : ".md");
      }
    }
  }
  Result<Lexicon> lexicon = Lexicon::Load(spec->lexicon_dir);
  REQUIRE(lexicon.ok());
  const Status checked = CheckPipeline(&*spec, *lexicon);
  REQUIRE(checked.ok());
  Result<std::unique_ptr<Store>> store = Store::Open(dir / (twins ? "twins.db" : "office.db"));
  REQUIRE(store.ok());
  RunOptions options;
  options.threads = 2;
  options.batch_records = 3;
  Result<RunReport> report = RunRound(*spec, *lexicon, **store, options);
  REQUIRE(report.ok());
  Loaded out{*report, {}};
  REQUIRE((*store)
              ->ForEachRecord(spec->round.name,
                              [&](const Record& record) {
                                out.records.push_back(record);
                                return true;
                              })
              .ok());
  return out;
}

std::string Describe(const Record& r) {
  std::string out = std::string(ChannelName(r.channel)) + " | " + r.respondent + " | " +
                    r.question + " | " + r.text + " |";
  for (const Attribute& a : r.attributes) out += " " + a.name + "=" + a.value + ";";
  out += " |";
  for (const Tag& t : r.tags) {
    out += " " + std::string(TagKindName(t.kind)) + ":" + t.value + "/" +
           std::string(OriginName(t.origin)) + "@" + std::to_string(t.evidence.start) + "-" +
           std::to_string(t.evidence.end) + "(" + t.evidence.matched + ");";
  }
  return out;
}

TEST_CASE("office sample: the .docx and .xlsx files load, and the ledgers reconcile",
          "[office][pipeline]") {
  TempDir dir;
  const Loaded office = Run(dir, false);
  CHECK(office.report.Reconciles());
  CHECK(office.report.problems.empty());
  REQUIRE(office.report.ledgers.size() == 3);
  // Counted by hand from tools/make_office_samples.py.
  const Ledger& survey = office.report.ledgers[0];
  CHECK(survey.source == "../sample_data/office/survey_export.xlsx");
  CHECK(survey.items_read == 10);  // 5 respondents x 2 questions
  CHECK(survey.stored == 7);
  CHECK(survey.non_answers == 3);  // 2 absent cells and one "n/a"
  CHECK(survey.encoding == "UTF-8");
  const Ledger& focus = office.report.ledgers[1];
  CHECK(focus.stored == 10);  // 3 turns, 2 in one paragraph split at the speaker, 3 bullets,
                              // 2 numbered items, the summary
  CHECK(focus.non_answers == 0);
  const Ledger& workshop = office.report.ledgers[2];
  CHECK(workshop.stored == 7);  // 7 bullets; the legend table is not feedback

  // Locators as a user finds the text: spreadsheet rows, Word paragraphs.
  const Record& first = office.records.front();
  CHECK(first.locator.ToString() == "row 3, col Q1. What would help children and young people?");
  bool found_summary = false;
  for (const Record& r : office.records) {
    if (r.text == "Summary:\tthe group asked for the strategy to name young carers.") {
      found_summary = true;
      CHECK(r.locator.ToString() == "paragraph 19");
    }
  }
  CHECK(found_summary);
}

TEST_CASE("office sample: each .docx and .xlsx stores the same records as its twin",
          "[office][pipeline]") {
  TempDir dir;
  const Loaded office = Run(dir, false);
  const Loaded twins = Run(dir, true);
  CHECK(twins.report.Reconciles());
  REQUIRE(office.records.size() == twins.records.size());
  for (size_t i = 0; i < office.records.size(); ++i) {
    INFO("record " << i);
    CHECK(Describe(office.records[i]) == Describe(twins.records[i]));
    if (office.records[i].channel == Channel::kSurvey) {
      CHECK(office.records[i].locator.ToString() == twins.records[i].locator.ToString());
    }
  }
  REQUIRE(office.report.ledgers.size() == twins.report.ledgers.size());
  for (size_t i = 0; i < office.report.ledgers.size(); ++i) {
    CHECK(office.report.ledgers[i].items_read == twins.report.ledgers[i].items_read);
    CHECK(office.report.ledgers[i].stored == twins.report.ledgers[i].stored);
    CHECK(office.report.ledgers[i].non_answers == twins.report.ledgers[i].non_answers);
  }
}

TEST_CASE("office sample: a corrupt .docx among good files is rejected, the run goes on",
          "[office][pipeline][bad-input]") {
  TempDir dir;
  testing::WriteFile(dir / "notes/good.docx",
                     testing::ReadFile(std::string(HEARD_SOURCE_DIR) +
                                       "/sample_data/office/swale_and_medway_workshop.docx"));
  std::string broken = testing::ReadFile(dir / "notes/good.docx");
  broken.resize(broken.size() / 3);  // a download cut short
  testing::WriteFile(dir / "notes/broken.docx", broken);
  testing::WriteFile(dir / "pipeline.toml",
                     "[round]\nname = \"R\"\n[run]\nlexicons = \"" + std::string(HEARD_SOURCE_DIR) +
                         "/lexicons\"\n[[workshop]]\npath = \"notes/*.docx\"\n");
  Result<PipelineSpec> spec = ReadPipelineFile(dir / "pipeline.toml");
  REQUIRE(spec.ok());
  Result<Lexicon> lexicon = Lexicon::Load(spec->lexicon_dir);
  REQUIRE(lexicon.ok());
  REQUIRE(CheckPipeline(&*spec, *lexicon).ok());
  Result<std::unique_ptr<Store>> store = Store::Open(dir / "r.db");
  REQUIRE(store.ok());
  Result<RunReport> report = RunRound(*spec, *lexicon, **store);
  REQUIRE(report.ok());
  CHECK(report->Reconciles());
  REQUIRE(report->ledgers.size() == 2);
  CHECK(report->ledgers[0].source == "notes/broken.docx");
  CHECK(report->ledgers[0].stored == 0);
  CHECK(report->ledgers[1].stored == 7);
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].file == "notes/broken.docx");
  CHECK(report->problems[0].severity == Problem::Severity::kReject);
  CHECK_THAT(report->problems[0].reason,
             Catch::Matchers::StartsWith("not a Word document: not a readable zip archive"));
}

TEST_CASE("office sample: a .xlsx under [[workshop]] is a pipeline error before any data",
          "[office][pipeline]") {
  TempDir dir;
  testing::WriteFile(dir / "data/export.xlsx", "not read");
  testing::WriteFile(dir / "pipeline.toml",
                     "[round]\nname = \"R\"\n[[workshop]]\npath = \"data/export.xlsx\"\n");
  Result<PipelineSpec> spec = ReadPipelineFile(dir / "pipeline.toml");
  REQUIRE(spec.ok());
  Result<Lexicon> lexicon = Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  REQUIRE(lexicon.ok());
  const Status checked = CheckPipeline(&*spec, *lexicon);
  REQUIRE_FALSE(checked.ok());
  CHECK_THAT(checked.message(),
             Catch::Matchers::Contains("is an Excel workbook; a [[workshop]] reads text, Markdown "
                                       "or .docx files"));
  CHECK_THAT(checked.message(), Catch::Matchers::Contains("pipeline.toml:3"));
}

}  // namespace
}  // namespace heard

namespace heard {
namespace {

TEST_CASE("office sample: \"sheet\" on a [[survey]] of CSV files is a pipeline error",
          "[office][pipeline]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "data/export.csv", "ID,Comment\n1,Buses\n");
  testing::WriteFile(dir / "pipeline.toml",
                     "[round]\nname = \"R\"\n[[survey]]\npath = \"data/export.csv\"\n"
                     "sheet = \"Responses\"\n  [[survey.question]]\n  column = \"Comment\"\n");
  Result<PipelineSpec> spec = ReadPipelineFile(dir / "pipeline.toml");
  REQUIRE(spec.ok());
  CHECK(spec->sources[0].survey.sheet == "Responses");
  Result<Lexicon> lexicon = Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  REQUIRE(lexicon.ok());
  const Status checked = CheckPipeline(&*spec, *lexicon);
  REQUIRE_FALSE(checked.ok());
  CHECK_THAT(checked.message(),
             Catch::Matchers::Contains("pipeline.toml:3: \"sheet\" names sheet \"Responses\", "
                                       "but no file of this [[survey]] is an Excel workbook"));
}

TEST_CASE("office sample: an old .doc or a .pdf is a pipeline error before any data",
          "[office][pipeline]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "notes/old.doc", std::string("\xD0\xCF\x11\xE0", 4));
  testing::WriteFile(dir / "pipeline.toml",
                     "[round]\nname = \"R\"\n[[focus_group]]\npath = \"notes/*\"\n");
  Result<PipelineSpec> spec = ReadPipelineFile(dir / "pipeline.toml");
  REQUIRE(spec.ok());
  Result<Lexicon> lexicon = Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  REQUIRE(lexicon.ok());
  const Status checked = CheckPipeline(&*spec, *lexicon);
  REQUIRE_FALSE(checked.ok());
  CHECK_THAT(checked.message(),
             Catch::Matchers::Contains("old.doc is not a format heard reads; save it as Word "
                                       "document (.docx) or plain text"));
}

// `heard ingest --channel survey FILE.xlsx`: the mapping is guessed from the first sheet.
TEST_CASE("office sample: heard ingest guesses an .xlsx survey's columns", "[office][cli]") {
  testing::TempDir dir;
  const std::string command = std::string(HEARD_EXE) + " ingest -q --db " + (dir / "i.db") +
                              " --round adhoc --channel survey " + HEARD_SOURCE_DIR +
                              "/sample_data/office/survey_export.xlsx 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  INFO(out);
  CHECK(status == 0);
  CHECK_THAT(out, Catch::Matchers::Contains("header: row 2"));
  CHECK_THAT(out, Catch::Matchers::Contains(
                      "column 6 \"Q1. What would help children and young people?\": free text"));
  CHECK_THAT(out, Catch::Matchers::Contains("column 3 \"District\": district"));
  // 10 answers: 7 stored, 3 non-answers, as through the pipeline file.
  CHECK_THAT(out, Catch::Matchers::Contains("survey_export.xlsx                            "
                                            "10       7       3"));
}

}  // namespace
}  // namespace heard
