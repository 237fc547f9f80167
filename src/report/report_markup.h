// Shared by the HTML report's parts: escaping, number formatting and count links.
#ifndef HEARD_SRC_REPORT_REPORT_MARKUP_H_
#define HEARD_SRC_REPORT_REPORT_MARKUP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heard::report {

// Text for HTML or SVG element content and quoted attribute values:
// & < > " ' become character references. Invalid UTF-8 passes through unchanged.
std::string Html(std::string_view text);

// 1850 -> "1,850". The page's script reads a count back the same way.
std::string Number(int64_t n);

// Cuts `text` to at most `max_chars` code points, ending with "…" when cut.
std::string Shorten(std::string_view text, size_t max_chars);

// What a count counts. Unset fields do not filter. An outcome or theme set to
// "" selects the records that carry none (the "No outcome identified" group,
// the records with no theme).
struct CountFilter {
  // records | respondents | districts | redactions: records of the round that pass the
  //   filter; the count is records, distinct respondents, distinct districts or the
  //   redactions in them (only records with a respondent / a district / a redaction listed).
  // sources | items_read | stored | non_answers | duplicates | rejected | warnings: the
  //   sources (ledgers) of the round; the count is sources, or the sum of that ledger field.
  std::string kind = "records";
  std::optional<std::string> outcome;
  std::optional<std::string> theme;
  std::optional<std::string> district;
  std::optional<std::string> channel;
  std::optional<std::string> also_theme;  // records that carry this theme as well (pairs)
};

// The attributes every count link carries: class="count" and its filter as data-* attributes.
std::string CountAttributes(const CountFilter& filter);

// <a class="count" href="#panel" data-...>1,850</a>: the page lists what it counts.
std::string CountLink(const CountFilter& filter, int64_t n);

// Channel names as a reader says them: "survey", "focus group", "workshop".
std::string_view ChannelLabel(std::string_view channel);

inline constexpr const char* kChannelOrder[] = {"survey", "focus_group", "workshop"};

}  // namespace heard::report

#endif  // HEARD_SRC_REPORT_REPORT_MARKUP_H_
