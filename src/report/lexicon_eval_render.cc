// RenderEval: `heard lexicon eval` results as an aligned text table, Markdown, JSON or CSV.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "heard/lexicon_eval.h"

namespace heard {
namespace {

std::string Num(double x) { return fmt::format("{:.3f}", x); }
std::string Kappa(const ThemeAgreement& t) { return t.kappa_defined ? Num(t.kappa) : "-"; }

std::string OneLine(std::string s, size_t max) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Mode(const EvalResult& r) {
  return r.strict ? "strict (gold = themes minus negated; negated/hedged tags not counted)"
                  : "default (gold = themes; every theme tag counts, negated or not)";
}

std::string Text(const EvalResult& r, bool markdown) {
  std::string out;
  if (markdown) out += "# Lexicon agreement with hand coding\n\n";
  out += fmt::format("mode: {}\nrecords: {}; theme tags negated or hedged: {}\n", Mode(r),
                     r.records, r.qualified_predictions);
  out += fmt::format(
      "micro: precision {} recall {} F1 {} (TP {} FP {} FN {})\n"
      "macro over {} themes with gold or predictions: precision {} recall {} F1 {}\n"
      "mean Cohen's kappa over {} themes where defined: {}\n\n",
      Num(r.micro_precision), Num(r.micro_recall), Num(r.micro_f1), r.tp, r.fp, r.fn,
      r.measured_themes, Num(r.macro_precision), Num(r.macro_recall), Num(r.macro_f1),
      r.kappa_themes, Num(r.mean_kappa));
  if (markdown) {
    out += "| theme | TP | FP | FN | precision | recall | F1 | kappa |\n|---|--:|--:|--:|--:|--:|--:|--:|\n";
  } else {
    out += fmt::format("{:<28} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6} {:>6}\n", "theme", "TP", "FP",
                       "FN", "precision", "recall", "F1", "kappa");
  }
  int unmeasured = 0;
  for (const ThemeAgreement& t : r.themes) {
    if (!t.measured) {
      ++unmeasured;
      continue;
    }
    std::string id = t.in_lexicon ? t.id : t.id + " (not in lexicon)";
    if (markdown) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", id, t.tp, t.fp, t.fn,
                         Num(t.precision), Num(t.recall), Num(t.f1), Kappa(t));
    } else {
      out += fmt::format("{:<28} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6} {:>6}\n", id, t.tp, t.fp,
                         t.fn, Num(t.precision), Num(t.recall), Num(t.f1), Kappa(t));
    }
  }
  if (unmeasured > 0) {
    out += fmt::format("\n{} lexicon themes have no gold and no prediction: left out of the "
                       "macro averages and kappa.\n", unmeasured);
  }
  auto examples = [&](const char* title, const std::vector<EvalExample>& list, bool fp) {
    if (list.empty()) return;
    out += fmt::format("\n{}{}\n", markdown ? "## " : "", title);
    for (const EvalExample& e : list) {
      out += fmt::format("{}{} {}: \"{}\"", markdown ? "- " : "  ", e.record_id, e.theme,
                         OneLine(e.text, 160));
      if (fp) {
        out += fmt::format(" [matched \"{}\" by {}{}]", e.matched, e.pattern,
                           e.qualifier.empty() ? "" : ", " + e.qualifier);
      }
      out += '\n';
    }
  };
  examples("False positives (lexicon tagged, coder did not):", r.false_positives, true);
  examples("False negatives (coder coded, lexicon missed):", r.false_negatives, false);
  return out;
}

std::string Json(const EvalResult& r) {
  using nlohmann::ordered_json;
  ordered_json root;
  root["mode"] = r.strict ? "strict" : "default";
  root["records"] = r.records;
  root["qualified_predictions"] = r.qualified_predictions;
  root["micro"] = {{"precision", r.micro_precision}, {"recall", r.micro_recall},
                   {"f1", r.micro_f1}, {"tp", r.tp}, {"fp", r.fp}, {"fn", r.fn}};
  root["macro"] = {{"themes", r.measured_themes}, {"precision", r.macro_precision},
                   {"recall", r.macro_recall}, {"f1", r.macro_f1}};
  root["mean_kappa"] = {{"themes", r.kappa_themes}, {"kappa", r.mean_kappa}};
  ordered_json themes = ordered_json::array();
  for (const ThemeAgreement& t : r.themes) {
    ordered_json j = {{"id", t.id}, {"in_lexicon", t.in_lexicon}, {"measured", t.measured},
                      {"tp", t.tp}, {"fp", t.fp}, {"fn", t.fn}, {"tn", t.tn},
                      {"precision", t.precision}, {"recall", t.recall}, {"f1", t.f1}};
    j["kappa"] = t.kappa_defined ? ordered_json(t.kappa) : ordered_json(nullptr);
    themes.push_back(std::move(j));
  }
  root["themes"] = std::move(themes);
  auto examples = [](const std::vector<EvalExample>& list) {
    ordered_json a = ordered_json::array();
    for (const EvalExample& e : list) {
      a.push_back({{"record_id", e.record_id}, {"theme", e.theme}, {"text", e.text},
                   {"matched", e.matched}, {"pattern", e.pattern}, {"qualifier", e.qualifier}});
    }
    return a;
  };
  root["false_positives"] = examples(r.false_positives);
  root["false_negatives"] = examples(r.false_negatives);
  return root.dump(2) + "\n";
}

std::string Csv(const EvalResult& r) {
  std::string out = "theme,tp,fp,fn,tn,precision,recall,f1,kappa\n";
  for (const ThemeAgreement& t : r.themes) {
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", CsvField(t.id), t.tp, t.fp, t.fn, t.tn,
                       Num(t.precision), Num(t.recall), Num(t.f1),
                       t.kappa_defined ? Num(t.kappa) : "");
  }
  out += fmt::format("(micro),{},{},{},,{},{},{},\n", r.tp, r.fp, r.fn, Num(r.micro_precision),
                     Num(r.micro_recall), Num(r.micro_f1));
  out += fmt::format("(macro),,,,,{},{},{},{}\n", Num(r.macro_precision), Num(r.macro_recall),
                     Num(r.macro_f1), Num(r.mean_kappa));
  return out;
}

}  // namespace

std::string RenderEval(const EvalResult& result, const std::string& format) {
  if (format == "json") return Json(result);
  if (format == "csv") return Csv(result);
  return Text(result, format == "md");
}

}  // namespace heard
