// Display text (valid NFC UTF-8) and folded match text with a byte map back to the display text.
#include "heard/normalise.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>

namespace heard {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// ICU's normalizers are process-wide singletons, immutable and thread-safe.
// nullptr only if ICU's data is missing; the text then passes unnormalised.
const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Plain ASCII for the quotes, dashes and spaces people type in many forms;
// 0 for any other code point.
char PlainPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    default:
      break;
  }
  if (c >= 0x80 && u_charType(c) == U_SPACE_SEPARATOR) return ' ';
  return 0;
}

// Replaces table characters of `in` by their ASCII form, appending to *out.
void AppendPlain(std::string_view in, std::string* out) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    char plain = c < 0 ? 0 : PlainPunctuation(c);
    if (plain != 0) {
      *out += plain;
    } else {
      out->append(in.data() + start, static_cast<size_t>(i - start));
    }
  }
}

UChar32 PeekCodePoint(std::string_view s, size_t at) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}

// Writes folded bytes and their display spans; the vectors are sized ahead
// and trimmed at the end, so the ASCII loop does no bounds growth.
class FoldWriter {
 public:
  FoldWriter(FoldedText* out, size_t expected) : out_(out) { Grow(expected); }

  void Ascii(const unsigned char* display, size_t from, size_t to) {
    Ensure(to - from);
    char* text = &out_->text[size_];
    uint32_t* start = out_->start.data() + size_;
    uint32_t* end = out_->end.data() + size_;
    for (size_t i = from; i < to; ++i) {
      unsigned char c = display[i];
      *text++ = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
      *start++ = static_cast<uint32_t>(i);
      *end++ = static_cast<uint32_t>(i + 1);
    }
    size_ += to - from;
  }

  void Segment(std::string_view bytes, size_t from, size_t to) {
    Ensure(bytes.size());
    for (size_t k = 0; k < bytes.size(); ++k) {
      out_->text[size_ + k] = bytes[k];
      out_->start[size_ + k] = static_cast<uint32_t>(from);
      out_->end[size_ + k] = static_cast<uint32_t>(to);
    }
    size_ += bytes.size();
  }

  void Finish() {
    out_->text.resize(size_);
    out_->start.resize(size_);
    out_->end.resize(size_);
  }

 private:
  void Ensure(size_t extra) {
    if (size_ + extra > out_->text.size()) Grow(std::max(size_ + extra, out_->text.size() * 2));
  }
  void Grow(size_t size) {
    out_->text.resize(size);
    out_->start.resize(size);
    out_->end.resize(size);
  }

  FoldedText* out_;
  size_t size_ = 0;
};

// Folds one normalisation segment (a starter and what combines with it),
// replacing *out.
void FoldBytes(std::string_view segment, std::string* out) {
  thread_local std::string plain;
  thread_local std::string folded;
  plain.clear();
  AppendPlain(segment, &plain);
  bool ascii = true;
  for (char c : plain) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  out->clear();
  if (ascii) {
    for (char c : plain) *out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  folded.clear();
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  UErrorCode status = U_ZERO_ERROR;
  if (nfkc_cf != nullptr) {
    icu::StringByteSink<std::string> sink(&folded);
    nfkc_cf->normalizeUTF8(0, icu::StringPiece(plain.data(), static_cast<int32_t>(plain.size())),
                           sink, nullptr, status);
  }
  if (nfkc_cf == nullptr || U_FAILURE(status)) folded = plain;
  // Compatibility forms can decompose into table characters (U+2034 -> three U+2032).
  AppendPlain(folded, out);
}

// The folded form of every code point below kCachedBelow that forms a
// segment on its own (Latin, Greek, Cyrillic, Arabic, Indic, punctuation,
// kana), computed once, so text in those scripts costs no ICU call per
// character. Immutable after construction; shared by all threads.
class FoldCache {
 public:
  static constexpr UChar32 kCachedBelow = 0x3100;

  FoldCache() : entries_(kCachedBelow) {
    std::string folded;
    for (UChar32 c = 0x80; c < kCachedBelow; ++c) {
      if (U_IS_SURROGATE(c)) continue;
      char bytes[U8_MAX_LENGTH];
      int32_t length = 0;
      U8_APPEND_UNSAFE(bytes, length, c);
      FoldBytes(std::string_view(bytes, static_cast<size_t>(length)), &folded);
      if (folded.size() > sizeof(entries_[c].bytes)) continue;
      entries_[c].size = static_cast<uint8_t>(folded.size());
      std::copy(folded.begin(), folded.end(), entries_[c].bytes);
    }
  }

  // Sets *folded to the folded bytes of `c`; false when `c` is not cached.
  bool Find(UChar32 c, std::string_view* folded) const {
    if (c < 0x80 || c >= kCachedBelow || entries_[c].size == kNotCached) return false;
    *folded = std::string_view(entries_[c].bytes, entries_[c].size);
    return true;
  }

 private:
  static constexpr uint8_t kNotCached = 0xFF;
  struct Entry {
    uint8_t size = kNotCached;
    char bytes[15];
  };
  std::vector<Entry> entries_;
};

const FoldCache& Cache() {
  static const FoldCache cache;
  return cache;
}

}  // namespace

std::string ToDisplayText(std::string_view raw, bool* had_invalid) {
  std::string out;
  out.reserve(raw.size());
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t n = raw.size();
  bool invalid = false;
  bool ascii = true;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && ((p[j] >= 0x20 && p[j] < 0x80) || p[j] == '\n' || p[j] == '\t')) ++j;
    out.append(raw.data() + i, j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '\r') {
        out += '\n';
        if (i + 1 < n && p[i + 1] == '\n') ++i;
      } else {
        out += ' ';
      }
      ++i;
      continue;
    }
    ascii = false;
    int32_t k = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(p, k, static_cast<int32_t>(std::min<size_t>(n, INT32_MAX)), cp);
    if (cp < 0) {
      out += kReplacement;
      invalid = true;
    } else {
      out.append(raw.data() + i, static_cast<size_t>(k) - i);
    }
    i = static_cast<size_t>(k);
  }
  if (had_invalid != nullptr) *had_invalid = invalid;
  const icu::Normalizer2* nfc = Nfc();
  if (ascii || nfc == nullptr) return out;
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(out.data(), static_cast<int32_t>(out.size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return out;
  std::string composed;
  composed.reserve(out.size());
  icu::StringByteSink<std::string> sink(&composed);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? composed : out;
}

FoldedText FoldForMatching(std::string_view display) {
  FoldedText folded;
  FoldWriter writer(&folded, display.size());
  const auto* p = reinterpret_cast<const unsigned char*>(display.data());
  const size_t n = display.size();
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  const FoldCache& cache = Cache();
  thread_local std::string segment;
  auto boundary_before = [&](size_t at) {
    return nfkc_cf == nullptr || nfkc_cf->hasBoundaryBefore(PeekCodePoint(display, at));
  };
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] < 0x80) ++j;
    size_t ascii_end = j;
    // An ASCII letter followed by a combining mark belongs to the mark's segment.
    if (j < n && j > i && !boundary_before(j)) ascii_end = j - 1;
    writer.Ascii(p, i, ascii_end);
    i = ascii_end;
    if (i >= n) break;
    size_t segment_start = i;
    int32_t k = static_cast<int32_t>(i);
    const int32_t limit = static_cast<int32_t>(std::min<size_t>(n, INT32_MAX));
    UChar32 c;
    U8_NEXT(p, k, limit, c);
    std::string_view cached;
    if (k >= limit || boundary_before(static_cast<size_t>(k))) {
      i = static_cast<size_t>(k);
      if (c >= 0 && cache.Find(c, &cached)) {
        writer.Segment(cached, segment_start, i);
        continue;
      }
    }
    while (k < limit && !boundary_before(static_cast<size_t>(k))) U8_NEXT(p, k, limit, c);
    i = static_cast<size_t>(k);
    FoldBytes(display.substr(segment_start, i - segment_start), &segment);
    writer.Segment(segment, segment_start, i);
  }
  writer.Finish();
  return folded;
}

FoldedText NormaliseRecord(Record& record) {
  bool had_invalid = false;
  record.text = ToDisplayText(record.text, &had_invalid);
  if (had_invalid) record.flags |= kFlagInvalidUtf8;
  FoldedText folded = FoldForMatching(record.text);
  record.match_text = folded.text;
  return folded;
}

}  // namespace heard
