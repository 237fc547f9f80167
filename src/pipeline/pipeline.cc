// Running a round: per source file, read (serial) → normalise and tag (parallel) → store (serial).
#include "heard/pipeline.h"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <memory>

#include "heard/charset.h"
#include "heard/normalise.h"
#include "heard/office.h"
#include "heard/redact.h"
#include "heard/tagger.h"
#include "load/file_input.h"

namespace heard {
namespace {

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
  tbb::parallel_pipeline(
      max_tokens,
      tbb::make_filter<void, Batch*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> Batch* {
            auto batch = std::make_unique<Batch>();
            if (!store_status.ok() || !loader->Next(*batch, options.batch_records)) {
              control.stop();
              return nullptr;
            }
            return batch.release();
          }) &
          tbb::make_filter<Batch*, Batch*>(
              tbb::filter_mode::parallel,
              [&](Batch* batch) {
                for (Record& record : batch->records) {
                  RedactRecord(record);
                  const FoldedText folded = NormaliseRecord(record);
                  TagRecord(lexicon, folded, record);
                  if (record.flags & kFlagInvalidUtf8) {
                    batch->problems.push_back(
                        {Problem::Severity::kWarning, record.source, record.locator.line_start,
                         record.locator.column,
                         "bytes that are not valid text were replaced by U+FFFD; the record is "
                         "stored and flagged",
                         0});
                  }
                }
                return batch;
              }) &
          tbb::make_filter<Batch*, void>(
              tbb::filter_mode::serial_in_order, [&](Batch* owned) {
                std::unique_ptr<Batch> batch(owned);
                if (!store_status.ok()) return;
                store_status = store.WriteBatch(*source_id, *batch, &ledger);
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
  return store.FinishSource(*source_id, ledger, info);
}

}  // namespace

bool RunReport::Reconciles() const {
  return std::all_of(ledgers.begin(), ledgers.end(),
                     [](const Ledger& ledger) { return ledger.Reconciles(); });
}

Result<RunReport> RunRound(const PipelineSpec& spec, const Lexicon& lexicon, Store& store,
                           const RunOptions& options) {
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const size_t max_tokens = static_cast<size_t>(threads) * 2;
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
  return report;
}

}  // namespace heard
