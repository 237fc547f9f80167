// Lexicon files: parse errors with their lines, every Compile check, and how cues match.
#include "heard/lexicon.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "heard/normalise.h"
#include "tag/test_lexicon.h"

namespace heard {
namespace {

using testing::ParseInto;
using testing::TestLexicon;
using testing::TestSpec;

Status Parse(std::string_view text, LexiconSpec* spec = nullptr) {
  LexiconSpec scratch;
  return ParseLexiconToml(text, "bad.toml", spec != nullptr ? spec : &scratch);
}

// Compiles the test outcomes plus `text` (file "bad.toml") and returns the error.
std::string CompileError(std::string_view text) {
  LexiconSpec spec;
  ParseInto(&spec, testing::kTestOutcomes, "outcomes.toml");
  ParseInto(&spec, text, "bad.toml");
  Result<Lexicon> lexicon = Lexicon::Compile(std::move(spec));
  REQUIRE_FALSE(lexicon.ok());
  CHECK(lexicon.status().code() == Status::Code::kConfig);
  return lexicon.status().message();
}

std::vector<std::string> ThemeIds(const Lexicon& lexicon, std::string_view display) {
  std::vector<std::string> ids;
  for (const Hit& hit : lexicon.FindThemes(FoldForMatching(display).text)) {
    ids.push_back(lexicon.spec().themes[hit.entry].id);
  }
  return ids;
}

TEST_CASE("lexicon: a TOML syntax error names its line", "[lexicon]") {
  Status status = Parse("[[theme]]\nid = \"a\"\nname = \n");
  CHECK(status.code() == Status::Code::kConfig);
  CHECK_THAT(status.message(), Catch::StartsWith("bad.toml:3: TOML syntax error"));
}

TEST_CASE("lexicon: an unknown top-level key is reported at its line", "[lexicon]") {
  Status status = Parse("attribution = \"x\"\n\n[[themse]]\nid = \"a\"\n");
  CHECK_THAT(status.message(), Catch::StartsWith("bad.toml:3: unknown key 'themse'"));
  CHECK_THAT(status.message(), Catch::Contains("did you mean 'theme'?"));
}

TEST_CASE("lexicon: an unknown key inside a theme is reported at its line", "[lexicon]") {
  Status status = Parse(R"([[theme]]
id = "gp-access"
name = "GP"
outcomes = ["O5"]
patern = ['\bgp\b']
)");
  CHECK(status.message() ==
        "bad.toml:5: unknown key 'patern' in [[theme]] (did you mean 'patterns'?)");
}

TEST_CASE("lexicon: a string where an array belongs is a type error", "[lexicon]") {
  Status status = Parse("[[theme]]\nid = \"a\"\nname = \"A\"\nterms = \"GP\"\n");
  CHECK_THAT(status.message(), Catch::StartsWith("bad.toml:4: 'terms' must be an array"));
  status = Parse("[[theme]]\nid = \"a\"\nname = \"A\"\nterms = [\"GP\", 3]\n");
  CHECK_THAT(status.message(), Catch::StartsWith("bad.toml:4: 'terms' must hold only strings"));
  status = Parse("[theme]\nid = \"a\"\n");
  CHECK_THAT(status.message(), Catch::Contains("must be an array of tables"));
}

TEST_CASE("lexicon: a missing id or name is reported at the entry, all problems at once",
          "[lexicon]") {
  Status status = Parse(R"([[theme]]
name = "No id"
terms = ["x"]

[[theme]]
id = "no-name"
terms = ["y"]

[[district]]
codes = ["X"]
)");
  CHECK(status.message() ==
        "bad.toml:1: [[theme]] has no 'id'\n"
        "bad.toml:5: [[theme]] has no 'name'\n"
        "bad.toml:9: [[district]] has no 'name'");
}

TEST_CASE("lexicon: a failed parse leaves the spec untouched", "[lexicon]") {
  LexiconSpec spec;
  REQUIRE_FALSE(Parse("[[theme]]\nname = \"x\"\n", &spec).ok());
  CHECK(spec.themes.empty());
}

TEST_CASE("lexicon: entries keep their file order and source lines", "[lexicon]") {
  LexiconSpec spec = TestSpec();
  REQUIRE(spec.themes.size() == 3);
  CHECK(spec.themes[0].id == "gp-access");
  CHECK(spec.themes[2].id == "housing");
  CHECK(spec.themes[1].pos.file == "themes.toml");
  CHECK(spec.themes[1].pos.line == 7);
  CHECK(spec.themes[2].cues.pattern_pos.at(0).line == 19);
  CHECK(spec.districts.back().kind == "unitary");
  CHECK(spec.districts.front().kind == "district");
}

TEST_CASE("lexicon: outcodes: shares sorted largest first, the rest outside", "[lexicon]") {
  LexiconSpec spec;
  ParseInto(&spec,
            "[outcode]\nme14 = { \"Tonbridge and Malling\" = 0.07, \"Maidstone\" = 0.93 }\n"
            "BR6 = { \"Sevenoaks\" = 0.0175 }\n",
            "o.toml");
  REQUIRE(spec.outcodes.size() == 2);
  const OutcodeDef& br6 = spec.outcodes[0].outcode == "BR6" ? spec.outcodes[0] : spec.outcodes[1];
  const OutcodeDef& me14 = spec.outcodes[0].outcode == "ME14" ? spec.outcodes[0] : spec.outcodes[1];
  CHECK(me14.districts.at(0).district == "Maidstone");
  CHECK(me14.districts.at(1).district == "Tonbridge and Malling");
  CHECK(me14.outside_share == 0);
  CHECK(br6.outside_share == Approx(0.9825));
  CHECK(me14.pos.line == 2);

  CHECK_THAT(Parse("[outcode]\nX1 = { \"A\" = 0.7, \"B\" = 0.6 }\n").message(),
             Catch::StartsWith("bad.toml:2: shares of outcode X1 add up to"));
  // Generated shares are rounded to four places and may add up to a little over 1.
  LexiconSpec rounded;
  ParseInto(&rounded, "[outcode]\nME13 = { \"A\" = 0.6001, \"B\" = 0.4 }\n", "r.toml");
  CHECK(rounded.outcodes.at(0).outside_share == 0);
  CHECK_THAT(Parse("[outcode]\nX1 = { \"A\" = \"all\" }\n").message(),
             Catch::StartsWith("bad.toml:2: share of A in outcode X1 must be a number"));
}

TEST_CASE("lexicon: attribution from several files is kept once each", "[lexicon]") {
  LexiconSpec spec;
  ParseInto(&spec, "attribution = \"\"\"\nContains OS data.\n\"\"\"\n", "a.toml");
  ParseInto(&spec, "attribution = \"Contains OS data.\"\n", "b.toml");
  ParseInto(&spec, "attribution = \"Contains ONS data.\"\n", "c.toml");
  CHECK(spec.attribution == "Contains OS data.\nContains ONS data.");
}

TEST_CASE("lexicon: Compile reports a pattern RE2 rejects, with RE2's reason", "[lexicon]") {
  std::string error = CompileError(R"([[theme]]
id = "x"
name = "X"
outcomes = ["O5"]
patterns = ['\bgood', '\b(bad']
)");
  CHECK_THAT(error, Catch::StartsWith("bad.toml:5: theme x: pattern '\\b(bad' rejected by RE2: "));
  CHECK_THAT(error, Catch::Contains("missing )"));
}

TEST_CASE("lexicon: Compile reports every bad cue, exclusions too, at the cue's line",
          "[lexicon]") {
  std::string error = CompileError(R"([[theme]]
id = "x"
name = "X"
terms = ["ok", "  "]
exclude_patterns = ['[z-a]']
patterns = ['a**']
)");
  CHECK_THAT(error,
             Catch::StartsWith("bad.toml:4: theme x: empty term\n"
                               "bad.toml:5: theme x (exclude): pattern '[z-a]' rejected by RE2: "));
  CHECK_THAT(error, Catch::Contains("\nbad.toml:6: theme x: pattern 'a**' rejected by RE2: "));
  CHECK_THAT(
      CompileError("[[theme]]\nid = \"x\"\nname = \"X\"\npatterns = ['x?']\n"),
      Catch::Contains("bad.toml:4: theme x: pattern 'x?' rejected by RE2: it matches empty text"));
}

TEST_CASE("lexicon: Compile reports duplicates", "[lexicon]") {
  CHECK(CompileError("[[theme]]\nid = \"x\"\nname = \"X\"\nterms = [\"a\"]\n"
                     "[[theme]]\nid = \"x\"\nname = \"Y\"\nterms = [\"b\"]\n") ==
        "bad.toml:5: duplicate theme id 'x'");
  CHECK(CompileError("[[outcome]]\nid = \"O2\"\nname = \"Again\"\n") ==
        "bad.toml:1: duplicate outcome id 'O2'");
  CHECK(CompileError("[[district]]\nname = \"Dover\"\n\n[[district]]\nname = \"dover\"\n") ==
        "bad.toml:4: duplicate name: 'dover' of dover also names Dover");
  CHECK(CompileError("[[district]]\nname = \"Dover\"\ncodes = [\"D\"]\n"
                     "[[partner]]\nname = \"Dept\"\ncodes = [\"D\"]\n") ==
        "bad.toml:4: duplicate code: 'D' of Dept is already a code of Dover");
}

TEST_CASE("lexicon: Compile reports unknown outcomes and parents, cycles and empty themes",
          "[lexicon]") {
  std::string error = CompileError(R"([[theme]]
id = "a"
name = "A"
outcomes = ["O9"]
terms = ["a"]

[[theme]]
id = "b"
name = "B"
parent = "nowhere"
terms = ["b"]

[[theme]]
id = "c"
name = "C"
parent = "d"
terms = ["c"]

[[theme]]
id = "d"
name = "D"
parent = "c"
terms = ["d"]

[[theme]]
id = "e"
name = "E"
outcomes = ["O2"]
)");
  CHECK(error ==
        "bad.toml:1: theme a: unknown outcome 'O9'\n"
        "bad.toml:7: theme b: unknown parent 'nowhere'\n"
        "bad.toml:13: parent cycle: c -> d -> c\n"
        "bad.toml:25: theme e has no terms and no patterns");
}

TEST_CASE("lexicon: Compile reports an outcode naming an unknown district", "[lexicon]") {
  CHECK(CompileError("[[district]]\nname = \"Thanet\"\n[outcode]\nCT9 = { \"Thanett\" = 1 }\n") ==
        "bad.toml:4: outcode CT9: unknown district 'Thanett'");
}

TEST_CASE("lexicon: Compile reports a heading pattern RE2 rejects", "[lexicon]") {
  std::string error = CompileError(
      "[[outcome]]\nid = \"E1\"\nname = \"Research\"\n"
      "headings = ['^enabler\\s*(1']\n");
  CHECK_THAT(error, Catch::StartsWith("bad.toml:1: outcome E1: heading pattern '^enabler\\s*(1' "
                                      "rejected by RE2: "));
}

TEST_CASE("lexicon: a spec built in code, without positions, still compiles", "[lexicon]") {
  LexiconSpec spec;
  spec.outcomes.push_back(OutcomeDef{"O1", "Best start", "", {}, {}, {}});
  ThemeDef theme;
  theme.id = "youth";
  theme.name = "Youth clubs";
  theme.outcomes = {"O1"};
  theme.cues.terms = {"youth club*"};
  spec.themes.push_back(theme);
  Result<Lexicon> lexicon = Lexicon::Compile(spec);
  REQUIRE(lexicon.ok());
  CHECK(ThemeIds(*lexicon, "Youth Clubs closed") == std::vector<std::string>{"youth"});
}

TEST_CASE("lexicon: terms match whole words, case-insensitively", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  CHECK(ThemeIds(lexicon, "I could not see my GP") == std::vector<std::string>{"gp-access"});
  CHECK(ThemeIds(lexicon, "The GPS in the car").empty());
  CHECK(ThemeIds(lexicon, "too many Appointments missed") == std::vector<std::string>{"gp-access"});
  CHECK(ThemeIds(lexicon, "disappointment").empty());
}

TEST_CASE("lexicon: a phrase matches across a line break and a curly apostrophe", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  std::string folded = FoldForMatching("hard to see a\n   GP here").text;
  std::vector<Hit> hits = lexicon.FindThemes(folded);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "see a GP");
  CHECK(folded.substr(hits[0].start, hits[0].end - hits[0].start) == "see a\n   gp");

  hits = lexicon.FindThemes(FoldForMatching("a doctor\u2019s appointment").text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "doctor's appointment");
}

TEST_CASE("lexicon: a hit is the earliest match over all the theme's cues", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  std::string folded = FoldForMatching("Appointments are hard, and the GP is far").text;
  std::vector<Hit> hits = lexicon.FindThemes(folded);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "appointment*");
  CHECK(hits[0].start == 0);
  CHECK(hits[0].end == 12);
}

TEST_CASE("lexicon: the hit names the cue that matched first; a tie goes to the cue written first",
          "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  std::string folded = FoldForMatching("My GP: no appointments").text;
  std::vector<Hit> hits = lexicon.FindThemes(folded);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "GP");
  CHECK(hits[0].start == 3);
  CHECK(hits[0].end == 5);
  // "GP" (written second) and "see a GP" (third) both match; "see a GP" starts first.
  hits = lexicon.FindThemes(FoldForMatching("We see a GP rarely").text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "see a GP");
  // "dental" and "dentist*" cannot tie, but a theme written with both "wait*"
  // and "waiting list" matches both at one start: the first written wins.
  LexiconSpec spec;
  ParseInto(&spec, "[[theme]]\nid = \"w\"\nname = \"W\"\nterms = [\"wait*\", \"waiting list\"]\n",
            "w.toml");
  Result<Lexicon> waits = Lexicon::Compile(spec);
  REQUIRE(waits.ok());
  hits = waits->FindThemes("the waiting list");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "wait*");
  CHECK(hits[0].end == 11);
}

TEST_CASE("lexicon: exclusions take away the hits they overlap", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  CHECK(ThemeIds(lexicon, "buy dental floss").empty());
  std::string folded = FoldForMatching("dental floss, and a dental check").text;
  std::vector<Hit> hits = lexicon.FindThemes(folded);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].start == folded.find("dental check"));
  CHECK(ThemeIds(lexicon, "no dentists") == std::vector<std::string>{"dentistry"});
}

TEST_CASE("lexicon: themes come in spec order, patterns as written", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  std::string folded = FoldForMatching("Damp  houses, no dentist, no GP").text;
  std::vector<Hit> hits = lexicon.FindThemes(folded);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].entry == 0);
  CHECK(hits[1].entry == 1);
  CHECK(hits[2].entry == 2);
  CHECK(hits[2].pattern == "\\bdamp\\s+(flat|house|home)s?\\b");
  CHECK(hits[2].start == 0);
}

TEST_CASE("lexicon: outcome cues are found like theme cues", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  std::vector<Hit> hits =
      lexicon.FindOutcomeCues(FoldForMatching("The NHS and the cost  of living").text);
  REQUIRE(hits.size() == 2);
  CHECK(lexicon.spec().outcomes[hits[0].entry].id == "O2");
  CHECK(hits[0].pattern == "cost of living");
  CHECK(lexicon.spec().outcomes[hits[1].entry].id == "O5");
}

TEST_CASE("lexicon: OutcomeForHeading", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  CHECK(lexicon.OutcomeForHeading("Outcome 2 Continued (1)") == "O2");
  CHECK(lexicon.OutcomeForHeading("  OUTCOME FIVE: services") == "O5");
  CHECK(lexicon.OutcomeForHeading("General Points") == "GEN");
  CHECK(lexicon.OutcomeForHeading("Outcome 22").empty());
  CHECK(lexicon.OutcomeForHeading("Other business").empty());
}

TEST_CASE("lexicon: FindOutcome, FindTheme, FindOutcode", "[lexicon]") {
  Lexicon lexicon = TestLexicon();
  REQUIRE(lexicon.FindOutcome("O5") != nullptr);
  CHECK(lexicon.FindOutcome("O5")->short_name == "Services");
  CHECK(lexicon.FindOutcome("O9") == nullptr);
  CHECK(lexicon.FindTheme("housing")->name == "Housing, heating and energy");
  CHECK(lexicon.FindTheme("Housing") == nullptr);
  REQUIRE(lexicon.FindOutcode("me14") != nullptr);
  CHECK(lexicon.FindOutcode("me14")->districts.size() == 2);
  CHECK(lexicon.FindOutcode(" ct9") == lexicon.FindOutcode("CT9"));
  CHECK(lexicon.FindOutcode("ME1") == nullptr);
  CHECK(lexicon.spec().attribution == "Contains test data.");
}

TEST_CASE("lexicon: the fingerprint follows content, not positions", "[lexicon]") {
  Lexicon a = TestLexicon();
  Lexicon b = TestLexicon();
  CHECK(a.fingerprint().size() == 64);
  CHECK(a.fingerprint() == b.fingerprint());
  LexiconSpec spec = TestSpec();
  spec.themes[0].pos.line = 99;
  CHECK(Lexicon::Compile(spec)->fingerprint() == a.fingerprint());
  spec.themes[0].cues.terms.push_back("surgery");
  CHECK(Lexicon::Compile(spec)->fingerprint() != a.fingerprint());
}

TEST_CASE("lexicon: ReadLexiconDir reads *.toml in name order and reports every file",
          "[lexicon]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "heard_lexicon_test_dir";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const char* name, std::string_view text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("b_themes.toml", testing::kTestThemes);
  write("a_outcomes.toml", testing::kTestOutcomes);
  write("notes.txt", "not a lexicon");
  Result<Lexicon> lexicon = Lexicon::Load(dir.string());
  REQUIRE(lexicon.ok());
  CHECK(lexicon->spec().outcomes.size() == 3);

  write("c.toml", "[[theme]]\nid = 1\n");
  write("d.toml", "x = [\n");
  Result<LexiconSpec> spec = ReadLexiconDir(dir.string());
  REQUIRE_FALSE(spec.ok());
  std::string c = (dir / "c.toml").string();
  std::string d = (dir / "d.toml").string();
  CHECK_THAT(spec.status().message(),
             Catch::Contains(c + ":2: 'id' in [[theme]] must be a string"));
  CHECK_THAT(spec.status().message(), Catch::Contains(d + ":"));
  fs::remove_all(dir);
  CHECK(ReadLexiconDir(dir.string()).status().code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace heard
