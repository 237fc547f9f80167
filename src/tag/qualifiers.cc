// Negation and hedging: a NegEx-style window of cue phrases around a lexicon hit, within its clause.
//
// For a hit [begin, end) of folded text:
// 1. its clause runs from the end of the last `boundaries` match before it
//    to the start of the first one after it (punctuation, "but", "however",
//    "although" ...: the lists live in lexicons/qualifiers.toml);
// 2. it is negated when a `negation_before` cue lies in the clause, ending
//    before the hit with at most `window` words between, or a
//    `negation_after` cue starts after the hit within `window` words;
// 3. otherwise hedged by the same rule with the hedge lists;
// 4. a trigger cue that a `pseudo` cue overlaps ("not only", "no doubt")
//    does not count.
// A theme counts as qualified only when every occurrence of it is.
#include "tag/qualifiers.h"

#include <algorithm>

#include "tag/compiled.h"

namespace heard {
namespace {

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '\'';
}

// Words (runs of word bytes) in text[a, b).
int WordsBetween(std::string_view text, size_t a, size_t b) {
  int words = 0;
  bool in_word = false;
  for (size_t i = a; i < b && i < text.size(); ++i) {
    bool w = IsWordByte(text[i]);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

void AddList(const Cues& cues, const std::string& what, const SourcePos& pos, CueSet* set,
             LexiconErrors* errors) {
  std::string error;
  for (size_t i = 0; i < cues.terms.size(); ++i) {
    SourcePos at = i < cues.term_pos.size() ? cues.term_pos[i] : pos;
    std::string regex = TermToRegex(cues.terms[i]);
    if (regex.empty()) {
      errors->Add(at, "qualifiers " + what + ": empty term");
    } else if (!set->Add(0, regex, cues.terms[i], &error)) {
      errors->Add(at, "qualifiers " + what + ": term '" + cues.terms[i] +
                          "' cannot be compiled: " + error);
    }
  }
  for (size_t i = 0; i < cues.patterns.size(); ++i) {
    SourcePos at = i < cues.pattern_pos.size() ? cues.pattern_pos[i] : pos;
    if (!set->Add(0, cues.patterns[i], cues.patterns[i], &error)) {
      errors->Add(at, "qualifiers " + what + ": pattern '" + cues.patterns[i] +
                          "' rejected by RE2: " + error);
    }
  }
  if (!set->Compile()) errors->Add(pos, "qualifiers " + what + ": too many cues for RE2");
}

// Whether a `pseudo` match overlaps [b, e).
bool Cancelled(const CueSet& pseudo, std::string_view text, size_t from, size_t b, size_t e) {
  if (pseudo.size() == 0) return false;
  size_t pb, pe, pos = from;
  while (pseudo.NextEntryMatch(0, text, pos, &pb, &pe) && pb < e) {
    if (pe > b) return true;
    pos = pb + 1;
  }
  return false;
}

}  // namespace

void QualifierRules::Compile(const QualifierCues& cues, LexiconErrors* errors) {
  present = cues.present;
  window = cues.window;
  if (!present) return;
  AddList(cues.negation_before, "negation_before", cues.pos, &negation_before, errors);
  AddList(cues.negation_after, "negation_after", cues.pos, &negation_after, errors);
  AddList(cues.hedge_before, "hedge_before", cues.pos, &hedge_before, errors);
  AddList(cues.hedge_after, "hedge_after", cues.pos, &hedge_after, errors);
  AddList(cues.pseudo, "pseudo", cues.pos, &pseudo, errors);
  AddList(cues.boundaries, "boundaries", cues.pos, &boundaries, errors);
}

Qualifier QualifierRules::Qualify(std::string_view text, size_t begin, size_t end) const {
  if (!present || end <= begin || end > text.size()) return Qualifier::kNone;
  size_t clause_begin = 0, clause_end = text.size();
  size_t b, e, pos = 0;
  while (boundaries.size() > 0 && boundaries.NextEntryMatch(0, text, pos, &b, &e)) {
    if (e <= begin) {
      clause_begin = e;
    } else if (b >= end) {
      clause_end = b;
      break;
    }
    pos = std::max(e, b + 1);
  }
  auto before = [&](const CueSet& cues) {
    size_t cb, ce, p = clause_begin;
    while (cues.size() > 0 && cues.NextEntryMatch(0, text, p, &cb, &ce) && cb < begin) {
      if (ce <= begin && WordsBetween(text, ce, begin) <= window &&
          !Cancelled(pseudo, text, clause_begin, cb, ce)) {
        return true;
      }
      p = cb + 1;
    }
    return false;
  };
  auto after = [&](const CueSet& cues) {
    size_t cb, ce;
    if (cues.size() == 0 || !cues.NextEntryMatch(0, text, end, &cb, &ce)) return false;
    return ce <= clause_end && WordsBetween(text, end, cb) <= window &&
           !Cancelled(pseudo, text, clause_begin, cb, ce);
  };
  if (before(negation_before) || after(negation_after)) return Qualifier::kNegated;
  if (before(hedge_before) || after(hedge_after)) return Qualifier::kHedged;
  return Qualifier::kNone;
}

namespace {

// Every occurrence of `entry` in `cues` that no exclusion of the entry overlaps, combined.
Qualifier QualifyEntry(const QualifierRules& rules, const CueSet& cues, const CueSet* exclusions,
                       int entry, std::string_view text) {
  if (!rules.present) return Qualifier::kNone;
  bool any = false, negated = false;
  size_t b, e, pos = 0;
  while (cues.NextEntryMatch(entry, text, pos, &b, &e)) {
    size_t next = b + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    pos = next;
    size_t xb, xe;
    if (exclusions != nullptr && exclusions->size() > 0) {
      bool excluded = false;
      size_t xpos = 0;
      while (exclusions->NextEntryMatch(entry, text, xpos, &xb, &xe) && xb < e) {
        if (xe > b) {
          excluded = true;
          break;
        }
        xpos = xb + 1;
      }
      if (excluded) continue;
    }
    Qualifier q = rules.Qualify(text, b, e);
    if (q == Qualifier::kNone) return Qualifier::kNone;
    any = true;
    negated = negated || q == Qualifier::kNegated;
  }
  if (!any) return Qualifier::kNone;
  return negated ? Qualifier::kNegated : Qualifier::kHedged;
}

}  // namespace

Qualifier Lexicon::QualifyTheme(int entry, std::string_view folded) const {
  return QualifyEntry(compiled_->qualifiers, compiled_->theme_cues, &compiled_->theme_exclusions,
                      entry, folded);
}

Qualifier Lexicon::QualifyOutcomeCue(int entry, std::string_view folded) const {
  return QualifyEntry(compiled_->qualifiers, compiled_->outcome_cues, nullptr, entry, folded);
}

Qualifier Lexicon::QualifySpan(std::string_view folded, size_t begin, size_t end) const {
  return compiled_->qualifiers.Qualify(folded, begin, end);
}

}  // namespace heard
