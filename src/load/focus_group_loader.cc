// Focus-group notes: header attributes and districts, then one record per paragraph or bullet.
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "heard/notes.h"
#include "load/note_lines.h"
#include "load/notes_header.h"
#include "load/notes_source.h"

namespace heard {
namespace {

// The record an item makes, or nothing when it holds only a speaker label.
std::optional<Record> FocusGroupRecord(const NoteItem& item, const std::string& section,
                                       const NotesHeader& header, const SourceContext& context) {
  std::string speaker;
  size_t label = SpeakerLabelLength(item.text, &speaker);
  std::string text(TrimNoteText(std::string_view(item.text).substr(label)));
  if (text.empty()) return std::nullopt;
  Record record = MakeNotesRecord(context, Channel::kFocusGroup, item.line_start, item.line_end,
                                  std::move(text));
  record.attributes = header.attributes;
  if (!section.empty()) record.attributes.push_back({"section", section});
  if (!speaker.empty()) record.attributes.push_back({"speaker", speaker});
  record.tags = header.places;
  return record;
}

NotesDocument ReadFocusGroup(std::istream& in, const SourceContext& context, const Lexicon& lexicon,
                             const NotesOptions& options) {
  NotesDocument document;
  std::vector<NoteLine> lines = SplitNoteLines(in);
  document.lines = static_cast<int64_t>(lines.size());
  document.info.encoding = "UTF-8";
  document.info.encoding_note = "notes are read as UTF-8";

  NotesHeader header = ReadNotesHeader(lines, lexicon, context.file, options);
  document.info.attributes = header.attributes;
  if (!header.problems.empty()) {
    NotesEntry entry;
    entry.problems = std::move(header.problems);
    header.problems.clear();
    entry.last_line = header.body_begin > 0 ? lines[header.body_begin - 1].number : 0;
    document.entries.push_back(std::move(entry));
  }

  ClassifyNoteLines(lines, header.body_begin, lexicon);
  std::string section;
  for (size_t i = header.body_begin; i < lines.size();) {
    const NoteLine& line = lines[i];
    if (line.kind == NoteLineKind::kHeading) {
      section = line.text;
      ++i;
      continue;
    }
    if (line.kind != NoteLineKind::kBullet && line.kind != NoteLineKind::kText) {
      ++i;
      continue;
    }
    NoteItem item;
    i = ReadNoteItem(lines, i, /*split_at_speaker=*/true, &item);
    NotesEntry entry;
    entry.item = true;
    entry.last_line = item.line_end;
    entry.record = FocusGroupRecord(item, section, header, context);
    document.entries.push_back(std::move(entry));
  }
  return document;
}

}  // namespace

std::unique_ptr<RecordSource> OpenFocusGroupNotes(std::istream& utf8, const SourceContext& context,
                                                  const Lexicon& lexicon,
                                                  const NotesOptions& options) {
  return std::make_unique<NotesSource>([&utf8, context, lexicon, options] {
    return ReadFocusGroup(utf8, context, lexicon, options);
  });
}

}  // namespace heard
