// Passages of a record: its sentences, and where in them a statement's words were found.
#ifndef HEARD_SRC_QUERY_PASSAGE_H_
#define HEARD_SRC_QUERY_PASSAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/connection.h"

namespace heard::query {

// The sentences of `text` as [begin, end) byte spans, covering all of it: a
// sentence ends after . ! or ? followed by white space, and at a line break.
std::vector<std::pair<size_t, size_t>> Sentences(std::string_view text);

// Index of the sentence holding byte `offset`.
size_t SentenceAt(const std::vector<std::pair<size_t, size_t>>& sentences, size_t offset);

// Finds where an FTS5 query matches in one record's text, with FTS5's own
// tokenizer and stemmer (highlight()). Throws SQLite::Exception.
class MatchLocator {
 public:
  explicit MatchLocator(SQLite::Database& db);
  // Byte offsets in the record's text of each token `fts_query` matches.
  std::vector<size_t> Offsets(int64_t seq, const std::string& fts_query);

 private:
  SQLite::Statement highlight_;
};

}  // namespace heard::query

#endif  // HEARD_SRC_QUERY_PASSAGE_H_
