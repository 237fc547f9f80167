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
#include "tag/record_scan.h"

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
    } else if (!set->AddTerm(0, regex, cues.terms[i], &error)) {
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

bool QualifierRules::Cancelled(RecordScan& scan, size_t from, size_t b, size_t e) const {
  if (pseudo.size() == 0) return false;
  CueScan::Cursor cursor(scan.Of(pseudo), 0);
  CueScan::Occurrence p;
  while (cursor.Next(&p) && p.begin < e) {
    if (p.begin >= from && p.end > b) return true;
  }
  return false;
}

Qualifier QualifierRules::Qualify(RecordScan& scan, size_t begin, size_t end) const {
  std::string_view text = scan.text();
  if (!present || end <= begin || end > text.size()) return Qualifier::kNone;
  bool filled = false;
  std::vector<std::pair<size_t, size_t>>* clause_ends = scan.boundaries(&filled);
  if (!filled) {
    clause_ends->clear();
    if (boundaries.size() > 0) {
      CueScan::Cursor cursor(scan.Of(boundaries), 0);
      CueScan::Occurrence o;
      size_t pos = 0;
      while (cursor.Next(&o)) {
        if (o.begin < pos) continue;
        clause_ends->emplace_back(o.begin, o.end);
        pos = std::max(o.end, o.begin + 1);
      }
    }
  }
  size_t clause_begin = 0, clause_end = text.size();
  for (const auto& [b, e] : *clause_ends) {
    if (e <= begin) {
      clause_begin = e;
    } else if (b >= end) {
      clause_end = b;
      break;
    }
  }
  auto before = [&](const CueSet& cues) {
    if (cues.size() == 0) return false;
    CueScan::Cursor cursor(scan.Of(cues), 0);
    CueScan::Occurrence c;
    while (cursor.Next(&c) && c.begin < begin) {
      if (c.begin >= clause_begin && c.end <= begin && WordsBetween(text, c.end, begin) <= window &&
          !Cancelled(scan, clause_begin, c.begin, c.end)) {
        return true;
      }
    }
    return false;
  };
  auto after = [&](const CueSet& cues) {
    if (cues.size() == 0) return false;
    CueScan::Cursor cursor(scan.Of(cues), 0);
    CueScan::Occurrence c;
    bool found = false;
    while ((found = cursor.Next(&c)) && c.begin < end) {
    }
    if (!found) return false;
    return c.end <= clause_end && WordsBetween(text, end, c.begin) <= window &&
           !Cancelled(scan, clause_begin, c.begin, c.end);
  };
  if (before(negation_before) || after(negation_after)) return Qualifier::kNegated;
  if (before(hedge_before) || after(hedge_after)) return Qualifier::kHedged;
  return Qualifier::kNone;
}

namespace {

// Every occurrence of `entry` in `cues` that no exclusion of the entry overlaps, combined.
Qualifier QualifyEntry(const QualifierRules& rules, RecordScan& scan, const CueSet& cues,
                       const CueSet* exclusions, int entry) {
  if (!rules.present) return Qualifier::kNone;
  std::string_view text = scan.text();
  bool any = false, negated = false;
  CueScan::Cursor cursor(scan.Of(cues), entry);
  CueScan::Occurrence o;
  size_t pos = 0;
  while (cursor.Next(&o)) {
    if (o.begin < pos) continue;
    pos = o.begin + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    if (exclusions != nullptr && exclusions->size() > 0) {
      CueScan::Cursor x_cursor(scan.Of(*exclusions), entry);
      CueScan::Occurrence x;
      bool excluded = false;
      while (x_cursor.Next(&x) && x.begin < o.end) {
        if (x.end > o.begin) {
          excluded = true;
          break;
        }
      }
      if (excluded) continue;
    }
    Qualifier q = rules.Qualify(scan, o.begin, o.end);
    if (q == Qualifier::kNone) return Qualifier::kNone;
    any = true;
    negated = negated || q == Qualifier::kNegated;
  }
  if (!any) return Qualifier::kNone;
  return negated ? Qualifier::kNegated : Qualifier::kHedged;
}

}  // namespace

Qualifier Lexicon::QualifyTheme(int entry, std::string_view folded) const {
  if (!compiled_->qualifiers.present) return Qualifier::kNone;
  RecordScan& scan = RecordScan::For(*compiled_, folded);
  return QualifyEntry(compiled_->qualifiers, scan, compiled_->theme_cues,
                      &compiled_->theme_exclusions, entry);
}

Qualifier Lexicon::QualifyOutcomeCue(int entry, std::string_view folded) const {
  if (!compiled_->qualifiers.present) return Qualifier::kNone;
  RecordScan& scan = RecordScan::For(*compiled_, folded);
  return QualifyEntry(compiled_->qualifiers, scan, compiled_->outcome_cues, nullptr, entry);
}

Qualifier Lexicon::QualifySpan(std::string_view folded, size_t begin, size_t end) const {
  if (!compiled_->qualifiers.present) return Qualifier::kNone;
  RecordScan& scan = RecordScan::For(*compiled_, folded);
  return compiled_->qualifiers.Qualify(scan, begin, end);
}

}  // namespace heard
