// Data-driven end-to-end cases: each folder of tests/cases holds a pipeline.toml, its input
// files and expected.jsonl, the export heard must produce (the evidence offsets left out so a
// case reads as what a user checks: which record, which text, which tags).
// HEARD_UPDATE_EXPECTED=1 rewrites expected.jsonl; review the diff before committing it.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "heard/export.h"
#include "heard/pipeline.h"
#include "test_support.h"

namespace heard {
namespace {

namespace fs = std::filesystem;

std::string Project(const std::string& jsonl) {
  std::istringstream lines(jsonl);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    const auto full = nlohmann::ordered_json::parse(line);
    nlohmann::ordered_json kept;
    for (const char* key : {"id", "channel", "source", "locator", "respondent", "text", "outcomes",
                            "themes", "districts", "partners", "attributions", "attributes"}) {
      kept[key] = full[key];
    }
    out += kept.dump() + "\n";
  }
  return out;
}

std::string RunCase(const fs::path& folder, const testing::TempDir& tmp,
                    std::vector<Problem>* problems) {
  auto spec = ReadPipelineFile((folder / "pipeline.toml").string());
  REQUIRE(spec.ok());
  auto lexicon = Lexicon::Load(spec->lexicon_dir);
  REQUIRE(lexicon.ok());
  Status checked = CheckPipeline(&*spec, *lexicon);
  INFO(checked.message());
  REQUIRE(checked.ok());
  auto store = Store::Open(tmp / (folder.filename().string() + ".db"));
  REQUIRE(store.ok());
  auto report = RunRound(*spec, *lexicon, **store);
  REQUIRE(report.ok());
  CHECK(report->Reconciles());
  *problems = report->problems;
  std::ostringstream out;
  REQUIRE(ExportRecords(**store, spec->round.name, ExportFormat::kJsonl, out).ok());
  return Project(out.str());
}

}  // namespace

TEST_CASE("end-to-end cases produce their expected export", "[end_to_end]") {
  const fs::path root = fs::path(HEARD_SOURCE_DIR) / "tests" / "cases";
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (fs::exists(entry.path() / "pipeline.toml")) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  REQUIRE(folders.size() >= 3);
  const bool update = std::getenv("HEARD_UPDATE_EXPECTED") != nullptr;
  testing::TempDir tmp;
  for (const fs::path& folder : folders) {
    DYNAMIC_SECTION(folder.filename().string()) {
      std::vector<Problem> problems;
      const std::string actual = RunCase(folder, tmp, &problems);
      std::string problem_lines;
      for (const Problem& p : problems) {
        problem_lines += (p.severity == Problem::Severity::kReject ? "reject " : "warning ") +
                         p.file + ":" + std::to_string(p.line) + ": " + p.reason + "\n";
      }
      if (update) {
        testing::WriteFile((folder / "expected.jsonl").string(), actual);
        testing::WriteFile((folder / "expected_problems.txt").string(), problem_lines);
      }
      CHECK(actual == testing::ReadFile((folder / "expected.jsonl").string()));
      CHECK(problem_lines == testing::ReadFile((folder / "expected_problems.txt").string()));
    }
  }
}

}  // namespace heard
