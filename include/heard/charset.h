// Turns bytes of unknown encoding into UTF-8: BOM sniffing, ICU detection, streaming conversion.
#ifndef HEARD_CHARSET_H_
#define HEARD_CHARSET_H_

#include <istream>
#include <memory>
#include <string>

namespace heard {

// What the decoder decided and why; recorded with the source.
struct EncodingDecision {
  std::string encoding;  // ICU converter name actually used: "UTF-8", "windows-1252", "UTF-16LE" ...
  std::string note;      // e.g. "UTF-8 BOM", "valid UTF-8", "ICU detector: ISO-8859-1 (confidence 47), read as windows-1252"
  bool had_bom = false;
};

struct DecodeOptions {
  std::string declared;           // encoding named in the pipeline file; empty = detect
  size_t sniff_bytes = 64 * 1024; // how much of the start the detector sees
};

// Wraps `raw` (which must outlive the result) in a stream of UTF-8 without
// BOM. Detection order: a BOM; `declared`; valid UTF-8 in the sniffed prefix;
// ICU's detector (ISO-8859-1 is read as its superset windows-1252, as browsers
// do). Conversion streams in fixed-size chunks, so memory does not grow with
// the input. Bytes that are invalid in the chosen encoding become U+FFFD.
// Threading: the returned stream is used by one thread.
std::unique_ptr<std::istream> OpenUtf8(std::istream& raw, EncodingDecision* decision,
                                       const DecodeOptions& options = {});

}  // namespace heard

#endif  // HEARD_CHARSET_H_
