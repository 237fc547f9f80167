// Negated theme tags in summaries and exports: counted by default, left out with --negated exclude.
#include <catch2/catch.hpp>

#include <sstream>

#include "heard/export.h"
#include "heard/summary.h"
#include "store_fixture.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;

Tag Qualified(const std::string& theme, Qualifier qualifier) {
  Tag tag = MakeTag(TagKind::kTheme, theme);
  tag.qualifier = qualifier;
  return tag;
}

int64_t ThemeRecords(const Summary& summary, const std::string& theme) {
  int64_t records = 0;
  for (const OutcomeSummary& outcome : summary.outcomes) {
    for (const ThemeSummary& t : outcome.themes) {
      if (t.id == theme) records += t.records;
    }
  }
  return records;
}

std::unique_ptr<Store> ThreeRecords(const std::string& path) {
  std::vector<Record> records;
  records.push_back(MakeRecord(Channel::kSurvey, 1, "R1", "The bus is late.",
                               {MakeTag(TagKind::kOutcome, "O5"), Qualified("transport", Qualifier::kNone)}));
  records.push_back(MakeRecord(Channel::kSurvey, 2, "R2", "No problems with the buses.",
                               {MakeTag(TagKind::kOutcome, "O5"), Qualified("transport", Qualifier::kNegated)}));
  records.push_back(MakeRecord(Channel::kSurvey, 3, "R3", "Maybe more buses.",
                               {MakeTag(TagKind::kOutcome, "O5"), Qualified("transport", Qualifier::kHedged)}));
  return testing::StoreWithRecords(path, records);
}

TEST_CASE("summary counts negated tags by default and says how many there were") {
  testing::TempDir dir;
  auto store = ThreeRecords(dir / "s.db");
  Result<Summary> summary = Summarise(*store, "R");
  REQUIRE(summary.ok());
  CHECK(ThemeRecords(*summary, "transport") == 3);
  CHECK(summary->overview.theme_tags == 3);
  CHECK(summary->overview.negated_theme_tags == 1);
  CHECK(summary->overview.hedged_theme_tags == 1);
  const std::string md = RenderSummaryMarkdown(*summary);
  CHECK(md.find("Of 3 theme tags, 1 sit in a negated context") != std::string::npos);
  CHECK(md.find("negated tags are counted") != std::string::npos);
}

TEST_CASE("summary with count_negated false leaves negated tags out, hedged ones in") {
  testing::TempDir dir;
  auto store = ThreeRecords(dir / "s.db");
  SummaryOptions options;
  options.count_negated = false;
  Result<Summary> summary = Summarise(*store, "R", options);
  REQUIRE(summary.ok());
  CHECK(ThemeRecords(*summary, "transport") == 2);
  CHECK(summary->overview.negated_excluded);
  CHECK(RenderSummaryMarkdown(*summary).find("left out of these counts") != std::string::npos);
}

TEST_CASE("exports carry the qualifier and --negated exclude drops the theme") {
  testing::TempDir dir;
  auto store = ThreeRecords(dir / "s.db");
  std::ostringstream all;
  REQUIRE(ExportRecords(*store, "R", ExportFormat::kJsonl, all).ok());
  CHECK(all.str().find("\"qualifier\":\"negated\"") != std::string::npos);
  CHECK(all.str().find("\"qualifier\":\"hedged\"") != std::string::npos);
  SummaryOptions exclude;
  exclude.count_negated = false;
  std::ostringstream filtered;
  REQUIRE(ExportRecords(*store, "R", ExportFormat::kJsonl, filtered, exclude).ok());
  std::istringstream lines(filtered.str());
  std::string line;
  int with_theme = 0;
  while (std::getline(lines, line)) {
    if (line.find("\"themes\":[\"transport\"]") != std::string::npos) ++with_theme;
  }
  CHECK(with_theme == 2);
  std::ostringstream matrix;
  REQUIRE(ExportRecords(*store, "R", ExportFormat::kCsvThemes, matrix, exclude).ok());
  CHECK(matrix.str().find("No problems with the buses.,0") != std::string::npos);
}

}  // namespace
}  // namespace heard
