// The SQLite connection behind a Store, shared by the store's own files and the aggregate stage.
#ifndef HEARD_SRC_STORE_CONNECTION_H_
#define HEARD_SRC_STORE_CONNECTION_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>

#include "heard/status.h"
#include "heard/store.h"

namespace heard {

struct Store::Connection {
  explicit Connection(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {}
  SQLite::Database db;
  std::optional<SQLite::Transaction> transaction;
  // Statements prepared once and reused for every batch.
  std::unique_ptr<SQLite::Statement> insert_record;
  std::unique_ptr<SQLite::Statement> insert_tag;
  std::unique_ptr<SQLite::Statement> insert_problem;
};

// Creates the schema in an empty database or checks an existing one.
Status EnsureSchema(SQLite::Database& db);

// Round id by name; NotFound names the rounds there are.
Result<int64_t> FindRoundId(SQLite::Database& db, const std::string& round);

// Turns a SQLite exception into a Status at the stage boundary.
inline Status StoreError(const std::string& what, const std::exception& e) {
  return Status::Store(what + ": " + e.what());
}

}  // namespace heard

#endif  // HEARD_SRC_STORE_CONNECTION_H_
