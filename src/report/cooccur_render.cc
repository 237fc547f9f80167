// `heard cooccur` output: pairs of themes raised in the same record, with counts, NPMI and Jaccard.
#include <nlohmann/json.hpp>
#include <sstream>

#include "heard/compare.h"
#include "report/compare_format.h"
#include "report/markdown_cell.h"

namespace heard {
namespace {

using namespace report;

std::string GroupTitle(const Cooccurrence& c, const CooccurrenceGroup& g) {
  return g.group.empty() ? std::string("All records") : c.by + ": " + g.group;
}

std::string Method(const Cooccurrence& c) {
  return fmt::format(
      "Pairs of themes carried by the same record, round \"{}\", {}. NPMI: normalised pointwise "
      "mutual information, -1 never together, 0 as often as chance predicts, +1 only ever "
      "together; Jaccard: records with both / records with either. Ranked by {}.",
      c.round, c.outcome.empty() ? "all outcomes" : "outcome " + c.outcome,
      c.sort_by_count ? "records with both" : "NPMI");
}

std::string PairsNote(const Cooccurrence& c, const CooccurrenceGroup& g) {
  return fmt::format("{} pairs at or over {} records ({} shown); {} pairs under {} not shown.",
                     g.pairs_ranked, c.min_count, g.pairs.size(), g.pairs_suppressed, c.min_count);
}

std::string Text(const Cooccurrence& c) {
  std::ostringstream out;
  out << "Themes raised together\n" << Method(c) << "\n" << SuppressionRule(c.min_count) << "\n";
  for (const CooccurrenceGroup& g : c.groups) {
    if (g.suppressed) {
      out << fmt::format("\n== {} (<{} records: suppressed) ==\n", GroupTitle(c, g), c.min_count);
      continue;
    }
    out << fmt::format("\n== {} ({} records) ==\n{}\n", GroupTitle(c, g), g.records,
                       PairsNote(c, g));
    for (const ThemePair& p : g.pairs) {
      out << fmt::format("  {:>5}  NPMI {:+.2f}  Jaccard {:.2f}  {} + {} ({} and {} records)\n",
                         p.both, p.npmi, p.jaccard, p.a_name, p.b_name, p.a_records, p.b_records);
    }
  }
  return out.str();
}

std::string Markdown(const Cooccurrence& c) {
  std::ostringstream out;
  out << "# Themes raised together\n\n"
      << Method(c) << "\n\n"
      << SuppressionRule(c.min_count) << "\n";
  for (const CooccurrenceGroup& g : c.groups) {
    out << "\n## " << MarkdownCell(GroupTitle(c, g)) << "\n\n";
    if (g.suppressed) {
      out << fmt::format("Fewer than {} records: suppressed.\n", c.min_count);
      continue;
    }
    out << g.records << " records. " << PairsNote(c, g) << "\n\n";
    if (g.pairs.empty()) continue;
    out << "| theme | theme | both | NPMI | Jaccard |\n|---|---|---:|---:|---:|\n";
    for (const ThemePair& p : g.pairs) {
      out << fmt::format("| {} ({}) | {} ({}) | {} | {:+.2f} | {:.2f} |\n", MarkdownCell(p.a_name),
                         p.a_records, MarkdownCell(p.b_name), p.b_records, p.both, p.npmi,
                         p.jaccard);
    }
  }
  return out.str();
}

std::string Json(const Cooccurrence& c) {
  using nlohmann::ordered_json;
  ordered_json groups = ordered_json::array();
  for (const CooccurrenceGroup& g : c.groups) {
    ordered_json group = {{"group", g.group}, {"suppressed", g.suppressed}};
    if (g.suppressed) {
      group["records"] = PublishedCount(g.records, true, c.min_count);
      groups.push_back(std::move(group));
      continue;
    }
    group["records"] = g.records;
    group["pairs_ranked"] = g.pairs_ranked;
    group["pairs_suppressed"] = g.pairs_suppressed;
    ordered_json pairs = ordered_json::array();
    for (const ThemePair& p : g.pairs) {
      pairs.push_back({{"a", p.a},
                       {"a_name", p.a_name},
                       {"a_records", p.a_records},
                       {"b", p.b},
                       {"b_name", p.b_name},
                       {"b_records", p.b_records},
                       {"both", p.both},
                       {"npmi", p.npmi},
                       {"jaccard", p.jaccard}});
    }
    group["pairs"] = std::move(pairs);
    groups.push_back(std::move(group));
  }
  const ordered_json doc = {
      {"round", c.round},           {"by", c.by},
      {"outcome", c.outcome},       {"min_count", c.min_count},
      {"method", Method(c)},        {"suppression", SuppressionRule(c.min_count)},
      {"groups", std::move(groups)}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string Csv(const Cooccurrence& c) {
  std::string out =
      "group,group_records,theme_a,theme_a_name,theme_a_records,theme_b,theme_b_name,"
      "theme_b_records,both,npmi,jaccard,suppressed\r\n";
  for (const CooccurrenceGroup& g : c.groups) {
    if (g.suppressed) {
      out +=
          CsvCell(g.group) + "," + PublishedCount(g.records, true, c.min_count) + ",,,,,,,,,,1\r\n";
      continue;
    }
    for (const ThemePair& p : g.pairs) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},0\r\n", CsvCell(g.group), g.records,
                         CsvCell(p.a), CsvCell(p.a_name), p.a_records, CsvCell(p.b),
                         CsvCell(p.b_name), p.b_records, p.both, Exact(p.npmi), Exact(p.jaccard));
    }
  }
  return out;
}

}  // namespace

std::string RenderCooccurrence(const Cooccurrence& cooccurrence, const std::string& format) {
  if (format == "md") return Markdown(cooccurrence);
  if (format == "json") return Json(cooccurrence);
  if (format == "csv") return Csv(cooccurrence);
  return Text(cooccurrence);
}

}  // namespace heard
