#include "load/charset_detect.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "load/utf8_scan.h"

namespace heard {
namespace {

using Mode = EncodingPlan::Mode;

// Fewer non-ASCII bytes than this give ICU's n-gram detector too little to
// go on: it will call a lone 0xA3 ISO-8859-2 ("Ł") as readily as Latin-1 ("£").
constexpr size_t kFewNonAscii = 16;

EncodingPlan MakePlan(Mode mode, std::string encoding, std::string note, size_t skip = 0) {
  EncodingPlan plan;
  plan.mode = mode;
  plan.encoding = std::move(encoding);
  plan.note = std::move(note);
  plan.skip = skip;
  plan.had_bom = skip > 0;
  return plan;
}

// Text in windows-1252 makes a well-formed multi-byte UTF-8 sequence only as
// mojibake ("Ã©"), so a few of them are strong evidence of UTF-8. Reading
// damaged UTF-8 as UTF-8 shows the damage as U+FFFD, which later stages flag;
// reading it as windows-1252 would make silent mojibake of every good
// character. Hence UTF-8 once valid sequences are not swamped by bad bytes.
bool MostlyUtf8(const Utf8Scan& scan) {
  return scan.valid_multibyte >= 3 && scan.valid_multibyte * 8 >= scan.invalid;
}

bool IsLatin1Family(const std::string& name) {
  return name == "ISO-8859-1" || name == "windows-1252" || name == "US-ASCII";
}

bool IsWide(const std::string& name) {
  return name.rfind("UTF-16", 0) == 0 || name.rfind("UTF-32", 0) == 0;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// An ASCII-compatible reading of text that is not UTF-8, from ICU's detector.
EncodingPlan GuessSingleByte(std::string_view text, const Utf8Scan& scan, bool allow_wide,
                             const std::string& why) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  std::string name;
  int32_t confidence = 0;
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), text.data(), static_cast<int32_t>(text.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      const std::string candidate = ucsdet_getName(matches[i], &status);
      const int32_t score = ucsdet_getConfidence(matches[i], &status);
      if (candidate == "UTF-8") continue;  // the scan already said it is not
      if (IsWide(candidate) && (!allow_wide || score < 50)) continue;
      name = candidate;
      confidence = score;
      break;
    }
  }
  const std::string fallback = "read as windows-1252, the encoding of Excel exports on Windows";
  if (name.empty())
    return MakePlan(Mode::kConvert, "windows-1252",
                    why + "ICU detector gave no answer; " + fallback);
  const std::string said = fmt::format("ICU detector: {} (confidence {})", name, confidence);
  if (IsLatin1Family(name)) {
    return MakePlan(Mode::kConvert, "windows-1252",
                    why + said + (name == "windows-1252" ? "" : ", read as windows-1252"));
  }
  const size_t non_ascii = scan.valid_multibyte + scan.invalid;
  if (non_ascii < kFewNonAscii) {
    return MakePlan(Mode::kConvert, "windows-1252",
                    fmt::format("{}{} on only {} non-ASCII bytes, too few to trust; {}", why, said,
                                non_ascii, fallback));
  }
  const std::string standard = StandardEncodingName(name);
  if (standard.empty()) {
    return MakePlan(Mode::kConvert, "windows-1252",
                    why + said + ", which ICU cannot convert; " + fallback);
  }
  return MakePlan(Mode::kConvert, standard, why + said);
}

}  // namespace

std::string StandardEncodingName(const std::string& label) {
  if (label.empty()) return "";
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(label.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return "";
  const char* internal = ucnv_getName(converter, &status);
  std::string result = U_SUCCESS(status) && internal != nullptr ? internal : label;
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode lookup = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(result.c_str(), standard, &lookup);
    if (U_SUCCESS(lookup) && name != nullptr) {
      result = name;
      break;
    }
  }
  ucnv_close(converter);
  return result;
}

EncodingPlan PlanEncoding(std::string_view head, bool is_all, const std::string& declared) {
  using namespace std::string_view_literals;
  const auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF"sv)) return MakePlan(Mode::kPassThrough, "UTF-8", "UTF-8 BOM", 3);
  if (starts("\xFF\xFE\0\0"sv)) return MakePlan(Mode::kConvert, "UTF-32LE", "UTF-32LE BOM", 4);
  if (starts("\0\0\xFE\xFF"sv)) return MakePlan(Mode::kConvert, "UTF-32BE", "UTF-32BE BOM", 4);
  if (starts("\xFF\xFE"sv)) return MakePlan(Mode::kConvert, "UTF-16LE", "UTF-16LE BOM", 2);
  if (starts("\xFE\xFF"sv)) return MakePlan(Mode::kConvert, "UTF-16BE", "UTF-16BE BOM", 2);

  std::string why;
  if (!declared.empty()) {
    const std::string name = StandardEncodingName(declared);
    const std::string as = name == declared ? "" : " (" + name + ")";
    if (name.empty()) {
      why = "declared encoding \"" + declared + "\" is unknown to ICU, so detected: ";
    } else if (name == "UTF-8") {
      return MakePlan(Mode::kPassThrough, name, "declared " + declared + as);
    } else if (name == "ISO-8859-1" || name == "US-ASCII") {
      return MakePlan(Mode::kConvert, "windows-1252",
                      "declared " + declared + ", read as its superset windows-1252");
    } else {
      return MakePlan(Mode::kConvert, name, "declared " + declared + as);
    }
  }

  const std::string extent = is_all ? fmt::format("the whole input ({} bytes)", head.size())
                                    : fmt::format("the first {} bytes", head.size());
  const Utf8Scan scan = ScanUtf8(head, !is_all);
  if (head.size() >= 4 && scan.nul * 4 >= head.size()) {
    const bool le = scan.nul_odd * 2 > scan.nul;
    return MakePlan(
        Mode::kConvert, le ? "UTF-16LE" : "UTF-16BE",
        fmt::format("{}no BOM, but {} of {} bytes are NUL, mostly at {} offsets: {}", why, scan.nul,
                    head.size(), le ? "odd" : "even", le ? "UTF-16LE" : "UTF-16BE"));
  }
  if (scan.ascii_only()) {
    if (is_all) return MakePlan(Mode::kPassThrough, "UTF-8", why + "ASCII only, " + extent);
    return MakePlan(Mode::kAsciiSoFar, "UTF-8",
                    why + "ASCII only in " + extent + "; the first non-ASCII byte decides");
  }
  if (scan.valid()) return MakePlan(Mode::kPassThrough, "UTF-8", why + "valid UTF-8 in " + extent);
  if (MostlyUtf8(scan)) {
    return MakePlan(Mode::kPassThrough, "UTF-8",
                    fmt::format("{}UTF-8 with {} invalid bytes in {} ({} valid multi-byte "
                                "sequences); invalid bytes become U+FFFD",
                                why, scan.invalid, extent, scan.valid_multibyte));
  }
  return GuessSingleByte(
      head, scan, /*allow_wide=*/true,
      fmt::format("{}not UTF-8 ({} invalid bytes in {}); ", why, scan.invalid, extent));
}

EncodingPlan JudgeAfterAscii(std::string_view window, bool may_be_cut, size_t offset) {
  const Utf8Scan scan = ScanUtf8(window, may_be_cut);
  const std::string why = fmt::format("ASCII only for the first {} bytes, then ", offset);
  if (scan.valid()) {
    return MakePlan(Mode::kPassThrough, "UTF-8",
                    fmt::format("{}valid UTF-8 in the next {} bytes", why, window.size()));
  }
  if (MostlyUtf8(scan)) {
    return MakePlan(Mode::kPassThrough, "UTF-8",
                    fmt::format("{}UTF-8 with {} invalid bytes in the next {}; invalid bytes "
                                "become U+FFFD",
                                why, scan.invalid, window.size()));
  }
  return GuessSingleByte(window, scan, /*allow_wide=*/false,
                         fmt::format("{}not UTF-8 ({} invalid bytes in the next {}); ", why,
                                     scan.invalid, window.size()));
}

}  // namespace heard
