// Manual codes: apply, undo, no-ops, validation, audit, and every reader counting them.
#include "heard/coding.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "heard/export.h"
#include "heard/query.h"
#include "heard/report.h"
#include "heard/summary.h"
#include "store_fixture.h"

namespace heard {
namespace {

using testing::MakeRecord;
using testing::MakeTag;
using testing::TempDir;

// Three records of round "R": a bus complaint (transport, Thanet), a GP
// complaint (gp-access, Swale at share 0.2 only), and one with no theme.
std::unique_ptr<Store> ThreeRecords(const TempDir& dir) {
  return testing::StoreWithRecords(
      dir / "m.db",
      {MakeRecord(Channel::kSurvey, 1, "r1", "The bus never comes.",
                  {MakeTag(TagKind::kOutcome, "O5"), MakeTag(TagKind::kTheme, "transport"),
                   MakeTag(TagKind::kDistrict, "Thanet")}),
       MakeRecord(Channel::kSurvey, 2, "r2", "No GP appointments for weeks.",
                  {MakeTag(TagKind::kOutcome, "O5"), MakeTag(TagKind::kTheme, "gp-access"),
                   MakeTag(TagKind::kDistrict, "Tunbridge Wells", 0.8),
                   MakeTag(TagKind::kDistrict, "Swale", 0.2)}),
       MakeRecord(Channel::kSurvey, 3, "r3", "Nothing to add.", {})});
}

std::string Id(int line) {
  Locator locator;
  locator.line_start = locator.line_end = line;
  return MakeRecordId("R", "src", locator);
}

CodeChange Change(int line, const std::string& text, const std::string& reason = "") {
  Result<CodeChange> change = ParseCodeChange(text);
  REQUIRE(change.ok());
  change->record_id = Id(line);
  change->reason = reason;
  change->origin = "cli";
  return *change;
}

const Reviewer kAlice{"alice", "--who"};

std::vector<ChangeResult> Apply(Store& store, std::vector<CodeChange> changes,
                                const Reviewer& who = kAlice) {
  Result<std::vector<ChangeResult>> results = ApplyCodeChanges(store, "R", changes, who);
  REQUIRE(results.ok());
  return *results;
}

std::vector<Tag> TagsOf(Store& store, int line) {
  std::vector<Tag> tags;
  REQUIRE(store.ForEachRecord("R", [&](const Record& r) {
    if (r.id == Id(line)) tags = r.tags;
    return true;
  }).ok());
  return tags;
}

bool Has(const std::vector<Tag>& tags, TagKind kind, const std::string& value) {
  for (const Tag& tag : tags) {
    if (tag.kind == kind && tag.value == value) return true;
  }
  return false;
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

}  // namespace

TEST_CASE("a change is parsed from +kind:value and -kind:value", "[coding]") {
  Result<CodeChange> add = ParseCodeChange("+district:Tunbridge Wells");
  REQUIRE(add.ok());
  CHECK(add->kind == TagKind::kDistrict);
  CHECK(add->value == "Tunbridge Wells");
  CHECK(add->action == CodeAction::kAdd);
  Result<CodeChange> remove = ParseCodeChange("-theme:gp-access");
  REQUIRE(remove.ok());
  CHECK(remove->action == CodeAction::kRemove);
  CHECK(FormatCodeChange(*remove) == "-theme:gp-access");
  for (const char* bad : {"theme:x", "+theme", "+theme:", "+partner:PCC", "+:x", ""}) {
    INFO(bad);
    CHECK_FALSE(ParseCodeChange(bad).ok());
  }
}

TEST_CASE("adding and removing codes changes what the store reads back, and undoes", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  auto results = Apply(*store, {Change(1, "+theme:funding", "mentions the budget"),
                                Change(1, "-theme:transport")});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == ChangeOutcome::kAdded);
  CHECK(results[0].before == std::vector<std::string>{"transport"});
  CHECK(results[0].after == std::vector<std::string>{"funding", "transport"});
  CHECK(results[1].outcome == ChangeOutcome::kRemoved);
  CHECK(results[1].after == std::vector<std::string>{"funding"});

  std::vector<Tag> tags = TagsOf(*store, 1);
  CHECK_FALSE(Has(tags, TagKind::kTheme, "transport"));
  REQUIRE(Has(tags, TagKind::kTheme, "funding"));
  const Tag& manual = tags.back();
  CHECK(manual.origin == Origin::kManual);
  CHECK_THAT(manual.evidence.note, Catch::StartsWith("added by alice 20"));
  CHECK_THAT(manual.evidence.note, Catch::EndsWith(": mentions the budget"));
  CHECK(Has(tags, TagKind::kOutcome, "O5"));  // untouched

  SECTION("the same change again is a no-op, reported as such and not audited") {
    auto again = Apply(*store, {Change(1, "+theme:funding"), Change(1, "-theme:transport"),
                                Change(3, "-theme:gp-access"), Change(2, "+theme:gp-access")});
    CHECK(again[0].outcome == ChangeOutcome::kAlreadyPresent);
    CHECK(again[1].outcome == ChangeOutcome::kAlreadyAbsent);
    CHECK(again[2].outcome == ChangeOutcome::kAlreadyAbsent);
    CHECK(again[3].outcome == ChangeOutcome::kAlreadyPresent);
    CHECK(CodeAudit(*store, "R")->size() == 2);
  }
  SECTION("the opposite change undoes a manual add and restores a machine code") {
    auto undo = Apply(*store, {Change(1, "-theme:funding"), Change(1, "+theme:transport")});
    CHECK(undo[0].outcome == ChangeOutcome::kUndone);
    CHECK(undo[1].outcome == ChangeOutcome::kRestored);
    tags = TagsOf(*store, 1);
    CHECK(Has(tags, TagKind::kTheme, "transport"));
    CHECK_FALSE(Has(tags, TagKind::kTheme, "funding"));
    for (const Tag& tag : tags) CHECK(tag.origin != Origin::kManual);
    CHECK(ListManualCodes(*store, "R")->empty());
    CHECK(CodeAudit(*store, "R")->size() == 4);  // the undo is audited too
  }
}

TEST_CASE("every change is audited with who, when, before and after", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  Apply(*store, {Change(2, "-district:tunbridge wells", "lives in Swale")}, {"bob", "USER"});
  Result<std::vector<CodeAuditEntry>> log = CodeAudit(*store, "R");
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  const CodeAuditEntry& e = (*log)[0];
  CHECK(e.who == "bob");
  CHECK(e.who_from == "USER");
  CHECK(e.record_id == Id(2));
  CHECK(e.kind == TagKind::kDistrict);
  CHECK(e.value == "Tunbridge Wells");  // canonical spelling stored
  CHECK(e.action == CodeAction::kRemove);
  CHECK(e.outcome == "removed");
  CHECK(e.before == "Tunbridge Wells");  // Swale at 0.2 is not counted
  CHECK(e.after == "");
  CHECK(e.reason == "lives in Swale");
  CHECK(e.origin == "cli");
  CHECK(e.at.size() == 20);  // 2026-11-24T11:00:00Z
}

TEST_CASE("a change the round does not allow is rejected with the reason", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  CodeChange missing = Change(1, "+theme:funding");
  missing.record_id = "0000000000000000";
  CodeChange partner = Change(1, "+theme:funding");
  partner.kind = TagKind::kPartner;
  auto results = Apply(*store, {missing, Change(1, "+theme:housing"), Change(1, "+outcome:O9"),
                                Change(1, "+district:Narnia"), partner,
                                Change(1, "+district:swale")});
  REQUIRE(results.size() == 6);
  CHECK(results[0].outcome == ChangeOutcome::kRejected);
  CHECK(results[0].rejected_for == Status::Code::kNotFound);
  CHECK_THAT(results[0].message, Catch::Contains("no record \"0000000000000000\""));
  CHECK(results[1].outcome == ChangeOutcome::kRejected);
  CHECK_THAT(results[1].message, Catch::Contains("no theme \"housing\""));
  CHECK_THAT(results[1].message, Catch::Contains("gp-access"));  // lists what there is
  CHECK(results[2].outcome == ChangeOutcome::kRejected);
  CHECK_THAT(results[3].message, Catch::Contains("no district \"Narnia\""));
  CHECK(results[4].outcome == ChangeOutcome::kRejected);
  // A district some record carries (here at share 0.2) is known; spelling is canonical.
  CHECK(results[5].outcome == ChangeOutcome::kAdded);
  CHECK(results[5].change.value == "Swale");
  auto upper = Apply(*store, {Change(3, "+theme:Youth-Clubs")});
  CHECK(upper[0].outcome == ChangeOutcome::kAdded);
  CHECK(upper[0].change.value == "youth-clubs");
  CHECK(ListManualCodes(*store, "R")->size() == 2);

  SECTION("all or nothing writes nothing when one change is rejected") {
    ApplyOptions options;
    options.all_or_nothing = true;
    auto none = ApplyCodeChanges(*store, "R", {Change(3, "+theme:funding"),
                                               Change(3, "+theme:nope")}, kAlice, options);
    REQUIRE(none.ok());
    CHECK((*none)[0].outcome == ChangeOutcome::kAdded);  // as it would have been
    CHECK(ListManualCodes(*store, "R")->size() == 2);
    CHECK(CodeAudit(*store, "R")->size() == 2);
  }
  CHECK(ApplyCodeChanges(*store, "nope", {}, kAlice).status().code() == Status::Code::kNotFound);
}

TEST_CASE("summaries count manual codes: +theme raises the count by one, -theme lowers it",
          "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  Result<Summary> before = Summarise(*store, "R");
  REQUIRE(before.ok());
  CHECK(ThemeRecords(*before, "transport") == 1);
  CHECK(ThemeRecords(*before, "gp-access") == 1);
  CHECK(ThemeRecords(*before, "youth-clubs") == 0);
  Apply(*store, {Change(3, "+theme:gp-access"), Change(1, "-theme:transport"),
                 Change(3, "+outcome:O5")});
  Apply(*store, {Change(2, "+theme:youth-clubs")}, {"bob", "HEARD_USER"});
  Result<Summary> after = Summarise(*store, "R");
  REQUIRE(after.ok());
  CHECK(ThemeRecords(*after, "gp-access") == 2);
  CHECK(ThemeRecords(*after, "transport") == 0);
  CHECK(ThemeRecords(*after, "youth-clubs") == 1);
  CHECK(after->overview.manual_added == 3);
  CHECK(after->overview.manual_removed == 1);
  CHECK(after->overview.manual_reviewers == 2);
  CHECK_THAT(RenderSummaryMarkdown(*after),
             Catch::Contains("Manual codes: 3 added, 1 removed, by 2 reviewers"));
  CHECK_THAT(RenderSummaryJson(*after), Catch::Contains("\"manual_codes\""));
  CHECK_THAT(RenderSummaryMarkdown(*before), !Catch::Contains("Manual codes"));
}

TEST_CASE("the report and exports say which codes are manual", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  Apply(*store, {Change(3, "+theme:funding", "budget"), Change(1, "-theme:transport")});
  Result<Report> report = BuildReport(*store, "R");
  REQUIRE(report.ok());
  REQUIRE(report->records.size() == 3);
  CHECK(report->records[0].manual.empty());
  CHECK(report->records[0].themes.empty());
  CHECK(report->records[2].manual == std::vector<std::string>{"theme:funding"});
  CHECK(report->records[2].themes == std::vector<std::string>{"funding"});
  const std::string html = RenderReportHtml(*report);
  CHECK_THAT(html, Catch::Contains("Manual codes: 1 added, 1 removed, by 1 reviewer;"));
  CHECK_THAT(html, Catch::Contains("\"man\":[\"theme:funding\"]"));
  CHECK_THAT(RenderReportMarkdown(*report), Catch::Contains("Manual codes: 1 added, 1 removed"));

  std::ostringstream csv;
  REQUIRE(ExportRecords(*store, "R", ExportFormat::kCsv, csv).ok());
  std::istringstream lines(csv.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  REQUIRE(rows.size() == 4);
  CHECK_THAT(rows[1], !Catch::Contains("transport"));
  CHECK_THAT(rows[3], Catch::Contains(",funding,"));
  CHECK_THAT(rows[3], Catch::Contains("\"\"origin\"\":\"\"manual\"\""));
  CHECK_THAT(rows[3], Catch::Contains("added by alice 20"));
}

TEST_CASE("search filters and hits follow manual codes", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  SearchOptions by_theme;
  by_theme.theme = "transport";
  CHECK(Search(*store, "R", "bus", by_theme)->total == 1);
  Apply(*store, {Change(1, "-theme:transport"), Change(3, "+theme:transport"),
                 Change(3, "+district:Thanet")});
  CHECK(Search(*store, "R", "bus", by_theme)->total == 0);
  Result<SearchResult> nothing = Search(*store, "R", "nothing", by_theme);
  REQUIRE(nothing.ok());
  REQUIRE(nothing->total == 1);
  CHECK(nothing->hits[0].record.themes == std::vector<std::string>{"transport"});
  CHECK(nothing->hits[0].record.districts == std::vector<std::string>{"Thanet"});
  SearchOptions by_district;
  by_district.district = "thanet";
  CHECK(Search(*store, "R", "nothing OR bus", by_district)->total == 2);
}

TEST_CASE("manual codes outlive a corrected source and say what became of them", "[coding]") {
  TempDir dir;
  auto store = ThreeRecords(dir);
  Apply(*store, {Change(1, "-theme:transport"), Change(2, "+theme:funding"),
                 Change(3, "+theme:youth-clubs")});
  // The source is corrected: line 3 is gone, line 1 no longer mentions transport,
  // and line 2 now mentions funding itself.
  Result<int64_t> round = store->PutRound({"R", "2026-06-30"});
  REQUIRE(round.ok());
  Result<int64_t> source = store->BeginSource(*round, "src", Channel::kSurvey);
  REQUIRE(source.ok());
  Batch batch;
  batch.records = {MakeRecord(Channel::kSurvey, 1, "r1", "The car park is full.", {}),
                   MakeRecord(Channel::kSurvey, 2, "r2", "No GP, and no funding.",
                              {MakeTag(TagKind::kTheme, "gp-access"),
                               MakeTag(TagKind::kTheme, "funding")})};
  batch.items_read = 2;
  Ledger ledger;
  REQUIRE(store->WriteBatch(*source, batch, &ledger).ok());
  REQUIRE(store->FinishSource(*source, ledger, {}).ok());

  Result<std::vector<ManualCode>> codes = ListManualCodes(*store, "R");
  REQUIRE(codes.ok());
  REQUIRE(codes->size() == 3);  // none dropped
  std::map<std::string, std::string> state;
  for (const ManualCode& code : *codes) state[code.record_id] = code.state;
  CHECK(state[Id(1)] == "stale");
  CHECK(state[Id(2)] == "redundant");
  CHECK(state[Id(3)] == "orphaned");
  Result<ManualCodeCounts> counts = CountManualCodes(*store, "R");
  CHECK(counts->added == 1);
  CHECK(counts->removed == 0);
  CHECK(counts->stale == 1);
  CHECK(counts->orphaned == 1);
  // The redundant add is counted once, not twice.
  std::vector<Tag> tags = TagsOf(*store, 2);
  int funding = 0;
  for (const Tag& tag : tags) funding += tag.value == "funding";
  CHECK(funding == 1);
  Result<Summary> summary = Summarise(*store, "R");
  CHECK(ThemeRecords(*summary, "funding") == 1);
  CHECK_THAT(RenderSummaryMarkdown(*summary),
             Catch::Contains("1 more are on records no longer in the round"));
}

}  // namespace heard
