// Store::WriteBatch, the serial hot path of a load: records, their tags and problems.
//
// Contract: only binding and sqlite3_step happen here, on statements prepared once per
// connection; the strings built from a record (locator, attribute JSON) come ready in
// BatchRows, built by PrepareRows in the pipeline's parallel stage. Text is bound without a
// copy (SQLITE_STATIC): every bound string lives in the batch or its rows until the statement
// has stepped, and the bindings are cleared before WriteBatch returns, so no statement keeps
// a pointer into a freed batch.
//
// Records go in one INSERT each (their seq and whether they were duplicates are needed one by
// one). Tags go kTagRows to an INSERT OR FAIL ... VALUES statement, the rest one by one.
// SQLite needs no statement journal for either: a multi-row statement that may abort on a
// constraint copies every page it touches first, and costs more than it saves (measured:
// store CPU 8.8 → 14.5 s at 100,000 answers). OR FAIL and foreign keys off keep it from
// aborting: the transactions WriteBatch opens run with foreign keys off, as every key a
// batch writes is one the same transaction just wrote or read (a record's source and round,
// a tag's record seq). A batch's records go first, each followed by its FTS5 entry, then
// their tags in the same order, so tags.rowid order is record order, then each record's tag
// order.
//
// The FTS5 entry is written with its record, in the same transaction: a record is never
// stored unindexed, so a killed run leaves nothing for the next one to repair, and the
// index is built while the parallel stage tags the next batches instead of after the load.
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "heard/store.h"
#include "sha256.h"
#include "store/connection.h"

namespace heard {
namespace {

void Check(sqlite3* db, int rc) {
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

void BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// Runs a bound INSERT to completion; returns the rows it changed.
int Step(sqlite3* db, sqlite3_stmt* statement) {
  const int rc = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
  return sqlite3_changes(db);
}

constexpr int kTagColumns = 11;
// Tag rows per multi-row INSERT (store CPU at 100,000 answers on 1 thread, two runs each:
// one row a statement 8.3 and 8.9 s, 16 rows 7.4 and 7.1 s).
constexpr size_t kTagRows = 16;

// Binds `tag` as the row whose first parameter is `first`.
void BindTag(sqlite3_stmt* statement, int64_t seq, const Tag& tag, int first = 1) {
  sqlite3_bind_int64(statement, first, seq);
  BindText(statement, first + 1, TagKindName(tag.kind));
  BindText(statement, first + 2, tag.value);
  BindText(statement, first + 3, OriginName(tag.origin));
  BindText(statement, first + 4, tag.evidence.pattern);
  BindText(statement, first + 5, tag.evidence.matched);
  sqlite3_bind_int(statement, first + 6, tag.evidence.start);
  sqlite3_bind_int(statement, first + 7, tag.evidence.end);
  sqlite3_bind_double(statement, first + 8, tag.confidence);
  BindText(statement, first + 9, tag.evidence.note);
  BindText(statement, first + 10, QualifierName(tag.qualifier));
}

void PrepareWriters(Store::Connection& c) {
  if (c.insert_record) return;
  // A bulk load touches the tail pages of every index for each record, and pages all over
  // the two indexes keyed by hashes: a page cache of 256 MiB (instead of SQLite's 2 MiB)
  // keeps them between commits and holds a transaction's changes, so a page is read from the
  // file and written to the WAL far fewer times. Memory stays flat: it is a cap (peak RSS
  // at 1M answers on 2 threads, with 64 batches in flight: 487 MiB with mimalloc).
  c.db.exec("PRAGMA cache_size = -262144");
  c.checkpointer = Checkpointer::Start(c.db.getHandle(), c.db.getFilename());
  c.insert_record = PreparedStatement(
      c.db.getHandle(),
      "INSERT INTO records(id, round_id, source_id, channel, locator, row, col, line_start, "
      "line_end, respondent, question, text, attributes, flags, dedup_key, redactions) "
      "VALUES (?1, ?16, ?14, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15) "
      "ON CONFLICT(round_id, dedup_key) DO NOTHING");
  const std::string insert_tags =
      "INSERT OR FAIL INTO tags(record_seq, kind, value, origin, pattern, matched, start, end, "
      "confidence, note, qualifier) VALUES ";
  const std::string row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  c.insert_tag = PreparedStatement(c.db.getHandle(), insert_tags + row);
  std::string rows = row;
  for (size_t i = 1; i < kTagRows; ++i) rows += ", " + row;
  c.insert_tags = PreparedStatement(c.db.getHandle(), insert_tags + rows);
  c.insert_fts = PreparedStatement(c.db.getHandle(),
                                   "INSERT INTO records_fts(rowid, text) VALUES (?, ?)");
  c.insert_problem = PreparedStatement(
      c.db.getHandle(),
      "INSERT INTO problems(source_id, severity, line, col, reason, items) "
      "VALUES (?, ?, ?, ?, ?, ?)");
}

// Inserts one record; returns its seq, or 0 when its dedup_key was stored before.
int64_t InsertRecord(Store::Connection& c, int64_t source_id, int64_t round_id,
                     const Record& record, const RecordRow& row) {
  sqlite3* db = c.db.getHandle();
  sqlite3_stmt* insert = c.insert_record.get();
  BindText(insert, 1, record.id);
  BindText(insert, 2, ChannelName(record.channel));
  BindText(insert, 3, row.locator);
  sqlite3_bind_int64(insert, 4, record.locator.row);
  BindText(insert, 5, record.locator.column);
  sqlite3_bind_int64(insert, 6, record.locator.line_start);
  sqlite3_bind_int64(insert, 7, record.locator.line_end);
  BindText(insert, 8, record.respondent);
  BindText(insert, 9, record.question);
  BindText(insert, 10, record.text);
  BindText(insert, 11, row.attributes);
  sqlite3_bind_int64(insert, 12, record.flags);
  if (row.dedup_digest.empty()) {
    sqlite3_bind_null(insert, 13);
  } else {
    sqlite3_bind_blob(insert, 13, row.dedup_digest.data(),
                      static_cast<int>(row.dedup_digest.size()), SQLITE_STATIC);
  }
  sqlite3_bind_int64(insert, 14, source_id);
  sqlite3_bind_int64(insert, 15, record.redactions);
  sqlite3_bind_int64(insert, 16, round_id);
  if (Step(db, insert) == 0) return 0;
  const int64_t seq = sqlite3_last_insert_rowid(db);
  sqlite3_stmt* index = c.insert_fts.get();
  sqlite3_bind_int64(index, 1, seq);
  BindText(index, 2, record.text);
  Step(db, index);
  return seq;
}

// Inserts the tags of a batch's stored records, in order. `seqs[i]` is the seq of
// batch.records[i], 0 for a duplicate (whose tags are not stored).
// The first rows, a multiple of kTagRows, go kTagRows to a statement; the rest one by one.
void InsertTags(Store::Connection& c, const Batch& batch, const std::vector<int64_t>& seqs) {
  sqlite3* db = c.db.getHandle();
  sqlite3_stmt* one = c.insert_tag.get();
  sqlite3_stmt* many = c.insert_tags.get();
  size_t rows = 0;
  for (size_t i = 0; i < batch.records.size(); ++i) {
    if (seqs[i] != 0) rows += batch.records[i].tags.size();
  }
  const size_t in_many = rows - rows % kTagRows;
  size_t row = 0;
  for (size_t i = 0; i < batch.records.size(); ++i) {
    if (seqs[i] == 0) continue;
    for (const Tag& tag : batch.records[i].tags) {
      if (row < in_many) {
        const size_t slot = row % kTagRows;
        BindTag(many, seqs[i], tag, static_cast<int>(slot * kTagColumns) + 1);
        if (slot + 1 == kTagRows) Step(db, many);
      } else {
        BindTag(one, seqs[i], tag);
        Step(db, one);
      }
      ++row;
    }
  }
}

// Drops every binding into the batch before it is freed.
struct ClearBindings {
  Store::Connection& c;
  ~ClearBindings() {
    for (sqlite3_stmt* statement :
         {c.insert_record.get(), c.insert_fts.get(), c.insert_tag.get(), c.insert_tags.get(),
          c.insert_problem.get()}) {
      if (statement) sqlite3_clear_bindings(statement);
    }
  }
};

}  // namespace

Store::Connection::Statement PreparedStatement(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  Check(db, sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &statement, nullptr));
  return Store::Connection::Statement(statement);
}

std::string DedupDigest(std::string_view dedup_key) {
  if (dedup_key.empty()) return {};
  return Sha256Bytes(dedup_key).substr(0, 16);
}

BatchRows PrepareRows(const Batch& batch) {
  BatchRows rows;
  rows.records.resize(batch.records.size());
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const Record& record = batch.records[i];
    RecordRow& row = rows.records[i];
    row.locator = record.locator.ToString();
    row.attributes = AttributesJson(record.attributes);
    row.dedup_digest = DedupDigest(record.dedup_key);
  }
  return rows;
}

Status Store::WriteBatch(int64_t source_id, const Batch& batch, Ledger* ledger) {
  return WriteBatch(source_id, batch, PrepareRows(batch), ledger);
}

Status Store::WriteBatch(int64_t source_id, const Batch& batch, const BatchRows& rows,
                         Ledger* ledger) {
  Connection& c = *connection_;
  try {
    PrepareWriters(c);
    ClearBindings clear{c};
    if (!c.transaction) {
      if (c.checkpointer) c.checkpointer->BeforeTransaction();
      c.db.exec("PRAGMA foreign_keys = OFF");  // on again when it commits (CommitIfOpen)
      c.foreign_keys_off = true;
      c.transaction.emplace(c.db);
    }
    SQLite::Statement round(c.db, "SELECT round_id FROM sources WHERE id = ?");
    round.bind(1, source_id);
    if (!round.executeStep()) {
      throw SQLite::Exception("no source with id " + std::to_string(source_id));
    }
    const int64_t round_id = round.getColumn(0).getInt64();
    std::vector<int64_t>& seqs = c.seqs;
    seqs.assign(batch.records.size(), 0);
    for (size_t i = 0; i < batch.records.size(); ++i) {
      seqs[i] = InsertRecord(c, source_id, round_id, batch.records[i], rows.records[i]);
      if (seqs[i] == 0) {
        ++ledger->duplicates;
      } else {
        ++ledger->stored;
      }
    }
    InsertTags(c, batch, seqs);
    sqlite3* db = c.db.getHandle();
    sqlite3_stmt* put = c.insert_problem.get();
    for (const Problem& problem : batch.problems) {
      sqlite3_bind_int64(put, 1, source_id);
      BindText(put, 2, problem.severity == Problem::Severity::kReject ? "reject" : "warning");
      sqlite3_bind_int64(put, 3, problem.line);
      BindText(put, 4, problem.column);
      BindText(put, 5, problem.reason);
      sqlite3_bind_int64(put, 6, problem.items);
      Step(db, put);
      if (problem.severity == Problem::Severity::kWarning) ++ledger->warnings;
    }
    ledger->rows_read += batch.rows_read;
    ledger->items_read += batch.items_read;
    ledger->rejected += batch.rejected;
    ledger->non_answers += batch.non_answers;
    if (++batches_in_transaction_ >= batches_per_transaction_) return CommitIfOpen();
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot store a batch", e);
  }
}

}  // namespace heard
