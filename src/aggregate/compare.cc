// Comparing groups within a round: group x theme tables, keyness, suppression, Holm's adjustment.
#include "heard/compare.h"

#include <fmt/format.h>
#include <strings.h>

#include <algorithm>
#include <set>

#include "aggregate/record_groups.h"

namespace heard {
namespace {

std::string NameOf(const std::map<std::string, std::string>& names, const std::string& id) {
  const auto found = names.find(id);
  return found == names.end() ? id : found->second;
}

std::vector<std::string> Unique(const std::vector<std::string>& values) {
  std::vector<std::string> out = values;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void GroupTally::Add(const std::vector<std::string>& groups,
                     const std::vector<std::string>& themes) {
  const std::vector<std::string> g = Unique(groups), t = Unique(themes);
  if (g.empty()) {
    ++ungrouped_;
    return;
  }
  ++records_;
  for (const std::string& theme : t) ++theme_records_[theme];
  for (const std::string& group : g) {
    ++group_records_[group];
    for (const std::string& theme : t) ++cells_[{group, theme}];
  }
}

Comparison GroupTally::Finish(const std::map<std::string, std::string>& theme_names,
                              int64_t min_count) const {
  Comparison out;
  out.min_count = min_count;
  out.records = records_;
  out.records_ungrouped = ungrouped_;
  std::vector<double> p_values;
  std::vector<ThemeKeyness*> tested;
  for (const auto& [group, n1] : group_records_) {
    GroupKeyness g;
    g.group = group;
    g.records = n1;
    g.suppressed = n1 < min_count;
    if (!g.suppressed) {
      const int64_t n2 = records_ - n1;
      for (const auto& [theme, total] : theme_records_) {
        const auto cell = cells_.find({group, theme});
        ThemeKeyness t;
        t.theme_id = theme;
        t.theme_name = NameOf(theme_names, theme);
        t.records = cell == cells_.end() ? 0 : cell->second;
        t.rest_records = total - t.records;
        t.suppressed = t.records < min_count;
        t.rest_suppressed = !t.suppressed && t.rest_records < min_count;
        if (!t.suppressed) t.share = static_cast<double>(t.records) / static_cast<double>(n1);
        if (t.tested()) {
          t.rest_share = static_cast<double>(t.rest_records) / static_cast<double>(n2);
          t.keyness = ComputeKeyness(t.records, n1, t.rest_records, n2);
        }
        g.themes.push_back(std::move(t));
      }
      std::stable_sort(g.themes.begin(), g.themes.end(),
                       [](const ThemeKeyness& x, const ThemeKeyness& y) {
                         if (x.suppressed != y.suppressed) return !x.suppressed;
                         if (x.rest_suppressed != y.rest_suppressed) return !x.rest_suppressed;
                         if (!x.tested()) return x.theme_name < y.theme_name;
                         if (x.keyness.p != y.keyness.p) return x.keyness.p < y.keyness.p;
                         if (x.keyness.g2 != y.keyness.g2) return x.keyness.g2 > y.keyness.g2;
                         if (x.records != y.records) return x.records > y.records;
                         return x.theme_name < y.theme_name;
                       });
    }
    out.groups.push_back(std::move(g));
  }
  for (GroupKeyness& g : out.groups) {
    for (ThemeKeyness& t : g.themes) {
      if (!t.tested()) continue;
      p_values.push_back(t.keyness.p);
      tested.push_back(&t);
    }
  }
  const std::vector<double> holm = HolmAdjust(p_values);
  for (size_t i = 0; i < tested.size(); ++i) tested[i]->p_holm = holm[i];
  out.tests = static_cast<int64_t>(tested.size());
  return out;
}

Result<Comparison> CompareGroups(Store& store, const std::string& round,
                                 const CompareOptions& options) {
  Result<std::map<std::string, std::string>> names =
      aggregate::RoundThemeNames(store, round, options.outcome);
  if (!names.ok()) return names.status();
  const std::map<std::string, std::string>& theme_names = *names;
  const bool attribute = options.by != "district" && options.by != "channel";
  std::set<std::string> attribute_names;
  GroupTally tally;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    if (attribute) aggregate::NoteAttributes(record, &attribute_names);
    const aggregate::RecordView view = aggregate::ViewOf(record, options.min_district_share);
    if (!aggregate::InScope(view, options.outcome)) return true;
    tally.Add(aggregate::GroupsOf(record, view, options.by), view.themes);
    return true;
  });
  if (!status.ok()) return status;
  if (attribute) {
    bool known = false;
    for (const std::string& name : attribute_names) {
      known = known || strcasecmp(name.c_str(), options.by.c_str()) == 0;
    }
    if (!known) {
      std::string list;
      for (const std::string& name : attribute_names) list += (list.empty() ? "" : ", ") + name;
      return Status::InvalidInput(fmt::format(
          "no record of round \"{}\" has an attribute \"{}\"; group by district, channel{}{}",
          round, options.by, list.empty() ? "" : " or one of: ", list));
    }
  }
  Comparison comparison = tally.Finish(theme_names, options.min_count);
  comparison.round = round;
  comparison.by = options.by;
  comparison.outcome = options.outcome;
  return comparison;
}

}  // namespace heard
