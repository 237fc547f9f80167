// `heard compare`, `cooccur` and `diff` as a user runs them: output and exit codes.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "store_fixture.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
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

// 30 records in Thanet and Swale with an age band; transport mostly in Thanet.
std::string Database(TempDir& dir) {
  std::vector<Record> records;
  for (int i = 0; i < 30; ++i) {
    std::vector<Tag> tags{MakeTag(TagKind::kDistrict, i < 15 ? "Thanet" : "Swale")};
    if (i < 12 || i == 20) tags.push_back(MakeTag(TagKind::kTheme, "transport"));
    if (i % 2 == 0) tags.push_back(MakeTag(TagKind::kTheme, "gp-access"));
    Record record = MakeRecord(Channel::kSurvey, i + 1, "", "text", tags);
    record.attributes.push_back({"Age band", i % 3 == 0 ? "16-24" : "65-74"});
    records.push_back(std::move(record));
  }
  const std::string db = dir / "cli.db";
  testing::StoreWithRecords(db, records);
  return db;
}

TEST_CASE("heard compare: output per group, exit codes", "[cli][compare]") {
  Outcome help = Heard("--help");
  for (const char* command : {"compare", "cooccur", "diff"})
    CHECK_THAT(help.out, Catch::Contains(command));
  CHECK_THAT(Heard("compare --help").out, Catch::Contains("--min-count"));
  TempDir dir;
  const std::string db = Database(dir);
  Outcome ok = Heard("compare --db " + db + " --by district");
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("== Thanet (15 records) =="));
  CHECK_THAT(ok.out, Catch::Contains("Transport to services"));
  Outcome json = Heard("compare --db " + db + " --by 'Age band' --format json");
  REQUIRE(json.code == 0);
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  CHECK(doc["by"] == "Age band");
  CHECK(doc["groups"].size() == 2);
  CHECK(Heard("compare --db " + db + " --by channel --format csv --round R").code == 0);

  CHECK(Heard("compare --db " + db).code == 2);  // no --by
  CHECK(Heard("compare --db " + db + " --by district --format xml").code == 2);
  CHECK(Heard("compare --db " + db + " --by district --min-count 0").code == 2);
  Outcome attribute = Heard("compare --db " + db + " --by 'Shoe size'");
  CHECK(attribute.code == 2);
  CHECK_THAT(attribute.out, Catch::Contains("Age band"));
  CHECK(Heard("compare --db " + db + " --by district --outcome O9").code == 2);
  CHECK(Heard("compare --db " + db + " --by district --round 'No such round'").code == 4);
  CHECK(Heard("compare --db " + (dir / "missing.db") + " --by district").code == 4);
}

TEST_CASE("heard cooccur: pairs overall and per group, exit codes", "[cli][cooccur]") {
  TempDir dir;
  const std::string db = Database(dir);
  Outcome ok = Heard("cooccur --db " + db + " --by district --min-count 3");
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("== All records (30 records) =="));
  CHECK_THAT(ok.out, Catch::Contains("Access to GP appointments + Transport to services"));
  CHECK(Heard("cooccur --db " + db + " --format md --top 5 --sort count").code == 0);
  CHECK(Heard("cooccur --db " + db + " --sort alphabet").code == 2);
  CHECK(Heard("cooccur --db " + db + " --by 'Shoe size'").code == 2);
  CHECK(Heard("cooccur --db " + db + " --round Nope").code == 4);
  CHECK(Heard("cooccur --db " + (dir / "missing.db")).code == 4);
}

TEST_CASE("heard diff: round names with spaces, exit codes", "[cli][diff]") {
  TempDir dir;
  const std::string db = Database(dir);
  {  // an earlier round named with spaces: transport in 20 of 20 records
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    auto round = (*store)->PutRound({"Spring round 2025", "2025-04-01"});
    REQUIRE(round.ok());
    REQUIRE((*store)->PutLexicon(*round, testing::SmallLexicon()).ok());
    auto source = (*store)->BeginSource(*round, "old survey.csv", Channel::kSurvey);
    REQUIRE(source.ok());
    Batch batch;
    for (int i = 0; i < 20; ++i) {
      Record record =
          MakeRecord(Channel::kSurvey, i + 1, "", "text", {MakeTag(TagKind::kTheme, "transport")});
      record.round = "Spring round 2025";
      record.source = "old survey.csv";
      record.id = MakeRecordId(record.round, record.source, record.locator);
      batch.records.push_back(std::move(record));
    }
    batch.items_read = 20;
    Ledger ledger;
    REQUIRE((*store)->WriteBatch(*source, batch, &ledger).ok());
    REQUIRE((*store)->FinishSource(*source, ledger, {}).ok());
  }
  // Transport: 20 of 20 before, 13 of 30 now (R): falling.
  Outcome spaced = Heard("diff --db " + db + " --from 'Spring round 2025' --to R --format csv");
  CHECK(spaced.code == 0);
  CHECK_THAT(spaced.out,
             Catch::Contains(",20,30,transport,Transport to services,falling,20,1,13,"));
  // The report of R finds the earlier round by date and says what changed.
  Outcome report =
      Heard("report --db " + db + " --round R --out " + (dir / "report") + " --min-count 3");
  REQUIRE(report.code == 0);
  CHECK_THAT(testing::ReadFile(dir / "report/report.md"),
             Catch::Contains("Against \"Spring round 2025\" (20 records; this round 30)"));
  CHECK(Heard("report --db " + db + " --out " + (dir / "r2") + " --min-count 0").code == 2);

  Outcome same = Heard("diff --db " + db + " --from R --to R --by district --format json");
  CHECK(same.code == 0);
  const nlohmann::json doc = nlohmann::json::parse(same.out);
  for (const auto& theme : doc["scopes"][0]["themes"]) CHECK(theme["verdict"] == "steady");
  CHECK(Heard("diff --db " + db + " --from R").code == 2);  // no --to
  CHECK(Heard("diff --db " + db + " --from R --to R --by channel").code == 2);
  CHECK(Heard("diff --db " + db + " --from R --to 'Round 1999'").code == 4);
  CHECK(Heard("diff --db " + (dir / "missing.db") + " --from R --to R").code == 4);
}

}  // namespace
}  // namespace heard
