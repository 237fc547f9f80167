// Reviewing and correcting codes: analysts' manual codes, kept apart from machine codes, and their audit.
//
// An analyst adds or removes an outcome, theme or district on a record:
//
//   heard::CodeChange change = *heard::ParseCodeChange("+theme:gp-access");
//   change.record_id = "3f2a9c0d1e5b7a68";
//   auto results = heard::ApplyCodeChanges(store, "2026 refresh", {change}, reviewer);
//
// Manual codes live in their own table (manual_codes), keyed by round and
// record id, never in `tags`: re-running a round replaces the machine tags of
// each source, and record ids are stable (MakeRecordId), so manual codes
// survive a re-run and a lexicon change. Store::ForEachRecord (and so every
// summary, export and report) returns each record's machine tags without the
// ones removed by hand, followed by the manual adds (Origin::kManual).
// Every change is written to code_audit with who, when, before and after.
#ifndef HEARD_CODING_H_
#define HEARD_CODING_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "heard/record.h"
#include "heard/status.h"
#include "heard/store.h"

namespace heard {

enum class CodeAction {
  kAdd,     // "add" / "+": the record carries the code
  kRemove,  // "remove" / "-": the record does not carry the code, whatever the lexicon finds
};
std::string_view CodeActionName(CodeAction action);

// One change an analyst asks for.
struct CodeChange {
  std::string record_id;
  TagKind kind = TagKind::kTheme;  // kOutcome, kTheme or kDistrict only
  std::string value;               // outcome id, theme id, or canonical district name
  CodeAction action = CodeAction::kAdd;
  std::string reason;  // free text; may be empty
  std::string origin;  // where the change came from: "cli", "csv:reviewed.csv:12"
};

// Parses "+theme:gp-access", "-outcome:O5", "+district:Tunbridge Wells"
// (kind names as TagKindName; a value may hold spaces). Fills kind, value and
// action only. InvalidInput says what is wrong.
Result<CodeChange> ParseCodeChange(std::string_view text);

// "+theme:gp-access": the form ParseCodeChange reads.
std::string FormatCodeChange(const CodeChange& change);

// Who is making the changes, and how heard knows.
struct Reviewer {
  std::string name;
  std::string from;  // "--who", "HEARD_USER", "USER" or "unknown"
};

// The name from --who, else $HEARD_USER, else $USER, else "unknown".
Reviewer ResolveReviewer(const std::string& who_option);

enum class ChangeOutcome {
  kAdded,           // a manual add was stored
  kRemoved,         // a machine code is now removed by hand (and/or a manual add was deleted)
  kRestored,        // +x deleted an earlier manual removal: the machine code counts again
  kUndone,          // -x deleted an earlier manual add; the machine never had x
  kAlreadyPresent,  // +x when the record already carries x: nothing changed
  kAlreadyAbsent,   // -x when the record does not carry x: nothing changed
  kRejected,        // invalid (see ChangeResult::message); nothing changed
};
std::string_view ChangeOutcomeName(ChangeOutcome outcome);

struct ChangeResult {
  CodeChange change;
  ChangeOutcome outcome = ChangeOutcome::kRejected;
  std::string message;              // why a change was rejected or is a no-op
  Status::Code rejected_for = Status::Code::kOk;  // kRejected: kNotFound (no such record in
                                                  // the round) or kInvalidInput (anything else)
  std::vector<std::string> before;  // the record's codes of that kind before, sorted
  std::vector<std::string> after;   // and after
};

struct ApplyOptions {
  bool all_or_nothing = false;  // true: if any change is rejected, none is written
};

// Applies `changes` in order, in one transaction, auditing each one that
// changes something. A change is rejected (and reported, not written) when
// the record id is not a record of the round, the kind is not outcome, theme
// or district, the outcome or theme id is not among the round's stored
// lexicon entries (Store::LexiconEntries; case is ignored and the lexicon's
// spelling stored), or the district is not a district
// known to the round: one some record of the round carries as a district tag
// (machine or manual); names match without case and the canonical spelling is
// stored. Removing or re-adding a code that an existing manual code names is
// always allowed, so a code the lexicon no longer knows can be undone.
// A district counts as present from a share of 0.5 (as summaries count it);
// removing it hides every share of it.
// Errors: NotFound for a missing round; Store when SQLite fails (nothing written).
// Threading: as Store.
Result<std::vector<ChangeResult>> ApplyCodeChanges(Store& store, const std::string& round,
                                                   const std::vector<CodeChange>& changes,
                                                   const Reviewer& reviewer,
                                                   const ApplyOptions& options = {});

// A manual code as stored, with its state after the latest run.
struct ManualCode {
  std::string record_id;
  TagKind kind = TagKind::kTheme;
  std::string value;
  CodeAction action = CodeAction::kAdd;
  std::string who;
  std::string at;      // ISO 8601 UTC
  std::string reason;
  // "" when it applies as written; otherwise why it no longer does:
  //   "orphaned"  the record is no longer in the round (its source was corrected);
  //               the code is kept and applies again if the record comes back
  //   "stale"     a removal of a code the machine no longer finds: nothing to remove
  //   "redundant" an add of a code the machine now finds too: counted once
  //   "unknown"   an outcome or theme id the round's lexicon no longer has (still counted)
  std::string state;
};

// Every manual code of the round, by record id then kind and value.
Result<std::vector<ManualCode>> ListManualCodes(Store& store, const std::string& round);

struct CodeAuditEntry {
  int64_t id = 0;
  std::string at;  // ISO 8601 UTC
  std::string who;
  std::string who_from;  // Reviewer::from
  std::string record_id;
  TagKind kind = TagKind::kTheme;
  std::string value;
  CodeAction action = CodeAction::kAdd;
  std::string outcome;  // ChangeOutcomeName
  std::string before;   // the record's codes of that kind, "; "-joined, sorted
  std::string after;
  std::string reason;
  std::string origin;   // CodeChange::origin
};

// The round's audit log, oldest first.
Result<std::vector<CodeAuditEntry>> CodeAudit(Store& store, const std::string& round);

// What the summary and report say about manual codes.
struct ManualCodeCounts {
  int64_t added = 0;      // adds on records of the round (redundant ones included)
  int64_t removed = 0;    // removals of a code the machine found
  int64_t reviewers = 0;  // distinct reviewers behind them
  int64_t orphaned = 0;   // codes on records no longer in the round
  int64_t stale = 0;      // removals of a code the machine no longer finds
};
Result<ManualCodeCounts> CountManualCodes(Store& store, const std::string& round);

// ---- bulk changes from a CSV of reviewed codes --------------------------------

// A bad row of a change file: file, line and reason.
struct CodeFileProblem {
  std::string file;
  int64_t line = 0;
  std::string reason;
};

struct CodeChangeFile {
  std::vector<CodeChange> changes;  // origin "csv:<file>:<line>"
  std::vector<CodeFileProblem> problems;
};

// Reads reviewed codes from CSV (UTF-8, header row first). Three shapes, told
// apart by the header (names without case):
//   record_id,change[,reason]           change: "+theme:gp-access"; several
//                                       changes in one cell are separated by ";"
//   record_id,kind,value,action[,reason] action: add, remove, + or -
//   id,...,outcomes,themes,districts,... a `heard export --format csv` file an
//                                       analyst edited: each of those columns
//                                       present is the record's whole list
//                                       ("; "-separated) and is compared with
//                                       the record's current codes in `store`
// A row that cannot be read is a problem with its line; the others are kept.
// A header that fits no shape is InvalidInput. Store errors are Store.
Result<CodeChangeFile> ReadCodeChanges(Store& store, const std::string& round, std::istream& in,
                                       const std::string& file_name);

}  // namespace heard

#endif  // HEARD_CODING_H_
