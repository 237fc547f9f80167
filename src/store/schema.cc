// The store's schema, version 3 (and the upgrades from versions 1 and 2). Every table a report reads is here; see README "Store".
#include <fmt/format.h>

#include "store/connection.h"

namespace heard {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE rounds (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  date      TEXT NOT NULL DEFAULT '',
  loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  round_id      INTEGER NOT NULL REFERENCES rounds(id),
  path          TEXT NOT NULL,
  channel       TEXT NOT NULL,
  sha256        TEXT NOT NULL DEFAULT '',
  encoding      TEXT NOT NULL DEFAULT '',
  encoding_note TEXT NOT NULL DEFAULT '',
  attributes    TEXT NOT NULL DEFAULT '{}',
  status        TEXT NOT NULL DEFAULT 'loading',   -- 'loading' until every batch is stored
  loaded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (round_id, path)
);
CREATE TABLE records (
  seq        INTEGER PRIMARY KEY,                 -- load order; FTS rowid
  id         TEXT NOT NULL UNIQUE,                -- stable id from round, source and locator
  round_id   INTEGER NOT NULL REFERENCES rounds(id),
  source_id  INTEGER NOT NULL REFERENCES sources(id),
  channel    TEXT NOT NULL,
  locator    TEXT NOT NULL,
  row        INTEGER NOT NULL DEFAULT 0,
  col        TEXT NOT NULL DEFAULT '',
  line_start INTEGER NOT NULL DEFAULT 0,
  line_end   INTEGER NOT NULL DEFAULT 0,
  respondent TEXT NOT NULL DEFAULT '',
  question   TEXT NOT NULL DEFAULT '',
  text       TEXT NOT NULL,                       -- as the user sees it; the folded text is not kept
  attributes TEXT NOT NULL DEFAULT '{}',
  flags      INTEGER NOT NULL DEFAULT 0,
  redactions INTEGER NOT NULL DEFAULT 0,   -- personal details taken out before storage
  dedup_key  BLOB                                 -- DedupDigest of the loader's key (schema 3); NULL: none
);
CREATE UNIQUE INDEX records_dedup ON records(round_id, dedup_key);
CREATE INDEX records_source ON records(source_id);
CREATE INDEX records_round ON records(round_id);
CREATE TABLE tags (
  record_seq INTEGER NOT NULL REFERENCES records(seq),
  kind       TEXT NOT NULL,      -- outcome | theme | district | partner | attribution
  value      TEXT NOT NULL,
  origin     TEXT NOT NULL,      -- survey_column | workshop_heading | ... | lexicon | theme
  pattern    TEXT NOT NULL DEFAULT '',
  matched    TEXT NOT NULL DEFAULT '',
  start      INTEGER NOT NULL DEFAULT -1,   -- UTF-8 byte offsets into records.text
  end        INTEGER NOT NULL DEFAULT -1,
  confidence REAL NOT NULL DEFAULT 1.0,
  note       TEXT NOT NULL DEFAULT '',
  qualifier  TEXT NOT NULL DEFAULT ''      -- '' | negated | hedged (schema 2)
);
CREATE INDEX tags_record ON tags(record_seq);
CREATE INDEX tags_value ON tags(kind, value);
CREATE TABLE problems (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  severity  TEXT NOT NULL,       -- reject | warning
  line      INTEGER NOT NULL DEFAULT 0,
  col       TEXT NOT NULL DEFAULT '',
  reason    TEXT NOT NULL,
  items     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX problems_source ON problems(source_id);
CREATE VIEW rejects AS
  SELECT s.round_id, s.path AS file, p.line, p.col, p.reason, p.items
  FROM problems p JOIN sources s ON s.id = p.source_id WHERE p.severity = 'reject';
CREATE TABLE ledger (
  source_id   INTEGER PRIMARY KEY REFERENCES sources(id),
  rows_read   INTEGER NOT NULL,
  items_read  INTEGER NOT NULL,
  stored      INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  non_answers INTEGER NOT NULL,
  duplicates  INTEGER NOT NULL,
  warnings    INTEGER NOT NULL,
  CHECK (items_read = stored + rejected + non_answers + duplicates)
);
CREATE TABLE lexicon_entries (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  kind     TEXT NOT NULL,        -- outcome | theme
  id       TEXT NOT NULL,
  name     TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  parent   TEXT NOT NULL DEFAULT '',
  outcomes TEXT NOT NULL DEFAULT '',  -- space-separated outcome ids (themes)
  ord      INTEGER NOT NULL,
  PRIMARY KEY (round_id, kind, id)
);
CREATE TABLE runs (
  id         INTEGER PRIMARY KEY,
  round_id   INTEGER NOT NULL REFERENCES rounds(id),
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  finished_at TEXT,
  lexicon    TEXT NOT NULL DEFAULT '',   -- lexicon fingerprint
  attribution TEXT NOT NULL DEFAULT '',
  threads    INTEGER NOT NULL DEFAULT 0,
  status     TEXT NOT NULL DEFAULT 'running'
);
CREATE TABLE manual_codes (            -- analysts' codes (schema 2); never in tags, so a re-run keeps them
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  record_id TEXT NOT NULL,             -- records.id (stable across re-runs); may outlive the record
  kind      TEXT NOT NULL,             -- outcome | theme | district
  value     TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  who       TEXT NOT NULL,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  reason    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (round_id, record_id, kind, value)
);
CREATE TABLE code_audit (              -- every manual change, oldest first (schema 2)
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  who       TEXT NOT NULL,
  who_from  TEXT NOT NULL,             -- --who | HEARD_USER | USER | unknown
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  record_id TEXT NOT NULL,
  kind      TEXT NOT NULL,
  value     TEXT NOT NULL,
  action    TEXT NOT NULL,             -- add | remove (as asked)
  outcome   TEXT NOT NULL,             -- added | removed | restored | undone
  before    TEXT NOT NULL,             -- the record's codes of that kind, '; '-joined, sorted
  after     TEXT NOT NULL,
  reason    TEXT NOT NULL DEFAULT '',
  origin    TEXT NOT NULL DEFAULT ''   -- cli | csv:<file>:<line>
);
CREATE INDEX code_audit_round ON code_audit(round_id, id);
-- The tags a record carries once manual codes are applied: machine tags not
-- removed by hand, then manual adds the machine did not find (a district from
-- share 0.5). For SQL readers (search, trace); Store::ForEachRecord applies
-- the same rule in C++ (src/store/manual_overlay.cc).
CREATE VIEW coded_tags AS
  SELECT t.record_seq, t.kind, t.value, t.origin, t.confidence, t.pattern, t.matched, t.start,
         t.rowid AS ord
  FROM tags t
  WHERE NOT EXISTS (SELECT 1 FROM records r JOIN manual_codes m
                    ON m.round_id = r.round_id AND m.record_id = r.id
                    WHERE r.seq = t.record_seq AND m.kind = t.kind AND m.value = t.value
                    AND m.action = 'remove')
  UNION ALL
  SELECT r.seq, m.kind, m.value, 'manual', 1.0, 'manual', '', -1, 9223372036854775807
  FROM manual_codes m JOIN records r ON r.round_id = m.round_id AND r.id = m.record_id
  WHERE m.action = 'add'
  AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.record_seq = r.seq AND +t.kind = m.kind
                  AND +t.value = m.value AND t.confidence >= 0.5);
CREATE VIRTUAL TABLE records_fts USING fts5(
  text, content='records', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
-- Store::WriteBatch indexes each record as it stores it, in the same transaction, so every
-- stored record is indexed (schema 3; before, a source was indexed when it completed).
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
  INSERT INTO records_fts(records_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
)sql";

// Each step upgrades a database from version (index + 1) to (index + 2), in
// one transaction with the version bump. Steps add, or rewrite what is derived
// from a record (never its text, tags or codes), so an upgrade cannot lose a record.
constexpr const char* kUpgrades[] = {
    // 1 -> 2: qualifiers on tags (negation and hedging); analysts' manual codes and their
    // audit (the same text as in kSchema; store_test checks the two agree).
    R"sql(
ALTER TABLE tags ADD COLUMN qualifier TEXT NOT NULL DEFAULT '';
CREATE TABLE manual_codes (            -- analysts' codes (schema 2); never in tags, so a re-run keeps them
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  record_id TEXT NOT NULL,             -- records.id (stable across re-runs); may outlive the record
  kind      TEXT NOT NULL,             -- outcome | theme | district
  value     TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  who       TEXT NOT NULL,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  reason    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (round_id, record_id, kind, value)
);
CREATE TABLE code_audit (              -- every manual change, oldest first (schema 2)
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  who       TEXT NOT NULL,
  who_from  TEXT NOT NULL,             -- --who | HEARD_USER | USER | unknown
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  record_id TEXT NOT NULL,
  kind      TEXT NOT NULL,
  value     TEXT NOT NULL,
  action    TEXT NOT NULL,             -- add | remove (as asked)
  outcome   TEXT NOT NULL,             -- added | removed | restored | undone
  before    TEXT NOT NULL,             -- the record's codes of that kind, '; '-joined, sorted
  after     TEXT NOT NULL,
  reason    TEXT NOT NULL DEFAULT '',
  origin    TEXT NOT NULL DEFAULT ''   -- cli | csv:<file>:<line>
);
CREATE INDEX code_audit_round ON code_audit(round_id, id);
-- The tags a record carries once manual codes are applied: machine tags not
-- removed by hand, then manual adds the machine did not find (a district from
-- share 0.5). For SQL readers (search, trace); Store::ForEachRecord applies
-- the same rule in C++ (src/store/manual_overlay.cc).
CREATE VIEW coded_tags AS
  SELECT t.record_seq, t.kind, t.value, t.origin, t.confidence, t.pattern, t.matched, t.start,
         t.rowid AS ord
  FROM tags t
  WHERE NOT EXISTS (SELECT 1 FROM records r JOIN manual_codes m
                    ON m.round_id = r.round_id AND m.record_id = r.id
                    WHERE r.seq = t.record_seq AND m.kind = t.kind AND m.value = t.value
                    AND m.action = 'remove')
  UNION ALL
  SELECT r.seq, m.kind, m.value, 'manual', 1.0, 'manual', '', -1, 9223372036854775807
  FROM manual_codes m JOIN records r ON r.round_id = m.round_id AND r.id = m.record_id
  WHERE m.action = 'add'
  AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.record_seq = r.seq AND +t.kind = m.kind
                  AND +t.value = m.value AND t.confidence >= 0.5);
)sql",
    // 2 -> 3: dedup keys are kept as their digest (heard_dedup_digest is DedupDigest); the
    // folded text (match_text, about 1 KB a record, read by nothing after the tag stage) is
    // no longer kept; and every stored record is in the FTS5 index: a schema-2 run that was
    // killed left its source 'loading' with records the index never saw, and they are
    // indexed now, so the delete trigger can take any record out.
    R"sql(
UPDATE records SET dedup_key = heard_dedup_digest(dedup_key) WHERE dedup_key IS NOT NULL;
ALTER TABLE records DROP COLUMN match_text;
INSERT INTO records_fts(rowid, text)
  SELECT r.seq, r.text FROM records r JOIN sources s ON s.id = r.source_id
  WHERE s.status = 'loading' ORDER BY r.seq;
)sql",
};
static_assert(sizeof(kUpgrades) / sizeof(kUpgrades[0]) == kSchemaVersion - 1,
              "one upgrade step per schema version after 1");

// heard_dedup_digest(key): DedupDigest for the upgrade to schema 3; NULL stays NULL.
void DedupDigestFunction(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* bytes = static_cast<const char*>(sqlite3_value_blob(argv[0]));
  const std::string digest =
      DedupDigest(std::string_view(bytes ? bytes : "", sqlite3_value_bytes(argv[0])));
  if (digest.empty()) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_blob(context, digest.data(), static_cast<int>(digest.size()),
                        SQLITE_TRANSIENT);
  }
}

void RegisterDedupDigest(SQLite::Database& db) {
  const int rc = sqlite3_create_function_v2(db.getHandle(), "heard_dedup_digest", 1,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                            DedupDigestFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

Status Upgrade(SQLite::Database& db, int from) {
  for (int version = from; version < kSchemaVersion; ++version) {
    SQLite::Transaction transaction(db);
    db.exec(kUpgrades[version - 1]);
    db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
    db.exec(fmt::format("UPDATE meta SET value = '{}' WHERE key = 'schema_version'", version + 1));
    transaction.commit();
  }
  return Status::Ok();
}

}  // namespace

Status EnsureSchema(SQLite::Database& db) {
  try {
    // First: switching a new file to WAL needs it to itself, and a reader polling for the new
    // store may hold it for a moment; the switch then waits instead of failing.
    db.exec("PRAGMA busy_timeout = 5000");
    // A new database gets 8 KiB pages (a no-op for an existing one): at 100,000 answers, 6%
    // less store CPU and a quarter less system time than SQLite's 4 KiB. Set before WAL,
    // which fixes the page size.
    db.exec("PRAGMA page_size = 8192");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    RegisterDedupDigest(db);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version == 2 && !db.tableExists("manual_codes")) {
      // Written by a pre-release build of schema 2 (before manual codes): add them.
      const std::string step = kUpgrades[0];
      SQLite::Transaction transaction(db);
      db.exec(step.substr(step.find("CREATE TABLE manual_codes")));
      transaction.commit();
    }
    if (version == kSchemaVersion) return Status::Ok();
    if (version >= 1 && version < kSchemaVersion) return Upgrade(db, version);
    if (version > kSchemaVersion) {
      return Status::Store(fmt::format(
          "{}: written by a newer heard (schema {}, this build reads {})", db.getFilename(),
          version, kSchemaVersion));
    }
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (tables != 0) {
      return Status::Store(
          fmt::format("{}: not a heard database (it has tables but no heard schema version)",
                      db.getFilename()));
    }
    SQLite::Transaction transaction(db);
    db.exec(kSchema);
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    db.exec(fmt::format("INSERT INTO meta(key, value) VALUES ('schema_version', '{}')",
                        kSchemaVersion));
    transaction.commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return StoreError("cannot prepare the database", e);
  }
}

Result<int64_t> FindRoundId(SQLite::Database& db, const std::string& round) {
  try {
    SQLite::Statement query(db, "SELECT id FROM rounds WHERE name = ?");
    query.bind(1, round);
    if (query.executeStep()) return query.getColumn(0).getInt64();
    std::string names;
    SQLite::Statement all(db, "SELECT name FROM rounds ORDER BY id");
    while (all.executeStep()) {
      names += names.empty() ? "" : ", ";
      names += "\"" + all.getColumn(0).getString() + "\"";
    }
    return Status::NotFound(fmt::format("no round \"{}\" in the database (rounds: {})", round,
                                        names.empty() ? "none" : names));
  } catch (const std::exception& e) {
    return StoreError("cannot look up the round", e);
  }
}

}  // namespace heard
