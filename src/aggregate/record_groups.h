// Internal to the comparison commands: a record's groups and themes, by the summary's rules.
#ifndef HEARD_SRC_AGGREGATE_RECORD_GROUPS_H_
#define HEARD_SRC_AGGREGATE_RECORD_GROUPS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "heard/record.h"
#include "heard/status.h"
#include "heard/store.h"

namespace heard::aggregate {

// The record as a comparison sees it. Each list holds a value once.
struct RecordView {
  std::vector<std::string> outcomes;
  std::vector<std::string> themes;
  std::vector<std::string> districts;  // share >= min_district_share, as Summarise counts them
};

RecordView ViewOf(const Record& record, double min_district_share);

// True when the record is in scope: no outcome asked for, or it carries it.
bool InScope(const RecordView& view, const std::string& outcome);

// The record's groups for `by`: "district" -> its counted districts,
// "channel" -> its channel name, otherwise the non-empty value of the
// attribute of that name (matched exactly, then ignoring case).
std::vector<std::string> GroupsOf(const Record& record, const RecordView& view,
                                  const std::string& by);

// The theme names of `round`'s lexicon by id. NotFound when the store has no such round;
// InvalidInput when `outcome` is not empty and the round's lexicon has no such outcome.
Result<std::map<std::string, std::string>> RoundThemeNames(Store& store, const std::string& round,
                                                           const std::string& outcome);

// Collects the attribute names seen, for the message when `by` names none.
void NoteAttributes(const Record& record, std::set<std::string>* names);

}  // namespace heard::aggregate

#endif  // HEARD_SRC_AGGREGATE_RECORD_GROUPS_H_
