#include <catch2/catch.hpp>

#include "heard/pipeline.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;
using testing::WriteFile;

constexpr const char* kGood = R"toml(
[round]
name = "Spring 2026"
date = "2026-04-30"

[run]
database = "out/spring.db"

[[survey]]
path = "survey.csv"
respondent = "ID"
district = "District"
attributes = ["Age"]

  [[survey.question]]
  column = "What would help?"
  id = "Q1"
  outcome = "O5"

[[workshop]]
paths = ["notes/*.md"]
)toml";

}  // namespace

TEST_CASE("a pipeline file parses into a spec with paths resolved", "[pipeline_spec]") {
  auto spec = ParsePipelineToml(kGood, "p.toml", "/data/round");
  REQUIRE(spec.ok());
  CHECK(spec->round.name == "Spring 2026");
  CHECK(spec->database == "/data/round/out/spring.db");
  CHECK(spec->lexicon_dir == "/data/lexicons");
  REQUIRE(spec->sources.size() == 2);
  CHECK(spec->sources[0].channel == Channel::kSurvey);
  CHECK(spec->sources[0].survey.questions.at(0).outcome == "O5");
  CHECK(spec->sources[0].survey.attributes == std::vector<std::string>{"Age"});
  CHECK(spec->sources[1].patterns == std::vector<std::string>{"/data/round/notes/*.md"});
}

TEST_CASE("pipeline mistakes are reported with file and line", "[pipeline_spec]") {
  SECTION("a TOML syntax error") {
    auto spec = ParsePipelineToml("[round]\nname = \"x\n", "p.toml", ".");
    REQUIRE_FALSE(spec.ok());
    CHECK(spec.status().code() == Status::Code::kConfig);
    CHECK_THAT(spec.status().message(), Catch::StartsWith("p.toml:2:"));
  }
  SECTION("a misspelt key, a wrong type and a missing column, all at once") {
    auto spec = ParsePipelineToml(R"toml([round]
name = "R"

[[survey]]
path = "s.csv"
respondant = "ID"
attributes = "Age"
  [[survey.question]]
  id = "Q1"
)toml",
                                  "p.toml", ".");
    REQUIRE_FALSE(spec.ok());
    const std::string& message = spec.status().message();
    CHECK_THAT(message, Catch::Contains("p.toml:6: unknown key \"respondant\""));
    CHECK_THAT(message, Catch::Contains("p.toml:8: missing required key \"column\""));
  }
  SECTION("no round") {
    auto spec = ParsePipelineToml("[[workshop]]\npaths = [\"a.md\"]\n", "p.toml", ".");
    REQUIRE_FALSE(spec.ok());
    CHECK_THAT(spec.status().message(), Catch::Contains("missing [round]"));
  }
  SECTION("tables written the wrong way") {
    auto spec = ParsePipelineToml("[round]\nname = \"R\"\n[workshop]\npaths = [\"a.md\"]\n",
                                  "p.toml", ".");
    REQUIRE_FALSE(spec.ok());
    CHECK_THAT(spec.status().message(), Catch::Contains("p.toml:3: \"workshop\" must be written as [[workshop]]"));
  }
}

TEST_CASE("checking a pipeline finds files and unknown outcomes before reading data",
          "[pipeline_spec]") {
  TempDir dir;
  WriteFile(dir / "survey.csv", "ID,What would help?\n");
  WriteFile(dir / "notes/b.md", "- b\n");
  WriteFile(dir / "notes/a.md", "- a\n");
  const Lexicon lexicon = testing::SmallLexicon();

  auto spec = ParsePipelineToml(kGood, dir / "p.toml", dir.path().string());
  REQUIRE(spec.ok());
  REQUIRE(CheckPipeline(&*spec, lexicon).ok());
  REQUIRE(spec->sources[1].files.size() == 2);
  CHECK(spec->sources[1].files[0].name == "notes/a.md");  // sorted, relative to the pipeline
  CHECK(spec->sources[0].files[0].name == "survey.csv");

  std::string bad = kGood;
  bad.replace(bad.find("\"O5\""), 4, "\"O9\"");
  bad.replace(bad.find("notes/*.md"), 10, "minutes/*.md");
  auto wrong = ParsePipelineToml(bad, dir / "p.toml", dir.path().string());
  REQUIRE(wrong.ok());
  Status checked = CheckPipeline(&*wrong, lexicon);
  REQUIRE_FALSE(checked.ok());
  CHECK_THAT(checked.message(), Catch::Contains("p.toml:15: question \"Q1\" names outcome \"O9\""));
  CHECK_THAT(checked.message(), Catch::Contains("p.toml:20: no file matches"));
}

// Found by fuzz/fuzz_pipeline (fuzz/regressions/fuzz_pipeline/empty_question_column.toml):
// `column = ""` parsed, mapping no real column of the export.
TEST_CASE("regression: a pipeline question with an empty column was accepted",
          "[pipeline_spec][regression]") {
  for (const char* column : {"\"\"", "\"  \""}) {
    INFO(column);
    auto spec = ParsePipelineToml(std::string("[round]\nname = \"R\"\n\n[[survey]]\n"
                                              "path = \"s.csv\"\n  [[survey.question]]\n"
                                              "  column = ") + column + "\n",
                                  "p.toml", ".");
    REQUIRE_FALSE(spec.ok());
    CHECK_THAT(spec.status().message(), Catch::Contains("p.toml:7: \"column\" is empty"));
  }
}

}  // namespace heard
