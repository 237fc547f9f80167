// Reading manual codes back: the list with each code's state, the audit log, counts; parsing "+theme:x".
#include <fmt/format.h>

#include <cstdlib>
#include <set>

#include "heard/coding.h"
#include "store/connection.h"
#include "store/manual_overlay.h"

namespace heard {

std::string_view CodeActionName(CodeAction action) {
  return action == CodeAction::kAdd ? "add" : "remove";
}

std::string_view ChangeOutcomeName(ChangeOutcome outcome) {
  switch (outcome) {
    case ChangeOutcome::kAdded: return "added";
    case ChangeOutcome::kRemoved: return "removed";
    case ChangeOutcome::kRestored: return "restored";
    case ChangeOutcome::kUndone: return "undone";
    case ChangeOutcome::kAlreadyPresent: return "already present";
    case ChangeOutcome::kAlreadyAbsent: return "already absent";
    case ChangeOutcome::kRejected: return "rejected";
  }
  return "?";
}

Result<CodeChange> ParseCodeChange(std::string_view text) {
  CodeChange change;
  if (text.empty() || (text[0] != '+' && text[0] != '-')) {
    return Status::InvalidInput(fmt::format(
        "\"{}\" is not a code change: write +KIND:VALUE or -KIND:VALUE, e.g. +theme:gp-access",
        text));
  }
  change.action = text[0] == '+' ? CodeAction::kAdd : CodeAction::kRemove;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 1 || colon + 1 == text.size()) {
    return Status::InvalidInput(fmt::format(
        "\"{}\" is not a code change: write +KIND:VALUE or -KIND:VALUE, e.g. +theme:gp-access",
        text));
  }
  const std::string kind(text.substr(1, colon - 1));
  const std::optional<TagKind> parsed = ParseCodeKind(kind);
  if (!parsed) {
    return Status::InvalidInput(fmt::format(
        "\"{}\": a code is an outcome, theme or district, not \"{}\"", text, kind));
  }
  change.kind = *parsed;
  std::string value(text.substr(colon + 1));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
  if (value.empty()) return Status::InvalidInput(fmt::format("\"{}\" names no value", text));
  change.value = std::move(value);
  return change;
}

std::string FormatCodeChange(const CodeChange& change) {
  return fmt::format("{}{}:{}", change.action == CodeAction::kAdd ? '+' : '-',
                     TagKindName(change.kind), change.value);
}

Reviewer ResolveReviewer(const std::string& who_option) {
  if (!who_option.empty()) return {who_option, "--who"};
  for (const char* variable : {"HEARD_USER", "USER"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return {value, variable};
  }
  return {"unknown", "unknown"};
}

Result<std::vector<ManualCode>> ListManualCodes(Store& store, const std::string& round) {
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  std::set<std::string> lexicon;
  for (const Store::LexiconEntry& entry : *entries) lexicon.insert(entry.kind + ":" + entry.id);
  try {
    std::vector<ManualCode> codes;
    // machine: the largest share of a machine tag of that value on the record,
    // NULL when none; seq NULL when the record is gone.
    SQLite::Statement query(
        db,
        "SELECT m.record_id, m.kind, m.value, m.action, m.who, m.at, m.reason, r.seq, "
        "(SELECT max(t.confidence) FROM tags t WHERE t.record_seq = r.seq AND t.kind = m.kind "
        "AND t.value = m.value) FROM manual_codes m LEFT JOIN records r "
        "ON r.round_id = m.round_id AND r.id = m.record_id WHERE m.round_id = ? "
        "ORDER BY m.record_id, m.kind, m.value");
    query.bind(1, static_cast<int64_t>(*round_id));
    while (query.executeStep()) {
      ManualCode code;
      code.record_id = query.getColumn(0).getString();
      const std::string kind = query.getColumn(1).getString();
      code.kind = ParseCodeKind(kind).value_or(TagKind::kTheme);
      code.value = query.getColumn(2).getString();
      code.action = query.getColumn(3).getString() == "add" ? CodeAction::kAdd : CodeAction::kRemove;
      code.who = query.getColumn(4).getString();
      code.at = query.getColumn(5).getString();
      code.reason = query.getColumn(6).getString();
      const bool orphaned = query.getColumn(7).isNull();
      const bool machine_any = !query.getColumn(8).isNull();
      const bool machine_counted =
          machine_any && query.getColumn(8).getDouble() >= kCountedDistrictShare;
      if (orphaned) {
        code.state = "orphaned";
      } else if (code.action == CodeAction::kRemove && !machine_any) {
        code.state = "stale";
      } else if (code.action == CodeAction::kAdd && machine_counted) {
        code.state = "redundant";
      } else if (kind != "district" && !lexicon.count(kind + ":" + code.value)) {
        code.state = "unknown";
      }
      codes.push_back(std::move(code));
    }
    return codes;
  } catch (const std::exception& e) {
    return StoreError("cannot read manual codes", e);
  }
}

Result<std::vector<CodeAuditEntry>> CodeAudit(Store& store, const std::string& round) {
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  try {
    std::vector<CodeAuditEntry> log;
    SQLite::Statement query(db,
                            "SELECT id, at, who, who_from, record_id, kind, value, action, "
                            "outcome, before, after, reason, origin FROM code_audit "
                            "WHERE round_id = ? ORDER BY id");
    query.bind(1, static_cast<int64_t>(*round_id));
    while (query.executeStep()) {
      CodeAuditEntry entry;
      entry.id = query.getColumn(0).getInt64();
      entry.at = query.getColumn(1).getString();
      entry.who = query.getColumn(2).getString();
      entry.who_from = query.getColumn(3).getString();
      entry.record_id = query.getColumn(4).getString();
      entry.kind = ParseCodeKind(query.getColumn(5).getString()).value_or(TagKind::kTheme);
      entry.value = query.getColumn(6).getString();
      entry.action =
          query.getColumn(7).getString() == "add" ? CodeAction::kAdd : CodeAction::kRemove;
      entry.outcome = query.getColumn(8).getString();
      entry.before = query.getColumn(9).getString();
      entry.after = query.getColumn(10).getString();
      entry.reason = query.getColumn(11).getString();
      entry.origin = query.getColumn(12).getString();
      log.push_back(std::move(entry));
    }
    return log;
  } catch (const std::exception& e) {
    return StoreError("cannot read the coding audit", e);
  }
}

Result<ManualCodeCounts> CountManualCodes(Store& store, const std::string& round) {
  Result<std::vector<ManualCode>> codes = ListManualCodes(store, round);
  if (!codes.ok()) return codes.status();
  ManualCodeCounts counts;
  std::set<std::string> reviewers;
  for (const ManualCode& code : *codes) {
    if (code.state == "orphaned") {
      ++counts.orphaned;
    } else if (code.state == "stale") {
      ++counts.stale;
    } else {
      ++(code.action == CodeAction::kAdd ? counts.added : counts.removed);
      reviewers.insert(code.who);
    }
  }
  counts.reviewers = static_cast<int64_t>(reviewers.size());
  return counts;
}

}  // namespace heard
