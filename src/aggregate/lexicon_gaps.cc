// FindLexiconGaps: untagged records of a round and their most distinctive words and phrases.
#include "heard/lexicon_gaps.h"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "heard/normalise.h"
#include "query/statement.h"

namespace heard {
namespace {

// Content words of folded text, in order, by ICU word breaks; "" stands
// for a stop word, number or one-letter word, or punctuation between words
// (each breaks phrases).
std::vector<std::string> ContentWords(const std::string& folded) {
  std::vector<std::string> words;
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createWordInstance(icu::Locale::getUK(), status));
  if (!breaker) return words;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  breaker->setText(text);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    int32_t rule = breaker->getRuleStatus();
    if (rule == UBRK_WORD_NONE) {  // spaces go on; punctuation ends a phrase
      for (int32_t k = start; k < end; ++k) {
        if (!u_isspace(text.charAt(k))) {
          words.push_back("");
          break;
        }
      }
      continue;
    }
    std::string word;
    text.tempSubStringBetween(start, end).toUTF8String(word);
    bool keep = rule >= UBRK_WORD_LETTER && end - start > 1 && !query::IsStopWord(word);
    words.push_back(keep ? word : "");
  }
  return words;
}

struct Counts {
  int64_t untagged = 0, tagged = 0;
  std::vector<std::pair<std::string, std::string>> examples;
};

std::string Snippet(const std::string& text) {
  std::string s = text.substr(0, 120);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && s.size() < text.size() && (static_cast<unsigned char>(s.back()) & 0x80)) {
    s.pop_back();  // the lead byte of a cut character
  }
  for (char& c : s) c = c == '\n' ? ' ' : c;
  return s.size() < text.size() ? s + "..." : s;
}

std::vector<GapTerm> Rank(const std::unordered_map<std::string, Counts>& counts, int64_t c,
                          int64_t d, const GapsOptions& options) {
  std::vector<GapTerm> ranked;
  for (const auto& [text, n] : counts) {
    if (n.untagged < options.min_records) continue;
    double share_u = static_cast<double>(n.untagged) / c;
    double share_t = d == 0 ? 0 : static_cast<double>(n.tagged) / d;
    if (d > 0 && share_u <= share_t) continue;  // not more frequent where no theme caught
    GapTerm term{text, n.untagged, n.tagged, LogLikelihood(n.untagged, n.tagged, c, d), 0, {}};
    double tagged_share = (n.tagged == 0 ? 0.5 : n.tagged) / static_cast<double>(std::max<int64_t>(d, 1));
    term.log_ratio = std::log2(share_u / tagged_share);
    term.examples = n.examples;
    ranked.push_back(std::move(term));
  }
  std::sort(ranked.begin(), ranked.end(), [](const GapTerm& a, const GapTerm& b) {
    if (a.g2 != b.g2) return a.g2 > b.g2;
    return a.text < b.text;
  });
  if (ranked.size() > options.top) ranked.resize(options.top);
  return ranked;
}

}  // namespace

double LogLikelihood(int64_t a, int64_t b, int64_t c, int64_t d) {
  const double n = static_cast<double>(c + d);
  if (n == 0 || a + b == 0) return 0;
  const double e1 = c * (a + b) / n, e2 = d * (a + b) / n;
  double g2 = 0;
  if (a > 0 && e1 > 0) g2 += a * std::log(a / e1);
  if (b > 0 && e2 > 0) g2 += b * std::log(b / e2);
  return 2 * g2;
}

Result<LexiconGaps> FindLexiconGaps(Store& store, const std::string& round,
                                    const GapsOptions& options) {
  LexiconGaps gaps;
  gaps.round = round;
  std::unordered_map<std::string, Counts> words, phrases;
  int64_t tagged = 0;
  Status status = store.ForEachRecord(round, [&](const Record& record) {
    ++gaps.records;
    const bool caught = std::any_of(record.tags.begin(), record.tags.end(),
                                    [](const Tag& t) { return t.kind == TagKind::kTheme; });
    auto& channel = gaps.by_channel[std::string(ChannelName(record.channel))];
    ++channel.second;
    if (caught) {
      ++tagged;
    } else {
      ++gaps.untagged;
      ++channel.first;
    }
    std::vector<std::string> content = ContentWords(FoldForMatching(record.text).text);
    std::set<std::string> seen_words, seen_phrases;
    for (size_t i = 0; i < content.size(); ++i) {
      if (content[i].empty()) continue;
      seen_words.insert(content[i]);
      if (i + 1 < content.size() && !content[i + 1].empty()) {
        seen_phrases.insert(content[i] + " " + content[i + 1]);
      }
    }
    auto add = [&](std::unordered_map<std::string, Counts>& into, const std::set<std::string>& s) {
      for (const std::string& w : s) {
        Counts& n = into[w];
        if (caught) {
          ++n.tagged;
        } else {
          ++n.untagged;
          const std::string snippet = Snippet(record.text);
          const bool repeat = std::any_of(n.examples.begin(), n.examples.end(),
                                          [&](const auto& e) { return e.second == snippet; });
          if (n.examples.size() < options.examples && !repeat) {
            n.examples.emplace_back(record.id, snippet);
          }
        }
      }
    };
    add(words, seen_words);
    add(phrases, seen_phrases);
    return true;
  });
  if (!status.ok()) return status;
  if (gaps.untagged > 0) {
    gaps.words = Rank(words, gaps.untagged, tagged, options);
    gaps.phrases = Rank(phrases, gaps.untagged, tagged, options);
  }
  return gaps;
}

std::string RenderLexiconGaps(const LexiconGaps& gaps, const std::string& format) {
  auto pct = [](int64_t a, int64_t b) { return b == 0 ? 0.0 : 100.0 * a / b; };
  if (format == "json") {
    nlohmann::ordered_json root;
    root["round"] = gaps.round;
    root["records"] = gaps.records;
    root["untagged"] = gaps.untagged;
    for (const auto& [channel, n] : gaps.by_channel) {
      root["by_channel"][channel] = {{"untagged", n.first}, {"records", n.second}};
    }
    auto list = [](const std::vector<GapTerm>& terms) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const GapTerm& t : terms) {
        nlohmann::ordered_json ex = nlohmann::ordered_json::array();
        for (const auto& [id, snippet] : t.examples) ex.push_back({{"record_id", id}, {"text", snippet}});
        a.push_back({{"text", t.text}, {"untagged", t.untagged}, {"tagged", t.tagged},
                     {"g2", t.g2}, {"log_ratio", t.log_ratio}, {"examples", ex}});
      }
      return a;
    };
    root["words"] = list(gaps.words);
    root["phrases"] = list(gaps.phrases);
    return root.dump(2) + "\n";
  }
  const bool md = format == "md";
  std::string out = fmt::format("{}round \"{}\": {} of {} records ({:.1f}%) carry no theme\n",
                                md ? "# Lexicon gaps\n\n" : "", gaps.round, gaps.untagged,
                                gaps.records, pct(gaps.untagged, gaps.records));
  for (const auto& [channel, n] : gaps.by_channel) {
    out += fmt::format("{}{}: {} of {} ({:.1f}%)\n", md ? "- " : "  ", channel, n.first, n.second,
                       pct(n.first, n.second));
  }
  auto list = [&](const char* title, const std::vector<GapTerm>& terms) {
    out += fmt::format("\n{}{} (untagged records / tagged records, G², log2 ratio)\n",
                       md ? "## " : "", title);
    if (terms.empty()) out += "  none often enough to list\n";
    for (const GapTerm& t : terms) {
      out += fmt::format("{}{}: {} / {}, G² {:.1f}, log ratio {:.2f}\n", md ? "- " : "  ", t.text,
                         t.untagged, t.tagged, t.g2, t.log_ratio);
      for (const auto& [id, snippet] : t.examples) {
        out += fmt::format("{}{} \"{}\"\n", md ? "    - " : "      ", id, snippet);
      }
    }
  };
  list("Distinctive words", gaps.words);
  list("Distinctive phrases", gaps.phrases);
  return out;
}

}  // namespace heard
