// Internal to the comparison renderers: counts, shares and statistics as every format writes them.
#ifndef HEARD_SRC_REPORT_COMPARE_FORMAT_H_
#define HEARD_SRC_REPORT_COMPARE_FORMAT_H_

#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "heard/compare.h"

namespace heard::report {

// A count as published: "<5" (for min_count 5) when suppressed.
inline std::string PublishedCount(int64_t n, bool suppressed, int64_t min_count) {
  return suppressed ? fmt::format("<{}", min_count) : std::to_string(n);
}

// 0.1234 -> "12.3%".
inline std::string Percent(double share) { return fmt::format("{:.1f}%", share * 100); }

// p-values: "<0.001" below a thousandth, else three significant figures ("0.0123", "0.456").
inline std::string PValue(double p) {
  if (p < 0.001) return "<0.001";
  return fmt::format("{:.3g}", p);
}

// Full precision for machine-read formats (JSON, CSV).
inline std::string Exact(double value) { return fmt::format("{:.6g}", value); }

inline std::string G2Text(double g2) { return fmt::format("{:.2f}", g2); }
inline std::string LogRatioText(double lr) { return fmt::format("{:+.2f}", lr); }

inline const char* DirectionWord(int direction) {
  return direction > 0 ? "more" : direction < 0 ? "less" : "same";
}

// The sentence every output's header carries.
inline std::string SuppressionRule(int64_t min_count) {
  return fmt::format(
      "Disclosure control: counts under {0} are shown as \"<{0}\" and no statistic computed "
      "from them is shown; groups with under {0} records are suppressed whole.",
      min_count);
}

inline std::string CsvCell(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace heard::report

#endif  // HEARD_SRC_REPORT_COMPARE_FORMAT_H_
