// Search, trace and verify results as JSON, for other tools and for checking a report.
#include <nlohmann/json.hpp>

#include "heard/query.h"

namespace heard {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

ordered_json RecordJson(const RecordRef& r) {
  return {{"id", r.id},
          {"channel", r.channel},
          {"source", r.source},
          {"locator", r.locator},
          {"respondent", r.respondent},
          {"districts", r.districts},
          {"outcomes", r.outcomes},
          {"themes", r.themes},
          {"text", r.text}};
}

ordered_json SupportJson(const RecordSupport& s) {
  ordered_json json = RecordJson(s.record);
  json["score"] = s.score;
  json["theme_agreement"] = s.theme_agreement;
  json["coverage"] = s.coverage;
  json["relevance"] = s.relevance;
  json["matched_weight"] = s.matched_weight;
  ordered_json themes = ordered_json::array();
  for (const auto& t : s.themes) {
    themes.push_back({{"theme", t.theme}, {"pattern", t.pattern}, {"matched", t.matched}});
  }
  json["evidence"] = {{"themes", themes}, {"words", s.words}};
  return json;
}

ordered_json StatementJson(const StatementAnalysis& a) {
  ordered_json themes = ordered_json::array();
  for (const StatementTheme& t : a.themes) {
    themes.push_back({{"id", t.id},
                      {"name", t.name},
                      {"pattern", t.pattern},
                      {"matched", t.matched},
                      {"records", t.records},
                      {"weight", t.weight}});
  }
  ordered_json words = ordered_json::array();
  for (const StatementWord& w : a.words) {
    words.push_back({{"word", w.word},
                     {"fts_query", w.fts_query},
                     {"records", w.records},
                     {"weight", w.weight},
                     {"themes", w.themes}});
  }
  return {{"text", a.text},
          {"themes", themes},
          {"words", words},
          {"districts_named", a.districts},
          {"unknown_abbreviations", a.unknown_abbreviations},
          {"content_weight", a.content_weight},
          {"rare_weight", a.rare_weight}};
}

ordered_json Pairs(const std::vector<std::pair<std::string, int64_t>>& pairs, const char* key) {
  ordered_json out = ordered_json::array();
  for (const auto& [name, records] : pairs) out.push_back({{key, name}, {"records", records}});
  return out;
}

ordered_json Votes(const std::vector<std::pair<std::string, double>>& votes) {
  ordered_json out = ordered_json::array();
  for (const auto& [outcome, share] : votes)
    out.push_back({{"outcome", outcome}, {"votes", share}});
  return out;
}

ordered_json TotalsJson(const SupportTotals& t) {
  std::vector<std::string> districts;
  for (const auto& [name, records] : t.districts) districts.push_back(name);
  return {{"records", t.records},
          {"respondents", t.respondents},
          {"sources", t.sources},
          {"districts", Pairs(t.districts, "district")},
          {"channels", t.channels},
          {"outcomes", Pairs(t.outcomes, "outcome")},
          {"outcome_votes", Votes(t.outcome_votes)}};
}

}  // namespace

std::string RenderSearchJson(const SearchResult& result) {
  ordered_json hits = ordered_json::array();
  for (const SearchHit& hit : result.hits) {
    ordered_json json = RecordJson(hit.record);
    json["relevance"] = hit.relevance;
    json["snippet"] = hit.snippet;
    hits.push_back(std::move(json));
  }
  return Dump({{"round", result.round},
               {"query", result.query},
               {"fts_query", result.fts_query},
               {"total", result.total},
               {"shown", result.hits.size()},
               {"results", hits}});
}

std::string RenderTraceJson(const Trace& trace) {
  ordered_json records = ordered_json::array();
  for (const RecordSupport& s : trace.records) records.push_back(SupportJson(s));
  ordered_json near = ordered_json::array();
  for (const RecordSupport& s : trace.near_misses) near.push_back(SupportJson(s));
  return Dump({{"round", trace.round},
               {"statement", StatementJson(trace.statement)},
               {"status", SupportName(trace.status)},
               {"reason", trace.reason},
               {"theme_agreement", trace.theme_agreement},
               {"totals", TotalsJson(trace.totals)},
               {"records", records},
               {"near_misses", near}});
}

std::string RenderVerifyJson(const Verification& verification) {
  ordered_json out = ordered_json::array();
  for (const StatementCheck& check : verification.statements) {
    const Trace& trace = check.trace;
    std::vector<std::string> districts;
    for (const auto& [name, records] : trace.totals.districts) districts.push_back(name);
    std::vector<std::string> channels;
    for (const auto& [name, records] : trace.totals.channels) channels.push_back(name);
    ordered_json sources = ordered_json::array();
    for (const RecordSupport& s : trace.records) {
      sources.push_back({{"id", s.record.id},
                         {"text", s.record.text},
                         {"source", s.record.source},
                         {"locator", s.record.locator},
                         {"channel", s.record.channel},
                         {"score", s.score}});
    }
    const RecordSupport* best = !trace.records.empty()       ? &trace.records.front()
                                : !trace.near_misses.empty() ? &trace.near_misses.front()
                                                             : nullptr;
    out.push_back({{"statement", check.statement.text},
                   {"line", check.statement.line},
                   {"heading", check.statement.heading},
                   {"status", SupportName(trace.status)},
                   {"reason", trace.reason},
                   {"records", trace.totals.records},
                   {"respondents", trace.totals.respondents},
                   {"districts", districts},
                   {"channels", channels},
                   {"sources", sources},
                   {"outcome_filed", check.statement.outcome_filed.empty()
                                         ? ordered_json(nullptr)
                                         : ordered_json(check.statement.outcome_filed)},
                   {"outcome_evidence", check.outcome_evidence.empty()
                                            ? ordered_json(nullptr)
                                            : ordered_json(check.outcome_evidence)},
                   {"misfiled", check.misfiled},
                   {"outcome_votes", Votes(trace.totals.outcome_votes)},
                   {"themes", StatementJson(trace.statement)["themes"]},
                   {"scores",
                    {{"best", best ? best->score : 0.0},
                     {"best_coverage", best ? best->coverage : 0.0},
                     {"best_matched_weight", best ? best->matched_weight : 0.0},
                     {"content_weight", trace.statement.content_weight},
                     {"theme_agreement", trace.theme_agreement}}}});
  }
  return Dump(out);
}

}  // namespace heard
