// `heard`: command-line parsing only; every subcommand is a call into the library (commands.cc).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

namespace {

constexpr const char* kExitCodes = R"(Exit codes:
  0  done (rejected rows and warnings, if any, are recorded and listed)
  1  verify: at least one statement of the draft is unsupported
  2  the command line is wrong
  3  a pipeline or lexicon file is wrong (file:line given); nothing was read
  4  a named file, database or round does not exist
  5  the database failed or is not a heard database
  6  a source's ledger does not add up (a bug: please report it))";

}  // namespace

int main(int argc, char** argv) {
  using namespace heard::cli;
  CLI::App app{"heard: turns consultation feedback into the evidence behind its report.\n"
               "Load a round (survey exports, focus-group and workshop notes), tag every piece\n"
               "by outcome, theme and district, store it in SQLite, and summarise it."};
  app.footer(kExitCodes);
  app.require_subcommand(1);

  RunArgs run;
  CLI::App* run_cmd = app.add_subcommand(
      "run", "Load the round a pipeline file describes, then write its Markdown summary");
  run_cmd->add_option("pipeline", run.pipeline, "Pipeline file (TOML)")->required();
  run_cmd->add_option("--db", run.db, "Database to write (default: the pipeline's [run] database)");
  run_cmd->add_option("--summary", run.summary,
                      "Markdown summary to write (default: the pipeline's [run] summary)");
  run_cmd->add_option("--threads", run.threads, "Worker threads (default: one per core)");
  run_cmd->add_flag("--quiet,-q", run.quiet, "No progress on stderr");
  run_cmd->add_flag("--stats", run.stats,
                    "Print CPU seconds per stage and wall seconds (one 'stats:' line)");
  run_cmd->footer(kExitCodes);

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Load files into a round ad hoc, with the default lexicons; a survey's columns "
                "are recognised from headers and content unless --pipeline maps them");
  ingest_cmd->add_option("--db", ingest.db, "Database to write")->required();
  ingest_cmd->add_option("--round", ingest.round, "Round name")->required();
  ingest_cmd->add_option("--date", ingest.date, "Round date (ISO)");
  ingest_cmd->add_option("--channel", ingest.channel, "survey, focus_group or workshop")
      ->required()
      ->check(CLI::IsMember({"survey", "focus_group", "workshop"}));
  ingest_cmd->add_option("--pipeline", ingest.pipeline,
                         "Pipeline file whose [[survey]] mapping and lexicons to use");
  ingest_cmd->add_option("--lexicons", ingest.lexicons, "Lexicon folder");
  ingest_cmd->add_option("--threads", ingest.threads, "Worker threads (default: one per core)");
  ingest_cmd->add_flag("--quiet,-q", ingest.quiet, "No progress on stderr");
  ingest_cmd->add_option("files", ingest.files, "Files to load")->required();
  ingest_cmd->footer(kExitCodes);

  ReadArgs export_args;
  CLI::App* export_cmd = app.add_subcommand(
      "export", "Every record of a round with its tags, as JSON Lines, CSV or an Excel workbook");
  export_cmd->add_option("--db", export_args.db, "Database to read")->required();
  export_cmd->add_option("--round", export_args.round, "Round (default: the latest loaded)");
  export_cmd
      ->add_option("--format", export_args.format,
                   "jsonl: one record per line, with evidence\n"
                   "csv: the same columns as CSV\n"
                   "csv-themes: for Excel, R or SPSS: a 0/1 column per theme and outcome\n"
                   "xlsx: Excel workbook: records, themes by outcome, district x theme "
                   "(needs --out)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "csv-themes", "xlsx"}));
  export_cmd->add_option("--out,-o", export_args.out,
                         "File to write (default: stdout; xlsx needs a file)");
  export_cmd->add_option("--negated", export_args.negated,
                         "count (default) or exclude theme tags marked negated")
      ->check(CLI::IsMember({"count", "exclude"}));
  export_cmd->footer(kExitCodes);

  ReadArgs summary_args;
  summary_args.format = "md";
  CLI::App* summary_cmd = app.add_subcommand(
      "summary", "Per outcome, themes ranked by records, with channels, districts and quotes");
  summary_cmd->add_option("--db", summary_args.db, "Database to read")->required();
  summary_cmd->add_option("--round", summary_args.round, "Round (default: the latest loaded)");
  summary_cmd->add_option("--format", summary_args.format, "md or json (default md)")
      ->check(CLI::IsMember({"md", "json"}));
  summary_cmd->add_option("--out,-o", summary_args.out, "File to write (default: stdout)");
  summary_cmd->add_option("--negated", summary_args.negated,
                          "count (default) or exclude theme tags marked negated")
      ->check(CLI::IsMember({"count", "exclude"}));
  summary_cmd->footer(kExitCodes);

  ReadArgs ledger_args;
  ledger_args.format = "text";
  CLI::App* ledger_cmd = app.add_subcommand(
      "ledger", "What was read from each source and where it went, with every reject and warning");
  ledger_cmd->add_option("--db", ledger_args.db, "Database to read")->required();
  ledger_cmd->add_option("--round", ledger_args.round, "Round (default: the latest loaded)");
  ledger_cmd->footer(kExitCodes);

  std::function<int()> registered;
  RegisterQueryCommands(app, registered);
  RegisterReportCommand(app, registered);
  RegisterCompareCommands(app, registered);
  RegisterCodeCommand(app, registered);
  RegisterLexiconCommand(app, registered);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (run_cmd->parsed()) return Run(run);
  if (ingest_cmd->parsed()) return Ingest(ingest);
  if (export_cmd->parsed()) return Export(export_args);
  if (summary_cmd->parsed()) return Summary(summary_args);
  if (ledger_cmd->parsed()) return LedgerReport(ledger_args);
  if (registered) return registered();
  return kExitUsage;
}
