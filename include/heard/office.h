// Word (.docx) notes and Excel (.xlsx) survey exports, read into the line and row models of the
// text and CSV loaders so they load exactly as their text and CSV forms.
//
// Both are Office Open XML: a zip archive (libzip) of XML parts (pugixml).
// The whole file is read into memory when the source is first asked for
// records: memory grows with the file (a sheet of 100,000 rows is some tens
// of MB of XML), unlike the streaming CSV reader.
//
// A file that is not a readable zip, or lacks the part that holds its text
// (word/document.xml; xl/workbook.xml and the sheet), is a reject of the
// whole file: one Problem with the file, line 0 and the reason; the run goes
// on and the ledger reconciles (nothing read, nothing stored).
#ifndef HEARD_OFFICE_H_
#define HEARD_OFFICE_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "heard/lexicon.h"
#include "heard/loader.h"
#include "heard/notes.h"
#include "heard/status.h"
#include "heard/survey.h"

namespace heard {

// What a path names, by its extension (any case).
enum class FileFormat {
  kText,   // CSV, Markdown or plain text: decoded through OpenUtf8
  kDocx,   // ".docx": Word document
  kXlsx,   // ".xlsx" or ".xlsm": Excel workbook
  kOther,  // ".doc", ".xls", ".odt", ".ods", ".rtf", ".pdf": a document heard cannot read
};
FileFormat FileFormatOf(std::string_view path);

// ---- Word ------------------------------------------------------------------

// A Word document's body as notes text: one line per paragraph, in the
// shapes the notes loaders know, and the paragraph each line came from.
//  - a heading (style Title, Heading 1..9, a style based on one, or an
//    outline level) becomes "#".."######" and its text;
//  - a list paragraph (w:numPr on the paragraph or its style, or a "List
//    Bullet"/"List Number" style) becomes "- text" or "1. text", indented
//    two spaces per level; consecutive list paragraphs are not separated;
//  - any other paragraph becomes its text, followed by a blank line; a line
//    break (w:br) in it starts a new line (so "Group: ..." header lines and
//    speaker turns typed in one paragraph read as in the text form), in a
//    heading or list paragraph it is a space; a tab (w:tab) is a tab;
//  - a table row whose cells hold one paragraph each is one line, cells
//    separated by a tab (a two-column legend table reads as "TW<tab>Tunbridge
//    Wells"); other rows are read cell by cell, paragraph by paragraph.
// Text comes from every run (w:r/w:t, also inside hyperlinks, content
// controls and insertions); deletions (w:del, w:moveFrom), field
// instructions, text boxes, comments, footnotes, headers and footers are not read. Smart quotes and
// other characters pass through as UTF-8. Paragraphs are numbered from 1 in document order, empty
// paragraphs and table-cell paragraphs included.
struct WordText {
  std::string text;                        // the notes text, lines ended by '\n'
  std::vector<int64_t> paragraph_of_line;  // [line - 1] -> paragraph number
  int64_t paragraphs = 0;
};
Result<WordText> ReadWordText(std::string_view docx_bytes);

// Focus-group and workshop notes from a .docx (`docx` holds the file's
// bytes and must outlive the source): ReadWordText, then the text loaders
// of heard/notes.h. Locators count paragraphs rather than lines:
// Locator::column is "paragraph" and ToString says "paragraph 12"; an item
// that starts after a line break inside its paragraph (a second speaker's
// turn) is "paragraph 9 (line 2)", so every record keeps its own id. A
// Problem's line is the paragraph number and its column "paragraph".
std::unique_ptr<RecordSource> OpenWordFocusGroupNotes(std::istream& docx,
                                                      const SourceContext& context,
                                                      const Lexicon& lexicon,
                                                      const NotesOptions& options = {});
std::unique_ptr<RecordSource> OpenWordWorkshopNotes(std::istream& docx,
                                                    const SourceContext& context,
                                                    const Lexicon& lexicon,
                                                    const NotesOptions& options = {});

// ---- Excel -----------------------------------------------------------------

// The rows of one sheet (`sheet` by name, or the first when empty) as the
// survey loader reads a CSV: one row per spreadsheet row from row 1, rows
// the sheet leaves out included as blank rows, a cell's column taken from
// its reference (r="B7") so missing cells are empty fields. Cell values:
// shared strings (rich-text runs joined, phonetic runs left out) and inline
// strings as written, Excel's "_x000D_" escapes decoded; numbers as Excel
// shows them in General format (42, 3.5); booleans TRUE/FALSE; error values
// as written (#N/A); a number with a date format (built-in or custom) an ISO date "2026-03-14", with
// " HH:MM[:SS]" when the format shows a time, and a time-only format's
// fraction of a day "HH:MM[:SS]" (1900 and 1904 date systems).
// CsvRow::line_start/line_end are the row number; a row that cannot be read
// (a cell naming a shared string the workbook lacks) carries an error.
Result<std::unique_ptr<SurveyRows>> OpenXlsxRows(std::string xlsx_bytes,
                                                 const std::string& sheet = "");

// A survey export in a .xlsx (`xlsx` holds the file's bytes and must
// outlive the source): OpenXlsxRows(mapping.sheet), then OpenSurvey.
// Locators give spreadsheet rows, as for CSV.
std::unique_ptr<RecordSource> OpenXlsxSurvey(std::istream& xlsx, const SourceContext& context,
                                             SurveyMapping mapping, const Lexicon& lexicon);

}  // namespace heard

#endif  // HEARD_OFFICE_H_
