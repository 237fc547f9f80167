// Store::BeginBulkLoad / EndBulkLoad: the tags (kind, value) index built once after a large
// load instead of row by row during it.
//
// Each stored tag (about 18 a record) costs an insert into tags_value at a place set by its
// theme or district, not at the end: at 20,000 answers that was 30% of the serial store
// stage. One sorted CREATE INDEX over the whole table costs about what inserting the same
// number of tags one by one costs at 100,000 answers (2.5 s), and less beyond, and it runs
// after the pipeline with SQLite's sorter on every thread the run has. So the index is dropped
// only when the run brings at least as much as the database holds; a small run into a large
// database keeps it. A run killed in between leaves the index missing: queries are slower but
// the same, and the next run builds it.
#include <fmt/format.h>

#include <filesystem>

#include "heard/store.h"
#include "store/connection.h"

namespace heard {
namespace {

constexpr const char* kTagsValueIndex = "CREATE INDEX IF NOT EXISTS tags_value ON tags(kind, value)";

bool HasTagsValueIndex(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                       "name = 'tags_value'")
             .getInt() == 1;
}

}  // namespace

Result<bool> Store::BeginBulkLoad(uint64_t input_bytes, int threads) {
  Connection& c = *connection_;
  try {
    Status committed = CommitIfOpen();
    if (!committed.ok()) return committed;
    std::error_code error;
    const uint64_t database_bytes = std::filesystem::file_size(c.db.getFilename(), error);
    // A database holds about 4 bytes for each byte of survey text read (records, tags, index).
    const bool bulk = error || input_bytes * 4 >= database_bytes;
    bulk_threads_ = threads;
    if (bulk) {
      c.db.exec("DROP INDEX IF EXISTS tags_value");
      return true;
    }
    Status built = EndBulkLoad();  // after a killed bulk run: the index it left missing
    if (!built.ok()) return built;
    return false;
  } catch (const std::exception& e) {
    return StoreError("cannot prepare the bulk load", e);
  }
}

Status Store::EndBulkLoad() {
  Connection& c = *connection_;
  try {
    Status committed = CommitIfOpen();
    if (!committed.ok()) return committed;
    if (HasTagsValueIndex(c.db)) return Status::Ok();
    // Worker threads for the sort: the run's threads beside this one.
    c.db.exec(fmt::format("PRAGMA threads = {}", bulk_threads_ > 1 ? bulk_threads_ - 1 : 0));
    c.db.exec(kTagsValueIndex);
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot build the tags index", e);
  }
}

}  // namespace heard
