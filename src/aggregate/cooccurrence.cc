// Themes raised together: pair counts within records, NPMI and Jaccard, overall and per group.
#include <fmt/format.h>
#include <strings.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "aggregate/record_groups.h"
#include "heard/compare.h"

namespace heard {

void PairTally::Add(const std::vector<std::string>& themes) {
  std::vector<std::string> t = themes;
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  ++records_;
  for (size_t i = 0; i < t.size(); ++i) {
    ++theme_records_[t[i]];
    for (size_t j = i + 1; j < t.size(); ++j) ++pairs_[{t[i], t[j]}];
  }
}

CooccurrenceGroup PairTally::Finish(const std::string& group,
                                    const std::map<std::string, std::string>& theme_names,
                                    const CooccurrenceOptions& options) const {
  auto name = [&](const std::string& id) {
    const auto found = theme_names.find(id);
    return found == theme_names.end() ? id : found->second;
  };
  CooccurrenceGroup out;
  out.group = group;
  out.records = records_;
  out.suppressed = records_ < options.min_count;
  if (out.suppressed) return out;
  const double n = static_cast<double>(records_);
  for (const auto& [key, both] : pairs_) {
    if (both < options.min_count) {
      ++out.pairs_suppressed;
      continue;
    }
    ThemePair pair;
    pair.a = key.first;
    pair.b = key.second;
    pair.a_name = name(pair.a);
    pair.b_name = name(pair.b);
    pair.both = both;
    pair.a_records = theme_records_.at(pair.a);
    pair.b_records = theme_records_.at(pair.b);
    const double pab = static_cast<double>(both) / n;
    const double pa = static_cast<double>(pair.a_records) / n;
    const double pb = static_cast<double>(pair.b_records) / n;
    // p(ab) == 1 means every record carries both: perfectly associated.
    pair.npmi = pab >= 1 ? 1.0 : std::log(pab / (pa * pb)) / -std::log(pab);
    pair.jaccard =
        static_cast<double>(both) / static_cast<double>(pair.a_records + pair.b_records - both);
    out.pairs.push_back(std::move(pair));
  }
  out.pairs_ranked = static_cast<int64_t>(out.pairs.size());
  std::stable_sort(out.pairs.begin(), out.pairs.end(), [&](const ThemePair& x, const ThemePair& y) {
    if (options.sort_by_count && x.both != y.both) return x.both > y.both;
    if (x.npmi != y.npmi) return x.npmi > y.npmi;
    if (x.both != y.both) return x.both > y.both;
    return std::tie(x.a_name, x.b_name) < std::tie(y.a_name, y.b_name);
  });
  if (options.top > 0 && out.pairs.size() > options.top) out.pairs.resize(options.top);
  return out;
}

Result<Cooccurrence> CooccurThemes(Store& store, const std::string& round,
                                   const CooccurrenceOptions& options) {
  Result<std::map<std::string, std::string>> names =
      aggregate::RoundThemeNames(store, round, options.outcome);
  if (!names.ok()) return names.status();
  const std::map<std::string, std::string>& theme_names = *names;
  const bool attribute = !options.by.empty() && options.by != "district" && options.by != "channel";
  std::set<std::string> attribute_names;
  PairTally overall;
  std::map<std::string, PairTally> groups;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    if (attribute) aggregate::NoteAttributes(record, &attribute_names);
    const aggregate::RecordView view = aggregate::ViewOf(record, options.min_district_share);
    if (!aggregate::InScope(view, options.outcome)) return true;
    overall.Add(view.themes);
    if (!options.by.empty()) {
      std::vector<std::string> g = aggregate::GroupsOf(record, view, options.by);
      std::sort(g.begin(), g.end());
      g.erase(std::unique(g.begin(), g.end()), g.end());
      for (const std::string& group : g) groups[group].Add(view.themes);
    }
    return true;
  });
  if (!status.ok()) return status;
  if (attribute) {
    bool known = false;
    for (const std::string& name : attribute_names) {
      known = known || strcasecmp(name.c_str(), options.by.c_str()) == 0;
    }
    if (!known) {
      return Status::InvalidInput(
          fmt::format("no record of round \"{}\" has an attribute \"{}\"", round, options.by));
    }
  }
  Cooccurrence out;
  out.round = round;
  out.by = options.by;
  out.outcome = options.outcome;
  out.min_count = options.min_count;
  out.sort_by_count = options.sort_by_count;
  out.groups.push_back(overall.Finish("", theme_names, options));
  for (const auto& [group, tally] : groups) {
    out.groups.push_back(tally.Finish(group, theme_names, options));
  }
  return out;
}

}  // namespace heard
