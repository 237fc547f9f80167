// Fuzz target: a pipeline file parsed from TOML text (ParsePipelineToml), as `heard run`
// reads pipelines/*.toml before any data.
// Invariants checked on every input:
//  - either a Status whose message is "file:line: reason" lines, every line number within
//    the file, or a spec whose every source table and mapped question has a line in the
//    file, a round name, and at least one path pattern per source;
//  - parsing the same text twice gives the same answer (no hidden state).
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "heard/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  int64_t lines = 1;  // toml++ counts lines at LF
  for (const char c : text) lines += c == '\n';

  const heard::Result<heard::PipelineSpec> spec =
      heard::ParsePipelineToml(text, "fuzz.toml", "/nonexistent/fuzz");
  const heard::Result<heard::PipelineSpec> again =
      heard::ParsePipelineToml(text, "fuzz.toml", "/nonexistent/fuzz");
  FUZZ_CHECK(spec.ok() == again.ok(), "two parses of one text disagree");
  if (!spec.ok()) {
    FUZZ_CHECK(spec.status().message() == again.status().message(), "messages differ");
    heard::fuzz::CheckPositions(spec.status().message(), "fuzz.toml", lines);
    return 0;
  }
  FUZZ_CHECK(!spec->round.name.empty(), "a spec without a round name");
  for (const heard::SourceSpec& source : spec->sources) {
    FUZZ_CHECK(source.pos.line >= 1 && source.pos.line <= lines,
               "source table on line " + std::to_string(source.pos.line));
    FUZZ_CHECK(!source.patterns.empty(), "a source with no path");
    for (const heard::SurveyQuestion& q : source.survey.questions) {
      FUZZ_CHECK(q.line >= 1 && q.line <= lines,
                 "question " + q.column + " on line " + std::to_string(q.line));
      FUZZ_CHECK(!q.column.empty(), "a question with no column");
    }
    FUZZ_CHECK(source.survey.header_row >= 1, "header row " + std::to_string(source.survey.header_row));
  }
  return 0;
}
