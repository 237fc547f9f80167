// Sentences of a record and FTS5 match offsets, so support is judged within one passage.
#include "query/passage.h"

#include <algorithm>

namespace heard::query {
namespace {

constexpr char kOpen = '\x01';   // highlight() marks; record text holds no C0 controls
constexpr char kClose = '\x02';  // but \t and \n (ToDisplayText replaces the rest)

}  // namespace

std::vector<std::pair<size_t, size_t>> Sentences(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool end_mark = (c == '.' || c == '!' || c == '?') &&
                          (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    if (c == '\n' || end_mark) {
      sentences.push_back({begin, i + 1});
      begin = i + 1;
    }
  }
  if (begin < text.size() || sentences.empty()) sentences.push_back({begin, text.size()});
  return sentences;
}

size_t SentenceAt(const std::vector<std::pair<size_t, size_t>>& sentences, size_t offset) {
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (offset < sentences[s].second) return s;
  }
  return sentences.empty() ? 0 : sentences.size() - 1;
}

MatchLocator::MatchLocator(SQLite::Database& db)
    : highlight_(db,
                 "SELECT highlight(records_fts, 0, char(1), char(2)) FROM records_fts "
                 "WHERE records_fts MATCH ? AND rowid = ?") {}

std::vector<size_t> MatchLocator::Offsets(int64_t seq, const std::string& fts_query) {
  std::vector<size_t> offsets;
  highlight_.reset();
  highlight_.bind(1, fts_query);
  highlight_.bind(2, static_cast<int64_t>(seq));
  if (!highlight_.executeStep()) return offsets;
  const std::string marked = highlight_.getColumn(0).getString();
  size_t plain = 0;  // offset in the unmarked text
  for (char c : marked) {
    if (c == kOpen) {
      offsets.push_back(plain);
    } else if (c != kClose) {
      ++plain;
    }
  }
  return offsets;
}

}  // namespace heard::query
