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
// BOM. Detection order: a BOM; `declared`; valid (or mostly valid) UTF-8 in
// the sniffed prefix; ICU's detector (ISO-8859-1 is read as its superset
// windows-1252, as browsers do). Conversion streams in fixed-size chunks, so
// memory does not grow with the input. Bytes that are invalid in a converted
// encoding become U+FFFD; UTF-8 is passed on as read, invalid bytes and all,
// for ToDisplayText to replace and flag. When the sniffed prefix is pure
// ASCII the decision waits for the first non-ASCII byte and `*decision` is
// updated then, while the stream is read: it must outlive the stream, and is
// final once the stream has been read to its end.
// Threading: the returned stream is used by one thread.
std::unique_ptr<std::istream> OpenUtf8(std::istream& raw, EncodingDecision* decision,
                                       const DecodeOptions& options = {});

// True when `encoding` names a character set ICU can convert from (its names and aliases:
// "windows-1252", "latin1", "UTF-16LE" ...), so a pipeline can declare it.
bool CanDecode(const std::string& encoding);

}  // namespace heard

#endif  // HEARD_CHARSET_H_
