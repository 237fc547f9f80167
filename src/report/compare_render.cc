// `heard compare` output: group x theme keyness as text, Markdown, JSON or CSV, with suppression.
#include <nlohmann/json.hpp>
#include <sstream>

#include "heard/compare.h"
#include "report/compare_format.h"
#include "report/markdown_cell.h"

namespace heard {
namespace {

using namespace report;

std::string Scope(const Comparison& c) {
  return fmt::format("round \"{}\", {}, grouped by {}", c.round,
                     c.outcome.empty() ? "all outcomes" : "outcome " + c.outcome, c.by);
}

std::string Method(const Comparison& c) {
  return fmt::format(
      "Each group is compared with the rest of the {} records that have a value for {} ({} "
      "records without one are left out). G2: four-cell log-likelihood, 1 df; log ratio: log2 of "
      "the "
      "group's share over the rest's share (+1 = twice as often). Marks: * p<0.05, ** p<0.01, "
      "*** p<0.001, unadjusted. {} tests were run, so about {} would reach p<0.05 by chance "
      "alone; p(Holm) adjusts for that.",
      c.records, c.by, c.records_ungrouped, c.tests, (c.tests + 10) / 20);
}

std::string Text(const Comparison& c) {
  std::ostringstream out;
  out << "Compare groups: " << Scope(c) << "\n"
      << Method(c) << "\n"
      << SuppressionRule(c.min_count) << "\n";
  for (const GroupKeyness& g : c.groups) {
    if (g.suppressed) {
      out << fmt::format("\n== {} (<{} records: suppressed) ==\n", g.group, c.min_count);
      continue;
    }
    out << fmt::format("\n== {} ({} records) ==\n", g.group, g.records);
    out << fmt::format("  {:>7} {:>6} {:>6} {:>8} {:>7} {:>7} {:>6} {:<9}  {}\n", "records",
                       "share", "rest", "G2", "p", "p(Holm)", "LR", "direction", "theme");
    int hidden = 0;
    for (const ThemeKeyness& t : g.themes) {
      if (t.suppressed) {
        ++hidden;
        continue;
      }
      if (t.rest_suppressed) {
        out << fmt::format("  {:>7} {:>6} {:>6} {:>8} {:>7} {:>7} {:>6} {:<9}  {}\n", t.records,
                           Percent(t.share), fmt::format("<{}", c.min_count), "", "", "", "", "",
                           t.theme_name);
        continue;
      }
      out << fmt::format(
          "  {:>7} {:>6} {:>6} {:>8} {:>7} {:>7} {:>6} {:<9}  {}\n", t.records, Percent(t.share),
          Percent(t.rest_share), G2Text(t.keyness.g2), PValue(t.keyness.p), PValue(t.p_holm),
          LogRatioText(t.keyness.log_ratio),
          std::string(DirectionWord(t.keyness.direction)) + " " + SignificanceMark(t.keyness.p),
          t.theme_name);
    }
    if (hidden > 0) {
      out << fmt::format("  {} more theme{} with under {} records (suppressed)\n", hidden,
                         hidden == 1 ? "" : "s", c.min_count);
    }
  }
  return out.str();
}

std::string Markdown(const Comparison& c) {
  std::ostringstream out;
  out << "# Compare groups\n\n"
      << Scope(c) << ".\n\n"
      << Method(c) << "\n\n"
      << SuppressionRule(c.min_count) << "\n";
  for (const GroupKeyness& g : c.groups) {
    out << "\n## " << MarkdownCell(g.group) << "\n\n";
    if (g.suppressed) {
      out << fmt::format("Fewer than {} records: suppressed.\n", c.min_count);
      continue;
    }
    out << g.records << " records.\n\n"
        << "| theme | records | share | rest | G2 | p | p (Holm) | log ratio | |\n"
        << "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
    int hidden = 0;
    for (const ThemeKeyness& t : g.themes) {
      if (t.suppressed) {
        ++hidden;
        continue;
      }
      if (t.rest_suppressed) {
        out << fmt::format("| {} | {} | {} | <{} | | | | | |\n", MarkdownCell(t.theme_name),
                           t.records, Percent(t.share), c.min_count);
        continue;
      }
      out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} {} |\n",
                         MarkdownCell(t.theme_name), t.records, Percent(t.share),
                         Percent(t.rest_share), G2Text(t.keyness.g2), PValue(t.keyness.p),
                         PValue(t.p_holm), LogRatioText(t.keyness.log_ratio),
                         DirectionWord(t.keyness.direction), SignificanceMark(t.keyness.p));
    }
    if (hidden > 0) {
      out << fmt::format("\n{} more theme{} with under {} records (suppressed).\n", hidden,
                         hidden == 1 ? "" : "s", c.min_count);
    }
  }
  return out.str();
}

std::string Json(const Comparison& c) {
  using nlohmann::ordered_json;
  ordered_json groups = ordered_json::array();
  for (const GroupKeyness& g : c.groups) {
    ordered_json group = {{"group", g.group},
                          {"records", PublishedCount(g.records, g.suppressed, c.min_count)},
                          {"suppressed", g.suppressed}};
    if (!g.suppressed) group["records"] = g.records;
    ordered_json themes = ordered_json::array();
    for (const ThemeKeyness& t : g.themes) {
      ordered_json theme = {{"theme", t.theme_id}, {"name", t.theme_name}};
      if (t.suppressed) {
        theme["records"] = PublishedCount(t.records, true, c.min_count);
        theme["suppressed"] = true;
      } else if (t.rest_suppressed) {
        theme.update({{"records", t.records},
                      {"share", t.share},
                      {"rest_records", PublishedCount(t.rest_records, true, c.min_count)},
                      {"suppressed", false},
                      {"rest_suppressed", true}});
      } else {
        theme.update({{"records", t.records},
                      {"share", t.share},
                      {"rest_records", t.rest_records},
                      {"rest_share", t.rest_share},
                      {"g2", t.keyness.g2},
                      {"p", t.keyness.p},
                      {"p_holm", t.p_holm},
                      {"log_ratio", t.keyness.log_ratio},
                      {"direction", DirectionWord(t.keyness.direction)},
                      {"significance", SignificanceMark(t.keyness.p)},
                      {"suppressed", false},
                      {"rest_suppressed", false}});
      }
      themes.push_back(std::move(theme));
    }
    group["themes"] = std::move(themes);
    groups.push_back(std::move(group));
  }
  const ordered_json doc = {{"round", c.round},
                            {"by", c.by},
                            {"outcome", c.outcome},
                            {"records", c.records},
                            {"records_ungrouped", c.records_ungrouped},
                            {"tests", c.tests},
                            {"min_count", c.min_count},
                            {"statistic", Method(c)},
                            {"suppression", SuppressionRule(c.min_count)},
                            {"groups", std::move(groups)}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string Csv(const Comparison& c) {
  std::string out =
      "group,group_records,theme,theme_name,records,share,rest_records,rest_share,g2,p,p_holm,"
      "log_ratio,direction,significance,suppressed\r\n";
  for (const GroupKeyness& g : c.groups) {
    if (g.suppressed) {
      out += CsvCell(g.group) + "," + PublishedCount(g.records, true, c.min_count) +
             ",,,,,,,,,,,,,1\r\n";
      continue;
    }
    for (const ThemeKeyness& t : g.themes) {
      out += CsvCell(g.group) + "," + std::to_string(g.records) + "," + CsvCell(t.theme_id) + "," +
             CsvCell(t.theme_name) + ",";
      if (t.suppressed) {
        out += PublishedCount(t.records, true, c.min_count) + ",,,,,,,,,,1\r\n";
        continue;
      }
      if (t.rest_suppressed) {  // the rest's count is withheld, and every statistic with it
        out += fmt::format("{},{},{},,,,,,,,0\r\n", t.records, Exact(t.share),
                           PublishedCount(t.rest_records, true, c.min_count));
        continue;
      }
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},0\r\n", t.records, Exact(t.share),
                         t.rest_records, Exact(t.rest_share), Exact(t.keyness.g2),
                         Exact(t.keyness.p), Exact(t.p_holm), Exact(t.keyness.log_ratio),
                         DirectionWord(t.keyness.direction), SignificanceMark(t.keyness.p));
    }
  }
  return out;
}

}  // namespace

std::string RenderComparison(const Comparison& comparison, const std::string& format) {
  if (format == "md") return Markdown(comparison);
  if (format == "json") return Json(comparison);
  if (format == "csv") return Csv(comparison);
  return Text(comparison);
}

}  // namespace heard
