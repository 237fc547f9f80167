// RecordScan: what one text holds of every cue list of a compiled lexicon, computed once per
// text and thread, so that FindThemes, FindOutcomeCues and the Qualify* calls for one record
// search the text once between them. Private to the tag stage.
#ifndef HEARD_SRC_TAG_RECORD_SCAN_H_
#define HEARD_SRC_TAG_RECORD_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heard/lexicon.h"
#include "tag/cue_set.h"

namespace heard {

class RecordScan {
 public:
  // This thread's scan of `text` for `compiled`; starts afresh when either differs from the
  // last call's. The reference is valid until the thread's next For().
  static RecordScan& For(const Lexicon::Compiled& compiled, std::string_view text);

  std::string_view text() const { return text_; }

  // Every occurrence of every entry of `set` (one of the compiled lexicon's sets) in text().
  CueScan& Of(const CueSet& set);

  // The clause ends of the qualifier rules: `boundaries` matches taken from the start, each
  // search resuming at max(end, begin + 1). Filled by the caller the first time.
  std::vector<std::pair<size_t, size_t>>* boundaries(bool* filled);

 private:
  struct Slot {
    const CueSet* set = nullptr;
    bool done = false;
    CueScan scan;
  };

  void Reset(uint64_t lexicon, std::string_view text);

  uint64_t lexicon_ = 0;
  std::string text_;
  bool words_done_ = false;
  const WordFilter* filter_ = nullptr;  // the lexicon's
  TextWords words_;
  std::array<Slot, 12> slots_;
  std::vector<std::pair<size_t, size_t>> boundaries_;
  bool boundaries_done_ = false;
};

}  // namespace heard

#endif  // HEARD_SRC_TAG_RECORD_SCAN_H_
