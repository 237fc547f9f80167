// The aggregate stage: per outcome, themes ranked by records, with channels, districts and quotes.
#ifndef HEARD_SUMMARY_H_
#define HEARD_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "heard/status.h"
#include "heard/store.h"

namespace heard {

// A verbatim quote and where it came from.
struct Quote {
  std::string record_id;
  std::string text;
  std::string channel;
  std::string source;
  std::string locator;
};

struct ThemeSummary {
  std::string id;
  std::string name;
  int64_t records = 0;
  int64_t respondents = 0;                   // distinct survey respondents among them
  std::map<std::string, int64_t> by_channel;  // channel name -> records
  std::vector<std::pair<std::string, int64_t>> districts;  // most records first
  std::vector<std::pair<std::string, int64_t>> partners;   // most records first
  std::vector<Quote> quotes;                 // one to three, from different channels where possible
};

struct OutcomeSummary {
  std::string id;    // empty for records no outcome was found for
  std::string name;
  int64_t records = 0;
  int64_t records_without_theme = 0;
  std::vector<ThemeSummary> themes;  // most records first, then by name
};

struct RoundOverview {
  std::string round;
  std::string date;
  int64_t sources = 0;
  std::map<std::string, int64_t> sources_by_channel;
  std::map<std::string, int64_t> records_by_channel;
  int64_t items_read = 0;
  int64_t records = 0;
  int64_t non_answers = 0;
  int64_t rejected = 0;
  int64_t duplicates = 0;
  int64_t warnings = 0;
  int64_t redactions = 0;  // personal details taken out of the stored text
  // Analysts' codes (heard/coding.h), already in every count above and below.
  int64_t manual_added = 0;      // outcomes, themes and districts added by hand
  int64_t manual_removed = 0;    // machine codes removed by hand
  int64_t manual_reviewers = 0;  // distinct reviewers behind them
  int64_t manual_orphaned = 0;   // manual codes on records no longer in the round (not counted)
  // Theme tags of the round's records and how many of them were marked
  // negated or hedged (Tag::qualifier); with SummaryOptions::count_negated
  // false the negated ones are left out of every count below.
  int64_t theme_tags = 0;
  int64_t negated_theme_tags = 0;
  int64_t hedged_theme_tags = 0;
  bool negated_excluded = false;
};

struct Summary {
  RoundOverview overview;
  std::vector<OutcomeSummary> outcomes;  // lexicon order; the no-outcome group last
  std::string attribution;               // data licence text carried by the lexicon
};

struct SummaryOptions {
  size_t max_quotes = 3;             // per theme
  double min_district_share = 0.5;   // a split-postcode district counts from this share up
  // Theme tags marked negated ("no problems with transport"): counted like
  // any other (default: the lexicon's reading is shown, and the summary says
  // how many were negated) or left out (`--negated exclude`). Hedged tags
  // ("maybe more buses") always count: a hedged suggestion still raises the topic.
  bool count_negated = true;
};

// Whether a theme tag counts under `options` (false for a negated tag when
// negated tags are excluded); other kinds always do.
bool CountsTag(const Tag& tag, const SummaryOptions& options);

// Reads the round back from the store. A record counts once under each
// outcome it carries and once under each theme it carries within it.
// Memory grows with themes × outcomes and distinct respondents, not records.
Result<Summary> Summarise(Store& store, const std::string& round,
                          const SummaryOptions& options = {});

// Renderers (report stage).
std::string RenderSummaryMarkdown(const Summary& summary);
std::string RenderSummaryJson(const Summary& summary);

}  // namespace heard

#endif  // HEARD_SUMMARY_H_
