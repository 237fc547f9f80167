// Comparing rounds: per theme (and per district), shares in each round, G2, and a verdict.
#include <algorithm>
#include <set>
#include <tuple>

#include "aggregate/record_groups.h"
#include "heard/compare.h"
#include "store/connection.h"

namespace heard {
namespace {

// Records per scope ("" = whole round, else a district) and per scope x theme.
struct RoundCounts {
  std::map<std::string, int64_t> totals;
  std::map<std::string, std::map<std::string, int64_t>> themes;
};

Status CountRound(Store& store, const std::string& round, const DiffOptions& options,
                  RoundCounts* counts, std::map<std::string, std::string>* names) {
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  for (const Store::LexiconEntry& entry : *entries) {
    if (entry.kind == "theme") names->emplace(entry.id, entry.name);  // the later round's first
  }
  counts->totals[""] = 0;
  return store.ForEachRecord(round, [&](const Record& record) {
    if (!options.channels.empty() &&
        std::find(options.channels.begin(), options.channels.end(), ChannelName(record.channel)) ==
            options.channels.end()) {
      return true;
    }
    const aggregate::RecordView view = aggregate::ViewOf(record, options.min_district_share);
    std::vector<std::string> scopes{""};
    if (options.by_district)
      scopes.insert(scopes.end(), view.districts.begin(), view.districts.end());
    for (const std::string& scope : scopes) {
      ++counts->totals[scope];
      for (const std::string& theme : view.themes) ++counts->themes[scope][theme];
    }
    return true;
  });
}

int64_t Get(const std::map<std::string, int64_t>& map, const std::string& key) {
  const auto found = map.find(key);
  return found == map.end() ? 0 : found->second;
}

int Rank(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNew:
      return 0;
    case Verdict::kRising:
      return 1;
    case Verdict::kGone:
      return 2;
    case Verdict::kFalling:
      return 3;
    case Verdict::kSteady:
      return 4;
    case Verdict::kFew:
      return 5;
  }
  return 5;
}

}  // namespace

Result<std::string> EarlierRound(Store& store, const std::string& round) {
  struct Row {
    int64_t id;
    std::string name, date;
  };
  std::vector<Row> rows;
  try {
    SQLite::Statement query(store.connection().db, "SELECT id, name, date FROM rounds");
    while (query.executeStep()) {
      rows.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      query.getColumn(2).getString()});
    }
  } catch (const std::exception& e) {
    return StoreError("cannot list rounds", e);
  }
  const auto self =
      std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.name == round; });
  if (self == rows.end()) return Status::NotFound("no round \"" + round + "\"");
  const Row* best = nullptr;
  for (const Row& r : rows) {
    if (r.id == self->id) continue;
    const bool dated = !r.date.empty() && !self->date.empty();
    const bool before = dated ? r.date < self->date : r.id < self->id;
    if (!before) continue;
    if (best == nullptr || std::tie(r.date, r.id) > std::tie(best->date, best->id)) best = &r;
  }
  if (best == nullptr) return Status::NotFound("no round before \"" + round + "\"");
  return best->name;
}

Result<RoundDiff> DiffRounds(Store& store, const std::string& from, const std::string& to,
                             const DiffOptions& options) {
  for (const std::string& round : {from, to}) {
    Result<Round> found = store.GetRound(round);
    if (!found.ok()) return found.status();
  }
  RoundCounts before, after;
  std::map<std::string, std::string> names;
  Status status = CountRound(store, to, options, &after, &names);
  if (status.ok()) status = CountRound(store, from, options, &before, &names);
  if (!status.ok()) return status;

  RoundDiff diff;
  diff.from = from;
  diff.to = to;
  diff.channels = options.channels;
  diff.min_count = options.min_count;
  std::set<std::string> scopes;
  for (const auto& [scope, n] : before.totals) scopes.insert(scope);
  for (const auto& [scope, n] : after.totals) scopes.insert(scope);
  for (const std::string& scope : scopes) {  // "" sorts first: the whole round
    RoundScopeChange change;
    change.district = scope;
    change.from_total = Get(before.totals, scope);
    change.to_total = Get(after.totals, scope);
    change.suppressed =
        change.from_total < options.min_count || change.to_total < options.min_count;
    if (!change.suppressed) {
      std::set<std::string> themes;
      for (const auto& [theme, n] : before.themes[scope]) themes.insert(theme);
      for (const auto& [theme, n] : after.themes[scope]) themes.insert(theme);
      for (const std::string& theme : themes) {
        ThemeChange t;
        t.theme_id = theme;
        const auto name = names.find(theme);
        t.theme_name = name == names.end() ? theme : name->second;
        t.from_records = Get(before.themes[scope], theme);
        t.to_records = Get(after.themes[scope], theme);
        t.from_suppressed = t.from_records < options.min_count;
        t.to_suppressed = t.to_records < options.min_count;
        t.keyness =
            ComputeKeyness(t.to_records, change.to_total, t.from_records, change.from_total);
        if (t.from_suppressed && t.to_suppressed) {
          t.verdict = Verdict::kFew;
          ++change.few;
          continue;
        }
        t.from_share = static_cast<double>(t.from_records) / static_cast<double>(change.from_total);
        t.to_share = static_cast<double>(t.to_records) / static_cast<double>(change.to_total);
        t.statistic_published = !t.from_suppressed && !t.to_suppressed;
        if (t.keyness.p >= options.alpha || t.keyness.direction == 0) {
          t.verdict = Verdict::kSteady;
        } else if (t.keyness.direction > 0) {
          t.verdict = t.from_suppressed ? Verdict::kNew : Verdict::kRising;
        } else {
          t.verdict = t.to_suppressed ? Verdict::kGone : Verdict::kFalling;
        }
        change.themes.push_back(std::move(t));
      }
      std::stable_sort(change.themes.begin(), change.themes.end(),
                       [](const ThemeChange& x, const ThemeChange& y) {
                         if (Rank(x.verdict) != Rank(y.verdict)) {
                           return Rank(x.verdict) < Rank(y.verdict);
                         }
                         if (x.keyness.p != y.keyness.p) return x.keyness.p < y.keyness.p;
                         return x.theme_name < y.theme_name;
                       });
    }
    diff.scopes.push_back(std::move(change));
  }
  return diff;
}

}  // namespace heard
