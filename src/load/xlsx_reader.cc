// Excel workbooks: one sheet's rows as CSV-like rows, with shared strings, styles' date formats and
// sparse rows resolved.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "heard/office.h"
#include "load/office_xml.h"
#include "load/zip_archive.h"

namespace heard {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Excel writes characters XML cannot hold (a CR in a cell, say) as "_x000D_"
// and a literal "_x" sequence as "_x005F_x...": decoded here.
std::string DecodeEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int code = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        const int d = HexDigit(text[k]);
        hex = hex && d >= 0;
        code = code * 16 + std::max(d, 0);
      }
      if (hex) {
        if (code < 0x80) {
          out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (code >> 6)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (code >> 12)));
          out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// A string item of sharedStrings.xml or an inline string: its runs joined, phonetic runs left out.
std::string StringItem(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    const std::string_view name = LocalName(child);
    if (name == "t") {
      text += child.child_value();
    } else if (name == "r") {
      text += Child(child, "t").child_value();
    }
  }
  return DecodeEscapes(std::move(text));
}

// What a number format shows, as far as cell values care.
enum class NumberShape { kNumber, kDate, kDateTime, kTime };

// The built-in date and time ids, or a format code with d, m, y, h or s
// outside quotes, brackets and escapes ("m" next to "h" is minutes).
NumberShape ShapeOf(int id, const std::string& code) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return NumberShape::kDate;
  }
  if (id == 22) return NumberShape::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberShape::kTime;
  bool day_or_year = false, month_or_minute = false, hour_or_second = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      i = code.find('"', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '[') {
      i = code.find(']', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      const char l = static_cast<char>(c | 0x20);
      day_or_year |= l == 'd' || l == 'y';
      month_or_minute |= l == 'm';
      hour_or_second |= l == 'h' || l == 's';
    }
  }
  if (hour_or_second) return day_or_year ? NumberShape::kDateTime : NumberShape::kTime;
  return day_or_year || month_or_minute ? NumberShape::kDate : NumberShape::kNumber;
}

// Days since 1970-01-01 -> "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
std::string CivilDate(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// An Excel serial date as ISO 8601. 1900 system: serial 1 is 1900-01-01 and
// serial 60 the 29 February 1900 Excel believes in; 1904 system: 0 is 1904-01-01.
std::string SerialDate(double serial, bool date1904, NumberShape shape) {
  int64_t days = static_cast<int64_t>(std::floor(serial));
  const int64_t seconds = std::llround((serial - static_cast<double>(days)) * 86400.0);
  std::string time = fmt::format("{:02}:{:02}", seconds / 3600 % 24, seconds / 60 % 60);
  if (seconds % 60 != 0) time += fmt::format(":{:02}", seconds % 60);
  if (shape == NumberShape::kTime && days == 0) return time;
  int64_t since_1970;
  if (date1904) {
    since_1970 = days - 24107;  // 1904-01-01 is 24107 days before 1970-01-01
  } else {
    if (days < 61) ++days;      // before Excel's phantom 1900-02-29
    since_1970 = days - 25569;  // serial 25569 (with the phantom day) is 1970-01-01
  }
  std::string out = CivilDate(since_1970);
  if (shape != NumberShape::kDate) out += " " + time;
  return out;
}

// A number as Excel's General format shows it: whole numbers without a point, others to 15 digits.
std::string GeneralNumber(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) return text;
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<int64_t>(value));
  }
  return fmt::format("{:.15g}", value);
}

// "B7" -> column 1 (0-based); -1 when the reference has no letters.
int ColumnOf(const std::string& reference) {
  int column = 0;
  size_t i = 0;
  for (; i < reference.size() && i < 3; ++i) {
    const char c = reference[i];
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + (c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      column = column * 26 + (c - 'a' + 1);
    } else {
      break;
    }
  }
  return i == 0 ? -1 : column - 1;
}

constexpr int kMaxColumns = 16384;     // XFD, Excel's last column
constexpr int64_t kMaxRows = 1048576;  // Excel's last row

class XlsxRows : public SurveyRows {
 public:
  bool Next(CsvRow& row) override;
  bool fixed_width() const override { return false; }

  std::vector<std::string> shared_;        // sharedStrings.xml
  std::vector<NumberShape> cell_formats_;  // by cellXfs index
  bool date1904_ = false;
  std::string sheet_xml_;  // the sheet's XML; sheet_ points into it
  pugi::xml_document sheet_;
  pugi::xml_node next_row_;  // the next <row> element to read
  int64_t row_no_ = 0;       // the last row handed out

 private:
  std::string Value(pugi::xml_node cell, CsvRow& row, const std::string& reference);
};

bool XlsxRows::Next(CsvRow& row) {
  row.fields.clear();
  row.error.clear();
  while (next_row_ && LocalName(next_row_) != "row") next_row_ = next_row_.next_sibling();
  if (!next_row_) return false;
  int64_t number = ToInt(Attr(next_row_, "r"), static_cast<int>(row_no_ + 1));
  if (number > kMaxRows) number = row_no_ + 1;  // not a row Excel can have
  ++row_no_;
  row.line_start = row.line_end = row_no_;
  if (number > row_no_) {  // a row the sheet leaves out is a blank row
    row.fields.emplace_back();
    return true;
  }
  int next_column = 0;
  for (pugi::xml_node cell : Children(next_row_, "c")) {
    const std::string reference = Attr(cell, "r");
    int column = reference.empty() ? next_column : ColumnOf(reference);
    if (column < 0 || column >= kMaxColumns) column = next_column;
    next_column = column + 1;
    if (static_cast<size_t>(column) >= row.fields.size()) row.fields.resize(column + 1);
    row.fields[column] = Value(cell, row, reference);
  }
  if (row.fields.empty()) row.fields.emplace_back();
  next_row_ = next_row_.next_sibling();
  return true;
}

std::string XlsxRows::Value(pugi::xml_node cell, CsvRow& row, const std::string& reference) {
  const std::string type = Attr(cell, "t");
  const std::string v = Child(cell, "v").child_value();
  if (type == "inlineStr") return StringItem(Child(cell, "is"));
  if (type == "s") {
    const int index = ToInt(v, -1);
    if (index >= 0 && static_cast<size_t>(index) < shared_.size()) return shared_[index];
    if (row.error.empty()) {
      row.error = fmt::format("cell {} names shared string {}, the workbook has {}", reference, v,
                              shared_.size());
    }
    return "";
  }
  if (type == "b") return v == "1" ? "TRUE" : v == "0" ? "FALSE" : v;
  if (type == "str") return DecodeEscapes(v);
  if (type == "e") return v;
  if (type == "d") return v.size() > 10 && v.substr(10) == "T00:00:00" ? v.substr(0, 10) : v;
  if (v.empty()) return "";
  const int style = ToInt(Attr(cell, "s"), 0);
  if (style > 0 && static_cast<size_t>(style) < cell_formats_.size() &&
      cell_formats_[style] != NumberShape::kNumber) {
    char* end = nullptr;
    const double serial = std::strtod(v.c_str(), &end);
    if (end != v.c_str() && *end == '\0' && serial >= 0 && serial < 2958466) {
      return SerialDate(serial, date1904_, cell_formats_[style]);
    }
  }
  return GeneralNumber(v);
}

// The path in the archive of the relationship target `target`, relative to xl/.
std::string PartPath(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  if (target.rfind("xl/", 0) == 0) return target;
  return "xl/" + target;
}

// Reads and parses `part`; `*xml` holds the text `doc` points into.
Status Load(const ZipArchive& zip, const std::string& part, std::string* xml,
            pugi::xml_document* doc) {
  Result<std::string> read = zip.Read(part);
  if (!read.ok()) return read.status();
  *xml = std::move(*read);
  return ParseXml(xml, part, doc);
}

}  // namespace

Result<std::unique_ptr<SurveyRows>> OpenXlsxRows(std::string xlsx_bytes, const std::string& sheet) {
  Result<ZipArchive> zip = ZipArchive::Open(std::move(xlsx_bytes));
  if (!zip.ok()) return Status::InvalidInput("not an Excel workbook: " + zip.status().message());
  if (!zip->Has("xl/workbook.xml")) {
    return Status::InvalidInput(zip->Has("word/document.xml")
                                    ? "not an Excel workbook: it is a Word document"
                                    : "not an Excel workbook: xl/workbook.xml is missing");
  }
  std::string workbook_xml, rels_xml;
  pugi::xml_document workbook, rels;
  if (Status s = Load(*zip, "xl/workbook.xml", &workbook_xml, &workbook); !s.ok()) return s;
  if (Status s = Load(*zip, "xl/_rels/workbook.xml.rels", &rels_xml, &rels); !s.ok()) return s;
  pugi::xml_node book = Child(workbook, "workbook");

  std::vector<std::string> names;
  std::string rel_id;
  for (pugi::xml_node s : Children(Child(book, "sheets"), "sheet")) {
    names.push_back(Attr(s, "name"));
    if (rel_id.empty() && (sheet.empty() || names.back() == sheet)) rel_id = Attr(s, "id");
  }
  if (names.empty()) return Status::InvalidInput("the workbook has no sheets");
  if (rel_id.empty()) {
    return Status::InvalidInput(fmt::format("the workbook has no sheet \"{}\"; its sheets: \"{}\"",
                                            sheet, fmt::join(names, "\", \"")));
  }
  std::string sheet_part;
  for (pugi::xml_node r : Children(Child(rels, "Relationships"), "Relationship")) {
    if (Attr(r, "Id") == rel_id) sheet_part = PartPath(Attr(r, "Target"));
  }
  if (sheet_part.empty()) {
    return Status::InvalidInput("xl/_rels/workbook.xml.rels does not say where the sheet is");
  }

  auto rows = std::make_unique<XlsxRows>();
  const std::string date1904 = Attr(Child(book, "workbookPr"), "date1904");
  rows->date1904_ = date1904 == "1" || date1904 == "true";
  if (zip->Has("xl/sharedStrings.xml")) {
    std::string xml;
    pugi::xml_document strings;
    if (Status s = Load(*zip, "xl/sharedStrings.xml", &xml, &strings); !s.ok()) return s;
    for (pugi::xml_node si : Children(Child(strings, "sst"), "si")) {
      rows->shared_.push_back(StringItem(si));
    }
  }
  if (zip->Has("xl/styles.xml")) {
    std::string xml;
    pugi::xml_document styles;
    if (Status s = Load(*zip, "xl/styles.xml", &xml, &styles); !s.ok()) return s;
    pugi::xml_node root = Child(styles, "styleSheet");
    std::vector<std::pair<int, std::string>> custom;
    for (pugi::xml_node f : Children(Child(root, "numFmts"), "numFmt")) {
      custom.emplace_back(ToInt(Attr(f, "numFmtId"), -1), Attr(f, "formatCode"));
    }
    for (pugi::xml_node xf : Children(Child(root, "cellXfs"), "xf")) {
      const int id = ToInt(Attr(xf, "numFmtId"), 0);
      std::string code;
      for (const auto& [custom_id, custom_code] : custom) {
        if (custom_id == id) code = custom_code;
      }
      rows->cell_formats_.push_back(ShapeOf(id, code));
    }
  }
  if (Status s = Load(*zip, sheet_part, &rows->sheet_xml_, &rows->sheet_); !s.ok()) return s;
  rows->next_row_ = Child(Child(rows->sheet_, "worksheet"), "sheetData").first_child();
  return std::unique_ptr<SurveyRows>(std::move(rows));
}

}  // namespace heard
