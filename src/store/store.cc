// Writing a round into the store: rounds, sources, batches of records and tags, the ledger.
#include "heard/store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "store/connection.h"

namespace heard {

Store::Store(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}

Store::~Store() {
  if (connection_ && connection_->transaction) {
    try {
      connection_->transaction->commit();
    } catch (...) {
      // A failed commit at destruction leaves the source 'loading'; the next run redoes it.
    }
  }
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  std::unique_ptr<Connection> connection;
  try {
    connection = std::make_unique<Connection>(path);
  } catch (const std::exception& e) {
    return StoreError("cannot open database " + path, e);
  }
  Status status = EnsureSchema(connection->db);
  if (!status.ok()) return status;
  return std::unique_ptr<Store>(new Store(std::move(connection)));
}

Result<int64_t> Store::PutRound(const Round& round) {
  try {
    SQLite::Statement upsert(connection_->db,
                             "INSERT INTO rounds(name, date) VALUES (?, ?) "
                             "ON CONFLICT(name) DO UPDATE SET date = excluded.date, "
                             "loaded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    upsert.bind(1, round.name);
    upsert.bind(2, round.date);
    upsert.exec();
    return FindRoundId(connection_->db, round.name);
  } catch (const std::exception& e) {
    return StoreError("cannot store round " + round.name, e);
  }
}

Status Store::PutLexicon(int64_t round_id, const Lexicon& lexicon) {
  try {
    SQLite::Transaction transaction(connection_->db);
    SQLite::Statement clear(connection_->db, "DELETE FROM lexicon_entries WHERE round_id = ?");
    clear.bind(1, round_id);
    clear.exec();
    SQLite::Statement insert(connection_->db,
                             "INSERT INTO lexicon_entries(round_id, kind, id, name, short_name, "
                             "parent, outcomes, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    int ord = 0;
    auto put = [&](const char* kind, const std::string& id, const std::string& name,
                   const std::string& short_name, const std::string& parent,
                   const std::string& outcomes) {
      insert.reset();
      insert.bind(1, round_id);
      insert.bind(2, kind);
      insert.bind(3, id);
      insert.bind(4, name);
      insert.bind(5, short_name);
      insert.bind(6, parent);
      insert.bind(7, outcomes);
      insert.bind(8, ord++);
      insert.exec();
    };
    for (const OutcomeDef& outcome : lexicon.spec().outcomes) {
      put("outcome", outcome.id, outcome.name, outcome.short_name, "", "");
    }
    for (const ThemeDef& theme : lexicon.spec().themes) {
      put("theme", theme.id, theme.name, "", theme.parent,
          fmt::format("{}", fmt::join(theme.outcomes, " ")));
    }
    transaction.commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot store the lexicon's names", e);
  }
}

Result<int64_t> Store::BeginRun(int64_t round_id, const Lexicon& lexicon, int threads) {
  try {
    SQLite::Statement insert(connection_->db,
                             "INSERT INTO runs(round_id, lexicon, attribution, threads) "
                             "VALUES (?, ?, ?, ?)");
    insert.bind(1, round_id);
    insert.bind(2, lexicon.fingerprint());
    insert.bind(3, lexicon.spec().attribution);
    insert.bind(4, threads);
    insert.exec();
    return connection_->db.getLastInsertRowid();
  } catch (const std::exception& e) {
    return StoreError("cannot record the run", e);
  }
}

Status Store::FinishRun(int64_t run_id, const std::string& status) {
  try {
    Status committed = CommitIfOpen();
    if (!committed.ok()) return committed;
    SQLite::Statement update(connection_->db,
                             "UPDATE runs SET status = ?, "
                             "finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    update.bind(1, status);
    update.bind(2, run_id);
    update.exec();
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot finish the run", e);
  }
}

Result<int64_t> Store::BeginSource(int64_t round_id, const std::string& path, Channel channel) {
  try {
    Status committed = CommitIfOpen();
    if (!committed.ok()) return committed;
    SQLite::Database& db = connection_->db;
    SQLite::Transaction transaction(db);
    SQLite::Statement upsert(db,
                             "INSERT INTO sources(round_id, path, channel, status) "
                             "VALUES (?, ?, ?, 'loading') ON CONFLICT(round_id, path) DO UPDATE "
                             "SET channel = excluded.channel, status = 'loading', "
                             "loaded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    upsert.bind(1, round_id);
    upsert.bind(2, path);
    upsert.bind(3, std::string(ChannelName(channel)));
    upsert.exec();
    SQLite::Statement find(db, "SELECT id FROM sources WHERE round_id = ? AND path = ?");
    find.bind(1, round_id);
    find.bind(2, path);
    find.executeStep();
    const int64_t source_id = find.getColumn(0).getInt64();
    for (const char* sql :
         {"DELETE FROM tags WHERE record_seq IN (SELECT seq FROM records WHERE source_id = ?)",
          "DELETE FROM records WHERE source_id = ?", "DELETE FROM problems WHERE source_id = ?",
          "DELETE FROM ledger WHERE source_id = ?"}) {
      SQLite::Statement clear(db, sql);
      clear.bind(1, source_id);
      clear.exec();
    }
    transaction.commit();
    return source_id;
  } catch (const std::exception& e) {
    return StoreError("cannot start loading " + path, e);
  }
}

std::string AttributesJson(const std::vector<Attribute>& attributes) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const Attribute& attribute : attributes) object[attribute.name] = attribute.value;
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status Store::FinishSource(int64_t source_id, const Ledger& ledger, const SourceInfo& info) {
  Connection& c = *connection_;
  try {
    if (!c.transaction) c.transaction.emplace(c.db);
    SQLite::Statement put(c.db,
                          "INSERT OR REPLACE INTO ledger(source_id, rows_read, items_read, stored, "
                          "rejected, non_answers, duplicates, warnings) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    put.bind(1, source_id);
    put.bind(2, static_cast<int64_t>(ledger.rows_read));
    put.bind(3, static_cast<int64_t>(ledger.items_read));
    put.bind(4, static_cast<int64_t>(ledger.stored));
    put.bind(5, static_cast<int64_t>(ledger.rejected));
    put.bind(6, static_cast<int64_t>(ledger.non_answers));
    put.bind(7, static_cast<int64_t>(ledger.duplicates));
    put.bind(8, static_cast<int64_t>(ledger.warnings));
    put.exec();
    SQLite::Statement update(c.db,
                             "UPDATE sources SET sha256 = ?, encoding = ?, encoding_note = ?, "
                             "attributes = ?, status = 'complete' WHERE id = ?");
    update.bind(1, ledger.sha256);
    update.bind(2, info.encoding);
    update.bind(3, info.encoding_note);
    update.bind(4, AttributesJson(info.attributes));
    update.bind(5, source_id);
    update.exec();
    return CommitIfOpen();
  } catch (const std::exception& e) {
    return StoreError("cannot finish source " + ledger.source, e);
  }
}

Status Store::CommitIfOpen() {
  batches_in_transaction_ = 0;
  Connection& c = *connection_;
  if (!c.transaction) return Status::Ok();
  Status status = Status::Ok();
  try {
    c.transaction->commit();
  } catch (const std::exception& e) {
    status = StoreError("cannot commit", e);
  }
  c.transaction.reset();  // rolls back what did not commit
  if (c.foreign_keys_off) {
    // WriteBatch turned them off for its transaction; everything else runs with them on.
    c.foreign_keys_off = false;
    try {
      c.db.exec("PRAGMA foreign_keys = ON");
    } catch (const std::exception& e) {
      if (status.ok()) status = StoreError("cannot turn foreign keys back on", e);
    }
  }
  return status;
}

}  // namespace heard
