#include "load/utf8_scan.h"

#include <cstdint>

namespace heard {
namespace {

// Length of the well-formed sequence at `s`; 0 when ill-formed, -1 when
// well-formed so far but cut by the end of the range.
int SequenceLength(const uint8_t* s, size_t available) {
  const uint8_t lead = s[0];
  int length;
  uint8_t low = 0x80, high = 0xBF;  // bounds of the second byte (Unicode table 3-7)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    low = 0xA0;
  } else if (lead == 0xED) {
    length = 3;
    high = 0x9F;
  } else if (lead >= 0xE1 && lead <= 0xEF) {
    length = 3;
  } else if (lead == 0xF0) {
    length = 4;
    low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4;
    high = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < length; ++k) {
    if (static_cast<size_t>(k) >= available) return -1;
    const uint8_t c = s[k];
    if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return 0;
  }
  return length;
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes, bool may_be_cut) {
  Utf8Scan scan;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    const uint8_t b = data[i];
    if (b < 0x80) {
      if (b == 0) {
        ++scan.nul;
        if (i % 2 == 1) ++scan.nul_odd;
      }
      ++i;
      continue;
    }
    if (scan.ascii_only()) scan.first_non_ascii = i;
    const int length = SequenceLength(data + i, size - i);
    if (length > 0) {
      ++scan.valid_multibyte;
      i += static_cast<size_t>(length);
    } else if (length < 0) {
      if (may_be_cut) {
        ++scan.valid_multibyte;
      } else {
        ++scan.invalid;
      }
      break;
    } else {
      ++scan.invalid;
      ++i;
    }
  }
  return scan;
}

}  // namespace heard
