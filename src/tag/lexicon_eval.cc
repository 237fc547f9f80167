// EvaluateLexicon: tag each gold record's text as the pipeline does and compare theme sets.
#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "heard/lexicon_eval.h"
#include "heard/normalise.h"
#include "heard/tagger.h"

namespace heard {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A workshop bullet as the workshop loader stores it: no bullet marker, no
// trailing attribution codes ("(TW)(SW)"). A parenthesis that is not a code
// ("(twice)") stays.
std::string WorkshopText(const Lexicon& lexicon, std::string_view text) {
  text = Trim(text);
  for (std::string_view marker : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\x93 "}) {
    if (text.substr(0, marker.size()) == marker) {
      text = Trim(text.substr(marker.size()));
      break;
    }
  }
  while (!text.empty() && text.back() == ')') {
    size_t open = text.rfind('(');
    if (open == std::string_view::npos) break;
    std::string_view code = Trim(text.substr(open + 1, text.size() - open - 2));
    bool code_like = !code.empty() && code.size() <= 12 &&
                     std::all_of(code.begin(), code.end(), [](char c) {
                       return std::isupper(static_cast<unsigned char>(c)) ||
                              std::isdigit(static_cast<unsigned char>(c));
                     });
    if (!code_like && !lexicon.ResolveCode(code)) break;
    text = Trim(text.substr(0, open));
  }
  return std::string(text);
}

double Ratio(int64_t a, int64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

struct Predicted {
  const Tag* tag;
};

}  // namespace

// Cohen's kappa for two raters (lexicon, human) on one yes/no question per record:
//   N = tp + fp + fn + tn
//   p_o = (tp + tn) / N                                  observed agreement
//   p_e = ((tp+fp)(tp+fn) + (fn+tn)(fp+tn)) / N^2         agreement expected by chance
//   kappa = (p_o - p_e) / (1 - p_e)
// Undefined when p_e = 1: both raters gave every record the same single
// answer (e.g. no gold and no prediction anywhere), or N = 0.
bool CohenKappa(int64_t tp, int64_t fp, int64_t fn, int64_t tn, double* kappa) {
  const double n = static_cast<double>(tp + fp + fn + tn);
  if (n == 0) return false;
  const double po = (tp + tn) / n;
  const double pe = (static_cast<double>(tp + fp) * (tp + fn) +
                     static_cast<double>(fn + tn) * (fp + tn)) / (n * n);
  if (pe >= 1.0) return false;
  *kappa = (po - pe) / (1 - pe);
  return true;
}

EvalResult EvaluateLexicon(const Lexicon& lexicon, const std::vector<GoldRecord>& gold,
                           const EvalOptions& options) {
  EvalResult result;
  result.strict = options.strict;
  result.records = static_cast<int64_t>(gold.size());
  std::map<std::string, size_t> index;
  for (const ThemeDef& t : lexicon.spec().themes) {
    index.emplace(t.id, result.themes.size());
    result.themes.push_back(ThemeAgreement{t.id});
  }
  auto theme = [&](const std::string& id) -> ThemeAgreement& {
    auto [it, added] = index.emplace(id, result.themes.size());
    if (added) {
      result.themes.push_back(ThemeAgreement{id});
      result.themes.back().in_lexicon = false;
    }
    return result.themes[it->second];
  };
  // Examples, collected per theme, chosen after counting.
  std::map<std::string, std::vector<EvalExample>> fps, fns;
  for (const GoldRecord& g : gold) {
    Record record;
    record.id = g.id;
    record.channel = g.channel;
    record.text = g.channel == Channel::kWorkshop ? WorkshopText(lexicon, g.text) : g.text;
    const FoldedText folded = NormaliseRecord(record);
    TagRecord(lexicon, folded, record);
    std::map<std::string, const Tag*> predicted;
    for (const Tag& tag : record.tags) {
      if (tag.kind != TagKind::kTheme) continue;
      if (tag.qualifier != Qualifier::kNone) ++result.qualified_predictions;
      if (options.strict && tag.qualifier != Qualifier::kNone) continue;
      predicted.emplace(tag.value, &tag);
    }
    std::set<std::string> truth;
    for (const std::string& id : g.themes) {
      if (!options.strict || g.negated.count(id) == 0) truth.insert(id);
    }
    for (const std::string& id : truth) theme(id);  // gold-only themes get a row
    for (auto& [id, tag] : predicted) theme(id);
    for (ThemeAgreement& t : result.themes) {
      const bool human = truth.count(t.id) > 0;
      auto found = predicted.find(t.id);
      const bool machine = found != predicted.end();
      if (human && machine) {
        ++t.tp;
      } else if (machine) {
        ++t.fp;
        const Tag& tag = *found->second;
        fps[t.id].push_back(EvalExample{g.id, record.text, t.id, tag.evidence.matched,
                                        tag.evidence.pattern,
                                        std::string(QualifierName(tag.qualifier))});
      } else if (human) {
        ++t.fn;
        fns[t.id].push_back(EvalExample{g.id, record.text, t.id, "", "", ""});
      } else {
        ++t.tn;
      }
    }
  }
  // Themes that got a row late missed the earlier records' negatives.
  for (ThemeAgreement& t : result.themes) t.tn = result.records - t.tp - t.fp - t.fn;

  double sum_p = 0, sum_r = 0, sum_f = 0, sum_k = 0;
  for (ThemeAgreement& t : result.themes) {
    t.precision = Ratio(t.tp, t.tp + t.fp);
    t.recall = Ratio(t.tp, t.tp + t.fn);
    t.f1 = F1(t.precision, t.recall);
    t.measured = t.tp + t.fp + t.fn > 0;
    t.kappa_defined = CohenKappa(t.tp, t.fp, t.fn, t.tn, &t.kappa);
    result.tp += t.tp;
    result.fp += t.fp;
    result.fn += t.fn;
    if (t.measured) {
      ++result.measured_themes;
      sum_p += t.precision;
      sum_r += t.recall;
      sum_f += t.f1;
    }
    if (t.kappa_defined) {
      ++result.kappa_themes;
      sum_k += t.kappa;
    }
  }
  result.micro_precision = Ratio(result.tp, result.tp + result.fp);
  result.micro_recall = Ratio(result.tp, result.tp + result.fn);
  result.micro_f1 = F1(result.micro_precision, result.micro_recall);
  if (result.measured_themes > 0) {
    result.macro_precision = sum_p / result.measured_themes;
    result.macro_recall = sum_r / result.measured_themes;
    result.macro_f1 = sum_f / result.measured_themes;
  }
  if (result.kappa_themes > 0) result.mean_kappa = sum_k / result.kappa_themes;

  // Worst first: the themes with the most errors of the kind, then record order; one example per
  // theme in each pass, so one theme cannot fill the list.
  auto pick = [&](std::map<std::string, std::vector<EvalExample>>& by_theme,
                  std::vector<EvalExample>* out) {
    std::vector<std::pair<std::string, std::vector<EvalExample>*>> order;
    for (auto& [id, list] : by_theme) order.emplace_back(id, &list);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second->size() > b.second->size(); });
    size_t longest = order.empty() ? 0 : order.front().second->size();
    for (size_t round = 0; round < longest && out->size() < options.examples; ++round) {
      for (auto& [id, list] : order) {
        if (out->size() >= options.examples) break;
        if (round < list->size()) out->push_back((*list)[round]);
      }
    }
  };
  pick(fps, &result.false_positives);
  pick(fns, &result.false_negatives);
  return result;
}

}  // namespace heard
