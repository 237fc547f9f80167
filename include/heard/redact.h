// Redaction of personal details in free text, before anything is stored or published.
#ifndef HEARD_REDACT_H_
#define HEARD_REDACT_H_

#include <string>

#include "heard/record.h"

namespace heard {

// What was taken out of one text.
struct RedactionCount {
  int emails = 0;
  int phones = 0;
  int nhs_numbers = 0;
  int postcodes = 0;  // full postcodes cut to their outward code ("CT9 1AB" -> "CT9")
  int names = 0;      // a name a respondent introduces ("my name is Jo", "my husband Dev")

  int total() const { return emails + phones + nhs_numbers + postcodes + names; }
};

// Replaces e-mail addresses with "[email]", UK phone numbers with "[phone]",
// NHS numbers (10 digits with a valid check digit) with "[NHS number]", full
// postcodes with their outward code, and introduced names with "[name]".
// Threading: safe from any thread (the patterns are compiled once, shared).
RedactionCount Redact(std::string& text);

// Redacts record.text and adds the count to record.redactions.
void RedactRecord(Record& record);

}  // namespace heard

#endif  // HEARD_REDACT_H_
