#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "heard/office.h"
#include "load/notes_test_lexicon.h"
#include "load/office_fixture.h"

namespace heard {
namespace {

using testing::AttributeOf;
using testing::Drain;
using testing::MakeDocx;
using testing::MakeZip;
using testing::NotesLexicon;
using testing::P;
using testing::Reconciles;
using testing::TagValues;
using Strings = std::vector<std::string>;

const SourceContext kContext{"2026 refresh", "workshops/west_kent.docx", "in/west_kent.docx"};

std::string TextOf(const std::string& docx) {
  Result<WordText> text = ReadWordText(docx);
  REQUIRE(text.ok());
  return text->text;
}

const char* const kNumbering =
    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>";

std::string Bullet(const std::string& text, int num_id = 3, int level = 0) {
  return P(text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
                     std::to_string(num_id) + "\"/></w:numPr>");
}

TEST_CASE("docx: runs split inside words, tabs, breaks and smart quotes read as written",
          "[docx]") {
  const std::string body =
      "<w:p><w:r><w:t>Par</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>king</w:t></w:r>"
      "<w:r><w:t xml:space=\"preserve\"> at the \u201Cnew\u201D </w:t></w:r>"
      "<w:r><w:t>hospital isn\u2019t free</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Group: Carers</w:t><w:br/><w:t>Date: 2026-03-01</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Code</w:t><w:tab/><w:t>Name</w:t></w:r></w:p>";
  CHECK(TextOf(MakeDocx(body)) ==
        "Parking at the \u201Cnew\u201D hospital isn\u2019t free\n\n"
        "Group: Carers\nDate: 2026-03-01\n\n"
        "Code\tName\n");
}

TEST_CASE("docx: tracked deletions are not read, insertions are; hyperlinks and fields read",
          "[docx]") {
  const std::string body =
      "<w:p><w:r><w:t xml:space=\"preserve\">Buses </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>never </w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">rarely "
      "</w:t></w:r></w:ins>"
      "<w:r><w:t xml:space=\"preserve\">run to </w:t></w:r>"
      "<w:hyperlink r:id=\"rId9\"><w:r><w:t>Sheerness</w:t></w:r></w:hyperlink>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:moveFrom w:id=\"3\" w:author=\"A\"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"
      "</w:p>";
  CHECK(TextOf(MakeDocx(body)) == "Buses rarely run to Sheerness\n");
}

TEST_CASE("docx: headings by style id, by a localised style name, by outline level; Title",
          "[docx]") {
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"MyHead\"><w:basedOn w:val=\"Kop2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Sect\"><w:pPr><w:outlineLvl w:val=\"2\"/>"
      "</w:pPr></w:style>";
  const std::string body = P("Workshop notes", "<w:pStyle w:val=\"Title\"/>") +
                           P("Outcome 1", "<w:pStyle w:val=\"Kop2\"/>") +
                           P("Based on a heading", "<w:pStyle w:val=\"MyHead\"/>") +
                           P("By outline", "<w:pStyle w:val=\"Sect\"/>") +
                           P("Direct outline", "<w:outlineLvl w:val=\"0\"/>") +
                           P("No styles part", "<w:pStyle w:val=\"Heading3\"/>");
  CHECK(TextOf(MakeDocx(body, styles)) ==
        "# Workshop notes\n\n## Outcome 1\n\n## Based on a heading\n\n### By outline\n\n"
        "# Direct outline\n\n### No styles part\n");
}

TEST_CASE("docx: bullets and numbered lists from numbering.xml and list styles", "[docx]") {
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
      "</w:style>";
  const std::string body = P("Intro") + Bullet("first") + Bullet("nested", 3, 1) +
                           Bullet("one", 4) + P("by style", "<w:pStyle w:val=\"ListBullet\"/>") +
                           Bullet("numbering switched off", 0) + Bullet("after");
  CHECK(TextOf(MakeDocx(body, styles, kNumbering)) ==
        "Intro\n\n- first\n  - nested\n1. one\n- by style\n\nnumbering switched off\n\n- after\n");
}

TEST_CASE("docx: content controls and nested tables are read, sections are not text", "[docx]") {
  const std::string body =
      "<w:sdt><w:sdtPr><w:alias w:val=\"Notes\"/></w:sdtPr><w:sdtContent>" + P("Inside a control") +
      "</w:sdtContent></w:sdt>" + "<w:tbl><w:tr><w:tc>" + P("Outer") + "<w:tbl><w:tr><w:tc>" +
      P("Inner a") + "</w:tc><w:tc>" + P("Inner b") +
      "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>" +
      "<w:p><w:r><w:t>Inline </w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>control</w:t></w:r>"
      "</w:sdtContent></w:sdt></w:p>" +
      "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>";
  CHECK(TextOf(MakeDocx(body)) ==
        "Inside a control\n\nOuter\n\nInner a\tInner b\n\nInline control\n");
}

TEST_CASE("docx: empty paragraphs, table rows and the paragraph numbers of lines", "[docx]") {
  const std::string body =
      P("Partners") + "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>" +
      "<w:tbl><w:tr><w:tc>" + P("TW") + "</w:tc><w:tc>" + P("Tunbridge Wells") +
      "</w:tc></w:tr><w:tr><w:tc>" + P("First cell para") + P("second para") + "</w:tc><w:tc>" +
      P("other cell") + "</w:tc></w:tr></w:tbl>" + P("After the table");
  Result<WordText> text = ReadWordText(MakeDocx(body));
  REQUIRE(text.ok());
  CHECK(text->text ==
        "Partners\n\nTW\tTunbridge Wells\n\nFirst cell para\n\nsecond para\n\nother cell\n\n"
        "After the table\n");
  // Paragraphs: 1 Partners, 2-3 empty, 4-5 the first row, 6-8 the second, 9 After.
  CHECK(text->paragraphs == 9);
  const std::vector<int64_t> expected = {1, 1, 4, 4, 6, 6, 7, 7, 8, 8, 9};
  CHECK(text->paragraph_of_line == expected);
}

TEST_CASE("docx: a short last paragraph is feedback, not a heading", "[docx]") {
  // Regression: a blank line written after the last paragraph made the
  // plain-text heading rule read "Parking costs too much" as a heading.
  std::istringstream in(MakeDocx(P("Outcome 1", "<w:pStyle w:val=\"Heading2\"/>") +
                                 Bullet("Buses are rare (TW)") + P("Parking costs too much")));
  auto source = OpenWordWorkshopNotes(in, kContext, NotesLexicon());
  const Batch b = Drain(*source);
  REQUIRE(b.records.size() == 2);
  CHECK(b.records[1].text == "Parking costs too much");
  CHECK(b.records[1].locator.ToString() == "paragraph 3");
}

TEST_CASE("docx: workshop notes load as the text form, locators give paragraphs", "[docx]") {
  const std::string body =
      P("West Kent workshop", "<w:pStyle w:val=\"Title\"/>") +                       // 1
      P("Partners", "<w:pStyle w:val=\"Heading2\"/>") +                              // 2
      "<w:tbl><w:tr><w:tc>" + P("TM") + "</w:tc><w:tc>" + P("Tonbridge Wells") +     // 3-4
      "</w:tc></w:tr></w:tbl>" + P("Outcome 1", "<w:pStyle w:val=\"Heading2\"/>") +  // 5
      "<w:p/>" +                                                                     // 6
      Bullet("More youth clubs (TM)(PCC)") +                                         // 7
      Bullet("An unknown code (QQ)") +                                               // 8
      P("Outcome 2", "<w:pStyle w:val=\"Heading2\"/>") +                             // 9
      Bullet("Damp housing (TW)");                                                   // 10
  std::istringstream in(MakeDocx(body, "", kNumbering));
  auto source = OpenWordWorkshopNotes(in, kContext, NotesLexicon());
  const Batch b = Drain(*source, 1);
  REQUIRE(b.records.size() == 3);
  CHECK(Reconciles(b));
  CHECK(b.rows_read == 10);  // paragraphs, not the lines they became

  const Record& youth = b.records[0];
  CHECK(youth.text == "More youth clubs");
  CHECK(TagValues(youth, TagKind::kOutcome) == Strings{"O1"});
  CHECK(TagValues(youth, TagKind::kDistrict) == Strings{"Tunbridge Wells"});  // legend table
  CHECK(TagValues(youth, TagKind::kPartner) == Strings{"Police and Crime Commissioner"});
  CHECK(AttributeOf(youth, "section") == "Outcome 1");
  CHECK(youth.locator.line_start == 7);
  CHECK(youth.locator.ToString() == "paragraph 7");
  CHECK(youth.id == MakeRecordId(kContext.round, kContext.source, youth.locator));
  CHECK(youth.tags[0].evidence.note == "paragraph 5");  // the heading's evidence

  CHECK(b.records[2].locator.ToString() == "paragraph 10");
  CHECK(TagValues(b.records[2], TagKind::kOutcome) == Strings{"O2"});

  REQUIRE(b.problems.size() == 1);
  CHECK(b.problems[0].severity == Problem::Severity::kWarning);
  CHECK(b.problems[0].file == "in/west_kent.docx");
  CHECK(b.problems[0].line == 8);
  CHECK(b.problems[0].column == "paragraph");
  CHECK(b.problems[0].reason == "unknown attribution code (QQ)");
}

TEST_CASE("docx: focus-group header lines, speakers and sections", "[docx]") {
  const std::string body =
      "<w:p><w:r><w:t>Group: Young carers</w:t><w:br/><w:t>District: Dover</w:t></w:r></w:p>" +
      P("School", "<w:pStyle w:val=\"Heading2\"/>") +
      P("P1: Teachers don\u2019t know I care for my mum") + P("n/a") +
      "<w:p><w:r><w:t>Facilitator: What helps?</w:t><w:br/><w:t>P2: A quiet room</w:t></w:r>"
      "</w:p>";
  std::istringstream in(MakeDocx(body));
  const SourceContext context{"2026 refresh", "groups/carers.docx", "in/carers.docx"};
  auto source = OpenWordFocusGroupNotes(in, context, NotesLexicon());
  const Batch b = Drain(*source);
  REQUIRE(b.records.size() == 3);
  CHECK(b.non_answers == 1);
  CHECK(Reconciles(b));
  const Record& r = b.records[0];
  CHECK(r.text == "Teachers don\u2019t know I care for my mum");
  CHECK(AttributeOf(r, "speaker") == "P1");
  CHECK(AttributeOf(r, "section") == "School");
  CHECK(AttributeOf(r, "group") == "Young carers");
  CHECK(TagValues(r, TagKind::kDistrict) == Strings{"Dover"});
  CHECK(r.locator.ToString() == "paragraph 3");
  // Two speakers' turns in one paragraph, split at the line break: two records, two ids.
  CHECK(b.records[1].text == "What helps?");
  CHECK(b.records[1].locator.ToString() == "paragraph 5");
  CHECK(b.records[2].text == "A quiet room");
  CHECK(AttributeOf(b.records[2], "speaker") == "P2");
  CHECK(b.records[2].locator.ToString() == "paragraph 5 (line 2)");
  CHECK(b.records[1].id != b.records[2].id);
  CHECK(source->info().encoding == "UTF-8");
}

// The whole file is one reject with file and reason; nothing is read, the ledger balances.
Batch LoadBroken(const std::string& bytes) {
  std::istringstream in(bytes);
  auto source = OpenWordWorkshopNotes(in, kContext, NotesLexicon());
  return Drain(*source);
}

TEST_CASE("docx: a corrupt or wrong file is a reject of the whole file", "[docx][bad-input]") {
  struct Case {
    std::string name, bytes, reason;
  };
  std::string truncated = MakeDocx(P("Some text that makes the archive longer than a header"));
  truncated.resize(truncated.size() / 2);
  const std::vector<Case> cases = {
      {"empty file", "", "not a Word document: the file is empty, not a zip archive"},
      {"text given a .docx name", "Outcome 1\n- buses (TW)\n",
       "not a Word document: not a readable zip archive (Not a zip archive)"},
      {"truncated download", truncated, "not a Word document: not a readable zip archive"},
      {"zip without word/document.xml", MakeZip({{"readme.txt", "hello"}}),
       "not a Word document: the archive has no part word/document.xml"},
      {"a workbook renamed", MakeZip({{"xl/workbook.xml", "<workbook/>"}}),
       "not a Word document: it is an Excel workbook (word/document.xml is missing)"},
      {"broken XML", MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}}),
       "word/document.xml is not well-formed XML"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Batch b = LoadBroken(c.bytes);
    CHECK(b.records.empty());
    CHECK(Reconciles(b));
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].severity == Problem::Severity::kReject);
    CHECK(b.problems[0].file == "in/west_kent.docx");
    CHECK(b.problems[0].line == 0);
    CHECK_THAT(b.problems[0].reason, Catch::Matchers::StartsWith(c.reason));
    CHECK_THAT(b.problems[0].reason, Catch::Matchers::EndsWith("the file was not read"));
  }
}

}  // namespace
}  // namespace heard
