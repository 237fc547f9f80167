// Lexicon::Compile: checks the spec, compiles every cue once; the Find* queries the tagger runs.
#include "heard/lexicon.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <unordered_set>

#include "heard/normalise.h"
#include "tag/compiled.h"
#include "tag/record_scan.h"

namespace heard {

void LexiconErrors::Add(const SourcePos& pos, const std::string& reason) {
  Add(pos.file, pos.line, reason);
}

void LexiconErrors::Add(const std::string& file, int line, const std::string& reason) {
  lines_.push_back(Line{file, line, file + ":" + std::to_string(line) + ": " + reason});
}

std::string LexiconErrors::Joined() const {
  std::vector<const Line*> sorted;
  for (const Line& line : lines_) sorted.push_back(&line);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Line* a, const Line* b) {
    return a->file != b->file ? a->file < b->file : a->line < b->line;
  });
  std::string joined;
  for (const Line* line : sorted) {
    if (!joined.empty()) joined += '\n';
    joined += line->text;
  }
  return joined;
}

namespace {

SourcePos PosAt(const std::vector<SourcePos>& positions, size_t i, const SourcePos& fallback) {
  return i < positions.size() ? positions[i] : fallback;
}

void AddCues(const Cues& cues, int entry, const std::string& what, const SourcePos& pos,
             CueSet* set, LexiconErrors* errors) {
  std::string error;
  for (size_t i = 0; i < cues.terms.size(); ++i) {
    const std::string& term = cues.terms[i];
    std::string regex = TermToRegex(term);
    if (regex.empty()) {
      errors->Add(PosAt(cues.term_pos, i, pos), what + ": empty term");
    } else if (!set->AddTerm(entry, regex, term, &error)) {
      errors->Add(PosAt(cues.term_pos, i, pos),
                  what + ": term '" + term + "' cannot be compiled: " + error);
    }
  }
  for (size_t i = 0; i < cues.patterns.size(); ++i) {
    const std::string& pattern = cues.patterns[i];
    if (!set->Add(entry, pattern, pattern, &error)) {
      errors->Add(PosAt(cues.pattern_pos, i, pos),
                  what + ": pattern '" + pattern + "' rejected by RE2: " + error);
    }
  }
}

void CheckParents(const LexiconSpec& spec, const std::unordered_map<std::string, int>& by_id,
                  LexiconErrors* errors) {
  const std::vector<ThemeDef>& themes = spec.themes;
  for (size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].parent.empty()) continue;
    if (by_id.count(themes[i].parent) == 0) {
      errors->Add(themes[i].pos,
                  "theme " + themes[i].id + ": unknown parent '" + themes[i].parent + "'");
      continue;
    }
    // Walk up; a cycle through i is reported once, at its first theme.
    size_t current = i;
    std::string path = themes[i].id;
    for (size_t steps = 0; steps <= themes.size(); ++steps) {
      auto parent = by_id.find(themes[current].parent);
      if (themes[current].parent.empty() || parent == by_id.end()) break;
      current = static_cast<size_t>(parent->second);
      path += " -> " + themes[current].id;
      if (current < i) break;
      if (current == i) {
        errors->Add(themes[i].pos, "parent cycle: " + path);
        break;
      }
    }
  }
}

void CompileOutcomes(Lexicon::Compiled* c, LexiconErrors* errors) {
  const std::vector<OutcomeDef>& outcomes = c->spec.outcomes;
  std::unordered_set<std::string> names;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const OutcomeDef& o = outcomes[i];
    if (!c->outcome_by_id.emplace(o.id, static_cast<int>(i)).second) {
      errors->Add(o.pos, "duplicate outcome id '" + o.id + "'");
    }
    if (!names.insert(o.name).second) errors->Add(o.pos, "duplicate outcome name '" + o.name + "'");
    AddCues(o.cues, static_cast<int>(i), "outcome " + o.id, o.pos, &c->outcome_cues, errors);
    c->headings.emplace_back();
    for (const std::string& heading : o.headings) {
      auto re = std::make_unique<RE2>(heading, options);
      if (!re->ok()) {
        errors->Add(o.pos, "outcome " + o.id + ": heading pattern '" + heading +
                               "' rejected by RE2: " + re->error());
        continue;
      }
      c->headings.back().push_back(std::move(re));
    }
  }
}

void CompileThemes(Lexicon::Compiled* c, LexiconErrors* errors) {
  const std::vector<ThemeDef>& themes = c->spec.themes;
  std::unordered_set<std::string> names;
  for (size_t i = 0; i < themes.size(); ++i) {
    const ThemeDef& t = themes[i];
    if (!c->theme_by_id.emplace(t.id, static_cast<int>(i)).second) {
      errors->Add(t.pos, "duplicate theme id '" + t.id + "'");
    }
    if (!names.insert(t.name).second) errors->Add(t.pos, "duplicate theme name '" + t.name + "'");
    for (const std::string& outcome : t.outcomes) {
      if (c->outcome_by_id.count(outcome) == 0) {
        errors->Add(t.pos, "theme " + t.id + ": unknown outcome '" + outcome + "'");
      }
    }
    if (t.cues.terms.empty() && t.cues.patterns.empty()) {
      errors->Add(t.pos, "theme " + t.id + " has no terms and no patterns");
    }
    AddCues(t.cues, static_cast<int>(i), "theme " + t.id, t.pos, &c->theme_cues, errors);
    AddCues(t.exclude, static_cast<int>(i), "theme " + t.id + " (exclude)", t.pos,
            &c->theme_exclusions, errors);
  }
  CheckParents(c->spec, c->theme_by_id, errors);
}

void CompilePlaces(Lexicon::Compiled* c, LexiconErrors* errors) {
  const std::vector<DistrictDef>& districts = c->spec.districts;
  std::string error;
  for (size_t i = 0; i < districts.size(); ++i) {
    const DistrictDef& d = districts[i];
    auto add = [&](const std::vector<std::string>& names) {
      for (const std::string& name : names) {
        std::string regex = PlaceToRegex(name);
        if (regex.empty()) continue;  // reported by BuildNameIndex, or an empty place
        if (!c->places.Add(static_cast<int>(i), regex, name, &error)) {
          errors->Add(d.pos,
                      "district " + d.name + ": place '" + name + "' cannot be compiled: " + error);
        }
      }
    };
    add({d.name});
    add(d.aliases);
    add(d.misspellings);
    add(d.places);
  }
}

void CompileOutcodes(Lexicon::Compiled* c, LexiconErrors* errors) {
  std::unordered_set<std::string> districts;
  for (const DistrictDef& d : c->spec.districts) districts.insert(d.name);
  for (size_t i = 0; i < c->spec.outcodes.size(); ++i) {
    const OutcodeDef& o = c->spec.outcodes[i];
    std::string code = o.outcode;
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!c->outcode_by_code.emplace(code, static_cast<int>(i)).second) {
      errors->Add(o.pos, "duplicate outcode " + code);
    }
    for (const OutcodeShare& share : o.districts) {
      if (districts.count(share.district) == 0) {
        errors->Add(o.pos, "outcode " + code + ": unknown district '" + share.district + "'");
      }
    }
  }
}

size_t NextChar(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// The spans an exclusion of `entry` takes away: for each of its expressions, its successive
// non-overlapping matches (each search resuming where the last match ended).
void ExclusionSpans(RecordScan& scan, const CueSet& exclusions, int entry,
                    std::vector<std::pair<size_t, size_t>>* spans) {
  const std::vector<int>& exprs = exclusions.ExprsOf(entry);
  if (exprs.empty()) return;
  const CueScan& found = scan.Of(exclusions);
  std::string_view text = scan.text();
  for (int x : exprs) {
    if (exclusions.IsTerm(x)) {
      size_t pos = 0;
      for (const TermMatch& m : found.terms()) {
        if (m.expr != x || m.begin < pos) continue;
        spans->emplace_back(m.begin, m.end);
        pos = m.end;
      }
    } else if (found.PatternMayMatch(x)) {
      size_t b, e, resume, pos = 0;
      while (exclusions.NextMatchBefore(x, text, found.words(), pos, std::string_view::npos, &b,
                                        &e, &resume) == 1) {
        spans->emplace_back(b, e);
        pos = e;
      }
    }
  }
}

// Hits of `cues` in the scanned text: per entry the earliest match of any of its expressions
// (leftmost-first alternation in the order added) that no exclusion of the same entry
// overlaps; after an excluded match the search resumes one character after its start.
std::vector<Hit> FirstHits(RecordScan& scan, const CueSet& cues, const CueSet* exclusions) {
  std::vector<Hit> hits;
  std::string_view text = scan.text();
  CueScan& found = scan.Of(cues);
  thread_local std::vector<std::pair<size_t, size_t>> excluded;
  for (int entry : found.entries()) {
    CueScan::Cursor cursor(found, entry);
    CueScan::Occurrence o;
    size_t pos = 0;
    bool spans = false;
    while (cursor.Next(&o)) {
      if (o.begin < pos) continue;
      if (!spans) {
        excluded.clear();
        if (exclusions != nullptr) ExclusionSpans(scan, *exclusions, entry, &excluded);
        spans = true;
      }
      const bool is_excluded =
          std::any_of(excluded.begin(), excluded.end(), [&](const std::pair<size_t, size_t>& s) {
            return o.begin < s.second && s.first < o.end;
          });
      if (!is_excluded) {
        int cue = o.expr >= 0 ? o.expr : cues.PatternAt(entry, text, o.begin);
        if (cue < 0) cue = cues.ExprsOf(entry).front();
        hits.push_back(Hit{entry, cues.written(cue), o.begin, o.end});
        break;
      }
      pos = NextChar(text, o.begin);
    }
  }
  return hits;
}

}  // namespace

Result<Lexicon> Lexicon::Compile(LexiconSpec spec) {
  auto c = std::make_shared<Compiled>();
  static std::atomic<uint64_t> next_id{1};
  c->id = next_id++;
  c->spec = std::move(spec);
  LexiconErrors errors;
  CompileOutcomes(c.get(), &errors);
  CompileThemes(c.get(), &errors);
  BuildNameIndex(c->spec, &c->names, &errors);
  CompilePlaces(c.get(), &errors);
  CompileOutcodes(c.get(), &errors);
  c->qualifiers.Compile(c->spec.qualifiers, &errors);
  for (CueSet* set : {&c->theme_cues, &c->theme_exclusions, &c->outcome_cues, &c->places}) {
    if (!set->Compile()) errors.Add("lexicon", 0, "too many cues for RE2 to compile into one set");
  }
  if (!errors.empty()) return Status::Config(errors.Joined());
  QualifierRules& q = c->qualifiers;
  const std::vector<CueSet*> sets = {&c->theme_cues,        &c->theme_exclusions,
                                     &c->outcome_cues,      &c->places,
                                     &q.negation_before,    &q.negation_after,
                                     &q.hedge_before,       &q.hedge_after,
                                     &q.pseudo,             &q.boundaries};
  for (CueSet* set : sets) set->JoinWordFilter(&c->word_filter);
  for (CueSet* set : sets) set->CoverWords(&c->word_filter);
  c->fingerprint = LexiconFingerprint(c->spec);
  return Lexicon(std::move(c));
}

Result<Lexicon> Lexicon::Load(const std::string& dir) {
  Result<LexiconSpec> spec = ReadLexiconDir(dir);
  if (!spec.ok()) return spec.status();
  return Compile(std::move(spec).value());
}

const LexiconSpec& Lexicon::spec() const { return compiled_->spec; }
const std::string& Lexicon::fingerprint() const { return compiled_->fingerprint; }

const OutcomeDef* Lexicon::FindOutcome(std::string_view id) const {
  auto found = compiled_->outcome_by_id.find(std::string(id));
  return found == compiled_->outcome_by_id.end() ? nullptr
                                                 : &compiled_->spec.outcomes[found->second];
}

const ThemeDef* Lexicon::FindTheme(std::string_view id) const {
  auto found = compiled_->theme_by_id.find(std::string(id));
  return found == compiled_->theme_by_id.end() ? nullptr : &compiled_->spec.themes[found->second];
}

const OutcodeDef* Lexicon::FindOutcode(std::string_view outcode) const {
  std::string code;
  for (char ch : outcode) {
    if (ch != ' ' && ch != '\t')
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  auto found = compiled_->outcode_by_code.find(code);
  return found == compiled_->outcode_by_code.end() ? nullptr
                                                   : &compiled_->spec.outcodes[found->second];
}

std::string Lexicon::OutcomeForHeading(std::string_view heading) const {
  std::string folded = FoldForMatching(heading).text;
  std::string_view text = folded;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) {
    text.remove_prefix(1);
  }
  re2::StringPiece piece(text.data(), text.size());
  for (size_t i = 0; i < compiled_->headings.size(); ++i) {
    for (const auto& re : compiled_->headings[i]) {
      if (RE2::PartialMatch(piece, *re)) return compiled_->spec.outcomes[i].id;
    }
  }
  return "";
}

std::vector<Hit> Lexicon::FindThemes(std::string_view folded) const {
  RecordScan& scan = RecordScan::For(*compiled_, folded);
  return FirstHits(scan, compiled_->theme_cues, &compiled_->theme_exclusions);
}

std::vector<Hit> Lexicon::FindOutcomeCues(std::string_view folded) const {
  RecordScan& scan = RecordScan::For(*compiled_, folded);
  return FirstHits(scan, compiled_->outcome_cues, nullptr);
}

std::vector<Lexicon::Regex> Lexicon::Regexes() const {
  const Compiled& c = *compiled_;
  std::vector<Regex> out;
  auto add = [&](const char* kind, const CueSet& set, auto&& entry_name) {
    for (size_t i = 0; i < set.size(); ++i) {
      out.push_back({kind, entry_name(set.entry(static_cast<int>(i))), set.regex(static_cast<int>(i))});
    }
  };
  add("theme", c.theme_cues, [&](int e) { return c.spec.themes[e].id; });
  add("exclusion", c.theme_exclusions, [&](int e) { return c.spec.themes[e].id; });
  add("outcome", c.outcome_cues, [&](int e) { return c.spec.outcomes[e].id; });
  add("place", c.places, [&](int e) { return c.spec.districts[e].name; });
  return out;
}

}  // namespace heard
