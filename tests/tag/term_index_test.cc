// The term index and CueSet::Scan against RE2 itself: every term must match exactly where its
// TermToRegex expression does, and every entry's occurrences must be what the leftmost-first
// alternation of its expressions finds. The reference is RE2 on the same folded text.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "heard/lexicon.h"
#include "heard/normalise.h"
#include "heard/tagger.h"
#include "tag/cue_set.h"
#include "tag/term_index.h"

namespace heard {
namespace {

using Span = std::tuple<size_t, size_t>;

RE2::Options Folded() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

// Every start where `re` matches non-empty, anchored there, with its end.
std::vector<Span> Re2Starts(const RE2& re, std::string_view text) {
  std::vector<Span> spans;
  re2::StringPiece piece(text.data(), text.size());
  for (size_t s = 0; s <= text.size(); ++s) {
    re2::StringPiece m;
    if (re.Match(piece, s, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
      spans.emplace_back(s, s + m.size());
    }
  }
  return spans;
}

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> raw = {
        "The bus-stop by the bus  stop and the BUS\nSTOP, buses and busy bus_stop.",
        "Bus stops, bus\t\tstops; bus \n stop* and bus stopped at the stop.",
        "Café culture: the café, cafés, a cafe and CAFÉ au lait; écafé.",
        "GP appointments, appointment, appointments2, GP's appointment_ and gp2 gp_ 2gp.",
        "Covid-19 and covid 19, covid-19s, a&e, A & E, a&e-dept, ambulance a&e.",
        "no problems with the bus, but the trains are awful. No issue with the bus - ok",
        "not a problem: the bus. Maybe the train? I suppose the bus is fine.",
        "Naïve über-fast ﬁsh and straße STRASSE naïveté; 12 year olds, year 12, 12years.",
        "x", "", "   ", "bus", "buses", "stopbus bus", "the  end"};
    std::vector<std::string> folded;
    for (const std::string& text : raw) folded.push_back(FoldForMatching(text).text);
    return folded;
  }();
  return texts;
}

const std::vector<std::string>& Terms() {
  static const std::vector<std::string> terms = {
      "bus", "bus*", "bus stop", "bus stop*", "Bus Stop", "bus-stop", "bus_stop", "stop*",
      "busy", "bus stops", "stop", "café", "cafe", "café*", "caf", "GP", "gp*", "GP's",
      "appointment*", "appointments", "covid-19", "covid-19*", "a&e", "a & e", "a&e*", "19",
      "12 year*", "year 12", "12", "naïve", "über", "straße", "strasse", "-fast", ": the",
      "no problem*", "not a problem", "the  end", "*", "e", "é", "'s", "stop* and"};
  return terms;
}

TEST_CASE("an indexed term matches exactly where its TermToRegex expression matches") {
  for (size_t t = 0; t < Terms().size(); ++t) {
    const std::string& term = Terms()[t];
    const std::string regex = TermToRegex(term);
    if (regex.empty()) continue;  // "*": no words, the lexicon rejects it
    TermIndex index;
    REQUIRE(index.Add(0, 0, term));
    index.Build();
    RE2 re(regex, Folded());
    REQUIRE(re.ok());
    for (const std::string& text : Texts()) {
      INFO("term '" << term << "' regex " << regex << " text '" << text << "'");
      TextWords words;
      words.Build(text);
      std::vector<TermMatch> matches;
      index.Scan(text, words, &matches);
      std::vector<Span> fast;
      for (const TermMatch& m : matches) fast.emplace_back(m.begin, m.end);
      CHECK(fast == Re2Starts(re, text));
    }
  }
}

TEST_CASE("phrases sharing a first word in one index match where RE2 does") {
  // Every term here is keyed by "bus", so each is tried at every "bus" with the others, on
  // second words that differ in spacing, case, length and non-ASCII letters: each must still
  // match exactly where its expression does.
  const std::vector<std::string> terms = {
      "bus stop", "bus stops", "bus stop*", "bus st*", "bus 12", "bus s", "bus stop-gap",
      "bus stóp", "bus stop lane", "bus _x", "bus", "bus*", "bus -stop", "Bus STOP*"};
  const std::vector<std::string> raw = {
      "bus stop", "bus stop ", "BUS STOP lane, bus stopx, bus sto, bus st, bus s.",
      "bus\vstop bus\r\nstop bus\t stop bus\fstop bus  stops", "bus stop-gap bus stop-gapx",
      "bus stóp bus stópx bus stoP bus stop_ bus_stop bus 12 bus 123 bus 1",
      "bus _x bus _xy bus -stop bus- stop bus", "busstop bus stopbus x bus", "bus  stop   lane",
      "a bus\nstop lane and a bus\n\nstop-gap", "bus é stop bus stop é"};
  TermIndex index;
  for (size_t t = 0; t < terms.size(); ++t) REQUIRE(index.Add(static_cast<int>(t), 0, terms[t]));
  index.Build();
  for (const std::string& r : raw) {
    const std::string text = FoldForMatching(r).text;
    TextWords words;
    words.Build(text);
    std::vector<TermMatch> matches;
    index.Scan(text, words, &matches);
    for (size_t t = 0; t < terms.size(); ++t) {
      RE2 re(TermToRegex(terms[t]), Folded());
      REQUIRE(re.ok());
      INFO("term '" << terms[t] << "' text '" << text << "'");
      std::vector<Span> fast;
      for (const TermMatch& m : matches) {
        if (m.expr == static_cast<int>(t)) fast.emplace_back(m.begin, m.end);
      }
      CHECK(fast == Re2Starts(re, text));
    }
  }
}

TEST_CASE("indexes joined in one word filter still match where RE2 does") {
  // Three indexes, as three cue lists of a lexicon: words only one of them keys, prefixes of
  // other lengths, and a text scanned once with the joined filter for all of them.
  const std::vector<std::vector<std::string>> lists = {
      {"bus stop", "traffic*", "GP", "covid-19", "a&e"},
      {"not", "no problem*", "never*", "café", "12 year*"},
      {"maybe", "perhaps", "suppose*", "stop* and", "straße", "Tr*", std::string(70, 'w') + "*",
       std::string(63, 'n') + "*"}};
  std::vector<TermIndex> indexes(lists.size());
  for (size_t l = 0; l < lists.size(); ++l) {
    for (size_t t = 0; t < lists[l].size(); ++t) {
      REQUIRE(indexes[l].Add(static_cast<int>(t), 0, lists[l][t]));
    }
    indexes[l].Build();
  }
  WordFilter filter;
  for (const TermIndex& index : indexes) index.JoinFilter(&filter);
  for (TermIndex& index : indexes) index.CoveredBy(&filter);
  std::vector<std::string> raw = Texts();
  raw.push_back("Traffic, TRAFFICKED trafficker; not never-ending, nevertheless NO problems.");
  raw.push_back("I suppose supposedly, perhaps maybe: stopped and stop and STOPS and.");
  raw.push_back("gp GP's a&e covid-19 café 12 years 12 year, the bus stop, tra traf");
  raw.push_back("NEVERMORE Nevertheless " + std::string(69, 'W') + " " + std::string(75, 'w') +
                " " + std::string(63, 'N') + " " + std::string(62, 'n') + " tR TRAIN t");
  size_t candidates = 0, runs = 0;
  for (const std::string& r : raw) {
    const std::string text = FoldForMatching(r).text;
    TextWords words;
    words.Build(text, &filter);
    candidates += words.candidates.size();
    runs += words.runs.size();
    for (size_t l = 0; l < lists.size(); ++l) {
      std::vector<TermMatch> matches;
      indexes[l].Scan(text, words, &matches);
      for (size_t t = 0; t < lists[l].size(); ++t) {
        RE2 re(TermToRegex(lists[l][t]), Folded());
        REQUIRE(re.ok());
        INFO("term '" << lists[l][t] << "' text '" << text << "'");
        std::vector<Span> fast;
        for (const TermMatch& m : matches) {
          if (m.expr == static_cast<int>(t)) fast.emplace_back(m.begin, m.end);
        }
        CHECK(fast == Re2Starts(re, text));
      }
    }
  }
  CHECK(candidates < runs);  // the filter passes over some words
}

TEST_CASE("the term index takes terms RE2 would reject back to RE2") {
  TermIndex index;
  CHECK_FALSE(index.Add(0, 0, "   "));
  CHECK_FALSE(index.Add(1, 0, std::string("bad\xff")));  // FoldForMatching may repair it
  CHECK_FALSE(index.Add(2, 0, std::string(5000, 'a')));
  CHECK(index.Add(3, 0, "bus"));
}

// The entries of a set mixing terms and patterns, with one term a prefix of another and terms
// of one entry overlapping.
CueSet MixedSet() {
  CueSet set(false);
  std::string error;
  auto term = [&](int entry, const std::string& t) {
    REQUIRE(set.AddTerm(entry, TermToRegex(t), t, &error));
  };
  auto pattern = [&](int entry, const std::string& p) { REQUIRE(set.Add(entry, p, p, &error)); };
  term(0, "bus");
  term(0, "bus stop*");
  term(0, "buses");
  term(1, "stop");
  term(1, "bus stop");
  pattern(1, R"(\bstop\w*\s+and\b)");
  pattern(1, R"(\b(bus|train)\b.{0,12}\bfine\b)");
  term(2, "café*");
  term(2, "a&e");
  pattern(3, R"([.;:!?()\[\]\n])");
  pattern(3, R"(\s-\s)");
  term(4, "no problem*");
  term(4, "problem");
  REQUIRE(set.Compile());
  return set;
}

TEST_CASE("a scan gives every start of each entry's leftmost-first alternation") {
  const CueSet set = MixedSet();
  for (const std::string& text : Texts()) {
    TextWords words;
    words.Build(text);
    CueScan scan;
    set.Scan(text, words, &scan);
    for (int entry = 0; entry <= 4; ++entry) {
      std::string alternation;
      for (int i : set.ExprsOf(entry)) {
        alternation += (alternation.empty() ? "(?:" : "|(?:") + set.regex(i) + ")";
      }
      RE2 re(alternation, Folded());
      REQUIRE(re.ok());
      INFO("entry " << entry << " " << alternation << " text '" << text << "'");
      std::vector<Span> fast;
      CueScan::Cursor cursor(scan, entry);
      CueScan::Occurrence occurrence;
      while (cursor.Next(&occurrence)) {
        const CueScan::Occurrence* o = &occurrence;
        fast.emplace_back(o->begin, o->end);
        // The expression is the first, in the order added, that matches at the start.
        int expected = -1;
        for (int i : set.ExprsOf(entry)) {
          size_t end;
          if (set.MatchAt(i, text, o->begin, &end)) {
            expected = i;
            break;
          }
        }
        const int got = o->expr >= 0 ? o->expr : set.PatternAt(entry, text, o->begin);
        CHECK(got == expected);
      }
      CHECK(fast == Re2Starts(re, text));
    }
  }
}

const Lexicon& Small() {
  static const Lexicon lexicon = [] {
    LexiconSpec spec;
    Status status = ParseLexiconToml(R"toml([[outcome]]
id = "O1"
name = "Getting about"
short_name = "Travel"
terms = ["travel*"]

[[theme]]
id = "transport"
name = "Transport"
outcomes = ["O1"]
terms = ["bus", "buses", "bus stop*", "train*"]
exclude_terms = ["bus pass", "trainers"]

[[theme]]
id = "cafes"
name = "Cafés"
outcomes = ["O1"]
terms = ["café*"]
)toml", "small.toml", &spec);
    REQUIRE(status.ok());
    spec.qualifiers.present = true;
    spec.qualifiers.window = 3;
    spec.qualifiers.negation_before.terms = {"no problem*"};
    spec.qualifiers.hedge_after.terms = {"i suppose"};
    spec.qualifiers.pseudo.terms = {"no problem at all"};
    spec.qualifiers.boundaries.terms = {"but"};
    spec.qualifiers.boundaries.patterns = {R"([.;!?])"};
    Result<Lexicon> compiled = Lexicon::Compile(std::move(spec));
    REQUIRE(compiled.ok());
    return *compiled;
  }();
  return lexicon;
}

std::string Fold(const std::string& text) { return FoldForMatching(text).text; }

TEST_CASE("a theme's first hit skips excluded matches and takes the first term added") {
  const Lexicon& lexicon = Small();
  // "bus pass" takes away the first "bus"; the hit is then "bus stop" at 18, where "bus"
  // (added first) matches too and wins with its own end.
  std::string text = Fold("My bus pass and a bus stops here.");
  std::vector<Hit> hits = lexicon.FindThemes(text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].pattern == "bus");
  CHECK(hits[0].start == 18);
  CHECK(hits[0].end == 21);
  // "trainers" takes away "train*" where they overlap, not a later "trains".
  text = Fold("Trainers, then trains.");
  hits = lexicon.FindThemes(text);
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].start, hits[0].end - hits[0].start) == "trains");
  // Non-ASCII: "café*" runs on over ASCII letters only after the "é".
  text = Fold("Two CAFÉS and a cafétéria.");
  hits = lexicon.FindThemes(text);
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].start, hits[0].end - hits[0].start) == "cafés");
}

TEST_CASE("negation stops at a clause boundary and needs every occurrence qualified") {
  const Lexicon& lexicon = Small();
  const int transport = 0;
  // One occurrence, negated within the window.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problems with the bus.")) ==
        Qualifier::kNegated);
  // The boundary "but" puts the cue in another clause.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problems, but the bus is late.")) ==
        Qualifier::kNone);
  // A full stop does too.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problems. The bus is late.")) ==
        Qualifier::kNone);
  // Too many words between cue and hit (window 3).
  CHECK(lexicon.QualifyTheme(transport, Fold("No problems with the old red bus.")) ==
        Qualifier::kNone);
  // A second, plain occurrence makes the theme plain.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problems with the bus. Trains are late.")) ==
        Qualifier::kNone);
  // Negated in one clause, hedged in the next: negated wins.
  CHECK(lexicon.QualifyTheme(transport,
                             Fold("No problems with the bus. Trains, I suppose.")) ==
        Qualifier::kNegated);
  // An excluded occurrence does not count either way.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problem with buses; my bus pass.")) ==
        Qualifier::kNegated);
  // A pseudo cue overlapping the trigger cancels it.
  CHECK(lexicon.QualifyTheme(transport, Fold("No problem at all, the bus.")) ==
        Qualifier::kNone);
  CHECK(lexicon.QualifyTheme(transport, Fold("No problem now, the bus.")) ==
        Qualifier::kNegated);
  // The same text asked twice, and another text between, gives the same answers.
  const std::string a = Fold("No problems with the bus.");
  const std::string b = Fold("The bus, I suppose.");
  CHECK(lexicon.QualifyTheme(transport, a) == Qualifier::kNegated);
  CHECK(lexicon.QualifyTheme(transport, b) == Qualifier::kHedged);
  CHECK(lexicon.QualifyTheme(transport, a) == Qualifier::kNegated);
  CHECK(lexicon.QualifySpan(a, a.find("bus"), a.find("bus") + 3) == Qualifier::kNegated);
}

}  // namespace
}  // namespace heard
