// The report's comparison sections: districts against the rest, pairs of themes, since last round.
#include <fmt/format.h>

#include "report/compare_format.h"
#include "report/html_parts.h"
#include "report/report_markup.h"

namespace heard::report {
namespace {

CountFilter Records() {
  CountFilter filter;
  filter.kind = "records";
  return filter;
}

// " Only survey records are compared: ..." when the rounds used different channels.
std::string ChannelNote(const RoundDiff& d) {
  if (d.channels.empty()) return "";
  std::string list;
  for (const std::string& c : d.channels) {
    list += (list.empty() ? "" : " and ") + std::string(ChannelLabel(c));
  }
  return " The two rounds used different channels, so only " + list +
         " records are compared (like with like).";
}

std::string KeynessRow(const std::string& district, const ThemeKeyness& t) {
  CountFilter cell = Records();
  cell.district = district;
  cell.theme = t.theme_id;
  const bool more = t.keyness.direction > 0;
  return fmt::format(
      "<tr class=\"{}\"><th scope=\"row\"><span class=\"dir\" aria-label=\"{}\">{}</span> {}</th>"
      "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td></tr>\n",
      more ? "more" : "less", more ? "more often" : "less often", more ? "▲" : "▼",
      Html(t.theme_name), CountLink(cell, t.records), Percent(t.share), Percent(t.rest_share),
      G2Text(t.keyness.g2), PValue(t.keyness.p), SignificanceMark(t.keyness.p),
      LogRatioText(t.keyness.log_ratio));
}

std::string DistrictCard(const GroupKeyness& g, const ReportOptions& options) {
  if (g.suppressed) {
    return fmt::format(
        "<div class=\"kcard\"><h3>{}</h3><p class=\"note\">Fewer than {} records: not compared "
        "(disclosure control).</p></div>\n",
        Html(g.group), options.min_count);
  }
  CountFilter all = Records();
  all.district = g.group;
  std::string rows;
  for (const ThemeKeyness& t : g.themes) {
    if (t.tested() && t.keyness.p < options.alpha) rows += KeynessRow(g.group, t);
  }
  std::string html = fmt::format(
      "<div class=\"kcard\"><h3>{} <span class=\"sub\">{} records</span>"
      "</h3>\n",
      Html(g.group), CountLink(all, g.records));
  if (rows.empty()) {
    return html + fmt::format("<p class=\"note\">No theme stands out at p&lt;{}.</p></div>\n",
                              options.alpha);
  }
  return html +
         "<table class=\"compact keyness\"><thead><tr><th>Theme</th><th>Records</th>"
         "<th>Share</th><th>Rest</th><th>G2</th><th>p</th><th>Log ratio</th></tr></thead>"
         "<tbody>\n" +
         rows + "</tbody></table></div>\n";
}

std::string PairTable(const Report& report, const ReportOptions& options) {
  if (report.theme_pairs.groups.empty()) return "";
  const CooccurrenceGroup& all = report.theme_pairs.groups.front();
  std::string html = fmt::format(
      "<h3>Themes raised together</h3>\n<p class=\"lede\">The pairs of themes most often raised "
      "in the same record, beyond what chance predicts from how common each is (NPMI: 0 as often "
      "as chance, +1 only ever together; Jaccard: records with both / records with either). "
      "{} pairs reach {} records; {} pairs under {} are not shown.</p>\n",
      all.pairs_ranked, options.min_count, all.pairs_suppressed, options.min_count);
  if (all.pairs.empty()) return html;
  html +=
      "<table class=\"compact pairs\"><thead><tr><th>Theme</th><th>Records</th><th>Theme</th>"
      "<th>Records</th><th>Both</th><th>NPMI</th><th>Jaccard</th></tr></thead><tbody>\n";
  for (const ThemePair& p : all.pairs) {
    CountFilter a = Records(), b = Records(), both = Records();
    a.theme = p.a;
    b.theme = p.b;
    both.theme = p.a;
    both.also_theme = p.b;
    html += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td>"
        "<td>{:+.2f}</td><td>{:.2f}</td></tr>\n",
        Html(p.a_name), CountLink(a, p.a_records), Html(p.b_name), CountLink(b, p.b_records),
        CountLink(both, p.both), p.npmi, p.jaccard);
  }
  return html + "</tbody></table>\n";
}

}  // namespace

std::string CompareSection(const Report& report, const ReportOptions& options) {
  const Comparison& c = report.district_keyness;
  std::string html = fmt::format(
      "<section id=\"compare\">\n<h2>Compare districts</h2>\n<p class=\"lede\">For each "
      "district, the themes it raised unusually often (▲) or rarely (▼) compared with the "
      "records of every other district, at p&lt;{}. G2 is the log-likelihood statistic over "
      "records (four-cell form, 1 df); the log ratio is log<sub>2</sub> of the district's share "
      "over the rest's share (+1: twice as often). Marks: * p&lt;0.05, ** p&lt;0.01, *** "
      "p&lt;0.001. {} tests were run, so about {} would reach p&lt;0.05 by chance alone; "
      "<code>heard compare</code> gives Holm-adjusted p-values. {}</p>\n",
      options.alpha, c.tests, (c.tests + 10) / 20, Html(SuppressionRule(c.min_count)));
  if (c.groups.empty()) {
    html += "<p>No record of this round carries a district.</p>\n";
  } else {
    html += "<div class=\"kgrid\">\n";
    for (const GroupKeyness& g : c.groups) html += DistrictCard(g, options);
    html += "</div>\n";
  }
  return html + PairTable(report, options) + "</section>\n";
}

std::string SinceLastSection(const Report& report) {
  if (!report.since_last) return "";
  const RoundDiff& d = *report.since_last;
  if (d.scopes.empty()) return "";
  const RoundScopeChange& s = d.scopes.front();
  std::string html = fmt::format(
      "<section id=\"since\">\n<h2>Since the last round</h2>\n<p class=\"lede\">Against "
      "<strong>{}</strong> ({} records; this round {}): each theme's share of the records in "
      "each round, compared by G2 at p&lt;0.05. New: under {} records before; gone: under {} "
      "now. <code>heard diff</code> gives every theme, per district too. These counts are of "
      "two rounds, so they are not links.{}</p>\n",
      Html(d.from), s.from_total, s.to_total, d.min_count, d.min_count, Html(ChannelNote(d)));
  if (s.suppressed) return html + "<p class=\"note\">Too few records to compare.</p>\n</section>\n";
  std::string rows;
  for (const ThemeChange& t : s.themes) {
    if (t.verdict == Verdict::kSteady || t.verdict == Verdict::kFew) continue;
    const bool shown = t.statistic_published;
    rows += fmt::format(
        "<tr class=\"v-{0}\"><td class=\"verdict\">{0}</td><th scope=\"row\">{1}</th><td>{2}</td>"
        "<td>{3}</td><td>{4}</td><td>{5}</td><td>{6}</td></tr>\n",
        VerdictName(t.verdict), Html(t.theme_name),
        t.from_suppressed ? fmt::format("&lt;{} rec.", d.min_count) : Percent(t.from_share),
        t.to_suppressed ? fmt::format("&lt;{} rec.", d.min_count) : Percent(t.to_share),
        shown ? G2Text(t.keyness.g2) : "", shown ? PValue(t.keyness.p) : "",
        shown ? LogRatioText(t.keyness.log_ratio) : "");
  }
  if (rows.empty()) return html + "<p>No theme changed significantly.</p>\n</section>\n";
  return html +
         "<table class=\"compact changes\"><thead><tr><th>Verdict</th><th>Theme</th>"
         "<th>Before</th><th>Now</th><th>G2</th><th>p</th><th>Log "
         "ratio</th></tr></thead><tbody>\n" +
         rows + "</tbody></table>\n</section>\n";
}

}  // namespace heard::report
