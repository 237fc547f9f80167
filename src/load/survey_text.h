// Small text helpers shared by the survey loader and the survey mapping guess.
#ifndef HEARD_SRC_LOAD_SURVEY_TEXT_H_
#define HEARD_SRC_LOAD_SURVEY_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace heard {

// `text` without leading and trailing white space: ASCII white space, NBSP
// (U+00A0) and a stray BOM (U+FEFF).
std::string_view TrimSpace(std::string_view text);

// Runs of white space made one ' ', trimmed, lower-cased (Unicode, root
// locale): the text part of a survey record's dedup_key.
std::string CollapseLower(std::string_view text);

// Up to `limit` of `names` that look like `wanted`: equal ignoring case and
// spaces, one containing the other, or a small edit distance; closest first.
std::vector<std::string> CloseNames(std::string_view wanted, const std::vector<std::string>& names,
                                    size_t limit = 3);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_SURVEY_TEXT_H_
