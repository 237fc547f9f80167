// Word and Excel files built in memory for the .docx and .xlsx reader tests (libzip writes the
// zip).
#ifndef HEARD_TESTS_LOAD_OFFICE_FIXTURE_H_
#define HEARD_TESTS_LOAD_OFFICE_FIXTURE_H_

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "load/zip_bytes.h"

namespace heard::testing {

// A zip archive holding `parts` (name, content), as bytes.
inline std::string MakeZip(const Parts& parts) {
  std::string bytes = ZipBytes(parts);
  REQUIRE(!bytes.empty());
  return bytes;
}

inline constexpr const char* kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// A .docx whose w:body holds `body`; styles.xml and numbering.xml only when given.
inline std::string MakeDocx(const std::string& body, const std::string& styles = "",
                            const std::string& numbering = "") {
  Parts parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"word/document.xml", std::string("<?xml version=\"1.0\"?><w:document ") + kWordNs +
                                "><w:body>" + body + "</w:body></w:document>"}};
  if (!styles.empty()) {
    parts.push_back(
        {"word/styles.xml", std::string("<w:styles ") + kWordNs + ">" + styles + "</w:styles>"});
  }
  if (!numbering.empty()) {
    parts.push_back({"word/numbering.xml",
                     std::string("<w:numbering ") + kWordNs + ">" + numbering + "</w:numbering>"});
  }
  return MakeZip(parts);
}

// A paragraph of one run of `text`, with paragraph properties `ppr`.
inline std::string P(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
         "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

inline constexpr const char* kSheetNs =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// A .xlsx with sheets (name, sheetData content); shared strings and cellXfs as given.
inline std::string MakeXlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                            const std::vector<std::string>& shared = {},
                            const std::string& styles = "", const std::string& workbook_pr = "") {
  std::string list, rels;
  Parts parts = {{"[Content_Types].xml", "<Types/>"}};
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    list += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.push_back({"xl/worksheets/sheet" + n + ".xml", std::string("<worksheet ") + kSheetNs +
                                                             "><sheetData>" + sheets[i].second +
                                                             "</sheetData></worksheet>"});
  }
  parts.push_back({"xl/workbook.xml", std::string("<workbook ") + kSheetNs + ">" + workbook_pr +
                                          "<sheets>" + list + "</sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\">" +
                       rels + "</Relationships>"});
  if (!shared.empty()) {
    std::string sst;
    for (const std::string& s : shared)
      sst += s.rfind("<r>", 0) == 0 ? "<si>" + s + "</si>" : "<si><t>" + s + "</t></si>";
    parts.push_back(
        {"xl/sharedStrings.xml", std::string("<sst ") + kSheetNs + ">" + sst + "</sst>"});
  }
  if (!styles.empty()) {
    parts.push_back(
        {"xl/styles.xml", std::string("<styleSheet ") + kSheetNs + ">" + styles + "</styleSheet>"});
  }
  return MakeZip(parts);
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_LOAD_OFFICE_FIXTURE_H_
