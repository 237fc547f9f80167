// The SQLite store: rounds, sources, records, tags with evidence, problems, the run ledger, FTS5.
#ifndef HEARD_STORE_H_
#define HEARD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"
#include "heard/loader.h"
#include "heard/record.h"
#include "heard/status.h"

namespace heard {

// Schema version this build reads and writes (PRAGMA user_version). An
// older heard database is upgraded in place when opened (steps only add).
inline constexpr int kSchemaVersion = 3;

// Per source: what was read and where each item went.
// Reconciles when items_read == stored + rejected + non_answers + duplicates.
struct Ledger {
  std::string round;
  std::string source;
  std::string channel;
  std::string sha256;
  std::string encoding;
  int64_t rows_read = 0;
  int64_t items_read = 0;
  int64_t stored = 0;
  int64_t rejected = 0;
  int64_t non_answers = 0;
  int64_t duplicates = 0;
  int64_t warnings = 0;

  bool Reconciles() const { return items_read == stored + rejected + non_answers + duplicates; }
};

// A stored problem (reject or warning), for reports and the CLI.
struct StoredProblem {
  std::string source;
  Problem problem;
};

// A record read back from the store, with its tags.
struct StoredRecord {
  Record record;
  std::string source;  // == record.source
};

// What Store::WriteBatch binds for a record beyond its own fields: strings built from it.
// PrepareRows is pure and thread-safe, so the pipeline builds them in its parallel stage
// and the serial store stage only binds and steps.
struct RecordRow {
  std::string locator;       // locator.ToString()
  std::string attributes;    // the attributes as a JSON object, in order
  std::string dedup_digest;  // DedupDigest(record.dedup_key); empty when the key is empty
};
struct BatchRows {
  std::vector<RecordRow> records;  // one per batch.records, same order
};
BatchRows PrepareRows(const Batch& batch);

// What the store keeps of a dedup key: the first 16 bytes of its SHA-256. A key is
// respondent + question + the whole folded answer (about 1 KB); its digest keeps the unique
// index small, and two different keys share a digest with odds of about 2^-128 per pair.
std::string DedupDigest(std::string_view dedup_key);

// One heard database. Opening creates the schema in a new file, upgrades an
// older heard schema in place (additive steps, one transaction each), and
// refuses a file that is not a heard database or was written by a newer schema. Journal mode is WAL, so readers can query while
// a round is being written.
// Threading: one Store per thread; the pipeline writes from its serial stage.
class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // ---- writing a round ------------------------------------------------------

  // Creates the round or updates its date; returns its id.
  Result<int64_t> PutRound(const Round& round);

  // Keeps the lexicon's outcome and theme names with the round, so summaries
  // need no lexicon files. Replaces what an earlier run stored.
  Status PutLexicon(int64_t round_id, const Lexicon& lexicon);

  // Records that a run began (lexicon fingerprint, attribution, threads) and
  // how it ended ("complete" or "failed: ..."); a killed run stays "running".
  Result<int64_t> BeginRun(int64_t round_id, const Lexicon& lexicon, int threads);
  Status FinishRun(int64_t run_id, const std::string& status);

  // Starts (re)loading one source of a round: removes every record, tag and
  // problem an earlier run stored for it (a corrected file replaces its old
  // records) and marks it incomplete until FinishSource.
  Result<int64_t> BeginSource(int64_t round_id, const std::string& path, Channel channel);

  // Stores one batch in file order, each record with its FTS5 index entry, so a record is
  // searchable once its transaction commits. A record whose dedup_key was stored
  // before in the round is counted as a duplicate, not stored. Commits every
  // `batches_per_transaction` batches. Adds the batch's counts to `ledger`.
  Status WriteBatch(int64_t source_id, const Batch& batch, Ledger* ledger);
  // The same with the rows PrepareRows(batch) built (rows.records[i] is batch.records[i]).
  Status WriteBatch(int64_t source_id, const Batch& batch, const BatchRows& rows,
                    Ledger* ledger);

  // Writes the ledger and the source's checksum and encoding, marks the
  // source complete and commits.
  Status FinishSource(int64_t source_id, const Ledger& ledger, const SourceInfo& info);

  // Store commits every this many batches (16,384 records of the pipeline's 256-record
  // batches). Every commit writes each page it changed to the WAL; the indexes keyed by
  // hashes (records.id, dedup_key) change pages all over, so fewer commits write far less: at
  // 1M answers on 2 threads, 16 batches wrote 22.2 GB and took 135.6 s, 64 batches (with the
  // 256 MiB page cache) 13.2 GB and 125.7 s.
  static constexpr int kBatchesPerTransaction = 64;
  void set_batches_per_transaction(int n) { batches_per_transaction_ = n; }

  // ---- reading ----------------------------------------------------------------

  // Name of the only round, or the most recently loaded one; NotFound if none.
  Result<std::string> DefaultRound();
  Result<Round> GetRound(const std::string& name);
  Result<std::vector<Ledger>> Ledgers(const std::string& round);
  Result<std::vector<StoredProblem>> Problems(const std::string& round);
  Result<int64_t> CountRecords(const std::string& round);

  // Calls `visit` for every record of the round in load order, with its
  // tags as coded: machine tags an analyst removed are left out and manual
  // adds follow with Origin::kManual (heard/coding.h). Memory is bounded by
  // one record plus the round's manual codes. Stops early when visit returns false.
  Status ForEachRecord(const std::string& round,
                       const std::function<bool(const Record&)>& visit);

  // The lexicon names stored with a round: (kind "outcome"/"theme", id) -> name.
  struct LexiconEntry {
    std::string kind;
    std::string id;
    std::string name;
    std::string short_name;  // outcomes only
    std::string parent;      // themes only
    std::vector<std::string> outcomes;
  };
  Result<std::vector<LexiconEntry>> LexiconEntries(const std::string& round);
  Result<std::string> Attribution(const std::string& round);

  // The underlying connection, for the aggregate and report stages.
  struct Connection;
  Connection& connection() { return *connection_; }

 private:
  explicit Store(std::unique_ptr<Connection> connection);
  Status CommitIfOpen();

  std::unique_ptr<Connection> connection_;
  int batches_per_transaction_ = kBatchesPerTransaction;
  int batches_in_transaction_ = 0;
};

}  // namespace heard

#endif  // HEARD_STORE_H_
