// Taking a statement apart for trace and verify: its themes, content words and named districts.
#ifndef HEARD_SRC_QUERY_STATEMENT_H_
#define HEARD_SRC_QUERY_STATEMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"
#include "heard/query.h"
#include "store/connection.h"

namespace heard::query {

// The statement's parts with the records of the round that match each:
// sorted record seqs, parallel to analysis.themes and analysis.words.
struct StatementIndex {
  StatementAnalysis analysis;
  std::vector<std::vector<int64_t>> theme_records;
  std::vector<std::vector<int64_t>> word_records;        // containing the word (FTS5)
  std::vector<std::vector<int64_t>> word_theme_records;  // carrying a theme that covers it
  bool names_districts = false;
  std::vector<int64_t> district_records;  // from a named district, or naming its place
  int64_t round_records = 0;              // N in the weights
};

// Tags the statement with heard's own NormaliseRecord and TagRecord, splits
// it into content words (stop words, place names and bare numbers dropped),
// and looks each part up in the round. Throws SQLite::Exception.
StatementIndex AnalyseStatement(SQLite::Database& db, int64_t round_id, const Lexicon& lexicon,
                                std::string_view statement, double min_district_share);

// True for the words "what we heard" statements are framed with ("residents
// told us", "many people said", "a big problem") and common English function
// words; `folded` is lower case.
bool IsStopWord(std::string_view folded);

// The FTS5 query for one content word: a phrase for a word the tokenizer
// splits ("a&e", "face-to-face"), a prefix of its stem for a word of 8 or
// more letters ("appointments" -> "appointments"*), else the word itself.
std::string WordQuery(std::string_view folded);

}  // namespace heard::query

#endif  // HEARD_SRC_QUERY_STATEMENT_H_
