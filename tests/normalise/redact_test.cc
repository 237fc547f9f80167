#include "heard/redact.h"

#include <catch2/catch.hpp>

using heard::Redact;

// All personal details below are invented: example.com addresses, Ofcom's
// drama phone ranges, an NHS number made up to pass the check digit.
TEST_CASE("e-mail addresses and UK phone numbers are redacted", "[redact]") {
  std::string text =
      "Ring me on 07700 900123 or 01632 960 456, or e-mail jo.bloggs+care@example.com.";
  const auto count = Redact(text);
  CHECK(text == "Ring me on [phone] or [phone], or e-mail [email].");
  CHECK(count.phones == 2);
  CHECK(count.emails == 1);
  std::string intl = "Call +44 7700 900982 after six";
  CHECK(Redact(intl).phones == 1);
  CHECK(intl == "Call [phone] after six");
}

TEST_CASE("full postcodes keep only their outward code", "[redact]") {
  std::string text = "I live at CT9 1AB, my mum at me144hz, and we shop in TN23.";
  const auto count = Redact(text);
  CHECK(text == "I live at CT9, my mum at ME14, and we shop in TN23.");
  CHECK(count.postcodes == 2);
}

TEST_CASE("NHS numbers are redacted only when the check digit holds", "[redact]") {
  std::string valid = "My NHS number is 943 476 5919 if you need it";
  CHECK(Redact(valid).nhs_numbers == 1);
  CHECK(valid == "My NHS number is [NHS number] if you need it");
  std::string wrong = "Reference 943 476 5918 on the letter";
  CHECK(Redact(wrong).nhs_numbers == 0);
}

TEST_CASE("names a respondent introduces are redacted; ordinary words are not", "[redact]") {
  std::string text = "My name is Jo Bloggs and my husband Dev has dementia.";
  const auto count = Redact(text);
  CHECK(text == "My name is [name] and my husband [name] has dementia.");
  CHECK(count.names == 2);
  std::string accented = "My daughter Zoë Ńowak-Price waits. Contact: Dev Anand-Price, any time.";
  CHECK(Redact(accented).names == 2);
  CHECK(accented == "My daughter [name] waits. Contact: [name], any time.");
  std::string plain = "my son has autism and waited 2 years, in 2026, for 3 visits";
  const std::string before = plain;
  CHECK(Redact(plain).total() == 0);
  CHECK(plain == before);
}
