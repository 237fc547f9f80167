// Display text and folded match text: what is replaced, what is folded, and the byte map between
// them.
#include "heard/normalise.h"

#include <catch2/catch.hpp>
#include <string>

namespace heard {
namespace {

std::string Display(std::string_view raw, bool* had_invalid = nullptr) {
  bool ignored = false;
  return ToDisplayText(raw, had_invalid != nullptr ? had_invalid : &ignored);
}

// The display text behind folded bytes [b, e).
std::string Behind(const FoldedText& folded, std::string_view display, size_t b, size_t e) {
  auto [start, end] = folded.ToDisplay(b, e);
  return std::string(display.substr(start, end - start));
}

// Every folded byte maps to a non-empty display span, in display order.
void CheckMap(const FoldedText& folded, std::string_view display) {
  REQUIRE(folded.start.size() == folded.text.size());
  REQUIRE(folded.end.size() == folded.text.size());
  size_t bad = 0;
  for (size_t i = 0; i < folded.text.size(); ++i) {
    bool ok = folded.start[i] < folded.end[i] && folded.end[i] <= display.size() &&
              (i == 0 || folded.start[i - 1] <= folded.start[i]);
    if (!ok) ++bad;
  }
  CHECK(bad == 0);
}

TEST_CASE("normalise: invalid UTF-8 becomes U+FFFD and is reported", "[normalise]") {
  bool had_invalid = false;
  CHECK(Display("a\xFF"
                "b",
                &had_invalid) ==
        "a\uFFFD"
        "b");
  CHECK(had_invalid);
  CHECK(Display("caf\xC3", &had_invalid) == "caf\uFFFD");  // cut off mid-character
  CHECK(had_invalid);
  CHECK(Display("\xED\xA0\x80", &had_invalid) != "\xED\xA0\x80");  // an encoded surrogate
  CHECK(had_invalid);
  CHECK(Display("caf\u00e9", &had_invalid) == "caf\u00e9");
  CHECK_FALSE(had_invalid);
}

TEST_CASE("normalise: line ends become LF, controls a space, tabs stay", "[normalise]") {
  CHECK(Display("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour");
  CHECK(Display(std::string("a\0b", 3)) == "a b");
  CHECK(Display("a\x01\x1f"
                "b\tc") == "a  b\tc");
}

TEST_CASE("normalise: display text is NFC", "[normalise]") {
  CHECK(Display("Cafe\u0301") == "Caf\u00e9");
  CHECK(Display("\u212b") == "\u00c5");  // angstrom sign
  CHECK(Display("\ufb01") == "\ufb01");  // compatibility forms stay for display
}

TEST_CASE("normalise: ASCII folds to lower case byte for byte", "[normalise]") {
  std::string display = "Hello World, GP 8AM!";
  FoldedText folded = FoldForMatching(display);
  CHECK(folded.text == "hello world, gp 8am!");
  for (size_t i = 0; i < display.size(); ++i) {
    CHECK(folded.start[i] == i);
    CHECK(folded.end[i] == i + 1);
  }
  CHECK(FoldForMatching("").text.empty());
}

TEST_CASE("normalise: curly quotes, dashes and odd spaces become plain", "[normalise]") {
  CHECK(FoldForMatching("Doctor\u2019s \u201cGP\u201d").text == "doctor's \"gp\"");
  CHECK(FoldForMatching("\u2018a\u2019 \u201ab\u201b it\u02bcs 5\u2032 6\u2033").text ==
        "'a' 'b' it's 5' 6\"");
  CHECK(FoldForMatching("9\u20135 \u2014 x\u2212y \u2010 \ufe58 \ufe63 \uff0d").text ==
        "9-5 - x-y - - - -");
  CHECK(FoldForMatching("Paddock\u00a0Wood\u202fnow\u2009then\u3000end").text ==
        "paddock wood now then end");
  FoldedText folded = FoldForMatching("a\u00a0b");
  CHECK(folded.text == "a b");
  CHECK(folded.start[1] == 1);
  CHECK(folded.end[1] == 3);
}

TEST_CASE("normalise: ß folds to ss, both bytes behind the one letter", "[normalise]") {
  std::string display = "Stra\u00dfe";
  FoldedText folded = FoldForMatching(display);
  CHECK(folded.text == "strasse");
  CheckMap(folded, display);
  CHECK(Behind(folded, display, 4, 5) == "\u00df");
  CHECK(Behind(folded, display, 4, 6) == "\u00df");
  CHECK(Behind(folded, display, 3, 7) == "a\u00dfe");
}

TEST_CASE("normalise: accents are kept and map to their letters", "[normalise]") {
  std::string display = "CAF\u00c9 na\u00efve";
  FoldedText folded = FoldForMatching(display);
  CHECK(folded.text == "caf\u00e9 na\u00efve");
  CheckMap(folded, display);
  CHECK(Behind(folded, display, 3, 5) == "\u00c9");
  // A letter and a combining mark with no precomposed form stay one segment.
  display = "xq\u0307y";
  folded = FoldForMatching(display);
  CHECK(folded.text == "xq\u0307y");
  CheckMap(folded, display);
  CHECK(folded.start[1] == 1);
  CHECK(folded.end[1] == 4);
  CHECK(folded.start[2] == 1);
  CHECK(Behind(folded, display, 4, 5) == "y");
}

TEST_CASE("normalise: compatibility forms fold and still map back", "[normalise]") {
  std::string display = "\uff27\uff30 of\ufb01ce co\u00adop";
  FoldedText folded = FoldForMatching(display);
  CHECK(folded.text == "gp office coop");
  CheckMap(folded, display);
  CHECK(Behind(folded, display, 0, 2) == "\uff27\uff30");
  CHECK(Behind(folded, display, 5, 7) == "\ufb01");
  CHECK(FoldForMatching("\u2034").text == "'''");
  CHECK(FoldForMatching("\u03a3\u0394 \u0414\u0430 \u216b \u2460 \u00c5").text ==
        "\u03c3\u03b4 \u0434\u0430 xii 1 \u00e5");
}

TEST_CASE("normalise: a letter and a following combining mark fold as one", "[normalise]") {
  // Not NFC display text, but folding must still keep the pair together.
  std::string display = "Cafe\u0301!";
  FoldedText folded = FoldForMatching(display);
  CHECK(folded.text == "caf\u00e9!");
  CheckMap(folded, display);
  CHECK(Behind(folded, display, 3, 5) == "e\u0301");
  CHECK(Behind(folded, display, 5, 6) == "!");
}

TEST_CASE("normalise: a match in folded text maps to the visible text", "[normalise]") {
  std::string display = "Gro\u00dfe Sorge \u2013 \u201cMy GP\u2019s Appointments\u201d";
  FoldedText folded = FoldForMatching(display);
  CheckMap(folded, display);
  size_t b = folded.text.find("gp's appointments");
  REQUIRE(b != std::string::npos);
  CHECK(Behind(folded, display, b, b + 17) == "GP\u2019s Appointments");
  b = folded.text.find("grosse");
  CHECK(Behind(folded, display, b, b + 6) == "Gro\u00dfe");
  b = folded.text.find("sorge - ");
  CHECK(Behind(folded, display, b, b + 8) == "Sorge \u2013 ");
}

TEST_CASE("normalise: NormaliseRecord sets text, match text and the invalid flag", "[normalise]") {
  Record record;
  record.text = "Bad \xC0 byte\r\nand \u201cGP\u201d";
  FoldedText folded = NormaliseRecord(record);
  CHECK(record.text == "Bad \uFFFD byte\nand \u201cGP\u201d");
  CHECK(record.match_text == folded.text);
  CHECK(record.match_text == "bad \uFFFD byte\nand \"gp\"");
  CHECK((record.flags & kFlagInvalidUtf8) != 0);
  CheckMap(folded, record.text);

  Record clean;
  clean.text = "fine";
  NormaliseRecord(clean);
  CHECK(clean.flags == 0);
  CHECK(clean.match_text == "fine");
}

TEST_CASE("normalise: a long mixed text keeps its map consistent", "[normalise]") {
  std::string display;
  for (int i = 0; i < 2000; ++i)
    display += "Ma\u00dfnahme \u2013 caf\u00e9 GP\u2019s e\u0301 \ufb01 ";
  display = Display(display);
  FoldedText folded = FoldForMatching(display);
  CheckMap(folded, display);
  CHECK(folded.text.size() > display.size() / 2);
}

}  // namespace
}  // namespace heard
