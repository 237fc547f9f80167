// AnalyseStatement: a statement's lexicon themes, content words and districts, each with its
// records.
#include "query/statement.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <set>
#include <string>
#include <unordered_set>

#include "heard/normalise.h"
#include "heard/tagger.h"

namespace heard::query {
namespace {

// Function words, and the words statements are framed with rather than
// what they are about. Folded (lower case, straight apostrophes).
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      // function words
      "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along",
      "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another",
      "any", "anyone", "anything", "are", "aren't", "around", "as", "at", "be", "became", "because",
      "become", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't",
      "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
      "done", "down", "during", "each", "either", "else", "enough", "even", "ever", "every", "for",
      "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her",
      "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'm", "i've",
      "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "least", "less",
      "let", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "myself",
      "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "onto", "or",
      "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather",
      "same", "shall", "she", "should", "shouldn't", "since", "so", "some", "such", "than", "that",
      "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these",
      "they", "they're", "this", "those", "though", "through", "thus", "to", "too", "towards",
      "under", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we're", "were",
      "weren't", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
      "why", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you",
      "your", "yours", "yourself",
      // how statements are framed: who said it, how often, how much it matters
      "said", "say", "saying", "says", "told", "asked", "ask", "asking", "want", "wanted",
      "wanting", "wants", "felt", "feel", "feeling", "feels", "think", "thinks", "thought",
      "believe", "believed", "reported", "report", "reports", "raised", "raise", "raising",
      "mentioned", "mention", "described", "describe", "highlighted", "noted", "stressed",
      "expressed", "commented", "suggested", "agreed", "heard", "called", "people", "person",
      "residents", "resident", "respondents", "respondent", "participants", "participant", "many",
      "several", "lot", "lots", "number", "numbers", "often", "frequently", "sometimes",
      "particularly", "especially", "generally", "really", "need", "needs", "needed", "problem",
      "problems", "issue", "issues", "concern", "concerns", "concerned", "big", "bigger", "biggest",
      "major", "important", "importance", "key", "matter", "matters", "significant", "common",
      "commonly", "widespread", "across", "county", "area", "areas", "local", "locally", "get",
      "gets", "getting", "got", "make", "makes", "making", "made", "like", "well", "things",
      "thing", "way", "ways", "etc",
      // how hard something hits: "X is hitting families hard", "lack of X"
      "affect", "affects", "affected", "affecting", "impact", "impacts", "impacted", "impacting",
      "hit", "hits", "hitting", "hard", "harder", "difficult", "difficulty", "struggle",
      "struggles", "struggling", "lack", "lacks", "lacking", "lacked",
      // judgements that say nothing of what was heard: "better services"
      "better", "best", "worse", "worst", "good", "great", "bad", "excellent", "improve",
      "improves", "improved", "improving", "improvement", "improvements"};
  return kWords;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// A word of folded text: letters and digits, with & ' - kept between them.
struct Span {
  size_t begin, end;
};
std::vector<Span> FoldedWords(const std::string& text) {
  std::vector<Span> words;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if (IsWordByte(c)) {
        ++end;
      } else if ((c == '&' || c == '\'' || c == '-') && end + 1 < text.size() &&
                 IsWordByte(static_cast<unsigned char>(text[end + 1]))) {
        end += 2;
      } else {
        break;
      }
    }
    words.push_back({i, end});
    i = end;
  }
  return words;
}

// "WDH", "A&E", "ICB": two to six capital letters (an & allowed), as written.
bool IsAbbreviation(std::string_view word) {
  size_t letters = 0;
  for (unsigned char c : word) {
    if (std::isupper(c)) {
      ++letters;
    } else if (c != '&') {
      return false;
    }
  }
  return letters >= 2 && word.size() <= 6;
}

bool AllDigits(std::string_view word) {
  return std::all_of(word.begin(), word.end(),
                     [](unsigned char c) { return std::isdigit(c) || c == '-'; });
}

bool Overlaps(Span a, int32_t start, int32_t end) {
  return start >= 0 && static_cast<int64_t>(a.begin) < end && start < static_cast<int64_t>(a.end);
}

std::vector<int64_t> Seqs(SQLite::Statement& query) {
  std::vector<int64_t> seqs;
  while (query.executeStep()) seqs.push_back(query.getColumn(0).getInt64());
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  return seqs;
}

std::vector<int64_t> Union(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  std::vector<int64_t> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// IDF: ln((N + 1) / (records + 0.5)). A word no record of the round holds
// weighs kUnseenFactor times a word one record holds: that nobody said it is
// itself evidence against the statement.
constexpr double kUnseenFactor = 1.5;
double Weight(int64_t records, int64_t total) {
  const double n = static_cast<double>(total) + 1.0;
  if (records == 0) return kUnseenFactor * std::log(n / 1.5);
  return std::log(n / (static_cast<double>(records) + 0.5));
}

// A theme's match in folded text.
struct TextHit {
  std::string theme;
  size_t begin, end;
};

// Every match of every theme, not only the first the tagger keeps: each
// round masks what was found with spaces and looks again.
std::vector<TextHit> AllThemeHits(const Lexicon& lexicon, const std::string& folded) {
  constexpr int kMaxRounds = 4;
  std::vector<TextHit> hits;
  std::string masked = folded;
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::vector<Hit> found = lexicon.FindThemes(masked);
    if (found.empty()) break;
    for (const Hit& hit : found) {
      hits.push_back({lexicon.spec().themes[hit.entry].id, hit.start, hit.end});
      std::fill(masked.begin() + hit.start, masked.begin() + hit.end, ' ');
    }
  }
  return hits;
}

}  // namespace

bool IsStopWord(std::string_view folded) {
  if (StopWords().count(folded)) return true;
  // "people's", "residents'" -> the word without its possessive
  if (folded.size() > 2 && folded.substr(folded.size() - 2) == "'s") {
    return StopWords().count(folded.substr(0, folded.size() - 2)) > 0;
  }
  return false;
}

std::string WordQuery(std::string_view folded) {
  std::string phrase = "\"";
  bool split = false;
  for (char c : folded) {
    if (c == '"') continue;
    split = split || !IsWordByte(static_cast<unsigned char>(c));
    phrase += c;
  }
  phrase += "\"";
  if (!split && folded.size() >= 8) phrase += "*";
  return phrase;
}

StatementIndex AnalyseStatement(SQLite::Database& db, int64_t round_id, const Lexicon& lexicon,
                                std::string_view statement, double min_district_share) {
  StatementIndex index;
  Record record;
  record.text = std::string(statement);
  const FoldedText folded = NormaliseRecord(record);
  TagRecord(lexicon, folded, record);
  StatementAnalysis& analysis = index.analysis;
  analysis.text = record.text;

  SQLite::Statement count(db, "SELECT count(*) FROM records WHERE round_id = ?");
  count.bind(1, static_cast<int64_t>(round_id));
  count.executeStep();
  index.round_records = count.getColumn(0).getInt64();
  const int64_t n = index.round_records;
  analysis.rare_weight = Weight(1, n);

  // Themes, and the districts named (place-name tags: the statement has no other).
  SQLite::Statement themed(db,
                           "SELECT t.record_seq FROM coded_tags t JOIN records r ON r.seq = t.record_seq "
                           "WHERE r.round_id = ? AND t.kind = 'theme' AND t.value = ?");
  SQLite::Statement outcomed(db,
                             "SELECT DISTINCT t.record_seq FROM coded_tags t JOIN records r ON r.seq = "
                             "t.record_seq WHERE r.round_id = ? AND t.kind = 'outcome' AND "
                             "t.value = ? ORDER BY 1");
  SQLite::Statement districted(
      db,
      "SELECT t.record_seq FROM coded_tags t JOIN records r ON r.seq = t.record_seq "
      "WHERE r.round_id = ? AND t.kind = 'district' AND t.value = ? AND t.confidence >= ?");
  SQLite::Statement matching(db,
                             "SELECT r.seq FROM records_fts CROSS JOIN records r "
                             "ON r.seq = records_fts.rowid WHERE records_fts MATCH ? "
                             "AND r.round_id = ?");
  auto fts_seqs = [&](const std::string& fts) {
    matching.reset();
    matching.bind(1, fts);
    matching.bind(2, static_cast<int64_t>(round_id));
    return Seqs(matching);
  };
  std::vector<Tag> theme_tags, place_tags;
  for (const Tag& tag : record.tags) {
    if (tag.kind == TagKind::kTheme) theme_tags.push_back(tag);
    if (tag.kind == TagKind::kDistrict) place_tags.push_back(tag);
  }
  for (const Tag& tag : theme_tags) {
    themed.reset();
    themed.bind(1, static_cast<int64_t>(round_id));
    themed.bind(2, tag.value);
    index.theme_records.push_back(Seqs(themed));
    StatementTheme theme;
    theme.id = tag.value;
    if (const ThemeDef* def = lexicon.FindTheme(tag.value)) theme.name = def->name;
    theme.pattern = tag.evidence.pattern;
    theme.matched = tag.evidence.matched;
    theme.records = static_cast<int64_t>(index.theme_records.back().size());
    theme.weight = Weight(theme.records, n);
    analysis.themes.push_back(std::move(theme));
  }
  for (const Tag& tag : place_tags) {
    if (std::find(analysis.districts.begin(), analysis.districts.end(), tag.value) !=
        analysis.districts.end()) {
      continue;
    }
    analysis.districts.push_back(tag.value);
    index.names_districts = true;
    districted.reset();
    districted.bind(1, static_cast<int64_t>(round_id));
    districted.bind(2, tag.value);
    districted.bind(3, min_district_share);
    index.district_records = Union(index.district_records, Seqs(districted));
    index.district_records =
        Union(index.district_records, fts_seqs("\"" + tag.evidence.matched + "\""));
  }

  // Content words, in statement order, each once.
  struct Word {
    Span folded;
    std::string lower;
    std::string display;
  };
  std::vector<Word> words;
  std::set<std::string> seen;
  for (const Span& word : FoldedWords(folded.text)) {
    std::string lower = folded.text.substr(word.begin, word.end - word.begin);
    // "children's" looks for "children" (FTS5 reads "children's" as two tokens)
    if (lower.size() > 3 && lower.compare(lower.size() - 2, 2, "'s") == 0)
      lower.resize(lower.size() - 2);
    if (lower.size() < 2 || IsStopWord(lower) || AllDigits(lower) || !seen.insert(lower).second) {
      continue;
    }
    const auto [begin, end] = folded.ToDisplay(word.begin, word.end);
    bool in_place = false;
    for (const Tag& tag : place_tags) {
      in_place = in_place || Overlaps(Span{begin, end}, tag.evidence.start, tag.evidence.end);
    }
    if (!in_place)
      words.push_back({word, std::move(lower), record.text.substr(begin, end - begin)});
  }

  // Which words a theme stands in for: a record carrying the theme says the
  // same thing in other words ("MH" -> mental health, "energy bills" ->
  // heating costs). Every hit of each theme counts, and a hit covers its
  // words only when it spans at most kMaxCoveredWords content words: a
  // pattern matching half the statement stands in for none of it.
  constexpr size_t kMaxCoveredWords = 3;
  std::vector<std::vector<size_t>> covered_by(words.size());  // theme indexes per word
  for (const TextHit& hit : AllThemeHits(lexicon, folded.text)) {
    auto theme = std::find_if(analysis.themes.begin(), analysis.themes.end(),
                              [&](const StatementTheme& t) { return t.id == hit.theme; });
    if (theme == analysis.themes.end()) continue;
    std::vector<size_t> inside;
    for (size_t w = 0; w < words.size(); ++w) {
      if (words[w].folded.begin >= hit.begin && words[w].folded.end <= hit.end) inside.push_back(w);
    }
    if (inside.size() > kMaxCoveredWords) continue;
    const size_t t = static_cast<size_t>(theme - analysis.themes.begin());
    for (size_t w : inside) {
      if (std::find(covered_by[w].begin(), covered_by[w].end(), t) == covered_by[w].end()) {
        covered_by[w].push_back(t);
      }
    }
  }
  // An outcome's cue words stand in for the outcome ("WDH" -> O2): a word
  // nothing else explains is looked up as the records carrying that outcome.
  std::vector<std::string> outcome_of(words.size());
  for (const Hit& hit : lexicon.FindOutcomeCues(folded.text)) {
    for (size_t w = 0; w < words.size(); ++w) {
      if (words[w].folded.begin >= hit.start && words[w].folded.end <= hit.end) {
        outcome_of[w] = lexicon.spec().outcomes[hit.entry].id;
      }
    }
  }
  for (size_t w = 0; w < words.size(); ++w) {
    StatementWord statement_word;
    statement_word.word = words[w].display;
    statement_word.fts_query = WordQuery(words[w].lower);
    std::vector<int64_t> seqs = fts_seqs(statement_word.fts_query);
    // A word no record holds may still be there in another form the stemmer
    // does not join ("poorly" / "poor"): try it shortened by one, then two
    // letters, as a prefix, keeping at least kMinPrefix letters.
    constexpr size_t kMinPrefix = 4;
    const std::string& lower = words[w].lower;
    const bool plain =
        std::all_of(lower.begin(), lower.end(), [](unsigned char c) { return std::isalpha(c); });
    for (size_t cut = 1; seqs.empty() && plain && cut <= 2 && lower.size() - cut >= kMinPrefix;
         ++cut) {
      const std::string prefix = "\"" + lower.substr(0, lower.size() - cut) + "\"*";
      seqs = fts_seqs(prefix);
      if (!seqs.empty()) statement_word.fts_query = prefix;
    }
    if (seqs.empty() && covered_by[w].empty() && !outcome_of[w].empty()) {
      outcomed.reset();
      outcomed.bind(1, static_cast<int64_t>(round_id));
      outcomed.bind(2, outcome_of[w]);
      seqs = Seqs(outcomed);
      statement_word.themes.push_back("outcome " + outcome_of[w]);
    }
    if (seqs.empty() && covered_by[w].empty() && IsAbbreviation(words[w].display)) {
      analysis.unknown_abbreviations.push_back(words[w].display);
      continue;
    }
    std::vector<int64_t> themed_seqs;
    for (size_t t : covered_by[w]) {
      statement_word.themes.push_back(analysis.themes[t].id);
      themed_seqs = Union(themed_seqs, index.theme_records[t]);
    }
    statement_word.records = static_cast<int64_t>(Union(seqs, themed_seqs).size());
    statement_word.weight = Weight(statement_word.records, n);
    analysis.content_weight += statement_word.weight;
    analysis.words.push_back(std::move(statement_word));
    index.word_records.push_back(std::move(seqs));
    index.word_theme_records.push_back(std::move(themed_seqs));
  }
  return index;
}

}  // namespace heard::query
