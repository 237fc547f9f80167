// Reading a round for the report: summary, ledgers, problems, records, district × theme map.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>

#include "heard/report.h"

namespace heard {
namespace {

void AddOnce(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The record's outcomes, themes and counted districts, by the rules of Summarise.
ReportRecord FromRecord(const Record& record, const SummaryOptions& options) {
  const double min_district_share = options.min_district_share;
  ReportRecord out;
  out.id = record.id;
  out.text = record.text;
  out.channel = std::string(ChannelName(record.channel));
  out.locator = record.locator.ToString();
  out.redactions = record.redactions;
  for (const Tag& tag : record.tags) {
    if (tag.origin == Origin::kManual) {
      AddOnce(out.manual, std::string(TagKindName(tag.kind)) + ":" + tag.value);
    }
    switch (tag.kind) {
      case TagKind::kOutcome:
        AddOnce(out.outcomes, tag.value);
        break;
      case TagKind::kTheme:
        if (CountsTag(tag, options)) AddOnce(out.themes, tag.value);
        break;
      case TagKind::kDistrict:
        if (tag.confidence >= min_district_share) AddOnce(out.districts, tag.value);
        break;
      case TagKind::kPartner:
      case TagKind::kAttribution:
        break;
    }
  }
  return out;
}

DistrictThemeMap MapDistrictThemes(const std::vector<ReportRecord>& records,
                                   const std::map<std::string, std::string>& theme_names,
                                   size_t rows) {
  std::map<std::string, int64_t> theme_records;
  std::set<std::string> districts;
  std::map<std::pair<std::string, std::string>, int64_t> cells;  // (theme, district)
  for (const ReportRecord& record : records) {
    for (const std::string& theme : record.themes) {
      ++theme_records[theme];
      for (const std::string& district : record.districts) ++cells[{theme, district}];
    }
    districts.insert(record.districts.begin(), record.districts.end());
  }
  auto name = [&](const std::string& id) {
    const auto found = theme_names.find(id);
    return found == theme_names.end() ? id : found->second;
  };
  std::vector<std::pair<std::string, int64_t>> ranked(theme_records.begin(), theme_records.end());
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return name(a.first) < name(b.first);
  });
  DistrictThemeMap map;
  map.districts.assign(districts.begin(), districts.end());
  for (size_t i = 0; i < ranked.size() && i < rows; ++i) {
    map.theme_ids.push_back(ranked[i].first);
    std::vector<int64_t> row;
    for (const std::string& district : map.districts) {
      const auto found = cells.find({ranked[i].first, district});
      row.push_back(found == cells.end() ? 0 : found->second);
    }
    map.records.push_back(std::move(row));
  }
  return map;
}

Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::Io(fmt::format("cannot write {}", path.string()));
  return Status::Ok();
}

// The channels both rounds have, when they differ (a survey-only round against one with
// workshops too would otherwise be a change of method, not of what people said); empty
// when both rounds have the same channels.
std::vector<std::string> CommonChannels(Store& store, const std::string& earlier,
                                        const std::vector<Ledger>& ledgers) {
  std::set<std::string> now, before;
  for (const Ledger& ledger : ledgers) now.insert(ledger.channel);
  Result<std::vector<Ledger>> earlier_ledgers = store.Ledgers(earlier);
  if (earlier_ledgers.ok()) {
    for (const Ledger& ledger : *earlier_ledgers) before.insert(ledger.channel);
  }
  if (now == before) return {};
  std::vector<std::string> common;
  for (const std::string& channel : now) {
    if (before.count(channel) != 0) common.push_back(channel);
  }
  return common;
}

// The comparison tables, from the records already read (the same rules as
// `heard compare --by district` and `heard cooccur`), and the diff against the
// round before when the store has one.
Result<Report> Compared(Store& store, Report report, const ReportOptions& options) {
  GroupTally districts;
  PairTally pairs;
  for (const ReportRecord& record : report.records) {
    districts.Add(record.districts, record.themes);
    pairs.Add(record.themes);
  }
  const std::string& round = report.summary.overview.round;
  report.district_keyness = districts.Finish(report.theme_names, options.min_count);
  report.district_keyness.round = round;
  report.district_keyness.by = "district";
  CooccurrenceOptions pair_options;
  pair_options.min_count = options.min_count;
  pair_options.top = options.pair_rows;
  report.theme_pairs.round = round;
  report.theme_pairs.min_count = options.min_count;
  report.theme_pairs.groups.push_back(pairs.Finish("", report.theme_names, pair_options));
  Result<std::string> earlier = EarlierRound(store, round);
  if (earlier.ok()) {
    DiffOptions diff_options;
    diff_options.channels = CommonChannels(store, *earlier, report.ledgers);
    diff_options.min_count = options.min_count;
    diff_options.alpha = options.alpha;
    diff_options.min_district_share = options.summary.min_district_share;
    Result<RoundDiff> diff = DiffRounds(store, *earlier, round, diff_options);
    if (!diff.ok()) return diff.status();
    report.since_last = std::move(*diff);
  }
  return report;
}

}  // namespace

Result<Report> BuildReport(Store& store, const std::string& round, const ReportOptions& options) {
  Report report;
  Result<Summary> summary = Summarise(store, round, options.summary);
  if (!summary.ok()) return summary.status();
  report.summary = std::move(*summary);
  Result<std::vector<Ledger>> ledgers = store.Ledgers(round);
  if (!ledgers.ok()) return ledgers.status();
  report.ledgers = std::move(*ledgers);
  Result<std::vector<StoredProblem>> problems = store.Problems(round);
  if (!problems.ok()) return problems.status();
  report.problems = std::move(*problems);
  Result<std::vector<Store::LexiconEntry>> entries = store.LexiconEntries(round);
  if (!entries.ok()) return entries.status();
  for (const Store::LexiconEntry& entry : *entries) {
    (entry.kind == "outcome" ? report.outcome_names : report.theme_names)[entry.id] = entry.name;
  }

  std::unordered_map<std::string, size_t> source_index;
  for (size_t i = 0; i < report.ledgers.size(); ++i) source_index[report.ledgers[i].source] = i;
  std::unordered_map<std::string, int64_t> respondent_number;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    ReportRecord out = FromRecord(record, options.summary);
    auto source = source_index.find(record.source);
    if (source == source_index.end()) {  // a source with no ledger row: list it all the same
      Ledger ledger;
      ledger.round = round;
      ledger.source = record.source;
      ledger.channel = out.channel;
      report.ledgers.push_back(ledger);
      source = source_index.emplace(record.source, report.ledgers.size() - 1).first;
    }
    out.source = source->second;
    if (!record.respondent.empty()) {
      auto [number, added] = respondent_number.emplace(record.respondent, 0);
      if (added) number->second = static_cast<int64_t>(respondent_number.size());
      out.respondent = number->second;
    }
    report.records.push_back(std::move(out));
    return true;
  });
  if (!status.ok()) return status;
  report.respondents = static_cast<int64_t>(respondent_number.size());
  report.district_themes =
      MapDistrictThemes(report.records, report.theme_names, options.map_themes);
  return Compared(store, std::move(report), options);
}

Status WriteReport(const Report& report, const std::string& dir, const ReportOptions& options) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return Status::Io(fmt::format("cannot create {}: {}", dir, error.message()));
  Status html = WriteFile(fs::path(dir) / "report.html", RenderReportHtml(report, options));
  if (!html.ok()) return html;
  return WriteFile(fs::path(dir) / "report.md", RenderReportMarkdown(report, options));
}

}  // namespace heard
