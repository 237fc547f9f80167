// Search: FTS5 over a round's records, with filters joined to tags and highlighted snippets.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "heard/query.h"
#include "query/record_reader.h"
#include "store/connection.h"

namespace heard {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "Housing conditions" -> "housing-conditions": a theme id typed as words.
std::string Slug(std::string_view text) {
  std::string out = Lower(text);
  for (char& c : out) {
    if (c == ' ' || c == '_') c = '-';
  }
  return out;
}

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

// The stored value a filter names: the tag values of `kind` in the round,
// matched without case, or a lexicon entry's id by its id or name.
Result<std::string> ResolveFilter(Store& store, SQLite::Database& db, int64_t round_id,
                                  const std::string& round, const std::string& kind,
                                  const std::string& wanted) {
  const std::string wanted_lower = Lower(wanted);
  std::vector<std::string> known;
  if (kind == "district") {
    SQLite::Statement values(db,
                             "SELECT DISTINCT t.value FROM coded_tags t JOIN records r "
                             "ON r.seq = t.record_seq WHERE r.round_id = ? AND t.kind = ? "
                             "ORDER BY t.value");
    values.bind(1, static_cast<int64_t>(round_id));
    values.bind(2, kind);
    while (values.executeStep()) {
      const std::string value = values.getColumn(0).getString();
      if (Lower(value) == wanted_lower) return value;
      known.push_back(value);
    }
  } else {
    Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
    if (!entries.ok()) return entries.status();
    for (const Store::LexiconEntry& entry : *entries) {
      if (entry.kind != kind) continue;
      if (Lower(entry.id) == wanted_lower || Slug(entry.id) == Slug(wanted) ||
          Lower(entry.name) == wanted_lower ||
          (!entry.short_name.empty() && Lower(entry.short_name) == wanted_lower)) {
        return entry.id;
      }
      known.push_back(entry.id);
    }
  }
  return Status::InvalidInput(fmt::format("search: no {} \"{}\" in round \"{}\" ({}s: {})", kind,
                                          wanted, round, kind, JoinQuoted(known)));
}

struct Filters {
  std::string sql;                    // " AND ..." clauses
  std::vector<std::string> bindings;  // in order
};

Result<Filters> BuildFilters(Store& store, SQLite::Database& db, int64_t round_id,
                             const std::string& round, const SearchOptions& options) {
  Filters filters;
  const std::pair<const char*, const std::string*> tagged[] = {
      {"district", &options.district}, {"outcome", &options.outcome}, {"theme", &options.theme}};
  for (const auto& [kind, wanted] : tagged) {
    if (wanted->empty()) continue;
    Result<std::string> value = ResolveFilter(store, db, round_id, round, kind, *wanted);
    if (!value.ok()) return value.status();
    filters.sql += fmt::format(
        " AND EXISTS (SELECT 1 FROM coded_tags t WHERE t.record_seq = r.seq AND t.kind = '{}' "
        "AND t.value = ?{})",
        kind, std::string(kind) == "district" ? " AND t.confidence >= 0.5" : "");
    filters.bindings.push_back(*value);
  }
  if (!options.channel.empty()) {
    if (!ParseChannel(options.channel)) {
      return Status::InvalidInput(fmt::format(
          "search: no channel \"{}\" (channels: survey, focus_group, workshop)", options.channel));
    }
    filters.sql += " AND r.channel = ?";
    filters.bindings.push_back(options.channel);
  }
  return filters;
}

// A SQLite error from running the MATCH: FTS5 syntax errors are the user's;
// anything else is the store's.
Status MatchError(const std::string& query, const std::exception& e) {
  const std::string what = e.what();
  if (what.find("fts5") != std::string::npos) {
    return Status::InvalidInput(
        fmt::format("search: \"{}\" is not valid search syntax: {}", query, what));
  }
  return StoreError("search failed", e);
}

}  // namespace

Result<SearchResult> Search(Store& store, const std::string& round, const std::string& query,
                            const SearchOptions& options) {
  Result<std::string> fts = TranslateSearchQuery(query);
  if (!fts.ok()) return fts.status();
  SearchResult result;
  result.round = round;
  result.query = query;
  result.fts_query = *fts;
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  try {
    Result<Filters> filters = BuildFilters(store, db, *round_id, round, options);
    if (!filters.ok()) return filters.status();
    const std::string where =
        "FROM records_fts CROSS JOIN records r ON r.seq = records_fts.rowid "
        "WHERE records_fts MATCH ? AND r.round_id = ?" +
        filters->sql;
    std::vector<std::pair<int64_t, std::pair<std::string, double>>> rows;
    try {
      SQLite::Statement count(db, "SELECT count(*) " + where);
      SQLite::Statement hits(
          db, "SELECT r.seq, snippet(records_fts, 0, ?, ?, '…', ?), bm25(records_fts) " + where +
                  " ORDER BY bm25(records_fts), r.seq LIMIT ?");
      hits.bind(1, options.open_mark);
      hits.bind(2, options.close_mark);
      hits.bind(3, std::clamp(options.snippet_tokens, 1, 64));
      int n = 4;
      for (SQLite::Statement* statement : {&count, &hits}) {
        int i = statement == &count ? 1 : n;
        statement->bind(i++, *fts);
        statement->bind(i++, static_cast<int64_t>(*round_id));
        for (const std::string& value : filters->bindings) statement->bind(i++, value);
        if (statement == &hits) statement->bind(i, static_cast<int64_t>(options.limit));
      }
      if (count.executeStep()) result.total = count.getColumn(0).getInt64();
      while (hits.executeStep()) {
        rows.push_back({hits.getColumn(0).getInt64(),
                        {hits.getColumn(1).getString(), -hits.getColumn(2).getDouble()}});
      }
    } catch (const std::exception& e) {
      return MatchError(query, e);
    }
    query::RecordReader reader(db, 0.5);
    for (const auto& [seq, found] : rows) {
      SearchHit hit;
      hit.record = reader.Read(seq).ref;
      hit.snippet = found.first;
      hit.relevance = found.second;
      result.hits.push_back(std::move(hit));
    }
    return result;
  } catch (const std::exception& e) {
    return StoreError("search failed", e);
  }
}

}  // namespace heard
