// The lexicon fingerprint: sha256 over a canonical serialisation of the spec.
#include <cstdio>

#include "heard/lexicon.h"
#include "sha256.h"
#include "tag/compiled.h"

namespace heard {
namespace {

// Length-prefixed fields, so no choice of text can make two specs collide.
class Canonical {
 public:
  void Field(std::string_view s) {
    out_ += std::to_string(s.size());
    out_ += ':';
    out_ += s;
  }
  void Fields(std::string_view name, const std::vector<std::string>& values) {
    Field(name);
    Field(std::to_string(values.size()));
    for (const std::string& v : values) Field(v);
  }
  void Number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6f", x);
    Field(buffer);
  }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

std::string LexiconFingerprint(const LexiconSpec& spec) {
  Canonical c;
  c.Field("heard-lexicon-1");
  for (const OutcomeDef& o : spec.outcomes) {
    c.Field("outcome");
    c.Field(o.id);
    c.Field(o.name);
    c.Field(o.short_name);
    c.Fields("headings", o.headings);
    c.Fields("terms", o.cues.terms);
    c.Fields("patterns", o.cues.patterns);
  }
  for (const ThemeDef& t : spec.themes) {
    c.Field("theme");
    c.Field(t.id);
    c.Field(t.name);
    c.Field(t.parent);
    c.Fields("outcomes", t.outcomes);
    c.Fields("terms", t.cues.terms);
    c.Fields("patterns", t.cues.patterns);
    c.Fields("exclude_terms", t.exclude.terms);
    c.Fields("exclude_patterns", t.exclude.patterns);
  }
  for (const DistrictDef& d : spec.districts) {
    c.Field("district");
    c.Field(d.name);
    c.Field(d.kind);
    c.Fields("codes", d.codes);
    c.Fields("aliases", d.aliases);
    c.Fields("misspellings", d.misspellings);
    c.Fields("places", d.places);
  }
  for (const PartnerDef& p : spec.partners) {
    c.Field("partner");
    c.Field(p.name);
    c.Fields("codes", p.codes);
    c.Fields("aliases", p.aliases);
  }
  for (const OutcodeDef& o : spec.outcodes) {
    c.Field("outcode");
    c.Field(o.outcode);
    for (const OutcodeShare& s : o.districts) {
      c.Field(s.district);
      c.Number(s.share);
    }
    c.Number(o.outside_share);
  }
  c.Field("attribution");
  c.Field(spec.attribution);
  if (spec.qualifiers.present) {  // absent: the fingerprint of a lexicon without one is unchanged
    const QualifierCues& q = spec.qualifiers;
    c.Field("qualifiers");
    c.Number(q.window);
    for (const Cues* cues : {&q.negation_before, &q.negation_after, &q.hedge_before,
                             &q.hedge_after, &q.pseudo, &q.boundaries}) {
      c.Fields("terms", cues->terms);
      c.Fields("patterns", cues->patterns);
    }
  }
  return Sha256Hex(c.str());
}

}  // namespace heard
