#include "load/note_lines.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "load/attribution_codes.h"

namespace heard {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

bool IsBlankKind(NoteLineKind kind) {
  return kind == NoteLineKind::kBlank || kind == NoteLineKind::kRule;
}

// Counts UTF-8 code points.
size_t CharCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

int IndentOf(std::string_view raw) {
  int columns = 0;
  for (char c : raw) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4;
    } else {
      break;
    }
  }
  return columns;
}

std::string_view StripBold(std::string_view text) {
  for (std::string_view mark : {"**", "__"}) {
    if (text.size() > 4 && text.substr(0, 2) == mark && text.substr(text.size() - 2) == mark) {
      return TrimNoteText(text.substr(2, text.size() - 4));
    }
  }
  return text;
}

// Heading text as a section name: no bold markers, no trailing ':'.
std::string HeadingDisplay(std::string_view text) {
  std::string_view t = StripBold(TrimNoteText(text));
  if (!t.empty() && t.back() == ':') t = StripBold(TrimNoteText(t.substr(0, t.size() - 1)));
  return std::string(t);
}

// Length of a bullet marker and the spaces after it at the start of `t`
// (already trimmed on the left); 0 when `t` is not a bullet.
size_t BulletMarkerLength(std::string_view t) {
  static const std::array<std::string_view, 7> kMarkers = {"-",      "*",      "+", "\u2022",
                                                           "\u2013", "\u2014", "o"};
  for (std::string_view marker : kMarkers) {
    if (t.substr(0, marker.size()) != marker) continue;
    if (t.size() == marker.size()) return marker == "o" ? 0 : t.size();  // marker alone
    if (!IsSpace(t[marker.size()])) continue;
    size_t n = marker.size();
    while (n < t.size() && IsSpace(t[n])) ++n;
    return n;
  }
  size_t digits = 0;
  while (digits < t.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(t[digits]))) {
    ++digits;
  }
  if (digits == 0 || digits > 3 || digits >= t.size()) return 0;
  if (t[digits] != '.' && t[digits] != ')') return 0;
  size_t n = digits + 1;
  if (n < t.size() && !IsSpace(t[n])) return 0;
  while (n < t.size() && IsSpace(t[n])) ++n;
  return n;
}

// "===" / "---" (at least three, nothing else): a setext underline or a rule.
bool IsUnderlineShape(std::string_view t) {
  if (t.size() < 3 || (t[0] != '=' && t[0] != '-')) return false;
  return std::all_of(t.begin(), t.end(), [&](char c) { return c == t[0]; });
}

// "***" / "___" / "* * *": a thematic break.
bool IsRuleShape(std::string_view t) {
  if (t.empty() || (t[0] != '*' && t[0] != '_' && t[0] != '-')) return false;
  size_t marks = 0;
  for (char c : t) {
    if (c == t[0]) {
      ++marks;
    } else if (!IsSpace(c)) {
      return false;
    }
  }
  return marks >= 3;
}

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// Title Case (small words such as "and", "of" may be lower case) or capitals, at most 8 words.
bool IsTitleCaseOrCapitals(std::string_view text) {
  static const std::array<std::string_view, 21> kSmallWords = {
      "a",  "an", "and", "as",  "at", "but", "by",  "for",  "from", "in", "into",
      "of", "on", "or",  "the", "to", "vs",  "via", "with", "per",  "nor"};
  bool has_upper = false;
  bool has_lower = false;
  for (char c : text) {
    has_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  }
  if (!has_upper) return false;
  int words = 0;
  bool title = true;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    size_t end = pos;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    if (end == pos) break;
    std::string_view word = text.substr(pos, end - pos);
    pos = end;
    ++words;
    auto letter = std::find_if(word.begin(), word.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (letter == word.end() || !std::islower(static_cast<unsigned char>(*letter))) continue;
    std::string lower(letter, word.end());
    while (!lower.empty() && !std::isalpha(static_cast<unsigned char>(lower.back()))) {
      lower.pop_back();
    }
    bool small = std::find(kSmallWords.begin(), kSmallWords.end(), lower) != kSmallWords.end();
    if (words == 1 || !small) title = false;
  }
  return words <= 8 && (title || !has_lower);
}

// A short phrase in sentence case, such as "Experiences of health services":
// a capital first, at most 6 words, no comma, ending in a letter or digit.
bool IsSentenceCaseHeading(std::string_view t) {
  if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0]))) return false;
  if (t.find(',') != std::string_view::npos || WordCount(t) > 6) return false;
  return std::isalnum(static_cast<unsigned char>(t.back())) != 0;
}

// True when `t` ends with a parenthesis that looks like an attribution code.
bool EndsWithCodeGroup(std::string_view t) {
  if (t.empty() || t.back() != ')') return false;
  size_t open = t.rfind('(');
  if (open == std::string_view::npos) return false;
  return LooksLikeCodeList(t.substr(open + 1, t.size() - open - 2));
}

bool IsPlainHeading(const std::vector<NoteLine>& lines, size_t i, size_t begin, size_t end,
                    const Lexicon& lexicon) {
  const NoteLine& line = lines[i];
  if (i + 1 >= end) return false;
  std::string_view t = StripBold(line.text);
  if (t.empty() || CharCount(t) > 80 || line.indent > 3) return false;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';') return false;
  bool prev_clear = i == begin || IsBlankKind(lines[i - 1].kind) ||
                    lines[i - 1].kind == NoteLineKind::kHeading ||
                    lines[i - 1].kind == NoteLineKind::kUnderline;
  std::string display = HeadingDisplay(t);
  // A legend heading in plain text is followed straight by its "CODE Name" lines.
  if (prev_clear && IsLegendHeading(display)) return true;
  NoteLineKind next = lines[i + 1].kind;
  if (!IsBlankKind(next) && next != NoteLineKind::kBullet) return false;
  if (EndsWithCodeGroup(t)) return false;  // a coded one-line point: "Workforce gaps (TW)"
  if (IsKnownSectionHeading(display, lexicon)) {
    // Unindented after a wrapped bullet ("Outcome 2 Continued (1)"), it must also look like a
    // heading, so that a continuation line that happens to start like one stays text.
    return prev_clear || (line.indent == 0 && (IsTitleCaseOrCapitals(t) || WordCount(t) <= 4));
  }
  if (!prev_clear || last == ':' || t.find(": ") != std::string_view::npos) return false;
  bool bold = t.size() != line.text.size();  // "**Next steps**" is a heading in Markdown notes
  return bold || IsTitleCaseOrCapitals(t) || IsSentenceCaseHeading(t);
}

// True when the text line at `i` continues a bullet item.
bool ContinuesBullet(const std::vector<NoteLine>& lines, size_t i, size_t begin) {
  while (i > begin && lines[i - 1].kind == NoteLineKind::kText) --i;
  return i > begin && lines[i - 1].kind == NoteLineKind::kBullet;
}

}  // namespace

std::string_view TrimNoteText(std::string_view text) {
  size_t b = 0;
  size_t e = text.size();
  while (b < e && (IsSpace(text[b]) || text[b] == '\r' || text[b] == '\n')) ++b;
  while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\r' || text[e - 1] == '\n')) --e;
  return text.substr(b, e - b);
}

std::vector<NoteLine> SplitNoteLines(std::istream& in) {
  std::string all(std::istreambuf_iterator<char>(in), {});
  std::string_view rest(all);
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  std::vector<NoteLine> lines;
  while (!rest.empty()) {
    size_t cut = rest.find_first_of("\r\n");
    NoteLine line;
    line.number = static_cast<int64_t>(lines.size()) + 1;
    line.raw = std::string(rest.substr(0, cut));
    line.text = std::string(TrimNoteText(line.raw));
    line.indent = IndentOf(line.raw);
    lines.push_back(std::move(line));
    if (cut == std::string_view::npos) break;
    size_t skip = (rest[cut] == '\r' && cut + 1 < rest.size() && rest[cut + 1] == '\n') ? 2 : 1;
    rest.remove_prefix(cut + skip);
  }
  return lines;
}

bool IsLegendHeading(std::string_view heading) {
  std::string_view t = TrimNoteText(heading);
  if (!t.empty() && t.back() == ':') t = TrimNoteText(t.substr(0, t.size() - 1));
  std::string lower(t);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::array<std::string_view, 6> kWords = {"partners", "key",       "legend",
                                                         "codes",    "attendees", "districts"};
  static const std::array<std::string_view, 7> kQualifiers = {
      "", " present", " represented", " attending", " used", " to codes", " to abbreviations"};
  for (std::string_view word : kWords) {
    if (lower.rfind(word, 0) != 0) continue;
    std::string_view rest = std::string_view(lower).substr(word.size());
    if (std::find(kQualifiers.begin(), kQualifiers.end(), rest) != kQualifiers.end()) return true;
  }
  return false;
}

bool IsKnownSectionHeading(std::string_view heading, const Lexicon& lexicon) {
  return IsLegendHeading(heading) || !lexicon.OutcomeForHeading(heading).empty();
}

void ClassifyNoteLines(std::vector<NoteLine>& lines, size_t begin, const Lexicon& lexicon) {
  const size_t end = lines.size();
  for (size_t i = begin; i < end; ++i) {
    NoteLine& line = lines[i];
    std::string_view t = TrimNoteText(line.raw);
    line.text = std::string(t);
    if (t.empty()) {
      line.kind = NoteLineKind::kBlank;
      continue;
    }
    size_t hashes = 0;
    while (hashes < t.size() && t[hashes] == '#') ++hashes;
    if (line.indent <= 3 && hashes >= 1 && hashes <= 6 &&
        (hashes == t.size() || IsSpace(t[hashes]))) {
      std::string_view h = TrimNoteText(t.substr(hashes));
      size_t closing = h.find_last_not_of('#');
      if (closing != std::string_view::npos && closing + 1 < h.size() && IsSpace(h[closing])) {
        h = TrimNoteText(h.substr(0, closing + 1));
      }
      line.text = HeadingDisplay(h);
      line.kind = line.text.empty() ? NoteLineKind::kRule : NoteLineKind::kHeading;
      line.heading_level = static_cast<int>(hashes);
    } else if (IsUnderlineShape(t)) {
      line.kind = NoteLineKind::kUnderline;
    } else if (IsRuleShape(t)) {
      line.kind = NoteLineKind::kRule;
    } else if (size_t marker = BulletMarkerLength(t); marker > 0) {
      line.kind = NoteLineKind::kBullet;
      line.text = std::string(TrimNoteText(t.substr(marker)));
    } else {
      line.kind = NoteLineKind::kText;
    }
  }
  for (size_t i = begin; i < end; ++i) {
    if (lines[i].kind != NoteLineKind::kUnderline) continue;
    NoteLine* above = i > begin ? &lines[i - 1] : nullptr;
    if (above != nullptr && above->kind == NoteLineKind::kText && above->indent <= 3 &&
        !ContinuesBullet(lines, i - 1, begin)) {
      above->kind = NoteLineKind::kHeading;
      above->heading_level = lines[i].raw.find('=') != std::string::npos ? 1 : 2;
      above->text = HeadingDisplay(above->text);
    } else {
      lines[i].kind = NoteLineKind::kRule;
    }
  }
  for (size_t i = begin; i < end; ++i) {
    if (lines[i].kind == NoteLineKind::kText && IsPlainHeading(lines, i, begin, end, lexicon)) {
      lines[i].kind = NoteLineKind::kHeading;
      lines[i].heading_level = 0;
      lines[i].text = HeadingDisplay(lines[i].text);
    }
  }
}

size_t SpeakerLabelLength(std::string_view text, std::string* label) {
  static const RE2 kLabel(R"(^([A-Z][\p{L}\p{N}'’.]*(?: [\p{L}\p{N}'’.]+){0,3})( \([^()]{1,40}\))?)"
                          R"((?:[ \t]*:|[ \t]+(?:-|–|—))(?:[ \t]+|$))");
  static const std::array<std::string_view, 36> kSpeakers = {
      "participant", "facilitator", "parent",      "carer",    "mum",         "dad",
      "mother",      "father",      "grandparent", "young",    "older",       "person",
      "people",      "attendee",    "member",      "resident", "respondent",  "volunteer",
      "staff",       "worker",      "officer",     "chair",    "interviewer", "moderator",
      "speaker",     "man",         "woman",       "men",      "women",       "child",
      "student",     "pupil",       "service",     "user",     "interpreter", "everyone"};
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[3];
  if (!kLabel.Match(input, 0, input.size(), RE2::ANCHOR_START, groups, 3)) return 0;
  std::string_view words(groups[1].data(), groups[1].size());
  bool numbered = false;  // "P3", "Participant 3", "Person B"
  bool known = true;      // every word names a kind of speaker: "Young person", "Facilitator"
  size_t index = 0;
  for (size_t pos = 0; pos <= words.size(); ++index) {
    size_t end = std::min(words.find(' ', pos), words.size());
    std::string word(words.substr(pos, end - pos));
    pos = end + 1;
    numbered |= std::any_of(word.begin(), word.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    numbered |= index > 0 && word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (word.size() > 3 && word.back() == 's') word.pop_back();
    known &= std::find(kSpeakers.begin(), kSpeakers.end(), word) != kSpeakers.end();
  }
  if (!numbered && !known) return 0;
  if (label != nullptr) {
    *label = std::string(words);
    if (!groups[2].empty()) label->append(groups[2].data(), groups[2].size());
  }
  return groups[0].size();
}

int64_t NoteItem::LineAt(size_t offset) const {
  int64_t line = line_start;
  for (const auto& [start, number] : line_offsets) {
    if (start > offset) break;
    line = number;
  }
  return line;
}

size_t ReadNoteItem(const std::vector<NoteLine>& lines, size_t i, bool split_at_speaker,
                    NoteItem* item) {
  *item = NoteItem();
  item->bullet = lines[i].kind == NoteLineKind::kBullet;
  item->line_start = lines[i].number;
  auto append = [&](const NoteLine& line) {
    if (!item->text.empty() && !line.text.empty()) item->text.push_back(' ');
    item->line_offsets.emplace_back(item->text.size(), line.number);
    item->text += line.text;
    item->line_end = line.number;
  };
  append(lines[i]);
  for (++i; i < lines.size() && lines[i].kind == NoteLineKind::kText; ++i) {
    if (split_at_speaker && SpeakerLabelLength(lines[i].text, nullptr) > 0) break;
    append(lines[i]);
  }
  return i;
}

}  // namespace heard
