// A guess at a survey's mapping from its header and a sample of its rows.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "heard/csv.h"
#include "heard/survey.h"
#include "load/survey_text.h"

namespace heard {
namespace {

constexpr size_t kTitleRowsLooked = 10;    // rows searched for the header
constexpr double kMostly = 0.6;            // share of values that decides postcode and district
constexpr size_t kMaxDistrictValues = 60;  // more distinct values than this is no district column

// Lower case with every run of non-alphanumerics made one space: "Post-code:" -> "post code".
std::string HeaderKey(std::string_view header) {
  std::string key;
  for (const char c : header) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

bool IsRespondentHeader(const std::string& key) {
  static const RE2 kPattern(
      "((respondent|response|participant|submission|unique) )?"
      "(id|no|number|ref|reference)");
  return RE2::FullMatch(key, kPattern) || key == "respondent";
}

bool IsPostcodeHeader(const std::string& key) {
  static const RE2 kPattern("((your|home|respondent s?) )?(post ?code|postal code|zip)( .*)?");
  return RE2::FullMatch(key, kPattern);
}

bool IsDistrictHeader(const std::string& key) {
  static const RE2 kPattern(
      "((your|home|which) )?(district|local authority|council area|"
      "district council|borough|local council)( .*)?");
  return RE2::FullMatch(key, kPattern);
}

// "O1".."O6" or "Outcome 1".."Outcome 6" in a header; empty when none.
std::string OutcomeInHeader(const std::string& header) {
  static const RE2 kOutcome("(?i)\\boutcome\\s*([1-6])\\b");
  static const RE2 kCode("\\bO([1-6])\\b");
  std::string digit;
  if (RE2::PartialMatch(header, kOutcome, &digit) || RE2::PartialMatch(header, kCode, &digit)) {
    return "O" + digit;
  }
  return "";
}

struct ColumnStats {
  size_t values = 0;  // non-empty answers that are not non-answers
  size_t distinct = 0;
  double mean_length = 0;  // bytes
  double mean_words = 0;
  double letter_share = 0;  // of the bytes, ASCII letters and non-ASCII bytes
  size_t postcodes = 0;
};

ColumnStats Measure(const std::vector<std::string>& cells) {
  ColumnStats stats;
  std::set<std::string> distinct;
  size_t bytes = 0, words = 0, letters = 0;
  for (const std::string& cell : cells) {
    const std::string_view text = TrimSpace(cell);
    if (IsNonAnswer(text)) continue;
    ++stats.values;
    distinct.insert(CollapseLower(text));
    bytes += text.size();
    bool in_word = false;
    for (const char c : text) {
      const bool letter =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
      letters += letter;
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    if (!OutwardCode(text).empty()) ++stats.postcodes;
  }
  stats.distinct = distinct.size();
  if (stats.values > 0) {
    stats.mean_length = static_cast<double>(bytes) / stats.values;
    stats.mean_words = static_cast<double>(words) / stats.values;
  }
  if (bytes > 0) stats.letter_share = static_cast<double>(letters) / bytes;
  return stats;
}

// Share of the values that the lexicon resolves to a district.
double DistrictShare(const std::vector<std::string>& cells, const ColumnStats& stats,
                     const Lexicon& lexicon) {
  if (stats.values == 0 || stats.distinct > kMaxDistrictValues) return 0;
  std::unordered_map<std::string, bool> resolved;
  size_t hits = 0;
  for (const std::string& cell : cells) {
    const std::string_view text = TrimSpace(cell);
    if (IsNonAnswer(text)) continue;
    auto found = resolved.find(std::string(text));
    if (found == resolved.end()) {
      const std::optional<NameMatch> match = lexicon.ResolveName(text);
      found = resolved.emplace(std::string(text), match && match->kind == TagKind::kDistrict).first;
    }
    hits += found->second;
  }
  return static_cast<double>(hits) / stats.values;
}

int Percent(double share) { return static_cast<int>(share * 100 + 0.5); }

// Rows before the header are titles: mostly empty. The header is the first
// row, among the first few, with at least half its cells filled.
size_t FindHeader(const std::vector<CsvRow>& rows) {
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t filled = 0;
    for (const std::string& field : rows[i].fields) filled += !TrimSpace(field).empty();
    if (filled > 0 && filled * 2 >= rows[i].fields.size() &&
        (rows[i].fields.size() > 1 || rows.size() == 1)) {
      return i;
    }
  }
  return 0;
}

}  // namespace

Result<SurveyGuess> GuessSurveyMapping(std::istream& utf8, const Lexicon& lexicon,
                                       size_t sample_rows) {
  std::unique_ptr<SurveyRows> rows = CsvSurveyRows(utf8);
  return GuessSurveyMapping(*rows, lexicon, sample_rows);
}

Result<SurveyGuess> GuessSurveyMapping(SurveyRows& reader, const Lexicon& lexicon,
                                       size_t sample_rows) {
  std::vector<CsvRow> first;
  CsvRow row;
  while (first.size() < kTitleRowsLooked && reader.Next(row)) first.push_back(row);
  if (first.empty()) return Status::InvalidInput("the file is empty: no header row");
  const size_t header_at = FindHeader(first);

  SurveyGuess guess;
  guess.mapping.header_row = static_cast<int>(header_at + 1);
  std::vector<std::string> header;
  for (const std::string& field : first[header_at].fields) header.emplace_back(TrimSpace(field));
  if (header_at > 0) {
    guess.decisions.push_back(
        fmt::format("header: row {} (the rows above are mostly empty titles)", header_at + 1));
  }

  // Sampled cells per column; a row with the wrong field count is left out.
  std::vector<std::vector<std::string>> cells(header.size());
  size_t sampled = 0, skipped = 0;
  const auto take = [&](CsvRow r) {
    if (!reader.fixed_width()) {  // a spreadsheet leaves out trailing empty cells
      while (r.fields.size() > header.size() && TrimSpace(r.fields.back()).empty()) {
        r.fields.pop_back();
      }
      if (r.fields.size() < header.size()) r.fields.resize(header.size());
    }
    if (r.fields.size() == 1 && r.fields[0].empty()) return;
    if (!reader.fixed_width() && std::all_of(r.fields.begin(), r.fields.end(),
                                             [](const std::string& f) { return f.empty(); })) {
      return;
    }
    if (r.fields.size() != header.size() || !r.error.empty()) {
      ++skipped;
      return;
    }
    for (size_t c = 0; c < header.size(); ++c) cells[c].push_back(r.fields[c]);
    ++sampled;
  };
  for (size_t i = header_at + 1; i < first.size() && sampled < sample_rows; ++i) take(first[i]);
  while (sampled < sample_rows && reader.Next(row)) take(row);
  guess.decisions.push_back(
      fmt::format("sampled {} rows{}", sampled,
                  skipped ? fmt::format(" ({} malformed rows left out)", skipped) : ""));

  int question_no = 0;
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string& name = header[c];
    const std::string key = HeaderKey(name);
    const ColumnStats stats = Measure(cells[c]);
    const std::string where = fmt::format("column {} \"{}\": ", c + 1, name);
    const double distinct_share =
        stats.values ? static_cast<double>(stats.distinct) / stats.values : 0;
    const auto describe = [&] {
      return fmt::format("{} answers, {} distinct, mean {:.0f} chars", stats.values, stats.distinct,
                         stats.mean_length);
    };
    if (name.empty()) {
      guess.decisions.push_back(where + "ignored: no header name");
      continue;
    }
    if (guess.mapping.respondent.empty() && IsRespondentHeader(key)) {
      guess.mapping.respondent = name;
      guess.decisions.push_back(where + "respondent id (header name)");
      continue;
    }
    if (guess.mapping.postcode.empty() &&
        (IsPostcodeHeader(key) ||
         (stats.values > 0 && stats.postcodes >= kMostly * stats.values))) {
      guess.mapping.postcode = name;
      guess.decisions.push_back(
          where + (IsPostcodeHeader(key)
                       ? std::string("postcode (header name); only the outward code is kept")
                       : fmt::format("postcode ({}% of {} values are postcodes); only the "
                                     "outward code is kept",
                                     Percent(static_cast<double>(stats.postcodes) / stats.values),
                                     stats.values)));
      continue;
    }
    if (guess.mapping.district.empty()) {
      if (IsDistrictHeader(key)) {
        guess.mapping.district = name;
        guess.decisions.push_back(where + "district (header name)");
        continue;
      }
      const double share = DistrictShare(cells[c], stats, lexicon);
      if (stats.values > 0 && share >= kMostly) {
        guess.mapping.district = name;
        guess.decisions.push_back(where + fmt::format("district ({}% of {} values name a district)",
                                                      Percent(share), stats.values));
        continue;
      }
    }
    const bool long_or_varied =
        stats.mean_length >= 25 || (distinct_share >= 0.6 && stats.mean_length >= 12);
    if (stats.values > 0 && long_or_varied && stats.mean_words >= 3 && stats.letter_share >= 0.5) {
      SurveyQuestion question;
      question.column = name;
      question.id = fmt::format("Q{}", ++question_no);
      question.outcome = OutcomeInHeader(name);
      std::string decision = where + fmt::format("free text {} ({}, {}% distinct)", question.id,
                                                 describe(), Percent(distinct_share));
      if (!question.outcome.empty())
        decision += "; outcome " + question.outcome + " from the header";
      guess.decisions.push_back(decision);
      guess.mapping.questions.push_back(std::move(question));
      continue;
    }
    if (stats.values > 0 && (stats.distinct <= 12 || distinct_share <= 0.1)) {
      guess.mapping.attributes.push_back(name);
      guess.decisions.push_back(where + "closed question, kept as an attribute (" + describe() +
                                ")");
      continue;
    }
    guess.decisions.push_back(
        where + (stats.values == 0 ? std::string("ignored: no answers in the sample")
                                   : "ignored: neither free text nor closed (" + describe() +
                                         fmt::format(", {:.1f} words)", stats.mean_words)));
  }
  return guess;
}

}  // namespace heard
