// Small helpers over pugixml shared by the .docx and .xlsx readers: elements and attributes by
// local name (whatever the namespace prefix), parsing with a clear reason.
#ifndef HEARD_SRC_LOAD_OFFICE_XML_H_
#define HEARD_SRC_LOAD_OFFICE_XML_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "heard/status.h"

namespace heard {

// The element name without its prefix: "w:t" -> "t".
std::string_view LocalName(pugi::xml_node node);

// The first child element with local name `name`; an empty node when none.
pugi::xml_node Child(pugi::xml_node node, std::string_view name);

// Every child element with local name `name`, in order.
std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view name);

// The attribute with local name `name` ("w:val", "val", "r:id" -> "id"); "" when absent.
std::string Attr(pugi::xml_node node, std::string_view name);

// `text` as a whole number; `fallback` when it is not one.
int ToInt(std::string_view text, int fallback);

std::string AsciiLower(std::string_view text);

// ASCII white space trimmed.
std::string_view Trim(std::string_view text);

// Line breaks and tabs made spaces, trimmed.
std::string OneLine(std::string_view text);

// Parses `xml` (the part `part` of an archive) into `doc` in place: `doc`
// points into `*xml`, which must outlive it and not change (no copy of a
// large sheet is made). kInvalidInput naming the part, pugixml's reason and
// the byte offset when it is not XML.
Status ParseXml(std::string* xml, const std::string& part, pugi::xml_document* doc);

}  // namespace heard

#endif  // HEARD_SRC_LOAD_OFFICE_XML_H_
