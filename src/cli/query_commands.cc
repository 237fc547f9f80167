// `heard search`, `heard trace` and `heard verify`: argument parsing, then calls into query.h.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "heard/lexicon.h"
#include "heard/query.h"

namespace heard::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::string round;
  std::string query;
  std::string format = "text";
  SearchOptions options;
};

struct TraceArgs {
  std::string db;
  std::string round;
  std::string statement;
  std::string format = "text";
  std::string lexicons;
  size_t limit = 20;
};

struct VerifyArgs {
  std::string db;
  std::string round;
  std::string draft;
  std::string format = "text";
  std::string lexicons;
  size_t sources = 5;
};

// An error in what the user typed (a search query or filter) is a usage error.
int UsageError(const Status& status) {
  std::cerr << "heard: " << status.message() << "\n";
  return kExitUsage;
}

int RunSearch(const SearchArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  Result<SearchResult> result = Search(**store, *round, args.query, args.options);
  if (!result.ok()) {
    if (result.status().code() == Status::Code::kInvalidInput) return UsageError(result.status());
    return ExitFor(result.status());
  }
  std::cout << (args.format == "json" ? RenderSearchJson(*result) : RenderSearchText(*result));
  return kExitOk;
}

// Opens the store, picks the round and loads the lexicon shared by trace and verify.
int OpenForStatements(const std::string& db, const std::string& round_name,
                      const std::string& lexicons, std::unique_ptr<Store>* store,
                      std::string* round, std::optional<Lexicon>* lexicon) {
  Result<std::unique_ptr<Store>> opened = OpenStore(db, true);
  if (!opened.ok()) return ExitFor(opened.status());
  *store = std::move(*opened);
  Result<std::string> picked = PickRound(**store, round_name);
  if (!picked.ok()) return ExitFor(picked.status());
  *round = *picked;
  Result<Lexicon> loaded = Lexicon::Load(lexicons.empty() ? DefaultLexiconDir() : lexicons);
  if (!loaded.ok()) return ExitFor(loaded.status());
  lexicon->emplace(std::move(*loaded));
  return kExitOk;
}

int RunTrace(const TraceArgs& args) {
  std::unique_ptr<Store> store;
  std::string round;
  std::optional<Lexicon> lexicon;
  if (int code = OpenForStatements(args.db, args.round, args.lexicons, &store, &round, &lexicon);
      code != kExitOk) {
    return code;
  }
  TraceOptions options;
  options.limit = args.limit;
  Result<Trace> trace = TraceStatement(*store, *lexicon, round, args.statement, options);
  if (!trace.ok()) return ExitFor(trace.status());
  std::cout << (args.format == "json" ? RenderTraceJson(*trace) : RenderTraceText(*trace));
  return kExitOk;
}

int RunVerify(const VerifyArgs& args) {
  std::ifstream in(args.draft, std::ios::binary);
  if (!in) return ExitFor(Status::NotFound(fmt::format("cannot read the draft {}", args.draft)));
  std::ostringstream text;
  text << in.rdbuf();
  std::unique_ptr<Store> store;
  std::string round;
  std::optional<Lexicon> lexicon;
  if (int code = OpenForStatements(args.db, args.round, args.lexicons, &store, &round, &lexicon);
      code != kExitOk) {
    return code;
  }
  const std::vector<DraftStatement> statements = ParseDraft(text.str(), *lexicon);
  if (statements.empty()) {
    return ExitFor(Status::InvalidInput(
        fmt::format("{}: no statements found (one bullet or line per statement)", args.draft)));
  }
  VerifyOptions options;
  options.sources = args.sources;
  Result<Verification> verification = VerifyDraft(*store, *lexicon, round, statements, options);
  if (!verification.ok()) return ExitFor(verification.status());
  std::cout << (args.format == "json" ? RenderVerifyJson(*verification)
                                      : RenderVerifyText(*verification));
  return verification->Count(Support::kUnsupported) > 0 ? kExitUnsupported : kExitOk;
}

constexpr const char* kSearchHelp = R"(Query syntax:
  words         all must appear (stemmed: "closing" finds "closed")
  "a phrase"    these words in this order
  transp*       any word starting with transp
  a OR b        either; AND is implied between words, NOT excludes: "youth NOT club"
  NEAR(a b, 5)  within 5 words of each other; (parentheses) group
Operators are upper case; anything else, such as A&E or don't, is searched for as written.
Exit codes: 0 results or none found, 2 a bad query or filter, 4 no such database or round.)";

constexpr const char* kTraceHelp =
    R"(A record supports the statement when it carries the statement's lexicon
themes and/or enough of its distinctive words (weighted by rarity, so a common
word counts little). docs/verify.md gives the scoring formula and thresholds.
Exit codes: 0 done, 3 a lexicon file is wrong, 4 no such database or round.)";

constexpr const char* kVerifyHelp =
    R"(Each bullet or non-empty line of the draft is a statement; "## Outcome 2"
style headings say which outcome the statements below are filed under.
Each statement is supported, weak (one record, or one district or source) or
unsupported, and is flagged when its evidence points to another outcome.
Exit codes: 0 no statement is unsupported, 1 at least one is, 3 a lexicon
file is wrong, 4 no such database, round or draft.)";

}  // namespace

void RegisterQueryCommands(CLI::App& app, std::function<int()>& run) {
  auto search = std::make_shared<SearchArgs>();
  CLI::App* search_cmd = app.add_subcommand(
      "search", "Full-text search of a round's records, with filters and highlighted snippets");
  search_cmd->add_option("--db", search->db, "Database to read")->required();
  search_cmd->add_option("query", search->query, "What to search for (see below)")->required();
  search_cmd->add_option("--round", search->round, "Round (default: the latest loaded)");
  search_cmd->add_option("--district", search->options.district, "Only records from this district");
  search_cmd->add_option("--outcome", search->options.outcome,
                         "Only records under this outcome (O2, GEN ...)");
  search_cmd->add_option("--theme", search->options.theme,
                         "Only records with this theme (id or name)");
  search_cmd->add_option("--channel", search->options.channel, "survey, focus_group or workshop")
      ->check(CLI::IsMember({"survey", "focus_group", "workshop"}));
  search_cmd->add_option("--limit", search->options.limit, "Most results shown (default 20)")
      ->check(CLI::PositiveNumber);
  search_cmd->add_option("--format", search->format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  search_cmd->footer(kSearchHelp);
  search_cmd->callback([search, &run] { run = [search] { return RunSearch(*search); }; });

  auto trace = std::make_shared<TraceArgs>();
  CLI::App* trace_cmd = app.add_subcommand(
      "trace", "The records that support a statement, ranked, with their evidence and totals");
  trace_cmd->add_option("--db", trace->db, "Database to read")->required();
  trace_cmd->add_option("statement", trace->statement, "The statement, in quotes")->required();
  trace_cmd->add_option("--round", trace->round, "Round (default: the latest loaded)");
  trace_cmd->add_option("--lexicons", trace->lexicons,
                        "Lexicon folder for the statement's themes (default: heard's own)");
  trace_cmd->add_option("--limit", trace->limit, "Most records listed (default 20)")
      ->check(CLI::PositiveNumber);
  trace_cmd->add_option("--format", trace->format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  trace_cmd->footer(kTraceHelp);
  trace_cmd->callback([trace, &run] { run = [trace] { return RunTrace(*trace); }; });

  auto verify = std::make_shared<VerifyArgs>();
  CLI::App* verify_cmd = app.add_subcommand(
      "verify", "Check every statement of a draft report against the round's records");
  verify_cmd->add_option("--db", verify->db, "Database to read")->required();
  verify_cmd->add_option("draft", verify->draft, "Draft (Markdown or text)")->required();
  verify_cmd->add_option("--round", verify->round, "Round (default: the latest loaded)");
  verify_cmd->add_option("--lexicons", verify->lexicons,
                         "Lexicon folder for the statements' themes (default: heard's own)");
  verify_cmd->add_option("--sources", verify->sources,
                         "Supporting records listed per statement (default 5)");
  verify_cmd->add_option("--format", verify->format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  verify_cmd->footer(kVerifyHelp);
  verify_cmd->callback([verify, &run] { run = [verify] { return RunVerify(*verify); }; });
}

}  // namespace heard::cli
