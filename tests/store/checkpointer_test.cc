#include "store/checkpointer.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  REQUIRE(rc == SQLITE_OK);
  REQUIRE(message.empty());
}

int64_t Count(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const int64_t n = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return n;
}

uintmax_t Size(const std::string& path) {
  std::error_code error;
  const uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

}  // namespace

TEST_CASE("a bulk load is checkpointed beside the writer and its log stays bounded",
          "[store]") {
  TempDir dir;
  const std::string path = dir / "load.db";
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &writer) == SQLITE_OK);
  Exec(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
               "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  // A restart at 2,000 pages (8 MiB) instead of 128 MiB, so a small load shows it.
  constexpr int kRestart = 2000;
  auto checkpointer = Checkpointer::Start(writer, path, kRestart);
  REQUIRE(checkpointer);
  const std::string body(3000, 'x');  // about one page a row
  uintmax_t largest_log = 0;
  int id = 0;
  for (int transaction = 0; transaction < 60; ++transaction) {
    checkpointer->BeforeTransaction();
    Exec(writer, "BEGIN");
    for (int row = 0; row < 400; ++row) {
      ++id;
      Exec(writer, "INSERT INTO t(id, body) VALUES (" + std::to_string(id) + ", '" + body +
                       std::to_string(id) + "')");
    }
    Exec(writer, "COMMIT");
    largest_log = std::max(largest_log, Size(path + "-wal"));
  }
  // 24,000 pages were written; the log never held much more than the restart point plus
  // one transaction (400 pages), and the database file took the rest while the writer ran.
  CHECK(largest_log < (kRestart + 2 * 1000 + 800) * 4096ull);
  CHECK(checkpointer->checkpoints() > 0);
  CHECK(Size(path) > 50ull * 1024 * 1024);
  checkpointer.reset();
  sqlite3_close(writer);
  sqlite3* reader = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &reader) == SQLITE_OK);
  CHECK(Count(reader, "SELECT count(*) FROM t") == 24000);
  CHECK(Count(reader, "SELECT count(*) FROM t WHERE body = '" + body + "24000'") == 1);
  sqlite3_stmt* check = nullptr;
  REQUIRE(sqlite3_prepare_v2(reader, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(check) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok");
  sqlite3_finalize(check);
  sqlite3_close(reader);
}

}  // namespace heard
