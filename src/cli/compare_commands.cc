// `heard compare`, `cooccur`, `diff`: groups and rounds compared, with disclosure control.
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "heard/compare.h"

namespace heard::cli {
namespace {

constexpr const char* kFooter =
    "Counts under --min-count are published as \"<N\" without statistics; groups under it are "
    "suppressed whole.\nExit codes: 0 done; 2 bad command line (also: an unknown outcome or "
    "attribute); 4 no such database or round; 5 the database failed; see `heard --help`.";

struct CompareArgs {
  std::string db, round, by, outcome, format = "text", out;
  int64_t min_count = kDefaultMinCount;
};

struct CooccurArgs {
  std::string db, round, by, outcome, format = "text", out, sort = "npmi";
  int64_t min_count = kDefaultMinCount;
  size_t top = 20;
};

struct DiffArgs {
  std::string db, from, to, by, channel, format = "text", out;
  int64_t min_count = kDefaultMinCount;
};

// Unknown outcome or attribute: the command line named something the round does not have.
int ExitForRead(const Status& status) {
  if (status.code() == Status::Code::kInvalidInput) {
    std::cerr << "heard: " << status.message() << "\n";
    return kExitUsage;
  }
  return ExitFor(status);
}

int Compare(const CompareArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  CompareOptions options;
  options.by = args.by;
  options.outcome = args.outcome;
  options.min_count = args.min_count;
  Result<Comparison> comparison = CompareGroups(**store, *round, options);
  if (!comparison.ok()) return ExitForRead(comparison.status());
  Status written = WriteText(args.out, RenderComparison(*comparison, args.format));
  return written.ok() ? kExitOk : ExitFor(written);
}

int Cooccur(const CooccurArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  CooccurrenceOptions options;
  options.by = args.by;
  options.outcome = args.outcome;
  options.min_count = args.min_count;
  options.top = args.top;
  options.sort_by_count = args.sort == "count";
  Result<Cooccurrence> pairs = CooccurThemes(**store, *round, options);
  if (!pairs.ok()) return ExitForRead(pairs.status());
  Status written = WriteText(args.out, RenderCooccurrence(*pairs, args.format));
  return written.ok() ? kExitOk : ExitFor(written);
}

int Diff(const DiffArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  DiffOptions options;
  options.by_district = args.by == "district";
  if (!args.channel.empty()) options.channels.push_back(args.channel);
  options.min_count = args.min_count;
  Result<RoundDiff> diff = DiffRounds(**store, args.from, args.to, options);
  if (!diff.ok()) return ExitForRead(diff.status());
  Status written = WriteText(args.out, RenderRoundDiff(*diff, args.format));
  return written.ok() ? kExitOk : ExitFor(written);
}

void CommonOptions(CLI::App* command, std::string& db, std::string& format, std::string& out,
                   int64_t& min_count) {
  command->add_option("--db", db, "Database to read")->required();
  command->add_option("--format", format, "text (default), md, json or csv")
      ->check(CLI::IsMember({"text", "md", "json", "csv"}));
  command
      ->add_option("--min-count", min_count,
                   "Smallest count published (default 5); smaller counts show as \"<N\"")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  command->add_option("--out,-o", out, "File to write (default: stdout)");
  command->footer(kFooter);
}

}  // namespace

void RegisterCompareCommands(CLI::App& app, std::function<int()>& run) {
  auto compare = std::make_shared<CompareArgs>();
  CLI::App* c = app.add_subcommand(
      "compare",
      "Per group (district, channel or a record attribute) x theme: records, share, and whether "
      "the group raised the theme more or less than the rest (G2, p, log ratio)");
  CommonOptions(c, compare->db, compare->format, compare->out, compare->min_count);
  c->add_option("--round", compare->round, "Round (default: the latest loaded)");
  c->add_option("--by", compare->by,
                "district, channel, or a record attribute name such as \"Age band\"")
      ->required();
  c->add_option("--outcome", compare->outcome, "Only records carrying this outcome (e.g. O5)");
  c->callback([compare, &run] { run = [compare] { return Compare(*compare); }; });

  auto cooccur = std::make_shared<CooccurArgs>();
  CLI::App* o = app.add_subcommand(
      "cooccur",
      "Themes raised together in the same record: counts, NPMI and Jaccard, overall "
      "and per group");
  CommonOptions(o, cooccur->db, cooccur->format, cooccur->out, cooccur->min_count);
  o->add_option("--round", cooccur->round, "Round (default: the latest loaded)");
  o->add_option("--by", cooccur->by, "Also per group: district, channel or an attribute name");
  o->add_option("--outcome", cooccur->outcome, "Only records carrying this outcome");
  o->add_option("--top", cooccur->top, "Pairs per group (default 20; 0: all)");
  o->add_option("--sort", cooccur->sort, "npmi (default) or count")
      ->check(CLI::IsMember({"npmi", "count"}));
  o->callback([cooccur, &run] { run = [cooccur] { return Cooccur(*cooccur); }; });

  auto diff = std::make_shared<DiffArgs>();
  CLI::App* d = app.add_subcommand(
      "diff", "Themes new, gone, rising, falling or steady between two rounds (G2, p, log ratio)");
  CommonOptions(d, diff->db, diff->format, diff->out, diff->min_count);
  d->add_option("--from", diff->from, "The earlier round")->required();
  d->add_option("--to", diff->to, "The later round")->required();
  d->add_option("--by", diff->by, "district: also per district")
      ->check(CLI::IsMember({"district"}));
  d->add_option("--channel", diff->channel,
                "Only records of this channel in both rounds (survey, focus_group, workshop): "
                "compare like with like when the rounds used different channels")
      ->check(CLI::IsMember({"survey", "focus_group", "workshop"}));
  d->callback([diff, &run] { run = [diff] { return Diff(*diff); }; });
}

}  // namespace heard::cli
