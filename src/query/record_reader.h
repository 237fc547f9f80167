// Reading stored records by their seq for the query commands: text, source, locator and tags.
#ifndef HEARD_SRC_QUERY_RECORD_READER_H_
#define HEARD_SRC_QUERY_RECORD_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "heard/query.h"
#include "store/connection.h"

namespace heard::query {

// A record with every theme tag's evidence, for trace and verify.
struct LoadedRecord {
  int64_t seq = 0;
  RecordRef ref;
  std::vector<RecordSupport::ThemeEvidence> theme_evidence;  // one per theme tag, in tag order
};

// Reads records one at a time with statements prepared once.
// Throws SQLite::Exception; callers convert it at the library boundary.
// Threading: one reader per thread, like the connection it reads.
class RecordReader {
 public:
  RecordReader(SQLite::Database& db, double min_district_share);
  LoadedRecord Read(int64_t seq);

 private:
  SQLite::Statement record_;
  SQLite::Statement tags_;
  double min_district_share_;
};

}  // namespace heard::query

#endif  // HEARD_SRC_QUERY_RECORD_READER_H_
