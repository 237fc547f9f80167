#include <catch2/catch.hpp>

#include "heard/query.h"
#include "query_fixture.h"

namespace heard {
namespace {

std::vector<DraftStatement> Parse(const std::string& draft) {
  return ParseDraft(draft, testing::ShippedLexicon());
}

}  // namespace

TEST_CASE("verify: a draft's bullets and lines are statements filed under outcome headings",
          "[query]") {
  const auto statements = Parse(
      "# What we heard\n"
      "Opening line that is a statement too.\n"
      "\n"
      "## Outcome 2 Continued (1)\n"
      "- Damp and mould in rented homes <!-- expect: supported -->\n"
      "* Fuel poverty in older homes,\n"
      "  especially off-grid ones\n"
      "+ Plus-sign bullet\n"
      "1. Numbered bullet\n"
      "\n"
      "### A sub-heading keeps its outcome\n"
      "- Under the sub-heading\n"
      "## General Points\n"
      "> Quoted line\n"
      "\n"
      "---\n"
      "<!-- a comment\n"
      "over lines - not a statement -->\n"
      "```\n"
      "- code is not a statement\n"
      "```\n"
      "Outcome 5\n"
      "=========\n"
      "GP access\n");
  REQUIRE(statements.size() == 8);
  CHECK(statements[0].text == "Opening line that is a statement too.");
  CHECK(statements[0].outcome_filed.empty());
  CHECK(statements[0].heading == "What we heard");
  CHECK(statements[0].line == 2);
  CHECK(statements[1].text == "Damp and mould in rented homes");
  CHECK(statements[1].outcome_filed == "O2");
  CHECK(statements[1].line == 5);
  CHECK(statements[2].text == "Fuel poverty in older homes, especially off-grid ones");
  CHECK(statements[3].text == "Plus-sign bullet");
  CHECK(statements[4].text == "Numbered bullet");
  CHECK(statements[5].text == "Under the sub-heading");
  CHECK(statements[5].outcome_filed == "O2");
  CHECK(statements[6].text == "Quoted line");
  CHECK(statements[6].outcome_filed == "GEN");
  CHECK(statements[7].text == "GP access");  // under the setext heading "Outcome 5"
  CHECK(statements[7].outcome_filed == "O5");
  CHECK(statements[7].heading == "Outcome 5");
}

TEST_CASE("verify: CRLF drafts, empty bullets and a bare dash list parse cleanly", "[query]") {
  const auto statements = Parse("## Outcome 1\r\n- Youth clubs closed\r\n-\r\n- \r\n-- \r\n");
  REQUIRE(statements.size() == 1);
  CHECK(statements[0].text == "Youth clubs closed");
  CHECK(statements[0].outcome_filed == "O1");
  CHECK(Parse("").empty());
  CHECK(Parse("\n\n<!-- only a comment -->\n").empty());
}

}  // namespace heard
