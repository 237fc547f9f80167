// The round's manual codes held in memory and applied to records as the store reads them back.
#ifndef HEARD_SRC_STORE_MANUAL_OVERLAY_H_
#define HEARD_SRC_STORE_MANUAL_OVERLAY_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "heard/record.h"

namespace heard {

// "outcome", "theme", "district" -> the kind; anything else (manual codes
// name no other kind) -> nullopt.
std::optional<TagKind> ParseCodeKind(const std::string& kind);

// A district counts from this share up when deciding whether a record
// already carries it (as SummaryOptions::min_district_share by default).
inline constexpr double kCountedDistrictShare = 0.5;

// The tag a manual add stands for: Origin::kManual, no span, and an evidence
// note such as "added by alice 2026-11-24: not about buses".
Tag ManualTag(TagKind kind, const std::string& value, const std::string& who,
              const std::string& at, const std::string& reason);

// One round's manual codes, read once (they are few: one per analyst's
// change), so reading every record costs one hash lookup each.
// Immutable after Load; safe to share between threads for Apply.
class ManualOverlay {
 public:
  // Reads the round's manual codes. Throws SQLite::Exception.
  static ManualOverlay Load(SQLite::Database& db, int64_t round_id);

  // Drops `record`'s machine tags a manual code removes and appends a tag for
  // each manual add the machine did not find already (a district from
  // kCountedDistrictShare up), after the machine tags.
  void Apply(Record& record) const;

  bool empty() const { return by_record_.empty(); }

 private:
  struct Code {
    TagKind kind;
    std::string value;
    bool add;
    std::string who, at, reason;
  };
  std::unordered_map<std::string, std::vector<Code>> by_record_;  // record id -> codes
};

}  // namespace heard

#endif  // HEARD_SRC_STORE_MANUAL_OVERLAY_H_
