// Reviewed codes from CSV: the three shapes, and bad rows reported with file and line.
#include <catch2/catch.hpp>
#include <sstream>

#include "heard/coding.h"
#include "store_fixture.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

std::string Id(int line) {
  Locator locator;
  locator.line_start = locator.line_end = line;
  return MakeRecordId("R", "src", locator);
}

std::unique_ptr<Store> TwoRecords(const TempDir& dir) {
  return testing::StoreWithRecords(
      dir / "f.db",
      {MakeRecord(Channel::kSurvey, 1, "r1", "The bus never comes.",
                  {MakeTag(TagKind::kTheme, "transport"), MakeTag(TagKind::kDistrict, "Thanet")}),
       MakeRecord(Channel::kSurvey, 2, "r2", "No GP appointments.",
                  {MakeTag(TagKind::kTheme, "gp-access")})});
}

Result<CodeChangeFile> Read(Store& store, const std::string& csv) {
  std::istringstream in(csv);
  return ReadCodeChanges(store, "R", in, "reviewed.csv");
}

}  // namespace

TEST_CASE("a change-list CSV gives one change per item, bad rows with their line", "[coding]") {
  TempDir dir;
  auto store = TwoRecords(dir);
  Result<CodeChangeFile> file = Read(
      *store, "record_id,change,reason\r\n" + Id(1) + ",+theme:funding; -theme:transport,budget\r\n" +
                  Id(2) + ",theme:funding,\r\n" +  // line 3: no sign
                  ",+theme:funding,\r\n" +         // line 4: no record id
                  "\r\n" +                         // line 5: blank, skipped
                  Id(2) + ",\"+district:Thanet\",\r\n");
  REQUIRE(file.ok());
  REQUIRE(file->changes.size() == 3);
  CHECK(file->changes[0].record_id == Id(1));
  CHECK(file->changes[0].reason == "budget");
  CHECK(file->changes[0].origin == "csv:reviewed.csv:2");
  CHECK(FormatCodeChange(file->changes[1]) == "-theme:transport");
  CHECK(file->changes[2].origin == "csv:reviewed.csv:6");
  REQUIRE(file->problems.size() == 2);
  CHECK(file->problems[0].line == 3);
  CHECK_THAT(file->problems[0].reason, Catch::Contains("not a code change"));
  CHECK(file->problems[1].line == 4);
  CHECK(file->problems[1].reason == "no record id");
}

TEST_CASE("a kind,value,action CSV is read; a wrong action is a row problem", "[coding]") {
  TempDir dir;
  auto store = TwoRecords(dir);
  Result<CodeChangeFile> file =
      Read(*store, "Record_ID,Kind,Value,Action\n" + Id(1) + ",theme,funding,add\n" + Id(1) +
                       ",district,Thanet,-\n" + Id(2) + ",theme,funding,maybe\n");
  REQUIRE(file.ok());
  REQUIRE(file->changes.size() == 2);
  CHECK(FormatCodeChange(file->changes[0]) == "+theme:funding");
  CHECK(FormatCodeChange(file->changes[1]) == "-district:Thanet");
  REQUIRE(file->problems.size() == 1);
  CHECK(file->problems[0].line == 4);
  CHECK_THAT(file->problems[0].reason, Catch::Contains("\"maybe\""));
}

TEST_CASE("an edited export is compared with each record's codes", "[coding]") {
  TempDir dir;
  auto store = TwoRecords(dir);
  // As `heard export --format csv` writes it, with record 1's themes edited and
  // record 2 left as it was.
  Result<CodeChangeFile> file =
      Read(*store, "id,round,text,themes,districts\n" + Id(1) +
                       ",R,The bus never comes.,funding; youth-clubs,Thanet\n" + Id(2) +
                       ",R,No GP appointments.,gp-access,\n" + "ffff,R,x,funding,\n");
  REQUIRE(file.ok());
  std::vector<std::string> changes;
  for (const CodeChange& c : file->changes) changes.push_back(c.record_id + FormatCodeChange(c));
  CHECK(changes == std::vector<std::string>{Id(1) + "-theme:transport", Id(1) + "+theme:funding",
                                            Id(1) + "+theme:youth-clubs"});
  REQUIRE(file->problems.size() == 1);
  CHECK(file->problems[0].line == 4);
  CHECK_THAT(file->problems[0].reason, Catch::Contains("no record \"ffff\""));

  // Applied, the same file then asks for nothing more.
  REQUIRE(ApplyCodeChanges(*store, "R", file->changes, {"alice", "--who"}).ok());
  Result<CodeChangeFile> again =
      Read(*store, "id,themes,districts\n" + Id(1) + ",funding; youth-clubs,Thanet\n");
  REQUIRE(again.ok());
  CHECK(again->changes.empty());
}

TEST_CASE("a CSV whose header fits no shape is refused with its line", "[coding]") {
  TempDir dir;
  auto store = TwoRecords(dir);
  Result<CodeChangeFile> file = Read(*store, "respondent,comment\nr1,hello\n");
  REQUIRE_FALSE(file.ok());
  CHECK_THAT(file.status().message(), Catch::StartsWith("reviewed.csv:1: the header must name"));
}

}  // namespace heard
