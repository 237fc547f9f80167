#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "heard/notes.h"
#include "load/notes_test_lexicon.h"

namespace heard {
namespace {

using testing::AttributeOf;
using testing::Drain;
using testing::FindTag;
using testing::NotesLexicon;
using testing::ProblemsMentioning;
using testing::Reconciles;
using testing::TagValues;
using Strings = std::vector<std::string>;

const SourceContext kContext{"2026 refresh", "workshops/west_kent.md", "sample/west_kent.md"};

Batch LoadWorkshop(const std::string& text, const NotesOptions& options = {}, size_t per_call = 2) {
  std::istringstream in(text);
  std::unique_ptr<RecordSource> source = OpenWorkshopNotes(in, kContext, NotesLexicon(), options);
  return Drain(*source, per_call);
}

// The shape of a real write-up: title, header, legend, headings, coded bullets.
const char* const kWestKent =
    "# Health and Care Strategy - West Kent workshop notes\n"                      // 1
    "Date: 2026-03-12\n"                                                           // 2
    "\n"                                                                           // 3
    "## Partners\n"                                                                // 4
    "TW Tunbridge Wells\n"                                                         // 5
    "S  Sevenoaks\n"                                                               // 6
    "TM - Tonbridge Wells\n"                                                       // 7
    "PCC Police and Crime Commissioner's office\n"                                 // 8
    "\n"                                                                           // 9
    "## Outcome 1\n"                                                               // 10
    "- More youth clubs and safe places for teenagers in the evenings (TW)(S)\n"   // 11
    "- Family hubs are valued but parents in rural villages cannot get to them\n"  // 12
    "  without a car (TM)(PCC)\n"                                                  // 13
    "Outcome 2 Continued (1)\n"                                                    // 14
    "- Damp housing is making children ill (e.g. housing referral) (TW)\n"         // 15
    "- Unknown code here (QQ)\n"                                                   // 16
    "## General Points\n"                                                          // 17
    "* The strategy should say how it will be funded (S)\n";                       // 18

void CheckWestKent(const Batch& b) {
  REQUIRE(b.records.size() == 5);
  CHECK(b.items_read == 5);  // the legend is not feedback
  CHECK(b.non_answers == 0);
  CHECK(Reconciles(b));

  const Record& youth = b.records[0];
  CHECK(youth.text == "More youth clubs and safe places for teenagers in the evenings");
  CHECK(youth.channel == Channel::kWorkshop);
  CHECK(TagValues(youth, TagKind::kOutcome) == Strings{"O1"});
  CHECK(TagValues(youth, TagKind::kDistrict) == Strings{"Tunbridge Wells", "Sevenoaks"});
  CHECK(AttributeOf(youth, "section") == "Outcome 1");

  const Record& hubs = b.records[1];
  CHECK(hubs.text ==
        "Family hubs are valued but parents in rural villages cannot get to them without a car");
  CHECK(hubs.locator.line_start == 12);
  CHECK(hubs.locator.line_end == 13);
  CHECK(TagValues(hubs, TagKind::kDistrict) == Strings{"Tunbridge Wells"});  // TM, misspelt
  CHECK(TagValues(hubs, TagKind::kPartner) == Strings{"Police and Crime Commissioner"});
  const Tag* tm = FindTag(hubs, TagKind::kDistrict, "Tunbridge Wells");
  REQUIRE(tm != nullptr);
  CHECK(tm->origin == Origin::kAttributionCode);
  CHECK(tm->evidence.pattern == "TM");
  CHECK(tm->evidence.matched == "(TM)");
  CHECK(tm->evidence.note == "legend");

  const Record& damp = b.records[2];
  CHECK(damp.text == "Damp housing is making children ill (e.g. housing referral)");
  CHECK(TagValues(damp, TagKind::kOutcome) == Strings{"O2"});
  CHECK(AttributeOf(damp, "section") == "Outcome 2 Continued (1)");
  CHECK(TagValues(damp, TagKind::kDistrict) == Strings{"Tunbridge Wells"});

  const Record& unknown = b.records[3];
  CHECK(unknown.text == "Unknown code here");
  CHECK(TagValues(unknown, TagKind::kAttribution) == Strings{"QQ"});
  CHECK(TagValues(unknown, TagKind::kDistrict).empty());
  auto qq = ProblemsMentioning(b, "unknown attribution code (QQ)");
  REQUIRE(qq.size() == 1);
  CHECK(qq[0]->line == 16);
  CHECK(qq[0]->file == kContext.file);
  CHECK(qq[0]->severity == Problem::Severity::kWarning);

  const Record& funded = b.records[4];
  CHECK(funded.text == "The strategy should say how it will be funded");
  CHECK(TagValues(funded, TagKind::kOutcome) == Strings{"GEN"});
  CHECK(TagValues(funded, TagKind::kDistrict) == Strings{"Sevenoaks"});

  CHECK(b.problems.size() == 1);  // only QQ: every legend name resolved
  for (const Record& r : b.records) {
    CHECK(AttributeOf(r, "date") == "2026-03-12");
    CHECK(r.id == MakeRecordId(kContext.round, kContext.source, r.locator));
  }
}

TEST_CASE("notes workshop: bullets carry exactly the districts their codes name") {
  Batch b = LoadWorkshop(kWestKent);
  CheckWestKent(b);
  CHECK(b.rows_read == 18);
  const Tag& o1 = b.records[0].tags[0];
  CHECK(o1.kind == TagKind::kOutcome);
  CHECK(o1.origin == Origin::kWorkshopHeading);
  CHECK(o1.evidence.pattern == "Outcome 1");
  CHECK(o1.evidence.note == "line 10");
}

TEST_CASE("notes workshop: the same document in plain text") {
  std::string plain =
      "Health and Care Strategy - West Kent workshop notes\n"
      "Date: 2026-03-12\n"
      "\n"
      "Partners\n"
      "TW Tunbridge Wells\n"
      "S  Sevenoaks\n"
      "TM - Tonbridge Wells\n"
      "PCC Police and Crime Commissioner's office\n"
      "\n"
      "Outcome 1\n"
      "- More youth clubs and safe places for teenagers in the evenings (TW)(S)\n"
      "- Family hubs are valued but parents in rural villages cannot get to them\n"
      "  without a car (TM)(PCC)\n"
      "Outcome 2 Continued (1)\n"
      "- Damp housing is making children ill (e.g. housing referral) (TW)\n"
      "- Unknown code here (QQ)\n"
      "\n"
      "GENERAL POINTS\n"
      "\n"
      "* The strategy should say how it will be funded (S)\n";
  Batch b = LoadWorkshop(plain);
  CheckWestKent(b);
  CHECK(AttributeOf(b.records[4], "section") == "GENERAL POINTS");
}

TEST_CASE("notes workshop: CRLF input keeps physical line numbers") {
  std::string crlf;
  for (const char* p = kWestKent; *p != '\0'; ++p) {
    if (*p == '\n') crlf += '\r';
    crlf += *p;
  }
  Batch b = LoadWorkshop(crlf);
  CheckWestKent(b);
  CHECK(b.rows_read == 18);
  CHECK(b.records[1].text.find('\r') == std::string::npos);

  std::string cr = kWestKent;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  CheckWestKent(LoadWorkshop(cr));
}

TEST_CASE("notes workshop: headings map to outcomes") {
  Batch b = LoadWorkshop(
      "Outcome One\n"
      "=============\n"
      "- Setext heading (TW)\n"
      "\n"
      "### General Points:\n"
      "- Colon after the heading (TW)\n"
      "\n"
      "Other\n"
      "\n"
      "- Nothing to say about outcomes (TW)\n"
      "\n"
      "## Outcome 2\n"
      "### Housing\n"
      "- A subheading keeps its outcome (TW)\n");
  REQUIRE(b.records.size() == 4);
  CHECK(TagValues(b.records[0], TagKind::kOutcome) == Strings{"O1"});
  CHECK(AttributeOf(b.records[0], "section") == "Outcome One");
  CHECK(TagValues(b.records[1], TagKind::kOutcome) == Strings{"GEN"});
  CHECK(AttributeOf(b.records[1], "section") == "General Points");
  CHECK(TagValues(b.records[2], TagKind::kOutcome).empty());  // "Other" clears the outcome
  CHECK(AttributeOf(b.records[2], "section") == "Other");
  CHECK(TagValues(b.records[3], TagKind::kOutcome) == Strings{"O2"});
  CHECK(AttributeOf(b.records[3], "section") == "Housing");
  CHECK(b.problems.empty());
}

TEST_CASE("notes workshop: parentheses that are not codes stay in the text") {
  Batch b = LoadWorkshop(
      "## Outcome 2\n"
      "- Referrals are slow (e.g. housing referral)\n"
      "- Waited two hours (1)\n"
      "- People said so (see page 4) (TW)\n"
      "- Not a code (TW) in the middle\n"
      "- A full stop after the codes (TW)(SW).\n"
      "- Codes before a count (VCS Alliances)(TW) (2 mentions)\n"
      "- A count before codes (2 mentions) (TW)\n");
  REQUIRE(b.records.size() == 7);
  CHECK(b.records[0].text == "Referrals are slow (e.g. housing referral)");
  CHECK(TagValues(b.records[0], TagKind::kDistrict).empty());
  CHECK(b.records[1].text == "Waited two hours (1)");
  CHECK(b.records[2].text == "People said so (see page 4)");
  CHECK(TagValues(b.records[2], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(b.records[3].text == "Not a code (TW) in the middle");
  CHECK(TagValues(b.records[3], TagKind::kDistrict).empty());
  CHECK(b.records[4].text == "A full stop after the codes.");
  CHECK(TagValues(b.records[4], TagKind::kDistrict) == Strings{"Tunbridge Wells", "Swale"});
  CHECK(b.records[5].text == "Codes before a count (2 mentions)");
  CHECK(TagValues(b.records[5], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(TagValues(b.records[5], TagKind::kPartner) == Strings{"Voluntary and community sector"});
  CHECK(b.records[6].text == "A count before codes (2 mentions)");
  CHECK(TagValues(b.records[6], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(b.problems.empty());
}

TEST_CASE("notes workshop: partner codes, comma lists and repeated districts") {
  Batch b = LoadWorkshop(
      "## Outcome 1\n"
      "- Voluntary groups need longer funding (VCS Alliances)\n"
      "- Heard in three districts (TW, T, SW)\n"
      "- Said twice (TW) (TW)(OPCC)\n");
  REQUIRE(b.records.size() == 3);
  CHECK(b.records[0].text == "Voluntary groups need longer funding");
  CHECK(TagValues(b.records[0], TagKind::kPartner) == Strings{"Voluntary and community sector"});
  const Tag* vcs = FindTag(b.records[0], TagKind::kPartner, "Voluntary and community sector");
  REQUIRE(vcs != nullptr);
  CHECK(vcs->evidence.pattern == "VCS Alliances");
  CHECK(vcs->evidence.note == "lexicon code");
  CHECK(TagValues(b.records[1], TagKind::kDistrict) ==
        Strings{"Tunbridge Wells", "Thanet", "Swale"});
  CHECK(FindTag(b.records[1], TagKind::kDistrict, "Thanet")->evidence.matched == "(TW, T, SW)");
  CHECK(TagValues(b.records[2], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(TagValues(b.records[2], TagKind::kPartner) == Strings{"Police and Crime Commissioner"});
}

TEST_CASE("notes workshop: wrapped bullets join and report the line of an unknown code") {
  Batch b = LoadWorkshop(
      "## Outcome 1\n"                          // 1
      "- Buses to the hospital stop at six,\n"  // 2
      "so visitors cannot get home\n"           // 3
      "    after evening visiting\n"            // 4
      "    (TW)(XYZ)\n"                         // 5
      "\n"                                      // 6
      "A paragraph of notes that runs\n"        // 7
      "over two lines (FH)\n");                 // 8
  REQUIRE(b.records.size() == 2);
  CHECK(b.records[0].text ==
        "Buses to the hospital stop at six, so visitors cannot get home after evening visiting");
  CHECK(b.records[0].locator.line_start == 2);
  CHECK(b.records[0].locator.line_end == 5);
  CHECK(TagValues(b.records[0], TagKind::kAttribution) == Strings{"XYZ"});
  auto xyz = ProblemsMentioning(b, "unknown attribution code (XYZ)");
  REQUIRE(xyz.size() == 1);
  CHECK(xyz[0]->line == 5);
  CHECK(b.records[1].text == "A paragraph of notes that runs over two lines");
  CHECK(TagValues(b.records[1], TagKind::kDistrict) == Strings{"Folkestone and Hythe"});
}

TEST_CASE("notes workshop: legend names resolve, override lexicon codes, or are reported") {
  Batch b = LoadWorkshop(
      "Key:\n"                           // 1
      "- T = Royal Tunbridge Wells\n"    // 2
      "- HG\tWest Kent Housing Group\n"  // 3
      "- TW: Tonbridge Wells\n"          // 4
      "\n"                               // 5
      "Outcome 1\n"                      // 6
      "\n"                               // 7
      "- Legend code beats the lexicon (T)\n"
      "- Housing group said this (HG)\n"
      "- Misspelt in the legend (TW)\n");
  REQUIRE(b.records.size() == 3);
  CHECK(b.items_read == 3);
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(TagValues(b.records[1], TagKind::kAttribution) == Strings{"HG"});
  CHECK(TagValues(b.records[2], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  auto hg =
      ProblemsMentioning(b, "legend names unknown district or partner 'West Kent Housing Group'");
  REQUIRE(hg.size() == 1);
  CHECK(hg[0]->line == 3);
  CHECK(ProblemsMentioning(b, "unknown attribution code").empty());
  CHECK(b.problems.size() == 1);
}

TEST_CASE("notes workshop: a legend at the end defines codes for the bullets above it") {
  Batch b = LoadWorkshop(
      "## Outcome 1\n"                  // 1
      "- Nowhere for teenagers (WK)\n"  // 2
      "\n"                              // 3
      "## Codes\n"                      // 4
      "WK = Royal Tunbridge Wells\n");  // 5
  REQUIRE(b.records.size() == 1);
  CHECK(b.items_read == 1);
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Tunbridge Wells"});
  CHECK(FindTag(b.records[0], TagKind::kDistrict, "Tunbridge Wells")->evidence.note == "legend");
  CHECK(b.problems.empty());
  CHECK(b.rows_read == 5);
}

TEST_CASE("notes workshop: legend headings and headings that only start like one") {
  Batch b = LoadWorkshop(
      "Partners present\n"
      "- SW Swale Borough Council\n"
      "- VCS Alliances  Voluntary and community sector\n"
      "\n"
      "Key Points\n"
      "\n"
      "- Leisure prices are too high (SW)\n"
      "\n"
      "Workforce gaps mean long waits (SW)\n"
      "\n"
      "- Volunteers are tired (VCS Alliances)\n");
  REQUIRE(b.records.size() == 3);
  CHECK(b.items_read == 3);
  CHECK(AttributeOf(b.records[0], "section") == "Key Points");
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Swale"});
  CHECK(FindTag(b.records[0], TagKind::kDistrict, "Swale")->evidence.note == "legend");
  CHECK(b.records[1].text == "Workforce gaps mean long waits");  // not a heading: it ends in a code
  CHECK(TagValues(b.records[2], TagKind::kPartner) == Strings{"Voluntary and community sector"});
  CHECK(b.problems.empty());
}

TEST_CASE("notes workshop: a header district goes to bullets without codes") {
  const std::string text =
      "District: Dover\n"
      "Venue: Town hall\n"
      "\n"
      "## Outcome 2\n"
      "- No codes on this one\n"
      "- Codes win over the header (T)\n";
  Batch b = LoadWorkshop(text);
  REQUIRE(b.records.size() == 2);
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Dover"});
  const Tag* dover = FindTag(b.records[0], TagKind::kDistrict, "Dover");
  CHECK(dover->origin == Origin::kDocumentHeader);
  CHECK(dover->evidence.matched == "Dover");
  CHECK(TagValues(b.records[1], TagKind::kDistrict) == Strings{"Thanet"});
  CHECK(AttributeOf(b.records[0], "venue") == "Town hall");

  NotesOptions options;
  options.district = "Swale";
  Batch with_option = LoadWorkshop(text, options);
  CHECK(TagValues(with_option.records[0], TagKind::kDistrict) == Strings{"Dover", "Swale"});
  CHECK(TagValues(with_option.records[1], TagKind::kDistrict) == Strings{"Thanet"});
}

TEST_CASE("notes workshop: a bullet before any section heading is kept and reported") {
  Batch b = LoadWorkshop(
      "# West Kent workshop\n"
      "\n"
      "- Said before any heading (TW)\n"
      "## Outcome 1\n"
      "- Fine (TW)\n");
  REQUIRE(b.records.size() == 2);
  CHECK(AttributeOf(b.records[0], "title") == "West Kent workshop");
  CHECK(AttributeOf(b.records[0], "section") == "<none>");
  auto none = ProblemsMentioning(b, "bullet with no section");
  REQUIRE(none.size() == 1);
  CHECK(none[0]->line == 3);
}

TEST_CASE("notes workshop: a bullet of codes alone is a non-answer") {
  Batch b = LoadWorkshop(
      "## Outcome 1\n"
      "- (TW)(S)\n"
      "-\n"
      "- Real point (S)\n");
  CHECK(b.records.size() == 1);
  CHECK(b.items_read == 3);
  CHECK(b.non_answers == 2);
  CHECK(Reconciles(b));
}

TEST_CASE("notes workshop: one record per call when asked") {
  std::istringstream in(kWestKent);
  std::unique_ptr<RecordSource> source = OpenWorkshopNotes(in, kContext, NotesLexicon());
  Batch batch;
  int calls = 0;
  while (source->Next(batch, 1)) ++calls;
  CHECK(calls == 5);
  CHECK(batch.records.size() == 5);
  CHECK(batch.rows_read == 18);
  CHECK(source->info().encoding == "UTF-8");
  CHECK(source->Next(batch, 1) == false);
}

TEST_CASE("notes workshop: an empty file gives nothing") {
  Batch b = LoadWorkshop("");
  CHECK(b.records.empty());
  CHECK(b.items_read == 0);
}

}  // namespace
}  // namespace heard
