#include "load/attribution_codes.h"

#include <re2/re2.h>

#include <array>

#include "load/note_lines.h"

namespace heard {
namespace {

std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t comma = text.find(',', pos);
    parts.emplace_back(TrimNoteText(text.substr(pos, comma - pos)));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return parts;
}

bool EndsSentence(std::string_view text) {
  return !text.empty() && std::string_view(".!?;,:").find(text.back()) != std::string_view::npos;
}

}  // namespace

bool LooksLikeCode(std::string_view text) {
  static const RE2 kCode(R"(^[A-Z][A-Za-z&]{0,11}(?: [A-Z][A-Za-z&]{0,11}){0,2}$)");
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kCode);
}

bool LooksLikeCodeList(std::string_view text) {
  for (const std::string& part : SplitCommas(text)) {
    if (!LooksLikeCode(part)) return false;
  }
  return true;
}

namespace {

// Takes code groups off the end of `t` (a view into `text`) into `groups`,
// front first; returns what is left.
std::string_view TakeCodeGroups(std::string_view text, std::string_view t,
                                const std::function<bool(std::string_view)>& is_code,
                                std::vector<CodeGroup>* groups) {
  while (!t.empty() && t.back() == ')') {
    size_t open = t.rfind('(');
    if (open == std::string_view::npos) break;
    std::vector<std::string> codes = SplitCommas(t.substr(open + 1, t.size() - open - 2));
    bool all_codes = true;
    for (const std::string& code : codes) all_codes &= !code.empty() && is_code(code);
    if (!all_codes) break;
    CodeGroup group;
    group.written = std::string(t.substr(open));
    group.codes = std::move(codes);
    group.offset = static_cast<size_t>(t.data() - text.data()) + open;
    groups->insert(groups->begin(), std::move(group));
    t = TrimNoteText(t.substr(0, open));
  }
  return t;
}

}  // namespace

std::vector<CodeGroup> SplitTrailingCodes(std::string_view text,
                                          const std::function<bool(std::string_view)>& is_code,
                                          std::string* rest) {
  std::string_view t = TrimNoteText(text);
  std::string_view punct;
  if (t.size() >= 2 && (t.back() == '.' || t.back() == ';' || t.back() == ',')) {
    std::string_view before = TrimNoteText(t.substr(0, t.size() - 1));
    if (!before.empty() && before.back() == ')') {
      punct = t.substr(t.size() - 1);
      t = before;
    }
  }
  std::vector<CodeGroup> groups;
  std::string_view left = TakeCodeGroups(text, t, is_code, &groups);
  std::string_view kept;  // one non-code group after the codes: "(VCS)(2 mentions)"
  if (groups.empty() && !t.empty() && t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      left = TakeCodeGroups(text, TrimNoteText(t.substr(0, open)), is_code, &groups);
      kept = t.substr(open);
    }
  }
  if (groups.empty()) {
    *rest = std::string(TrimNoteText(text));
    return groups;
  }
  *rest = std::string(left);
  if (!kept.empty()) *rest += (rest->empty() ? "" : " ") + std::string(kept);
  if (!rest->empty() && !EndsSentence(*rest)) rest->append(punct);
  return groups;
}

std::optional<LegendEntry> ParseLegendLine(std::string_view text) {
  std::string_view t = TrimNoteText(text);
  if (t.size() > 2 && t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      std::string_view code = TrimNoteText(t.substr(open + 1, t.size() - open - 2));
      std::string_view name = TrimNoteText(t.substr(0, open));
      if (LooksLikeCode(code) && !name.empty()) {
        return LegendEntry{std::string(code), std::string(name), true};
      }
    }
  }
  static const std::array<std::string_view, 8> kSeparators = {"\t", " - ", " \u2013 ", " \u2014 ",
                                                              "=",  ":",   "  ",       " \u2013"};
  size_t best = std::string_view::npos;
  size_t best_len = 0;
  for (std::string_view sep : kSeparators) {
    size_t pos = t.find(sep);
    if (pos < best) {
      best = pos;
      best_len = sep.size();
    }
  }
  if (best != std::string_view::npos) {
    std::string_view code = TrimNoteText(t.substr(0, best));
    std::string_view name = TrimNoteText(t.substr(best + best_len));
    if (LooksLikeCode(code) && !name.empty()) {
      return LegendEntry{std::string(code), std::string(name), true};
    }
  }
  size_t space = t.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view code = t.substr(0, space);
  std::string_view name = TrimNoteText(t.substr(space));
  if (!LooksLikeCode(code) || name.empty()) return std::nullopt;
  return LegendEntry{std::string(code), std::string(name), false};
}

}  // namespace heard
