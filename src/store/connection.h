// The SQLite connection behind a Store, shared by the store's own files and the aggregate stage.
#ifndef HEARD_SRC_STORE_CONNECTION_H_
#define HEARD_SRC_STORE_CONNECTION_H_

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "heard/status.h"
#include "heard/store.h"
#include "store/checkpointer.h"

namespace heard {

struct Store::Connection {
  explicit Connection(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {}
  SQLite::Database db;
  std::optional<SQLite::Transaction> transaction;
  // Statements prepared once and reused for every batch (src/store/batch_writer.cc);
  // declared after `db`, so they are finalized before it closes.
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;
  Statement insert_record;
  Statement insert_fts;
  Statement insert_tag;   // one row
  Statement insert_tags;  // kTagRows rows
  Statement insert_problem;
  std::vector<int64_t> seqs;  // WriteBatch's scratch: each record's seq, 0 for a duplicate
  // The open transaction is WriteBatch's and runs with foreign keys off (batch_writer.cc).
  bool foreign_keys_off = false;
  // From the first batch written on: checkpoints off the store stage. Declared after `db`,
  // so it stops before the writer closes.
  std::unique_ptr<Checkpointer> checkpointer;
};

// The attributes as a JSON object, in order (invalid UTF-8 replaced).
std::string AttributesJson(const std::vector<Attribute>& attributes);

// Prepares `sql` for repeated use; throws SQLite::Exception.
Store::Connection::Statement PreparedStatement(sqlite3* db, const std::string& sql);

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
