// The themed summary as Markdown, for pasting into the consultation report.
#include <fmt/format.h>

#include <sstream>

#include "report/markdown_cell.h"
#include "report/manual_codes_line.h"
#include "heard/summary.h"

namespace heard {
namespace {

const char* kChannels[] = {"survey", "focus_group", "workshop"};


std::string Districts(const ThemeSummary& theme, size_t most) {
  std::string out;
  for (size_t i = 0; i < theme.districts.size() && i < most; ++i) {
    out += fmt::format("{}{} ({})", i ? ", " : "", theme.districts[i].first,
                       theme.districts[i].second);
  }
  if (theme.districts.size() > most) out += fmt::format(" +{} more", theme.districts.size() - most);
  return out.empty() ? "—" : out;
}

int64_t Get(const std::map<std::string, int64_t>& map, const std::string& key) {
  const auto found = map.find(key);
  return found == map.end() ? 0 : found->second;
}

}  // namespace

std::string RenderSummaryMarkdown(const Summary& summary) {
  std::ostringstream md;
  const RoundOverview& o = summary.overview;
  md << "# What we heard: " << o.round;
  if (!o.date.empty()) md << " (" << o.date << ")";
  md << "\n\n## The round\n\n";
  md << "| channel | sources | records |\n|---|---:|---:|\n";
  for (const char* channel : kChannels) {
    md << fmt::format("| {} | {} | {} |\n", channel, Get(o.sources_by_channel, channel),
                      Get(o.records_by_channel, channel));
  }
  md << fmt::format(
      "\n{} items read: {} stored as records, {} non-answers, {} rejected, {} duplicates; "
      "{} warnings. {} personal details (e-mails, phone numbers, full postcodes, names) were "
      "redacted before storage.\n",
      o.items_read, o.records, o.non_answers, o.rejected, o.duplicates, o.warnings, o.redactions);
  md << ManualCodesLine(o);
  md << "\nCounts are records (one survey answer, note paragraph or workshop bullet each); "
        "a record counts under every outcome and theme it carries. Respondents are distinct "
        "survey respondents.\n";
  if (o.theme_tags > 0) {
    md << fmt::format(
        "\nOf {} theme tags, {} sit in a negated context (\"no problems with transport\") and {} "
        "in a hedged one (\"maybe more buses\"); negated tags are {}.\n",
        o.theme_tags, o.negated_theme_tags, o.hedged_theme_tags,
        o.negated_excluded ? "left out of these counts (--negated exclude)"
                           : "counted (--negated exclude leaves them out)");
  }

  for (const OutcomeSummary& outcome : summary.outcomes) {
    md << "\n## " << (outcome.id.empty() ? "" : outcome.id + " — ") << outcome.name << "\n\n";
    md << fmt::format("{} records; {} with no theme from the codebook.\n", outcome.records,
                      outcome.records_without_theme);
    if (outcome.themes.empty()) continue;
    md << "\n| # | theme | records | respondents | survey | focus groups | workshops | districts |\n"
          "|---:|---|---:|---:|---:|---:|---:|---|\n";
    int rank = 0;
    for (const ThemeSummary& theme : outcome.themes) {
      md << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", ++rank, MarkdownCell(theme.name),
                        theme.records, theme.respondents, Get(theme.by_channel, "survey"),
                        Get(theme.by_channel, "focus_group"), Get(theme.by_channel, "workshop"),
                        MarkdownCell(Districts(theme, 6)));
    }
    md << "\n";
    for (const ThemeSummary& theme : outcome.themes) {
      md << fmt::format("### {} ({} records)\n\n", theme.name, theme.records);
      for (const Quote& quote : theme.quotes) {
        md << fmt::format("> “{}”  \n> — {}, {}, {} (record {})\n\n", MarkdownCell(quote.text),
                          quote.channel, quote.source, quote.locator, quote.record_id);
      }
    }
  }
  if (!summary.attribution.empty()) {
    md << "\n---\n\nDistricts from postcodes use data that carries this attribution:\n\n";
    std::istringstream lines(summary.attribution);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) md << "> " << line << "\n";
    }
  }
  return md.str();
}

}  // namespace heard
