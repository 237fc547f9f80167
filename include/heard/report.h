// The consultation report: a self-contained HTML page whose every count links to its records.
#ifndef HEARD_REPORT_H_
#define HEARD_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <optional>

#include "heard/compare.h"
#include "heard/status.h"
#include "heard/store.h"
#include "heard/summary.h"

namespace heard {

// One record as the report shows it: only what the exports show. The text
// was redacted before it was stored.
struct ReportRecord {
  std::string id;
  std::string text;
  std::string channel;                // ChannelName
  size_t source = 0;                  // index into Report::ledgers
  std::string locator;                // Locator::ToString()
  std::vector<std::string> outcomes;  // empty: counted under "No outcome identified"
  std::vector<std::string> themes;
  std::vector<std::string> districts;  // those Summarise counts (share >= min_district_share)
  int64_t respondent = 0;              // 1-based respondent number within the report; 0: none
  int32_t redactions = 0;              // personal details taken out of the text
  std::vector<std::string> manual;     // codes an analyst added by hand: "theme:gp-access"
};

// Records per district × theme over the round's most-raised themes, whatever
// the outcome: a record counts once in every cell of a theme and a district it carries.
struct DistrictThemeMap {
  std::vector<std::string> theme_ids;         // rows: most records first, then by name
  std::vector<std::string> districts;         // columns: by name
  std::vector<std::vector<int64_t>> records;  // [theme row][district column]
};

// Everything the report shows, read from the store once.
struct Report {
  Summary summary;                                   // heard::Summarise: the numbers of every table
  std::vector<Ledger> ledgers;                       // one per source, load order
  std::vector<StoredProblem> problems;               // rejects and warnings
  std::vector<ReportRecord> records;                 // every record of the round, load order
  std::map<std::string, std::string> outcome_names;  // id -> name
  std::map<std::string, std::string> theme_names;    // id -> name
  int64_t respondents = 0;                           // distinct survey respondents in the round
  DistrictThemeMap district_themes;
  // Each district against the rest (CompareGroups' rules, with ReportOptions::min_count),
  // the most-associated pairs of themes over the round, and, when the store holds an
  // earlier round (EarlierRound), what changed since it.
  Comparison district_keyness;
  Cooccurrence theme_pairs;
  std::optional<RoundDiff> since_last;
};

struct ReportOptions {
  SummaryOptions summary;    // the rules every count follows (as `heard summary`)
  size_t map_themes = 20;    // rows of the district × theme heat map
  size_t chart_themes = 15;  // bars in each outcome's chart
  size_t table_themes = 12;  // theme rows shown before "all themes" is opened
  size_t quoted_themes = 5;  // themes per outcome whose quotes are shown
  int64_t min_count = kDefaultMinCount;  // disclosure control of the comparison tables
  double alpha = 0.05;       // "Compare districts" lists themes with p below this
  size_t pair_rows = 15;     // rows of the co-occurrence table
};

// Reads the round: its summary, ledgers, problems and every record. Memory
// grows with the round's records (the page embeds them all), which suits
// rounds of tens of thousands of records. NotFound if the round does not exist.
Result<Report> BuildReport(Store& store, const std::string& round,
                           const ReportOptions& options = {});

// One HTML page with inline CSS, JS and SVG and no reference to anything
// outside it. It embeds every record once as JSON; every count is a link that
// lists the records it counts. Opening it with the URL hash "#selftest" makes
// it follow every count link, check the records listed against the count and
// the charts' sizes, and write "PASS ..." or "FAIL ..." into <pre id="selftest">;
// "#example" opens the records of the first theme (for a screenshot).
std::string RenderReportHtml(const Report& report, const ReportOptions& options = {});

// The same content as Markdown: the summary (RenderSummaryMarkdown) plus the
// district × theme table, the district comparison, the co-occurrence table
// and the changes since the last round, the attribution last.
std::string RenderReportMarkdown(const Report& report, const ReportOptions& options = {});

// Writes `dir`/report.html and `dir`/report.md, creating `dir`. Io on failure.
Status WriteReport(const Report& report, const std::string& dir, const ReportOptions& options = {});

}  // namespace heard

#endif  // HEARD_REPORT_H_
