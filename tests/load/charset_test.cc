#include "heard/charset.h"

#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "heard/normalise.h"

namespace {

using heard::DecodeOptions;
using heard::EncodingDecision;

struct Decoded {
  std::string text;
  EncodingDecision decision;
};

Decoded Decode(const std::string& bytes, const DecodeOptions& options = {}) {
  std::istringstream raw(bytes);
  Decoded out;
  auto utf8 = heard::OpenUtf8(raw, &out.decision, options);
  std::ostringstream text;
  text << utf8->rdbuf();
  out.text = text.str();
  return out;
}

std::string Utf16(const std::string& utf8, bool little_endian) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  for (int32_t i = 0; i < s.length(); ++i) {
    const char16_t unit = s.charAt(i);
    const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return out;
}

const std::string kStressFile = std::string(HEARD_SOURCE_DIR) + "/tests/data/utf8/UTF-8-test.txt";

}  // namespace

TEST_CASE("charset: windows-1252 bytes are detected and converted", "[charset]") {
  const std::string bytes =
      "Respondent ID,Comment\r\n1,\x93Too far\x94 to the surgery, \x80"
      "5 or \xA3"
      "5 each way\r\n"
      "2,The caf\xE9 at the hub closed\r\n";
  const Decoded d = Decode(bytes);
  CHECK(d.decision.encoding == "windows-1252");
  CHECK_FALSE(d.decision.note.empty());
  CHECK(d.text ==
        "Respondent ID,Comment\r\n1,\u201CToo far\u201D to the surgery, \u20AC5 or \u00A35 each "
        "way\r\n2,The caf\u00E9 at the hub closed\r\n");
}

TEST_CASE("charset: ICU's ISO-8859-1 answer is read as windows-1252", "[charset]") {
  // Enough Latin-1 letters for ICU's n-gram detector, none in 0x80-0x9F.
  std::string bytes;
  for (int i = 0; i < 20; ++i) bytes += "Le caf\xE9 pr\xE8s de la gare est ferm\xE9 le soir.\n";
  const Decoded d = Decode(bytes);
  CHECK(d.decision.encoding == "windows-1252");
  CHECK(d.decision.note.find("read as windows-1252") != std::string::npos);
  CHECK(d.text.find("caf\u00E9 pr\u00E8s") != std::string::npos);
}

TEST_CASE("charset: a lone pound sign is not trusted to ICU's guess", "[charset]") {
  const Decoded d = Decode(
      "Respondent ID,Q1\n1,\xA3"
      "10 a week on bus fares\n");
  CHECK(d.decision.encoding == "windows-1252");
  CHECK(d.text == "Respondent ID,Q1\n1,\u00A310 a week on bus fares\n");
}

TEST_CASE("charset: bytes the source encoding cannot map become U+FFFD", "[charset]") {
  // A lone high surrogate in UTF-16LE, then an 'a'.
  const Decoded d = Decode(std::string("\xFF\xFE\x00\xD8\x61\x00", 6));
  CHECK(d.text == "\uFFFDa");
}

TEST_CASE("charset: windows-1252's five unassigned bytes map to C1 controls, as WHATWG's",
          "[charset]") {
  const Decoded d = Decode(
      "a\x81"
      "b \x93q\x94\n",
      {"windows-1252"});
  CHECK(d.text == "a\u0081b \u201Cq\u201D\n");
}

TEST_CASE("charset: a UTF-8 BOM is stripped", "[charset]") {
  const Decoded d = Decode("\xEF\xBB\xBFid,text\n1,caf\xC3\xA9\n");
  CHECK(d.text == "id,text\n1,caf\u00E9\n");
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.decision.had_bom);
  CHECK(d.decision.note == "UTF-8 BOM");
}

TEST_CASE("charset: UTF-16 with a BOM is converted, surrogate pairs included", "[charset]") {
  const std::string text = "id,text\r\n1,Caf\u00E9 \u20AC5 \U0001F600\r\n";
  Decoded d = Decode("\xFF\xFE" + Utf16(text, true));
  CHECK(d.decision.encoding == "UTF-16LE");
  CHECK(d.decision.had_bom);
  CHECK(d.text == text);
  d = Decode("\xFE\xFF" + Utf16(text, false));
  CHECK(d.decision.encoding == "UTF-16BE");
  CHECK(d.text == text);
}

TEST_CASE("charset: UTF-16LE without a BOM is recognised by its NUL bytes", "[charset]") {
  const std::string text = "id,text\n1,Waiting times at the walk-in centre\n";
  const Decoded d = Decode(Utf16(text, true));
  CHECK(d.decision.encoding == "UTF-16LE");
  CHECK(d.text == text);
}

TEST_CASE("charset: a declared encoding is honoured", "[charset]") {
  Decoded d = Decode("caf\xE9\n", {"windows-1252"});
  CHECK(d.decision.encoding == "windows-1252");
  CHECK(d.decision.note.rfind("declared", 0) == 0);
  CHECK(d.text == "caf\u00E9\n");

  d = Decode(
      "\xA3"
      "5\n",
      {"ISO-8859-2"});  // honoured even where it looks wrong
  CHECK(d.decision.encoding == "ISO-8859-2");
  CHECK(d.text == "\u01415\n");

  d = Decode("caf\xE9\n", {"latin1"});
  CHECK(d.decision.encoding == "windows-1252");
  CHECK(d.decision.note == "declared latin1, read as its superset windows-1252");

  d = Decode("caf\xC3\xA9\n", {"utf8"});
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.text == "caf\u00E9\n");

  d = Decode("caf\xC3\xA9\n", {"no-such-encoding"});
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.decision.note.find("unknown to ICU") != std::string::npos);
}

TEST_CASE("charset: a BOM wins over the declared encoding", "[charset]") {
  const Decoded d = Decode(
      "\xEF\xBB\xBF"
      "caf\xC3\xA9",
      {"windows-1252"});
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.text == "caf\u00E9");
}

TEST_CASE("charset: a UTF-8 sequence cut by the end of the sniffed prefix is still valid",
          "[charset]") {
  DecodeOptions options;
  options.sniff_bytes = 5;  // "abcd" and the first byte of e-acute
  const Decoded d = Decode("abcd\xC3\xA9 and more", options);
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.decision.note.rfind("valid UTF-8", 0) == 0);
  CHECK(d.text == "abcd\u00E9 and more");
}

TEST_CASE("charset: UTF-8 passes through unchanged across many blocks", "[charset]") {
  std::string text;
  while (text.size() < 300000) text += "Gr\u00FC\u00DFe \u2014 \u20AC \U0001F600 caf\u00E9; ";
  const Decoded d = Decode(text);
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.text == text);
}

TEST_CASE("charset: chunk boundaries inside multi-byte characters", "[charset]") {
  SECTION("UTF-16LE: a surrogate pair across the 64 KiB block boundary") {
    // BOM (2 bytes), then 32766 'a' units = 65534 bytes, then the pair at 65534..65537.
    const std::string text = std::string(32766, 'a') + "\U0001F600" + std::string(40000, 'b');
    const Decoded d = Decode("\xFF\xFE" + Utf16(text, true));
    CHECK(d.text == text);
  }
  SECTION("UTF-16LE: a code unit split by an odd-sized prefix") {
    const std::string text = std::string(1000, 'x') + "\u00E9\U0001F600" + std::string(70000, 'y');
    DecodeOptions options;
    options.sniff_bytes = 1001;
    const Decoded d = Decode("\xFF\xFE" + Utf16(text, true), options);
    CHECK(d.text == text);
  }
  SECTION("Shift_JIS: double-byte characters on every boundary") {
    // U+3042 HIRAGANA A is 0x82 0xA0 in Shift_JIS; an odd ASCII lead shifts the pairs.
    std::string bytes = "x";
    std::string expected = "x";
    for (int i = 0; i < 70000; ++i) {
      bytes += "\x82\xA0";
      expected += "\u3042";
    }
    const Decoded d = Decode(bytes, {"Shift_JIS"});
    CHECK(d.text == expected);
  }
}

TEST_CASE("charset: ASCII for more than the sniffed prefix, then windows-1252",
          "[charset][regression]") {
  std::string bytes;
  while (bytes.size() < 100000) bytes += "1,plain ascii answer about buses\n";
  std::string expected = bytes;
  for (int i = 0; i < 20; ++i) {
    bytes +=
        "2,\x93The caf\xE9 is \xA3"
        "3\x94\n";
    expected += "2,\u201CThe caf\u00E9 is \u00A33\u201D\n";
  }
  EncodingDecision decision;
  std::istringstream raw(bytes);
  auto utf8 = heard::OpenUtf8(raw, &decision);
  CHECK(decision.note.rfind("ASCII only", 0) == 0);
  std::ostringstream text;
  text << utf8->rdbuf();
  CHECK(text.str() == expected);
  CHECK(decision.encoding == "windows-1252");
  CHECK(decision.note.find("ASCII only for the first") != std::string::npos);
}

TEST_CASE("charset: ASCII for more than the prefix, then UTF-8 near a block end",
          "[charset][regression]") {
  // The first non-ASCII byte falls a few bytes before the end of a read block,
  // so the reader must carry it into the next block to judge it.
  std::string bytes(65536 + 65536 - 3, 'a');
  bytes += "\u00E9\u00E9 and then more text";
  const Decoded d = Decode(bytes);
  CHECK(d.decision.encoding == "UTF-8");
  CHECK(d.text == bytes);
}

TEST_CASE("charset: empty input gives empty text", "[charset]") {
  const Decoded d = Decode("");
  CHECK(d.text.empty());
  CHECK(d.decision.encoding == "UTF-8");
}

TEST_CASE("charset: Markus Kuhn's UTF-8 stress test", "[charset][utf8]") {
  std::ifstream raw(kStressFile, std::ios::binary);
  REQUIRE(raw.good());
  EncodingDecision decision;
  auto utf8 = heard::OpenUtf8(raw, &decision);
  std::ostringstream out;
  out << utf8->rdbuf();
  const std::string text = out.str();
  INFO(decision.note);
  CHECK(decision.encoding == "UTF-8");
  bool had_invalid = false;
  const std::string display = heard::ToDisplayText(text, &had_invalid);
  CHECK(had_invalid);
  // "kosme" is written with U+1F79, which NFC maps to U+03CC.
  CHECK(text.find("\"\u03BA\u1F79\u03C3\u03BC\u03B5\"") != std::string::npos);
  CHECK(display.find("\"\u03BA\u03CC\u03C3\u03BC\u03B5\"") != std::string::npos);
  CHECK(display.find("THE END") != std::string::npos);
  // 3.1.1 first continuation byte 0x80, 5.1.1 a lone high surrogate (ed a0 80).
  CHECK(display.find("First continuation byte 0x80: \"\uFFFD\"") != std::string::npos);
  CHECK(display.find("U+D800 = ed a0 80 = \"\uFFFD") != std::string::npos);
  // Everything that comes out is valid UTF-8 and none of the bytes that can never appear.
  CHECK(heard::ToDisplayText(display, &had_invalid) == display);
  CHECK_FALSE(had_invalid);
  bool impossible_byte = false;
  for (const unsigned char c : display) impossible_byte |= c == 0xC0 || c == 0xC1 || c >= 0xF5;
  CHECK_FALSE(impossible_byte);
}
