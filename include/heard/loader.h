// The contract every loader keeps: a RecordSource hands out records in file order, in batches.
#ifndef HEARD_LOADER_H_
#define HEARD_LOADER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "heard/record.h"

namespace heard {

// What a loader hands the pipeline at a time: records in file order, the
// problems met while reading them, and the counts that let the ledger
// reconcile: items_read == records.size() + rejected + non_answers
// (duplicates are found later, by the store).
struct Batch {
  std::vector<Record> records;
  std::vector<Problem> problems;
  int64_t rows_read = 0;    // survey rows or note lines consumed
  int64_t items_read = 0;   // free-text cells, paragraphs or bullets seen
  int64_t rejected = 0;     // items lost to a reject (each has a Problem)
  int64_t non_answers = 0;  // blank or "n/a"-like answers, counted, never stored

  void Clear() { *this = Batch(); }
};

// What a loader learnt about the file as a whole.
struct SourceInfo {
  std::string encoding;       // what the text was decoded from, e.g. "UTF-8", "windows-1252"
  std::string encoding_note;  // how that was decided, e.g. "ICU detector, confidence 60"
  std::vector<Attribute> attributes;  // notes header: group, organisation, date, districts ...
};

// A stream of records from one source file.
// Threading: not thread-safe; the pipeline calls it from its serial input stage.
class RecordSource {
 public:
  virtual ~RecordSource() = default;

  // Appends up to `max_records` records (and any problems and counts) to
  // `batch`, in file order. Returns false once the source is exhausted and
  // nothing was appended. A bad row or line becomes a Problem; reading goes on.
  virtual bool Next(Batch& batch, size_t max_records) = 0;

  // Valid once Next has been called at least once.
  virtual const SourceInfo& info() const = 0;
};

}  // namespace heard

#endif  // HEARD_LOADER_H_
