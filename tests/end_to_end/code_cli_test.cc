// `heard code` as an analyst runs it: changes on the command line and from CSV, the audit,
// and manual codes surviving a re-run, a lexicon change and a corrected source file.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct Outcome {
  int code = -1;
  std::string out;  // stdout and stderr together
};

Outcome Heard(const std::string& args, const std::string& env = "") {
  const std::string command = env + " " + std::string(HEARD_EXE) + " " + args + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) outcome.out.append(buffer, n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

constexpr const char* kNotes = R"(# Youth forum
Group: Young people
District: Thanet
Date: 2026-04-01

## Notes

- The bus to the youth club stopped running in the evenings.
- Nobody can get a GP appointment before school.
- Funding for the youth club was cut last year.
- The library is a good place to study.
)";

// A record of the round: its themes and whether a manual tag is among its evidence.
struct Row {
  std::vector<std::string> themes;
  bool manual = false;
};

// text prefix -> record, from `heard export --format jsonl`.
std::map<std::string, std::pair<std::string, Row>> Export(const std::string& db) {
  Outcome out = Heard("export --db " + db + " --format jsonl");
  REQUIRE(out.code == 0);
  std::map<std::string, std::pair<std::string, Row>> rows;
  std::istringstream lines(out.out);
  for (std::string line; std::getline(lines, line);) {
    const auto json = nlohmann::json::parse(line);
    Row row;
    row.themes = json["themes"].get<std::vector<std::string>>();
    for (const auto& e : json["evidence"]) row.manual = row.manual || e["origin"] == "manual";
    rows[json["text"].get<std::string>().substr(0, 12)] = {json["id"], row};
  }
  return rows;
}

// Records carrying `theme`, as `heard export` lists them (the rows every summary counts).
int64_t ThemeRecords(const std::string& db, const std::string& theme) {
  int64_t records = 0;
  for (const auto& [text, row] : Export(db)) {
    const auto& themes = row.second.themes;
    records += std::find(themes.begin(), themes.end(), theme) != themes.end();
  }
  return records;
}

}  // namespace

TEST_CASE("manual codes survive re-runs, a lexicon change and a corrected source", "[cli][coding]") {
  TempDir dir;
  const std::string db = dir / "r.db";
  WriteFile(dir / "lex/small.toml", testing::kSmallLexiconToml);
  WriteFile(dir / "notes/forum.md", kNotes);
  const std::string ingest = "ingest -q --db " + db + " --round R --channel focus_group --lexicons " +
                             dir / "lex" + " " + dir / "notes/forum.md";
  REQUIRE(Heard(ingest).code == 0);
  auto rows = Export(db);
  REQUIRE(rows.size() == 4);
  const std::string bus = rows["The bus to t"].first, gp = rows["Nobody can g"].first,
                    library = rows["The library "].first;
  REQUIRE(rows["The bus to t"].second.themes ==
          std::vector<std::string>{"youth-clubs", "transport"});
  CHECK(ThemeRecords(db, "transport") == 1);
  CHECK(ThemeRecords(db, "funding") == 1);

  Outcome coded = Heard("code --db " + db + " " + bus + " -theme:transport +theme:funding " +
                            library + " +theme:youth-clubs --reason 'second reading' --who alice");
  INFO(coded.out);
  REQUIRE(coded.code == 0);
  CHECK_THAT(coded.out, Catch::Contains("3 applied"));
  CHECK(ThemeRecords(db, "transport") == 0);
  CHECK(ThemeRecords(db, "funding") == 2);
  CHECK(ThemeRecords(db, "youth-clubs") == 3);

  // Run the round again: same record ids, codes still applied.
  REQUIRE(Heard(ingest).code == 0);
  rows = Export(db);
  CHECK(rows["The bus to t"].first == bus);
  CHECK(rows["The bus to t"].second.themes == std::vector<std::string>{"youth-clubs", "funding"});
  CHECK(rows["The bus to t"].second.manual);
  CHECK(ThemeRecords(db, "funding") == 2);
  Outcome summary = Heard("summary --db " + db);
  CHECK_THAT(summary.out, Catch::Contains("Manual codes: 2 added, 1 removed, by 1 reviewer"));

  // A new lexicon without the transport theme, and a new "libraries" theme.
  std::string lexicon = testing::kSmallLexiconToml;
  const size_t start = lexicon.find("[[theme]]\nid = \"transport\"");
  const size_t end = lexicon.find("[[theme]]", start + 1);
  lexicon.replace(start, end - start,
                  "[[theme]]\nid = \"libraries\"\nname = \"Libraries\"\noutcomes = [\"GEN\"]\n"
                  "terms = [\"library\"]\n\n");
  WriteFile(dir / "lex/small.toml", lexicon);
  REQUIRE(Heard(ingest).code == 0);
  CHECK(ThemeRecords(db, "transport") == 0);
  CHECK(ThemeRecords(db, "funding") == 2);      // the manual add still counts
  CHECK(ThemeRecords(db, "youth-clubs") == 3);
  CHECK(ThemeRecords(db, "libraries") == 1);
  Outcome list = Heard("code --db " + db + " --list");
  CHECK(list.code == 0);
  CHECK_THAT(list.out, Catch::Contains("-theme:transport"));
  CHECK_THAT(list.out, Catch::Contains("[stale]"));
  CHECK_THAT(list.out, Catch::Contains("1 stale: removes a code the lexicon no longer finds"));
  // Removing the stale code is allowed even though the lexicon no longer has the theme.
  Outcome undo = Heard("code --db " + db + " " + bus + " +theme:transport --who alice");
  CHECK(undo.code == 0);
  CHECK_THAT(undo.out, Catch::Contains("+theme:transport: added"));

  // The source is corrected: the library line is gone. Its manual code is kept, marked.
  std::string corrected = kNotes;
  corrected.erase(corrected.find("- The library"));
  WriteFile(dir / "notes/forum.md", corrected);
  REQUIRE(Heard(ingest).code == 0);
  list = Heard("code --db " + db + " --list --format json");
  REQUIRE(list.code == 0);
  bool orphan = false;
  const nlohmann::json codes = nlohmann::json::parse(list.out);
  for (const auto& c : codes) {
    if (c["record_id"] == library) orphan = c["state"] == "orphaned";
  }
  CHECK(orphan);
  CHECK(ThemeRecords(db, "youth-clubs") == 2);
  CHECK_THAT(Heard("summary --db " + db).out,
             Catch::Contains("1 more are on records no longer in the round"));
  (void)gp;
}

TEST_CASE("heard code: exit codes, who from the environment, CSV with bad rows", "[cli][coding]") {
  TempDir dir;
  const std::string db = dir / "c.db";
  WriteFile(dir / "lex/small.toml", testing::kSmallLexiconToml);
  WriteFile(dir / "notes/forum.md", kNotes);
  REQUIRE(Heard("ingest -q --db " + db + " --round R --channel focus_group --lexicons " +
                dir / "lex" + " " + dir / "notes/forum.md")
              .code == 0);
  auto rows = Export(db);
  const std::string bus = rows["The bus to t"].first, gp = rows["Nobody can g"].first;

  CHECK(Heard("code --db " + db + " " + bus + " +theme:nope").code == 2);
  CHECK(Heard("code --db " + db + " 0000000000000000 +theme:funding").code == 4);
  CHECK(Heard("code --db " + db + " --round Nope --list").code == 4);
  CHECK(Heard("code --db " + dir / "missing.db" + " --list").code == 4);
  CHECK(Heard("code --db " + db + " +theme:funding").code == 2);  // no record id
  CHECK(Heard("code --db " + db + " --list --audit").code == 2);
  // The rejected command changed nothing, not even its valid half.
  Outcome half = Heard("code --db " + db + " " + bus + " +theme:funding +theme:nope");
  CHECK(half.code == 2);
  CHECK_THAT(half.out, !Catch::Contains("+theme:funding: added"));
  CHECK_THAT(half.out, Catch::Contains("nothing was changed"));
  CHECK_THAT(Heard("code --db " + db + " --list").out, Catch::Contains("0 manual codes"));

  Outcome env = Heard("code --db " + db + " " + gp + " -district:thanet",
                      "env -u USER HEARD_USER=bob");
  REQUIRE(env.code == 0);
  WriteFile(dir / "reviewed.csv", "record_id,change,reason\n" + bus + ",-theme:transport,not about buses\n" +
                                      bus + ",+theme:housing,\n" + "0000000000000000,+theme:funding,\n" +
                                      gp + ",+outcome:GEN,general point\n");
  Outcome csv = Heard("code --db " + db + " --from-csv " + dir / "reviewed.csv",
                      "env -u HEARD_USER -u USER");
  INFO(csv.out);
  CHECK(csv.code == 0);
  CHECK_THAT(csv.out, Catch::Contains("reviewed.csv:3: " + bus + " +theme:housing: no theme"));
  CHECK_THAT(csv.out, Catch::Contains("reviewed.csv:4: 0000000000000000 +theme:funding: no record"));
  CHECK_THAT(csv.out, Catch::Contains("2 applied, 0 already so, 2 rejected"));

  Outcome audit = Heard("code --db " + db + " --audit --format csv");
  REQUIRE(audit.code == 0);
  std::istringstream lines(audit.out);
  std::vector<std::string> audit_rows;
  for (std::string line; std::getline(lines, line);) audit_rows.push_back(line);
  REQUIRE(audit_rows.size() == 4);  // header + 3 changes
  CHECK_THAT(audit_rows[1], Catch::Contains(",bob,HEARD_USER," + gp + ",district,Thanet,remove,removed,Thanet,,,cli"));
  CHECK_THAT(audit_rows[2], Catch::Contains(",unknown,unknown," + bus + ",theme,transport,remove,removed,"));
  CHECK_THAT(audit_rows[2], Catch::Contains(",not about buses,csv:"));
  CHECK_THAT(audit_rows[3], Catch::Contains("general point,csv:" + dir / "reviewed.csv" + ":5"));
}

}  // namespace heard
