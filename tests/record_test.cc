#include "heard/record.h"

#include <catch2/catch.hpp>

using heard::Locator;

TEST_CASE("record ids are stable and depend on round, source and locator", "[record]") {
  Locator row{12, "Q3", 14, 15};
  const std::string id = heard::MakeRecordId("Round A", "survey.csv", row);
  CHECK(id.size() == 16);
  CHECK(id == heard::MakeRecordId("Round A", "survey.csv", row));
  CHECK(id != heard::MakeRecordId("Round B", "survey.csv", row));
  CHECK(id != heard::MakeRecordId("Round A", "other.csv", row));
  Locator other_column = row;
  other_column.column = "Q4";
  CHECK(id != heard::MakeRecordId("Round A", "survey.csv", other_column));
}

TEST_CASE("locators read as a user would cite them", "[record]") {
  CHECK(Locator{12, "Q3", 14, 14}.ToString() == "row 12, col Q3");
  CHECK(Locator{0, "", 9, 9}.ToString() == "line 9");
  CHECK(Locator{0, "", 14, 16}.ToString() == "lines 14-16");
}

TEST_CASE("channel names round-trip", "[record]") {
  for (auto channel : {heard::Channel::kSurvey, heard::Channel::kFocusGroup,
                       heard::Channel::kWorkshop}) {
    CHECK(heard::ParseChannel(heard::ChannelName(channel)) == channel);
  }
  CHECK_FALSE(heard::ParseChannel("email").has_value());
}
