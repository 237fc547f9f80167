// Comparing groups and rounds: log-likelihood keyness, log ratio, theme co-occurrence, round diffs.
#ifndef HEARD_COMPARE_H_
#define HEARD_COMPARE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "heard/status.h"
#include "heard/store.h"

namespace heard {

// ---- the statistic ------------------------------------------------------------

// How one group's use of a theme stands against the rest, from a 2x2 table of
// RECORDS:
//
//                      with the theme   without it        total
//   the group          a                n1 - a            n1
//   the rest           c                n2 - c            n2
//
// g2 is the log-likelihood statistic G2 in its FULL FOUR-CELL contingency form
// (Dunning 1993; the form Rayson & Garside 2000 start from):
//   G2 = 2 * sum over the four cells of O * ln(O / E),  E = row total * column total / N,
// with 0 * ln 0 = 0, so zero cells are allowed. Corpus tools (Rayson & Garside's
// "two-cell" form) sum only the two "with" cells, because for a word the
// "without" cells are the rest of a corpus of millions of tokens and add almost
// nothing. A record either carries a theme or it does not, and a theme is
// carried by 5-40% of records, so the "without" cells carry real information
// and the two-cell form would misstate G2 (it is not even zero-sum across the
// table). For record counts the four-cell form is the correct likelihood-ratio
// test of independence.
//
// p is the upper tail of chi-square with 1 degree of freedom: erfc(sqrt(G2 / 2)).
//
// log_ratio is Hardie's (2014) effect size: log2 of the ratio of the relative
// frequencies, log2((a / n1) / (c / n2)), with 0.5 put in place of a zero a or c
// so it stays finite. +1 means the group raised the theme twice as often as the
// rest, -1 half as often.
//
// direction: +1 when a/n1 > c/n2 (more than the rest), -1 when less, 0 equal.
// Undefined tables (n1 == 0 or n2 == 0) give g2 = 0, p = 1, log_ratio = 0, direction 0.
struct Keyness {
  double g2 = 0;
  double p = 1;
  double log_ratio = 0;
  int direction = 0;
};
Keyness ComputeKeyness(int64_t a, int64_t n1, int64_t c, int64_t n2);

// "***" p < 0.001, "**" p < 0.01, "*" p < 0.05, "" otherwise.
const char* SignificanceMark(double p);

// Holm's step-down adjustment of a family of p-values (same order as given):
// sorted ascending, p_(i) * (m - i + 1), made monotone and capped at 1.
std::vector<double> HolmAdjust(const std::vector<double>& p);

// ---- comparing groups within a round -----------------------------------------

// Statistical disclosure control, the same rule for every command and format:
// a cell (records of a group carrying a theme, or a pair of themes) under
// min_count is suppressed: its count is published only as "<min_count" and no
// statistic computed from it is published. A group whose records are under
// min_count is suppressed as a whole. Zero counts are under the minimum too.
// In a group comparison the rest's count of a theme is protected the same way
// (the rest is often one other group; see ThemeKeyness::rest_suppressed).
inline constexpr int64_t kDefaultMinCount = 5;

struct CompareOptions {
  // "district" (counted districts, share >= min_district_share), "channel", or
  // the name of a record attribute ("Age band"); records without a value are left out.
  std::string by = "district";
  std::string outcome;  // non-empty: only records carrying this outcome
  int64_t min_count = kDefaultMinCount;
  double min_district_share = 0.5;  // as SummaryOptions::min_district_share
};

struct ThemeKeyness {
  std::string theme_id;
  std::string theme_name;
  int64_t records = 0;       // a: records of the group carrying the theme
  int64_t rest_records = 0;  // c: records of the rest carrying it
  double share = 0;          // a / n1
  double rest_share = 0;     // c / n2
  Keyness keyness;
  double p_holm = 1;        // Holm-adjusted over every published test of the comparison
  bool suppressed = false;  // a < min_count: count and statistics withheld
  // c < min_count (the rest is often one other group, so its small count is protected
  // too): a and a/n1 are published, c, c/n2 and every statistic are withheld.
  bool rest_suppressed = false;
  bool tested() const { return !suppressed && !rest_suppressed; }
};

struct GroupKeyness {
  std::string group;
  int64_t records = 0;      // n1
  bool suppressed = false;  // n1 < min_count: nothing of the group is published
  // Tested themes first, most significant first (p, then larger G2, then more
  // records); then those with the rest suppressed, then the suppressed ones,
  // by name. Only themes some record in scope carries are listed.
  std::vector<ThemeKeyness> themes;
};

struct Comparison {
  std::string round;
  std::string by;
  std::string outcome;
  int64_t min_count = kDefaultMinCount;
  int64_t records = 0;            // N: records in scope that belong to at least one group
  int64_t records_ungrouped = 0;  // records in scope with no value for `by` (left out)
  int64_t tests = 0;              // group x theme tests published (the Holm family size)
  // The rest of a group is every other record in scope; a record with two
  // groups (a bullet coded to two districts) counts in both.
  std::vector<GroupKeyness> groups;  // by name
};

// Reads the round through Store::ForEachRecord. NotFound if the round does not
// exist; InvalidInput if `by` is an attribute no record of the round carries
// (the message lists the attributes there are) or `outcome` is not one of the round's.
Result<Comparison> CompareGroups(Store& store, const std::string& round,
                                 const CompareOptions& options);

// Streaming tally behind CompareGroups, for callers that already hold the
// records (the report): Add each record's groups and themes (duplicates are
// ignored; a record with no group is counted as ungrouped), then Finish.
// Memory grows with groups x themes, not records.
class GroupTally {
 public:
  void Add(const std::vector<std::string>& groups, const std::vector<std::string>& themes);
  // theme_names: id -> name (an id with no name is shown as the id).
  Comparison Finish(const std::map<std::string, std::string>& theme_names, int64_t min_count) const;

 private:
  int64_t records_ = 0;
  int64_t ungrouped_ = 0;
  std::map<std::string, int64_t> group_records_;
  std::map<std::string, int64_t> theme_records_;
  std::map<std::pair<std::string, std::string>, int64_t> cells_;  // (group, theme)
};

// ---- themes raised together ---------------------------------------------------

// Two themes carried by the same record. npmi is normalised pointwise mutual
// information (Bouma 2009) over the records of the group:
//   pmi = ln(p(ab) / (p(a) p(b))),  npmi = pmi / -ln p(ab),  p(x) = records with x / records.
// It runs from -1 (never together) through 0 (together as often as chance
// predicts from how common each is) to +1 (only ever together). It is used
// rather than raw counts or Jaccard because two common themes meet often by
// chance alone; NPMI measures the association beyond that, on a fixed scale
// that can be compared between groups of different sizes. jaccard
// (both / either) is given too, as the plainer "overlap" reading.
struct ThemePair {
  std::string a, b;  // theme ids, a < b
  std::string a_name, b_name;
  int64_t both = 0;
  int64_t a_records = 0;
  int64_t b_records = 0;
  double npmi = 0;
  double jaccard = 0;
};

struct CooccurrenceGroup {
  std::string group;             // "" for all records in scope
  int64_t records = 0;           // records in scope of the group (with or without themes)
  bool suppressed = false;       // records < min_count
  std::vector<ThemePair> pairs;  // both >= min_count only; sorted as the options say, top K
  int64_t pairs_suppressed = 0;  // pairs seen together but under min_count (not listed)
  int64_t pairs_ranked = 0;      // pairs at or over min_count, before cutting to top K
};

struct CooccurrenceOptions {
  std::string by;  // "" overall only; else as CompareOptions::by, groups after the overall
  std::string outcome;
  int64_t min_count = kDefaultMinCount;
  size_t top = 20;             // pairs per group; 0 = all
  bool sort_by_count = false;  // false: highest NPMI first; true: most records first
  double min_district_share = 0.5;
};

struct Cooccurrence {
  std::string round, by, outcome;
  int64_t min_count = kDefaultMinCount;
  bool sort_by_count = false;
  std::vector<CooccurrenceGroup> groups;  // the overall group first, then by name
};

// Reads the round through Store::ForEachRecord; errors as CompareGroups.
Result<Cooccurrence> CooccurThemes(Store& store, const std::string& round,
                                   const CooccurrenceOptions& options);

// Streaming tally behind CooccurThemes (one per group).
class PairTally {
 public:
  void Add(const std::vector<std::string>& themes);
  CooccurrenceGroup Finish(const std::string& group,
                           const std::map<std::string, std::string>& theme_names,
                           const CooccurrenceOptions& options) const;

 private:
  int64_t records_ = 0;
  std::map<std::string, int64_t> theme_records_;
  std::map<std::pair<std::string, std::string>, int64_t> pairs_;
};

// ---- comparing rounds -----------------------------------------------------------

// What happened to a theme between round R1 (from) and round R2 (to), judged
// on the 2x2 table (R2 records with the theme, R2 records, R1 records with
// it, R1 records) at alpha = 0.05:
//   kNew      R1 count under min_count (or none), R2 count at least min_count,
//             G2 significant and R2's share higher;
//   kGone     R1 count at least min_count, R2 count under min_count (or none),
//             G2 significant and R2's share lower;
//   kRising   both counts at least min_count, significant, R2's share higher;
//   kFalling  both counts at least min_count, significant, R2's share lower;
//   kSteady   at least one count at least min_count and no significant change;
//   kFew      both counts under min_count: nothing published, not judged.
// Where one count is suppressed, the verdict is published but not G2, p or the
// log ratio (they would give the suppressed count away).
enum class Verdict {
  kNew,      // "new"
  kGone,     // "gone"
  kRising,   // "rising"
  kFalling,  // "falling"
  kSteady,   // "steady"
  kFew,      // "few"
};
const char* VerdictName(Verdict verdict);

struct ThemeChange {
  std::string theme_id;
  std::string theme_name;
  int64_t from_records = 0, to_records = 0;
  double from_share = 0, to_share = 0;  // of the scope's records in that round
  bool from_suppressed = false, to_suppressed = false;
  Keyness keyness;  // R2 against R1: direction +1 = rising
  bool statistic_published = false;
  Verdict verdict = Verdict::kSteady;
};

struct RoundScopeChange {
  std::string district;  // "" for the whole round
  int64_t from_total = 0, to_total = 0;
  bool suppressed = false;  // either total under min_count
  // new, rising, gone, falling, steady; within each, most significant first;
  // kFew themes are left out (counted in `few`).
  std::vector<ThemeChange> themes;
  int64_t few = 0;
};

struct DiffOptions {
  bool by_district = false;
  // Non-empty: only records of these channels (ChannelName), in both rounds, so that
  // rounds that used different channels are compared like with like.
  std::vector<std::string> channels;
  int64_t min_count = kDefaultMinCount;
  double alpha = 0.05;
  double min_district_share = 0.5;
};

struct RoundDiff {
  std::string from, to;
  std::vector<std::string> channels;  // as DiffOptions::channels
  int64_t min_count = kDefaultMinCount;
  std::vector<RoundScopeChange> scopes;  // the whole round first, then districts by name
};

// The round before `round` in the store: the one with the latest date before
// its date when both have dates, otherwise the one created last before it.
// NotFound when there is none (or `round` does not exist).
Result<std::string> EarlierRound(Store& store, const std::string& round);

// NotFound if either round does not exist.
Result<RoundDiff> DiffRounds(Store& store, const std::string& from, const std::string& to,
                             const DiffOptions& options);

// ---- rendering (report stage) ---------------------------------------------------

// format: "text", "md", "json" or "csv". Every format applies the suppression
// above: a suppressed count is written "<5" (for min_count 5) and its
// statistics are left empty. Text, Markdown and JSON state the rule in their
// header; CSV has one row per cell with a `suppressed` column (1/0), so it
// stays a plain table a spreadsheet reads.
std::string RenderComparison(const Comparison& comparison, const std::string& format);
std::string RenderCooccurrence(const Cooccurrence& cooccurrence, const std::string& format);
std::string RenderRoundDiff(const RoundDiff& diff, const std::string& format);

}  // namespace heard

#endif  // HEARD_COMPARE_H_
