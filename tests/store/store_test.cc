#include "heard/store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace heard {
namespace {

using testing::TempDir;

Record MakeRecord(const std::string& source, int line, const std::string& text,
                  const std::string& dedup = "") {
  Record record;
  record.round = "R";
  record.channel = Channel::kFocusGroup;
  record.source = source;
  record.locator.line_start = record.locator.line_end = line;
  record.id = MakeRecordId(record.round, source, record.locator);
  record.text = text;
  record.match_text = text;
  record.dedup_key = dedup;
  Tag theme;
  theme.kind = TagKind::kTheme;
  theme.value = "transport";
  theme.evidence = {"bus", "bus", 0, 3, ""};
  record.tags.push_back(theme);
  return record;
}

// Loads `texts` as one source; returns its ledger.
Ledger Load(Store& store, int64_t round_id, const std::string& source,
            const std::vector<std::string>& texts, const std::string& dedup_prefix = "") {
  Result<int64_t> source_id = store.BeginSource(round_id, source, Channel::kFocusGroup);
  REQUIRE(source_id.ok());
  Batch batch;
  int line = 1;
  for (const std::string& text : texts) {
    batch.records.push_back(
        MakeRecord(source, line++, text, dedup_prefix.empty() ? "" : dedup_prefix + text));
    ++batch.items_read;
  }
  batch.non_answers = 1;
  batch.items_read += 1;
  batch.problems.push_back({Problem::Severity::kWarning, source, 2, "", "odd line", 0});
  Ledger ledger;
  ledger.source = source;
  REQUIRE(store.WriteBatch(*source_id, batch, &ledger).ok());
  REQUIRE(store.FinishSource(*source_id, ledger, SourceInfo{"UTF-8", "valid UTF-8", {}}).ok());
  return ledger;
}

// A new store at `path` with round "R" and source "a.md" begun.
struct Loading {
  std::unique_ptr<Store> store;
  int64_t source_id = 0;
};
Loading BeginLoading(const std::string& path) {
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"R", ""});
  REQUIRE(round.ok());
  Result<int64_t> source_id = (*store)->BeginSource(*round, "a.md", Channel::kFocusGroup);
  REQUIRE(source_id.ok());
  return Loading{std::move(*store), *source_id};
}

}  // namespace

TEST_CASE("a new store gets the schema, WAL and its version", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "a.db");
  REQUIRE(store.ok());
  SQLite::Database db(dir / "a.db");
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 8192);
  CHECK(db.tableExists("records"));
  CHECK(db.tableExists("records_fts"));
  CHECK(db.tableExists("ledger"));
  REQUIRE(Store::Open(dir / "a.db").ok());  // reopening is fine
}

TEST_CASE("a schema-1 database is upgraded in place and keeps its records", "[store]") {
  TempDir dir;
  {
    auto store = Store::Open(dir / "old.db");
    REQUIRE(store.ok());
    auto round = (*store)->PutRound({"R", "2026-01-01"});
    REQUIRE(round.ok());
    Load(**store, *round, "a.md", {"the bus", "the train"});
  }
  {  // make it what heard 0.1 wrote: no qualifier column, no manual codes, user_version 1
    SQLite::Database db(dir / "old.db", SQLite::OPEN_READWRITE);
    db.exec("DROP VIEW coded_tags; DROP TABLE manual_codes; DROP TABLE code_audit");
    db.exec("ALTER TABLE tags DROP COLUMN qualifier");
    db.exec("ALTER TABLE records ADD COLUMN match_text TEXT NOT NULL DEFAULT ''");
    db.exec("PRAGMA user_version = 1");
  }
  auto store = Store::Open(dir / "old.db");
  REQUIRE(store.ok());
  CHECK(*(*store)->CountRecords("R") == 2);
  std::vector<Record> records;
  REQUIRE((*store)->ForEachRecord("R", [&](const Record& r) { records.push_back(r); return true; }).ok());
  REQUIRE(records.size() == 2);
  REQUIRE(records[0].tags.size() == 1);
  CHECK(records[0].tags[0].value == "transport");
  CHECK(records[0].tags[0].qualifier == Qualifier::kNone);
  SQLite::Database db(dir / "old.db");
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
  // The upgrade creates the manual-code tables exactly as a new database has them.
  auto fresh = Store::Open(dir / "new.db");
  REQUIRE(fresh.ok());
  SQLite::Database new_db(dir / "new.db");
  for (const char* name : {"manual_codes", "code_audit", "code_audit_round", "coded_tags"}) {
    SQLite::Statement upgraded(db, "SELECT sql FROM sqlite_master WHERE name = ?");
    SQLite::Statement created(new_db, "SELECT sql FROM sqlite_master WHERE name = ?");
    upgraded.bind(1, name);
    created.bind(1, name);
    REQUIRE(upgraded.executeStep());
    REQUIRE(created.executeStep());
    CHECK(upgraded.getColumn(0).getString() == created.getColumn(0).getString());
  }
}

TEST_CASE("a schema-2 database written before manual codes existed gets their tables", "[store]") {
  TempDir dir;
  REQUIRE(Store::Open(dir / "early.db").ok());
  {
    SQLite::Database db(dir / "early.db", SQLite::OPEN_READWRITE);
    db.exec("DROP VIEW coded_tags; DROP TABLE manual_codes; DROP TABLE code_audit");
    db.exec("ALTER TABLE records ADD COLUMN match_text TEXT NOT NULL DEFAULT ''");
    db.exec("PRAGMA user_version = 2");
  }
  REQUIRE(Store::Open(dir / "early.db").ok());
  SQLite::Database db(dir / "early.db");
  CHECK(db.tableExists("manual_codes"));
  CHECK(db.tableExists("code_audit"));
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'coded_tags'").getInt() == 1);
}

TEST_CASE("a schema-2 database gets digested dedup keys and an index of every record",
          "[store]") {
  TempDir dir;
  const std::string path = dir / "two.db";
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    auto round = (*store)->PutRound({"R", ""});
    REQUIRE(round.ok());
    Load(**store, *round, "a.md", {"the bus", "the train"}, "P1|Q1|");
    Load(**store, *round, "b.md", {"the ferry"}, "P2|Q1|");
  }
  {  // make it what schema 2 wrote: whole keys, and b.md left 'loading' by a killed run,
     // its record never indexed
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE records SET dedup_key = "
            "(CASE source_id WHEN 1 THEN 'P1|Q1|' ELSE 'P2|Q1|' END) || text");
    db.exec("INSERT INTO records_fts(records_fts, rowid, text) "
            "SELECT 'delete', seq, text FROM records WHERE source_id = 2");
    db.exec("UPDATE sources SET status = 'loading' WHERE id = 2");
    db.exec("ALTER TABLE records ADD COLUMN match_text TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE records SET match_text = lower(text)");
    db.exec("PRAGMA user_version = 2");
    db.exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ferry'")
              .getInt() == 0);
  }
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  {
    SQLite::Database db(path);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 3);
    CHECK(db.execAndGet("SELECT count(*) FROM records WHERE length(dedup_key) = 16 AND "
                        "typeof(dedup_key) = 'blob'")
              .getInt() == 3);
    CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ferry'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_table_info('records') "
                        "WHERE name = 'match_text'")
              .getInt() == 0);
    CHECK(db.execAndGet("SELECT group_concat(text, '|') FROM records ORDER BY seq").getString() ==
          "the bus|the train|the ferry");
  }
  // A key stored by schema 2 still catches its repeat from a new source.
  auto round = (*store)->PutRound({"R", ""});
  REQUIRE(round.ok());
  const Ledger again = Load(**store, *round, "c.md", {"the bus", "the tram"}, "P1|Q1|");
  CHECK(again.duplicates == 1);
  CHECK(again.stored == 1);
  // Re-loading the killed source takes its records out of the index cleanly.
  const Ledger reload = Load(**store, *round, "b.md", {"the ferry", "the boat"}, "P2|Q1|");
  CHECK(reload.stored == 2);
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ferry'")
            .getInt() == 1);
  REQUIRE_NOTHROW(db.exec("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')"));
}

TEST_CASE("a record is searchable as soon as its batch commits", "[store]") {
  TempDir dir;
  Loading loading = BeginLoading(dir / "s.db");
  loading.store->set_batches_per_transaction(1);
  Batch batch;
  batch.records.push_back(MakeRecord("a.md", 1, "a ferry to the island"));
  batch.items_read = 1;
  Ledger ledger;
  REQUIRE(loading.store->WriteBatch(loading.source_id, batch, &ledger).ok());
  SQLite::Database reader(dir / "s.db");
  CHECK(reader.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ferries'")
            .getInt() == 1);  // porter stemming, as before
}

TEST_CASE("a tag's qualifier is stored and read back", "[store]") {
  TempDir dir;
  Loading loading = BeginLoading(dir / "q.db");
  Store& store = *loading.store;
  Batch batch;
  batch.records.push_back(MakeRecord("a.md", 1, "no problems with the bus"));
  batch.records.back().tags[0].qualifier = Qualifier::kNegated;
  batch.items_read = 1;
  Ledger ledger;
  REQUIRE(store.WriteBatch(loading.source_id, batch, &ledger).ok());
  REQUIRE(store.FinishSource(loading.source_id, ledger, SourceInfo{"UTF-8", "valid UTF-8", {}}).ok());
  std::vector<Record> records;
  REQUIRE(store.ForEachRecord("R", [&](const Record& r) { records.push_back(r); return true; }).ok());
  REQUIRE(records.size() == 1);
  CHECK(records[0].tags[0].qualifier == Qualifier::kNegated);
}

TEST_CASE("the store refuses files that are not heard databases", "[store]") {
  TempDir dir;
  {
    SQLite::Database other(dir / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE people(name TEXT)");
  }
  auto store = Store::Open(dir / "other.db");
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == Status::Code::kStore);
  CHECK_THAT(store.status().message(), Catch::Contains("not a heard database"));

  {
    SQLite::Database newer(dir / "newer.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    newer.exec("PRAGMA user_version = 99");
  }
  auto newer = Store::Open(dir / "newer.db");
  REQUIRE_FALSE(newer.ok());
  CHECK_THAT(newer.status().message(), Catch::Contains("newer heard"));
}

TEST_CASE("a source's ledger reconciles and duplicates are counted, not stored", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "s.db");
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"R", "2026-01-01"});
  REQUIRE(round.ok());
  Ledger ledger = Load(**store, *round, "a.md", {"the bus", "the bus", "no bus"}, "k:");
  CHECK(ledger.items_read == 4);
  CHECK(ledger.stored == 2);
  CHECK(ledger.duplicates == 1);
  CHECK(ledger.non_answers == 1);
  CHECK(ledger.warnings == 1);
  CHECK(ledger.Reconciles());

  auto ledgers = (*store)->Ledgers("R");
  REQUIRE(ledgers.ok());
  REQUIRE(ledgers->size() == 1);
  CHECK(ledgers->front().stored == 2);
  CHECK(ledgers->front().Reconciles());
  auto problems = (*store)->Problems("R");
  REQUIRE(problems.ok());
  REQUIRE(problems->size() == 1);
  CHECK(problems->front().problem.line == 2);
}

TEST_CASE("reloading a source replaces its records; other sources stay", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "s.db");
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"R", ""});
  REQUIRE(round.ok());
  Load(**store, *round, "a.md", {"first bus", "second bus"});
  Load(**store, *round, "b.md", {"other bus"});
  CHECK(*(*store)->CountRecords("R") == 3);
  Load(**store, *round, "a.md", {"first bus", "second bus"});  // the same file again
  CHECK(*(*store)->CountRecords("R") == 3);
  Load(**store, *round, "a.md", {"corrected bus"});  // a corrected file
  CHECK(*(*store)->CountRecords("R") == 2);

  std::vector<std::string> texts;
  REQUIRE((*store)
              ->ForEachRecord("R",
                              [&](const Record& r) {
                                texts.push_back(r.text);
                                CHECK(r.tags.size() == 1);
                                CHECK(r.tags[0].evidence.matched == "bus");
                                return true;
                              })
              .ok());
  CHECK(texts == std::vector<std::string>{"other bus", "corrected bus"});

  // The full-text index follows: deleted text is gone, new text is found.
  SQLite::Database db(dir / "s.db");
  CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'second'")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'corrected'")
            .getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM tags").getInt() == 2);
}

TEST_CASE("an unknown round is named with the rounds there are", "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "s.db");
  REQUIRE(store.ok());
  REQUIRE((*store)->PutRound({"Spring", ""}).ok());
  auto missing = (*store)->GetRound("Autumn");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("\"Spring\""));
  CHECK(*(*store)->DefaultRound() == "Spring");
}

}  // namespace heard

namespace heard {

int TagsOf(int row) { return 2 + 3 * row; }  // tags the record of `row` carries

// Store::WriteBatch binds without copying (src/store/batch_writer.cc): what it stores must be
// the batch's content even once the batch is gone, in record order then tag order.
TEST_CASE("batches are stored field for field, tags in order, duplicates without tags",
          "[store]") {
  TempDir dir;
  auto store = Store::Open(dir / "b.db");
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"R", ""});
  REQUIRE(round.ok());
  Result<int64_t> source_id = (*store)->BeginSource(*round, "a.csv", Channel::kSurvey);
  REQUIRE(source_id.ok());
  Ledger ledger;
  auto make_batch = [](int first) {
    auto batch = std::make_unique<Batch>();
    for (int i = first; i < first + 3; ++i) {
      Record record;
      record.round = "R";
      record.source = "a.csv";
      record.channel = Channel::kSurvey;
      record.locator.row = i;
      record.locator.column = "Q1";
      record.id = MakeRecordId("R", "a.csv", record.locator);
      record.respondent = "P" + std::to_string(i);
      record.question = "Q1";
      // Row 5 repeats row 4's answer: the same respondent, question and text.
      const int same = i == 5 ? 4 : i;
      record.text = "answer " + std::to_string(same);
      record.match_text = "ANSWER " + std::to_string(same);
      record.dedup_key = "P" + std::to_string(same) + "|Q1|answer " + std::to_string(same);
      if (i == 5) record.respondent = "P4";
      record.attributes = {{"Age band", "25-34"}, {"Carer", i % 2 ? "yes" : "no"}};
      record.flags = i == 2 ? static_cast<uint32_t>(kFlagInvalidUtf8) : 0u;
      record.redactions = i;
      // 5, 8, 11, 14, 17 and 20 tags: a batch's tags go 16 rows to a statement, the rest
      // one by one, and the duplicate's 17 fall between two stored records.
      for (int t = 0; t < TagsOf(i); ++t) {
        Tag tag;
        tag.kind = t % 3 == 2 ? TagKind::kDistrict : TagKind::kTheme;
        tag.value = "value " + std::to_string(i) + "." + std::to_string(t);
        tag.origin = t % 3 == 2 ? Origin::kPostcode : Origin::kLexicon;
        tag.evidence = {"pattern " + std::to_string(t), "matched", t, t + 1,
                        t % 3 == 2 ? "split outcode" : ""};
        tag.confidence = t % 3 == 2 ? 0.25 : 1.0;
        tag.qualifier = t % 3 == 1 ? Qualifier::kHedged : Qualifier::kNone;
        record.tags.push_back(tag);
      }
      batch->records.push_back(record);
      ++batch->items_read;
    }
    batch->problems.push_back({Problem::Severity::kWarning, "a.csv", first, "Q1", "odd", 0});
    return batch;
  };
  {
    auto batch = make_batch(1);
    REQUIRE((*store)->WriteBatch(*source_id, *batch, &ledger).ok());
  }  // the batch is freed before the next is written
  {
    auto batch = make_batch(4);
    const BatchRows rows = PrepareRows(*batch);
    REQUIRE(rows.records.size() == 3);
    CHECK(rows.records[0].locator == "row 4, col Q1");
    CHECK(rows.records[0].attributes == R"({"Age band":"25-34","Carer":"no"})");
    REQUIRE((*store)->WriteBatch(*source_id, *batch, rows, &ledger).ok());
  }
  REQUIRE((*store)->FinishSource(*source_id, ledger, SourceInfo()).ok());
  CHECK(ledger.stored == 5);
  CHECK(ledger.duplicates == 1);
  CHECK(ledger.warnings == 2);

  SQLite::Database db(dir / "b.db");
  SQLite::Statement records(db,
                            "SELECT row, locator, respondent, text, attributes, "
                            "flags, redactions, round_id, source_id FROM records ORDER BY seq");
  std::vector<int64_t> rows;
  while (records.executeStep()) {
    const int row = records.getColumn(0).getInt();
    rows.push_back(row);
    CHECK(records.getColumn(1).getString() == "row " + std::to_string(row) + ", col Q1");
    CHECK(records.getColumn(2).getString() == "P" + std::to_string(row));
    CHECK(records.getColumn(3).getString() == "answer " + std::to_string(row));
    CHECK(records.getColumn(4).getString() ==
          std::string(R"({"Age band":"25-34","Carer":")") + (row % 2 ? "yes" : "no") + "\"}");
    CHECK(records.getColumn(5).getInt() == (row == 2 ? 1 : 0));
    CHECK(records.getColumn(6).getInt() == row);
    CHECK(records.getColumn(7).getInt64() == *round);
    CHECK(records.getColumn(8).getInt64() == *source_id);
  }
  CHECK(rows == std::vector<int64_t>{1, 2, 3, 4, 6});  // row 5 was a duplicate of row 4

  // Tags in rowid order: each stored record's tags, in the order the tagger gave them.
  SQLite::Statement tags(db,
                         "SELECT r.row, t.kind, t.value, t.origin, t.pattern, t.matched, t.start, "
                         "t.end, t.confidence, t.note, t.qualifier "
                         "FROM tags t JOIN records r ON r.seq = t.record_seq ORDER BY t.rowid");
  std::vector<std::string> seen;
  while (tags.executeStep()) {
    const int row = tags.getColumn(0).getInt();
    const std::string value = tags.getColumn(2).getString();
    seen.push_back(value);
    const int t = std::stoi(value.substr(value.find('.') + 1));
    CHECK(value == "value " + std::to_string(row) + "." + std::to_string(t));
    CHECK(tags.getColumn(1).getString() == (t % 3 == 2 ? "district" : "theme"));
    CHECK(tags.getColumn(3).getString() == (t % 3 == 2 ? "postcode" : "lexicon"));
    CHECK(tags.getColumn(4).getString() == "pattern " + std::to_string(t));
    CHECK(tags.getColumn(5).getString() == "matched");
    CHECK(tags.getColumn(6).getInt() == t);
    CHECK(tags.getColumn(7).getInt() == t + 1);
    CHECK(tags.getColumn(8).getDouble() == (t % 3 == 2 ? 0.25 : 1.0));
    CHECK(tags.getColumn(9).getString() == (t % 3 == 2 ? "split outcode" : ""));
    CHECK(tags.getColumn(10).getString() == (t % 3 == 1 ? "hedged" : ""));
  }
  std::vector<std::string> expected;
  for (int row : {1, 2, 3, 4, 6}) {
    for (int t = 0; t < TagsOf(row); ++t) {
      expected.push_back("value " + std::to_string(row) + "." + std::to_string(t));
    }
  }
  CHECK(seen == expected);
  // The batches' transactions ran with foreign keys off (batch_writer.cc): every key holds.
  SQLite::Statement orphans(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(orphans.executeStep());
  CHECK(db.execAndGet("SELECT count(*) FROM problems").getInt() == 2);
  CHECK(db.execAndGet("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'answer'")
            .getInt() == 5);
}

}  // namespace heard
