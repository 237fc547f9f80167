#include "tag/record_scan.h"

#include <stdexcept>

#include "tag/compiled.h"

namespace heard {

RecordScan& RecordScan::For(const Lexicon::Compiled& compiled, std::string_view text) {
  thread_local RecordScan scan;
  if (scan.lexicon_ != compiled.id || scan.text_ != text) {
    scan.Reset(compiled.id, text);
    scan.filter_ = &compiled.word_filter;
  }
  return scan;
}

void RecordScan::Reset(uint64_t lexicon, std::string_view text) {
  lexicon_ = lexicon;
  text_.assign(text.data(), text.size());
  words_done_ = false;
  for (Slot& slot : slots_) {
    slot.set = nullptr;
    slot.done = false;
  }
  boundaries_done_ = false;
}

CueScan& RecordScan::Of(const CueSet& set) {
  Slot* slot = nullptr;
  for (Slot& s : slots_) {
    if (s.set == &set || s.set == nullptr) {
      slot = &s;
      break;
    }
  }
  if (slot == nullptr) throw std::logic_error("RecordScan: more cue sets than slots");
  if (slot->set == nullptr) {
    slot->set = &set;
    slot->done = false;
  }
  if (!slot->done) {
    if (!words_done_) {
      words_.Build(text_, filter_);
      words_done_ = true;
    }
    set.Scan(text_, words_, &slot->scan);
    slot->done = true;
  }
  return slot->scan;
}

std::vector<std::pair<size_t, size_t>>* RecordScan::boundaries(bool* filled) {
  *filled = boundaries_done_;
  boundaries_done_ = true;
  return &boundaries_;
}

}  // namespace heard
