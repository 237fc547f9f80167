// Query test fixtures: the sample round loaded in-process, and a small hand-made round.
#ifndef HEARD_TESTS_QUERY_QUERY_FIXTURE_H_
#define HEARD_TESTS_QUERY_QUERY_FIXTURE_H_

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/pipeline.h"
#include "heard/store.h"
#include "heard/tagger.h"
#include "test_support.h"

namespace heard::testing {

inline const std::string kSampleRound = "Kent and Medway strategy refresh 2026";

inline const Lexicon& ShippedLexicon() {
  static const Lexicon lexicon = [] {
    Result<Lexicon> loaded = Lexicon::Load(std::string(HEARD_SOURCE_DIR) + "/lexicons");
    if (!loaded.ok()) throw std::runtime_error(loaded.status().message());
    return *loaded;
  }();
  return lexicon;
}

// The sample round (pipelines/sample_round.toml) in a temporary database,
// loaded once per test process.
inline Store& SampleStore() {
  struct Loaded {
    TempDir dir;
    std::unique_ptr<Store> store;
  };
  static Loaded* loaded = [] {
    auto* l = new Loaded;
    Result<PipelineSpec> spec =
        ReadPipelineFile(std::string(HEARD_SOURCE_DIR) + "/pipelines/sample_round.toml");
    REQUIRE(spec.ok());
    REQUIRE(CheckPipeline(&*spec, ShippedLexicon()).ok());
    Result<std::unique_ptr<Store>> store = Store::Open(l->dir / "sample.db");
    REQUIRE(store.ok());
    REQUIRE(RunRound(*spec, ShippedLexicon(), **store, RunOptions{}).ok());
    l->store = std::move(*store);
    return l;
  }();
  return *loaded->store;
}

// One record for SmallStore: where it comes from and what it says.
struct SmallRecord {
  Channel channel;
  std::string respondent;  // survey only
  std::string district;    // structural district; "" none
  std::string outcome;     // structural outcome; "" none
  std::string text;
};

// A round "Small" tagged with testing::SmallLexicon by heard's own normalise
// and tag stages, one source per channel, so FTS5 and the tags are real.
inline std::unique_ptr<Store> SmallStore(const std::string& path,
                                         const std::vector<SmallRecord>& records) {
  const Lexicon lexicon = SmallLexicon();
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  REQUIRE(store.ok());
  Result<int64_t> round = (*store)->PutRound({"Small", "2026-05-01"});
  REQUIRE(round.ok());
  REQUIRE((*store)->PutLexicon(*round, lexicon).ok());
  for (Channel channel : {Channel::kSurvey, Channel::kFocusGroup, Channel::kWorkshop}) {
    const std::string source_path = std::string(ChannelName(channel)) + ".txt";
    Result<int64_t> source = (*store)->BeginSource(*round, source_path, channel);
    REQUIRE(source.ok());
    Batch batch;
    int line = 0;
    for (const SmallRecord& small : records) {
      if (small.channel != channel) continue;
      Record record;
      record.round = "Small";
      record.channel = channel;
      record.source = source_path;
      record.locator.line_start = record.locator.line_end = ++line;
      record.id = MakeRecordId(record.round, record.source, record.locator);
      record.respondent = small.respondent;
      record.text = small.text;
      if (!small.outcome.empty()) {
        record.tags.push_back(
            Tag{TagKind::kOutcome, small.outcome, Origin::kWorkshopHeading, Evidence{}});
      }
      if (!small.district.empty()) {
        record.tags.push_back(
            Tag{TagKind::kDistrict, small.district, Origin::kDocumentHeader, Evidence{}});
      }
      const FoldedText folded = NormaliseRecord(record);
      TagRecord(lexicon, folded, record);
      batch.records.push_back(std::move(record));
    }
    batch.items_read = static_cast<int64_t>(batch.records.size());
    Ledger ledger;
    REQUIRE((*store)->WriteBatch(*source, batch, &ledger).ok());
    REQUIRE((*store)->FinishSource(*source, ledger, {}).ok());
  }
  return std::move(*store);
}

struct CommandOutcome {
  int code = -1;
  std::string out;  // standard output and standard error
};

// Runs the heard executable with `args` (a shell command line).
inline CommandOutcome Heard(const std::string& args) {
  const std::string command = std::string(HEARD_EXE) + " " + args + " 2>&1";
  CommandOutcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) outcome.out.append(buffer, n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_QUERY_QUERY_FIXTURE_H_
