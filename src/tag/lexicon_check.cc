// CheckLexiconDir: the problems Lexicon::Compile reports plus the analysis of lexicon_check.h
// (cues that can never match, phrases that count twice, exclusions that take nothing away).
#include "heard/lexicon_check.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "heard/normalise.h"
#include "tag/cue_set.h"

namespace heard {
namespace {

using Severity = LexiconIssue::Severity;

class Issues {
 public:
  explicit Issues(LexiconCheck* check) : check_(check) {}
  void Error(const SourcePos& pos, std::string reason) { Add(Severity::kError, pos, reason); }
  void Warn(const SourcePos& pos, std::string reason) { Add(Severity::kWarning, pos, reason); }
  void Add(Severity s, const SourcePos& pos, std::string reason) {
    check_->issues.push_back(LexiconIssue{s, pos, std::move(reason)});
  }

 private:
  LexiconCheck* check_;
};

// "file:line: reason" lines of a Status from reading or compiling, as errors.
void AddStatusLines(const std::string& message, Issues* issues) {
  static const RE2 kLine("^(.*?):(\\d+): (.*)$");
  size_t start = 0;
  while (start < message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::string line = message.substr(start, end - start), file, reason;
    int number = 0;
    if (RE2::FullMatch(line, kLine, &file, &number, &reason)) {
      issues->Error(SourcePos{file, number}, reason);
    } else if (!line.empty()) {
      issues->Error(SourcePos{"lexicon", 0}, line);
    }
    start = end + 1;
  }
}

SourcePos At(const std::vector<SourcePos>& positions, size_t i, const SourcePos& fallback) {
  return i < positions.size() ? positions[i] : fallback;
}

// The text a term stands for: folded, the trailing '*' taken off.
std::string TermSample(const std::string& term) {
  std::string t = term;
  while (!t.empty() && (t.back() == '*' || t.back() == ' ')) t.pop_back();
  return FoldForMatching(t).text;
}

// Static reading of one pattern: anchors in the middle, characters folding removes.
void CheckPattern(const std::string& p, const std::string& what, const SourcePos& pos,
                  Issues* issues) {
  const bool alternatives = p.find('|') != std::string::npos;
  bool in_class = false;
  for (size_t i = 0; i < p.size();) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '\\') {
      i += 2;
      if (i <= p.size() && (p[i - 1] == 'p' || p[i - 1] == 'P' || p[i - 1] == 'x') &&
          i < p.size() && p[i] == '{') {
        size_t close = p.find('}', i);
        i = close == std::string::npos ? p.size() : close + 1;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // "[]...]": ']' first is literal
      if (i + 2 < p.size() && p[i + 1] == '^' && p[i + 2] == ']') i += 2;
    } else if (c == '^' && i > 0) {
      char prev = p[i - 1];
      bool flags_group = prev == ')' && p.rfind("(?", i) != std::string::npos &&
                         RE2::FullMatch(p.substr(p.rfind("(?", i), i - p.rfind("(?", i)),
                                        "\\(\\?[a-zA-Z-]*:?\\)?");
      if (prev != '(' && prev != '|' && prev != ':' && !flags_group) {
        issues->Error(pos, what + ": '^' inside the pattern can never match (the text is one "
                                  "record, not lines); use \\b");
      }
    } else if (c == '$' && i + 1 < p.size() && p[i + 1] != ')' && p[i + 1] != '|') {
      issues->Error(pos, what + ": '$' inside the pattern can never match; use \\b");
    }
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80) {
      std::string ch = p.substr(i, len);
      std::string folded = FoldForMatching(ch).text;
      if (folded != ch) {
        std::string reason = what + ": '" + ch + "' never occurs in folded text (it folds to '" +
                             folded + "'); write '" + folded + "'";
        if (alternatives || in_class) {
          issues->Warn(pos, reason + " (that alternative can never match)");
        } else {
          issues->Error(pos, reason + ": the pattern can never match");
        }
      }
    }
    i += len;
  }
  if (!p.empty() && p[0] == '^') {
    issues->Warn(pos, what + ": '^' anchors to the start of the whole record; did you mean \\b?");
  }
}

void CheckCues(const Cues& cues, const std::string& what, const SourcePos& pos, Issues* issues) {
  std::map<std::string, size_t> seen;  // term regex -> first index
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  for (size_t i = 0; i < cues.terms.size(); ++i) {
    std::string regex = TermToRegex(cues.terms[i]);
    if (regex.empty()) continue;  // Compile reports it
    SourcePos at = At(cues.term_pos, i, pos);
    auto [first, added] = seen.emplace(regex, i);
    if (!added) {
      issues->Warn(at, what + ": term '" + cues.terms[i] + "' repeats '" +
                           cues.terms[first->second] + "' (line " +
                           std::to_string(At(cues.term_pos, first->second, pos).line) + ")");
    }
    RE2 re(regex, options);
    if (re.ok() && !RE2::PartialMatch(TermSample(cues.terms[i]), re)) {
      issues->Error(at, what + ": term '" + cues.terms[i] + "' does not match its own text");
    }
  }
  for (size_t i = 0; i < cues.patterns.size(); ++i) {
    SourcePos at = At(cues.pattern_pos, i, pos);
    CheckPattern(cues.patterns[i], what + ": pattern '" + cues.patterns[i] + "'", at, issues);
    RE2 re(cues.patterns[i], options);
    if (!re.ok()) continue;  // Compile reports it
    for (size_t t = 0; t < cues.terms.size(); ++t) {
      if (RE2::PartialMatch(TermSample(cues.terms[t]), re)) {
        issues->Warn(at, what + ": pattern '" + cues.patterns[i] + "' also matches its term '" +
                             cues.terms[t] + "' (redundant: the theme counts once per record)");
        break;
      }
    }
  }
}

bool IsAncestor(const LexiconSpec& spec, const std::string& ancestor, std::string id) {
  for (size_t steps = 0; steps <= spec.themes.size(); ++steps) {
    auto it = std::find_if(spec.themes.begin(), spec.themes.end(),
                           [&](const ThemeDef& t) { return t.id == id; });
    if (it == spec.themes.end() || it->parent.empty()) return false;
    if (it->parent == ancestor) return true;
    id = it->parent;
  }
  return false;
}

// Whether one cue of `theme` matches all of `sample` (its earliest hit may be a shorter cue:
// "bus" before "bus pass").
bool MatchesWhole(const ThemeDef& theme, const std::string& sample) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  for (const std::string& term : theme.cues.terms) {
    RE2 re(TermToRegex(term), options);
    if (re.ok() && RE2::FullMatch(sample, re)) return true;
  }
  for (const std::string& pattern : theme.cues.patterns) {
    RE2 re(pattern, options);
    if (re.ok() && RE2::FullMatch(sample, re)) return true;
  }
  return false;
}

// Cross-theme overlaps and idle exclusions, on a lexicon that compiled.
void CheckOverlaps(const LexiconSpec& spec, const Lexicon& lexicon, const Lexicon& bare,
                   Issues* issues) {
  std::set<std::pair<std::string, std::string>> reported;  // (term sample, other theme)
  for (size_t a = 0; a < spec.themes.size(); ++a) {
    const ThemeDef& theme = spec.themes[a];
    for (size_t i = 0; i < theme.cues.terms.size(); ++i) {
      std::string sample = TermSample(theme.cues.terms[i]);
      if (sample.empty()) continue;
      SourcePos at = At(theme.cues.term_pos, i, theme.pos);
      for (const Hit& hit : lexicon.FindThemes(sample)) {
        const ThemeDef& other = spec.themes[hit.entry];
        if (static_cast<size_t>(hit.entry) == a) continue;
        if (!reported.emplace(sample, other.id).second) continue;
        const bool whole = MatchesWhole(other, sample);
        const bool related =
            IsAncestor(spec, other.id, theme.id) || IsAncestor(spec, theme.id, other.id);
        std::string where = "theme " + theme.id + ": term '" + theme.cues.terms[i] + "'";
        std::string also = "theme " + other.id + " (line " + std::to_string(other.pos.line) + ")";
        if (whole && !related) {
          issues->Error(at, where + " is also a cue of " + also +
                                ": the phrase counts under both themes");
        } else if (whole) {
          issues->Warn(at, where + " is also a cue of " + also +
                               ", its parent or child: both fire");
        } else {
          issues->Warn(at, where + " contains '" + sample.substr(hit.start, hit.end - hit.start) +
                               "', a cue of " + also + " ('" + hit.pattern +
                               "'): the phrase counts under both");
        }
      }
    }
    for (size_t i = 0; i < theme.exclude.terms.size(); ++i) {
      std::string sample = TermSample(theme.exclude.terms[i]);
      if (!theme.exclude.terms[i].empty() && theme.exclude.terms[i].back() == '*') {
        sample += " " + sample + "s";  // an ending, as the '*' allows
      }
      std::vector<Hit> hits = bare.FindThemes(sample);
      bool overlaps = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
        return static_cast<size_t>(h.entry) == a;
      });
      if (!overlaps) {
        issues->Warn(At(theme.exclude.term_pos, i, theme.pos),
                     "theme " + theme.id + ": exclusion '" + theme.exclude.terms[i] +
                         "' holds no cue of the theme; it takes a hit away only where a cue "
                         "overlaps it from outside");
      }
    }
  }
}

}  // namespace

int LexiconCheck::errors() const {
  return static_cast<int>(std::count_if(issues.begin(), issues.end(), [](const LexiconIssue& i) {
    return i.severity == Severity::kError;
  }));
}

int LexiconCheck::warnings() const { return static_cast<int>(issues.size()) - errors(); }

Result<LexiconCheck> CheckLexiconDir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound("lexicon folder not found: " + dir);
  }
  LexiconCheck check;
  check.dir = dir;
  Issues issues(&check);
  Result<LexiconSpec> spec = ReadLexiconDir(dir);
  if (!spec.ok()) {
    AddStatusLines(spec.status().message(), &issues);
  } else {
    for (const OutcomeDef& o : spec->outcomes) {
      CheckCues(o.cues, "outcome " + o.id, o.pos, &issues);
    }
    for (const ThemeDef& t : spec->themes) {
      CheckCues(t.cues, "theme " + t.id, t.pos, &issues);
      for (size_t i = 0; i < t.exclude.patterns.size(); ++i) {
        CheckPattern(t.exclude.patterns[i],
                     "theme " + t.id + " (exclude): pattern '" + t.exclude.patterns[i] + "'",
                     At(t.exclude.pattern_pos, i, t.pos), &issues);
      }
    }
    Result<Lexicon> lexicon = Lexicon::Compile(*spec);
    if (!lexicon.ok()) {
      AddStatusLines(lexicon.status().message(), &issues);
    } else {
      LexiconSpec bare_spec = *spec;
      for (ThemeDef& t : bare_spec.themes) t.exclude = Cues{};
      Result<Lexicon> bare = Lexicon::Compile(std::move(bare_spec));
      if (bare.ok()) CheckOverlaps(*spec, *lexicon, *bare, &issues);
    }
  }
  std::stable_sort(check.issues.begin(), check.issues.end(),
                   [](const LexiconIssue& a, const LexiconIssue& b) {
                     return a.pos.file != b.pos.file ? a.pos.file < b.pos.file
                                                     : a.pos.line < b.pos.line;
                   });
  return check;
}

std::string RenderLexiconCheck(const LexiconCheck& check) {
  std::string out;
  for (const LexiconIssue& i : check.issues) {
    out += i.pos.file + ":" + std::to_string(i.pos.line) +
           (i.severity == Severity::kError ? ": error: " : ": warning: ") + i.reason + "\n";
  }
  out += check.dir + ": " + std::to_string(check.errors()) + " errors, " +
         std::to_string(check.warnings()) + " warnings\n";
  return out;
}

}  // namespace heard
