#include <catch2/catch.hpp>
#include <set>
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

const SourceContext kContext{"2026 refresh", "focus_groups/parents.md", "sample/parents.md"};

Batch LoadFocusGroup(const std::string& text, const NotesOptions& options = {}) {
  std::istringstream in(text);
  std::unique_ptr<RecordSource> source = OpenFocusGroupNotes(in, kContext, NotesLexicon(), options);
  return Drain(*source);
}

const char* const kParents =
    "---\n"                                                             // 1
    "group: Parents and carers of disabled children\n"                  // 2
    "organisation: \"Family Voice West Kent\"\n"                        // 3
    "---\n"                                                             // 4
    "# Parents and carers focus group\n"                                // 5
    "Date: 2026-02-03\n"                                                // 6
    "Districts: Tonbridge and Malling, Tonbridge Wells / Sevenoak\n"    // 7
    "Number of participants: 9\n"                                       // 8
    "Facilitator: A. Officer\n"                                         // 9
    "\n"                                                                // 10
    "## Getting help\n"                                                 // 11
    "Participant 3: We waited eighteen months for an assessment and\n"  // 12
    "nobody told us what was happening.\n"                              // 13
    "P4: The school did its best.\n"                                    // 14
    "Facilitator: What would have helped?\n"                            // 15
    "\n"                                                                // 16
    "Transport\n"                                                       // 17
    "\n"                                                                // 18
    "- Parent 2 - the bus to the special school was cancelled twice\n"  // 19
    "- Young person: there is nowhere to go after six\n"                // 20
    "- Transport - buses are the main worry\n"                          // 21
    "- P5:\n"                                                           // 22
    "\n"                                                                // 23
    "Short breaks\n"                                                    // 24
    "------------\n"                                                    // 25
    "Respite care is hard to find in the holidays\n";                   // 26

TEST_CASE("notes focus group: header attributes travel with every record") {
  Batch b = LoadFocusGroup(kParents);
  REQUIRE(b.records.size() == 7);
  for (const Record& r : b.records) {
    CHECK(r.channel == Channel::kFocusGroup);
    CHECK(AttributeOf(r, "group") == "Parents and carers of disabled children");
    CHECK(AttributeOf(r, "organisation") == "Family Voice West Kent");
    CHECK(AttributeOf(r, "title") == "Parents and carers focus group");
    CHECK(AttributeOf(r, "date") == "2026-02-03");
    CHECK(AttributeOf(r, "participants") == "9");
    CHECK(AttributeOf(r, "facilitator") == "A. Officer");
    CHECK(TagValues(r, TagKind::kDistrict) ==
          Strings{"Tonbridge and Malling", "Tunbridge Wells", "Sevenoaks"});
  }
  const Tag* wells = FindTag(b.records[0], TagKind::kDistrict, "Tunbridge Wells");
  REQUIRE(wells != nullptr);
  CHECK(wells->origin == Origin::kDocumentHeader);
  CHECK(wells->evidence.matched == "Tonbridge Wells");
  CHECK(wells->evidence.note == "misspelling");
  CHECK(FindTag(b.records[0], TagKind::kDistrict, "Sevenoaks")->evidence.note.find("edit") == 0);
  CHECK(b.problems.empty());
}

TEST_CASE("notes focus group: speaker labels, sections and wrapped lines") {
  Batch b = LoadFocusGroup(kParents);
  REQUIRE(b.records.size() == 7);
  CHECK(b.items_read == 8);  // "P5:" alone is a non-answer
  CHECK(b.non_answers == 1);
  CHECK(Reconciles(b));
  CHECK(b.rows_read == 26);

  const Record& waited = b.records[0];
  CHECK(waited.text ==
        "We waited eighteen months for an assessment and nobody told us what was happening.");
  CHECK(AttributeOf(waited, "speaker") == "Participant 3");
  CHECK(AttributeOf(waited, "section") == "Getting help");
  CHECK(waited.locator.line_start == 12);
  CHECK(waited.locator.line_end == 13);

  CHECK(b.records[1].text == "The school did its best.");
  CHECK(AttributeOf(b.records[1], "speaker") == "P4");
  CHECK(b.records[1].locator.line_start == 14);
  CHECK(AttributeOf(b.records[2], "speaker") == "Facilitator");

  CHECK(b.records[3].text == "the bus to the special school was cancelled twice");
  CHECK(AttributeOf(b.records[3], "speaker") == "Parent 2");
  CHECK(AttributeOf(b.records[3], "section") == "Transport");
  CHECK(AttributeOf(b.records[4], "speaker") == "Young person");
  CHECK(b.records[5].text == "Transport - buses are the main worry");  // not a speaker
  CHECK(AttributeOf(b.records[5], "speaker") == "<none>");

  CHECK(b.records[6].text == "Respite care is hard to find in the holidays");
  CHECK(AttributeOf(b.records[6], "section") == "Short breaks");
  CHECK(b.records[6].locator.line_start == 26);

  std::set<std::string> ids;
  for (const Record& r : b.records) {
    CHECK(r.id == MakeRecordId(kContext.round, kContext.source, r.locator));
    ids.insert(r.id);
  }
  CHECK(ids.size() == b.records.size());
}

TEST_CASE("notes focus group: plain header lines, unknown districts, options") {
  const std::string text =
      "Older people's lunch club\n"                // 1
      "Group: Older people\n"                      // 2
      "Organization: Age Concern\n"                // 3
      "District: Thanet & Swale; Narnia\n"         // 4
      "Venue: Community centre\n"                  // 5
      "\n"                                         // 6
      "Loneliness is the biggest thing for us.\n"  // 7
      "\n"                                         // 8
      "Getting to the surgery is hard without\n"   // 9
      "a car.\n";                                  // 10
  Batch b = LoadFocusGroup(text);
  REQUIRE(b.records.size() == 2);
  CHECK(AttributeOf(b.records[0], "title") == "Older people's lunch club");
  CHECK(AttributeOf(b.records[0], "group") == "Older people");
  CHECK(AttributeOf(b.records[0], "organisation") == "Age Concern");
  CHECK(AttributeOf(b.records[0], "venue") == "Community centre");
  CHECK(AttributeOf(b.records[0], "section") == "<none>");
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Thanet", "Swale"});
  CHECK(b.records[1].text == "Getting to the surgery is hard without a car.");
  auto narnia = ProblemsMentioning(b, "'Narnia'");
  REQUIRE(narnia.size() == 1);
  CHECK(narnia[0]->line == 4);
  CHECK(narnia[0]->file == kContext.file);
  CHECK(narnia[0]->severity == Problem::Severity::kWarning);

  NotesOptions options;
  options.group = "Lunch club members";
  options.district = "Dover";
  Batch with_options = LoadFocusGroup(text, options);
  REQUIRE(with_options.records.size() == 2);
  CHECK(AttributeOf(with_options.records[0], "group") == "Lunch club members");
  CHECK(TagValues(with_options.records[0], TagKind::kDistrict) ==
        Strings{"Thanet", "Swale", "Dover"});
}

TEST_CASE("notes focus group: '&' splits districts unless the name holds it") {
  Batch b = LoadFocusGroup(
      "District: Folkestone & Hythe\n"
      "\n"
      "We need a dentist.\n");
  REQUIRE(b.records.size() == 1);
  CHECK(TagValues(b.records[0], TagKind::kDistrict) == Strings{"Folkestone and Hythe"});
  CHECK(b.problems.empty());
}

TEST_CASE("notes focus group: a question is not a header line") {
  Batch b = LoadFocusGroup(
      "Facilitator: What stops you seeing a GP?\n"
      "P1: The phone queue at 8am.\n"
      "P2 - I gave up trying.\n");
  REQUIRE(b.records.size() == 3);
  CHECK(AttributeOf(b.records[0], "facilitator") == "<none>");
  CHECK(AttributeOf(b.records[0], "speaker") == "Facilitator");
  CHECK(b.records[0].text == "What stops you seeing a GP?");
  CHECK(AttributeOf(b.records[2], "speaker") == "P2");
  CHECK(b.records[2].text == "I gave up trying.");
}

TEST_CASE("notes focus group: numbered or known speakers, not topic leads") {
  Batch b = LoadFocusGroup(
      "- Cost: bus fares, school costs and rent.\n"
      "- Registering with a GP: asked for a passport.\n"
      "Participant 2 (via interpreter): The forms are only in English.\n"
      "Person B: We use the food bank.\n"
      "Carer - nobody asks how I am.\n");
  REQUIRE(b.records.size() == 5);
  CHECK(b.records[0].text == "Cost: bus fares, school costs and rent.");
  CHECK(AttributeOf(b.records[0], "speaker") == "<none>");
  CHECK(AttributeOf(b.records[1], "speaker") == "<none>");
  CHECK(AttributeOf(b.records[2], "speaker") == "Participant 2 (via interpreter)");
  CHECK(b.records[2].text == "The forms are only in English.");
  CHECK(AttributeOf(b.records[3], "speaker") == "Person B");
  CHECK(AttributeOf(b.records[4], "speaker") == "Carer");
  CHECK(b.records[4].text == "nobody asks how I am.");
}

TEST_CASE("notes focus group: CRLF lines and Title Case headings in plain text") {
  // Plain-text headings: capitals or Title Case, a blank line before, a blank or bullet after.
  Batch b = LoadFocusGroup(
      "\xEF\xBB\xBFGroup: Young carers\r\n"      // 1, after a byte order mark
      "\r\n"                                     // 2
      "SCHOOL\r\n"                               // 3
      "\r\n"                                     // 4
      "* Teachers do not know I am a carer\r\n"  // 5
      "  and I get told off for being late\r\n"  // 6
      "\r\n"                                     // 7
      "What Would Help\r\n"                      // 8
      "- Someone to talk to\r\n"                 // 9
      "\r\n"                                     // 10
      "this line is not a heading\r\n"           // 11
      "\r\n"                                     // 12
      "- A card to show at school\r\n");         // 13
  REQUIRE(b.records.size() == 4);
  CHECK(b.records[0].text == "Teachers do not know I am a carer and I get told off for being late");
  CHECK(AttributeOf(b.records[0], "section") == "SCHOOL");
  CHECK(b.records[0].locator.line_start == 5);
  CHECK(b.records[0].locator.line_end == 6);
  CHECK(AttributeOf(b.records[1], "section") == "What Would Help");
  CHECK(b.records[1].locator.line_start == 9);
  CHECK(b.records[2].text == "this line is not a heading");
  CHECK(b.records[2].locator.line_start == 11);
  CHECK(AttributeOf(b.records[3], "section") == "What Would Help");
  CHECK(AttributeOf(b.records[3], "group") == "Young carers");
  CHECK(b.rows_read == 13);
  CHECK(Reconciles(b));
}

}  // namespace
}  // namespace heard

namespace heard {
namespace {

TEST_CASE("notes focus group: bold and short sentence-case lines are headings, sentences not") {
  Batch b = LoadFocusGroup(
      "**What works**\n"
      "\n"
      "The library runs a warm space on Tuesdays\n"
      "\n"
      "**Next steps**\n"
      "- Share with the board\n"
      "\n"
      "Experiences of health services\n"
      "\n"
      "Participant 1: Nobody asked what I needed\n");
  REQUIRE(b.records.size() == 3);
  CHECK(AttributeOf(b.records[0], "section") == "What works");
  CHECK(b.records[0].text == "The library runs a warm space on Tuesdays");  // 8 words: a sentence
  CHECK(AttributeOf(b.records[1], "section") == "Next steps");
  CHECK(AttributeOf(b.records[2], "section") == "Experiences of health services");
  CHECK(AttributeOf(b.records[2], "speaker") == "Participant 1");
}

}  // namespace
}  // namespace heard
