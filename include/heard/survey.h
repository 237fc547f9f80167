// Survey exports (CSV, or a spreadsheet sheet): column mapping, non-answers, and a guess at the
// mapping from headers and content.
#ifndef HEARD_SURVEY_H_
#define HEARD_SURVEY_H_

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "heard/csv.h"
#include "heard/lexicon.h"
#include "heard/loader.h"
#include "heard/status.h"

namespace heard {

// Names the record ids and messages are made from.
struct SourceContext {
  std::string round;   // Round::name
  std::string source;  // path as named in the pipeline (part of every record id)
  std::string file;    // path for messages
};

struct SurveyQuestion {
  std::string column;   // header text, exactly as in the export
  std::string id;       // short id for exports ("Q3"); defaults to the column
  std::string outcome;  // outcome the question asks about; empty if none
  int line = 0;         // where the pipeline file maps it, for messages
};

// Which columns mean what. Columns matched by exact header text after
// trimming white space.
struct SurveyMapping {
  int header_row = 1;                   // 1-based row holding the headers; rows above are skipped
  std::string sheet;                    // .xlsx only: the sheet to read; empty = the first
  std::string respondent;               // respondent id column; empty = none
  std::string postcode;                 // postcode column; only the outward code is kept
  std::string district;                 // district column, resolved through the lexicon
  std::vector<SurveyQuestion> questions;  // free-text questions, one record per answer
  std::vector<std::string> attributes;  // closed questions kept as record attributes
  std::vector<std::string> non_answers; // extra non-answer phrases beyond the built-in ones
};

// True for "", "-", "n/a", "none", "no comment", "not provided", "nothing",
// "no", "." and the like (case and punctuation ignored), or one of `extra`.
bool IsNonAnswer(std::string_view text, const std::vector<std::string>& extra = {});

// The outward code of a UK postcode ("CT9 1AB" -> "CT9", "ct91ab" -> "CT9",
// "ME14" -> "ME14"); empty when `text` is not a postcode.
std::string OutwardCode(std::string_view text);

// Where the survey loader takes its rows from: a CSV reader or a
// spreadsheet's sheet. One row per spreadsheet row, in order, blank rows
// included (a blank row has no non-empty field), so the loader can count
// rows as a user sees them; CsvRow::line_start/line_end are the physical
// lines for CSV and the sheet's row number for a spreadsheet.
// Threading: one thread per source.
class SurveyRows {
 public:
  virtual ~SurveyRows() = default;
  // Fills `row` with the next row; false at the end.
  virtual bool Next(CsvRow& row) = 0;
  // True when a row must have as many fields as the header (CSV); false when
  // trailing empty cells may simply be absent (a spreadsheet row).
  virtual bool fixed_width() const = 0;
};

// The rows of a CSV export (CsvReader); `utf8` must outlive the result.
std::unique_ptr<SurveyRows> CsvSurveyRows(std::istream& utf8);

// Reads a survey export. One record per non-empty free-text answer; a row
// with the wrong number of fields or a malformed row is rejected (file,
// line, reason) and reading goes on. Mapped columns missing from the header
// are an error of the whole file, returned as a Problem on the first Next.
// The district column becomes a kDistrict tag (origin kSurveyColumn), a
// question's outcome a kOutcome tag, the postcode an attribute
// "postcode_outcode"; closed answers are attributes. `utf8` and `lexicon`
// must outlive the source.
std::unique_ptr<RecordSource> OpenSurvey(std::istream& utf8, const SourceContext& context,
                                         SurveyMapping mapping, const Lexicon& lexicon);
// The same over any rows (a spreadsheet's: see heard/office.h). For rows
// that are not fixed_width, missing trailing cells read as empty and only a
// non-empty cell beyond the header makes a row too long.
std::unique_ptr<RecordSource> OpenSurvey(std::unique_ptr<SurveyRows> rows,
                                         const SourceContext& context, SurveyMapping mapping,
                                         const Lexicon& lexicon);

// For ad hoc ingest without a pipeline file: reads the header and up to
// `sample_rows` rows and decides the respondent, postcode and district
// columns and which columns are free text (long, varied answers) or closed
// (few distinct values). `decisions` says what was decided and why, one line each.
struct SurveyGuess {
  SurveyMapping mapping;
  std::vector<std::string> decisions;
};
Result<SurveyGuess> GuessSurveyMapping(std::istream& utf8, const Lexicon& lexicon,
                                       size_t sample_rows = 500);
Result<SurveyGuess> GuessSurveyMapping(SurveyRows& rows, const Lexicon& lexicon,
                                       size_t sample_rows = 500);

}  // namespace heard

#endif  // HEARD_SURVEY_H_
