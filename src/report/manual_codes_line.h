// The overview's sentence on analysts' manual codes, shared by the summary and the report.
#ifndef HEARD_SRC_REPORT_MANUAL_CODES_LINE_H_
#define HEARD_SRC_REPORT_MANUAL_CODES_LINE_H_

#include <fmt/format.h>

#include <string>

#include "heard/summary.h"

namespace heard {

// "\nManual codes: 12 added, 3 removed, by 2 reviewers (counted above; ...).\n",
// or "" when the round has none.
inline std::string ManualCodesLine(const RoundOverview& o) {
  if (o.manual_added == 0 && o.manual_removed == 0 && o.manual_orphaned == 0) return "";
  std::string line = fmt::format(
      "\nManual codes: {} added, {} removed, by {} reviewer{} (`heard code --list`); every count "
      "includes them.",
      o.manual_added, o.manual_removed, o.manual_reviewers, o.manual_reviewers == 1 ? "" : "s");
  if (o.manual_orphaned > 0) {
    line += fmt::format(" {} more are on records no longer in the round and are not counted.",
                        o.manual_orphaned);
  }
  return line + "\n";
}

}  // namespace heard

#endif  // HEARD_SRC_REPORT_MANUAL_CODES_LINE_H_
