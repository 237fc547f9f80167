// `heard report`: writes the HTML report and its Markdown twin to a folder.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "heard/report.h"

namespace heard::cli {
namespace {

struct ReportArgs {
  std::string db;
  std::string round;  // empty: the most recent round
  std::string out;    // folder for report.html and report.md
  int64_t min_count = kDefaultMinCount;  // disclosure control of the comparison sections
  std::string negated = "count";  // or "exclude": leave out theme tags marked negated
};

int WriteReportFiles(const ReportArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  ReportOptions options;
  options.min_count = args.min_count;
  options.summary.count_negated = args.negated != "exclude";
  Result<heard::Report> report = BuildReport(**store, *round, options);
  if (!report.ok()) return ExitFor(report.status());
  Status written = WriteReport(*report, args.out, options);
  if (!written.ok()) return ExitFor(written);
  const std::filesystem::path dir(args.out);
  std::cout << fmt::format("round \"{}\": {} records\nhtml:     {}\nmarkdown: {}\n", *round,
                           report->records.size(), (dir / "report.html").string(),
                           (dir / "report.md").string());
  return kExitOk;
}

}  // namespace

void RegisterReportCommand(CLI::App& app, std::function<int()>& run) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* command = app.add_subcommand(
      "report",
      "A self-contained HTML report (every count links to its records) and a Markdown twin");
  command->add_option("--db", args->db, "Database to read")->required();
  command->add_option("--round", args->round, "Round (default: the latest loaded)");
  command->add_option("--out", args->out, "Folder to write report.html and report.md into")
      ->required();
  command->add_option("--min-count", args->min_count,
                      "Compare districts, themes raised together, since the last round: counts "
                      "under this (default 5) are withheld")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  command->add_option("--negated", args->negated,
                      "count (default) or exclude theme tags marked negated")
      ->check(CLI::IsMember({"count", "exclude"}));
  command->footer(
      "Exit codes: 0 done; 2 bad command line; 4 no such database or round; "
      "5 the database failed; see `heard --help`.");
  command->callback([args, &run] { run = [args] { return WriteReportFiles(*args); }; });
}

}  // namespace heard::cli
