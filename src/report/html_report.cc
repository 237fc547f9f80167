// The HTML report page: one file with inline CSS, SVG, the round's records as JSON, and script.
#include <fmt/format.h>

#include <sstream>

#include "heard/report.h"
#include "report/html_parts.h"
#include "report/report_markup.h"

namespace heard {
namespace {

using report::Html;

// Nothing may be fetched: no network, no files beside the page.
constexpr const char* kContentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

std::string Contents(const Report& report) {
  const Summary& summary = report.summary;
  std::string nav =
      "<nav class=\"toc\" aria-label=\"Contents\"><a href=\"#overview\">The round</a>"
      "<a href=\"#map\">Districts</a><a href=\"#compare\">Compare districts</a>";
  if (report.since_last) nav += "<a href=\"#since\">Since last round</a>";
  for (const OutcomeSummary& outcome : summary.outcomes) {
    nav += fmt::format("<a href=\"#{}\" title=\"{}\">{}</a>", report::OutcomeAnchor(outcome),
                       Html(outcome.name), Html(outcome.id.empty() ? "No outcome" : outcome.id));
  }
  return nav + "<a href=\"#about\">About</a></nav>\n";
}

std::string About(const Summary& summary) {
  std::string html =
      "<section id=\"about\">\n<h2>About this report</h2>\n"
      "<p>heard loaded every source of the round, normalised the text and tagged each survey "
      "answer, note paragraph and workshop bullet by outcome, theme and district, keeping the "
      "evidence for each tag. Outcomes come from the survey question or the workshop heading "
      "where there is one, otherwise from the themes found. Districts come from the document "
      "header, the survey's district column or workshop codes first, then from postcodes, then "
      "from place names.</p>\n"
      "<p>Personal details (e-mail addresses, phone numbers, NHS numbers, full postcodes and "
      "names people gave) were taken out of the text before it was stored, so they are not in "
      "this report. Respondents are numbered within this report only.</p>\n"
      "<p>Every record here can be found again with <code>heard export</code> by its id.</p>\n";
  if (!summary.attribution.empty()) {
    html +=
        "<div class=\"attribution\"><h3>Data attribution</h3>\n"
        "<p>Districts from postcodes use data that carries this attribution:</p>\n";
    std::istringstream lines(summary.attribution);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) html += "<p class=\"attr-line\">" + Html(line) + "</p>\n";
    }
    html += "</div>\n";
  }
  return html + "</section>\n";
}

constexpr const char* kPanel =
    R"html(<aside id="panel" class="panel" hidden aria-labelledby="panel-title">
<div class="panel-head"><div><p class="panel-kicker" id="panel-kicker">Behind the count</p>
<h2 id="panel-title"></h2><p id="panel-stats"></p></div>
<button id="panel-close" type="button" aria-label="Close the list">&#215;</button></div>
<ol id="panel-list" class="panel-list"></ol>
</aside>
<pre id="selftest" hidden></pre>
)html";

}  // namespace

std::string RenderReportHtml(const Report& report, const ReportOptions& options) {
  const RoundOverview& o = report.summary.overview;
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"heard\">\n<title>What we heard: {}</title>\n"
      "<style>\n{}</style>\n</head>\n<body>\n",
      kContentPolicy, Html(o.round), report::kReportCss);
  html += fmt::format(
      "<header class=\"masthead\"><div class=\"inner\"><p class=\"kicker\">What we heard</p>"
      "<h1>{}</h1><p class=\"meta\">{}Every number in this report is a link to the records "
      "behind it.</p></div></header>\n",
      Html(o.round), o.date.empty() ? "" : "Round closed " + Html(o.date) + ". ");
  html += "<main class=\"page\">\n" + Contents(report);
  html += report::OverviewSection(report);
  html += report::DistrictMapSection(report);
  html += report::CompareSection(report, options);
  html += report::SinceLastSection(report);
  for (const OutcomeSummary& outcome : report.summary.outcomes) {
    html += report::OutcomeSection(report, outcome, options);
  }
  html += About(report.summary) + "</main>\n";
  html += kPanel;
  html +=
      "<noscript><p class=\"noscript\">The lists of records behind the counts need "
      "JavaScript; the numbers themselves are complete without it.</p></noscript>\n";
  html += "<script type=\"application/json\" id=\"heard-data\">" + report::ReportDataJson(report) +
          "</script>\n";
  html += std::string("<script>\n") + report::kReportScript + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace heard
