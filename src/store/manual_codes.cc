// ApplyCodeChanges: analysts' adds and removals checked against the round, written with their audit.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "heard/coding.h"
#include "store/connection.h"
#include "store/manual_overlay.h"

namespace heard {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : "; ") + value;
  return out;
}

// What a round offers to code with: its lexicon ids and its known districts.
struct Codebook {
  std::map<std::string, std::vector<std::string>> ids;  // "outcome"/"theme" -> ids, lexicon order
  std::map<std::string, std::string> districts;         // lower-case name -> canonical name
};

Result<Codebook> ReadCodebook(Store& store, SQLite::Database& db, const std::string& round,
                              int64_t round_id) {
  Codebook book;
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  for (const Store::LexiconEntry& entry : *entries) book.ids[entry.kind].push_back(entry.id);
  SQLite::Statement districts(
      db,
      "SELECT DISTINCT t.value FROM tags t JOIN records r ON r.seq = t.record_seq "
      "WHERE r.round_id = ?1 AND t.kind = 'district' "
      "UNION SELECT value FROM manual_codes WHERE round_id = ?1 AND kind = 'district'");
  districts.bind(1, static_cast<int64_t>(round_id));
  while (districts.executeStep()) {
    const std::string name = districts.getColumn(0).getString();
    book.districts.emplace(Lower(name), name);
  }
  return book;
}

// Statements prepared once for every change of a call.
struct Statements {
  explicit Statements(SQLite::Database& db)
      : record(db, "SELECT seq FROM records WHERE round_id = ? AND id = ?"),
        manual(db,
               "SELECT action FROM manual_codes WHERE round_id = ? AND record_id = ? "
               "AND kind = ? AND value = ?"),
        machine(db,
                "SELECT max(confidence) FROM tags WHERE record_seq = ? AND kind = ? AND value = ?"),
        codes(db,
              "SELECT DISTINCT value FROM coded_tags WHERE record_seq = ? AND kind = ? "
              "AND confidence >= 0.5 ORDER BY value"),
        insert(db,
               "INSERT INTO manual_codes(round_id, record_id, kind, value, action, who, reason) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        erase(db,
              "DELETE FROM manual_codes WHERE round_id = ? AND record_id = ? AND kind = ? "
              "AND value = ?"),
        audit(db,
              "INSERT INTO code_audit(who, who_from, round_id, record_id, kind, value, action, "
              "outcome, before, after, reason, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}
  SQLite::Statement record, manual, machine, codes, insert, erase, audit;
};

std::vector<std::string> CodesOf(Statements& s, int64_t seq, const std::string& kind) {
  std::vector<std::string> values;
  s.codes.reset();
  s.codes.bind(1, static_cast<int64_t>(seq));
  s.codes.bind(2, kind);
  while (s.codes.executeStep()) values.push_back(s.codes.getColumn(0).getString());
  return values;
}

std::string Known(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size() && i < 25; ++i) out += (i ? ", " : "") + values[i];
  if (values.size() > 25) out += fmt::format(" and {} more", values.size() - 25);
  return out.empty() ? "none" : out;
}

// Checks the value against the round; returns the value to store, or why not.
Result<std::string> CheckValue(const Codebook& book, const std::string& kind,
                               const std::string& value, bool named_by_manual_code,
                               const std::string& round) {
  if (named_by_manual_code) return value;  // undoing an earlier manual code is always allowed
  if (kind == "district") {
    const auto found = book.districts.find(Lower(value));
    if (found != book.districts.end()) return found->second;
    std::vector<std::string> names;
    for (const auto& [lower, name] : book.districts) names.push_back(name);
    return Status::InvalidInput(fmt::format(
        "no district \"{}\" in round \"{}\" (districts the round's records carry: {})", value,
        round, Known(names)));
  }
  const auto ids = book.ids.find(kind);
  if (ids != book.ids.end()) {
    for (const std::string& id : ids->second) {
      if (Lower(id) == Lower(value)) return id;  // "+theme:GP-Access" names gp-access
    }
  }
  return Status::InvalidInput(
      fmt::format("no {} \"{}\" in the lexicon stored with round \"{}\" ({}s: {})", kind, value,
                  round, kind, Known(ids == book.ids.end() ? std::vector<std::string>{}
                                                            : ids->second)));
}

}  // namespace

Result<std::vector<ChangeResult>> ApplyCodeChanges(Store& store, const std::string& round,
                                                   const std::vector<CodeChange>& changes,
                                                   const Reviewer& reviewer,
                                                   const ApplyOptions& options) {
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  try {
    Result<Codebook> book = ReadCodebook(store, db, round, *round_id);
    if (!book.ok()) return book.status();
    SQLite::Transaction transaction(db);
    Statements s(db);
    std::vector<ChangeResult> results;
    bool any_rejected = false;
    for (const CodeChange& change : changes) {
      ChangeResult result;
      result.change = change;
      const std::string kind(TagKindName(change.kind));
      auto reject = [&](std::string why, Status::Code code = Status::Code::kInvalidInput) {
        result.outcome = ChangeOutcome::kRejected;
        result.rejected_for = code;
        result.message = std::move(why);
        any_rejected = true;
        results.push_back(result);
      };
      if (!ParseCodeKind(kind)) {
        reject(fmt::format("a {} cannot be coded by hand (only outcome, theme, district)", kind));
        continue;
      }
      s.record.reset();
      s.record.bind(1, static_cast<int64_t>(*round_id));
      s.record.bind(2, change.record_id);
      if (!s.record.executeStep()) {
        reject(fmt::format("no record \"{}\" in round \"{}\"", change.record_id, round),
               Status::Code::kNotFound);
        continue;
      }
      const int64_t seq = s.record.getColumn(0).getInt64();
      auto manual_action = [&](const std::string& value) -> std::string {
        s.manual.reset();
        s.manual.bind(1, static_cast<int64_t>(*round_id));
        s.manual.bind(2, change.record_id);
        s.manual.bind(3, kind);
        s.manual.bind(4, value);
        return s.manual.executeStep() ? s.manual.getColumn(0).getString() : "";
      };
      Result<std::string> value =
          CheckValue(*book, kind, change.value, !manual_action(change.value).empty(), round);
      if (!value.ok()) {
        reject(value.status().message());
        continue;
      }
      result.change.value = *value;
      const std::string manual = manual_action(*value);
      s.machine.reset();
      s.machine.bind(1, static_cast<int64_t>(seq));
      s.machine.bind(2, kind);
      s.machine.bind(3, *value);
      s.machine.executeStep();
      const bool machine_any = !s.machine.getColumn(0).isNull();
      const bool machine_counted =
          machine_any && s.machine.getColumn(0).getDouble() >= kCountedDistrictShare;
      result.before = CodesOf(s, seq, kind);

      auto write = [&](const char* action) {
        s.erase.reset();
        s.erase.bind(1, static_cast<int64_t>(*round_id));
        s.erase.bind(2, change.record_id);
        s.erase.bind(3, kind);
        s.erase.bind(4, *value);
        s.erase.exec();
        if (action == nullptr) return;
        s.insert.reset();
        s.insert.bind(1, static_cast<int64_t>(*round_id));
        s.insert.bind(2, change.record_id);
        s.insert.bind(3, kind);
        s.insert.bind(4, *value);
        s.insert.bind(5, action);
        s.insert.bind(6, reviewer.name);
        s.insert.bind(7, change.reason);
        s.insert.exec();
      };
      const std::string code = kind + ":" + *value;
      if (change.action == CodeAction::kAdd) {
        if (manual == "add" || (manual.empty() && machine_counted)) {
          result.outcome = ChangeOutcome::kAlreadyPresent;
          result.message = fmt::format("record {} already carries {}", change.record_id, code);
        } else if (manual == "remove" && machine_counted) {
          write(nullptr);
          result.outcome = ChangeOutcome::kRestored;
        } else {
          write("add");
          result.outcome = ChangeOutcome::kAdded;
        }
      } else {
        if (manual == "remove" || (manual.empty() && !machine_any)) {
          result.outcome = ChangeOutcome::kAlreadyAbsent;
          result.message = fmt::format("record {} does not carry {}", change.record_id, code);
        } else if (machine_any) {
          write("remove");
          result.outcome = ChangeOutcome::kRemoved;
        } else {
          write(nullptr);
          result.outcome = ChangeOutcome::kUndone;
        }
      }
      result.after = CodesOf(s, seq, kind);
      if (result.outcome != ChangeOutcome::kAlreadyPresent &&
          result.outcome != ChangeOutcome::kAlreadyAbsent) {
        SQLite::Statement& a = s.audit;
        a.reset();
        a.bind(1, reviewer.name);
        a.bind(2, reviewer.from);
        a.bind(3, static_cast<int64_t>(*round_id));
        a.bind(4, change.record_id);
        a.bind(5, kind);
        a.bind(6, *value);
        a.bind(7, std::string(CodeActionName(change.action)));
        a.bind(8, std::string(ChangeOutcomeName(result.outcome)));
        a.bind(9, Join(result.before));
        a.bind(10, Join(result.after));
        a.bind(11, change.reason);
        a.bind(12, change.origin);
        a.exec();
      }
      results.push_back(std::move(result));
    }
    if (!(options.all_or_nothing && any_rejected)) transaction.commit();
    return results;
  } catch (const std::exception& e) {
    return StoreError("cannot write manual codes", e);
  }
}

}  // namespace heard
