// Escaping, number formatting and count links for the HTML report.
#include "report/report_markup.h"

#include <fmt/format.h>

namespace heard::report {

std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Number(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string Shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars - 1) {
      // Room for one more code point: keep it only if it is the last.
      size_t end = i + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (end >= text.size()) return std::string(text);
      std::string cut(text.substr(0, i));
      while (!cut.empty() && cut.back() == ' ') cut.pop_back();
      return cut + "…";
    }
    ++chars;
  }
  return std::string(text);
}

std::string CountAttributes(const CountFilter& filter) {
  std::string out =
      fmt::format("class=\"count\" href=\"#panel\" data-kind=\"{}\"", Html(filter.kind));
  auto add = [&out](const char* name, const std::optional<std::string>& value) {
    if (value) out += fmt::format(" data-{}=\"{}\"", name, Html(*value));
  };
  add("outcome", filter.outcome);
  add("theme", filter.theme);
  add("district", filter.district);
  add("channel", filter.channel);
  add("also", filter.also_theme);
  return out;
}

std::string CountLink(const CountFilter& filter, int64_t n) {
  return fmt::format("<a {}>{}</a>", CountAttributes(filter), Number(n));
}

std::string_view ChannelLabel(std::string_view channel) {
  if (channel == "focus_group") return "focus group";
  return channel;
}

}  // namespace heard::report
