// The parts the HTML report page is assembled from: sections, embedded records, CSS, script.
#ifndef HEARD_SRC_REPORT_HTML_PARTS_H_
#define HEARD_SRC_REPORT_HTML_PARTS_H_

#include <string>

#include "heard/report.h"

namespace heard::report {

// The report's records, sources (ledgers), problems and names as JSON for a
// <script type="application/json">: every "<", ">" and "&" is written as a
// \u escape, so no text can close the script element. Keys:
//   records: [{id, text, channel, source (index into sources), locator, outcomes,
//              themes, districts, r (respondent number, 0: none), red (redactions)}]
//   sources: [{path, channel, items_read, stored, non_answers, duplicates, rejected, warnings}]
//   problems: [{source, severity, line, column, reason, items}]
//   outcomes, themes: {id: name}
std::string ReportDataJson(const Report& report);

// <section id="overview">: the round's numbers, per channel and per outcome.
std::string OverviewSection(const Report& report);

// <section id="map">: the district × theme heat map.
std::string DistrictMapSection(const Report& report);

// <section id="compare">: each district's themes against the rest (p < alpha, with
// suppression) and the most-associated pairs of themes; counts link to their records.
std::string CompareSection(const Report& report, const ReportOptions& options);

// <section id="since">: themes new, rising, gone or falling since the earlier round;
// "" when the store holds no earlier round.
std::string SinceLastSection(const Report& report);

// The same three as Markdown (## headings), for report.md.
std::string CompareMarkdown(const Report& report, const ReportOptions& options);

// <section class="outcome">: one outcome's chart, ranked themes and quotes.
std::string OutcomeSection(const Report& report, const OutcomeSummary& outcome,
                           const ReportOptions& options);

// The anchor of an outcome's section: "o-O1", "o-none" for the no-outcome group.
std::string OutcomeAnchor(const OutcomeSummary& outcome);

extern const char* const kReportCss;     // inline <style>
extern const char* const kReportScript;  // inline <script>: the records panel and #selftest

}  // namespace heard::report

#endif  // HEARD_SRC_REPORT_HTML_PARTS_H_
