// Checkpoints the write-ahead log on a thread of its own while a round loads.
//
// In WAL mode every commit appends pages to the log, and by default the committing thread
// copies the log into the database file once it passes 1,000 pages (a checkpoint, with two
// fsyncs). In a bulk load that is the serial store stage stalled on I/O: at 100,000 answers,
// about a quarter of its wall time. A Checkpointer takes that over: it replaces the writer's
// automatic checkpoint with a commit hook that wakes its thread, and the thread runs PASSIVE
// checkpoints on its own connection, which SQLite lets run beside the writer.
//
// The log starts again from its beginning only when a transaction begins with every frame
// copied, so every restart_pages the writer copies its last commit itself (BeforeTransaction).
// Measured at 1M answers on 2 threads: 69 restarts at 128 MiB, each waiting for the thread's
// checkpoint of the same commit, cost 11.9 s of the store stage's wall; the writer now does
// not wake the thread for that commit, and restarts every 512 MiB.
//
// Nothing is at risk: a committed transaction is durable in the log whether or not it was
// copied yet, and a checkpoint that fails or is stopped is done again by the next one, or by
// SQLite when the last connection closes.
#ifndef HEARD_SRC_STORE_CHECKPOINTER_H_
#define HEARD_SRC_STORE_CHECKPOINTER_H_

#include <sqlite3.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace heard {

class Checkpointer {
 public:
  // A log of this many pages or more wakes the thread (SQLite's automatic threshold).
  static constexpr int kWakePages = 1000;
  static constexpr int kRestartPages = 65536;  // 512 MiB of the store's 8 KiB pages

  // Takes over checkpointing for `writer`, the connection that writes `path`. Returns null
  // when a connection of its own cannot be opened; the writer then keeps SQLite's automatic
  // checkpoint. `restart_pages`: see BeforeTransaction.
  static std::unique_ptr<Checkpointer> Start(sqlite3* writer, const std::string& path,
                                             int restart_pages = kRestartPages);

  // Stops the thread (after the checkpoint in progress, if any) and gives the writer back its
  // automatic checkpoint. Call before the writer closes.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Call before the writer begins a transaction: when the log has grown past restart_pages,
  // finishes the checkpoint so the transaction writes from the start of the log again,
  // which keeps the log file and the page lookups in it small.
  void BeforeTransaction();

  // Checkpoints done so far (for tests).
  int checkpoints() const;

 private:
  Checkpointer(sqlite3* writer, sqlite3* own, int restart_pages);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int pages);
  void Loop();

  sqlite3* writer_;
  sqlite3* own_;
  const int restart_pages_;
  bool restart_due_ = false;       // the last commit passed restart_pages (writer's thread only)
  std::mutex checkpoint_mutex_;    // held while a checkpoint runs
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  int checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace heard

#endif  // HEARD_SRC_STORE_CHECKPOINTER_H_
