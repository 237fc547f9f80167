// Measuring the lexicon against hand coding: `heard lexicon eval` (precision, recall, F1, kappa).
#ifndef HEARD_LEXICON_EVAL_H_
#define HEARD_LEXICON_EVAL_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "heard/lexicon.h"
#include "heard/record.h"
#include "heard/status.h"
#include "heard/store.h"

namespace heard {

// One hand-coded record (sample_data/gold/README.md).
struct GoldRecord {
  std::string id;
  Channel channel = Channel::kSurvey;
  std::string text;
  std::set<std::string> themes;   // coded theme ids
  std::set<std::string> negated;  // the subset mentioned only negated or hedged
  int64_t line = 0;               // CSV line, for messages
};

// Reads a gold CSV with header id,channel,text,themes[,negated][,notes]
// (";"-separated theme ids). A file with a record_id column instead of
// text takes each record's text and channel from `store` (round `round`,
// empty: the latest); without a store that is an error. A malformed row, an
// unknown channel or a record id not in the store is an error naming the
// line; all problems are reported at once.
Result<std::vector<GoldRecord>> ReadGoldCsv(const std::string& path, Store* store,
                                            const std::string& round);

struct EvalOptions {
  // false (default): gold = themes; every theme tag counts as a prediction,
  // negated or not. true: gold = themes minus negated; negated and hedged
  // theme tags are not predictions.
  bool strict = false;
  size_t examples = 10;  // false positives and false negatives listed, each
};

// Agreement on one theme over all records: a 2x2 table.
struct ThemeAgreement {
  std::string id;
  int64_t tp = 0, fp = 0, fn = 0, tn = 0;
  double precision = 0, recall = 0, f1 = 0;  // 0 where the denominator is 0
  bool measured = true;        // false: no gold and no prediction (left out of macro averages)
  double kappa = 0;
  bool kappa_defined = false;  // false when expected agreement is 1 (one value on both sides)
  bool in_lexicon = true;      // false: a gold theme id the lexicon does not have
};

struct EvalExample {
  std::string record_id;
  std::string text;
  std::string theme;
  std::string matched;  // false positives: the text that fired, and the cue
  std::string pattern;
  std::string qualifier;
};

struct EvalResult {
  bool strict = false;
  int64_t records = 0;
  std::vector<ThemeAgreement> themes;  // lexicon order, then gold-only themes
  int64_t tp = 0, fp = 0, fn = 0;      // summed over themes
  double micro_precision = 0, micro_recall = 0, micro_f1 = 0;
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;  // over measured themes
  int64_t measured_themes = 0;
  double mean_kappa = 0;  // over themes with a defined kappa
  int64_t kappa_themes = 0;
  int64_t qualified_predictions = 0;  // theme tags negated or hedged
  std::vector<EvalExample> false_positives, false_negatives;  // from the themes with most errors
};

// Normalises and tags each record's text as the pipeline does (NormaliseRecord,
// TagRecord; a workshop bullet's marker and trailing attribution codes are
// taken off as the workshop loader does) and compares theme sets.
EvalResult EvaluateLexicon(const Lexicon& lexicon, const std::vector<GoldRecord>& gold,
                           const EvalOptions& options = {});

// Cohen's kappa of a 2x2 table; false when undefined (expected agreement 1).
bool CohenKappa(int64_t tp, int64_t fp, int64_t fn, int64_t tn, double* kappa);

// "text" (aligned table), "md", "json" or "csv" (one row per theme plus the averages).
std::string RenderEval(const EvalResult& result, const std::string& format);

}  // namespace heard

#endif  // HEARD_LEXICON_EVAL_H_
