// The metadata header of a notes file: front matter, a title and "Key: Value" lines.
#ifndef HEARD_SRC_LOAD_NOTES_HEADER_H_
#define HEARD_SRC_LOAD_NOTES_HEADER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"
#include "heard/notes.h"
#include "heard/record.h"
#include "load/note_lines.h"

namespace heard {

// lexicon.ResolveName, and failing that the name without a trailing
// "Council", "Borough Council", "District Council" or "City Council"
// ("Swale Borough Council" -> Swale), which `how` then says.
std::optional<NameMatch> ResolvePlaceName(const Lexicon& lexicon, std::string_view name);

struct NotesHeader {
  std::vector<Attribute> attributes;  // "title", "group", "organisation", "date", "districts",
                                      // "participants", "facilitator", "venue", "event" ...
  std::vector<Tag> places;            // kDistrict / kPartner, origin kDocumentHeader, one per name
  std::vector<Problem> problems;      // kWarning: a district name that resolves to nothing
  size_t body_begin = 0;              // index of the first line after the header
};

// Reads the header at the start of `lines` (unclassified, from SplitNoteLines):
// optional '---' front matter of "key: value" lines (any key; unknown keys
// kept as lower-case attributes), then an optional title ("# Title", a line
// underlined with '===', or a line followed by header lines; not one that
// looks like a section heading), then "Key: Value" lines with a known key,
// case-insensitive: Group, Organisation/Organization, Date,
// District/Districts, Participants/Number of participants, Facilitator,
// Venue, Event, Title. A value over 120 characters or ending in '?' is not
// a header value (it is a facilitator's question, say). Districts are split
// on ',', ';', '/' and '&' ("Folkestone & Hythe" stays whole when it
// resolves so) but not on "and"; each resolves through lexicon.ResolveName.
// `options.group` replaces the header's group; `options.district` adds a
// district. Header lines are not records.
NotesHeader ReadNotesHeader(const std::vector<NoteLine>& lines, const Lexicon& lexicon,
                            const std::string& file, const NotesOptions& options);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_NOTES_HEADER_H_
