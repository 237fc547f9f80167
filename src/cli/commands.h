// The subcommands of `heard`: each takes parsed options, calls the library, returns an exit code.
#ifndef HEARD_SRC_CLI_COMMANDS_H_
#define HEARD_SRC_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace heard::cli {

// Exit codes, documented in `heard --help` and the README.
enum ExitCode : int {
  kExitOk = 0,           // done; rejects and warnings, if any, are recorded and printed
  kExitUnsupported = 1,  // verify: at least one statement of the draft has no support
  kExitUsage = 2,        // the command line is wrong
  kExitConfig = 3,       // a pipeline or lexicon file is wrong; nothing was read
  kExitNotFound = 4,     // a named file, database or round does not exist
  kExitStore = 5,        // the database failed or is not a heard database
  kExitUnreconciled = 6, // a source's ledger does not add up (a bug: please report it)
};

struct RunArgs {
  std::string pipeline;
  std::string db;       // empty: the pipeline's [run] database
  std::string summary;  // empty: the pipeline's [run] summary
  int threads = 0;
  bool quiet = false;
  bool stats = false;  // print CPU seconds per stage (read, normalise, tag, store, index)
};

struct IngestArgs {
  std::string db;
  std::string round;
  std::string date;
  std::string channel;
  std::string pipeline;  // optional: column mapping and lexicons from a pipeline file
  std::string lexicons;  // optional: lexicon folder
  std::vector<std::string> files;
  int threads = 0;
  bool quiet = false;
};

struct ReadArgs {
  std::string db;
  std::string round;   // empty: the most recent round
  std::string format;
  std::string out;     // empty: standard output
  std::string negated = "count";  // summary, export: "count" or "exclude" negated theme tags
};

int Run(const RunArgs& args);
int Ingest(const IngestArgs& args);
int Export(const ReadArgs& args);
int Summary(const ReadArgs& args);
int LedgerReport(const ReadArgs& args);

// Subcommands that live in files of their own register themselves: each adds
// its subcommand to `app` and, once parsed, `run` calls it.
void RegisterQueryCommands(CLI::App& app, std::function<int()>& run);   // search, trace, verify
void RegisterReportCommand(CLI::App& app, std::function<int()>& run);   // report
void RegisterCompareCommands(CLI::App& app, std::function<int()>& run);  // compare, cooccur, diff
void RegisterCodeCommand(CLI::App& app, std::function<int()>& run);     // code
void RegisterLexiconCommand(CLI::App& app, std::function<int()>& run);  // lexicon check|eval|gaps

// The lexicon folder used when none is named: $HEARD_LEXICONS, else the
// project's lexicons/ folder this build was made from.
std::string DefaultLexiconDir();

}  // namespace heard::cli

#endif  // HEARD_SRC_CLI_COMMANDS_H_
