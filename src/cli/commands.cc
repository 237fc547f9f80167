// The subcommands: load configuration, call the stages, print what happened.
#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.h"
#include "heard/charset.h"
#include "heard/export.h"
#include "heard/lexicon.h"
#include "heard/office.h"
#include "heard/pipeline.h"
#include "heard/store.h"
#include "heard/summary.h"
#include "heard/survey.h"

namespace heard::cli {
namespace {

namespace fs = std::filesystem;

std::function<void(const std::string&)> Progress(bool quiet) {
  if (quiet) return nullptr;
  return [](const std::string& line) { std::cerr << "  " << line << "\n"; };
}

void PrintLedgers(const std::vector<Ledger>& ledgers, std::ostream& out) {
  out << fmt::format("{:<58} {:>8} {:>7} {:>7} {:>7} {:>7} {:>6}\n", "source", "read", "stored",
                     "non-ans", "reject", "dup", "warn");
  Ledger total;
  for (const Ledger& l : ledgers) {
    std::string name = l.source.size() > 58 ? "…" + l.source.substr(l.source.size() - 56) : l.source;
    out << fmt::format("{:<58} {:>8} {:>7} {:>7} {:>7} {:>7} {:>6}{}\n", name, l.items_read,
                       l.stored, l.non_answers, l.rejected, l.duplicates, l.warnings,
                       l.Reconciles() ? "" : "  DOES NOT RECONCILE");
    total.items_read += l.items_read;
    total.stored += l.stored;
    total.non_answers += l.non_answers;
    total.rejected += l.rejected;
    total.duplicates += l.duplicates;
    total.warnings += l.warnings;
  }
  out << fmt::format("{:<58} {:>8} {:>7} {:>7} {:>7} {:>7} {:>6}\n", "total", total.items_read,
                     total.stored, total.non_answers, total.rejected, total.duplicates,
                     total.warnings);
  out << "read = stored + non-answers + rejected + duplicates, per source.\n";
}

void PrintProblems(const std::vector<Problem>& problems, std::ostream& out, size_t most) {
  size_t shown = 0;
  for (const Problem& p : problems) {
    if (shown++ == most) {
      out << fmt::format("  … and {} more (heard ledger --db DB lists them all)\n",
                         problems.size() - most);
      break;
    }
    out << fmt::format("  {} {}:{}{}: {}\n",
                       p.severity == Problem::Severity::kReject ? "reject " : "warning", p.file,
                       p.line, p.column.empty() ? "" : " [" + p.column + "]", p.reason);
  }
}

// Loads a checked pipeline into the database and prints what happened.
int LoadAndReport(PipelineSpec& spec, const Lexicon& lexicon, const std::string& db_path,
                  int threads, bool quiet, Result<std::unique_ptr<Store>>& store,
                  bool stats = false) {
  store = OpenStore(db_path, false);
  if (!store.ok()) return ExitFor(store.status());
  RunOptions options;
  options.threads = threads;
  options.progress = Progress(quiet);
  if (!quiet) std::cerr << fmt::format("heard: loading round \"{}\"\n", spec.round.name);
  Result<RunReport> report = RunRound(spec, lexicon, **store, options);
  if (!report.ok()) return ExitFor(report.status());
  for (const std::string& decision : report->decisions) {
    if (!quiet) std::cerr << "  " << decision << "\n";
  }
  PrintLedgers(report->ledgers, std::cout);
  if (stats) {
    const StageTimes& t = report->stages;
    std::cout << fmt::format(
        "stats: read={:.3f} normalise={:.3f} tag={:.3f} store={:.3f} index={:.3f} wall={:.3f} "
        "(CPU seconds per stage, summed over threads; wall seconds)\n",
        t.read, t.normalise, t.tag, t.store, t.index, t.wall);
  }
  if (!report->problems.empty()) {
    std::cout << fmt::format("{} problems:\n", report->problems.size());
    PrintProblems(report->problems, std::cout, 25);
  }
  if (!report->Reconciles()) return kExitUnreconciled;
  return kExitOk;
}

}  // namespace

std::string DefaultLexiconDir() {
  if (const char* env = std::getenv("HEARD_LEXICONS"); env != nullptr && *env) return env;
  return HEARD_DEFAULT_LEXICONS;
}

int Run(const RunArgs& args) {
  Result<PipelineSpec> spec = ReadPipelineFile(args.pipeline);
  if (!spec.ok()) return ExitFor(spec.status());
  Result<Lexicon> lexicon = Lexicon::Load(spec->lexicon_dir);
  if (!lexicon.ok()) return ExitFor(lexicon.status());
  Status checked = CheckPipeline(&*spec, *lexicon);
  if (!checked.ok()) return ExitFor(checked);
  const std::string db = !args.db.empty() ? args.db : spec->database;
  if (db.empty()) {
    return ExitFor(Status::Config(fmt::format(
        "{}: no database: give --db or set database in the [run] table", spec->file)));
  }
  Result<std::unique_ptr<Store>> store = Status::NotFound("");
  int code = LoadAndReport(*spec, *lexicon, db, args.threads, args.quiet, store, args.stats);
  if (code != kExitOk) return code;

  const std::string summary_path = !args.summary.empty() ? args.summary : spec->summary;
  std::cout << "database: " << db << "\n";
  if (!summary_path.empty()) {
    Result<heard::Summary> summary = Summarise(**store, spec->round.name);
    if (!summary.ok()) return ExitFor(summary.status());
    Status written = WriteText(summary_path, RenderSummaryMarkdown(*summary));
    if (!written.ok()) return ExitFor(written);
    std::cout << "summary:  " << summary_path << "\n";
  }
  return kExitOk;
}

int Ingest(const IngestArgs& args) {
  const Channel channel = *ParseChannel(args.channel);
  PipelineSpec spec;
  spec.file = "(command line)";
  spec.round = {args.round, args.date};
  spec.lexicon_dir = !args.lexicons.empty() ? args.lexicons : DefaultLexiconDir();
  std::optional<SurveyMapping> mapped;
  if (!args.pipeline.empty()) {
    Result<PipelineSpec> pipeline = ReadPipelineFile(args.pipeline);
    if (!pipeline.ok()) return ExitFor(pipeline.status());
    if (args.lexicons.empty()) spec.lexicon_dir = pipeline->lexicon_dir;
    for (const SourceSpec& source : pipeline->sources) {
      if (source.channel == Channel::kSurvey && !mapped) mapped = source.survey;
    }
  }
  Result<Lexicon> lexicon = Lexicon::Load(spec.lexicon_dir);
  if (!lexicon.ok()) return ExitFor(lexicon.status());

  for (const std::string& path : args.files) {
    SourceSpec source;
    source.channel = channel;
    source.patterns = {path};
    source.pos = {spec.file, 0};
    if (channel == Channel::kSurvey) {
      if (mapped) {
        source.survey = *mapped;
      } else {
        std::ifstream raw(path, std::ios::binary);
        if (!raw) return ExitFor(Status::NotFound("cannot open " + path));
        EncodingDecision decision;
        Result<SurveyGuess> guess = Status::NotFound("");
        if (FileFormatOf(path) == FileFormat::kXlsx) {
          decision.encoding = "UTF-8 (Excel workbook, first sheet)";
          std::ostringstream bytes;
          bytes << raw.rdbuf();
          Result<std::unique_ptr<SurveyRows>> rows = OpenXlsxRows(bytes.str());
          if (!rows.ok()) {
            return ExitFor(Status::InvalidInput(path + ": " + rows.status().message()));
          }
          guess = GuessSurveyMapping(**rows, *lexicon);
        } else {
          std::unique_ptr<std::istream> utf8 = OpenUtf8(raw, &decision);
          guess = GuessSurveyMapping(*utf8, *lexicon);
        }
        if (!guess.ok()) return ExitFor(guess.status());
        std::cout << fmt::format("{}: columns recognised (read as {}):\n", path, decision.encoding);
        for (const std::string& line : guess->decisions) std::cout << "  " << line << "\n";
        if (guess->mapping.questions.empty()) {
          return ExitFor(Status::InvalidInput(
              path + ": no free-text column recognised; map the columns with --pipeline"));
        }
        source.survey = guess->mapping;
      }
    }
    spec.sources.push_back(std::move(source));
  }
  spec.file = fs::current_path().string() + "/(command line)";
  Status checked = CheckPipeline(&spec, *lexicon);
  if (!checked.ok()) return ExitFor(checked);
  Result<std::unique_ptr<Store>> store = Status::NotFound("");
  int code = LoadAndReport(spec, *lexicon, args.db, args.threads, args.quiet, store);
  if (code == kExitOk) std::cout << "database: " << args.db << "\n";
  return code;
}

int Export(const ReadArgs& args) {
  const bool to_stdout = args.out.empty() || args.out == "-";
  if (args.format == "xlsx" && to_stdout) {
    std::cerr << "heard: --format xlsx writes a binary file: give --out FILE\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  if (!to_stdout) {
    std::error_code ignored;
    const fs::path parent = fs::path(args.out).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ignored);
  }
  SummaryOptions counting;
  counting.count_negated = args.negated != "exclude";
  if (args.format == "xlsx" && !counting.count_negated) {
    std::cerr << "heard: --negated exclude is not supported with --format xlsx\n";
    return kExitUsage;
  }
  if (args.format == "xlsx") {
    Status status = ExportWorkbook(**store, *round, args.out);
    return status.ok() ? kExitOk : ExitFor(status);
  }
  const ExportFormat format = args.format == "csv"          ? ExportFormat::kCsv
                              : args.format == "csv-themes" ? ExportFormat::kCsvThemes
                                                            : ExportFormat::kJsonl;
  Status status;
  if (to_stdout) {
    status = ExportRecords(**store, *round, format, std::cout, counting);
  } else {
    std::ofstream out(args.out, std::ios::binary);
    if (!out) return ExitFor(Status::Io("cannot write " + args.out));
    status = ExportRecords(**store, *round, format, out, counting);
  }
  return status.ok() ? kExitOk : ExitFor(status);
}

int Summary(const ReadArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  SummaryOptions options;
  options.count_negated = args.negated != "exclude";
  Result<heard::Summary> summary = Summarise(**store, *round, options);
  if (!summary.ok()) return ExitFor(summary.status());
  const std::string text =
      args.format == "json" ? RenderSummaryJson(*summary) : RenderSummaryMarkdown(*summary);
  Status written = WriteText(args.out, text);
  return written.ok() ? kExitOk : ExitFor(written);
}

int LedgerReport(const ReadArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenStore(args.db, true);
  if (!store.ok()) return ExitFor(store.status());
  Result<std::string> round = PickRound(**store, args.round);
  if (!round.ok()) return ExitFor(round.status());
  Result<std::vector<Ledger>> ledgers = (*store)->Ledgers(*round);
  if (!ledgers.ok()) return ExitFor(ledgers.status());
  Result<std::vector<StoredProblem>> problems = (*store)->Problems(*round);
  if (!problems.ok()) return ExitFor(problems.status());
  std::cout << fmt::format("round \"{}\"\n", *round);
  PrintLedgers(*ledgers, std::cout);
  std::vector<Problem> list;
  for (const StoredProblem& p : *problems) list.push_back(p.problem);
  if (!list.empty()) {
    std::cout << fmt::format("{} problems:\n", list.size());
    PrintProblems(list, std::cout, list.size());
  }
  bool reconciles = true;
  for (const Ledger& l : *ledgers) reconciles = reconciles && l.Reconciles();
  return reconciles ? kExitOk : kExitUnreconciled;
}

}  // namespace heard::cli
