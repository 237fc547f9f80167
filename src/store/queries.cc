// Reading a round back: ledgers, problems, records with their tags, the lexicon names kept with it.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "heard/store.h"
#include "store/connection.h"
#include "store/manual_overlay.h"

namespace heard {
namespace {

TagKind ParseTagKind(const std::string& kind) {
  if (kind == "outcome") return TagKind::kOutcome;
  if (kind == "theme") return TagKind::kTheme;
  if (kind == "district") return TagKind::kDistrict;
  if (kind == "partner") return TagKind::kPartner;
  return TagKind::kAttribution;
}

Origin ParseOrigin(const std::string& origin) {
  static const std::pair<const char*, Origin> kOrigins[] = {
      {"survey_column", Origin::kSurveyColumn},   {"workshop_heading", Origin::kWorkshopHeading},
      {"document_header", Origin::kDocumentHeader}, {"attribution_code", Origin::kAttributionCode},
      {"postcode", Origin::kPostcode},             {"place_name", Origin::kPlaceName},
      {"lexicon", Origin::kLexicon},               {"theme", Origin::kTheme},
      {"manual", Origin::kManual}};
  for (const auto& [name, value] : kOrigins) {
    if (origin == name) return value;
  }
  return Origin::kLexicon;
}

}  // namespace

Result<std::string> Store::DefaultRound() {
  try {
    SQLite::Statement query(connection_->db,
                            "SELECT name FROM rounds ORDER BY loaded_at DESC, id DESC LIMIT 1");
    if (query.executeStep()) return query.getColumn(0).getString();
    return Status::NotFound("the database holds no round yet; run `heard run` or `heard ingest`");
  } catch (const std::exception& e) {
    return StoreError("cannot list rounds", e);
  }
}

Result<Round> Store::GetRound(const std::string& name) {
  try {
    Result<int64_t> id = FindRoundId(connection_->db, name);
    if (!id.ok()) return id.status();
    SQLite::Statement query(connection_->db, "SELECT name, date FROM rounds WHERE id = ?");
    query.bind(1, *id);
    query.executeStep();
    return Round{query.getColumn(0).getString(), query.getColumn(1).getString()};
  } catch (const std::exception& e) {
    return StoreError("cannot read the round", e);
  }
}

Result<std::vector<Ledger>> Store::Ledgers(const std::string& round) {
  try {
    std::vector<Ledger> ledgers;
    SQLite::Statement query(
        connection_->db,
        "SELECT s.path, s.channel, s.sha256, s.encoding, coalesce(l.rows_read, 0), "
        "coalesce(l.items_read, 0), coalesce(l.stored, 0), coalesce(l.rejected, 0), "
        "coalesce(l.non_answers, 0), coalesce(l.duplicates, 0), coalesce(l.warnings, 0) "
        "FROM sources s JOIN rounds r ON r.id = s.round_id "
        "LEFT JOIN ledger l ON l.source_id = s.id WHERE r.name = ? ORDER BY s.id");
    query.bind(1, round);
    while (query.executeStep()) {
      Ledger ledger;
      ledger.round = round;
      ledger.source = query.getColumn(0).getString();
      ledger.channel = query.getColumn(1).getString();
      ledger.sha256 = query.getColumn(2).getString();
      ledger.encoding = query.getColumn(3).getString();
      ledger.rows_read = query.getColumn(4).getInt64();
      ledger.items_read = query.getColumn(5).getInt64();
      ledger.stored = query.getColumn(6).getInt64();
      ledger.rejected = query.getColumn(7).getInt64();
      ledger.non_answers = query.getColumn(8).getInt64();
      ledger.duplicates = query.getColumn(9).getInt64();
      ledger.warnings = query.getColumn(10).getInt64();
      ledgers.push_back(std::move(ledger));
    }
    return ledgers;
  } catch (const std::exception& e) {
    return StoreError("cannot read the ledger", e);
  }
}

Result<std::vector<StoredProblem>> Store::Problems(const std::string& round) {
  try {
    std::vector<StoredProblem> problems;
    SQLite::Statement query(connection_->db,
                            "SELECT s.path, p.severity, p.line, p.col, p.reason, p.items "
                            "FROM problems p JOIN sources s ON s.id = p.source_id "
                            "JOIN rounds r ON r.id = s.round_id WHERE r.name = ? "
                            "ORDER BY s.id, p.line, p.id");
    query.bind(1, round);
    while (query.executeStep()) {
      StoredProblem stored;
      stored.source = query.getColumn(0).getString();
      stored.problem.file = stored.source;
      stored.problem.severity = query.getColumn(1).getString() == "reject"
                                    ? Problem::Severity::kReject
                                    : Problem::Severity::kWarning;
      stored.problem.line = query.getColumn(2).getInt64();
      stored.problem.column = query.getColumn(3).getString();
      stored.problem.reason = query.getColumn(4).getString();
      stored.problem.items = query.getColumn(5).getInt64();
      problems.push_back(std::move(stored));
    }
    return problems;
  } catch (const std::exception& e) {
    return StoreError("cannot read problems", e);
  }
}

Result<int64_t> Store::CountRecords(const std::string& round) {
  try {
    SQLite::Statement query(connection_->db,
                            "SELECT count(*) FROM records r JOIN rounds o ON o.id = r.round_id "
                            "WHERE o.name = ?");
    query.bind(1, round);
    query.executeStep();
    return query.getColumn(0).getInt64();
  } catch (const std::exception& e) {
    return StoreError("cannot count records", e);
  }
}

Status Store::ForEachRecord(const std::string& round,
                            const std::function<bool(const Record&)>& visit) {
  try {
    Result<int64_t> round_id = FindRoundId(connection_->db, round);
    if (!round_id.ok()) return round_id.status();
    // Two cursors in step, both in seq order: memory holds one record at a time.
    SQLite::Statement records(
        connection_->db,
        "SELECT r.seq, r.id, r.channel, s.path, r.row, r.col, r.line_start, r.line_end, "
        "r.respondent, r.question, r.text, r.attributes, r.flags, r.redactions "
        "FROM records r JOIN sources s ON s.id = r.source_id WHERE r.round_id = ? ORDER BY r.seq");
    records.bind(1, *round_id);
    SQLite::Statement tags(
        connection_->db,
        "SELECT t.record_seq, t.kind, t.value, t.origin, t.pattern, t.matched, t.start, t.end, "
        "t.confidence, t.note, t.qualifier FROM tags t JOIN records r ON r.seq = t.record_seq "
        "WHERE r.round_id = ? ORDER BY t.record_seq, t.rowid");
    tags.bind(1, *round_id);
    // Manual codes (heard/coding.h): few, so read once and applied per record.
    const ManualOverlay manual = ManualOverlay::Load(connection_->db, *round_id);
    bool tag_ready = tags.executeStep();
    Record record;
    while (records.executeStep()) {
      const int64_t seq = records.getColumn(0).getInt64();
      record = Record();
      record.id = records.getColumn(1).getString();
      record.round = round;
      record.channel = ParseChannel(records.getColumn(2).getString()).value_or(Channel::kSurvey);
      record.source = records.getColumn(3).getString();
      record.locator.row = records.getColumn(4).getInt64();
      record.locator.column = records.getColumn(5).getString();
      record.locator.line_start = records.getColumn(6).getInt64();
      record.locator.line_end = records.getColumn(7).getInt64();
      record.respondent = records.getColumn(8).getString();
      record.question = records.getColumn(9).getString();
      record.text = records.getColumn(10).getString();
      const auto attributes = nlohmann::ordered_json::parse(records.getColumn(11).getString(),
                                                            nullptr, false);
      if (attributes.is_object()) {
        for (const auto& [name, value] : attributes.items()) {
          record.attributes.push_back({name, value.is_string() ? value.get<std::string>() : ""});
        }
      }
      record.flags = static_cast<uint32_t>(records.getColumn(12).getInt64());
      record.redactions = records.getColumn(13).getInt();
      while (tag_ready && tags.getColumn(0).getInt64() < seq) tag_ready = tags.executeStep();
      while (tag_ready && tags.getColumn(0).getInt64() == seq) {
        Tag tag;
        tag.kind = ParseTagKind(tags.getColumn(1).getString());
        tag.value = tags.getColumn(2).getString();
        tag.origin = ParseOrigin(tags.getColumn(3).getString());
        tag.evidence.pattern = tags.getColumn(4).getString();
        tag.evidence.matched = tags.getColumn(5).getString();
        tag.evidence.start = tags.getColumn(6).getInt();
        tag.evidence.end = tags.getColumn(7).getInt();
        tag.confidence = tags.getColumn(8).getDouble();
        tag.evidence.note = tags.getColumn(9).getString();
        tag.qualifier = ParseQualifier(tags.getColumn(10).getString()).value_or(Qualifier::kNone);
        record.tags.push_back(std::move(tag));
        tag_ready = tags.executeStep();
      }
      manual.Apply(record);
      if (!visit(record)) break;
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot read records", e);
  }
}

Result<std::vector<Store::LexiconEntry>> Store::LexiconEntries(const std::string& round) {
  try {
    std::vector<LexiconEntry> entries;
    SQLite::Statement query(connection_->db,
                            "SELECT e.kind, e.id, e.name, e.short_name, e.parent, e.outcomes "
                            "FROM lexicon_entries e JOIN rounds r ON r.id = e.round_id "
                            "WHERE r.name = ? ORDER BY e.ord");
    query.bind(1, round);
    while (query.executeStep()) {
      LexiconEntry entry;
      entry.kind = query.getColumn(0).getString();
      entry.id = query.getColumn(1).getString();
      entry.name = query.getColumn(2).getString();
      entry.short_name = query.getColumn(3).getString();
      entry.parent = query.getColumn(4).getString();
      const std::string outcomes = query.getColumn(5).getString();
      size_t begin = 0;
      while (begin < outcomes.size()) {
        size_t end = outcomes.find(' ', begin);
        if (end == std::string::npos) end = outcomes.size();
        if (end > begin) entry.outcomes.push_back(outcomes.substr(begin, end - begin));
        begin = end + 1;
      }
      entries.push_back(std::move(entry));
    }
    return entries;
  } catch (const std::exception& e) {
    return StoreError("cannot read the lexicon names", e);
  }
}

Result<std::string> Store::Attribution(const std::string& round) {
  try {
    SQLite::Statement query(connection_->db,
                            "SELECT u.attribution FROM runs u JOIN rounds r ON r.id = u.round_id "
                            "WHERE r.name = ? ORDER BY u.id DESC LIMIT 1");
    query.bind(1, round);
    if (query.executeStep()) return query.getColumn(0).getString();
    return std::string();
  } catch (const std::exception& e) {
    return StoreError("cannot read the attribution", e);
  }
}

}  // namespace heard
