// `heard diff` output: per theme (and district), shares in two rounds, G2 and the verdict.
#include <nlohmann/json.hpp>
#include <sstream>

#include "heard/compare.h"
#include "report/compare_format.h"
#include "report/markdown_cell.h"

namespace heard {
namespace {

using namespace report;

std::string ChannelNote(const RoundDiff& d) {
  if (d.channels.empty()) return "";
  std::string list;
  for (const std::string& c : d.channels) list += (list.empty() ? "" : " and ") + c;
  return " Only " + list + " records are compared.";
}

std::string Method(const RoundDiff& d) {
  return fmt::format(
             "From \"{}\" to \"{}\": each theme's share of the records in each round, compared by "
             "four-cell log-likelihood G2 (1 df) with log ratio = log2(share now / share before). "
             "Verdicts at p<0.05: new (under {} records before), rising, gone (under {} records "
             "now), "
             "falling; steady = no significant change. Themes under {} records in both rounds are "
             "not "
             "listed.",
             d.from, d.to, d.min_count, d.min_count, d.min_count) +
         ChannelNote(d);
}

std::string ScopeTitle(const RoundScopeChange& s) {
  return s.district.empty() ? std::string("Whole round") : s.district;
}

// Share as published: "<5 rec." when the count is suppressed.
std::string Share(double share, bool suppressed, int64_t min_count) {
  return suppressed ? fmt::format("<{} rec", min_count) : Percent(share);
}

std::string Text(const RoundDiff& d) {
  std::ostringstream out;
  out << "Compare rounds\n" << Method(d) << "\n" << SuppressionRule(d.min_count) << "\n";
  for (const RoundScopeChange& s : d.scopes) {
    if (s.suppressed) {
      out << fmt::format("\n== {} (under {} records in a round: suppressed) ==\n", ScopeTitle(s),
                         d.min_count);
      continue;
    }
    out << fmt::format("\n== {} ({} records before, {} now) ==\n", ScopeTitle(s), s.from_total,
                       s.to_total);
    out << fmt::format("  {:<8} {:>8} {:>8} {:>8} {:>7} {:>6} {:<3}  {}\n", "verdict", "before",
                       "now", "G2", "p", "LR", "", "theme");
    for (const ThemeChange& t : s.themes) {
      const bool shown = t.statistic_published;
      out << fmt::format(
          "  {:<8} {:>8} {:>8} {:>8} {:>7} {:>6} {:<3}  {}\n", VerdictName(t.verdict),
          Share(t.from_share, t.from_suppressed, d.min_count),
          Share(t.to_share, t.to_suppressed, d.min_count), shown ? G2Text(t.keyness.g2) : "",
          shown ? PValue(t.keyness.p) : "", shown ? LogRatioText(t.keyness.log_ratio) : "",
          shown ? SignificanceMark(t.keyness.p) : "", t.theme_name);
    }
    if (s.few > 0)
      out << fmt::format("  ({} themes under {} records in both rounds)\n", s.few, d.min_count);
  }
  return out.str();
}

std::string Markdown(const RoundDiff& d) {
  std::ostringstream out;
  out << "# Compare rounds\n\n" << Method(d) << "\n\n" << SuppressionRule(d.min_count) << "\n";
  for (const RoundScopeChange& s : d.scopes) {
    out << "\n## " << MarkdownCell(ScopeTitle(s)) << "\n\n";
    if (s.suppressed) {
      out << fmt::format("Under {} records in a round: suppressed.\n", d.min_count);
      continue;
    }
    out << fmt::format("{} records before, {} now.\n\n", s.from_total, s.to_total)
        << "| verdict | theme | before | now | G2 | p | log ratio |\n"
        << "|---|---|---:|---:|---:|---:|---:|\n";
    for (const ThemeChange& t : s.themes) {
      const bool shown = t.statistic_published;
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} |\n", VerdictName(t.verdict),
          MarkdownCell(t.theme_name), Share(t.from_share, t.from_suppressed, d.min_count),
          Share(t.to_share, t.to_suppressed, d.min_count), shown ? G2Text(t.keyness.g2) : "",
          shown ? PValue(t.keyness.p) : "", shown ? LogRatioText(t.keyness.log_ratio) : "");
    }
  }
  return out.str();
}

nlohmann::ordered_json Count(int64_t n, bool suppressed, int64_t min_count) {
  if (suppressed) return PublishedCount(n, true, min_count);
  return n;
}

std::string Json(const RoundDiff& d) {
  using nlohmann::ordered_json;
  ordered_json scopes = ordered_json::array();
  for (const RoundScopeChange& s : d.scopes) {
    ordered_json scope = {{"district", s.district}, {"suppressed", s.suppressed}};
    if (s.suppressed) {
      scopes.push_back(std::move(scope));
      continue;
    }
    scope["from_records"] = s.from_total;
    scope["to_records"] = s.to_total;
    scope["themes_under_min_in_both"] = s.few;
    ordered_json themes = ordered_json::array();
    for (const ThemeChange& t : s.themes) {
      ordered_json theme = {{"theme", t.theme_id},
                            {"name", t.theme_name},
                            {"verdict", VerdictName(t.verdict)},
                            {"from_records", Count(t.from_records, t.from_suppressed, d.min_count)},
                            {"to_records", Count(t.to_records, t.to_suppressed, d.min_count)}};
      if (!t.from_suppressed) theme["from_share"] = t.from_share;
      if (!t.to_suppressed) theme["to_share"] = t.to_share;
      if (t.statistic_published) {
        theme.update(
            {{"g2", t.keyness.g2}, {"p", t.keyness.p}, {"log_ratio", t.keyness.log_ratio}});
      }
      themes.push_back(std::move(theme));
    }
    scope["themes"] = std::move(themes);
    scopes.push_back(std::move(scope));
  }
  const ordered_json doc = {{"from", d.from},
                            {"to", d.to},
                            {"min_count", d.min_count},
                            {"method", Method(d)},
                            {"suppression", SuppressionRule(d.min_count)},
                            {"scopes", std::move(scopes)}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string Csv(const RoundDiff& d) {
  std::string out =
      "district,from_total,to_total,theme,theme_name,verdict,from_records,from_share,"
      "to_records,to_share,g2,p,log_ratio,suppressed\r\n";
  for (const RoundScopeChange& s : d.scopes) {
    if (s.suppressed) {
      out += CsvCell(s.district) + ",,,,,,,,,,,,,1\r\n";
      continue;
    }
    for (const ThemeChange& t : s.themes) {
      const bool shown = t.statistic_published;
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", CsvCell(s.district), s.from_total,
          s.to_total, CsvCell(t.theme_id), CsvCell(t.theme_name), VerdictName(t.verdict),
          PublishedCount(t.from_records, t.from_suppressed, d.min_count),
          t.from_suppressed ? "" : Exact(t.from_share),
          PublishedCount(t.to_records, t.to_suppressed, d.min_count),
          t.to_suppressed ? "" : Exact(t.to_share), shown ? Exact(t.keyness.g2) : "",
          shown ? Exact(t.keyness.p) : "", shown ? Exact(t.keyness.log_ratio) : "", shown ? 0 : 1);
    }
  }
  return out;
}

}  // namespace

std::string RenderRoundDiff(const RoundDiff& diff, const std::string& format) {
  if (format == "md") return Markdown(diff);
  if (format == "json") return Json(diff);
  if (format == "csv") return Csv(diff);
  return Text(diff);
}

}  // namespace heard
