// Exports of every record of a round with its tags and evidence: JSON Lines and CSV.
#ifndef HEARD_EXPORT_H_
#define HEARD_EXPORT_H_

#include <ostream>
#include <string>

#include "heard/status.h"
#include "heard/store.h"

namespace heard {

enum class ExportFormat {
  kJsonl,  // one JSON object per line
  kCsv,    // RFC 4180, lists joined with "; ", evidence as a JSON array in one column
};

// Writes one line per record, in load order, with: id, round, channel,
// source, locator, respondent, question, text, outcomes, themes, districts,
// partners, attributions (unresolved codes), attributes, flags, evidence
// (kind, value, origin, pattern, matched, start, end, confidence, note).
// Memory is bounded by one record.
Status ExportRecords(Store& store, const std::string& round, ExportFormat format,
                     std::ostream& out);

}  // namespace heard

#endif  // HEARD_EXPORT_H_
