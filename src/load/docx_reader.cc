// Word documents: word/document.xml (with styles.xml and numbering.xml) turned into notes text.
#include <fmt/format.h>

#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "heard/office.h"
#include "load/office_xml.h"
#include "load/zip_archive.h"

namespace heard {
namespace {

// One paragraph of the body, numbered in document order.
struct Paragraph {
  int64_t number = 0;
  std::string text;    // '\n' where a w:br broke the line, '\t' for w:tab
  int heading = 0;     // 1..6 for headings
  int list = 0;        // 0 none, 1 bullet, 2 numbered
  int list_level = 0;  // w:ilvl
};

struct ParagraphStyle {
  std::string name;      // w:name, lower case
  std::string based_on;  // styleId
  int outline = -1;      // w:outlineLvl, 0-based; -1 none
  std::string num_id;    // w:numPr in the style
  int ilvl = 0;
};

// styles.xml and numbering.xml, as far as headings and lists need them.
class DocumentStyles {
 public:
  void ReadStyles(const pugi::xml_document& doc) {
    for (pugi::xml_node style : Children(Child(doc, "styles"), "style")) {
      if (Attr(style, "type") != "paragraph") continue;
      ParagraphStyle s;
      s.name = AsciiLower(Attr(Child(style, "name"), "val"));
      s.based_on = Attr(Child(style, "basedOn"), "val");
      pugi::xml_node ppr = Child(style, "pPr");
      s.outline = ToInt(Attr(Child(ppr, "outlineLvl"), "val"), -1);
      pugi::xml_node numpr = Child(ppr, "numPr");
      s.num_id = Attr(Child(numpr, "numId"), "val");
      s.ilvl = ToInt(Attr(Child(numpr, "ilvl"), "val"), 0);
      styles_[Attr(style, "styleId")] = s;
    }
  }

  void ReadNumbering(const pugi::xml_document& doc) {
    pugi::xml_node root = Child(doc, "numbering");
    std::map<std::string, std::map<int, std::string>> abstract;  // id -> ilvl -> numFmt
    for (pugi::xml_node a : Children(root, "abstractNum")) {
      auto& levels = abstract[Attr(a, "abstractNumId")];
      for (pugi::xml_node lvl : Children(a, "lvl")) {
        levels[ToInt(Attr(lvl, "ilvl"), 0)] = Attr(Child(lvl, "numFmt"), "val");
      }
    }
    for (pugi::xml_node num : Children(root, "num")) {
      formats_[Attr(num, "numId")] = abstract[Attr(Child(num, "abstractNumId"), "val")];
    }
  }

  // 1..6 for a heading style (Title, Heading N, an outline level, or based on one); 0 otherwise.
  int HeadingLevel(std::string style_id) const {
    for (int depth = 0; depth < 10 && !style_id.empty(); ++depth) {
      auto it = styles_.find(style_id);
      if (it == styles_.end()) return HeadingFromName(AsciiLower(style_id));
      const ParagraphStyle& s = it->second;
      if (int level = HeadingFromName(s.name)) return level;
      if (s.outline >= 0 && s.outline < 9) return std::min(s.outline + 1, 6);
      style_id = s.based_on;
    }
    return 0;
  }

  // The style's own list numbering, if any: numId and level.
  bool StyleList(std::string style_id, std::string* num_id, int* ilvl, bool* by_name) const {
    for (int depth = 0; depth < 10 && !style_id.empty(); ++depth) {
      auto it = styles_.find(style_id);
      const std::string name = it == styles_.end() ? AsciiLower(style_id) : it->second.name;
      if (it != styles_.end() && !it->second.num_id.empty()) {
        *num_id = it->second.num_id;
        *ilvl = it->second.ilvl;
        return true;
      }
      // "List Bullet", "List Number 2" without numbering in styles.xml.
      if (name.rfind("list bullet", 0) == 0 || name.rfind("listbullet", 0) == 0 ||
          name.rfind("list number", 0) == 0 || name.rfind("listnumber", 0) == 0) {
        *by_name = name.find("number") != std::string::npos;
        num_id->clear();
        return true;
      }
      if (it == styles_.end()) return false;
      style_id = it->second.based_on;
    }
    return false;
  }

  // 1 for a bullet list, 2 for a numbered one, 0 when numId 0 or unknown turns numbering off.
  int ListKind(const std::string& num_id, int ilvl) const {
    if (num_id.empty() || num_id == "0") return 0;
    auto it = formats_.find(num_id);
    if (it == formats_.end()) return 1;  // numbering.xml missing: still a list paragraph
    auto level = it->second.find(ilvl);
    if (level == it->second.end()) return 1;
    return level->second == "bullet" || level->second == "none" || level->second.empty() ? 1 : 2;
  }

 private:
  static int HeadingFromName(const std::string& name) {
    if (name == "title") return 1;
    for (const char* prefix : {"heading ", "heading"}) {
      const size_t n = std::strlen(prefix);
      if (name.size() == n + 1 && name.compare(0, n, prefix) == 0 && name[n] >= '1' &&
          name[n] <= '9') {
        return std::min(name[n] - '0', 6);
      }
    }
    return 0;
  }

  std::map<std::string, ParagraphStyle> styles_;
  std::map<std::string, std::map<int, std::string>> formats_;
};

// Text of a paragraph's runs: deletions, field instructions and drawings left out.
void CollectText(pugi::xml_node node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(child);
    if (name == "t") {
      out->append(child.child_value());
    } else if (name == "tab" || name == "ptab") {
      out->push_back('\t');
    } else if (name == "br" || name == "cr") {
      out->push_back('\n');
    } else if (name == "noBreakHyphen") {
      out->push_back('-');
    } else if (name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
               name == "pPr" || name == "rPr" || name == "sdtPr" || name == "sdtEndPr" ||
               name == "AlternateContent" || name == "drawing" || name == "pict" ||
               name == "object" || name == "footnoteReference" || name == "endnoteReference" ||
               name == "commentReference" || name == "softHyphen" || name == "fldChar") {
      continue;
    } else {
      CollectText(child, out);  // w:r, w:hyperlink, w:ins, w:moveTo, w:sdt, w:smartTag ...
    }
  }
}

class BodyReader {
 public:
  explicit BodyReader(const DocumentStyles& styles) : styles_(styles) {}

  // Reads block content (w:p, w:tbl, content controls) into paragraphs_.
  void Blocks(pugi::xml_node container) {
    for (pugi::xml_node child : container.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "p") {
        paragraphs_.push_back(Read(child));
      } else if (name == "tbl") {
        Table(child);
      } else if (name != "sectPr" && name != "sdtPr" && name != "sdtEndPr" && name != "del" &&
                 name != "moveFrom" && name != "tblPr" && name != "tblGrid") {
        Blocks(child);  // w:sdt, w:sdtContent, w:customXml, w:ins
      }
    }
  }

  std::vector<Paragraph>& paragraphs() { return paragraphs_; }
  int64_t count() const { return count_; }

 private:
  Paragraph Read(pugi::xml_node p) {
    Paragraph paragraph;
    paragraph.number = ++count_;
    CollectText(p, &paragraph.text);
    pugi::xml_node ppr = Child(p, "pPr");
    const std::string style = Attr(Child(ppr, "pStyle"), "val");
    paragraph.heading = styles_.HeadingLevel(style);
    const int outline = ToInt(Attr(Child(ppr, "outlineLvl"), "val"), -1);
    if (outline >= 0 && outline < 9) paragraph.heading = std::min(outline + 1, 6);
    if (paragraph.heading > 0) return paragraph;
    pugi::xml_node numpr = Child(ppr, "numPr");
    std::string num_id;
    int ilvl = 0;
    bool numbered_by_name = false;
    if (numpr) {
      num_id = Attr(Child(numpr, "numId"), "val");
      ilvl = ToInt(Attr(Child(numpr, "ilvl"), "val"), 0);
      paragraph.list = styles_.ListKind(num_id, ilvl);
    } else if (styles_.StyleList(style, &num_id, &ilvl, &numbered_by_name)) {
      paragraph.list = num_id.empty() ? (numbered_by_name ? 2 : 1) : styles_.ListKind(num_id, ilvl);
    }
    paragraph.list_level = std::max(0, std::min(ilvl, 8));
    return paragraph;
  }

  void Table(pugi::xml_node table) {
    for (pugi::xml_node row : Children(table, "tr")) {
      BodyReader cells(styles_);
      cells.count_ = count_;
      std::vector<std::vector<Paragraph>> by_cell;
      bool simple = true;
      for (pugi::xml_node cell : Children(row, "tc")) {
        const size_t before = cells.paragraphs_.size();
        cells.Blocks(cell);
        std::vector<Paragraph> mine(cells.paragraphs_.begin() + before, cells.paragraphs_.end());
        size_t filled = 0;
        for (const Paragraph& p : mine) filled += !Trim(p.text).empty();
        if (filled > 1 || Child(cell, "tbl")) simple = false;
        by_cell.push_back(std::move(mine));
      }
      count_ = cells.count_;
      if (!simple) {
        for (Paragraph& p : cells.paragraphs_) paragraphs_.push_back(std::move(p));
        continue;
      }
      Paragraph line;
      line.number = cells.paragraphs_.empty() ? count_ : cells.paragraphs_.front().number;
      std::vector<std::string> texts;
      for (const std::vector<Paragraph>& cell : by_cell) {
        std::string text;
        for (const Paragraph& p : cell) {
          if (!Trim(p.text).empty()) text = OneLine(p.text);
        }
        texts.push_back(std::move(text));
      }
      while (!texts.empty() && texts.back().empty()) texts.pop_back();
      line.text = fmt::format("{}", fmt::join(texts, "\t"));
      if (cells.paragraphs_.empty()) continue;
      paragraphs_.push_back(std::move(line));
    }
  }

  const DocumentStyles& styles_;
  std::vector<Paragraph> paragraphs_;
  int64_t count_ = 0;
};

// The notes text and its line -> paragraph map, from the paragraphs in order.
WordText Emit(const std::vector<Paragraph>& paragraphs, int64_t count) {
  WordText out;
  out.paragraphs = count;
  int64_t current = 0;
  bool last_blank = true;  // nothing written yet counts as after a blank
  const auto line = [&](std::string_view text) {
    out.text.append(text).push_back('\n');
    out.paragraph_of_line.push_back(current);
    last_blank = Trim(text).empty();
  };
  const auto blank = [&] {
    if (!last_blank) line("");
  };
  for (const Paragraph& p : paragraphs) {
    // A blank line that separates p from what came before belongs to the paragraph before.
    if (Trim(p.text).empty() || p.list == 0) blank();
    current = p.number;
    if (Trim(p.text).empty()) continue;
    if (p.heading > 0) {
      line(std::string(static_cast<size_t>(p.heading), '#') + " " + OneLine(p.text));
      blank();
    } else if (p.list > 0) {
      std::string marker(static_cast<size_t>(2 * p.list_level), ' ');
      marker += p.list == 1 ? "- " : "1. ";
      line(marker + OneLine(p.text));
    } else {
      size_t start = 0;
      while (start <= p.text.size()) {
        size_t end = p.text.find('\n', start);
        if (end == std::string::npos) end = p.text.size();
        line(std::string_view(p.text).substr(start, end - start));
        start = end + 1;
      }
      blank();
    }
  }
  // No blank line after the last paragraph, as a text file ends: a short last
  // paragraph must not read as a heading because of a blank line below it.
  while (!out.paragraph_of_line.empty() && out.text.size() >= 2 &&
         out.text.compare(out.text.size() - 2, 2, "\n\n") == 0) {
    out.text.pop_back();
    out.paragraph_of_line.pop_back();
  }
  if (out.text == "\n") {
    out.text.clear();
    out.paragraph_of_line.clear();
  }
  return out;
}

}  // namespace

Result<WordText> ReadWordText(std::string_view docx_bytes) {
  Result<ZipArchive> zip = ZipArchive::Open(std::string(docx_bytes));
  if (!zip.ok()) return Status::InvalidInput("not a Word document: " + zip.status().message());
  Result<std::string> body = zip->Read("word/document.xml");
  if (!body.ok()) {
    return Status::InvalidInput(
        zip->Has("xl/workbook.xml")
            ? "not a Word document: it is an Excel workbook (word/document.xml is missing)"
            : "not a Word document: " + body.status().message());
  }
  pugi::xml_document document;
  Status parsed = ParseXml(&*body, "word/document.xml", &document);
  if (!parsed.ok()) return parsed;

  DocumentStyles styles;
  for (const char* part : {"word/styles.xml", "word/numbering.xml"}) {
    Result<std::string> xml = zip->Read(part);
    if (!xml.ok()) continue;  // optional parts: headings fall back to style ids
    pugi::xml_document doc;
    if (!ParseXml(&*xml, part, &doc).ok()) continue;
    if (std::strcmp(part, "word/styles.xml") == 0) {
      styles.ReadStyles(doc);
    } else {
      styles.ReadNumbering(doc);
    }
  }
  pugi::xml_node body_node = Child(Child(document, "document"), "body");
  if (!body_node) return Status::InvalidInput("word/document.xml has no w:body");
  BodyReader reader(styles);
  reader.Blocks(body_node);
  return Emit(reader.paragraphs(), reader.count());
}

}  // namespace heard
