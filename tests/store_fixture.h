// A store built by hand for the aggregate and report tests: round "R" with the small lexicon,
// one source "src", and the given records stored in one batch.
#ifndef HEARD_TESTS_STORE_FIXTURE_H_
#define HEARD_TESTS_STORE_FIXTURE_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "heard/store.h"
#include "test_support.h"

namespace heard::testing {

inline std::unique_ptr<Store> StoreWithRecords(const std::string& path,
                                               std::vector<Record> records) {
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"R", "2026-06-30"});
  REQUIRE(round.ok());
  const Lexicon lexicon = SmallLexicon();
  REQUIRE((*store)->PutLexicon(*round, lexicon).ok());
  REQUIRE((*store)->BeginRun(*round, lexicon, 1).ok());
  auto source = (*store)->BeginSource(*round, "src", Channel::kSurvey);
  REQUIRE(source.ok());
  Batch batch;
  batch.items_read = static_cast<int64_t>(records.size());
  batch.records = std::move(records);
  Ledger ledger;
  REQUIRE((*store)->WriteBatch(*source, batch, &ledger).ok());
  REQUIRE((*store)->FinishSource(*source, ledger, {}).ok());
  return std::move(*store);
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_STORE_FIXTURE_H_
