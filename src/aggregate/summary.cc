// Aggregating a stored round into a Summary: counts per outcome and theme, channels, districts, quotes.
#include "heard/summary.h"

#include "heard/coding.h"

#include <algorithm>
#include <cstdlib>
#include <vector>
#include <unordered_map>

namespace heard {
namespace {

// Running tally for one outcome × theme cell.
struct Cell {
  int64_t records = 0;
  // Respondents as interned numbers, appended unless the last one repeats (a respondent's
  // answers are stored together), made distinct once at the end: a few bytes per record
  // where a set of strings cost a tree node each.
  std::vector<uint32_t> respondents;
  std::map<std::string, int64_t> by_channel;
  std::map<std::string, int64_t> districts;
  std::map<std::string, int64_t> partners;
  // Best quote candidate per channel: (score, id) smallest wins.
  std::map<std::string, std::pair<std::pair<long, std::string>, Quote>> quotes;
};

// Lower is better: 60-280 characters, few themes (a focused comment).
long QuoteScore(const Record& record, size_t themes) {
  const long length = static_cast<long>(record.text.size());
  long score = length < 60 ? (60 - length) * 4 : length > 280 ? (length - 280) : 0;
  return score + static_cast<long>(themes) * 10;
}

std::vector<std::pair<std::string, int64_t>> Ranked(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return ranked;
}

// Distinct respondents of a cell.
int64_t CountRespondents(std::vector<uint32_t>& respondents) {
  std::sort(respondents.begin(), respondents.end());
  return std::unique(respondents.begin(), respondents.end()) - respondents.begin();
}

// `respondent`: the record's interned respondent, or -1 when it has none.
void Count(Cell& cell, const Record& record, int64_t respondent,
           const std::vector<std::string>& districts, const std::vector<std::string>& partners,
           size_t themes) {
  const std::string channel(ChannelName(record.channel));
  ++cell.records;
  if (respondent >= 0 && (cell.respondents.empty() || cell.respondents.back() != respondent)) {
    cell.respondents.push_back(static_cast<uint32_t>(respondent));
  }
  ++cell.by_channel[channel];
  for (const std::string& d : districts) ++cell.districts[d];
  for (const std::string& p : partners) ++cell.partners[p];
  const std::pair<long, std::string> key{QuoteScore(record, themes), record.id};
  auto found = cell.quotes.find(channel);
  if (found == cell.quotes.end() || key < found->second.first) {
    cell.quotes[channel] = {key, Quote{record.id, record.text, channel, record.source,
                                       record.locator.ToString()}};
  }
}

// Tallies a theme tag's qualifier for the overview.
void CountQualifier(const Tag& tag, RoundOverview& overview) {
  ++overview.theme_tags;
  if (tag.qualifier == Qualifier::kNegated) ++overview.negated_theme_tags;
  if (tag.qualifier == Qualifier::kHedged) ++overview.hedged_theme_tags;
}

}  // namespace

bool CountsTag(const Tag& tag, const SummaryOptions& options) {
  return tag.kind != TagKind::kTheme || options.count_negated ||
         tag.qualifier != Qualifier::kNegated;
}

Result<Summary> Summarise(Store& store, const std::string& round, const SummaryOptions& options) {
  Summary summary;
  summary.overview.negated_excluded = !options.count_negated;
  Result<Round> stored_round = store.GetRound(round);
  if (!stored_round.ok()) return stored_round.status();
  summary.overview.round = stored_round->name;
  summary.overview.date = stored_round->date;
  Result<std::vector<Ledger>> ledgers = store.Ledgers(round);
  if (!ledgers.ok()) return ledgers.status();
  for (const Ledger& ledger : *ledgers) {
    RoundOverview& o = summary.overview;
    ++o.sources;
    ++o.sources_by_channel[ledger.channel];
    o.items_read += ledger.items_read;
    o.records += ledger.stored;
    o.non_answers += ledger.non_answers;
    o.rejected += ledger.rejected;
    o.duplicates += ledger.duplicates;
    o.warnings += ledger.warnings;
  }
  Result<ManualCodeCounts> manual = CountManualCodes(store, round);
  if (!manual.ok()) return manual.status();
  summary.overview.manual_added = manual->added;
  summary.overview.manual_removed = manual->removed;
  summary.overview.manual_reviewers = manual->reviewers;
  summary.overview.manual_orphaned = manual->orphaned;
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  Result<std::string> attribution = store.Attribution(round);
  if (attribution.ok()) summary.attribution = *attribution;

  std::vector<std::string> outcome_order;
  std::unordered_map<std::string, std::string> names;
  for (const Store::LexiconEntry& entry : *entries) {
    names[entry.kind + ":" + entry.id] = entry.name;
    if (entry.kind == "outcome") outcome_order.push_back(entry.id);
  }
  outcome_order.push_back("");  // records no outcome was found for

  std::map<std::string, std::map<std::string, Cell>> cells;  // outcome -> theme -> cell
  std::map<std::string, int64_t> outcome_records, outcome_without_theme;
  std::unordered_map<std::string, uint32_t> respondent_ids;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    ++summary.overview.records_by_channel[std::string(ChannelName(record.channel))];
    summary.overview.redactions += record.redactions;
    std::vector<std::string> outcomes, themes, districts, partners;
    auto add = [](std::vector<std::string>& list, const std::string& value) {
      if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
    };
    for (const Tag& tag : record.tags) {
      switch (tag.kind) {
        case TagKind::kOutcome: add(outcomes, tag.value); break;
        case TagKind::kTheme:
          CountQualifier(tag, summary.overview);
          if (CountsTag(tag, options)) add(themes, tag.value);
          break;
        case TagKind::kDistrict:
          if (tag.confidence >= options.min_district_share) add(districts, tag.value);
          break;
        case TagKind::kPartner: add(partners, tag.value); break;
        case TagKind::kAttribution: break;
      }
    }
    if (outcomes.empty()) outcomes.push_back("");
    int64_t respondent = -1;
    if (!record.respondent.empty()) {
      respondent = respondent_ids
                       .emplace(record.respondent, static_cast<uint32_t>(respondent_ids.size()))
                       .first->second;
    }
    for (const std::string& outcome : outcomes) {
      ++outcome_records[outcome];
      if (themes.empty()) ++outcome_without_theme[outcome];
      for (const std::string& theme : themes) {
        Count(cells[outcome][theme], record, respondent, districts, partners, themes.size());
      }
    }
    return true;
  });
  if (!status.ok()) return status;

  for (const std::string& outcome_id : outcome_order) {
    if (outcome_id.empty() && outcome_records[""] == 0) continue;
    OutcomeSummary outcome;
    outcome.id = outcome_id;
    outcome.name = outcome_id.empty() ? "No outcome identified" : names["outcome:" + outcome_id];
    outcome.records = outcome_records[outcome_id];
    outcome.records_without_theme = outcome_without_theme[outcome_id];
    for (auto& [theme_id, cell] : cells[outcome_id]) {
      ThemeSummary theme;
      theme.id = theme_id;
      const auto name = names.find("theme:" + theme_id);
      theme.name = name == names.end() ? theme_id : name->second;
      theme.records = cell.records;
      theme.respondents = CountRespondents(cell.respondents);
      theme.by_channel = cell.by_channel;
      theme.districts = Ranked(cell.districts);
      theme.partners = Ranked(cell.partners);
      std::vector<std::pair<std::pair<long, std::string>, Quote>> quotes;
      for (auto& [channel, candidate] : cell.quotes) quotes.push_back(candidate);
      std::sort(quotes.begin(), quotes.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t i = 0; i < quotes.size() && i < options.max_quotes; ++i) {
        theme.quotes.push_back(quotes[i].second);
      }
      outcome.themes.push_back(std::move(theme));
    }
    std::stable_sort(outcome.themes.begin(), outcome.themes.end(),
                     [](const ThemeSummary& a, const ThemeSummary& b) {
                       if (a.records != b.records) return a.records > b.records;
                       return a.name < b.name;
                     });
    summary.outcomes.push_back(std::move(outcome));
  }
  return summary;
}

}  // namespace heard
