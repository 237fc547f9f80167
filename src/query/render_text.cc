// Search, trace and verify results as text for a terminal: one block per record or statement.
#include <fmt/format.h>

#include <string>

#include "heard/query.h"

namespace heard {
namespace {

std::string Join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// At most `limit` bytes, cut at a space and never inside a UTF-8 sequence.
std::string Shorten(const std::string& text, size_t limit) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\t') ? ' ' : c;
  if (flat.size() <= limit) return flat;
  size_t cut = flat.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  }
  return flat.substr(0, cut) + " …";
}

std::string Where(const RecordRef& r) {
  std::string where = fmt::format("{} · {}, {}", r.channel, r.source, r.locator);
  if (!r.respondent.empty()) where += " · " + r.respondent;
  return where;
}

std::string Counts(const std::vector<std::pair<std::string, int64_t>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts)
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
  return out.empty() ? "none" : out;
}

std::string Counts(const std::map<std::string, int64_t>& counts) {
  return Counts(std::vector<std::pair<std::string, int64_t>>(counts.begin(), counts.end()));
}

std::string Evidence(const RecordSupport& s) {
  std::vector<std::string> parts;
  for (const auto& t : s.themes) {
    parts.push_back(fmt::format("theme {} ('{}' matched \"{}\")", t.theme, t.pattern, t.matched));
  }
  if (!s.words.empty()) parts.push_back("words: " + Join(s.words));
  return parts.empty() ? "none" : Join(parts, "; ");
}

void AppendRecord(std::string& out, size_t rank, const RecordSupport& s) {
  out += fmt::format("{:>3}. score {:.2f} (themes {:.2f}, words {:.2f}, bm25 {:.2f}) · {}\n", rank,
                     s.score, s.theme_agreement, s.coverage, s.relevance, Where(s.record));
  if (!s.record.districts.empty()) out += "     districts: " + Join(s.record.districts) + "\n";
  out += "     " + Shorten(s.record.text, 300) + "\n";
  out += "     evidence: " + Evidence(s) + "\n";
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string RenderSearchText(const SearchResult& result) {
  std::string out;
  if (result.total == 0) {
    return fmt::format("No records match \"{}\" in round \"{}\" (searched for: {}).\n",
                       result.query, result.round, result.fts_query);
  }
  out += fmt::format("{} {} \"{}\" in round \"{}\"", result.total,
                     result.total == 1 ? "record matches" : "records match", result.query,
                     result.round);
  if (static_cast<int64_t>(result.hits.size()) < result.total) {
    out += fmt::format(" (the {} most relevant shown; --limit shows more)", result.hits.size());
  }
  out += ":\n\n";
  size_t rank = 0;
  for (const SearchHit& hit : result.hits) {
    out += fmt::format("{:>3}. {}\n", ++rank, Where(hit.record));
    out += "     " + Shorten(hit.snippet, 400) + "\n";
    std::vector<std::string> tags;
    if (!hit.record.districts.empty()) tags.push_back("districts: " + Join(hit.record.districts));
    if (!hit.record.outcomes.empty()) tags.push_back("outcomes: " + Join(hit.record.outcomes));
    if (!hit.record.themes.empty()) tags.push_back("themes: " + Join(hit.record.themes));
    if (!tags.empty()) out += "     " + Join(tags, " · ") + "\n";
  }
  return out;
}

std::string RenderTraceText(const Trace& trace) {
  const StatementAnalysis& a = trace.statement;
  std::string out = fmt::format("Statement: {}\n", a.text);
  std::vector<std::string> themes;
  for (const StatementTheme& t : a.themes) {
    themes.push_back(fmt::format("{} (\"{}\", {} records)", t.id, t.matched, t.records));
  }
  out += "  themes found:    " + (themes.empty() ? "none" : Join(themes, "; ")) + "\n";
  std::vector<std::string> words;
  for (const StatementWord& w : a.words) {
    words.push_back(fmt::format("{} ({} records, weight {:.1f})", w.word, w.records, w.weight));
  }
  out += "  content words:   " + (words.empty() ? "none" : Join(words, "; ")) + "\n";
  if (!a.districts.empty()) out += "  districts named: " + Join(a.districts) + "\n";
  if (!a.unknown_abbreviations.empty()) {
    out += "  not understood:  " + Join(a.unknown_abbreviations) +
           " (no record holds it and no lexicon theme knows it; add it to the lexicon)\n";
  }
  out += fmt::format("\n{}: {}\n", Upper(SupportName(trace.status)), trace.reason);
  const SupportTotals& t = trace.totals;
  if (t.records > 0) {
    out += fmt::format("  {} records · {} survey respondents · {} sources · {} districts\n",
                       t.records, t.respondents, t.sources, t.districts.size());
    out += "  channels:  " + Counts(t.channels) + "\n";
    out += "  districts: " + Counts(t.districts) + "\n\n";
  }
  size_t rank = 0;
  for (const RecordSupport& s : trace.records) AppendRecord(out, ++rank, s);
  if (t.records > static_cast<int64_t>(trace.records.size())) {
    out += fmt::format("  … and {} more (--limit shows more)\n", t.records - trace.records.size());
  }
  if (trace.records.empty() && !trace.near_misses.empty()) {
    out += "\nClosest records (not enough to support it):\n";
    rank = 0;
    for (const RecordSupport& s : trace.near_misses) AppendRecord(out, ++rank, s);
  }
  return out;
}

std::string RenderVerifyText(const Verification& verification) {
  std::string out = fmt::format(
      "Draft checked against round \"{}\": {} statements, {} supported, {} weak, {} unsupported, "
      "{} filed under another outcome than their evidence.\n",
      verification.round, verification.statements.size(), verification.Count(Support::kSupported),
      verification.Count(Support::kWeak), verification.Count(Support::kUnsupported),
      verification.misfiled());
  for (const StatementCheck& check : verification.statements) {
    const Trace& trace = check.trace;
    const DraftStatement& s = check.statement;
    out += fmt::format("\nline {}{}: {}  {}\n", s.line,
                       s.outcome_filed.empty() ? "" : " [" + s.outcome_filed + "]",
                       Upper(SupportName(trace.status)), s.text);
    out += "    " + trace.reason + "\n";
    if (trace.totals.records > 0) {
      out += fmt::format("    {} survey respondents · districts: {} · channels: {}\n",
                         trace.totals.respondents, Counts(trace.totals.districts),
                         Counts(trace.totals.channels));
    }
    if (check.misfiled) {
      out += fmt::format("    MISFILED: filed under {}, but the supporting records point to {}\n",
                         s.outcome_filed, check.outcome_evidence);
    }
    for (const RecordSupport& r : trace.records) {
      out += fmt::format("    - {} ({}, {}; score {:.2f})\n", Shorten(r.record.text, 120),
                         r.record.source, r.record.locator, r.score);
    }
  }
  return out;
}

}  // namespace heard
