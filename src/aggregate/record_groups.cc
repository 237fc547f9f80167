// What a record contributes to a comparison: its outcomes, themes, counted districts and groups.
#include "aggregate/record_groups.h"

#include <strings.h>

#include <fmt/format.h>

#include <algorithm>

namespace heard::aggregate {
namespace {

void AddOnce(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

RecordView ViewOf(const Record& record, double min_district_share) {
  RecordView view;
  for (const Tag& tag : record.tags) {
    switch (tag.kind) {
      case TagKind::kOutcome:
        AddOnce(view.outcomes, tag.value);
        break;
      case TagKind::kTheme:
        AddOnce(view.themes, tag.value);
        break;
      case TagKind::kDistrict:
        if (tag.confidence >= min_district_share) AddOnce(view.districts, tag.value);
        break;
      case TagKind::kPartner:
      case TagKind::kAttribution:
        break;
    }
  }
  return view;
}

bool InScope(const RecordView& view, const std::string& outcome) {
  return outcome.empty() ||
         std::find(view.outcomes.begin(), view.outcomes.end(), outcome) != view.outcomes.end();
}

std::vector<std::string> GroupsOf(const Record& record, const RecordView& view,
                                  const std::string& by) {
  if (by == "district") return view.districts;
  if (by == "channel") return {std::string(ChannelName(record.channel))};
  for (const Attribute& attribute : record.attributes) {
    if (attribute.name == by) {
      if (attribute.value.empty()) return {};
      return {attribute.value};
    }
  }
  for (const Attribute& attribute : record.attributes) {
    if (strcasecmp(attribute.name.c_str(), by.c_str()) == 0) {
      if (attribute.value.empty()) return {};
      return {attribute.value};
    }
  }
  return {};
}

void NoteAttributes(const Record& record, std::set<std::string>* names) {
  for (const Attribute& attribute : record.attributes) names->insert(attribute.name);
}

Result<std::map<std::string, std::string>> RoundThemeNames(Store& store, const std::string& round,
                                                           const std::string& outcome) {
  Result<Round> found = store.GetRound(round);
  if (!found.ok()) return found.status();
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  std::map<std::string, std::string> theme_names;
  bool outcome_known = outcome.empty();
  for (const Store::LexiconEntry& entry : *entries) {
    if (entry.kind == "theme") theme_names[entry.id] = entry.name;
    if (entry.kind == "outcome" && entry.id == outcome) outcome_known = true;
  }
  if (!outcome_known) {
    return Status::InvalidInput(fmt::format("round \"{}\" has no outcome \"{}\"", round, outcome));
  }
  return theme_names;
}

}  // namespace heard::aggregate
