// TagRecord: themes, outcomes and districts with their evidence, by the rules in tagger.h.
#include "heard/tagger.h"

#include <algorithm>
#include <cstdio>

namespace heard {
namespace {

bool HasTag(const Record& record, TagKind kind) {
  return std::any_of(record.tags.begin(), record.tags.end(),
                     [kind](const Tag& tag) { return tag.kind == kind; });
}

const std::string* FindAttribute(const Record& record, std::string_view name) {
  for (const Attribute& a : record.attributes) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

// Evidence for a hit in folded text, as the span of display text it came from.
Evidence FoldedEvidence(const Hit& hit, const FoldedText& folded, const std::string& display) {
  Evidence evidence;
  evidence.pattern = hit.pattern;
  if (hit.end <= hit.start || hit.end > folded.start.size()) return evidence;
  auto [start, end] = folded.ToDisplay(hit.start, hit.end);
  if (end > display.size() || start >= end) return evidence;
  evidence.matched = display.substr(start, end - start);
  evidence.start = static_cast<int32_t>(start);
  evidence.end = static_cast<int32_t>(end);
  return evidence;
}

// "0.93", "0.07"; a share too small for two decimals keeps two significant digits.
std::string FormatShare(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", share);
  if (std::string_view(buffer) == "0.00") std::snprintf(buffer, sizeof buffer, "%.2g", share);
  return buffer;
}

// The note on a postcode district tag; empty when the outcode lies wholly in one district.
std::string OutcodeNote(const OutcodeDef& outcode) {
  if (outcode.districts.size() <= 1 && outcode.outside_share <= 0) return "";
  std::string note = outcode.districts.size() > 1 ? "split outcode " : "outcode ";
  note += outcode.outcode + ":";
  const char* separator = " ";
  for (const OutcodeShare& share : outcode.districts) {
    note += separator + share.district + " " + FormatShare(share.share);
    separator = ", ";
  }
  if (outcode.outside_share > 0) note += std::string(separator) + "rest outside Kent and Medway";
  return note;
}

void TagOutcomes(const Lexicon& lexicon, const FoldedText& folded,
                 const std::vector<Hit>& theme_hits, Record& record) {
  const LexiconSpec& spec = lexicon.spec();
  std::vector<Tag> by_outcome(spec.outcomes.size());
  std::vector<bool> found(spec.outcomes.size(), false);
  for (const Hit& hit : lexicon.FindOutcomeCues(folded.text)) {
    if (found[hit.entry]) continue;
    found[hit.entry] = true;
    by_outcome[hit.entry] = Tag{TagKind::kOutcome, spec.outcomes[hit.entry].id, Origin::kLexicon,
                                FoldedEvidence(hit, folded, record.text), 1.0};
    by_outcome[hit.entry].qualifier = lexicon.QualifyOutcomeCue(hit.entry, folded.text);
  }
  for (const Hit& hit : theme_hits) {
    const ThemeDef& theme = spec.themes[hit.entry];
    for (const std::string& id : theme.outcomes) {
      const OutcomeDef* outcome = lexicon.FindOutcome(id);
      if (outcome == nullptr) continue;
      size_t index = static_cast<size_t>(outcome - spec.outcomes.data());
      if (found[index]) continue;
      found[index] = true;
      Tag tag{TagKind::kOutcome, id, Origin::kTheme, Evidence{}, 1.0};
      tag.evidence.pattern = theme.id;
      tag.evidence.note = "from theme " + theme.id;
      by_outcome[index] = std::move(tag);
    }
  }
  for (size_t i = 0; i < by_outcome.size(); ++i) {
    if (found[i]) record.tags.push_back(std::move(by_outcome[i]));
  }
}

void TagDistricts(const Lexicon& lexicon, Record& record) {
  if (HasTag(record, TagKind::kDistrict)) return;
  const std::string* outcode = FindAttribute(record, "postcode_outcode");
  if (outcode != nullptr && !outcode->empty()) {
    const OutcodeDef* def = lexicon.FindOutcode(*outcode);
    if (def == nullptr) return;  // a postcode outside the lexicon says no district
    std::string note = OutcodeNote(*def);
    for (const OutcodeShare& share : def->districts) {
      Tag tag{TagKind::kDistrict, share.district, Origin::kPostcode, Evidence{}, share.share};
      tag.evidence.pattern = def->outcode;
      tag.evidence.matched = *outcode;
      tag.evidence.note = note;
      record.tags.push_back(std::move(tag));
    }
    return;
  }
  const LexiconSpec& spec = lexicon.spec();
  for (const Hit& hit : lexicon.FindPlaces(record.text)) {
    Tag tag{TagKind::kDistrict, spec.districts[hit.entry].name, Origin::kPlaceName, Evidence{},
            1.0};
    tag.evidence.pattern = hit.pattern;
    tag.evidence.matched = record.text.substr(hit.start, hit.end - hit.start);
    tag.evidence.start = static_cast<int32_t>(hit.start);
    tag.evidence.end = static_cast<int32_t>(hit.end);
    record.tags.push_back(std::move(tag));
  }
}

}  // namespace

void TagRecord(const Lexicon& lexicon, const FoldedText& folded, Record& record) {
  const LexiconSpec& spec = lexicon.spec();
  std::vector<Hit> theme_hits = lexicon.FindThemes(folded.text);
  if (!HasTag(record, TagKind::kOutcome)) TagOutcomes(lexicon, folded, theme_hits, record);
  for (const Hit& hit : theme_hits) {
    record.tags.push_back(Tag{TagKind::kTheme, spec.themes[hit.entry].id, Origin::kLexicon,
                              FoldedEvidence(hit, folded, record.text), 1.0});
    record.tags.back().qualifier = lexicon.QualifyTheme(hit.entry, folded.text);  // qualifiers.cc
  }
  TagDistricts(lexicon, record);
}

}  // namespace heard
