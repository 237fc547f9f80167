// VerifyDraft: each statement of a draft traced to its records, and checked against its outcome.
#include <algorithm>

#include "heard/query.h"

namespace heard {

int64_t Verification::Count(Support status) const {
  return std::count_if(statements.begin(), statements.end(),
                       [status](const StatementCheck& c) { return c.trace.status == status; });
}

int64_t Verification::misfiled() const {
  return std::count_if(statements.begin(), statements.end(),
                       [](const StatementCheck& c) { return c.misfiled; });
}

Result<Verification> VerifyDraft(Store& store, const Lexicon& lexicon, const std::string& round,
                                 const std::vector<DraftStatement>& statements,
                                 const VerifyOptions& options) {
  Verification verification;
  verification.round = round;
  TraceOptions trace_options;
  trace_options.limit = options.sources;
  trace_options.rules = options.rules;
  for (const DraftStatement& statement : statements) {
    Result<Trace> trace = TraceStatement(store, lexicon, round, statement.text, trace_options);
    if (!trace.ok()) return trace.status();
    StatementCheck check;
    check.statement = statement;
    check.trace = std::move(*trace);
    // The outcome the evidence points to: the most source votes (see
    // SupportTotals::outcome_votes). A statement is misfiled when the outcome
    // it is filed under has less than kMisfiledShare of that outcome's votes:
    // evidence split between two outcomes leaves either filing alone. Only
    // supported statements are judged: a record or two are too few to say
    // where the evidence points.
    constexpr double kMisfiledShare = 0.5;
    const auto& votes = check.trace.totals.outcome_votes;
    if (check.trace.status == Support::kSupported && !votes.empty()) {
      check.outcome_evidence = votes.front().first;
      double filed = 0;
      for (const auto& [id, share] : votes) {
        if (id == statement.outcome_filed) filed = share;
      }
      if (!statement.outcome_filed.empty()) {
        if (filed + 1e-9 >= votes.front().second) check.outcome_evidence = statement.outcome_filed;
        check.misfiled = filed < kMisfiledShare * votes.front().second;
      }
    }
    verification.statements.push_back(std::move(check));
  }
  return verification;
}

}  // namespace heard
