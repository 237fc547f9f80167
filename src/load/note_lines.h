// Line structure shared by the notes loaders: physical lines, their kinds, and items.
//
// A notes file is read whole (notes files are small: memory is bounded by
// the file's size), split into physical lines, and each line classified:
//
//   std::vector<NoteLine> lines = SplitNoteLines(in);
//   ClassifyNoteLines(lines, body_begin, lexicon);   // after the header
//   NoteItem item;
//   size_t next = ReadNoteItem(lines, i, /*split_at_speaker=*/true, &item);
//
// Threading: plain functions over caller-owned data; safe from any thread.
#ifndef HEARD_SRC_LOAD_NOTE_LINES_H_
#define HEARD_SRC_LOAD_NOTE_LINES_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"

namespace heard {

enum class NoteLineKind {
  kBlank,      // only white space
  kHeading,    // "# text", a line underlined by ===/---, or a plain-text heading
  kUnderline,  // the ===/--- line under a heading; carries no text
  kRule,       // a thematic break ("---", "***") not under text; separates like a blank
  kBullet,     // "- ", "* ", "+ ", "• ", "– ", "— ", "o ", "1. ", "1) " at any indent
  kText,       // anything else
};

struct NoteLine {
  int64_t number = 0;  // 1-based physical line
  std::string raw;     // the line without its terminator
  NoteLineKind kind = NoteLineKind::kText;
  int indent = 0;         // leading columns (a tab counts 4)
  std::string text;       // heading text (no '#', bold or trailing ':'), bullet text
                          // without its marker, or the trimmed line
  int heading_level = 0;  // 1..6 for '#', 1 for '===', 2 for '---', 0 for plain-text headings
};

// Splits `in` at LF, CRLF and lone CR. A UTF-8 BOM at the start is dropped.
// Every line is kText until classified; `text` is the trimmed line.
std::vector<NoteLine> SplitNoteLines(std::istream& in);

// Classifies lines [begin, end). Markdown headings are "#".."######" text
// and a line underlined by ===/---. Plain-text heading rule: a non-bullet
// line of at most 80 characters, not ending in . , or ; nor in a code such
// as "(TW)", followed by a blank line or a bullet, and either
//  - with a known section shape (IsKnownSectionHeading; a trailing ':' is
//    allowed), preceded by a blank line, a heading or the start, or, when
//    unindented and in Title Case or at most 4 words, by anything (a heading
//    after a wrapped bullet: "Outcome 2 Continued (1)"); or
//  - preceded by a blank line, a heading or the start, with no ':' at the
//    end and no ": ", and in Title Case or capitals with at most 8 words,
//    wholly bold ("**Next steps**"), or a short phrase in sentence case
//    (a capital first, at most 6 words, no comma, ending in a letter or
//    digit: "Experiences of health services").
// A legend heading preceded by a blank line or the start needs nothing
// particular after it (plain-text legends follow their heading directly).
void ClassifyNoteLines(std::vector<NoteLine>& lines, size_t begin, const Lexicon& lexicon);

// True for Partners / Key / Legend / Codes / Attendees / Districts, any case,
// alone or followed by "present", "represented", "attending", "used", "to
// codes" or "to abbreviations" ("Partners present", "Key to codes"), and
// optionally by ':'. "Key points" is not a legend heading.
bool IsLegendHeading(std::string_view heading);

// True when the heading has a known section shape: an outcome heading or a
// legend heading.
bool IsKnownSectionHeading(std::string_view heading, const Lexicon& lexicon);

// Length of a speaker label at the start of `text`, separator and following
// spaces included; 0 when there is none. `label` (may be null) receives the
// label alone. A label is up to 4 words, the first starting with a capital,
// with an optional note in parentheses, ended by ':' or by " - " / " – ";
// it must be numbered ("P3:", "Participant 3:", "Parent 2 -", "Person B:",
// "Participant 2 (via interpreter):") or name a kind of speaker
// ("Facilitator:", "Young person:", "Carer -"). A topic lead such as
// "Cost: bus fares ..." or "Transport - ..." is not a speaker.
size_t SpeakerLabelLength(std::string_view text, std::string* label);

// One paragraph or bullet with its continuation lines.
struct NoteItem {
  int64_t line_start = 0;
  int64_t line_end = 0;
  bool bullet = false;
  std::string text;  // marker removed, lines trimmed and joined by one space
  // (byte offset in text, physical line) where each joined line starts.
  std::vector<std::pair<size_t, int64_t>> line_offsets;

  // The physical line that byte `offset` of text came from.
  int64_t LineAt(size_t offset) const;
};

// Reads the item that starts at lines[i] (a kBullet or kText line) and
// returns the index of the first line after it. A bullet takes the
// following non-blank, non-bullet, non-heading lines; consecutive text lines
// form one paragraph. With `split_at_speaker`, a text line that opens with a
// speaker label starts a new item.
size_t ReadNoteItem(const std::vector<NoteLine>& lines, size_t i, bool split_at_speaker,
                    NoteItem* item);

// ASCII white space trimmed from both ends.
std::string_view TrimNoteText(std::string_view text);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_NOTE_LINES_H_
