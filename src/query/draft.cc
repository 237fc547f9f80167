// ParseDraft: a draft report's "what we heard" statements, each with the outcome it is filed under.
#include <cctype>
#include <string>
#include <vector>

#include "heard/query.h"

namespace heard {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool HasWord(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// "---", "***", "___", "= = =": a rule or a setext underline, made of one character.
bool IsRuleOf(std::string_view line, char c) {
  int count = 0;
  for (char ch : line) {
    if (ch == c) {
      ++count;
    } else if (ch != ' ') {
      return false;
    }
  }
  return count >= 3;
}

// The text after a bullet marker ("- ", "* ", "+ ", "1. ", "2) "), or npos if none.
size_t BulletText(std::string_view line) {
  size_t i = 0;
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
    ++i;
  } else {
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i == 0 || i > 3 || i >= line.size() || (line[i] != '.' && line[i] != ')')) {
      return std::string_view::npos;
    }
    ++i;
  }
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return std::string_view::npos;
  return i;
}

// Removes <!-- ... --> comments, which may span lines; `in_comment` carries over.
std::string StripComments(std::string_view line, bool* in_comment) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (*in_comment) {
      const size_t end = line.find("-->", i);
      if (end == std::string_view::npos) return out;
      *in_comment = false;
      i = end + 3;
    } else {
      const size_t start = line.find("<!--", i);
      out += line.substr(i, start == std::string_view::npos ? std::string_view::npos : start - i);
      if (start == std::string_view::npos) break;
      *in_comment = true;
      i = start + 4;
    }
  }
  return out;
}

}  // namespace

std::vector<DraftStatement> ParseDraft(std::string_view draft, const Lexicon& lexicon) {
  std::vector<DraftStatement> statements;
  std::string outcome_at[7];  // effective outcome at each heading level (1..6)
  std::string heading, outcome;
  bool in_comment = false, in_fence = false;
  bool continues = false;       // the last line belonged to a statement that may continue
  bool last_was_plain = false;  // ... and was a plain line (a setext heading candidate)
  int number = 0;
  auto set_heading = [&](int level, std::string_view text) {
    heading = std::string(text);
    std::string found = lexicon.OutcomeForHeading(text);
    if (found.empty()) found = level > 1 ? outcome_at[level - 1] : "";
    for (int l = level; l < 7; ++l) outcome_at[l] = found;
    outcome = found;
  };
  size_t pos = 0;
  while (pos <= draft.size()) {
    const size_t end = std::min(draft.find('\n', pos), draft.size());
    std::string raw = StripComments(draft.substr(pos, end - pos), &in_comment);
    pos = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    std::string_view line = raw;
    if (Trim(line).substr(0, 3) == "```" || Trim(line).substr(0, 3) == "~~~") {
      in_fence = !in_fence;
      continues = last_was_plain = false;
      continue;
    }
    if (in_fence) continue;
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    std::string_view text = Trim(line);
    const bool quoted = !text.empty() && text.front() == '>';
    while (!text.empty() && text.front() == '>') text = Trim(text.substr(1));
    if (text.empty()) {
      continues = last_was_plain = false;
      continue;
    }
    if (IsRuleOf(text, '=') || IsRuleOf(text, '-')) {
      if (last_was_plain && !statements.empty()) {  // setext heading: the line above
        const DraftStatement above = statements.back();
        statements.pop_back();
        set_heading(text[0] == '=' ? 1 : 2, above.text);
      }
      continues = last_was_plain = false;
      continue;
    }
    if (IsRuleOf(text, '*') || IsRuleOf(text, '_')) {
      continues = last_was_plain = false;
      continue;
    }
    if (text.front() == '#') {
      int level = 0;
      while (level < static_cast<int>(text.size()) && text[level] == '#') ++level;
      std::string_view title = Trim(text.substr(level));
      while (!title.empty() && title.back() == '#') title.remove_suffix(1);
      set_heading(std::min(level, 6), Trim(title));
      continues = last_was_plain = false;
      continue;
    }
    if (indented && continues && BulletText(text) == std::string_view::npos) {
      statements.back().text += " " + std::string(text);
      last_was_plain = false;
      continue;
    }
    const size_t bullet = BulletText(text);
    const std::string_view body =
        bullet == std::string_view::npos ? text : Trim(text.substr(bullet));
    if (!HasWord(body)) continue;
    statements.push_back(DraftStatement{std::string(body), number, heading, outcome});
    continues = true;
    last_was_plain = bullet == std::string_view::npos && !indented && !quoted;
  }
  return statements;
}

}  // namespace heard
