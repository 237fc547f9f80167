// The notes fuzz targets' shared body: bytes of any encoding are decoded as the pipeline
// decodes them (OpenUtf8), read by a notes loader, then redacted, normalised and tagged.
// Invariants checked on every input:
//  - each batch's counts reconcile: items_read == records + rejected + non_answers;
//  - every record has an id, the loader's channel, text that is non-empty, and after
//    normalising valid UTF-8 that is not blank;
//  - every locator lies within the decoded input's lines (line_start <= line_end);
//  - every problem's line is within the input (0 for the whole file);
//  - every tag's evidence span is -1/-1 or a non-empty span of the text on UTF-8 boundaries.
#ifndef HEARD_FUZZ_FUZZ_NOTES_H_
#define HEARD_FUZZ_FUZZ_NOTES_H_

#include <cstdint>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "fuzz_support.h"
#include "heard/charset.h"
#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/notes.h"
#include "heard/redact.h"
#include "heard/tagger.h"

namespace heard::fuzz {

// The project's own lexicons, compiled once.
inline const Lexicon& FuzzLexicon() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> loaded = Lexicon::Load(HEARD_FUZZ_LEXICONS);
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load %s: %s\n", HEARD_FUZZ_LEXICONS,
                   loaded.status().message().c_str());
      std::abort();
    }
    return new Lexicon(std::move(loaded).value());
  }();
  return *lexicon;
}

inline bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\n") == std::string::npos;
}

inline void CheckNotes(const uint8_t* data, size_t size, Channel channel) {
  const Lexicon& lexicon = FuzzLexicon();
  const std::string raw(reinterpret_cast<const char*>(data), size);

  // Decode once to count the lines the loader sees.
  std::istringstream raw_in(raw);
  EncodingDecision decision;
  std::unique_ptr<std::istream> utf8 = OpenUtf8(raw_in, &decision);
  const std::string decoded{std::istreambuf_iterator<char>(*utf8), std::istreambuf_iterator<char>()};
  const int64_t lines = static_cast<int64_t>(PhysicalLines(decoded).size());

  std::istringstream in(decoded);
  const SourceContext context{"fuzz round", "notes.md", "notes.md"};
  std::unique_ptr<RecordSource> source = channel == Channel::kWorkshop
                                             ? OpenWorkshopNotes(in, context, lexicon)
                                             : OpenFocusGroupNotes(in, context, lexicon);
  Batch batch;
  int guard = 0;
  while (source->Next(batch, 16)) {
    FUZZ_CHECK(++guard < 1000000, "the loader never ends");
    FUZZ_CHECK(batch.items_read == static_cast<int64_t>(batch.records.size()) + batch.rejected +
                                       batch.non_answers,
               "batch counts do not reconcile: read " + std::to_string(batch.items_read) +
                   ", records " + std::to_string(batch.records.size()) + ", rejected " +
                   std::to_string(batch.rejected) + ", non-answers " +
                   std::to_string(batch.non_answers));
    for (const Problem& problem : batch.problems) {
      FUZZ_CHECK(problem.line >= 0 && problem.line <= lines,
                 "problem on line " + std::to_string(problem.line) + " of " +
                     std::to_string(lines) + ": " + problem.reason);
      FUZZ_CHECK(!problem.reason.empty(), "problem without a reason");
    }
    for (Record& record : batch.records) {
      const std::string where = "record at " + record.locator.ToString();
      FUZZ_CHECK(!record.id.empty(), where + " has no id");
      FUZZ_CHECK(record.channel == channel, where + " has the wrong channel");
      FUZZ_CHECK(!record.text.empty(), where + " has empty text");
      FUZZ_CHECK(record.locator.line_start >= 1 &&
                     record.locator.line_start <= record.locator.line_end &&
                     record.locator.line_end <= lines,
                 where + " outside the input's " + std::to_string(lines) + " lines");
      RedactRecord(record);
      const FoldedText folded = NormaliseRecord(record);
      TagRecord(lexicon, folded, record);
      FUZZ_CHECK(IsValidUtf8(record.text), where + ": text is not valid UTF-8");
      FUZZ_CHECK(!IsBlank(record.text), where + ": text is blank after normalising");
      for (const Tag& tag : record.tags) {
        const Evidence& e = tag.evidence;
        if (e.start == -1 && e.end == -1) continue;
        FUZZ_CHECK(e.start >= 0 && e.start < e.end &&
                       static_cast<size_t>(e.end) <= record.text.size() &&
                       IsBoundary(record.text, static_cast<size_t>(e.start)) &&
                       IsBoundary(record.text, static_cast<size_t>(e.end)),
                   where + ": evidence span " + std::to_string(e.start) + ".." +
                       std::to_string(e.end) + " for " + tag.value);
      }
    }
    batch.Clear();
  }
}

}  // namespace heard::fuzz

#endif  // HEARD_FUZZ_FUZZ_NOTES_H_
