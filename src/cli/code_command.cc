// `heard code`: an analyst adds or removes outcomes, themes and districts on records, lists them, reads the audit.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "heard/coding.h"

namespace heard::cli {
namespace {

struct CodeArgs {
  std::string db;
  std::string round;     // empty: the most recent round
  std::string who;       // empty: $HEARD_USER, else $USER, else "unknown"
  std::string reason;
  std::string from_csv;
  bool list = false;
  bool audit = false;
  std::string format = "text";
  std::vector<std::string> words;  // RECORD_ID CHANGE... [RECORD_ID CHANGE...]
};

std::string Csv(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : "; ") + value;
  return out;
}

// Prints each result; returns the exit code: 0 unless the command line's changes were rejected.
int Report(const std::vector<ChangeResult>& results, bool from_command_line) {
  int applied = 0, unchanged = 0, rejected = 0;
  int exit = kExitOk;
  // On the command line one wrong change means nothing was written: list only what was wrong.
  const bool nothing_written =
      from_command_line &&
      std::any_of(results.begin(), results.end(),
                  [](const ChangeResult& r) { return r.outcome == ChangeOutcome::kRejected; });
  for (const ChangeResult& r : results) {
    const std::string where =
        r.change.origin.rfind("csv:", 0) == 0 ? r.change.origin.substr(4) + ": " : "";
    const std::string what = fmt::format("{} {}", r.change.record_id, FormatCodeChange(r.change));
    if (r.outcome == ChangeOutcome::kRejected) {
      ++rejected;
      std::cerr << fmt::format("heard: {}{}: {}\n", where, what, r.message);
      if (from_command_line) {
        const int code = r.rejected_for == Status::Code::kNotFound ? kExitNotFound : kExitUsage;
        exit = exit == kExitOk ? code : std::min(exit, code);
      }
      continue;
    }
    if (nothing_written) continue;
    const std::string kind(TagKindName(r.change.kind));
    if (r.outcome == ChangeOutcome::kAlreadyPresent || r.outcome == ChangeOutcome::kAlreadyAbsent) {
      ++unchanged;
      std::cout << fmt::format("{}{}: no change ({})\n", where, what, r.message);
      continue;
    }
    ++applied;
    std::cout << fmt::format("{}{}: {} ({}s before: {}; after: {})\n", where, what,
                             ChangeOutcomeName(r.outcome), kind,
                             r.before.empty() ? "none" : Join(r.before),
                             r.after.empty() ? "none" : Join(r.after));
  }
  if (from_command_line && rejected > 0) {
    std::cerr << "heard: nothing was changed; correct the change(s) above and run again\n";
  } else {
    std::cout << fmt::format("{} applied, {} already so, {} rejected\n", applied, unchanged,
                             rejected);
  }
  return exit;
}

int ListCodes(Store& store, const std::string& round, const std::string& format) {
  Result<std::vector<ManualCode>> codes = ListManualCodes(store, round);
  if (!codes.ok()) return ExitFor(codes.status());
  std::ostringstream out;
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const ManualCode& c : *codes) {
      all.push_back({{"record_id", c.record_id}, {"kind", TagKindName(c.kind)},
                     {"value", c.value}, {"action", CodeActionName(c.action)}, {"who", c.who},
                     {"at", c.at}, {"reason", c.reason}, {"state", c.state}});
    }
    out << all.dump(2) << "\n";
  } else if (format == "csv") {
    out << "record_id,kind,value,action,who,at,state,reason\r\n";
    for (const ManualCode& c : *codes) {
      out << fmt::format("{},{},{},{},{},{},{},{}\r\n", Csv(c.record_id), TagKindName(c.kind),
                         Csv(c.value), CodeActionName(c.action), Csv(c.who), c.at, c.state,
                         Csv(c.reason));
    }
  } else {
    out << fmt::format("round \"{}\": {} manual codes\n", round, codes->size());
    for (const ManualCode& c : *codes) {
      CodeChange change;
      change.kind = c.kind;
      change.value = c.value;
      change.action = c.action;
      out << fmt::format("{}  {:<32} {} {}{}{}\n", c.record_id, FormatCodeChange(change), c.who,
                         c.at, c.state.empty() ? "" : "  [" + c.state + "]",
                         c.reason.empty() ? "" : "  " + c.reason);
    }
    int orphaned = 0, stale = 0;
    for (const ManualCode& c : *codes) {
      orphaned += c.state == "orphaned";
      stale += c.state == "stale";
    }
    if (orphaned) {
      out << fmt::format("{} orphaned: the record is no longer in the round (its source file "
                         "changed); kept, and applied again if the record returns\n", orphaned);
    }
    if (stale) {
      out << fmt::format("{} stale: removes a code the lexicon no longer finds; nothing to "
                         "remove\n", stale);
    }
  }
  std::cout << out.str();
  return kExitOk;
}

int ShowAudit(Store& store, const std::string& round, const std::string& format) {
  Result<std::vector<CodeAuditEntry>> log = CodeAudit(store, round);
  if (!log.ok()) return ExitFor(log.status());
  std::ostringstream out;
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const CodeAuditEntry& e : *log) {
      all.push_back({{"id", e.id}, {"at", e.at}, {"who", e.who}, {"who_from", e.who_from},
                     {"record_id", e.record_id}, {"kind", TagKindName(e.kind)},
                     {"value", e.value}, {"action", CodeActionName(e.action)},
                     {"outcome", e.outcome}, {"before", e.before}, {"after", e.after},
                     {"reason", e.reason}, {"origin", e.origin}});
    }
    out << all.dump(2) << "\n";
  } else if (format == "csv") {
    out << "id,at,who,who_from,record_id,kind,value,action,outcome,before,after,reason,origin\r\n";
    for (const CodeAuditEntry& e : *log) {
      out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", e.id, e.at, Csv(e.who),
                         e.who_from, Csv(e.record_id), TagKindName(e.kind), Csv(e.value),
                         CodeActionName(e.action), e.outcome, Csv(e.before), Csv(e.after),
                         Csv(e.reason), Csv(e.origin));
    }
  } else {
    for (const CodeAuditEntry& e : *log) {
      CodeChange change;
      change.kind = e.kind;
      change.value = e.value;
      change.action = e.action;
      out << fmt::format("{} {} (from {}) {} {}: {}; before: {}; after: {}; via {}{}\n", e.at,
                         e.who, e.who_from, e.record_id, FormatCodeChange(change), e.outcome,
                         e.before.empty() ? "none" : e.before, e.after.empty() ? "none" : e.after,
                         e.origin, e.reason.empty() ? "" : "; reason: " + e.reason);
    }
  }
  std::cout << out.str();
  return kExitOk;
}

int Code(const CodeArgs& args) {
  const int modes = args.list + args.audit + !args.from_csv.empty() + !args.words.empty();
  if (modes != 1) {
    std::cerr << "heard: code: give RECORD_ID and changes, or --from-csv FILE, or --list, "
                 "or --audit (one of them)\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  if (args.list) return ListCodes(**store, *round, args.format);
  if (args.audit) return ShowAudit(**store, *round, args.format);

  const Reviewer reviewer = ResolveReviewer(args.who);
  std::vector<CodeChange> changes;
  if (!args.from_csv.empty()) {
    std::ifstream in(args.from_csv, std::ios::binary);
    if (!in) return ExitFor(Status::NotFound(fmt::format("cannot open {}", args.from_csv)));
    Result<CodeChangeFile> file = ReadCodeChanges(**store, *round, in, args.from_csv);
    if (!file.ok()) return ExitFor(file.status());
    for (const CodeFileProblem& p : file->problems) {
      std::cerr << fmt::format("heard: {}:{}: {}\n", p.file, p.line, p.reason);
    }
    changes = std::move(file->changes);
    for (CodeChange& change : changes) {
      if (change.reason.empty()) change.reason = args.reason;
    }
    Result<std::vector<ChangeResult>> results =
        ApplyCodeChanges(**store, *round, changes, reviewer);
    if (!results.ok()) return ExitFor(results.status());
    Report(*results, false);
    if (!file->problems.empty()) {
      std::cout << fmt::format("{} row problems in {} (listed above); the other rows applied\n",
                               file->problems.size(), args.from_csv);
    }
    return kExitOk;
  }
  std::string record_id;
  for (const std::string& word : args.words) {
    if (word.empty() || (word[0] != '+' && word[0] != '-')) {
      record_id = word;
      continue;
    }
    if (record_id.empty()) {
      std::cerr << fmt::format("heard: code: \"{}\" comes before any RECORD_ID\n", word);
      return kExitUsage;
    }
    Result<CodeChange> change = ParseCodeChange(word);
    if (!change.ok()) {
      std::cerr << "heard: code: " << change.status().message() << "\n";
      return kExitUsage;
    }
    change->record_id = record_id;
    change->reason = args.reason;
    change->origin = "cli";
    changes.push_back(*change);
  }
  if (changes.empty()) {
    std::cerr << "heard: code: no change given after the record id (e.g. +theme:gp-access)\n";
    return kExitUsage;
  }
  ApplyOptions options;
  options.all_or_nothing = true;
  Result<std::vector<ChangeResult>> results =
      ApplyCodeChanges(**store, *round, changes, reviewer, options);
  if (!results.ok()) return ExitFor(results.status());
  return Report(*results, true);
}

}  // namespace

void RegisterCodeCommand(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* command = app.add_subcommand(
      "code",
      "Review and correct coding: add or remove an outcome, theme or district on records "
      "(kept apart from machine codes, audited), list manual codes, show the audit");
  command->add_option("--db", args->db, "Database to change")->required();
  command->add_option("--round", args->round, "Round (default: the latest loaded)");
  command->add_option("--who", args->who,
                      "Reviewer name for the audit (default: $HEARD_USER, else $USER)");
  command->add_option("--reason", args->reason, "Why: kept with the codes and in the audit");
  command->add_option("--from-csv", args->from_csv,
                      "Apply reviewed codes from a CSV (record_id,change[,reason]; "
                      "record_id,kind,value,action[,reason]; or an edited `heard export "
                      "--format csv`)");
  command->add_flag("--list", args->list, "List the round's manual codes and their state");
  command->add_flag("--audit", args->audit, "Show the coding audit log, oldest first");
  command->add_option("--format", args->format, "For --list and --audit: text, csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  command->allow_extras();  // RECORD_ID +theme:x -theme:y ...: "-theme:y" is no option
  command->footer(
      "Usage: heard code --db PATH [--round R] RECORD_ID +theme:ID -theme:ID +outcome:ID\n"
      "         -district:NAME ... [RECORD_ID ...] [--reason TEXT] [--who NAME]\n"
      "Exit codes: 0 done (CSV: bad rows listed with file:line, the others applied);\n"
      "2 bad command line or a change the round does not allow (nothing changed);\n"
      "4 no such database, round or record; 5 the database failed; see `heard --help`.");
  command->callback([args, command, &run] {
    args->words = command->remaining();
    run = [args] { return Code(*args); };
  });
}

}  // namespace heard::cli
