// Fuzz target: the focus-group notes loader over bytes of any encoding; see fuzz_notes.h for
// the invariants checked.
#include "fuzz_notes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  heard::fuzz::CheckNotes(data, size, heard::Channel::kFocusGroup);
  return 0;
}
