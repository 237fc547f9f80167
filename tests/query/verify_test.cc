#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "heard/query.h"
#include "query_fixture.h"

namespace heard {
namespace {

using testing::SmallRecord;
using testing::TempDir;

std::vector<SmallRecord> SmallRound() {
  std::vector<SmallRecord> records = {
      {Channel::kWorkshop, "", "Thanet", "O1", "Youth clubs have closed in Margate"},
      {Channel::kWorkshop, "", "Swale", "O1", "Youth clubs have closed and nothing replaced them"},
      {Channel::kSurvey, "R1", "Thanet", "O1", "The youth club closed last year"},
      {Channel::kSurvey, "R2", "Swale", "O5", "Buses are too expensive to get to the GP"},
      {Channel::kFocusGroup, "", "Tunbridge Wells", "O5", "GP appointments are impossible to get"},
  };
  for (const char* filler : {"Thanks for asking", "Good document", "Nice words", "Well done",
                             "Keep us updated", "Too long", "Interesting", "No further comments"}) {
    records.push_back({Channel::kSurvey, "R9", "Swale", "GEN", filler});
  }
  return records;
}

constexpr const char* kSmallDraft =
    "# Draft\n"
    "## Outcome 1\n"
    "- Youth clubs have closed\n"
    "- The youth club closed in Thanet\n"
    "- GP appointments are impossible to get\n"
    "- Residents asked for a new airport\n"
    "## Outcome 5\n"
    "- Youth clubs have closed\n";

// The status a calibration line expects: "<!-- expect: weak -->" -> {"weak", false}.
std::optional<std::pair<std::string, bool>> Expected(const std::string& line) {
  static const std::regex kExpect(R"(expect:\s*(supported|weak|unsupported)(,\s*misfiled)?)");
  std::smatch m;
  if (!std::regex_search(line, m, kExpect)) return std::nullopt;
  return std::make_pair(m[1].str(), m[2].matched);
}

}  // namespace

TEST_CASE("verify: supported, weak, unsupported and misfiled statements", "[query]") {
  TempDir dir;
  auto store = testing::SmallStore(dir / "small.db", SmallRound());
  const Lexicon lexicon = testing::SmallLexicon();
  const std::vector<DraftStatement> draft = ParseDraft(kSmallDraft, lexicon);
  REQUIRE(draft.size() == 5);
  Result<Verification> verification = VerifyDraft(*store, lexicon, "Small", draft);
  REQUIRE(verification.ok());
  const auto& checks = verification->statements;
  REQUIRE(checks.size() == 5);

  CHECK(checks[0].trace.status == Support::kSupported);
  CHECK(checks[0].statement.outcome_filed == "O1");
  CHECK(checks[0].outcome_evidence == "O1");
  CHECK_FALSE(checks[0].misfiled);
  CHECK(checks[0].trace.totals.records == 3);

  CHECK(checks[1].trace.status == Support::kWeak);  // Thanet only: two records
  CHECK_THAT(checks[1].trace.reason, Catch::Contains("only 2 records"));
  CHECK(checks[2].trace.status == Support::kWeak);  // one focus group line
  CHECK(checks[2].trace.totals.records == 1);
  CHECK(checks[3].trace.status == Support::kUnsupported);
  CHECK(checks[3].trace.records.empty());
  CHECK_FALSE(checks[3].misfiled);

  CHECK(checks[4].trace.status == Support::kSupported);  // the same statement, under O5
  CHECK(checks[4].statement.outcome_filed == "O5");
  CHECK(checks[4].outcome_evidence == "O1");
  CHECK(checks[4].misfiled);

  CHECK(verification->Count(Support::kSupported) == 2);
  CHECK(verification->Count(Support::kWeak) == 2);
  CHECK(verification->Count(Support::kUnsupported) == 1);
  CHECK(verification->misfiled() == 1);
  VerifyOptions options;
  options.sources = 1;
  verification = VerifyDraft(*store, lexicon, "Small", draft, options);
  REQUIRE(verification.ok());
  CHECK(verification->statements[0].trace.records.size() == 1);
  CHECK(verification->statements[0].trace.totals.records == 3);
}

TEST_CASE("verify: exit status 1 when a statement is unsupported, and the JSON", "[query][cli]") {
  TempDir dir;
  testing::SmallStore(dir / "small.db", SmallRound()).reset();
  const std::string lexicons = dir / "lexicon";
  testing::WriteFile(lexicons + "/small.toml", testing::kSmallLexiconToml);
  testing::WriteFile(dir / "draft.md", kSmallDraft);
  testing::WriteFile(dir / "true.md", "## Outcome 1\n- Youth clubs have closed\n");
  const std::string common = "verify --db " + dir / "small.db" + " --lexicons " + lexicons + " ";

  testing::CommandOutcome text = testing::Heard(common + dir / "draft.md");
  CHECK(text.code == 1);
  CHECK_THAT(text.out, Catch::Contains("5 statements, 2 supported, 2 weak, 1 unsupported"));
  CHECK_THAT(text.out,
             Catch::Contains("line 6 [O1]: UNSUPPORTED  Residents asked for a new airport"));
  CHECK_THAT(text.out, Catch::Contains("MISFILED: filed under O5"));
  CHECK(testing::Heard(common + dir / "true.md").code == 0);

  testing::CommandOutcome json = testing::Heard(common + "--format json " + dir / "draft.md");
  CHECK(json.code == 1);
  const auto parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed.is_array());
  REQUIRE(parsed.size() == 5);
  const auto& first = parsed[0];
  for (const char* key : {"statement", "status", "records", "districts", "channels", "sources",
                          "outcome_filed", "outcome_evidence", "misfiled"}) {
    CHECK(first.contains(key));
  }
  CHECK(first["statement"] == "Youth clubs have closed");
  CHECK(first["status"] == "supported");
  CHECK(first["records"] == 3);
  CHECK(first["districts"] == nlohmann::json::array({"Thanet", "Swale"}));
  CHECK(first["channels"] == nlohmann::json::array({"survey", "workshop"}));
  REQUIRE(first["sources"].size() == 3);
  for (const char* key : {"id", "text", "source", "locator", "score"}) {
    CHECK(first["sources"][0].contains(key));
  }
  CHECK(parsed[3]["status"] == "unsupported");
  CHECK(parsed[3]["outcome_evidence"].is_null());
  CHECK(parsed[4]["misfiled"] == true);
  CHECK(parsed[4]["outcome_filed"] == "O5");
  CHECK(parsed[4]["outcome_evidence"] == "O1");

  CHECK(testing::Heard(common + dir / "missing.md").code == 4);
  testing::WriteFile(dir / "empty.md", "# Only a heading\n");
  CHECK(testing::Heard(common + dir / "empty.md").code != 0);
}

// The done-criterion: heard verify separates a draft of true and invented
// statements. Each line of sample_data/drafts/true_and_invented.md says, in
// an HTML comment the parser ignores, what verify must make of it.
TEST_CASE("verify: the calibration draft of true and invented statements is separated",
          "[query][sample]") {
  const std::string path =
      std::string(HEARD_SOURCE_DIR) + "/sample_data/drafts/true_and_invented.md";
  const std::string text = testing::ReadFile(path);
  REQUIRE_FALSE(text.empty());
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  const Lexicon& lexicon = testing::ShippedLexicon();
  const std::vector<DraftStatement> draft = ParseDraft(text, lexicon);
  Result<Verification> verification =
      VerifyDraft(testing::SampleStore(), lexicon, testing::kSampleRound, draft);
  REQUIRE(verification.ok());
  std::map<std::string, int> expected_counts;
  for (const StatementCheck& check : verification->statements) {
    REQUIRE(check.statement.line >= 1);
    const auto expected = Expected(lines[check.statement.line - 1]);
    INFO("line " << check.statement.line << ": " << check.statement.text << " -> "
                 << SupportName(check.trace.status) << " (" << check.trace.reason << ")");
    REQUIRE(expected.has_value());
    ++expected_counts[expected->first];
    CHECK(SupportName(check.trace.status) == expected->first);
    CHECK(check.misfiled == expected->second);
  }
  CHECK(expected_counts["supported"] >= 12);
  CHECK(expected_counts["unsupported"] >= 12);
  CHECK(expected_counts["weak"] >= 3);
  // Every expectation in the file belongs to a statement the parser found.
  int annotated = 0;
  for (const std::string& line : lines) annotated += Expected(line) && line[0] == '-' ? 1 : 0;
  CHECK(annotated == static_cast<int>(verification->statements.size()));
}

}  // namespace heard

namespace heard {

// Statements written after the thresholds were chosen: whatever else may
// shift, a statement its author knew to be invented is never supported and
// one known to be true is never unsupported.
TEST_CASE("verify: held-out statements are never supported when invented", "[query][sample]") {
  const std::string path = std::string(HEARD_SOURCE_DIR) + "/sample_data/drafts/held_out.md";
  const std::string text = testing::ReadFile(path);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const Lexicon& lexicon = testing::ShippedLexicon();
  Result<Verification> verification = VerifyDraft(testing::SampleStore(), lexicon,
                                                  testing::kSampleRound, ParseDraft(text, lexicon));
  REQUIRE(verification.ok());
  REQUIRE(verification->statements.size() >= 24);
  for (const StatementCheck& check : verification->statements) {
    const auto expected = Expected(lines[check.statement.line - 1]);
    REQUIRE(expected.has_value());
    INFO(check.statement.text << " -> " << SupportName(check.trace.status));
    if (expected->first == "unsupported") CHECK(check.trace.status != Support::kSupported);
    if (expected->first == "supported") CHECK(check.trace.status != Support::kUnsupported);
  }
}

}  // namespace heard
