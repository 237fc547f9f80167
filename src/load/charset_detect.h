// How OpenUtf8 decides an encoding: BOM, declaration, UTF-8 evidence, ICU's detector.
#ifndef HEARD_SRC_LOAD_CHARSET_DETECT_H_
#define HEARD_SRC_LOAD_CHARSET_DETECT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace heard {

struct EncodingPlan {
  enum class Mode {
    kPassThrough,  // UTF-8: bytes handed on as read
    kAsciiSoFar,   // nothing but ASCII seen yet: handed on, judged at the first non-ASCII byte
    kConvert,      // through an ICU converter from `encoding`
  };
  Mode mode = Mode::kPassThrough;
  std::string encoding;  // IANA name: "UTF-8", "windows-1252", "UTF-16LE" ...
  std::string note;      // what was decided and why, for EncodingDecision::note
  size_t skip = 0;       // BOM bytes to drop
  bool had_bom = false;
};

// `head` is the start of the input; `is_all` when it is the whole input.
// `declared` is the encoding the pipeline names, empty when none.
EncodingPlan PlanEncoding(std::string_view head, bool is_all, const std::string& declared);

// Judges input that was pure ASCII for its first `offset` bytes from the
// non-ASCII `window` that follows; `may_be_cut` when more input follows it.
EncodingPlan JudgeAfterAscii(std::string_view window, bool may_be_cut, size_t offset);

// ICU's standard (MIME, else IANA) name for an encoding label such as
// "latin1" or "cp1252"; empty when ICU has no converter for it.
std::string StandardEncodingName(const std::string& label);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_CHARSET_DETECT_H_
