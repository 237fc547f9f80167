// RecordReader: one stored record with its districts, outcomes, themes and theme evidence.
#include "query/record_reader.h"

#include <algorithm>

namespace heard::query {
namespace {

void AddOnce(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

RecordReader::RecordReader(SQLite::Database& db, double min_district_share)
    : record_(db,
              "SELECT r.id, r.text, r.channel, s.path, r.locator, r.respondent "
              "FROM records r JOIN sources s ON s.id = r.source_id WHERE r.seq = ?"),
      tags_(
          db,
          "SELECT kind, value, pattern, matched, confidence, start FROM coded_tags "
          "WHERE record_seq = ? "
          "ORDER BY ord"),
      min_district_share_(min_district_share) {}

LoadedRecord RecordReader::Read(int64_t seq) {
  LoadedRecord loaded;
  loaded.seq = seq;
  record_.reset();
  record_.bind(1, static_cast<int64_t>(seq));
  if (!record_.executeStep()) return loaded;
  RecordRef& ref = loaded.ref;
  ref.id = record_.getColumn(0).getString();
  ref.text = record_.getColumn(1).getString();
  ref.channel = record_.getColumn(2).getString();
  ref.source = record_.getColumn(3).getString();
  ref.locator = record_.getColumn(4).getString();
  ref.respondent = record_.getColumn(5).getString();
  tags_.reset();
  tags_.bind(1, static_cast<int64_t>(seq));
  while (tags_.executeStep()) {
    const std::string kind = tags_.getColumn(0).getString();
    const std::string value = tags_.getColumn(1).getString();
    if (kind == "district") {
      if (tags_.getColumn(4).getDouble() >= min_district_share_) AddOnce(ref.districts, value);
    } else if (kind == "outcome") {
      AddOnce(ref.outcomes, value);
    } else if (kind == "theme") {
      AddOnce(ref.themes, value);
      loaded.theme_evidence.push_back({value, tags_.getColumn(2).getString(),
                                       tags_.getColumn(3).getString(),
                                       tags_.getColumn(5).getInt()});
    }
  }
  return loaded;
}

}  // namespace heard::query
