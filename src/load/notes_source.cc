#include "load/notes_source.h"

#include "heard/survey.h"

#include <algorithm>
#include <utility>

namespace heard {

Record MakeNotesRecord(const SourceContext& context, Channel channel, int64_t line_start,
                       int64_t line_end, std::string text) {
  Record record;
  record.round = context.round;
  record.channel = channel;
  record.source = context.source;
  record.locator.line_start = line_start;
  record.locator.line_end = line_end;
  record.id = MakeRecordId(context.round, context.source, record.locator);
  record.text = std::move(text);
  return record;
}

bool NotesSource::Next(Batch& batch, size_t max_records) {
  if (!read_done_) {
    document_ = read_();
    read_ = nullptr;
    read_done_ = true;
  }
  max_records = std::max<size_t>(max_records, 1);
  bool appended = false;
  size_t records = 0;
  while (next_entry_ < document_.entries.size()) {
    NotesEntry& entry = document_.entries[next_entry_];
    if (entry.record && records == max_records) break;
    if (entry.item) {
      ++batch.items_read;
      if (entry.record && IsNonAnswer(entry.record->text)) {
        ++batch.non_answers;  // "n/a" as a bullet is no more an answer than in a survey
      } else if (entry.record) {
        batch.records.push_back(std::move(*entry.record));
        ++records;
      } else {
        ++batch.non_answers;
      }
    }
    for (Problem& problem : entry.problems) batch.problems.push_back(std::move(problem));
    int64_t consumed = std::max(entry.last_line, lines_reported_);
    batch.rows_read += consumed - lines_reported_;
    lines_reported_ = consumed;
    ++next_entry_;
    appended = true;
  }
  if (next_entry_ == document_.entries.size() && lines_reported_ < document_.lines) {
    batch.rows_read += document_.lines - lines_reported_;
    lines_reported_ = document_.lines;
    appended = true;
  }
  return appended;
}

}  // namespace heard
