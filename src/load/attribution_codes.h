// Workshop attribution codes: trailing "(TW)(T)(SW)" groups and legend lines "TW Tunbridge Wells".
//
// Pure text functions; what a code means (legend, lexicon) is the loader's
// business. Threading: safe from any thread.
#ifndef HEARD_SRC_LOAD_ATTRIBUTION_CODES_H_
#define HEARD_SRC_LOAD_ATTRIBUTION_CODES_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heard {

// True when `text` has the shape of a code even if no one defined it: one to
// three words, each a capital then up to 11 letters or '&', no digits
// ("TW", "Da", "VCS Alliances"); lower-case words and "e.g." are not codes.
bool LooksLikeCode(std::string_view text);

// True when `text` is one or more LooksLikeCode codes separated by commas.
bool LooksLikeCodeList(std::string_view text);

// One trailing parenthesis of codes.
struct CodeGroup {
  std::string written;             // as in the text: "(TW)" or "(TW, T, SW)"
  std::vector<std::string> codes;  // "TW"; "TW", "T", "SW"
  size_t offset = 0;               // byte offset of '(' in the text given
};

// Takes the code groups off the end of `text`, scanning back over "(...)"
// groups separated only by spaces, and stopping at the first group whose
// comma-separated parts are not all codes by `is_code` ("(e.g. housing
// referral)", "(1)" stay). When the last group is not codes but the groups
// before it are, those are taken and the last one stays at the end of the
// text ("... (VCS)(2 mentions)" -> "... (2 mentions)"). One '.', ';' or ','
// after the last group is kept at the end of the remaining text. Returns the groups in text order
// and sets `rest` to the text without them (trimmed); `rest` is the trimmed text when there are
// none.
std::vector<CodeGroup> SplitTrailingCodes(std::string_view text,
                                          const std::function<bool(std::string_view)>& is_code,
                                          std::string* rest);

// A legend line's code and name, before anyone resolves the name.
struct LegendEntry {
  std::string code;
  std::string name;
  bool separated = false;  // written with a separator (" - ", " – ", " = ", ":", a tab, two
                           // spaces) or as "Name (CODE)", rather than a single space
};

// Reads "CODE - Name", "CODE – Name", "CODE = Name", "CODE: Name",
// "CODE<tab>Name", "Name (CODE)" or "CODE Name" (the first token is the
// code). The code must look like a code. `text` has no bullet marker.
std::optional<LegendEntry> ParseLegendLine(std::string_view text);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_ATTRIBUTION_CODES_H_
