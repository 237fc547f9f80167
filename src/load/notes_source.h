// A RecordSource over a notes file that is read whole on the first Next, then handed out in
// batches.
#ifndef HEARD_SRC_LOAD_NOTES_SOURCE_H_
#define HEARD_SRC_LOAD_NOTES_SOURCE_H_

#include <functional>
#include <optional>
#include <vector>

#include "heard/loader.h"
#include "heard/record.h"
#include "heard/survey.h"

namespace heard {

// One step of a notes file, in file order: an item (stored as a record, or
// a non-answer when `record` is empty) or problems that belong to no item.
struct NotesEntry {
  std::optional<Record> record;
  std::vector<Problem> problems;
  bool item = false;      // counts in items_read
  int64_t last_line = 0;  // last physical line this entry consumed
};

// Everything the loader made of one notes file.
struct NotesDocument {
  std::vector<NotesEntry> entries;
  SourceInfo info;
  int64_t lines = 0;  // physical lines in the file
};

// A record of `channel` for the text on lines [line_start, line_end], with
// its id made by MakeRecordId.
Record MakeNotesRecord(const SourceContext& context, Channel channel, int64_t line_start,
                       int64_t line_end, std::string text);

// Calls `read` once, at the first Next, and hands its entries out in file
// order: up to max_records records per call, with the problems, non-answers
// and line counts that come before them; lines after the last entry go with
// the last batch. Memory is bounded by the notes file's size.
// Threading: not thread-safe, like every RecordSource.
class NotesSource : public RecordSource {
 public:
  explicit NotesSource(std::function<NotesDocument()> read) : read_(std::move(read)) {}

  bool Next(Batch& batch, size_t max_records) override;
  const SourceInfo& info() const override { return document_.info; }

 private:
  std::function<NotesDocument()> read_;
  NotesDocument document_;
  bool read_done_ = false;
  size_t next_entry_ = 0;
  int64_t lines_reported_ = 0;
};

}  // namespace heard

#endif  // HEARD_SRC_LOAD_NOTES_SOURCE_H_
