// The background checkpoint of a bulk load (see checkpointer.h).
#include "store/checkpointer.h"

namespace heard {

std::unique_ptr<Checkpointer> Checkpointer::Start(sqlite3* writer, const std::string& path,
                                                  int restart_pages) {
  if (path.empty() || path == ":memory:") return nullptr;
  sqlite3* own = nullptr;
  if (sqlite3_open_v2(path.c_str(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(own);
    return nullptr;
  }
  sqlite3_busy_timeout(own, 5000);
  // A connection opens the log with its first read; a checkpoint before that does nothing.
  if (sqlite3_exec(own, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(own);
    return nullptr;
  }
  return std::unique_ptr<Checkpointer>(new Checkpointer(writer, own, restart_pages));
}

Checkpointer::Checkpointer(sqlite3* writer, sqlite3* own, int restart_pages)
    : writer_(writer), own_(own), restart_pages_(restart_pages) {
  thread_ = std::thread([this] { Loop(); });
  // Replaces the automatic checkpoint, which is itself a commit hook.
  sqlite3_wal_hook(writer_, &Checkpointer::OnCommit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_autocheckpoint(writer_, kWakePages);  // drops the hook into this object
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_close(own_);
}

int Checkpointer::checkpoints() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return checkpoints_;
}

int Checkpointer::OnCommit(void* self, sqlite3*, const char*, int pages) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  // Past restart_pages the writer copies this commit itself before its next transaction
  // (BeforeTransaction): waking the thread too would only make the writer wait for it.
  checkpointer->restart_due_ = pages >= checkpointer->restart_pages_;
  if (pages < kWakePages || checkpointer->restart_due_) return SQLITE_OK;
  {
    std::lock_guard<std::mutex> lock(checkpointer->mutex_);
    checkpointer->pending_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::BeforeTransaction() {
  if (!restart_due_) return;
  // The log restarts from its start only when a write transaction begins with every frame
  // copied; the thread has copied all but the last commit, which the writer copies now.
  std::lock_guard<std::mutex> running(checkpoint_mutex_);
  sqlite3_wal_checkpoint_v2(writer_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  restart_due_ = false;
}

void Checkpointer::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    pending_ = false;
    lock.unlock();
    int rc = SQLITE_OK;
    {
      std::lock_guard<std::mutex> running(checkpoint_mutex_);
      // PASSIVE: copies what no reader still needs and never blocks the writer. A busy or
      // failed checkpoint is only late: the next commit over the threshold wakes us again.
      rc = sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    lock.lock();
    if (rc == SQLITE_OK) ++checkpoints_;
  }
}

}  // namespace heard
