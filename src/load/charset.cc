// Decides the encoding of a byte stream from its first bytes, then hands out
// UTF-8: UTF-8 input block by block as read (no conversion), anything else
// through an ICU converter pair fed fixed-size blocks with its state kept
// between them. Input that is pure ASCII so far stays undecided until the
// first non-ASCII byte, which is judged then (ASCII reads the same either way).
#include "heard/charset.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <cstring>
#include <streambuf>

#include "load/charset_detect.h"
#include "load/utf8_scan.h"

namespace heard {
namespace {

constexpr size_t kBlock = 64 * 1024;  // bytes read from the raw stream at a time
constexpr size_t kWindow = 256;       // least non-ASCII window judged in ASCII-so-far mode
constexpr size_t kPivot = 4096;       // UTF-16 code units between the two converters

struct Span {
  char* data = nullptr;
  size_t size = 0;
};

// Writes U+FFFD for every byte sequence the source encoding cannot map, so a
// replacement is the same whatever the converter's own substitution character.
void U_CALLCONV ReplaceWithFffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                                UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;
  static const UChar kReplacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

class DecodingBuf : public std::streambuf {
 public:
  DecodingBuf(std::istream& raw, std::string head, bool raw_done, const EncodingPlan& plan,
              EncodingDecision* decision)
      : raw_(raw),
        head_(std::move(head)),
        head_pos_(plan.skip),
        raw_done_(raw_done),
        mode_(plan.mode),
        decision_(decision),
        block_(new char[kWindow + kBlock]) {
    if (mode_ == EncodingPlan::Mode::kConvert && !StartConverter(plan.encoding)) {
      StartConverter("windows-1252");
      Decided("windows-1252", plan.note + "; ICU could not open it, read as windows-1252");
    }
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    switch (mode_) {
      case EncodingPlan::Mode::kPassThrough:
        return PassThrough();
      case EncodingPlan::Mode::kAsciiSoFar:
        return AsciiSoFar();
      case EncodingPlan::Mode::kConvert:
        return Convert();
    }
    return traits_type::eof();
  }

 private:
  bool AtEnd() const { return head_pos_ >= head_.size() && raw_done_ && carry_ == 0; }

  // The next bytes of input: what is left of the sniffed head, then blocks of
  // the raw stream, each led by the bytes carried over from the last block.
  Span NextBlock() {
    if (head_pos_ < head_.size()) {
      Span span{head_.data() + head_pos_, head_.size() - head_pos_};
      head_pos_ = head_.size();
      return span;
    }
    std::memcpy(block_.get(), carry_buf_, carry_);
    size_t n = 0;
    if (!raw_done_) {
      raw_.read(block_.get() + carry_, kBlock);
      n = static_cast<size_t>(raw_.gcount());
      raw_done_ = n < kBlock;
    }
    Span span{block_.get(), carry_ + n};
    carry_ = 0;
    return span;
  }

  int_type HandOut(char* data, size_t size) {
    setg(data, data, data + size);
    return size == 0 ? traits_type::eof() : traits_type::to_int_type(*data);
  }

  int_type PassThrough() {
    const Span span = NextBlock();
    return HandOut(span.data, span.size);
  }

  int_type AsciiSoFar() {
    for (;;) {
      const Span span = NextBlock();
      if (span.size == 0) return traits_type::eof();
      const auto* bytes = reinterpret_cast<const unsigned char*>(span.data);
      size_t k = 0;
      while (k < span.size && bytes[k] < 0x80) ++k;
      if (k == span.size) {
        consumed_ += span.size;
        return HandOut(span.data, span.size);
      }
      const size_t tail = span.size - k;
      if (tail < kWindow && !AtEnd()) {
        // Too little to judge: keep the non-ASCII tail for the next block.
        std::memcpy(carry_buf_, span.data + k, tail);
        carry_ = tail;
        consumed_ += k;
        if (k > 0) return HandOut(span.data, k);
        continue;
      }
      const std::string_view window(span.data + k, tail);
      const EncodingPlan plan = JudgeAfterAscii(window, !AtEnd(), consumed_ + k);
      consumed_ += span.size;
      Decided(plan.encoding, plan.note);
      if (plan.mode == EncodingPlan::Mode::kPassThrough) {
        mode_ = plan.mode;
        return HandOut(span.data, span.size);
      }
      if (!StartConverter(plan.encoding)) StartConverter("windows-1252");
      mode_ = EncodingPlan::Mode::kConvert;
      src_ = span.data;
      src_end_ = span.data + span.size;
      return Convert();
    }
  }

  bool StartConverter(const std::string& encoding) {
    UErrorCode status = U_ZERO_ERROR;
    from_.reset(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status) || from_ == nullptr) return false;
    ucnv_setToUCallBack(from_.get(), ReplaceWithFffd, nullptr, nullptr, nullptr, &status);
    utf8_.reset(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status) || utf8_ == nullptr) return false;
    if (!pivot_) pivot_.reset(new UChar[kPivot]);
    if (!out_) out_.reset(new char[kBlock]);
    pivot_source_ = pivot_target_ = pivot_.get();
    reset_ = true;
    return true;
  }

  int_type Convert() {
    if (from_ == nullptr || utf8_ == nullptr) return traits_type::eof();
    for (;;) {
      if (src_ == src_end_ && !input_done_) {
        const Span span = NextBlock();
        src_ = span.data;
        src_end_ = span.data + span.size;
        input_done_ = span.size == 0;
      }
      char* target = out_.get();
      const char* source = src_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(utf8_.get(), from_.get(), &target, out_.get() + kBlock, &source, src_end_,
                     pivot_.get(), &pivot_source_, &pivot_target_, pivot_.get() + kPivot, reset_,
                     input_done_, &status);
      src_ = source;
      reset_ = false;
      if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) {
        // With a substituting callback this is a broken converter, not bad
        // input; say so where the decision is recorded and end the text.
        Decided(
            decision_ ? decision_->encoding : "",
            (decision_ ? decision_->note : "") + "; conversion stopped: " + u_errorName(status));
        from_.reset();
        return HandOut(out_.get(), static_cast<size_t>(target - out_.get()));
      }
      if (target != out_.get())
        return HandOut(out_.get(), static_cast<size_t>(target - out_.get()));
      if (input_done_ && status != U_BUFFER_OVERFLOW_ERROR) return traits_type::eof();
    }
  }

  void Decided(const std::string& encoding, const std::string& note) {
    if (decision_ == nullptr) return;
    decision_->encoding = encoding;
    decision_->note = note;
  }

  struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
  };
  using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

  std::istream& raw_;
  std::string head_;  // the sniffed first bytes, handed out first
  size_t head_pos_;
  bool raw_done_;  // `raw_` has nothing more
  EncodingPlan::Mode mode_;
  EncodingDecision* decision_;  // may be null; updated when an ASCII-so-far input decides
  std::unique_ptr<char[]> block_;
  char carry_buf_[kWindow];
  size_t carry_ = 0;
  size_t consumed_ = 0;  // input bytes handed on while ASCII so far, for the note

  ConverterPtr from_;
  ConverterPtr utf8_;
  std::unique_ptr<UChar[]> pivot_;
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
  std::unique_ptr<char[]> out_;
  const char* src_ = nullptr;
  const char* src_end_ = nullptr;
  bool input_done_ = false;
  bool reset_ = true;
};

// Owns its buffer; the buffer is built before the istream base uses it.
class DecodedStream : public std::istream {
 public:
  explicit DecodedStream(std::unique_ptr<DecodingBuf> buf)
      : std::istream(buf.get()), buf_(std::move(buf)) {}

 private:
  std::unique_ptr<DecodingBuf> buf_;
};

}  // namespace

std::unique_ptr<std::istream> OpenUtf8(std::istream& raw, EncodingDecision* decision,
                                       const DecodeOptions& options) {
  std::string head(std::max<size_t>(options.sniff_bytes, 4), '\0');
  raw.read(head.data(), static_cast<std::streamsize>(head.size()));
  const size_t got = static_cast<size_t>(raw.gcount());
  const bool raw_done = got < head.size();
  head.resize(got);

  const EncodingPlan plan = PlanEncoding(head, raw_done, options.declared);
  if (decision != nullptr) {
    decision->encoding = plan.encoding;
    decision->note = plan.note;
    decision->had_bom = plan.had_bom;
  }
  return std::make_unique<DecodedStream>(
      std::make_unique<DecodingBuf>(raw, std::move(head), raw_done, plan, decision));
}

bool CanDecode(const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status) && converter != nullptr;
}

}  // namespace heard
