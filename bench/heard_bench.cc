// heard_bench: the benchmark's helper program (bench/run_bench.py drives it).
//   heard_bench generate --dir D [--answers N] [--seed S] [--lexicons L]
//       writes D/survey.csv (the synthetic round), D/round.toml (its pipeline file) and
//       D/patterns.tsv (kind, entry, regex: every expression heard's matcher searches).
//   heard_bench tag --csv F [--lexicons L]
//       heard's normalise and tag stages alone, in memory, on one thread: reads F with the
//       survey loader, then redacts, normalises and tags each record; prints CPU seconds.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <time.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/redact.h"
#include "heard/survey.h"
#include "heard/tagger.h"
#include "synthetic_round.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One line per expression; tabs and newlines never occur in a lexicon regex.
int WritePatterns(const heard::Lexicon& lexicon, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  for (const heard::Lexicon::Regex& r : lexicon.Regexes()) {
    out << r.kind << '\t' << r.entry << '\t' << r.regex << '\n';
  }
  return out ? 0 : 1;
}

int Generate(const std::string& dir, int64_t answers, uint64_t seed,
             const std::string& lexicon_dir) {
  heard::Result<heard::Lexicon> lexicon = heard::Lexicon::Load(lexicon_dir);
  if (!lexicon.ok()) {
    std::cerr << "heard_bench: " << lexicon.status().message() << "\n";
    return 1;
  }
  std::filesystem::create_directories(dir);
  std::ofstream csv(dir + "/survey.csv", std::ios::binary);
  heard::bench::SyntheticOptions options;
  options.answers = answers;
  options.seed = seed;
  const int64_t bytes = heard::bench::WriteSyntheticSurvey(*lexicon, options, csv);
  csv.close();
  std::ofstream toml(dir + "/round.toml", std::ios::binary);
  toml << fmt::format(R"toml(# Written by heard_bench generate: a synthetic round, no real person in it.
[round]
name = "Benchmark round"
date = "2026-11-24"

[run]
lexicons = "{}"

[[survey]]
path = "survey.csv"
encoding = "UTF-8"
respondent = "Respondent ID"
postcode = "Postcode"
district = "District"

  [[survey.question]]
  column = "Answer"
  id = "Q1"
)toml",
                      std::filesystem::absolute(lexicon_dir).string());
  toml.close();
  if (!csv || !toml || WritePatterns(*lexicon, dir + "/patterns.tsv") != 0) {
    std::cerr << "heard_bench: cannot write into " << dir << "\n";
    return 1;
  }
  std::cout << fmt::format("generated: answers={} bytes={} seed={}\n", answers, bytes, seed);
  return 0;
}

int TagStage(const std::string& csv_path, const std::string& lexicon_dir) {
  heard::Result<heard::Lexicon> lexicon = heard::Lexicon::Load(lexicon_dir);
  if (!lexicon.ok()) {
    std::cerr << "heard_bench: " << lexicon.status().message() << "\n";
    return 1;
  }
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) {
    std::cerr << "heard_bench: cannot open " << csv_path << "\n";
    return 1;
  }
  heard::SurveyMapping mapping;
  mapping.respondent = "Respondent ID";
  mapping.postcode = "Postcode";
  mapping.district = "District";
  mapping.questions.push_back({});
  mapping.questions.back().column = "Answer";
  mapping.questions.back().id = "Q1";
  const heard::SourceContext context{"Benchmark round", "survey.csv", csv_path};
  std::unique_ptr<heard::RecordSource> source =
      heard::OpenSurvey(in, context, mapping, *lexicon);
  double read = 0, normalise = 0, tag = 0;
  int64_t records = 0, tags = 0, bytes = 0;
  heard::Batch batch;
  for (;;) {
    batch.Clear();
    double t0 = ThreadCpuSeconds();
    const bool more = source->Next(batch, 256);
    double t1 = ThreadCpuSeconds();
    read += t1 - t0;
    if (!more) break;
    t0 = ThreadCpuSeconds();
    std::vector<heard::FoldedText> folded(batch.records.size());
    for (size_t i = 0; i < batch.records.size(); ++i) {
      heard::RedactRecord(batch.records[i]);
      folded[i] = heard::NormaliseRecord(batch.records[i]);
    }
    t1 = ThreadCpuSeconds();
    for (size_t i = 0; i < batch.records.size(); ++i) {
      heard::TagRecord(*lexicon, folded[i], batch.records[i]);
      ++records;
      tags += static_cast<int64_t>(batch.records[i].tags.size());
      bytes += static_cast<int64_t>(batch.records[i].text.size());
    }
    const double t2 = ThreadCpuSeconds();
    normalise += t1 - t0;
    tag += t2 - t1;
  }
  std::cout << fmt::format(
      "tag-stage: records={} text_bytes={} tags={} read_cpu={:.3f} normalise_cpu={:.3f} "
      "tag_cpu={:.3f}\n",
      records, bytes, tags, read, normalise, tag);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"heard_bench: synthetic round and stage timings for bench/run_bench.py"};
  app.require_subcommand(1);
  std::string dir, csv, lexicons = HEARD_DEFAULT_LEXICONS;
  int64_t answers = 1000000;
  uint64_t seed = 20261124;
  CLI::App* generate = app.add_subcommand("generate", "Write the synthetic round");
  generate->add_option("--dir", dir, "Output folder")->required();
  generate->add_option("--answers", answers, "Survey answers to write");
  generate->add_option("--seed", seed, "Generator seed");
  generate->add_option("--lexicons", lexicons, "Lexicon folder");
  CLI::App* tag = app.add_subcommand("tag", "Time heard's normalise and tag stages alone");
  tag->add_option("--csv", csv, "The generated survey.csv")->required();
  tag->add_option("--lexicons", lexicons, "Lexicon folder");
  CLI11_PARSE(app, argc, argv);
  if (generate->parsed()) return Generate(dir, answers, seed, lexicons);
  return TagStage(csv, lexicons);
}
