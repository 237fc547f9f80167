// ReadCodeChanges: a CSV of reviewed codes (change list, kind/value/action, or an edited export) as changes.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "heard/coding.h"
#include "heard/csv.h"
#include "store/connection.h"

namespace heard {
namespace {

std::string Trim(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "a; b;c" -> {"a", "b", "c"}: empty items dropped.
std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> items;
  size_t begin = 0;
  while (begin <= cell.size()) {
    size_t end = cell.find(';', begin);
    if (end == std::string::npos) end = cell.size();
    std::string item = Trim(cell.substr(begin, end - begin));
    if (!item.empty()) items.push_back(std::move(item));
    begin = end + 1;
  }
  return items;
}

enum class Shape { kChangeList, kKindValueAction, kEditedExport };

// Every value the record carries now (any share), by kind: what an export lists.
// Two statements, so the view is read for one record (a join would scan it all).
std::map<std::string, std::set<std::string>> CurrentCodes(SQLite::Statement& record,
                                                          SQLite::Statement& tags,
                                                          int64_t round_id,
                                                          const std::string& record_id,
                                                          bool* found) {
  std::map<std::string, std::set<std::string>> codes;
  record.reset();
  record.bind(1, static_cast<int64_t>(round_id));
  record.bind(2, record_id);
  *found = record.executeStep();
  if (!*found) return codes;
  tags.reset();
  tags.bind(1, record.getColumn(0).getInt64());
  while (tags.executeStep()) {
    codes[tags.getColumn(0).getString()].insert(tags.getColumn(1).getString());
  }
  return codes;
}

}  // namespace

Result<CodeChangeFile> ReadCodeChanges(Store& store, const std::string& round, std::istream& in,
                                       const std::string& file_name) {
  CodeChangeFile file;
  CsvReader reader(in);
  CsvRow row;
  if (!reader.Next(row)) {
    return Status::InvalidInput(fmt::format("{}: empty file: expected a header row", file_name));
  }
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < row.fields.size(); ++i) columns.emplace(Lower(Trim(row.fields[i])), i);
  auto column = [&](const char* name) -> std::optional<size_t> {
    const auto found = columns.find(name);
    if (found == columns.end()) return std::nullopt;
    return found->second;
  };
  std::optional<size_t> id = column("record_id");
  if (!id) id = column("id");
  Shape shape;
  if (id && column("change")) {
    shape = Shape::kChangeList;
  } else if (id && column("kind") && column("value") && column("action")) {
    shape = Shape::kKindValueAction;
  } else if (id && (column("themes") || column("outcomes") || column("districts"))) {
    shape = Shape::kEditedExport;
  } else {
    return Status::InvalidInput(fmt::format(
        "{}:{}: the header must name record_id and change; or record_id, kind, value and "
        "action; or be a `heard export --format csv` file with id and themes, outcomes or "
        "districts columns",
        file_name, row.line_start));
  }
  const std::optional<size_t> reason = column("reason");
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  try {
    SQLite::Statement record(db, "SELECT seq FROM records WHERE round_id = ? AND id = ?");
    SQLite::Statement tags(db, "SELECT kind, value FROM coded_tags WHERE record_seq = ?");
    while (reader.Next(row)) {
      const int64_t line = row.line_start;
      auto problem = [&](std::string why) {
        file.problems.push_back({file_name, line, std::move(why)});
      };
      if (!row.error.empty()) {
        problem(row.error);
        continue;
      }
      if (row.fields.size() == 1 && Trim(row.fields[0]).empty()) continue;  // blank line
      auto cell = [&](size_t index) {
        return index < row.fields.size() ? Trim(row.fields[index]) : std::string();
      };
      const std::string record_id = cell(*id);
      if (record_id.empty()) {
        problem("no record id");
        continue;
      }
      CodeChange base;
      base.record_id = record_id;
      base.reason = reason ? cell(*reason) : "";
      base.origin = fmt::format("csv:{}:{}", file_name, line);
      if (shape == Shape::kChangeList) {
        const std::vector<std::string> items = SplitList(cell(*column("change")));
        if (items.empty()) problem("no change: write +KIND:VALUE or -KIND:VALUE");
        for (const std::string& item : items) {
          Result<CodeChange> change = ParseCodeChange(item);
          if (!change.ok()) {
            problem(change.status().message());
            continue;
          }
          CodeChange full = base;
          full.kind = change->kind;
          full.value = change->value;
          full.action = change->action;
          file.changes.push_back(std::move(full));
        }
      } else if (shape == Shape::kKindValueAction) {
        const std::string action = Lower(cell(*column("action")));
        const bool add = action == "add" || action == "+";
        if (!add && action != "remove" && action != "-") {
          problem(fmt::format("action \"{}\" is not add, remove, + or -", action));
          continue;
        }
        Result<CodeChange> change = ParseCodeChange(
            fmt::format("{}{}:{}", add ? '+' : '-', Lower(cell(*column("kind"))),
                        cell(*column("value"))));
        if (!change.ok()) {
          problem(change.status().message());
          continue;
        }
        CodeChange full = base;
        full.kind = change->kind;
        full.value = change->value;
        full.action = change->action;
        file.changes.push_back(std::move(full));
      } else {
        bool found = false;
        const auto now = CurrentCodes(record, tags, *round_id, record_id, &found);
        if (!found) {
          problem(fmt::format("no record \"{}\" in round \"{}\"", record_id, round));
          continue;
        }
        for (const auto& [header, kind, tag_kind] :
             {std::tuple{"outcomes", "outcome", TagKind::kOutcome},
              std::tuple{"themes", "theme", TagKind::kTheme},
              std::tuple{"districts", "district", TagKind::kDistrict}}) {
          const std::optional<size_t> index = column(header);
          if (!index) continue;
          const std::vector<std::string> listed = SplitList(cell(*index));
          const std::set<std::string> wanted(listed.begin(), listed.end());
          const auto has = now.find(kind);
          const std::set<std::string> none;
          const std::set<std::string>& carried = has == now.end() ? none : has->second;
          for (const std::string& value : carried) {
            if (wanted.count(value)) continue;
            CodeChange change = base;
            change.kind = tag_kind;
            change.value = value;
            change.action = CodeAction::kRemove;
            file.changes.push_back(std::move(change));
          }
          for (const std::string& value : listed) {
            if (carried.count(value)) continue;
            CodeChange change = base;
            change.kind = tag_kind;
            change.value = value;
            change.action = CodeAction::kAdd;
            file.changes.push_back(std::move(change));
          }
        }
      }
    }
    return file;
  } catch (const std::exception& e) {
    return StoreError("cannot read the round's codes for " + file_name, e);
  }
}

}  // namespace heard
