// The report as Markdown for pasting: the summary plus the district × theme table.
#include <fmt/format.h>

#include <sstream>

#include "report/html_parts.h"
#include "report/markdown_cell.h"
#include "heard/report.h"

namespace heard {
namespace {


std::string DistrictThemeTable(const Report& report) {
  const DistrictThemeMap& map = report.district_themes;
  std::ostringstream md;
  md << "\n## Districts and themes\n\n";
  if (map.theme_ids.empty() || map.districts.empty()) {
    md << "No record of this round carries both a theme and a district.\n";
    return md.str();
  }
  md << "Records per district for the most-raised themes, whatever the outcome. A record counts "
        "in every cell of a theme and a district it carries; `—` is none.\n\n| theme |";
  for (const std::string& district : map.districts) md << " " << MarkdownCell(district) << " |";
  md << "\n|---|";
  for (size_t i = 0; i < map.districts.size(); ++i) md << "---:|";
  md << "\n";
  for (size_t r = 0; r < map.theme_ids.size(); ++r) {
    const auto name = report.theme_names.find(map.theme_ids[r]);
    md << "| " << MarkdownCell(name == report.theme_names.end() ? map.theme_ids[r] : name->second) << " |";
    for (int64_t n : map.records[r])
      md << " " << (n == 0 ? std::string("—") : std::to_string(n)) << " |";
    md << "\n";
  }
  return md.str();
}

}  // namespace

std::string RenderReportMarkdown(const Report& report, const ReportOptions& options) {
  Summary summary = report.summary;
  summary.attribution.clear();  // it goes last, after the district table
  std::string md = RenderSummaryMarkdown(summary);
  md += DistrictThemeTable(report);
  md += report::CompareMarkdown(report, options);
  md +=
      "\nThe HTML version of this report (report.html) links every count to the records "
      "behind it; each quote above names its record, which `heard export` lists by id.\n";
  if (!report.summary.attribution.empty()) {
    md += "\n---\n\nDistricts from postcodes use data that carries this attribution:\n\n";
    std::istringstream lines(report.summary.attribution);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) md += "> " + line + "\n";
    }
  }
  return md;
}

}  // namespace heard
