// The themed summary as JSON, for other tools.
#include <nlohmann/json.hpp>

#include "heard/summary.h"

namespace heard {

std::string RenderSummaryJson(const Summary& summary) {
  using nlohmann::ordered_json;
  const RoundOverview& o = summary.overview;
  ordered_json root;
  root["round"] = o.round;
  root["date"] = o.date;
  root["overview"] = {{"sources", o.sources},
                      {"sources_by_channel", o.sources_by_channel},
                      {"records_by_channel", o.records_by_channel},
                      {"items_read", o.items_read},
                      {"records", o.records},
                      {"non_answers", o.non_answers},
                      {"rejected", o.rejected},
                      {"duplicates", o.duplicates},
                      {"warnings", o.warnings},
                      {"redactions", o.redactions},
                      {"manual_codes", {{"added", o.manual_added},
                                        {"removed", o.manual_removed},
                                        {"reviewers", o.manual_reviewers},
                                        {"orphaned", o.manual_orphaned}}},
                      {"theme_tags", o.theme_tags},
                      {"negated_theme_tags", o.negated_theme_tags},
                      {"hedged_theme_tags", o.hedged_theme_tags},
                      {"negated_excluded", o.negated_excluded}};
  ordered_json outcomes = ordered_json::array();
  for (const OutcomeSummary& outcome : summary.outcomes) {
    ordered_json themes = ordered_json::array();
    for (const ThemeSummary& theme : outcome.themes) {
      ordered_json districts = ordered_json::array();
      for (const auto& [name, count] : theme.districts) districts.push_back({{"district", name}, {"records", count}});
      ordered_json partners = ordered_json::array();
      for (const auto& [name, count] : theme.partners) partners.push_back({{"partner", name}, {"records", count}});
      ordered_json quotes = ordered_json::array();
      for (const Quote& q : theme.quotes) {
        quotes.push_back({{"record", q.record_id}, {"text", q.text}, {"channel", q.channel},
                          {"source", q.source}, {"locator", q.locator}});
      }
      themes.push_back({{"id", theme.id},
                        {"name", theme.name},
                        {"records", theme.records},
                        {"respondents", theme.respondents},
                        {"by_channel", theme.by_channel},
                        {"districts", districts},
                        {"partners", partners},
                        {"quotes", quotes}});
    }
    outcomes.push_back({{"id", outcome.id.empty() ? ordered_json(nullptr) : ordered_json(outcome.id)},
                        {"name", outcome.name},
                        {"records", outcome.records},
                        {"records_without_theme", outcome.records_without_theme},
                        {"themes", themes}});
  }
  root["outcomes"] = outcomes;
  root["attribution"] = summary.attribution;
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace heard
