// WriteSyntheticSurvey: a seeded generator of survey answers with the shapes of real free text.
#include "synthetic_round.h"

#include <string>
#include <string_view>
#include <vector>

namespace heard::bench {
namespace {

// splitmix64: tiny, fast, and the same sequence everywhere (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t state_;
};

const std::vector<std::string> kFiller = {
    "the", "a", "and", "to", "of", "in", "it", "is", "for", "we", "our", "my", "that", "this",
    "there", "they", "have", "has", "been", "would", "could", "should", "more", "less", "very",
    "really", "people", "local", "area", "town", "every", "week", "month", "year", "time",
    "years", "family", "families", "children", "kids", "older", "mum", "dad", "neighbours",
    "community", "council", "support", "help", "need", "needs", "needed", "better", "worse",
    "good", "bad", "nothing", "something", "everything", "since", "when", "because", "but",
    "so", "also", "still", "never", "always", "often", "sometimes", "just", "only", "about",
    "around", "near", "far", "from", "with", "without", "at", "on", "by", "not", "no", "yes",
    "think", "feel", "felt", "know", "see", "seen", "said", "told", "asked", "waiting", "wait",
    "long", "short", "money", "cost", "costs", "price", "bills", "rent", "work", "job", "jobs",
    "hours", "day", "days", "morning", "evening", "weekend", "road", "street", "estate",
    "village", "centre", "service", "services", "staff", "people's", "everyone", "anyone",
    "place", "places", "live", "living", "moved", "stay", "go", "going", "get", "got", "make",
    "made", "use", "used", "open", "closed", "close", "new", "old", "young", "small", "big",
    "lot", "lots", "few", "many", "much", "enough", "too", "again", "last", "first", "next",
    "here", "where", "what", "which", "who", "how", "why", "things", "problem", "problems",
    "worry", "worried", "happy", "safe", "unsafe", "clean", "quiet", "busy", "difficult",
    "easy", "hard", "free", "cheap", "expensive", "proper", "real", "whole", "same", "other",
};

const std::vector<std::string> kAccented = {
    "café", "cafés", "naïve", "résumé", "José", "Zoë", "Chloë", "Renée", "fiancée",
    "crèche", "rôle", "coöperate", "Björn", "Łukasz", "São", "Ágnes", "déjà vu",
};

const std::vector<std::string> kContractions = {
    "don’t", "can’t", "won’t", "it’s", "I’m", "we’re", "they’re", "isn’t", "didn’t",
    "couldn’t", "there’s", "that’s", "doesn’t", "haven’t",
};

// A term as written in the lexicon, as a person would write it: a trailing "*" becomes an
// ending, sometimes none.
std::string AsWritten(std::string term, Rng& rng) {
  if (!term.empty() && term.back() == '*') {
    term.pop_back();
    static const std::vector<std::string> kEndings = {"", "s", "ed", "ing", "es"};
    term += rng.Pick(kEndings);
  }
  return term;
}

// Swaps two neighbouring letters, as a hurried typist does.
std::string Typo(std::string word, Rng& rng) {
  if (word.size() < 4) return word;
  const size_t i = 1 + rng.Below(word.size() - 2);
  std::swap(word[i], word[i - 1]);
  return word;
}

struct Vocabulary {
  std::vector<std::string> theme_terms;
  std::vector<std::string> outcome_terms;
  std::vector<std::string> districts;
  std::vector<std::string> places;
  std::vector<std::string> outcodes;
};

Vocabulary VocabularyOf(const LexiconSpec& spec) {
  Vocabulary v;
  for (const ThemeDef& theme : spec.themes) {
    for (const std::string& term : theme.cues.terms) v.theme_terms.push_back(term);
  }
  for (const OutcomeDef& outcome : spec.outcomes) {
    for (const std::string& term : outcome.cues.terms) v.outcome_terms.push_back(term);
  }
  for (const DistrictDef& district : spec.districts) {
    v.districts.push_back(district.name);
    for (const std::string& place : district.places) v.places.push_back(place);
  }
  for (const OutcodeDef& outcode : spec.outcodes) v.outcodes.push_back(outcode.outcode);
  if (v.theme_terms.empty()) v.theme_terms.push_back("bus");
  if (v.outcome_terms.empty()) v.outcome_terms.push_back("health");
  if (v.districts.empty()) v.districts.push_back("Thanet");
  if (v.places.empty()) v.places.push_back("Margate");
  if (v.outcodes.empty()) v.outcodes.push_back("CT9");
  return v;
}

std::string FullPostcode(const Vocabulary& v, Rng& rng) {
  static const char kLetters[] = "ABDEFGHJLNPQRSTUWXYZ";
  std::string code = rng.Pick(v.outcodes);
  code += ' ';
  code += static_cast<char>('0' + rng.Below(10));
  code += kLetters[rng.Below(sizeof kLetters - 1)];
  code += kLetters[rng.Below(sizeof kLetters - 1)];
  return code;
}

// One answer of about `words` words, in sentences.
void WriteAnswer(const Vocabulary& v, Rng& rng, int words, std::string& out) {
  int written = 0;
  while (written < words) {
    const int length = 5 + static_cast<int>(rng.Below(16));
    const bool quoted = rng.Chance(0.08);
    const int quote_at = quoted ? static_cast<int>(rng.Below(length)) : -1;
    for (int w = 0; w < length && written < words; ++w, ++written) {
      if (w > 0) out += ' ';
      if (w == quote_at) out += "“";
      const double roll = rng.Unit();
      std::string word;
      if (roll < 0.055) {
        word = AsWritten(rng.Pick(v.theme_terms), rng);
      } else if (roll < 0.065) {
        word = AsWritten(rng.Pick(v.outcome_terms), rng);
      } else if (roll < 0.072) {
        word = rng.Pick(v.places);
      } else if (roll < 0.075) {
        word = rng.Pick(v.districts);
      } else if (roll < 0.077) {
        word = "£" + std::to_string(5 + rng.Below(995)) + (rng.Chance(0.3) ? ".50" : "");
      } else if (roll < 0.079) {
        word = FullPostcode(v, rng);
      } else if (roll < 0.087) {
        word = rng.Pick(kAccented);
      } else if (roll < 0.107) {
        word = rng.Pick(kContractions);
      } else if (roll < 0.127) {
        word = Typo(rng.Pick(kFiller), rng);
      } else {
        word = rng.Pick(kFiller);
      }
      if (w == 0 && !word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] -= 'a' - 'A';
      out += word;
      if (w == quote_at) out += "”";
      if (w + 1 < length && rng.Chance(0.04)) out += ',';
    }
    out += rng.Chance(0.1) ? "!" : rng.Chance(0.1) ? "..." : ".";
    if (written < words) out += ' ';
  }
}

void WriteCsvField(std::string_view field, std::string& out) {
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

int64_t WriteSyntheticSurvey(const Lexicon& lexicon, const SyntheticOptions& options,
                             std::ostream& out) {
  const Vocabulary v = VocabularyOf(lexicon.spec());
  Rng rng(options.seed);
  std::string buffer = "Respondent ID,Postcode,District,Answer\n";
  std::string answer;
  int64_t bytes = 0;
  for (int64_t i = 0; i < options.answers; ++i) {
    buffer += "R" + std::to_string(1000000 + i) + ",";
    if (rng.Chance(0.8)) buffer += FullPostcode(v, rng);
    buffer += ',';
    if (rng.Chance(0.5)) buffer += rng.Pick(v.districts);
    buffer += ',';
    answer.clear();
    if (rng.Chance(0.005)) {
      answer = "n/a";
    } else {
      const double u = rng.Unit();
      WriteAnswer(v, rng, 20 + static_cast<int>(380 * u * u), answer);
    }
    WriteCsvField(answer, buffer);
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      bytes += static_cast<int64_t>(buffer.size());
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  bytes += static_cast<int64_t>(buffer.size());
  return bytes;
}

}  // namespace heard::bench
