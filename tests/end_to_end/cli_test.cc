// The `heard` executable as a user runs it: help, exit codes, the sample round, re-runs.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace heard {
namespace {

using testing::ReadFile;
using testing::TempDir;

struct Outcome {
  int code = -1;
  std::string out;  // stdout and stderr together
};

Outcome Heard(const std::string& args) {
  const std::string command = std::string(HEARD_EXE) + " " + args + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) outcome.out.append(buffer, n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

const std::string kSample = std::string(HEARD_SOURCE_DIR) + "/pipelines/sample_round.toml";

int64_t Count(const std::string& db, const std::string& sql) {
  SQLite::Database database(db);
  return database.execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("heard --help lists every subcommand and the exit codes", "[cli]") {
  Outcome help = Heard("--help");
  CHECK(help.code == 0);
  for (const char* command : {"run", "ingest", "export", "summary", "ledger", "report", "search",
                              "trace", "verify", "compare", "cooccur", "diff", "code", "lexicon"}) {
    CHECK_THAT(help.out, Catch::Contains("\n  " + std::string(command) + " "));  // its own line
  }
  CHECK_THAT(help.out, Catch::Contains("Exit codes"));
  Outcome sub = Heard("export --help");
  CHECK(sub.code == 0);
  CHECK_THAT(sub.out, Catch::Contains("--format"));
  CHECK(Heard("frobnicate").code == 2);
  CHECK(Heard("export --db x.db --format xml").code == 2);
}

TEST_CASE("a broken pipeline file stops before any data is read, with file and line", "[cli]") {
  TempDir dir;
  testing::WriteFile(dir / "p.toml", "[round]\nname = \"R\"\n[[survey]]\npath = \"s.csv\"\n");
  Outcome run = Heard("run " + dir / "p.toml" + " --db " + dir / "r.db");
  CHECK(run.code == 3);
  CHECK_THAT(run.out, Catch::Contains("p.toml:3:"));
  CHECK_FALSE(std::filesystem::exists(dir / "r.db"));
  CHECK(Heard("summary --db " + dir / "missing.db").code == 4);
}

TEST_CASE("the sample round runs, re-runs without duplicating, and exports", "[cli][sample]") {
  TempDir dir;
  const std::string db = dir / "sample.db";
  const std::string md = dir / "summary.md";
  Outcome first = Heard("run " + kSample + " --db " + db + " --summary " + md + " --threads 2");
  INFO(first.out);
  REQUIRE(first.code == 0);
  CHECK_THAT(first.out, Catch::Contains("database: " + db));
  CHECK_THAT(first.out, Catch::Contains("summary:  " + md));
  const int64_t records = Count(db, "SELECT count(*) FROM records");
  CHECK(records > 1000);
  CHECK(Count(db, "SELECT count(*) FROM ledger WHERE items_read != stored + rejected + "
                  "non_answers + duplicates") == 0);
  CHECK(Count(db, "SELECT count(DISTINCT source_id) FROM records") >= 20);
  CHECK(Count(db, "SELECT sum(duplicates) FROM ledger") >= 1);
  CHECK(Count(db, "SELECT count(*) FROM problems WHERE severity = 'warning' AND "
                  "reason LIKE '%unknown attribution code%'") >= 2);
  const std::string summary = ReadFile(md);
  CHECK_THAT(summary, Catch::Contains("## O1 — Give children and young people the best start"));
  CHECK_THAT(summary, Catch::Contains("Contains OS data © Crown copyright"));

  Outcome second = Heard("run " + kSample + " --db " + db + " --summary " + md + " --threads 1 -q");
  REQUIRE(second.code == 0);
  CHECK(Count(db, "SELECT count(*) FROM records") == records);
  CHECK(Count(db, "SELECT count(*) FROM tags WHERE record_seq NOT IN (SELECT seq FROM records)") ==
        0);

  Outcome jsonl = Heard("export --db " + db + " --format jsonl");
  REQUIRE(jsonl.code == 0);
  std::istringstream lines(jsonl.out);
  int64_t exported = 0;
  for (std::string line; std::getline(lines, line); ++exported) {
    const auto record = nlohmann::json::parse(line);
    for (const char* key : {"id", "round", "channel", "source", "locator", "respondent", "text",
                            "outcomes", "themes", "districts", "partners", "evidence"}) {
      REQUIRE(record.contains(key));
    }
  }
  CHECK(exported == records);

  Outcome csv = Heard("export --db " + db + " --format csv -o " + dir / "records.csv");
  CHECK(csv.code == 0);
  CHECK(ReadFile(dir / "records.csv").rfind("id,round,channel,source,locator", 0) == 0);

  Outcome json = Heard("summary --db " + db + " --format json");
  REQUIRE(json.code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["overview"]["records"] == records);

  Outcome ledger = Heard("ledger --db " + db);
  CHECK(ledger.code == 0);
  CHECK_THAT(ledger.out, Catch::Contains("unknown attribution code"));
}

TEST_CASE("ad hoc ingest recognises a survey's columns and says what it decided", "[cli]") {
  TempDir dir;
  const std::string survey =
      std::string(HEARD_SOURCE_DIR) + "/sample_data/survey/online_survey_export.csv";
  Outcome ingest = Heard("ingest --db " + dir / "adhoc.db" +
                         " --round Adhoc --channel survey -q " + survey);
  INFO(ingest.out);
  REQUIRE(ingest.code == 0);
  CHECK_THAT(ingest.out, Catch::Contains("Respondent ID"));
  CHECK_THAT(ingest.out, Catch::Contains("windows-1252"));
  CHECK(Count(dir / "adhoc.db", "SELECT count(*) FROM records") > 300);
}

}  // namespace heard
