#include "heard/record.h"

#include <fmt/format.h>

#include "sha256.h"

namespace heard {

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kSurvey: return "survey";
    case Channel::kFocusGroup: return "focus_group";
    case Channel::kWorkshop: return "workshop";
  }
  return "?";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  if (name == "survey") return Channel::kSurvey;
  if (name == "focus_group") return Channel::kFocusGroup;
  if (name == "workshop") return Channel::kWorkshop;
  return std::nullopt;
}

std::string Locator::ToString() const {
  if (row > 0) return fmt::format("row {}, col {}", row, column);
  if (column.rfind("paragraph", 0) == 0) {  // notes from a Word document count paragraphs
    std::string where = line_end > line_start
                            ? fmt::format("paragraphs {}-{}", line_start, line_end)
                            : fmt::format("paragraph {}", line_start);
    const size_t line = column.find(", line ");  // an item that starts inside its paragraph
    if (line != std::string::npos) where += " (" + column.substr(line + 2) + ")";
    return where;
  }
  if (line_end > line_start) return fmt::format("lines {}-{}", line_start, line_end);
  return fmt::format("line {}", line_start);
}

std::string_view TagKindName(TagKind kind) {
  switch (kind) {
    case TagKind::kOutcome: return "outcome";
    case TagKind::kTheme: return "theme";
    case TagKind::kDistrict: return "district";
    case TagKind::kPartner: return "partner";
    case TagKind::kAttribution: return "attribution";
  }
  return "?";
}

std::string_view OriginName(Origin origin) {
  switch (origin) {
    case Origin::kSurveyColumn: return "survey_column";
    case Origin::kWorkshopHeading: return "workshop_heading";
    case Origin::kDocumentHeader: return "document_header";
    case Origin::kAttributionCode: return "attribution_code";
    case Origin::kPostcode: return "postcode";
    case Origin::kPlaceName: return "place_name";
    case Origin::kLexicon: return "lexicon";
    case Origin::kTheme: return "theme";
    case Origin::kManual: return "manual";
  }
  return "?";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kNone: return "";
    case Qualifier::kNegated: return "negated";
    case Qualifier::kHedged: return "hedged";
  }
  return "?";
}

std::optional<Qualifier> ParseQualifier(std::string_view name) {
  if (name.empty()) return Qualifier::kNone;
  if (name == "negated") return Qualifier::kNegated;
  if (name == "hedged") return Qualifier::kHedged;
  return std::nullopt;
}

std::string MakeRecordId(std::string_view round, std::string_view source, const Locator& locator) {
  std::string key;
  key.reserve(round.size() + source.size() + 32);
  key.append(round).push_back('\x1f');
  key.append(source).push_back('\x1f');
  key.append(locator.ToString());
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace heard
