#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "heard/survey.h"
#include "load/survey_lexicon_fixture.h"

namespace {

heard::SurveyGuess Guess(const std::string& csv) {
  std::istringstream in(csv);
  auto guess = heard::GuessSurveyMapping(in, heard::testing::SurveyLexicon());
  INFO(guess.status().message());
  REQUIRE(guess.ok());
  return std::move(guess).value();
}

bool Mentions(const heard::SurveyGuess& guess, const std::string& column, const std::string& what) {
  for (const std::string& line : guess.decisions) {
    if (line.find("\"" + column + "\"") != std::string::npos &&
        line.find(what) != std::string::npos) {
      return true;
    }
  }
  return false;
}

const char* const kAnswers[] = {
    "There are not enough youth clubs near us and the buses stop early",
    "My son waited eleven months for a mental health assessment",
    "Family hubs have been a lifeline for us as new parents",
    "School nurses should be easier to reach during the holidays",
    "More support for parents of disabled children please",
    "Free activities in the summer made a real difference this year",
};
const char* const kPlaces[] = {"Thanet", "Tonbridge Wells", "Medway", "Maidstone"};
const char* const kPostcodes[] = {"CT9 1AB", "TN2 3XY", "ME7 1AA", "ME14 5AB"};

}  // namespace

TEST_CASE("survey guess: the guess reads headers and content", "[survey][guess]") {
  std::string csv =
      "Health and care strategy survey,,,,,,,,\n"
      "Response ID,Submitted,Age band,Post code,Area,Outcome 1: best start in life,"
      "O3 healthy living,Anything else?,Email\n";
  for (int i = 0; i < 40; ++i) {
    csv += std::to_string(1000 + i) + ",2026-03-" + std::to_string(10 + i % 20) +
           " 10:" + std::to_string(10 + i) + ":00," + (i % 2 ? "35-44" : "65+") + "," +
           kPostcodes[i % 4] + "," + kPlaces[i % 4] + ",\"" + kAnswers[i % 6] + " (" +
           std::to_string(i) + ")\",\"" + kAnswers[(i + 3) % 6] + "\"," +
           (i % 5 ? "n/a" : "Keep the leisure centre open in the winter months") + ",person" +
           std::to_string(i) + "@example.org\n";
  }
  const heard::SurveyGuess guess = Guess(csv);
  const heard::SurveyMapping& m = guess.mapping;
  CHECK(m.header_row == 2);
  CHECK(m.respondent == "Response ID");
  CHECK(m.postcode == "Post code");
  CHECK(m.district == "Area");
  REQUIRE(m.questions.size() == 3);
  CHECK(m.questions[0].column == "Outcome 1: best start in life");
  CHECK(m.questions[0].id == "Q1");
  CHECK(m.questions[0].outcome == "O1");
  CHECK(m.questions[1].id == "Q2");
  CHECK(m.questions[1].outcome == "O3");
  CHECK(m.questions[2].column == "Anything else?");
  CHECK(m.questions[2].outcome.empty());
  CHECK(m.attributes == std::vector<std::string>{"Age band"});

  CHECK(Mentions(guess, "Response ID", "respondent id (header name)"));
  CHECK(Mentions(guess, "Area", "name a district"));
  CHECK(Mentions(guess, "Submitted", "ignored"));
  CHECK(Mentions(guess, "Email", "ignored"));
  CHECK(Mentions(guess, "Age band", "closed question"));
  CHECK(Mentions(guess, "Outcome 1: best start in life", "free text Q1"));
  // One line per column, plus where the header is and how many rows were sampled.
  CHECK(guess.decisions.size() == 9 + 2);
}

TEST_CASE("survey guess: postcode and district columns found by header name alone",
          "[survey][guess]") {
  std::string csv = "ID,Postcode,District,Comments\n";
  for (int i = 0; i < 10; ++i) {
    csv += std::to_string(i) + ",,Somewhere," + kAnswers[i % 6] + "\n";
  }
  const heard::SurveyGuess guess = Guess(csv);
  CHECK(guess.mapping.header_row == 1);
  CHECK(guess.mapping.respondent == "ID");
  CHECK(guess.mapping.postcode == "Postcode");
  CHECK(guess.mapping.district == "District");
  REQUIRE(guess.mapping.questions.size() == 1);
  CHECK(guess.mapping.questions[0].column == "Comments");
}

TEST_CASE("survey guess: postcodes found by their values", "[survey][guess]") {
  std::string csv = "Where do you live?,What matters most to you?\n";
  for (int i = 0; i < 10; ++i) csv += std::string(kPostcodes[i % 4]) + "," + kAnswers[i % 6] + "\n";
  const heard::SurveyGuess guess = Guess(csv);
  CHECK(guess.mapping.postcode == "Where do you live?");
  CHECK(Mentions(guess, "Where do you live?", "100% of 10 values are postcodes"));
}

TEST_CASE("survey guess: an empty file is no survey", "[survey][guess]") {
  std::istringstream in("");
  CHECK_FALSE(heard::GuessSurveyMapping(in, heard::testing::SurveyLexicon()).ok());
}
