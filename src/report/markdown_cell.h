// One Markdown table cell: kept on one line, with its pipes taken literally.
#ifndef HEARD_SRC_REPORT_MARKDOWN_CELL_H_
#define HEARD_SRC_REPORT_MARKDOWN_CELL_H_

#include <string>

namespace heard {

inline std::string MarkdownCell(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace heard

#endif  // HEARD_SRC_REPORT_MARKDOWN_CELL_H_
