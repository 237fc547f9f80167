// Running a round: per source file, read (serial) → normalise and tag (parallel) → store (serial).
#include "heard/pipeline.h"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>

#include "heard/charset.h"
#include "heard/normalise.h"
#include "heard/office.h"
#include "heard/redact.h"
#include "heard/tagger.h"
#include "load/file_input.h"

namespace heard {
namespace {

// CPU time of the calling thread, in nanoseconds.
int64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double Seconds(int64_t nanos) { return static_cast<double>(nanos) * 1e-9; }

std::unique_ptr<RecordSource> OpenLoader(const SourceSpec& spec, FileFormat format,
                                         std::istream& in, const SourceContext& context,
                                         const Lexicon& lexicon) {
  if (format == FileFormat::kXlsx) return OpenXlsxSurvey(in, context, spec.survey, lexicon);
  if (format == FileFormat::kDocx && spec.channel == Channel::kFocusGroup) {
    return OpenWordFocusGroupNotes(in, context, lexicon, spec.notes);
  }
  if (format == FileFormat::kDocx) return OpenWordWorkshopNotes(in, context, lexicon, spec.notes);
  std::istream& utf8 = in;
  switch (spec.channel) {
    case Channel::kSurvey: return OpenSurvey(utf8, context, spec.survey, lexicon);
    case Channel::kFocusGroup: return OpenFocusGroupNotes(utf8, context, lexicon, spec.notes);
    case Channel::kWorkshop: return OpenWorkshopNotes(utf8, context, lexicon, spec.notes);
  }
  return nullptr;
}

// One pipeline token: a batch and the rows the store will bind for it.
struct Work {
  Batch batch;
  BatchRows rows;
};

// Loads one file. Returns a non-ok Status only when the store failed.
Status LoadFile(const SourceSpec& spec, const SourceFile& file, int64_t round_id,
                const PipelineSpec& pipeline, const Lexicon& lexicon, Store& store,
                const RunOptions& options, size_t max_tokens, RunReport& report) {
  Result<int64_t> source_id = store.BeginSource(round_id, file.name, spec.channel);
  if (!source_id.ok()) return source_id.status();

  Ledger ledger;
  ledger.round = pipeline.round.name;
  ledger.source = file.name;
  ledger.channel = std::string(ChannelName(spec.channel));

  Result<std::unique_ptr<FileInput>> input = FileInput::Open(file.path);
  if (!input.ok()) {
    Batch failed;
    failed.problems.push_back({Problem::Severity::kReject, file.name, 0, "",
                               input.status().message(), 0});
    report.problems.push_back(failed.problems.back());
    Status written = store.WriteBatch(*source_id, failed, &ledger);
    if (!written.ok()) return written;
    report.ledgers.push_back(ledger);
    return store.FinishSource(*source_id, ledger, SourceInfo());
  }

  EncodingDecision decision;
  DecodeOptions decode;
  decode.declared = spec.encoding;
  // .docx and .xlsx are zip archives of UTF-8 XML: their readers take the bytes as they are.
  const FileFormat format = FileFormatOf(file.path);
  std::unique_ptr<std::istream> utf8;
  if (format == FileFormat::kText) {
    utf8 = OpenUtf8((*input)->stream(), &decision, decode);
  } else {
    decision.encoding = "UTF-8";
    decision.note = format == FileFormat::kDocx ? "Word document, XML in UTF-8"
                                                : "Excel workbook, XML in UTF-8";
  }
  const SourceContext context{pipeline.round.name, file.name, file.path};
  std::unique_ptr<RecordSource> loader =
      OpenLoader(spec, format, utf8 ? *utf8 : (*input)->stream(), context, lexicon);

  Status store_status;
  int64_t next_progress = 10000;
  int64_t read_ns = 0, store_ns = 0;  // serial stages: one thread at a time
  std::atomic<int64_t> normalise_ns{0}, tag_ns{0};
  tbb::parallel_pipeline(
      max_tokens,
      tbb::make_filter<void, Work*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> Work* {
            const int64_t start = ThreadCpuNanos();
            auto work = std::make_unique<Work>();
            const bool more =
                store_status.ok() && loader->Next(work->batch, options.batch_records);
            read_ns += ThreadCpuNanos() - start;
            if (!more) {
              control.stop();
              return nullptr;
            }
            return work.release();
          }) &
          tbb::make_filter<Work*, Work*>(
              tbb::filter_mode::parallel,
              [&](Work* work) {
                Batch* batch = &work->batch;
                // Clocks read per batch, not per record: a thread CPU clock is a system call.
                const int64_t t0 = ThreadCpuNanos();
                std::vector<FoldedText> folded(batch->records.size());
                for (size_t i = 0; i < batch->records.size(); ++i) {
                  RedactRecord(batch->records[i]);
                  folded[i] = NormaliseRecord(batch->records[i]);
                }
                const int64_t t1 = ThreadCpuNanos();
                for (size_t i = 0; i < batch->records.size(); ++i) {
                  Record& record = batch->records[i];
                  TagRecord(lexicon, folded[i], record);
                  if (record.flags & kFlagInvalidUtf8) {
                    batch->problems.push_back(
                        {Problem::Severity::kWarning, record.source, record.locator.line_start,
                         record.locator.column,
                         "bytes that are not valid text were replaced by U+FFFD; the record is "
                         "stored and flagged",
                         0});
                  }
                }
                // What the store binds beyond the records' fields, built here so the serial
                // store stage only binds and steps (counted with tagging: it is per record).
                work->rows = PrepareRows(*batch);
                const int64_t t2 = ThreadCpuNanos();
                normalise_ns += t1 - t0;
                tag_ns += t2 - t1;
                return work;
              }) &
          tbb::make_filter<Work*, void>(
              tbb::filter_mode::serial_in_order, [&](Work* owned) {
                std::unique_ptr<Work> work(owned);
                Batch* batch = &work->batch;
                if (!store_status.ok()) return;
                const int64_t start = ThreadCpuNanos();
                store_status = store.WriteBatch(*source_id, *batch, work->rows, &ledger);
                store_ns += ThreadCpuNanos() - start;
                for (Problem& problem : batch->problems) {
                  problem.file = file.name;  // as the pipeline names it, not this machine's path
                  report.problems.push_back(std::move(problem));
                }
                if (options.progress && ledger.items_read >= next_progress) {
                  options.progress(fmt::format("{}: {} items read, {} stored", file.name,
                                               ledger.items_read, ledger.stored));
                  next_progress += 10000;
                }
              }));
  report.stages.read += Seconds(read_ns);
  report.stages.normalise += Seconds(normalise_ns.load());
  report.stages.tag += Seconds(tag_ns.load());
  report.stages.store += Seconds(store_ns);
  if (!store_status.ok()) return store_status;

  SourceInfo info = loader->info();
  info.encoding = decision.encoding;
  info.encoding_note = decision.note;
  ledger.sha256 = (*input)->FinishSha256();
  ledger.encoding = decision.encoding;
  report.decisions.push_back(fmt::format("{}: read as {} ({})", file.name, decision.encoding,
                                         decision.note));
  report.stored += ledger.stored;
  report.ledgers.push_back(ledger);
  if (options.progress) {
    options.progress(fmt::format("{}: {} stored, {} non-answers, {} rejected, {} duplicates",
                                 file.name, ledger.stored, ledger.non_answers, ledger.rejected,
                                 ledger.duplicates));
  }
  const int64_t start = ThreadCpuNanos();
  Status finished = store.FinishSource(*source_id, ledger, info);
  report.stages.index += Seconds(ThreadCpuNanos() - start);
  return finished;
}

}  // namespace

bool RunReport::Reconciles() const {
  return std::all_of(ledgers.begin(), ledgers.end(),
                     [](const Ledger& ledger) { return ledger.Reconciles(); });
}

Result<RunReport> RunRound(const PipelineSpec& spec, const Lexicon& lexicon, Store& store,
                           const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  // Batches in flight: enough that tagging runs ahead while the serial store stage stalls on a
  // commit of 64 batches (each holds at most batch_records records). At 1M answers on 2
  // threads, 8 a thread kept 1.73-1.76 cores busy (114.9 s wall), 32 a thread 1.91 (103.8 s,
  // the same CPU seconds), for about 100 MB more peak RSS.
  const size_t max_tokens = static_cast<size_t>(threads) * 32;
  store.set_batches_per_transaction(options.batches_per_transaction);

  Result<int64_t> round_id = store.PutRound(spec.round);
  if (!round_id.ok()) return round_id.status();
  Status status = store.PutLexicon(*round_id, lexicon);
  if (!status.ok()) return status;
  Result<int64_t> run_id = store.BeginRun(*round_id, lexicon, threads);
  if (!run_id.ok()) return run_id.status();

  RunReport report;
  for (const SourceSpec& source : spec.sources) {
    for (const SourceFile& file : source.files) {
      status = LoadFile(source, file, *round_id, spec, lexicon, store, options, max_tokens, report);
      if (!status.ok()) {
        store.FinishRun(*run_id, "failed: " + status.message());
        return status;
      }
    }
  }
  status = store.FinishRun(*run_id, "complete");
  if (!status.ok()) return status;
  report.stages.wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return report;
}

}  // namespace heard
