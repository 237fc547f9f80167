// A feedback round as a pipeline: parse and check the pipeline file, then run load → normalise → tag → store.
#ifndef HEARD_PIPELINE_H_
#define HEARD_PIPELINE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"
#include "heard/notes.h"
#include "heard/record.h"
#include "heard/status.h"
#include "heard/store.h"
#include "heard/survey.h"

namespace heard {

// One input file of a round.
struct SourceFile {
  std::string name;  // as the pipeline names it (part of every record id): stable across machines
  std::string path;  // where to open it
};

// One [[survey]], [[focus_group]] or [[workshop]] table.
struct SourceSpec {
  Channel channel = Channel::kSurvey;
  std::vector<std::string> patterns;  // paths or globs as written
  std::vector<SourceFile> files;      // what they matched, sorted by name
  std::string encoding;               // declared encoding; empty = detect
  SurveyMapping survey;               // surveys only
  NotesOptions notes;                 // notes only
  SourcePos pos;                      // the table's line in the pipeline file
};

// A parsed pipeline file. Paths are resolved against the file's folder.
struct PipelineSpec {
  std::string file;         // the pipeline file, for messages
  Round round;
  std::string lexicon_dir;  // default: <pipeline folder>/../lexicons
  std::string database;     // default for --db; may be empty
  std::string summary;      // where `heard run` writes the Markdown summary; may be empty
  std::vector<SourceSpec> sources;
};

// Step one: parse. `base_dir` resolves relative paths. Unknown keys, wrong
// types and missing required keys are errors with file:line; globs are not
// expanded yet.
Result<PipelineSpec> ParsePipelineToml(std::string_view text, const std::string& file,
                                       const std::string& base_dir);
Result<PipelineSpec> ReadPipelineFile(const std::string& path);

// Step two: check against the compiled lexicon and the file system, before
// any data is read: outcome ids the lexicon lacks, a question column mapped
// twice, globs that match no file, files that cannot be opened. Expands
// globs into `spec->files`. Reports every problem, each with file:line.
Status CheckPipeline(PipelineSpec* spec, const Lexicon& lexicon);

struct RunOptions {
  int threads = 0;                   // worker threads; 0 = one per core
  size_t batch_records = 256;        // records per pipeline token
  int batches_per_transaction = Store::kBatchesPerTransaction;  // store commits every this many
  // Called from the serial store stage with a one-line progress message.
  std::function<void(const std::string&)> progress;
};

// Where a run's time went: CPU seconds per stage, summed over threads and
// files (thread CPU clocks), and the wall seconds of the whole run.
struct StageTimes {
  double read = 0;       // read and parse (serial)
  double normalise = 0;  // redact and normalise (parallel)
  double tag = 0;        // tag (parallel)
  double store = 0;      // records, tags and problems written (serial)
  double index = 0;      // per source, its ledger written and its last batches committed (serial)
  double wall = 0;
};

// What a run did, for the CLI and the tests.
struct RunReport {
  std::vector<Ledger> ledgers;             // one per source file, in load order
  std::vector<Problem> problems;           // rejects and warnings, in load order
  std::vector<std::string> decisions;      // e.g. encodings detected, per file
  int64_t stored = 0;
  StageTimes stages;

  bool Reconciles() const;
};

// Loads every source of the round into `store`: per file, a oneTBB
// parallel_pipeline reads in order (serial), normalises and tags batches in
// parallel, and stores them in order (serial) in batched transactions. At
// most 2 × threads batches are in flight, so memory does not grow with the
// input. The stored result does not depend on the thread count. A file
// that cannot be read is a reject of the whole file; the run goes on. Only a
// store failure ends the run early.
Result<RunReport> RunRound(const PipelineSpec& spec, const Lexicon& lexicon, Store& store,
                           const RunOptions& options = {});

}  // namespace heard

#endif  // HEARD_PIPELINE_H_
