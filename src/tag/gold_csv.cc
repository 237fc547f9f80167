// ReadGoldCsv: a hand-coded CSV (id, channel, text or record_id, themes, negated) for lexicon eval.
#include <cctype>
#include <fstream>
#include <map>
#include <unordered_map>

#include "heard/csv.h"
#include "heard/lexicon_eval.h"

namespace heard {
namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::set<std::string> SplitIds(std::string_view field) {
  std::set<std::string> ids;
  size_t start = 0;
  while (start <= field.size()) {
    size_t end = field.find(';', start);
    if (end == std::string_view::npos) end = field.size();
    std::string id = Trimmed(field.substr(start, end - start));
    if (!id.empty()) ids.insert(id);
    start = end + 1;
  }
  return ids;
}

}  // namespace

Result<std::vector<GoldRecord>> ReadGoldCsv(const std::string& path, Store* store,
                                            const std::string& round) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return Status::NotFound("cannot open gold file " + path);
  CsvReader reader(in);
  CsvRow row;
  if (!reader.Next(row)) return Status::InvalidInput(path + ": empty file, no header");
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < row.fields.size(); ++i) columns[Trimmed(row.fields[i])] = i;
  auto column = [&](const char* name) {
    auto it = columns.find(name);
    return it == columns.end() ? -1 : static_cast<int>(it->second);
  };
  const int id_col = column("id") >= 0 ? column("id") : column("record_id");
  const int record_col = column("record_id");
  const int text_col = column("text");
  const int channel_col = column("channel");
  const int themes_col = column("themes");
  const int negated_col = column("negated");
  if (id_col < 0 || themes_col < 0 || (text_col < 0 && record_col < 0)) {
    return Status::InvalidInput(path + ":" + std::to_string(row.line_start) +
                                ": the header needs id (or record_id), themes, and text or "
                                "record_id; it has: " +
                                [&] {
                                  std::string names;
                                  for (auto& [name, i] : columns) names += (names.empty() ? "" : ", ") + name;
                                  return names;
                                }());
  }
  const bool from_store = text_col < 0;
  if (from_store && store == nullptr) {
    return Status::InvalidInput(path + ": the gold file has record_id and no text column; "
                                "name the database with --db to read each record's text");
  }
  std::vector<GoldRecord> gold;
  std::string errors;
  auto error = [&](int64_t line, const std::string& reason) {
    if (!errors.empty()) errors += '\n';
    errors += path + ":" + std::to_string(line) + ": " + reason;
  };
  std::set<std::string> seen;
  std::unordered_map<std::string, size_t> wanted;  // record id -> index into gold
  while (reader.Next(row)) {
    if (row.fields.size() == 1 && Trimmed(row.fields[0]).empty()) continue;  // blank line
    if (!row.error.empty()) {
      error(row.line_start, row.error);
      continue;
    }
    auto field = [&](int col) -> std::string {
      return col >= 0 && static_cast<size_t>(col) < row.fields.size() ? row.fields[col] : "";
    };
    GoldRecord g;
    g.line = row.line_start;
    g.id = Trimmed(field(id_col));
    if (g.id.empty()) {
      error(row.line_start, "no id");
      continue;
    }
    if (!seen.insert(g.id).second) {
      error(row.line_start, "id " + g.id + " appears twice");
      continue;
    }
    std::string channel = Trimmed(field(channel_col));
    if (!channel.empty()) {
      std::optional<Channel> parsed = ParseChannel(channel);
      if (!parsed) {
        error(row.line_start, "unknown channel '" + channel +
                                  "' (survey, focus_group or workshop)");
        continue;
      }
      g.channel = *parsed;
    }
    g.text = from_store ? "" : field(text_col);
    g.themes = SplitIds(field(themes_col));
    g.negated = SplitIds(field(negated_col));
    for (const std::string& id : g.negated) {
      if (g.themes.count(id) == 0) {
        error(row.line_start, "negated theme " + id + " is not among the record's themes");
      }
    }
    if (from_store) wanted.emplace(Trimmed(field(record_col)), gold.size());
    gold.push_back(std::move(g));
  }
  if (from_store && errors.empty()) {
    std::string name = round;
    if (name.empty()) {
      Result<std::string> latest = store->DefaultRound();
      if (!latest.ok()) return latest.status();
      name = *latest;
    }
    std::vector<bool> found(gold.size(), false);
    Status status = store->ForEachRecord(name, [&](const Record& record) {
      auto it = wanted.find(record.id);
      if (it != wanted.end()) {
        gold[it->second].text = record.text;
        gold[it->second].channel = record.channel;
        found[it->second] = true;
      }
      return true;
    });
    if (!status.ok()) return status;
    for (size_t i = 0; i < gold.size(); ++i) {
      if (!found[i]) error(gold[i].line, "record " + gold[i].id + " is not in round " + name);
    }
  }
  if (!errors.empty()) return Status::InvalidInput(errors);
  return gold;
}

}  // namespace heard
