// The HTML report's sections: the round at a glance, districts × themes, one per outcome.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "report/html_parts.h"
#include "report/report_markup.h"
#include "report/svg_charts.h"

namespace heard::report {
namespace {

int64_t Get(const std::map<std::string, int64_t>& map, const std::string& key) {
  const auto found = map.find(key);
  return found == map.end() ? 0 : found->second;
}

CountFilter Filter(const std::string& kind) {
  CountFilter filter;
  filter.kind = kind;
  return filter;
}

std::string Stat(const std::string& link, const std::string& label, const std::string& hint) {
  return fmt::format(
      "<div class=\"stat\"><div class=\"stat-n\">{}</div><div class=\"stat-l\">{}</div>"
      "<div class=\"stat-h\">{}</div></div>\n",
      link, label, hint);
}

std::string OutcomeTitle(const OutcomeSummary& outcome) {
  if (outcome.id.empty()) return Html(outcome.name);
  return fmt::format("<span class=\"oid\">{}</span> {}", Html(outcome.id), Html(outcome.name));
}

// The theme's filter within its outcome (outcome "" is the no-outcome group).
CountFilter ThemeFilter(const OutcomeSummary& outcome, const ThemeSummary& theme,
                        const std::string& kind = "records") {
  CountFilter filter = Filter(kind);
  filter.outcome = outcome.id;
  filter.theme = theme.id;
  return filter;
}

std::string ThemeRows(const OutcomeSummary& outcome, size_t begin, size_t end) {
  std::string rows;
  for (size_t i = begin; i < end && i < outcome.themes.size(); ++i) {
    const ThemeSummary& theme = outcome.themes[i];
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>", Html(theme.name),
                        CountLink(ThemeFilter(outcome, theme), theme.records),
                        CountLink(ThemeFilter(outcome, theme, "respondents"), theme.respondents));
    for (const char* channel : kChannelOrder) {
      CountFilter filter = ThemeFilter(outcome, theme);
      filter.channel = channel;
      const int64_t n = Get(theme.by_channel, channel);
      rows += fmt::format("<td{}>{}</td>", n == 0 ? " class=\"zero\"" : "", CountLink(filter, n));
    }
    rows += fmt::format("<td>{}</td><td class=\"places\">",
                        CountLink(ThemeFilter(outcome, theme, "districts"),
                                  static_cast<int64_t>(theme.districts.size())));
    for (size_t d = 0; d < theme.districts.size() && d < 3; ++d) {
      CountFilter filter = ThemeFilter(outcome, theme);
      filter.district = theme.districts[d].first;
      rows +=
          fmt::format("{}<span class=\"place\">{} {}</span>", d ? " " : "",
                      Html(theme.districts[d].first), CountLink(filter, theme.districts[d].second));
    }
    rows += "</td></tr>\n";
  }
  return rows;
}

std::string ThemeTable(const OutcomeSummary& outcome, size_t begin, size_t end) {
  return "<table class=\"themes\"><colgroup><col class=\"c-theme\"><col span=\"5\" class=\"c-n\">"
         "<col class=\"c-n\"><col class=\"c-places\"></colgroup>\n<thead><tr><th>Theme</th>"
         "<th>Records</th><th>Respondents</th><th>Survey</th><th>Focus groups</th>"
         "<th>Workshops</th><th>Districts</th><th>Raised most in</th></tr></thead>\n<tbody>" +
         ThemeRows(outcome, begin, end) + "</tbody></table>\n";
}

std::string QuoteBlock(const Report& report, const Quote& quote,
                       const std::unordered_map<std::string, size_t>& by_id) {
  std::string where = fmt::format("{}", ChannelLabel(quote.channel));
  const auto found = by_id.find(quote.record_id);
  if (found != by_id.end()) {
    const ReportRecord& record = report.records[found->second];
    for (const std::string& district : record.districts) where += " · " + Html(district);
  }
  return fmt::format(
      "<figure class=\"quote\"><blockquote>{}</blockquote><figcaption>{} · <span class=\"src\">"
      "{}</span>, {} · <a class=\"rec-link\" href=\"#panel\" data-id=\"{}\">record {}</a>"
      "</figcaption></figure>\n",
      Html(quote.text), where, Html(quote.source), Html(quote.locator), Html(quote.record_id),
      Html(quote.record_id));
}

}  // namespace

std::string OutcomeAnchor(const OutcomeSummary& outcome) {
  return outcome.id.empty() ? "o-none" : "o-" + outcome.id;
}

std::string OverviewSection(const Report& report) {
  const RoundOverview& o = report.summary.overview;
  std::string html =
      "<section id=\"overview\">\n<h2>The round at a glance</h2>\n<div class=\"stats primary\">\n";
  html += Stat(CountLink(Filter("records"), static_cast<int64_t>(report.records.size())), "records",
               "answers, paragraphs and bullets stored");
  html += Stat(CountLink(Filter("respondents"), report.respondents), "respondents",
               "distinct survey respondents");
  html += Stat(CountLink(Filter("sources"), o.sources), "sources", "files read");
  html += "</div>\n<div class=\"stats ledger\">\n";
  html += Stat(CountLink(Filter("items_read"), o.items_read), "items read",
               "records + non-answers + rejected + duplicates");
  html += Stat(CountLink(Filter("non_answers"), o.non_answers), "non-answers",
               "“n/a”, “none”, blanks: not stored");
  html += Stat(CountLink(Filter("duplicates"), o.duplicates), "duplicates",
               "repeat submissions: not stored");
  html += Stat(CountLink(Filter("rejected"), o.rejected), "rejected",
               "unreadable items, with file and line");
  html +=
      Stat(CountLink(Filter("warnings"), o.warnings), "warnings", "stored, but something was odd");
  html += Stat(CountLink(Filter("redactions"), o.redactions), "redactions",
               "e-mails, phones, postcodes, names removed");
  html += "</div>\n";
  if (o.manual_added > 0 || o.manual_removed > 0 || o.manual_orphaned > 0) {
    html += fmt::format(
        "<p class=\"manual-codes\">Manual codes: {} added, {} removed, by {} reviewer{}; every "
        "count includes them.{}</p>\n",
        o.manual_added, o.manual_removed, o.manual_reviewers, o.manual_reviewers == 1 ? "" : "s",
        o.manual_orphaned > 0 ? fmt::format(" {} more are on records no longer in the round and "
                                            "are not counted.", o.manual_orphaned)
                              : "");
  }

  html +=
      "<div class=\"two-col\"><div>\n<h3>By channel</h3>\n<table class=\"compact\"><thead><tr>"
      "<th>Channel</th><th>Sources</th><th>Records</th><th>Respondents</th></tr></thead><tbody>\n";
  for (const char* channel : kChannelOrder) {
    CountFilter sources = Filter("sources"), records = Filter("records"),
                respondents = Filter("respondents");
    sources.channel = records.channel = respondents.channel = channel;
    std::set<int64_t> people;
    for (const ReportRecord& r : report.records) {
      if (r.channel == channel && r.respondent != 0) people.insert(r.respondent);
    }
    html += fmt::format(
        "<tr><th scope=\"row\"><span class=\"swatch seg-{}\"></span>{}</th><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        channel, ChannelLabel(channel), CountLink(sources, Get(o.sources_by_channel, channel)),
        CountLink(records, Get(o.records_by_channel, channel)),
        CountLink(respondents, static_cast<int64_t>(people.size())));
  }
  html +=
      "</tbody></table>\n</div><div>\n<h3>By outcome</h3>\n<table class=\"compact\"><thead><tr>"
      "<th>Outcome</th><th>Records</th><th>No theme</th></tr></thead><tbody>\n";
  for (const OutcomeSummary& outcome : report.summary.outcomes) {
    CountFilter records = Filter("records"), no_theme = Filter("records");
    records.outcome = no_theme.outcome = outcome.id;
    no_theme.theme = "";
    html += fmt::format(
        "<tr><th scope=\"row\"><a href=\"#{}\">{}</a></th><td>{}</td><td>{}</td></tr>\n",
        OutcomeAnchor(outcome), OutcomeTitle(outcome), CountLink(records, outcome.records),
        CountLink(no_theme, outcome.records_without_theme));
  }
  html += "</tbody></table>\n</div></div>\n";
  html +=
      "<p class=\"note\">A record is one survey answer, note paragraph or workshop bullet. "
      "It counts under every outcome and theme it carries, so the rows of a table add up to "
      "more than its records. A district counts when it comes from structure or, for a "
      "postcode split between districts, from a share of a half up. <strong>Every number is a "
      "link:</strong> follow it to read the records behind it.</p>\n</section>\n";
  return html;
}

std::string DistrictMapSection(const Report& report) {
  std::string html =
      "<section id=\"map\">\n<h2>Districts and themes</h2>\n"
      "<p class=\"lede\">Records per district for the most-raised themes, whatever "
      "the outcome. Darker cells hold more records; follow a number to read them. "
      "Compare along a row to see where a theme was raised most.</p>\n";
  if (report.district_themes.theme_ids.empty() || report.district_themes.districts.empty()) {
    return html +
           "<p>No record of this round carries both a theme and a district.</p>\n</section>\n";
  }
  html += "<figure class=\"chart-wrap wide\">" +
          HeatMap(report.district_themes, report.theme_names) + "</figure>\n</section>\n";
  return html;
}

std::string OutcomeSection(const Report& report, const OutcomeSummary& outcome,
                           const ReportOptions& options) {
  CountFilter records = Filter("records"), no_theme = Filter("records");
  records.outcome = no_theme.outcome = outcome.id;
  no_theme.theme = "";
  std::string html = fmt::format(
      "<section class=\"outcome\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"lede\">{} records; {} of "
      "them carry no theme from the codebook.</p>\n",
      OutcomeAnchor(outcome), OutcomeTitle(outcome), CountLink(records, outcome.records),
      CountLink(no_theme, outcome.records_without_theme));
  if (outcome.themes.empty()) return html + "</section>\n";

  std::vector<Bar> bars;
  for (size_t i = 0; i < outcome.themes.size() && i < options.chart_themes; ++i) {
    const ThemeSummary& theme = outcome.themes[i];
    bars.push_back({theme.name, ThemeFilter(outcome, theme), theme.records, theme.by_channel});
  }
  html +=
      "<figure class=\"chart-wrap\">" +
      BarChart("Most-raised themes: " + (outcome.id.empty() ? outcome.name : outcome.id), bars) +
      "<figcaption><span class=\"swatch seg-survey\"></span>survey "
      "<span class=\"swatch seg-focus_group\"></span>focus groups "
      "<span class=\"swatch seg-workshop\"></span>workshops · records per theme, most-raised "
      "first</figcaption></figure>\n";
  html += "<h3>Themes, ranked by records</h3>\n";
  html += ThemeTable(outcome, 0, options.table_themes);
  if (outcome.themes.size() > options.table_themes) {
    html += "<details class=\"more\"><summary>The other themes under this outcome</summary>\n" +
            ThemeTable(outcome, options.table_themes, outcome.themes.size()) + "</details>\n";
  }

  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < report.records.size(); ++i) by_id.emplace(report.records[i].id, i);
  html += "<h3>In their words</h3>\n<div class=\"quotes\">\n";
  for (size_t i = 0; i < outcome.themes.size() && i < options.quoted_themes; ++i) {
    const ThemeSummary& theme = outcome.themes[i];
    html += fmt::format(
        "<div class=\"theme-quotes\"><h4>{} <span class=\"sub\">{} records</span>"
        "</h4>\n",
        Html(theme.name), CountLink(ThemeFilter(outcome, theme), theme.records));
    for (const Quote& quote : theme.quotes) html += QuoteBlock(report, quote, by_id);
    html += "</div>\n";
  }
  return html + "</div>\n</section>\n";
}

}  // namespace heard::report
