// TraceStatement: scores the records behind a statement, decides supported / weak / unsupported.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "heard/query.h"
#include "query/passage.h"
#include "query/record_reader.h"
#include "query/statement.h"
#include "store/connection.h"

namespace heard {
namespace {

using query::StatementIndex;

bool Contains(const std::vector<int64_t>& sorted, int64_t seq) {
  return std::binary_search(sorted.begin(), sorted.end(), seq);
}

// -bm25 of every record of the round matching any content word, by seq.
std::unordered_map<int64_t, double> Relevance(SQLite::Database& db, int64_t round_id,
                                              const StatementAnalysis& analysis) {
  std::unordered_map<int64_t, double> relevance;
  std::string any;
  for (const StatementWord& word : analysis.words) {
    any += (any.empty() ? "" : " OR ") + word.fts_query;
  }
  if (any.empty()) return relevance;
  SQLite::Statement query(db,
                          "SELECT r.seq, bm25(records_fts) FROM records_fts CROSS JOIN records r "
                          "ON r.seq = records_fts.rowid WHERE records_fts MATCH ? "
                          "AND r.round_id = ?");
  query.bind(1, any);
  query.bind(2, static_cast<int64_t>(round_id));
  while (query.executeStep()) {
    relevance[query.getColumn(0).getInt64()] = -query.getColumn(1).getDouble();
  }
  return relevance;
}

// What a record, or one passage of it, holds of the statement: a credit per
// content word (1 the word itself, kThemeCredit a theme covering it, 0 none)
// and, per statement theme, whether it is carried.
struct Holding {
  std::vector<double> word_credit;
  std::vector<bool> theme_carried;
};

// A word the record holds counts in full; one it only carries a covering
// theme for counts kThemeCredit of it: "MH" -> "mental health" stands, but
// "parking" -> any transport record must not count as "parking".
constexpr double kThemeCredit = 0.5;

// Fills the numbers of `support` from `holding` (formula: docs/verify.md).
void Evaluate(const StatementIndex& index, const Holding& holding, double relevance,
              const SupportRules& rules, RecordSupport* support) {
  const StatementAnalysis& analysis = index.analysis;
  double theme_total = 0, theme_carried = 0;
  for (size_t t = 0; t < analysis.themes.size(); ++t) {
    theme_total += analysis.themes[t].weight;
    if (holding.theme_carried[t]) theme_carried += analysis.themes[t].weight;
  }
  support->matched_weight = 0;
  for (size_t w = 0; w < analysis.words.size(); ++w) {
    support->matched_weight += holding.word_credit[w] * analysis.words[w].weight;
  }
  support->coverage =
      analysis.content_weight > 0 ? support->matched_weight / analysis.content_weight : 0;
  support->relevance = relevance;
  support->theme_agreement = theme_total > 0 ? theme_carried / theme_total : 0;
  support->score = theme_total > 0
                       ? 0.4 * support->theme_agreement + 0.4 * support->coverage + 0.2 * relevance
                       : 0.8 * support->coverage + 0.2 * relevance;
  // When the lexicon finds themes in the statement, a record must carry one.
  support->supports = (theme_total == 0 || theme_carried > 0) &&
                      support->score >= rules.min_record_score &&
                      support->coverage >= rules.min_coverage &&
                      support->matched_weight >= rules.min_matched_rarity * analysis.rare_weight;
}

// The same holding, limited to the passage of sentences `first` and the one
// after it: a word counts where FTS5 finds it there, a theme where its
// evidence starts there.
Holding InPassage(const StatementIndex& index, const Holding& whole,
                  const std::vector<std::vector<size_t>>& word_sentences,
                  const std::vector<int64_t>& theme_sentence, size_t first) {
  auto in_passage = [first](size_t sentence) { return sentence == first || sentence == first + 1; };
  Holding part;
  part.theme_carried.resize(whole.theme_carried.size());
  for (size_t t = 0; t < whole.theme_carried.size(); ++t) {
    part.theme_carried[t] =
        whole.theme_carried[t] &&
        (theme_sentence[t] < 0 || in_passage(static_cast<size_t>(theme_sentence[t])));
  }
  part.word_credit.assign(whole.word_credit.size(), 0);
  const auto& themes = index.analysis.themes;
  for (size_t w = 0; w < whole.word_credit.size(); ++w) {
    if (whole.word_credit[w] == 1) {
      const auto& in = word_sentences[w];
      if (in.empty() || std::any_of(in.begin(), in.end(), in_passage)) {
        part.word_credit[w] = 1;
        continue;
      }
    }
    for (const std::string& id : index.analysis.words[w].themes) {
      for (size_t t = 0; t < themes.size(); ++t) {
        if (themes[t].id == id && part.theme_carried[t]) part.word_credit[w] = kThemeCredit;
      }
    }
  }
  return part;
}

// Scores one candidate against the statement. A record of more than two
// sentences is judged on its best passage of two sentences running: words
// scattered over a long answer support nothing.
RecordSupport Score(const StatementIndex& index, query::LoadedRecord loaded, double relevance,
                    const SupportRules& rules, query::MatchLocator& locator) {
  const StatementAnalysis& analysis = index.analysis;
  Holding whole;
  whole.theme_carried.resize(analysis.themes.size());
  std::vector<int64_t> theme_sentence(analysis.themes.size(), -1);
  std::vector<const RecordSupport::ThemeEvidence*> theme_evidence(analysis.themes.size());
  for (size_t t = 0; t < analysis.themes.size(); ++t) {
    whole.theme_carried[t] = Contains(index.theme_records[t], loaded.seq);
    for (const auto& evidence : loaded.theme_evidence) {
      if (evidence.theme == analysis.themes[t].id) {
        theme_evidence[t] = &evidence;
        break;
      }
    }
  }
  for (size_t w = 0; w < analysis.words.size(); ++w) {
    double credit = 0;
    if (Contains(index.word_records[w], loaded.seq)) {
      credit = 1;
    } else if (Contains(index.word_theme_records[w], loaded.seq)) {
      credit = kThemeCredit;
    }
    whole.word_credit.push_back(credit);
  }
  RecordSupport support;
  Evaluate(index, whole, relevance, rules, &support);
  Holding chosen = whole;
  const auto sentences = query::Sentences(loaded.ref.text);
  if (support.supports && sentences.size() > 2) {
    std::vector<std::vector<size_t>> word_sentences(analysis.words.size());
    for (size_t w = 0; w < analysis.words.size(); ++w) {
      if (whole.word_credit[w] != 1) continue;
      for (size_t offset : locator.Offsets(loaded.seq, analysis.words[w].fts_query)) {
        word_sentences[w].push_back(query::SentenceAt(sentences, offset));
      }
    }
    for (size_t t = 0; t < analysis.themes.size(); ++t) {
      if (theme_evidence[t] != nullptr && theme_evidence[t]->start >= 0) {
        theme_sentence[t] = static_cast<int64_t>(
            query::SentenceAt(sentences, static_cast<size_t>(theme_evidence[t]->start)));
      }
    }
    RecordSupport best;
    best.score = -1;
    for (size_t s = 0; s + 1 < sentences.size(); ++s) {
      Holding part = InPassage(index, whole, word_sentences, theme_sentence, s);
      RecordSupport candidate;
      Evaluate(index, part, relevance, rules, &candidate);
      if (best.score < 0 || (candidate.supports && !best.supports) ||
          (candidate.supports == best.supports && candidate.score > best.score)) {
        best = candidate;
        chosen = std::move(part);
      }
    }
    support = best;
  }
  for (size_t t = 0; t < analysis.themes.size(); ++t) {
    if (chosen.theme_carried[t] && theme_evidence[t] != nullptr) {
      support.themes.push_back(*theme_evidence[t]);
    }
  }
  for (size_t w = 0; w < analysis.words.size(); ++w) {
    if (chosen.word_credit[w] == 0) continue;
    support.words.push_back(analysis.words[w].word + (chosen.word_credit[w] < 1 ? " (theme)" : ""));
  }
  support.record = std::move(loaded.ref);
  return support;
}

std::vector<std::pair<std::string, int64_t>> Ranked(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return ranked;
}

SupportTotals Totals(const std::vector<RecordSupport>& supporting) {
  SupportTotals totals;
  std::set<std::string> respondents, sources;
  std::map<std::string, int64_t> districts, outcomes;
  for (const RecordSupport& s : supporting) {
    ++totals.records;
    if (!s.record.respondent.empty()) respondents.insert(s.record.respondent);
    sources.insert(s.record.source);
    ++totals.channels[s.record.channel];
    for (const std::string& d : s.record.districts) ++districts[d];
    for (const std::string& o : s.record.outcomes) ++outcomes[o];
  }
  totals.respondents = static_cast<int64_t>(respondents.size());
  totals.sources = static_cast<int64_t>(sources.size());
  totals.districts = Ranked(districts);
  totals.outcomes = Ranked(outcomes);
  std::map<std::string, std::map<std::string, int64_t>> by_source;  // source -> outcome tags
  for (const RecordSupport& s : supporting) {
    for (const std::string& o : s.record.outcomes) ++by_source[s.record.source][o];
  }
  std::map<std::string, double> votes;
  for (const auto& [source, counts] : by_source) {
    int64_t tags = 0;
    for (const auto& [outcome, n] : counts) tags += n;
    for (const auto& [outcome, n] : counts) votes[outcome] += static_cast<double>(n) / tags;
  }
  totals.outcome_votes.assign(votes.begin(), votes.end());
  std::stable_sort(totals.outcome_votes.begin(), totals.outcome_votes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return totals;
}

// The status and its reason, from the supporting records.
void Decide(const StatementIndex& index, const std::vector<RecordSupport>& supporting,
            const SupportRules& rules, Trace* trace) {
  const StatementAnalysis& analysis = index.analysis;
  double theme_total = 0, theme_found = 0;
  std::vector<std::string> missing;
  for (size_t t = 0; t < analysis.themes.size(); ++t) {
    theme_total += analysis.themes[t].weight;
    const bool found = std::any_of(supporting.begin(), supporting.end(), [&](const auto& s) {
      return std::find(s.record.themes.begin(), s.record.themes.end(), analysis.themes[t].id) !=
             s.record.themes.end();
    });
    if (found) {
      theme_found += analysis.themes[t].weight;
    } else {
      missing.push_back(analysis.themes[t].id);
    }
  }
  trace->theme_agreement = theme_total > 0 ? theme_found / theme_total : 1.0;
  const SupportTotals& totals = trace->totals;
  const int64_t breadth =
      index.names_districts ? totals.sources : static_cast<int64_t>(totals.districts.size());
  const char* breadth_name = index.names_districts ? "source" : "district";
  const double floor = rules.min_matched_rarity * analysis.rare_weight;
  if (analysis.content_weight < floor) {
    trace->status = Support::kUnsupported;
    trace->reason = fmt::format(
        "too general to check: its content words weigh {:.1f}, less than the {:.1f} a "
        "supporting record must match; say what was heard more specifically",
        analysis.content_weight, floor);
  } else if (supporting.empty()) {
    trace->status = Support::kUnsupported;
    trace->reason = "no record shares enough of its specific content";
    if (index.names_districts) trace->reason += " (among records from the districts it names)";
  } else if (trace->theme_agreement < rules.min_theme_agreement) {
    trace->status = Support::kUnsupported;
    std::string names;
    for (const std::string& id : missing) names += (names.empty() ? "" : ", ") + id;
    trace->reason = fmt::format(
        "the {} records sharing its words do not carry its themes ({}: {:.0f}% of their weight "
        "found)",
        supporting.size(), names, trace->theme_agreement * 100);
  } else if (totals.records >= rules.min_records && breadth >= rules.min_breadth) {
    trace->status = Support::kSupported;
    trace->reason = fmt::format("{} records from {} {}s", totals.records, breadth, breadth_name);
  } else {
    trace->status = Support::kWeak;
    trace->reason =
        fmt::format("only {} record{} from {} {}{} (supported needs {} from {})", totals.records,
                    totals.records == 1 ? "" : "s", breadth, breadth_name, breadth == 1 ? "" : "s",
                    rules.min_records, rules.min_breadth);
  }
}

}  // namespace

std::string_view SupportName(Support support) {
  switch (support) {
    case Support::kSupported:
      return "supported";
    case Support::kWeak:
      return "weak";
    case Support::kUnsupported:
      return "unsupported";
  }
  return "?";
}

Result<Trace> TraceStatement(Store& store, const Lexicon& lexicon, const std::string& round,
                             std::string_view statement, const TraceOptions& options) {
  SQLite::Database& db = store.connection().db;
  Result<int64_t> round_id = FindRoundId(db, round);
  if (!round_id.ok()) return round_id.status();
  try {
    const SupportRules& rules = options.rules;
    StatementIndex index =
        query::AnalyseStatement(db, *round_id, lexicon, statement, rules.min_district_share);
    Trace trace;
    trace.round = round;
    std::set<int64_t> candidates;
    for (const auto& seqs : index.theme_records) candidates.insert(seqs.begin(), seqs.end());
    for (const auto& seqs : index.word_records) candidates.insert(seqs.begin(), seqs.end());
    for (const auto& seqs : index.word_theme_records) candidates.insert(seqs.begin(), seqs.end());
    std::unordered_map<int64_t, double> relevance = Relevance(db, *round_id, index.analysis);
    double best = 0;
    for (int64_t seq : candidates) {
      if (auto found = relevance.find(seq); found != relevance.end()) {
        best = std::max(best, found->second);
      }
    }
    query::RecordReader reader(db, rules.min_district_share);
    query::MatchLocator locator(db);
    std::vector<RecordSupport> supporting, missed;
    for (int64_t seq : candidates) {
      if (index.names_districts && !Contains(index.district_records, seq)) continue;
      auto found = relevance.find(seq);
      const double relative = found != relevance.end() && best > 0 ? found->second / best : 0;
      RecordSupport scored = Score(index, reader.Read(seq), relative, rules, locator);
      (scored.supports ? supporting : missed).push_back(std::move(scored));
    }
    auto better = [](const RecordSupport& a, const RecordSupport& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.record.id < b.record.id;
    };
    std::sort(supporting.begin(), supporting.end(), better);
    const size_t near = std::min<size_t>(3, missed.size());
    std::partial_sort(missed.begin(), missed.begin() + near, missed.end(), better);
    missed.resize(near);
    trace.totals = Totals(supporting);
    Decide(index, supporting, rules, &trace);
    trace.statement = std::move(index.analysis);
    if (supporting.size() > options.limit) supporting.resize(options.limit);
    trace.records = std::move(supporting);
    trace.near_misses = std::move(missed);
    return trace;
  } catch (const std::exception& e) {
    return StoreError("trace failed", e);
  }
}

}  // namespace heard
