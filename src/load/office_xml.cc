#include "load/office_xml.h"

#include <fmt/format.h>

#include <charconv>

namespace heard {
namespace {

std::string_view WithoutPrefix(const char* name) {
  std::string_view full(name);
  const size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

}  // namespace

std::string_view LocalName(pugi::xml_node node) { return WithoutPrefix(node.name()); }

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  }
  return pugi::xml_node();
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) out.push_back(child);
  }
  return out;
}

std::string Attr(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (WithoutPrefix(attribute.name()) == name) return attribute.value();
  }
  return "";
}

int ToInt(std::string_view text, int fallback) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty() ? value
                                                                                   : fallback;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  const char* const space = " \t\r\n\f\v";
  const size_t begin = text.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

std::string OneLine(std::string_view text) {
  std::string out(Trim(text));
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return out;
}

Status ParseXml(std::string* xml, const std::string& part, pugi::xml_document* doc) {
  const pugi::xml_parse_result result = doc->load_buffer_inplace(
      xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
      pugi::encoding_utf8);
  if (!result) {
    return Status::InvalidInput(fmt::format("{} is not well-formed XML ({} at byte {})", part,
                                            result.description(), result.offset));
  }
  return Status::Ok();
}

}  // namespace heard
