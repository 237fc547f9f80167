// District and partner names: exact keys, workshop codes, and an edit-distance fallback.
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "tag/compiled.h"

namespace heard {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  int32_t i = 0;
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

// Levenshtein distance, or limit + 1 once it is certain to exceed `limit`.
size_t BoundedDistance(const std::u32string& a, const std::u32string& b, size_t limit) {
  size_t la = a.size(), lb = b.size();
  if ((la > lb ? la - lb : lb - la) > limit) return limit + 1;
  std::vector<size_t> row(lb + 1);
  for (size_t j = 0; j <= lb; ++j) row[j] = j;
  for (size_t i = 1; i <= la; ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= lb; ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return row[lb];
}

// Edits allowed for a fuzzy match against a name key of `length` code points.
// Keys of three or fewer (mostly acronyms such as "vcs") must match exactly:
// one edit turns one acronym into another.
size_t AllowedEdits(size_t length) { return length >= 6 ? 2 : length >= 4 ? 1 : 0; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

void AddKey(const std::string& written, const char* how, int target, const SourcePos& pos,
            NameIndex* index, LexiconErrors* errors) {
  std::string key = NameKey(written);
  if (key.empty()) {
    errors->Add(pos, "name '" + written + "' of " + index->targets[target].canonical +
                         " has no letters or digits");
    return;
  }
  auto found = index->by_key.find(key);
  if (found != index->by_key.end()) {
    if (found->second.canonical != index->targets[target].canonical ||
        found->second.kind != index->targets[target].kind) {
      errors->Add(pos, "duplicate name: '" + written + "' of " + index->targets[target].canonical +
                           " also names " + found->second.canonical);
    }
    return;
  }
  NameMatch match = index->targets[target];
  match.how = how;
  index->by_key.emplace(key, match);
  NameIndex::Candidate candidate;
  candidate.key = CodePoints(key);
  candidate.key_bytes = key.size();
  candidate.target = target;
  index->candidates.push_back(std::move(candidate));
}

void AddCodes(const std::vector<std::string>& codes, int target, const SourcePos& pos,
              NameIndex* index, LexiconErrors* errors) {
  for (const std::string& written : codes) {
    std::string code(Trim(written));
    if (code.empty()) {
      errors->Add(pos, "empty code in " + index->targets[target].canonical);
      continue;
    }
    auto found = index->by_code.find(code);
    if (found != index->by_code.end()) {
      if (found->second.canonical != index->targets[target].canonical) {
        errors->Add(pos, "duplicate code: '" + code + "' of " + index->targets[target].canonical +
                             " is already a code of " + found->second.canonical);
      }
      continue;
    }
    NameMatch match = index->targets[target];
    match.how = "code";
    index->by_code.emplace(code, match);
  }
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string folded = FoldForMatching(name).text;
  std::string key;
  key.reserve(folded.size() + 8);
  bool pending_space = false;
  auto put_word = [&](std::string_view word) {
    if (pending_space && !key.empty()) key += ' ';
    pending_space = false;
    key += word;
  };
  for (char ch : folded) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\'') continue;
    if (c == '&') {
      pending_space = true;
      put_word("and");
      pending_space = true;
    } else if (c >= 0x80 || IsAsciiAlnum(c)) {
      if (pending_space && !key.empty()) key += ' ';
      pending_space = false;
      key += ch;
    } else {
      pending_space = true;
    }
  }
  return key;
}

void BuildNameIndex(const LexiconSpec& spec, NameIndex* index, LexiconErrors* errors) {
  for (const DistrictDef& d : spec.districts) {
    index->targets.push_back(NameMatch{TagKind::kDistrict, d.name, ""});
  }
  for (const PartnerDef& p : spec.partners) {
    index->targets.push_back(NameMatch{TagKind::kPartner, p.name, ""});
  }
  int target = 0;
  for (const DistrictDef& d : spec.districts) {
    AddKey(d.name, "name", target, d.pos, index, errors);
    for (const std::string& a : d.aliases) AddKey(a, "alias", target, d.pos, index, errors);
    for (const std::string& m : d.misspellings)
      AddKey(m, "misspelling", target, d.pos, index, errors);
    AddCodes(d.codes, target, d.pos, index, errors);
    ++target;
  }
  for (const PartnerDef& p : spec.partners) {
    AddKey(p.name, "name", target, p.pos, index, errors);
    for (const std::string& a : p.aliases) AddKey(a, "alias", target, p.pos, index, errors);
    AddCodes(p.codes, target, p.pos, index, errors);
    ++target;
  }
}

std::optional<NameMatch> Lexicon::ResolveName(std::string_view name) const {
  const NameIndex& index = compiled_->names;
  std::string key = NameKey(name);
  if (key.empty()) return std::nullopt;
  auto found = index.by_key.find(key);
  if (found != index.by_key.end()) return found->second;

  std::u32string query = CodePoints(key);
  size_t best = SIZE_MAX;
  int best_target = -1;
  bool tie = false;
  for (const NameIndex::Candidate& candidate : index.candidates) {
    size_t limit = AllowedEdits(candidate.key.size());
    if (limit == 0) continue;
    size_t d = BoundedDistance(query, candidate.key, limit);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      best_target = candidate.target;
      tie = false;
    } else if (d == best && candidate.target != best_target) {
      tie = true;
    }
  }
  if (best_target < 0 || tie) return std::nullopt;
  NameMatch match = index.targets[best_target];
  match.how = "edit distance " + std::to_string(best);
  return match;
}

std::optional<NameMatch> Lexicon::ResolveCode(std::string_view code) const {
  const NameIndex& index = compiled_->names;
  auto found = index.by_code.find(std::string(Trim(code)));
  if (found == index.by_code.end()) return std::nullopt;
  return found->second;
}

}  // namespace heard
