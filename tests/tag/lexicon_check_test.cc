// heard lexicon check: each check on a small lexicon folder written for it.
#include <catch2/catch.hpp>

#include <string>

#include "heard/lexicon_check.h"
#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;
using testing::WriteFile;

constexpr const char* kOutcome = R"toml([[outcome]]
id = "O5"
name = "Services"
)toml";

// Runs the check on a folder holding outcomes.toml and `themes` as themes.toml.
LexiconCheck Check(const TempDir& dir, const std::string& themes) {
  WriteFile(dir / "outcomes.toml", kOutcome);
  WriteFile(dir / "themes.toml", themes);
  Result<LexiconCheck> check = CheckLexiconDir(dir.path().string());
  REQUIRE(check.ok());
  return *check;
}

// The issue at themes.toml:`line` whose reason holds `text`, with its severity.
std::string Find(const LexiconCheck& check, int line, const std::string& text) {
  for (const LexiconIssue& i : check.issues) {
    if (i.pos.line == line && i.pos.file.find("themes.toml") != std::string::npos &&
        i.reason.find(text) != std::string::npos) {
      return i.severity == LexiconIssue::Severity::kError ? "error" : "warning";
    }
  }
  return "none";
}

TEST_CASE("check: a clean lexicon has no issue") {
  TempDir dir;
  LexiconCheck check = Check(dir, R"toml([[theme]]
id = "transport"
name = "Transport"
outcomes = ["O5"]
terms = ["bus", "buses"]
patterns = ['\btrains?\b']
)toml");
  CHECK(check.issues.empty());
  CHECK(RenderLexiconCheck(check).find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("check: patterns RE2 rejects, duplicate ids and empty themes are errors") {
  TempDir dir;
  LexiconCheck check = Check(dir, R"toml([[theme]]
id = "transport"
name = "Transport"
outcomes = ["O5"]
patterns = ['\b(bus']

[[theme]]
id = "transport"
name = "Transport again"
outcomes = ["O5"]
terms = ["train"]

[[theme]]
id = "empty"
name = "Empty"
outcomes = ["O5"]
)toml");
  CHECK(Find(check, 5, "rejected by RE2") == "error");
  CHECK(Find(check, 7, "duplicate theme id 'transport'") == "error");
  CHECK(Find(check, 13, "has no terms and no patterns") == "error");
  CHECK(check.errors() == 3);
}

TEST_CASE("check: patterns that can never match are errors") {
  TempDir dir;
  LexiconCheck check = Check(dir, R"toml([[theme]]
id = "a"
name = "A"
outcomes = ["O5"]
patterns = [
  'bus^stop',
  'bus$ stop',
  'doctor’s',
  'don’t|do not',
  '^n/?a$',
  '(?i)^bus\b',
]
)toml");
  CHECK(Find(check, 6, "'^' inside the pattern can never match") == "error");
  CHECK(Find(check, 7, "'$' inside the pattern can never match") == "error");
  CHECK(Find(check, 8, "never occurs in folded text") == "error");  // curly apostrophe
  CHECK(Find(check, 9, "never occurs in folded text") == "warning");  // one dead branch
  CHECK(Find(check, 10, "anchors to the start of the whole record") == "warning");
  CHECK(Find(check, 10, "can never match") == "none");
  CHECK(Find(check, 11, "can never match") == "none");
}

TEST_CASE("check: phrases that count twice") {
  TempDir dir;
  LexiconCheck check = Check(dir, R"toml([[theme]]
id = "transport"
name = "Transport"
outcomes = ["O5"]
terms = ["bus", "buses", "Buses", "bus pass"]
patterns = ['\bbus(es)?\b']

[[theme]]
id = "older-people"
name = "Older people"
outcomes = ["O5"]
terms = ["older people", "bus pass"]

[[theme]]
id = "rural-transport"
name = "Rural transport"
parent = "transport"
outcomes = ["O5"]
terms = ["village bus", "buses"]

[[theme]]
id = "cost"
name = "Cost"
outcomes = ["O5"]
terms = ["cost of living"]
exclude_terms = ["bus fare"]
)toml");
  CHECK(Find(check, 5, "term 'Buses' repeats 'buses'") == "warning");
  CHECK(Find(check, 6, "also matches its term 'bus'") == "warning");
  // The same phrase in two unrelated themes counts under both: an error.
  CHECK(Find(check, 12, "term 'bus pass' is also a cue of theme transport") == "error");
  // Parent and child: both fire, a warning.
  CHECK(Find(check, 19, "term 'buses' is also a cue of theme transport") == "warning");
  // A term of one theme holding another theme's term.
  CHECK(Find(check, 19, "term 'village bus' contains 'bus'") == "warning");
  // An exclusion that holds no cue of its own theme.
  CHECK(Find(check, 26, "exclusion 'bus fare' holds no cue") == "warning");
}

TEST_CASE("check: a TOML syntax error is an error with its line; a missing folder is NotFound") {
  TempDir dir;
  LexiconCheck check = Check(dir, "[[theme]]\nid = \"a\nname = \"A\"\n");
  CHECK(check.errors() >= 1);
  CHECK(Find(check, 2, "TOML syntax error") == "error");
  CHECK_FALSE(CheckLexiconDir(dir / "missing").ok());
}

TEST_CASE("check: the shipped lexicon has no errors") {
  Result<LexiconCheck> check = CheckLexiconDir(std::string(HEARD_SOURCE_DIR) + "/lexicons");
  REQUIRE(check.ok());
  INFO(RenderLexiconCheck(*check));
  CHECK(check->errors() == 0);
}

}  // namespace
}  // namespace heard
