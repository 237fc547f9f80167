// `heard lexicon check|eval|gaps`: measure the lexicon (problems in its files, agreement with hand
// coding, what it misses in a round).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "heard/lexicon_check.h"
#include "heard/lexicon_eval.h"
#include "heard/lexicon_gaps.h"

namespace heard::cli {
namespace {

struct LexiconArgs {
  std::string lexicons;  // empty: DefaultLexiconDir()
  std::string gold;
  std::string db;
  std::string round;
  std::string format = "text";
  std::string out;
  bool strict = false;
  size_t examples = 10;
  size_t top = 20;
};

std::string Dir(const LexiconArgs& args) {
  return args.lexicons.empty() ? DefaultLexiconDir() : args.lexicons;
}

int Check(const LexiconArgs& args) {
  Result<LexiconCheck> check = CheckLexiconDir(Dir(args));
  if (!check.ok()) return ExitFor(check.status());
  Status written = WriteText(args.out, RenderLexiconCheck(*check));
  if (!written.ok()) return ExitFor(written);
  return check->errors() > 0 ? kExitConfig : kExitOk;
}

int Eval(const LexiconArgs& args) {
  Result<Lexicon> lexicon = Lexicon::Load(Dir(args));
  if (!lexicon.ok()) return ExitFor(lexicon.status());
  std::unique_ptr<Store> store;
  if (!args.db.empty()) {
    Result<std::unique_ptr<Store>> opened = OpenStore(args.db, true);
    if (!opened.ok()) return ExitFor(opened.status());
    store = std::move(opened).value();
  }
  Result<std::vector<GoldRecord>> gold = ReadGoldCsv(args.gold, store.get(), args.round);
  if (!gold.ok()) return ExitFor(gold.status());
  EvalOptions options;
  options.strict = args.strict;
  options.examples = args.examples;
  EvalResult result = EvaluateLexicon(*lexicon, *gold, options);
  Status written = WriteText(args.out, RenderEval(result, args.format));
  return written.ok() ? kExitOk : ExitFor(written);
}

int Gaps(const LexiconArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  GapsOptions options;
  options.top = args.top;
  Result<LexiconGaps> gaps = FindLexiconGaps(**store, *round, options);
  if (!gaps.ok()) return ExitFor(gaps.status());
  Status written = WriteText(args.out, RenderLexiconGaps(*gaps, args.format));
  return written.ok() ? kExitOk : ExitFor(written);
}

}  // namespace

void RegisterLexiconCommand(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<LexiconArgs>();
  CLI::App* lexicon = app.add_subcommand("lexicon", "Measure the lexicon: check, eval, gaps");
  lexicon->require_subcommand(1);

  CLI::App* check = lexicon->add_subcommand(
      "check", "Every problem in the lexicon files, with file and line (errors exit 3)");
  check->add_option("--lexicons", args->lexicons, "Lexicon folder (default: the shipped one)");
  check->add_option("--out", args->out, "Write to this file (default: standard output)");
  check->footer("Exit codes: 0 no errors (warnings are listed); 3 the lexicon has errors.");
  check->callback([args, &run] { run = [args] { return Check(*args); }; });

  CLI::App* eval = lexicon->add_subcommand(
      "eval", "Precision, recall, F1 and Cohen's kappa per theme against a hand-coded CSV");
  eval->add_option("--gold", args->gold, "Gold CSV: id,channel,text,themes,negated[,notes]")
      ->required();
  eval->add_option("--lexicons", args->lexicons, "Lexicon folder (default: the shipped one)");
  eval->add_option("--db", args->db, "Database to read record text from (gold with record_id)");
  eval->add_option("--round", args->round, "Round of --db (default: the latest loaded)");
  eval->add_flag("--strict", args->strict,
                 "Gold = themes minus negated; negated/hedged tags are not predictions");
  eval->add_option("--examples", args->examples, "False positives and negatives listed (10)");
  eval->add_option("--format", args->format, "text, md, json or csv")
      ->check(CLI::IsMember({"text", "md", "json", "csv"}));
  eval->add_option("--out", args->out, "Write to this file (default: standard output)");
  eval->footer("Exit codes: 0 done; 2 bad command line; 3 lexicon errors; 4 no such file, "
               "database or round; 1-5 see `heard --help`.");
  eval->callback([args, &run] { run = [args] { return Eval(*args); }; });

  CLI::App* gaps = lexicon->add_subcommand(
      "gaps", "Records no theme caught, with their most distinctive words and phrases");
  gaps->add_option("--db", args->db, "Database to read")->required();
  gaps->add_option("--round", args->round, "Round (default: the latest loaded)");
  gaps->add_option("--top", args->top, "Words and phrases listed (20)");
  gaps->add_option("--format", args->format, "text, md or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  gaps->add_option("--out", args->out, "Write to this file (default: standard output)");
  gaps->footer("Exit codes: 0 done; 4 no such database or round; 5 the database failed.");
  gaps->callback([args, &run] { run = [args] { return Gaps(*args); }; });
}

}  // namespace heard::cli
