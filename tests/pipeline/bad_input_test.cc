// A catalogue of bad input: each case puts a bad file next to a good one in a round, runs the
// round through the real pipeline, and checks the clear error, that the good rest is stored,
// and that every ledger reconciles. Pipeline and lexicon mistakes must stop before any data.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "heard/pipeline.h"
#include "heard/store.h"
#include "test_support.h"

namespace heard {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

const std::string kSmallToml =
    std::string(HEARD_SOURCE_DIR) + "/tests/cases/lexicon/small.toml";

constexpr const char* kHead = R"toml([round]
name = "Bad round"
date = "2026-05-01"

[run]
lexicons = "../lexicons"
)toml";

// The good file every round has besides the bad one: two answers, both stored.
constexpr const char* kGoodCsv =
    "ID,Comment\n"
    "G1,More GP appointments please\n"
    "G2,The bus to the surgery is always late\n";

std::string SurveyTable(const std::string& path, const std::string& extra = "") {
  return "\n[[survey]]\npath = \"" + path + "\"\nrespondent = \"ID\"\n" + extra +
         "  [[survey.question]]\n  column = \"Comment\"\n  id = \"Q1\"\n";
}

std::string NotesTable(const std::string& kind, const std::string& path,
                       const std::string& extra = "") {
  return "\n[[" + kind + "]]\npath = \"" + path + "\"\n" + extra;
}

// A record as read back, with its text capped so a 20 MB answer is not kept twice.
struct Seen {
  std::string source;
  std::string text;  // first 4 KB
  size_t text_size = 0;
  uint32_t flags = 0;
  int64_t row = 0;
  int64_t line_start = 0;
};

struct Loaded {
  RunReport report;
  std::vector<Ledger> ledgers;  // as the store holds them
  std::vector<Seen> records;
};

// Writes the lexicon and the pipeline file (the data files are written by the caller), then
// runs the round through the real pipeline into <dir>/bad.db.
Loaded LoadRound(const TempDir& dir, const std::string& sources) {
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + sources);
  auto spec = ReadPipelineFile(dir / "round/pipeline.toml");
  REQUIRE(spec.ok());
  auto lexicon = Lexicon::Load(spec->lexicon_dir);
  REQUIRE(lexicon.ok());
  const Status checked = CheckPipeline(&*spec, *lexicon);
  INFO(checked.message());
  REQUIRE(checked.ok());
  auto store = Store::Open(dir / "bad.db");
  REQUIRE(store.ok());
  RunOptions options;
  options.threads = 2;
  options.batch_records = 3;
  auto report = RunRound(*spec, *lexicon, **store, options);
  INFO((report.ok() ? std::string() : report.status().message()));
  REQUIRE(report.ok());
  Loaded loaded;
  loaded.report = *report;
  auto ledgers = (*store)->Ledgers("Bad round");
  REQUIRE(ledgers.ok());
  loaded.ledgers = *ledgers;
  const Status visited = (*store)->ForEachRecord("Bad round", [&](const Record& record) {
    Seen seen;
    seen.source = record.source;
    seen.text = record.text.substr(0, 4096);
    seen.text_size = record.text.size();
    seen.flags = record.flags;
    seen.row = record.locator.row;
    seen.line_start = record.locator.line_start;
    loaded.records.push_back(std::move(seen));
    return true;
  });
  REQUIRE(visited.ok());
  return loaded;
}

// Every ledger, in the report and in the store, adds up item by item.
void CheckReconciles(const Loaded& loaded) {
  CHECK(loaded.report.Reconciles());
  CHECK(loaded.ledgers.size() == loaded.report.ledgers.size());
  for (const std::vector<Ledger>* ledgers : {&loaded.report.ledgers, &loaded.ledgers}) {
    for (const Ledger& ledger : *ledgers) {
      INFO(ledger.source << ": read " << ledger.items_read << ", stored " << ledger.stored
                         << ", rejected " << ledger.rejected << ", non-answers "
                         << ledger.non_answers << ", duplicates " << ledger.duplicates);
      CHECK(ledger.Reconciles());
      CHECK(ledger.items_read ==
            ledger.stored + ledger.rejected + ledger.non_answers + ledger.duplicates);
    }
  }
}

const Ledger* LedgerOf(const Loaded& loaded, const std::string& source) {
  for (const Ledger& ledger : loaded.ledgers) {
    if (ledger.source == source) return &ledger;
  }
  return nullptr;
}

std::vector<const Seen*> RecordsOf(const Loaded& loaded, const std::string& source) {
  std::vector<const Seen*> found;
  for (const Seen& seen : loaded.records) {
    if (seen.source == source) found.push_back(&seen);
  }
  return found;
}

// The good survey is stored whole, whatever happened to its neighbour.
void CheckGoodSurveyStored(const Loaded& loaded) {
  const Ledger* good = LedgerOf(loaded, "good.csv");
  REQUIRE(good != nullptr);
  CHECK(good->stored == 2);
  CHECK(good->rejected == 0);
  CHECK(RecordsOf(loaded, "good.csv").size() == 2);
}

std::vector<Problem> ProblemsOf(const Loaded& loaded, const std::string& file) {
  std::vector<Problem> found;
  for (const Problem& problem : loaded.report.problems) {
    if (problem.file == file) found.push_back(problem);
  }
  return found;
}

// The one problem of `file` whose reason contains `phrase`; fails the test if there is none.
Problem ProblemWith(const Loaded& loaded, const std::string& file, const std::string& phrase) {
  for (const Problem& problem : ProblemsOf(loaded, file)) {
    if (problem.reason.find(phrase) != std::string::npos) return problem;
  }
  std::string all;
  for (const Problem& problem : loaded.report.problems) {
    all += problem.file + ":" + std::to_string(problem.line) + ": " + problem.reason + "\n";
  }
  INFO("problems:\n" << all);
  FAIL("no problem of " << file << " mentions \"" << phrase << "\"");
  return {};
}

std::string Utf16Le(const std::string& ascii_or_latin1) {
  std::string out = "\xFF\xFE";
  for (unsigned char c : ascii_or_latin1) {
    out += static_cast<char>(c);
    out += '\0';
  }
  return out;
}

}  // namespace

// ---- CSV ----------------------------------------------------------------------------------

TEST_CASE("bad input: CSV with an unterminated quote", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            "ID,Comment\n"
            "B1,Buses to the hospital are fine\n"
            "B2,\"The quote here is never closed\n"
            "B3,so this row is swallowed by it\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem problem = ProblemWith(loaded, "bad.csv", "unterminated");
  CHECK(problem.severity == Problem::Severity::kReject);
  CHECK(problem.line == 3);
  CHECK_THAT(problem.reason, Catch::Contains("quoted field starting on line 3"));
  CHECK(RecordsOf(loaded, "bad.csv").size() == 1);  // B1 is kept
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV with ragged rows", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            "ID,Comment\n"
            "B1,Buses are fine\n"
            "B2,too,many,fields\n"
            "B3\n"
            "B4,More youth clubs\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem many = ProblemWith(loaded, "bad.csv", "row has 4 fields, header has 2");
  CHECK(many.line == 3);
  CHECK(many.severity == Problem::Severity::kReject);
  const Problem few = ProblemWith(loaded, "bad.csv", "row has 1 fields, header has 2");
  CHECK(few.line == 4);
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->rejected == 2);
  CHECK(bad->stored == 2);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV with a NUL byte in a field", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            std::string("ID,Comment\nB1,Before the NUL\nB2,A NUL") + '\0' +
                " in the middle\nB3,After the NUL\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem problem = ProblemWith(loaded, "bad.csv", "NUL byte");
  CHECK(problem.line == 3);
  CHECK(problem.severity == Problem::Severity::kReject);
  CHECK(RecordsOf(loaded, "bad.csv").size() == 2);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV with a 20 MB field", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  {
    std::string big = "ID,Comment\nB1,\"";
    big.reserve(21u << 20);
    const std::string words = "the bus never comes and the surgery is far away ";
    while (big.size() < (20u << 20)) big += words;
    big += "\"\nB2,A short answer after the big one\n";
    WriteFile(dir / "round/bad.csv", big);
  }
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  // Whatever the reader does with it, it is accounted for: stored whole, or cut and flagged with
  // a problem naming line 2, or rejected with a problem naming line 2.
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->items_read == 2);
  bool big_seen = false, after_seen = false;
  for (const Seen* seen : RecordsOf(loaded, "bad.csv")) {
    if (seen->text_size > (1u << 20)) {
      big_seen = true;
      if (seen->flags & kFlagTruncated) {
        CHECK(ProblemWith(loaded, "bad.csv", "cut").line == 2);
      } else {
        CHECK(seen->text_size >= (20u << 20));  // under the reader's 32 MB limit: kept whole
      }
    }
    if (seen->text == "A short answer after the big one") after_seen = true;
  }
  if (!big_seen) CHECK(ProblemWith(loaded, "bad.csv", "").line == 2);
  CHECK(after_seen);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV with a header and no rows", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv", "ID,Comment\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->items_read == 0);
  CHECK(bad->stored == 0);
  CHECK(ProblemsOf(loaded, "bad.csv").empty());  // nothing was lost: there was nothing to lose
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV that is an empty file", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv", "");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem problem = ProblemWith(loaded, "bad.csv", "0 rows");
  CHECK(problem.line == 0);  // the whole file
  CHECK_THAT(problem.reason, Catch::Contains("header"));
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->items_read == 0);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: a binary file given as CSV", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7 + i / 256) & 0xFF);
  WriteFile(dir / "round/bad.csv", bytes);
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  // The header cannot hold the mapped columns, so the file is rejected, not half-read.
  const std::vector<Problem> problems = ProblemsOf(loaded, "bad.csv");
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.front().severity == Problem::Severity::kReject);
  CHECK(problems.front().line == 1);
  CHECK_THAT(problems.front().reason,
             Catch::Contains("header") || Catch::Contains("NUL") || Catch::Contains("column"));
  CHECK(RecordsOf(loaded, "bad.csv").empty());
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV with a mapped column header twice", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            "ID,Comment,Comment\n"
            "B1,first,second\n"
            "B2,third,fourth\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem problem = ProblemWith(loaded, "bad.csv", "appears 2 times in the header");
  CHECK(problem.line == 1);
  CHECK(problem.column == "Comment");
  CHECK(problem.severity == Problem::Severity::kReject);
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->rejected == 2);  // two rows, one question each: counted, not silently dropped
  CHECK(RecordsOf(loaded, "bad.csv").empty());
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: CSV missing a mapped column", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            "ID,Comments\n"
            "B1,first\n"
            "B2,second\n"
            "B3,third\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const Problem problem = ProblemWith(loaded, "bad.csv", "column \"Comment\"");
  CHECK(problem.line == 1);
  CHECK_THAT(problem.reason, Catch::Contains("is not in the header"));
  CHECK_THAT(problem.reason, Catch::Contains("\"Comments\""));  // the close name is suggested
  const Ledger* bad = LedgerOf(loaded, "bad.csv");
  REQUIRE(bad != nullptr);
  CHECK(bad->rejected == 3);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

// ---- text ---------------------------------------------------------------------------------

TEST_CASE("bad input: invalid UTF-8 in a notes file", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.txt",
            "Group: Café users – Margate\n"
            "\n"
            "The café on the seafront – the one by the bus stop – closed.\n"
            "\n"
            "A broken byte \xFF sits here in the middle of the paragraph.\n"
            "\n"
            "Naïve plans for the résumé of services – nobody asked us.\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("focus_group",
                                                                            "notes.txt"));
  bool found = false;
  for (const Seen* seen : RecordsOf(loaded, "notes.txt")) {
    if (seen->text.find("broken byte") == std::string::npos) continue;
    found = true;
    CHECK(seen->text == "A broken byte \xEF\xBF\xBD sits here in the middle of the paragraph.");
    CHECK((seen->flags & kFlagInvalidUtf8) != 0);
    CHECK(seen->line_start == 5);
  }
  CHECK(found);
  // ... and the user hears of it, with file and line.
  int warned = 0;
  for (const Problem& p : loaded.report.problems) {
    if (p.severity == Problem::Severity::kWarning && p.file == "notes.txt" && p.line == 5 &&
        p.reason.find("U+FFFD") != std::string::npos) {
      ++warned;
    }
  }
  CHECK(warned == 1);
  for (const Seen* seen : RecordsOf(loaded, "notes.txt")) {
    if (seen->text.find("Naïve") != std::string::npos) {
      CHECK((seen->flags & kFlagInvalidUtf8) == 0);
    }
  }
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: invalid UTF-8 in a CSV", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/bad.csv",
            "ID,Comment\n"
            "B1,The café – by the bus stop – has closed\n"
            "B2,A broken \xC3 byte in this answer\n"
            "B3,Naïve plans – nobody asked us\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + SurveyTable("bad.csv"));
  const std::vector<const Seen*> bad = RecordsOf(loaded, "bad.csv");
  REQUIRE(bad.size() == 3);
  CHECK(bad[1]->text == "A broken \xEF\xBF\xBD byte in this answer");
  CHECK((bad[1]->flags & kFlagInvalidUtf8) != 0);
  CHECK(bad[1]->row == 3);
  CHECK((bad[0]->flags & kFlagInvalidUtf8) == 0);
  CHECK(bad[0]->text == "The café – by the bus stop – has closed");
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: a UTF-16LE notes file with a BOM", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.txt",
            Utf16Le("The caf\xE9 by the bus stop has closed.\r\n\r\n"
                    "Tickets cost \xA3" "5 now.\r\n"));
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("focus_group",
                                                                            "notes.txt"));
  const std::vector<const Seen*> notes = RecordsOf(loaded, "notes.txt");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]->text == "The café by the bus stop has closed.");
  CHECK(notes[0]->line_start == 1);
  CHECK(notes[1]->text == "Tickets cost £5 now.");
  CHECK(notes[1]->line_start == 3);
  CHECK(LedgerOf(loaded, "notes.txt")->encoding == "UTF-16LE");
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: Windows-1252 and Latin-1 notes files", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  // Windows-1252: '£' 0xA3, 'é' 0xE9 and an en dash 0x96, which Latin-1 does not have.
  WriteFile(dir / "round/cp1252.txt",
            "The caf\xE9 near the station \x96 the one we all used \x96 has closed down.\n"
            "\n"
            "A return ticket on the bus now costs \xA3" "7, which is too much for most of us.\n"
            "\n"
            "We would like the r\xE9sum\xE9 of the plan sent to the group by post.\n");
  // Latin-1: only bytes 0xA0-0xFF.
  WriteFile(dir / "round/latin1.txt",
            "The caf\xE9 near the station has closed down and nobody told us why.\n"
            "\n"
            "A return ticket on the bus now costs \xA3" "7, which is too much for most of us.\n"
            "\n"
            "We would like the r\xE9sum\xE9 of the plan sent to the group by post.\n");
  const Loaded loaded =
      LoadRound(dir, SurveyTable("good.csv") + NotesTable("focus_group", "cp1252.txt") +
                         NotesTable("focus_group", "latin1.txt"));
  for (const std::string source : {"cp1252.txt", "latin1.txt"}) {
    INFO(source);
    const std::vector<const Seen*> notes = RecordsOf(loaded, source);
    REQUIRE(notes.size() == 3);
    CHECK_THAT(notes[0]->text, Catch::StartsWith("The café near the station "));
    CHECK(notes[1]->text ==
          "A return ticket on the bus now costs £7, which is too much for most of us.");
    CHECK(notes[2]->text == "We would like the résumé of the plan sent to the group by post.");
    for (const Seen* seen : notes) CHECK((seen->flags & kFlagInvalidUtf8) == 0);
  }
  CHECK(RecordsOf(loaded, "cp1252.txt")[0]->text ==
        "The café near the station – the one we all used – has closed down.");
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: mixed line ends in a notes file", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.md",
            "## Outcome 1\r\n"                    // 1 CRLF
            "- Youth clubs have closed (T)\n"     // 2 LF
            "- More buses in the evening (TW)\r"  // 3 CR
            "- Funding for the youth club (SW)\r\n"  // 4 CRLF
            "\n"                                  // 5
            "- The last one (T)\n");              // 6
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("workshop",
                                                                            "notes.md"));
  const std::vector<const Seen*> notes = RecordsOf(loaded, "notes.md");
  REQUIRE(notes.size() == 4);
  CHECK(notes[0]->text == "Youth clubs have closed");
  CHECK(notes[0]->line_start == 2);
  CHECK(notes[1]->text == "More buses in the evening");
  CHECK(notes[1]->line_start == 3);
  CHECK(notes[2]->text == "Funding for the youth club");
  CHECK(notes[2]->line_start == 4);
  CHECK(notes[3]->text == "The last one");
  CHECK(notes[3]->line_start == 6);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: a 1 MB line in a notes file", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  std::string text;
  const std::string words = "the bus never comes ";
  while (text.size() < (1u << 20)) text += words;
  text.pop_back();
  WriteFile(dir / "round/notes.md",
            "## Outcome 5\n- " + text + "\n- A short one after it (T)\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("workshop",
                                                                            "notes.md"));
  const std::vector<const Seen*> notes = RecordsOf(loaded, "notes.md");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]->text_size == text.size());
  CHECK(notes[0]->line_start == 2);
  CHECK(notes[1]->text == "A short one after it");
  CHECK(notes[1]->line_start == 3);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

// ---- notes --------------------------------------------------------------------------------

TEST_CASE("bad input: unknown attribution codes in workshop notes", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.md",
            "## Outcome 1\n"
            "- Youth clubs have closed (T)\n"
            "- Nobody knows who said this (QQ)\n"
            "- Nor this (ZZ)(T)\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("workshop",
                                                                            "notes.md"));
  const Problem qq = ProblemWith(loaded, "notes.md", "unknown attribution code (QQ)");
  CHECK(qq.severity == Problem::Severity::kWarning);
  CHECK(qq.line == 3);
  const Problem zz = ProblemWith(loaded, "notes.md", "unknown attribution code (ZZ)");
  CHECK(zz.line == 4);
  CHECK(RecordsOf(loaded, "notes.md").size() == 3);  // warnings keep the record
  CHECK(LedgerOf(loaded, "notes.md")->warnings == 2);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: a workshop bullet with no section", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.md",
            "- A bullet before any heading (T)\n"
            "\n"
            "## Outcome 1\n"
            "- Youth clubs have closed (T)\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("workshop",
                                                                            "notes.md"));
  const Problem problem = ProblemWith(loaded, "notes.md", "no section");
  CHECK(problem.severity == Problem::Severity::kWarning);
  CHECK(problem.line == 1);
  CHECK(RecordsOf(loaded, "notes.md").size() == 2);
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

TEST_CASE("bad input: a legend naming an unknown district", "[bad_input]") {
  TempDir dir;
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes.md",
            "# East workshop\n"    // 1
            "\n"                   // 2
            "## Partners\n"        // 3
            "T Thanet\n"           // 4
            "AT Atlantis\n"        // 5
            "\n"                   // 6
            "## Outcome 1\n"       // 7
            "- Youth clubs have closed (T)\n"
            "- The ferry is late (AT)\n");
  const Loaded loaded = LoadRound(dir, SurveyTable("good.csv") + NotesTable("workshop",
                                                                            "notes.md"));
  const Problem problem = ProblemWith(loaded, "notes.md", "Atlantis");
  CHECK(problem.severity == Problem::Severity::kWarning);
  CHECK(problem.line == 5);
  CHECK_THAT(problem.reason, Catch::Contains("unknown district"));
  CHECK(RecordsOf(loaded, "notes.md").size() == 2);  // the legend is not feedback
  CheckGoodSurveyStored(loaded);
  CheckReconciles(loaded);
}

// ---- pipeline and lexicon files: reported before any data is read -------------------------

namespace {

// A round whose data would load: the database must still not be made when the config is bad.
void WriteGoodData(const TempDir& dir) {
  WriteFile(dir / "round/good.csv", kGoodCsv);
  WriteFile(dir / "round/notes/a.md", "## Outcome 1\n- Youth clubs have closed (T)\n");
}

const std::string kGoodSources = SurveyTable("good.csv") + NotesTable("workshop", "notes/*.md");

// Reads the config as `heard run` does; returns the first failing step's message.
std::string ConfigError(const TempDir& dir) {
  auto spec = ReadPipelineFile(dir / "round/pipeline.toml");
  if (!spec.ok()) return spec.status().message();
  auto lexicon = Lexicon::Load(spec->lexicon_dir);
  if (!lexicon.ok()) return lexicon.status().message();
  const Status checked = CheckPipeline(&*spec, *lexicon);
  if (!checked.ok()) return checked.message();
  return "";
}

// Adds `extra` to the small lexicon; returns the 1-based line the addition starts on.
int WriteLexiconWith(const TempDir& dir, const std::string& extra) {
  std::string lexicon = ReadFile(kSmallToml);
  if (!lexicon.empty() && lexicon.back() != '\n') lexicon += '\n';
  const int line = static_cast<int>(std::count(lexicon.begin(), lexicon.end(), '\n')) + 1;
  WriteFile(dir / "lexicons/small.toml", lexicon + extra);
  return line;
}

}  // namespace

TEST_CASE("bad input: a lexicon pattern RE2 rejects", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + kGoodSources);
  const int at = WriteLexiconWith(dir,
                                  "\n[[theme]]\n"
                                  "id = \"broken\"\n"
                                  "name = \"Broken pattern\"\n"
                                  "outcomes = [\"O5\"]\n"
                                  "patterns = ['(unclosed']\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("rejected by RE2"));
  CHECK_THAT(error, Catch::Contains("(unclosed"));
  // The pattern's own line, or at least its theme's.
  CHECK_THAT(error, Catch::Contains("small.toml:" + std::to_string(at + 5) + ":") ||
                        Catch::Contains("small.toml:" + std::to_string(at + 1) + ":"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: a duplicate theme id in the lexicon", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + kGoodSources);
  const int at = WriteLexiconWith(dir,
                                  "\n[[theme]]\n"
                                  "id = \"gp-access\"\n"
                                  "name = \"GP access again\"\n"
                                  "outcomes = [\"O5\"]\n"
                                  "terms = [\"surgery\"]\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("small.toml:" + std::to_string(at + 1) +
                                    ": duplicate theme id 'gp-access'"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: a lexicon theme naming an unknown outcome", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + kGoodSources);
  const int at = WriteLexiconWith(dir,
                                  "\n[[theme]]\n"
                                  "id = \"ferries\"\n"
                                  "name = \"Ferries\"\n"
                                  "outcomes = [\"O9\"]\n"
                                  "terms = [\"ferry\"]\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("small.toml:" + std::to_string(at + 1) + ":") ||
                        Catch::Contains("small.toml:" + std::to_string(at + 4) + ":"));
  CHECK_THAT(error, Catch::Contains("unknown outcome 'O9'"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: an unknown key in the pipeline file", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  // kHead is 6 lines; the survey table starts on line 8, its "respondant" on line 10.
  WriteFile(dir / "round/pipeline.toml",
            std::string(kHead) +
                "\n[[survey]]\npath = \"good.csv\"\nrespondant = \"ID\"\n"
                "  [[survey.question]]\n  column = \"Comment\"\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("pipeline.toml:10: unknown key \"respondant\""));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: a pipeline glob that matches no file", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  // The survey table is lines 8-13; the workshop table starts on line 15.
  WriteFile(dir / "round/pipeline.toml",
            std::string(kHead) + SurveyTable("good.csv") +
                NotesTable("workshop", "minutes/*.md"));
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("pipeline.toml:15: no file matches"));
  CHECK_THAT(error, Catch::Contains("minutes/*.md"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: a pipeline question naming an unknown outcome", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  // The question table starts on line 11.
  WriteFile(dir / "round/pipeline.toml",
            std::string(kHead) + SurveyTable("good.csv", "") + "  outcome = \"O9\"\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("pipeline.toml:11: question \"Q1\" names outcome \"O9\""));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

// Writes the good data, the small lexicon and a pipeline of kHead + `sources`; returns the
// first failing step's message as `heard run` would print it.
std::string PipelineError(const TempDir& dir, const std::string& sources) {
  WriteGoodData(dir);
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + sources);
  return ConfigError(dir);
}

// Lines of a pipeline written as kHead (lines 1-6) + SurveyTable("good.csv", extra): the
// survey table starts on line 8, `extra` on line 11.

TEST_CASE("bad input: a TOML syntax error in the pipeline file", "[bad_input]") {
  TempDir dir;
  const std::string error =
      PipelineError(dir, "\n[[survey]]\npath = \"good.csv\nrespondent = \"ID\"\n");
  CHECK_THAT(error, Catch::StartsWith(std::string(dir / "round/pipeline.toml") + ":9:"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: a pipeline file with no [round]", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "lexicons/small.toml", ReadFile(kSmallToml));
  WriteFile(dir / "round/pipeline.toml", "[run]\nlexicons = \"../lexicons\"\n" + kGoodSources);
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("pipeline.toml:1: missing [round] table"));
}

TEST_CASE("bad input: pipeline values of the wrong type", "[bad_input]") {
  TempDir dir;
  const std::string error = PipelineError(
      dir, SurveyTable("good.csv", "header_row = \"two\"\npostcode = 3\nattributes = [\"Age\", 4]\n"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:11: \"header_row\" must be a whole number"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:12: \"postcode\" must be a string"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:13: \"attributes\" must hold only strings"));
}

TEST_CASE("bad input: a required pipeline key left out", "[bad_input]") {
  TempDir dir;
  // The question table on line 10 has no column.
  const std::string error = PipelineError(
      dir, "\n[[survey]]\npath = \"good.csv\"\n  [[survey.question]]\n  id = \"Q1\"\n");
  CHECK_THAT(error, Catch::Contains("pipeline.toml:10: missing required key \"column\""));
}

TEST_CASE("bad input: a pipeline table written as [survey] instead of [[survey]]", "[bad_input]") {
  TempDir dir;
  const std::string error = PipelineError(dir, "\n[survey]\npath = \"good.csv\"\n");
  CHECK_THAT(error, Catch::Contains("pipeline.toml:8: \"survey\" must be written as [[survey]]"));
}

TEST_CASE("bad input: a pipeline question column mapped twice", "[bad_input]") {
  TempDir dir;
  // The second question table starts on line 14.
  const std::string error = PipelineError(
      dir, SurveyTable("good.csv") + "  [[survey.question]]\n  column = \"Comment\"\n  id = \"Q2\"\n");
  CHECK_THAT(error, Catch::Contains("pipeline.toml:14: column \"Comment\" is mapped twice"));
}

TEST_CASE("bad input: a pipeline naming one file in two sources", "[bad_input]") {
  TempDir dir;
  // The second survey table starts on line 15.
  const std::string error = PipelineError(dir, SurveyTable("good.csv") + SurveyTable("good.csv"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:15: "));
  CHECK_THAT(error, Catch::Contains("good.csv is named by more than one source"));
}

TEST_CASE("bad input: a pipeline district the lexicon does not know", "[bad_input]") {
  TempDir dir;
  // The workshop table starts on line 15.
  const std::string error = PipelineError(
      dir, SurveyTable("good.csv") + NotesTable("workshop", "notes/*.md", "district = \"Atlantis\"\n"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:15: district \"Atlantis\" is not a district"));
}

TEST_CASE("bad input: a pipeline encoding heard cannot read", "[bad_input]") {
  TempDir dir;
  // Read as windows-1252 regardless, it would store mojibake; it is a mistake to report.
  const std::string error =
      PipelineError(dir, SurveyTable("good.csv", "encoding = \"latin-9x\"\n"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:11: encoding \"latin-9x\""));
  CHECK_THAT(error, Catch::Contains("not one heard can read"));
  // A name ICU knows under an alias is fine.
  TempDir good;
  CHECK(PipelineError(good, SurveyTable("good.csv", "encoding = \"latin1\"\n")).empty());
}

TEST_CASE("bad input: a pipeline path naming a folder", "[bad_input]") {
  TempDir dir;
  // The workshop table starts on line 15; "notes" is a folder of .md files.
  const std::string error =
      PipelineError(dir, SurveyTable("good.csv") + NotesTable("workshop", "notes"));
  CHECK_THAT(error, Catch::Contains("pipeline.toml:15: "));
  CHECK_THAT(error, Catch::Contains("is a folder"));
  CHECK_THAT(error, Catch::Contains("notes/*"));
}

TEST_CASE("bad input: a pipeline lexicons folder that is missing or empty", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml",
            "[round]\nname = \"Bad round\"\n\n[run]\nlexicons = \"../lexicon\"\n" + kGoodSources);
  // A misspelt folder: named in the message, with the system's reason.
  CHECK(ConfigError(dir) == "lexicon folder not found: " + std::string(dir / "lexicon"));
  // A folder with no *.toml in it.
  WriteFile(dir / "lexicon/README.md", "# not a lexicon\n");
  CHECK_THAT(ConfigError(dir), Catch::Contains(std::string(dir / "lexicon") + ": no lexicon files (*.toml)"));
}

TEST_CASE("bad input: a TOML syntax error in a lexicon file", "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + kGoodSources);
  const int at = WriteLexiconWith(dir,
                                  "\n[[theme]]\n"
                                  "id = \"ferries\n"
                                  "name = \"Ferries\"\n");
  const std::string error = ConfigError(dir);
  CHECK_THAT(error, Catch::Contains("small.toml:" + std::to_string(at + 2) + ": TOML syntax error"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

TEST_CASE("bad input: lexicon mistakes: a misspelt key, a string for a list, no cue, an unknown "
          "parent, an outcode in an unknown district, all reported at once",
          "[bad_input]") {
  TempDir dir;
  WriteGoodData(dir);
  WriteFile(dir / "round/pipeline.toml", std::string(kHead) + kGoodSources);
  // small.toml ends inside its [outcode] table, so the outcode line goes first.
  const int at = WriteLexiconWith(dir,
                                  "ZZ1 = { \"Atlantis\" = 1 }\n"  // at
                                  "\n"
                                  "[[theme]]\n"                   // at + 2
                                  "id = \"ferries\"\n"
                                  "name = \"Ferries\"\n"
                                  "outcomes = [\"O5\"]\n"
                                  "term = [\"ferry\"]\n"          // at + 6: misspelt
                                  "\n"
                                  "[[theme]]\n"                   // at + 8
                                  "id = \"trains\"\n"
                                  "name = \"Trains\"\n"
                                  "outcomes = [\"O5\"]\n"
                                  "parent = \"railways\"\n"
                                  "terms = \"train\"\n");         // at + 13: not a list
  const std::string error = ConfigError(dir);
  const auto line = [&](int offset) { return "small.toml:" + std::to_string(at + offset) + ":"; };
  CHECK_THAT(error, Catch::Contains(line(6)) && Catch::Contains("term"));
  CHECK_THAT(error, Catch::Contains(line(13)) && Catch::Contains("must be an array of strings"));
  INFO(error);
  // The first problems stop the parse; fixing them shows the rest, still with lines.
  WriteLexiconWith(dir,
                   "ZZ1 = { \"Atlantis\" = 1 }\n"
                   "\n"
                   "[[theme]]\n"
                   "id = \"ferries\"\n"
                   "name = \"Ferries\"\n"
                   "outcomes = [\"O5\"]\n"
                   "\n"
                   "[[theme]]\n"
                   "id = \"trains\"\n"
                   "name = \"Trains\"\n"
                   "outcomes = [\"O5\"]\n"
                   "parent = \"railways\"\n"
                   "terms = [\"train\"]\n");
  const std::string compiled = ConfigError(dir);
  INFO(compiled);
  CHECK_THAT(compiled, Catch::Contains(line(0) + " outcode ZZ1: unknown district 'Atlantis'"));
  CHECK_THAT(compiled, Catch::Contains(line(2) + " theme ferries has no terms and no patterns"));
  CHECK_THAT(compiled, Catch::Contains(line(7) + " theme trains: unknown parent 'railways'"));
  CHECK_FALSE(fs::exists(dir / "bad.db"));
}

}  // namespace heard
