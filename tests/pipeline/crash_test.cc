// A run killed part-way (SIGKILL) and run again loses and duplicates nothing; readers can
// query the database while a round is loading.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;
using testing::WriteFile;

// A survey big enough that a run takes a few seconds: `rows` respondents,
// two free-text questions, some non-answers and some repeated rows.
void WriteSurvey(const std::string& path, int rows) {
  static const char* kAnswers[] = {
      "Could not get a GP appointment for three weeks",
      "The bus to the hospital stopped running on Sundays",
      "Youth clubs have closed and teenagers have nowhere to go",
      "n/a",
      "Damp in the flat is making the children ill",
      "More support for carers, we are exhausted"};
  std::string csv = "ID,District,Q1,Q2\n";
  for (int i = 0; i < rows; ++i) {
    const int id = i % 97 == 5 ? i - 1 : i;  // every 97th row repeats the one before
    csv += "R" + std::to_string(id) + ",Thanet,\"" + kAnswers[id % 6] + " (" +
           std::to_string(id) + ")\"," + kAnswers[(id / 6) % 6] + "\n";
  }
  WriteFile(path, csv);
}

void WritePipeline(const TempDir& dir) {
  WriteFile(dir / "p.toml", std::string(R"toml(
[round]
name = "Crash round"
[run]
lexicons = ")toml") + HEARD_SOURCE_DIR + R"toml(/lexicons"
[[survey]]
path = "survey.csv"
respondent = "ID"
district = "District"
  [[survey.question]]
  column = "Q1"
  [[survey.question]]
  column = "Q2"
)toml");
}

pid_t Start(const std::string& pipeline, const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(HEARD_EXE, HEARD_EXE, "run", pipeline.c_str(), "--db", db.c_str(), "-q",
          "--threads", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Counts {
  int64_t records = 0;
  int64_t distinct_ids = 0;
  int64_t tags = 0;
  int64_t fts = 0;
  std::string integrity;
  int64_t unreconciled = 0;
};

Counts Read(const std::string& db) {
  SQLite::Database d(db);
  Counts c;
  c.records = d.execAndGet("SELECT count(*) FROM records").getInt64();
  c.distinct_ids = d.execAndGet("SELECT count(DISTINCT id) FROM records").getInt64();
  c.tags = d.execAndGet("SELECT count(*) FROM tags").getInt64();
  c.fts = d.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'the'").getInt64();
  c.integrity = d.execAndGet("PRAGMA integrity_check").getString();
  c.unreconciled = d.execAndGet("SELECT count(*) FROM ledger WHERE items_read != stored + "
                                "rejected + non_answers + duplicates")
                       .getInt64();
  return c;
}

// Waits until the loading run has stored at least `records` records (0: not at all).
void WaitForRecords(const std::string& db, int64_t records) {
  if (records == 0) return;
  for (int i = 0; i < 3000; ++i) {
    try {
      SQLite::Database reader(db, SQLite::OPEN_READONLY);
      reader.setBusyTimeout(1000);
      if (reader.tableExists("records") &&
          reader.execAndGet("SELECT count(*) FROM records").getInt64() >= records) {
        return;
      }
    } catch (const std::exception&) {
      // Not created yet.
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("fewer than " << records << " records in " << db << " after about 30 s");
}

}  // namespace

TEST_CASE("crash: a run killed at any point and run again stores every record once",
          "[crash]") {
  TempDir dir;
  WriteSurvey(dir / "survey.csv", 30000);
  WritePipeline(dir);
  REQUIRE(Wait(Start(dir / "p.toml", dir / "clean.db")) == 0);
  const Counts clean = Read(dir / "clean.db");
  REQUIRE(clean.records > 40000);
  REQUIRE(clean.integrity == "ok");

  // Killed at start-up, early in the load, and late in it (by records stored, not by time,
  // so the points hold on a slow or busy machine).
  for (int64_t stored : {int64_t{0}, int64_t{5000}, int64_t{25000}}) {
    DYNAMIC_SECTION("killed once " << stored << " records were stored") {
      const std::string db = dir / ("killed_" + std::to_string(stored) + ".db");
      const pid_t pid = Start(dir / "p.toml", db);
      WaitForRecords(db, stored);
      kill(pid, SIGKILL);
      Wait(pid);
      if (std::filesystem::exists(db)) REQUIRE(Read(db).integrity == "ok");
      REQUIRE(Wait(Start(dir / "p.toml", db)) == 0);
      const Counts again = Read(db);
      CHECK(again.integrity == "ok");
      CHECK(again.records == clean.records);
      CHECK(again.distinct_ids == clean.records);
      CHECK(again.tags == clean.tags);
      CHECK(again.fts == clean.fts);
      CHECK(again.unreconciled == 0);
    }
  }
}

// A reader polling for a new store can hold a read lock on the still empty file at the moment
// the run switches it to WAL, which needs the file to itself: the run waits, it does not fail.
TEST_CASE("crash: a reader holding the new database file does not stop the load", "[crash]") {
  TempDir dir;
  WriteSurvey(dir / "survey.csv", 300);
  WritePipeline(dir);
  const std::string db = dir / "held.db";
  WriteFile(db, "");  // created, not yet a heard store: what a polling reader finds first
  SQLite::Database reader(db, SQLite::OPEN_READONLY);
  reader.exec("BEGIN");
  CHECK(reader.execAndGet("SELECT count(*) FROM sqlite_master").getInt64() == 0);
  const pid_t pid = Start(dir / "p.toml", db);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  reader.exec("COMMIT");
  REQUIRE(Wait(pid) == 0);
  REQUIRE(Wait(Start(dir / "p.toml", dir / "free.db")) == 0);  // the same round, no reader
  const Counts done = Read(db);
  CHECK(done.records == Read(dir / "free.db").records);
  CHECK(done.integrity == "ok");
  CHECK(done.unreconciled == 0);
}

TEST_CASE("crash: a reader can query the database while a round is loading", "[crash]") {
  TempDir dir;
  WriteSurvey(dir / "survey.csv", 30000);
  WritePipeline(dir);
  const std::string db = dir / "busy.db";
  REQUIRE(Wait(Start(dir / "p.toml", db)) == 0);  // a first round in place
  const pid_t pid = Start(dir / "p.toml", db);    // reloading it
  int reads = 0;
  for (int i = 0; i < 20; ++i) {
    SQLite::Database reader(db, SQLite::OPEN_READONLY);
    reader.setBusyTimeout(2000);
    CHECK(reader.execAndGet("SELECT count(*) FROM records").getInt64() >= 0);
    ++reads;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(Wait(pid) == 0);
  CHECK(reads == 20);
}

TEST_CASE("crash: a reader sees a consistent, growing round while it is first loaded", "[crash]") {
  TempDir dir;
  WriteSurvey(dir / "survey.csv", 30000);
  WritePipeline(dir);
  const std::string db = dir / "first.db";
  const pid_t pid = Start(dir / "p.toml", db);
  WaitForRecords(db, 1);  // the store exists and holds the first batch
  int64_t last = 0;
  int reads_while_loading = 0;
  for (;;) {
    int status = 0;
    const bool running = waitpid(pid, &status, WNOHANG) == 0;
    SQLite::Database reader(db, SQLite::OPEN_READONLY);
    reader.setBusyTimeout(2000);
    const int64_t records = reader.execAndGet("SELECT count(*) FROM records").getInt64();
    // Committed batches only, so never fewer than last time; full-text search answers too.
    CHECK(records >= last);
    CHECK(reader.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'bus'")
              .getInt64() >= 0);
    last = records;
    if (!running) {
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
      break;
    }
    ++reads_while_loading;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(reads_while_loading > 0);
  const Counts done = Read(db);
  CHECK(done.integrity == "ok");
  CHECK(done.records == last);
  CHECK(done.unreconciled == 0);
}

}  // namespace heard
