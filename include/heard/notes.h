// Notes loaders: focus-group notes and district workshop notes (plain text or Markdown).
#ifndef HEARD_NOTES_H_
#define HEARD_NOTES_H_

#include <istream>
#include <memory>
#include <string>

#include "heard/lexicon.h"
#include "heard/loader.h"
#include "heard/survey.h"

namespace heard {

struct NotesOptions {
  std::string district;  // district the whole file is from, if the pipeline says so
  std::string group;     // group description, if the pipeline says so (the header may too)
};

// Focus-group notes: an optional metadata header of "Key: Value" lines
// (Group, Organisation, Date, District(s), Participants; also inside '---'
// front matter), then paragraphs and bullets, each one record. A speaker
// label ("Participant 3:", "P3:", "Facilitator:") becomes the attribute
// "speaker"; a heading becomes the attribute "section"; header fields become
// record attributes ("group", "organisation", ...) and the header's
// districts kDistrict tags (origin kDocumentHeader).
std::unique_ptr<RecordSource> OpenFocusGroupNotes(std::istream& utf8, const SourceContext& context,
                                                  const Lexicon& lexicon,
                                                  const NotesOptions& options = {});

// District workshop or partner session notes: headings set the section and
// its outcome (Lexicon::OutcomeForHeading); each bullet, with its wrapped
// continuation lines, is one record. Trailing codes "(TW)(T)(SW)" or
// "(VCS Alliances)" become kDistrict / kPartner tags (origin
// kAttributionCode); a parenthesis that is not a code stays in the text; an
// unknown code becomes a kAttribution tag and a warning with file and line.
// A legend block ("CODE Name" lines, e.g. under a "Partners" or "Key"
// heading) defines codes for this document and is not feedback; its names
// resolve through Lexicon::ResolveName, misspellings included. A header line
// "District: Dover" attributes every record to that district.
std::unique_ptr<RecordSource> OpenWorkshopNotes(std::istream& utf8, const SourceContext& context,
                                                const Lexicon& lexicon,
                                                const NotesOptions& options = {});

}  // namespace heard

#endif  // HEARD_NOTES_H_
