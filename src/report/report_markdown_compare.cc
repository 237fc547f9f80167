// The Markdown report's comparison sections: districts against the rest, pairs, since last round.
#include <fmt/format.h>

#include <sstream>

#include "report/compare_format.h"
#include "report/html_parts.h"
#include "report/markdown_cell.h"

namespace heard::report {
namespace {

std::string Districts(const Report& report, const ReportOptions& options) {
  const Comparison& c = report.district_keyness;
  std::ostringstream md;
  md << "\n## Compare districts\n\n"
     << fmt::format(
            "For each district, the themes it raised unusually often (more) or rarely (less) "
            "compared with the records of every other district, at p<{}. G2: log-likelihood over "
            "records (four-cell, 1 df); log ratio: log2 of the district's share over the rest's "
            "(+1: twice as often). {} tests were run, so about {} would reach p<0.05 by chance "
            "alone; `heard compare` gives Holm-adjusted p-values. {}\n",
            options.alpha, c.tests, (c.tests + 10) / 20, SuppressionRule(c.min_count));
  if (c.groups.empty()) {
    md << "\nNo record of this round carries a district.\n";
    return md.str();
  }
  for (const GroupKeyness& g : c.groups) {
    md << "\n### " << MarkdownCell(g.group) << "\n\n";
    if (g.suppressed) {
      md << fmt::format("Fewer than {} records: not compared.\n", c.min_count);
      continue;
    }
    std::string rows;
    for (const ThemeKeyness& t : g.themes) {
      if (!t.tested() || t.keyness.p >= options.alpha) continue;
      rows += fmt::format("| {} | {} | {} | {} | {} | {} | {}{} | {} |\n",
                          DirectionWord(t.keyness.direction), MarkdownCell(t.theme_name), t.records,
                          Percent(t.share), Percent(t.rest_share), G2Text(t.keyness.g2),
                          PValue(t.keyness.p), SignificanceMark(t.keyness.p),
                          LogRatioText(t.keyness.log_ratio));
    }
    md << g.records << " records.";
    if (rows.empty()) {
      md << fmt::format(" No theme stands out at p<{}.\n", options.alpha);
      continue;
    }
    md << "\n\n| | theme | records | share | rest | G2 | p | log ratio |\n"
       << "|---|---|---:|---:|---:|---:|---:|---:|\n"
       << rows;
  }
  return md.str();
}

std::string Pairs(const Report& report, const ReportOptions& options) {
  if (report.theme_pairs.groups.empty()) return "";
  const CooccurrenceGroup& all = report.theme_pairs.groups.front();
  std::ostringstream md;
  md << "\n## Themes raised together\n\n"
     << fmt::format(
            "Pairs of themes raised in the same record, highest NPMI first (0: as often as "
            "chance predicts, +1: only ever together). {} pairs reach {} records; {} pairs under "
            "{} are not shown.\n",
            all.pairs_ranked, options.min_count, all.pairs_suppressed, options.min_count);
  if (all.pairs.empty()) return md.str();
  md << "\n| theme | theme | both | NPMI | Jaccard |\n|---|---|---:|---:|---:|\n";
  for (const ThemePair& p : all.pairs) {
    md << fmt::format("| {} ({}) | {} ({}) | {} | {:+.2f} | {:.2f} |\n", MarkdownCell(p.a_name),
                      p.a_records, MarkdownCell(p.b_name), p.b_records, p.both, p.npmi, p.jaccard);
  }
  return md.str();
}

std::string SinceLast(const Report& report) {
  if (!report.since_last || report.since_last->scopes.empty()) return "";
  const RoundDiff& d = *report.since_last;
  const RoundScopeChange& s = d.scopes.front();
  std::ostringstream md;
  md << "\n## Since the last round\n\n"
     << fmt::format(
            "Against \"{}\" ({} records; this round {}), by G2 at p<0.05. New: under {} "
            "records before; gone: under {} now. `heard diff` lists every theme.\n",
            d.from, s.from_total, s.to_total, d.min_count, d.min_count);
  if (!d.channels.empty()) {
    std::string list;
    for (const std::string& c : d.channels) list += (list.empty() ? "" : " and ") + c;
    md << "The two rounds used different channels, so only " << list
       << " records are compared (like with like).\n";
  }
  if (s.suppressed) return md.str() + "\nToo few records to compare.\n";
  std::string rows;
  for (const ThemeChange& t : s.themes) {
    if (t.verdict == Verdict::kSteady || t.verdict == Verdict::kFew) continue;
    const bool shown = t.statistic_published;
    rows += fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} |\n", VerdictName(t.verdict),
        MarkdownCell(t.theme_name),
        t.from_suppressed ? fmt::format("<{} rec.", d.min_count) : Percent(t.from_share),
        t.to_suppressed ? fmt::format("<{} rec.", d.min_count) : Percent(t.to_share),
        shown ? G2Text(t.keyness.g2) : "", shown ? PValue(t.keyness.p) : "",
        shown ? LogRatioText(t.keyness.log_ratio) : "");
  }
  if (rows.empty()) return md.str() + "\nNo theme changed significantly.\n";
  md << "\n| verdict | theme | before | now | G2 | p | log ratio |\n"
     << "|---|---|---:|---:|---:|---:|---:|\n"
     << rows;
  return md.str();
}

}  // namespace

std::string CompareMarkdown(const Report& report, const ReportOptions& options) {
  return Districts(report, options) + Pairs(report, options) + SinceLast(report);
}

}  // namespace heard::report
