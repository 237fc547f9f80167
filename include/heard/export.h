// Exports of a round for analysts: JSON Lines, CSV, theme-column CSV, an Excel workbook.
#ifndef HEARD_EXPORT_H_
#define HEARD_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "heard/status.h"
#include "heard/store.h"
#include "heard/summary.h"

namespace heard {

enum class ExportFormat {
  kJsonl,      // one JSON object per line
  kCsv,        // RFC 4180, lists joined with "; ", evidence as a JSON array in one column
  kCsvThemes,  // RFC 4180 for Excel, R and SPSS: one 0/1 column per theme and per outcome
};

// Writes one line per record, in load order. Memory is bounded by one record
// (plus the round's lexicon names for kCsvThemes).
//
// kJsonl and kCsv carry: id, round, channel, source, locator, respondent,
// question, text, outcomes, themes, districts, partners, attributions
// (unresolved codes), attributes, flags, evidence (kind, value, origin,
// pattern, matched, start, end, confidence, note). Text is exact.
//
// kCsvThemes starts with a UTF-8 BOM and ends rows with CRLF. Columns: id,
// round, channel, source, locator, respondent, question, district (districts
// counted as Summarise counts them: share >= SummaryOptions::min_district_share,
// joined "; "), outcomes (joined "; "), text, then one 0/1 column per theme of
// the round headed by its id, then one per outcome headed "outcome:<id>", both
// in lexicon order (Store::LexiconEntries). A theme or outcome a record
// carries that the round's lexicon no longer names has no column. So that a
// spreadsheet cannot run respondents' text as a formula, a text field that
// begins with = + - @ TAB or CR gets a leading apostrophe; NUL bytes are
// dropped. Both changes are only in this format; the id leads back to the
// exact text in the other formats.
//
// Each evidence entry carries "qualifier" ("", "negated", "hedged"). With
// counting.count_negated false (`heard export --negated exclude`) a theme
// tag marked negated is left out of the theme lists and columns (its
// evidence entry stays, so the reason can be seen).
Status ExportRecords(Store& store, const std::string& round, ExportFormat format,
                     std::ostream& out, const SummaryOptions& counting = {});

// Records per district and theme: what the workbook's "District x theme"
// sheet shows. Districts are counted as Summarise counts them (share >=
// SummaryOptions::min_district_share); a record from several districts counts
// once in each, so a column of `cells` can add up to more than theme_records.
struct DistrictThemeTable {
  std::vector<std::string> themes;          // theme ids, lexicon order
  std::vector<std::string> theme_names;     // same order
  std::vector<std::string> districts;       // by name; "" (no district identified) last
  std::vector<std::vector<int64_t>> cells;  // [district][theme]: records carrying both
  std::vector<int64_t> district_records;    // [district]: records with at least one theme
  std::vector<int64_t> theme_records;       // [theme]: records carrying it, each once
  int64_t themed_records = 0;               // records with at least one theme, each once
};

// Reads the round once. Memory grows with districts × themes, not records.
Result<DistrictThemeTable> TabulateDistrictThemes(Store& store, const std::string& round);

// Writes an Excel workbook (.xlsx) to `path` with four sheets:
//   "Records"           one row per record: id, round, channel, source, locator,
//                       respondent, district, outcomes, themes, text; frozen
//                       header row, autofilter, wrapped text;
//   "Themes by outcome" Summarise's numbers: per outcome and theme, records,
//                       respondents and records per channel;
//   "District x theme"  TabulateDistrictThemes, with row and column totals;
//   "About"             round, date, generator, the data attribution and the
//                       redaction note.
// Worksheet data goes through temporary files (libxlsxwriter's constant-memory
// mode), so memory does not grow with records. A cell longer than Excel's
// limit (32,767 characters) is cut and says so. More records than an Excel
// sheet holds is InvalidInput. On failure `path` is left as it was.
Status ExportWorkbook(Store& store, const std::string& round, const std::string& path);

}  // namespace heard

#endif  // HEARD_EXPORT_H_
