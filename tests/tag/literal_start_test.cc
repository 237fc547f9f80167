// LiteralStart against RE2 itself: a pattern searched only where one of its literal heads
// begins (CueSet::NextMatchBefore given the text's words) must find exactly what RE2's own
// unanchored search finds (the same call without words), from every position and with every
// bound. The patterns include shapes the heads must refuse (an optional first group, a
// top-level '|', flags), which a wrong reading would make miss matches.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "heard/normalise.h"
#include "tag/cue_set.h"
#include "tag/literal_start.h"
#include "tag/term_index.h"

namespace heard {
namespace {

const std::vector<std::string>& Patterns() {
  static const std::vector<std::string> patterns = {
      R"(\b(my|our|local) (doctors?|docs?|surgery|practice)\b)",
      R"(\b(get|got|getting|gets)\s+(thru|through)\s+to\s+(the|my)\s+(surgery|gp)\b)",
      R"(\b(can[\x27]?t|cannot|never) (get|book) (a |an )?ap{1,2}oi?n?t?ments?\b)",
      R"(\b(gp|doctors?|docs|surgery)\b.{0,25}\bap{1,2}oi?n?t?ments?\b)",
      R"(\b(8|eight)\s*(am|o[\x27]?clock)\b.{0,50}\b(phone|queue|rush)\b)",
      R"(\bnot\s+relevant\b)",
      R"(\b(?:bus|buses)\s+stops?\b)",
      R"(\b(a)?bus\b)",          // optional group: must be refused
      R"(\b(a|b)*bus\b)",        // repeated group: must be refused
      R"(\bbus|stop)",           // top-level '|': "stop" has no \b, must be refused
      R"(\b(?i)BUS\b)",          // flags: refused
      R"(\bbuse?s?\b)",          // quantifier after the head's last character
      R"(\bb+us\b)",
      R"(\b(x{0,1}bus|train)\b)",
      R"(\b(don't|do not)\s+(really\s+)?(need|use)\b)",
      R"(\b(is|are|'s|'re)\s+(fine)\s+for\s+(me|us)\b)",
      R"(\b_?x\b)",
      R"(\bk\w*)",               // 'k' also matches KELVIN SIGN case-insensitively
      R"(\bs\w+)",               // 's' also matches LONG S
      R"(\b(ab|a)\b)",
      R"(\b[a-c]us\b)",          // no literal head: refused
  };
  return patterns;
}

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = {
      "my doctors said our docs surgery, local practice; mydoctor my doctor",
      "I can't get an appointment, cant book a apointment, never get apppointment",
      "gp xx appointments and the surgery and then, well, the appt; docs appointment",
      "at 8am the phone; eight o'clock queue; 8 oclock rush, 8am nothing",
      "it is not relevant. notrelevant not  relevant",
      "bus stops, buses stop, abus bus, bbus bbbus, BUS, Bus, busstop stop",
      "bus_stop xbus trainbus train bus 2bus bu bus",
      "don't really need, do not use, dont need, 's fine for me, are fine for us",
      "x _x __x ab a abc kayak kit \xE2\x84\xAA" "it s \xC5\xBF" "ee sea",
      "", "b", "a", "  bus", "bus  ",
  };
  return texts;
}

// The searches CueScan makes: from `pos`, stopping at `bound`, with and without the words.
void Compare(const CueSet& set, int i, std::string_view text, const TextWords& words) {
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    for (size_t bound : {pos, pos + 1, pos + 7, std::string_view::npos}) {
      size_t rb = 0, re = 0, rr = 0, fb = 0, fe = 0, fr = 0;
      const int slow = set.NextMatchBefore(i, text, nullptr, pos, std::string_view::npos, &rb,
                                           &re, &rr);
      const int fast = set.NextMatchBefore(i, text, &words, pos, bound, &fb, &fe, &fr);
      INFO("pattern " << set.regex(i) << " text '" << text << "' pos " << pos << " bound "
                      << bound);
      REQUIRE(slow != 2);
      if (fast == 2) {
        // No match before the resume point, which is at or after the bound.
        CHECK(fr >= bound);
        if (slow == 1) CHECK(rb >= fr);
      } else {
        CHECK(fast == slow);
        if (slow == 1) CHECK(fb == rb);
        if (slow == 1) CHECK(fe == re);
      }
    }
  }
}

TEST_CASE("patterns searched by their literal heads find what RE2 finds", "[tag][literal]") {
  for (bool case_sensitive : {false, true}) {
    CueSet set(case_sensitive);
    std::string error;
    for (const std::string& p : Patterns()) REQUIRE(set.Add(0, p, p, &error));
    REQUIRE(set.Compile());
    for (std::string text : Texts()) {
      for (bool fold : {false, true}) {
        if (fold) text = FoldForMatching(text).text;
        TextWords words;
        words.Build(text);
        // CueSet::Scan passes no words for such a text; the heads would be wrong on it.
        if (!case_sensitive && MayFoldToAscii(text)) continue;
        for (int i = 0; i < static_cast<int>(set.size()); ++i) Compare(set, i, text, words);
      }
    }
  }
}

TEST_CASE("literal heads are read only from patterns of the known shape", "[tag][literal]") {
  LiteralStart start;
  REQUIRE(start.Read(R"(\b(my|our|local) (doctors?|docs?)\b)", false));
  CHECK(start.heads() == std::vector<std::string>{"local", "my", "our"});
  REQUIRE(start.Read(R"(\b(Doctors?|gp)\b)", false));
  CHECK(start.heads() == std::vector<std::string>{"doctor", "gp"});
  REQUIRE(start.Read(R"(\bPaddock[\s\p{Zs}]+Wood\b)", true));
  CHECK(start.heads() == std::vector<std::string>{"Paddock"});
  CHECK(start.At("in Paddock Wood", 3));
  CHECK_FALSE(start.At("in paddock wood", 3));
  CHECK_FALSE(start.Read(R"(\b(a)?bus\b)", false));
  CHECK_FALSE(start.Read(R"(\bbus|stop)", false));
  CHECK_FALSE(start.Read(R"(\b(?i)bus)", false));
  CHECK_FALSE(start.Read(R"(\b[a-c]us\b)", false));
  CHECK_FALSE(start.Read(R"((my|our)\b)", false));
  CHECK_FALSE(start.Read(R"(\b(-a|b))", false));
  CHECK(MayFoldToAscii("\xE2\x84\xAA"));
  CHECK_FALSE(MayFoldToAscii("k s"));
}

// The leftmost non-empty match of `re` at or after `pos`, as RE2's own search finds it.
bool Re2Next(const RE2& re, std::string_view text, size_t pos, size_t* b, size_t* e) {
  re2::StringPiece piece(text.data(), text.size());
  for (; pos <= text.size(); ++pos) {
    re2::StringPiece m;
    if (!re.Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) return false;
    *b = static_cast<size_t>(m.data() - text.data());
    *e = *b + m.size();
    if (!m.empty()) return true;
    pos = *b;
  }
  return false;
}

TEST_CASE("byte-run patterns find what RE2 finds", "[tag][literal]") {
  const std::vector<std::string> patterns = {
      R"([.;:!?()\[\]\n])", R"(\s-\s)", R"(\d\d:\d)", R"([,&]\s)", R"(--)", R"(\.\.\.)",
      R"(\s\t)", R"([\x27"])",  // \x escapes are not read: RE2 searches them
  };
  const std::vector<std::string> texts = {
      "Buses. Trains; cars: ok! why? (yes) [no]\nnext - one -two - \t-\tx",
      "at 10:30 and 9:5, 12:45pm; a, b & c,d --- -- ... .. . '\"",
      "\xE2\x80\x94 caf\xC3\xA9 - \xC2\xA0-\xC2\xA0 \f-\r \v-\v end.", "", ".", " - "};
  for (bool case_sensitive : {false, true}) {
    RE2::Options options;
    options.set_case_sensitive(case_sensitive);
    CueSet set(case_sensitive);
    std::string error;
    for (const std::string& p : patterns) REQUIRE(set.Add(0, p, p, &error));
    REQUIRE(set.Compile());
    for (int i = 0; i < static_cast<int>(set.size()); ++i) {
      RE2 re(set.regex(i), options);
      for (const std::string& text : texts) {
        for (size_t pos = 0; pos <= text.size(); ++pos) {
          size_t rb = 0, re_end = 0, fb = 0, fe = 0;
          const bool want = Re2Next(re, text, pos, &rb, &re_end);
          INFO("pattern " << set.regex(i) << " text '" << text << "' pos " << pos);
          REQUIRE(set.NextMatch(i, text, pos, &fb, &fe) == want);
          if (want) CHECK((fb == rb && fe == re_end));
        }
      }
    }
  }
}

TEST_CASE("byte runs are read only from patterns of the known shape", "[tag][literal]") {
  ByteSequence bytes;
  CHECK(bytes.Read(R"([.;:!?()\[\]\n])"));
  CHECK(bytes.Read(R"(\s-\s)"));
  CHECK_FALSE(bytes.Read(R"([a-c])"));
  CHECK_FALSE(bytes.Read(R"([^.])"));
  CHECK_FALSE(bytes.Read(R"(\s+-)"));
  CHECK_FALSE(bytes.Read(R"(a\.)"));
  CHECK_FALSE(bytes.Read(R"(\S-)"));
  CHECK_FALSE(bytes.Read(R"(\b-)"));
  CHECK_FALSE(bytes.Read(R"(.)"));
  CHECK_FALSE(bytes.Read(R"([.]?)"));
  CHECK_FALSE(bytes.Read(""));
}

}  // namespace
}  // namespace heard
