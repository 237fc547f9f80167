// ManualOverlay: a round's manual codes applied to each record read back (Store::ForEachRecord).
#include "store/manual_overlay.h"

#include <algorithm>

namespace heard {

std::optional<TagKind> ParseCodeKind(const std::string& kind) {
  if (kind == "outcome") return TagKind::kOutcome;
  if (kind == "theme") return TagKind::kTheme;
  if (kind == "district") return TagKind::kDistrict;
  return std::nullopt;
}

Tag ManualTag(TagKind kind, const std::string& value, const std::string& who,
              const std::string& at, const std::string& reason) {
  Tag tag;
  tag.kind = kind;
  tag.value = value;
  tag.origin = Origin::kManual;
  tag.evidence.pattern = "manual";
  tag.evidence.note = "added by " + who + " " + at.substr(0, 10);
  if (!reason.empty()) tag.evidence.note += ": " + reason;
  return tag;
}

ManualOverlay ManualOverlay::Load(SQLite::Database& db, int64_t round_id) {
  ManualOverlay overlay;
  SQLite::Statement query(db,
                          "SELECT record_id, kind, value, action, who, at, reason "
                          "FROM manual_codes WHERE round_id = ? ORDER BY at, kind, value");
  query.bind(1, static_cast<int64_t>(round_id));
  while (query.executeStep()) {
    const std::optional<TagKind> kind = ParseCodeKind(query.getColumn(1).getString());
    if (!kind) continue;
    overlay.by_record_[query.getColumn(0).getString()].push_back(
        {*kind, query.getColumn(2).getString(), query.getColumn(3).getString() == "add",
         query.getColumn(4).getString(), query.getColumn(5).getString(),
         query.getColumn(6).getString()});
  }
  return overlay;
}

void ManualOverlay::Apply(Record& record) const {
  const auto found = by_record_.find(record.id);
  if (found == by_record_.end()) return;
  const std::vector<Code>& codes = found->second;
  auto removed = [&](const Tag& tag) {
    return std::any_of(codes.begin(), codes.end(), [&](const Code& code) {
      return !code.add && code.kind == tag.kind && code.value == tag.value;
    });
  };
  record.tags.erase(std::remove_if(record.tags.begin(), record.tags.end(), removed),
                    record.tags.end());
  for (const Code& code : codes) {
    if (!code.add) continue;
    const bool machine_has = std::any_of(record.tags.begin(), record.tags.end(), [&](const Tag& t) {
      return t.kind == code.kind && t.value == code.value &&
             (t.kind != TagKind::kDistrict || t.confidence >= kCountedDistrictShare);
    });
    if (!machine_has) record.tags.push_back(ManualTag(code.kind, code.value, code.who, code.at,
                                                      code.reason));
  }
}

}  // namespace heard
