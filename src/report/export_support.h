// Shared by the export writers: a record's counted tags, the round's columns, CSV fields.
#ifndef HEARD_SRC_REPORT_EXPORT_SUPPORT_H_
#define HEARD_SRC_REPORT_EXPORT_SUPPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "heard/record.h"
#include "heard/status.h"
#include "heard/store.h"
#include "heard/summary.h"

namespace heard::report {

// A record's tags as the summary counts them: each value once, in tag order;
// districts only from a share of SummaryOptions::min_district_share up.
struct CountedTags {
  std::vector<std::string> outcomes;
  std::vector<std::string> themes;
  std::vector<std::string> districts;
};
CountedTags CountTags(const Record& record, const SummaryOptions& counting = {});

// The round's outcome and theme ids and names, in lexicon order.
struct LexiconColumns {
  std::vector<std::string> outcomes, outcome_names;
  std::vector<std::string> themes, theme_names;
};
Result<LexiconColumns> ReadLexiconColumns(Store& store, const std::string& round);

// Index of `id` in `ids`, or -1.
int IndexOf(const std::vector<std::string>& ids, const std::string& id);

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& value);

// Values joined with "; ".
std::string JoinList(const std::vector<std::string>& values);

// ExportRecords for ExportFormat::kCsvThemes (see heard/export.h).
Status WriteCsvThemes(Store& store, const std::string& round, std::ostream& out,
                      const SummaryOptions& counting = {});

}  // namespace heard::report

#endif  // HEARD_SRC_REPORT_EXPORT_SUPPORT_H_
