// The records the HTML report embeds, as JSON that cannot close its script element.
#include <nlohmann/json.hpp>

#include "report/html_parts.h"

namespace heard::report {

std::string ReportDataJson(const Report& report) {
  using nlohmann::ordered_json;
  ordered_json records = ordered_json::array();
  for (const ReportRecord& r : report.records) {
    records.push_back({{"id", r.id},
                       {"text", r.text},
                       {"channel", r.channel},
                       {"source", r.source},
                       {"locator", r.locator},
                       {"outcomes", r.outcomes},
                       {"themes", r.themes},
                       {"districts", r.districts},
                       {"r", r.respondent},
                       {"red", r.redactions},
                       {"man", r.manual}});
  }
  ordered_json sources = ordered_json::array();
  std::map<std::string, size_t> source_index;
  for (const Ledger& l : report.ledgers) {
    source_index.emplace(l.source, sources.size());
    sources.push_back({{"path", l.source},
                       {"channel", l.channel},
                       {"items_read", l.items_read},
                       {"stored", l.stored},
                       {"non_answers", l.non_answers},
                       {"duplicates", l.duplicates},
                       {"rejected", l.rejected},
                       {"warnings", l.warnings}});
  }
  ordered_json problems = ordered_json::array();
  for (const StoredProblem& p : report.problems) {
    const auto source = source_index.find(p.source);
    problems.push_back(
        {{"source", source == source_index.end() ? -1 : static_cast<int64_t>(source->second)},
         {"severity", p.problem.severity == Problem::Severity::kReject ? "reject" : "warning"},
         {"line", p.problem.line},
         {"column", p.problem.column},
         {"reason", p.problem.reason},
         {"items", p.problem.items}});
  }
  const ordered_json data = {
      {"round", report.summary.overview.round}, {"records", std::move(records)},
      {"sources", std::move(sources)},          {"problems", std::move(problems)},
      {"outcomes", report.outcome_names},       {"themes", report.theme_names}};
  const std::string json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + json.size() / 50);
  for (char c : json) {  // outside strings JSON has none of these, so escaping them is safe
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace heard::report
