#include "load/notes_header.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace heard {
namespace {

constexpr size_t kMaxValueChars = 120;
constexpr size_t kMaxTitleLines = 3;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string WithoutEmphasis(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i + 1 < text.size() && (text[i] == '*' || text[i] == '_') && text[i + 1] == text[i]) {
      ++i;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// Attribute name for a header key; empty when the key is not a header key.
std::string AttributeForKey(std::string_view key) {
  static const std::pair<std::string_view, std::string_view> kKeys[] = {
      {"group", "group"},
      {"organisation", "organisation"},
      {"organization", "organisation"},
      {"date", "date"},
      {"district", "districts"},
      {"districts", "districts"},
      {"participants", "participants"},
      {"number of participants", "participants"},
      {"no. of participants", "participants"},
      {"facilitator", "facilitator"},
      {"facilitators", "facilitator"},
      {"venue", "venue"},
      {"event", "event"},
      {"title", "title"},
  };
  std::string lower = Lower(key);
  for (const auto& [written, name] : kKeys) {
    if (lower == written) return std::string(name);
  }
  return "";
}

struct KeyValue {
  std::string key;    // as written
  std::string value;  // trimmed
};

std::optional<KeyValue> ParseKeyValue(std::string_view raw) {
  static const RE2 kLine(R"(^\s*([A-Za-z][A-Za-z .]{0,40}?)\s*:\s*(.*?)\s*$)");
  std::string line = WithoutEmphasis(raw);
  std::string key;
  std::string value;
  if (!RE2::FullMatch(line, kLine, &key, &value)) return std::nullopt;
  return KeyValue{key, value};
}

// A "Key: Value" line with a known key and a plausible value.
std::optional<KeyValue> ParseHeaderLine(std::string_view raw) {
  std::optional<KeyValue> kv = ParseKeyValue(raw);
  if (!kv || AttributeForKey(kv->key).empty() || kv->value.empty()) return std::nullopt;
  if (kv->value.size() > kMaxValueChars || kv->value.back() == '?') return std::nullopt;
  return kv;
}

std::string Unquote(std::string_view value) {
  std::string_view v = TrimNoteText(value);
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'') ||
       (v.front() == '[' && v.back() == ']'))) {
    v = TrimNoteText(v.substr(1, v.size() - 2));
  }
  return std::string(v);
}

void SetAttribute(std::vector<Attribute>* attributes, const std::string& name,
                  const std::string& value) {
  for (Attribute& a : *attributes) {
    if (a.name == name) {
      a.value = value;
      return;
    }
  }
  attributes->push_back({name, value});
}

class PlaceResolver {
 public:
  PlaceResolver(const Lexicon& lexicon, const std::string& file, NotesHeader* header)
      : lexicon_(lexicon), file_(file), header_(header) {}

  // Resolves every district named in a header value.
  void AddAll(std::string_view value, const std::string& key, int64_t line) {
    size_t pos = 0;
    while (pos <= value.size()) {
      size_t cut = std::min(value.find_first_of(",;/", pos), value.size());
      std::string_view part = TrimNoteText(value.substr(pos, cut - pos));
      pos = cut + 1;
      if (part.empty()) continue;
      if (part.find('&') != std::string_view::npos) {
        std::string as_and(part);
        for (size_t amp; (amp = as_and.find('&')) != std::string::npos;) {
          as_and.replace(amp, 1, "and");
        }
        std::optional<NameMatch> whole = lexicon_.ResolveName(as_and);
        if (whole && whole->how.rfind("edit distance", 0) != 0) {
          AddMatch(*whole, part, key);
          continue;
        }
        size_t p = 0;
        while (p <= part.size()) {
          size_t amp = std::min(part.find('&', p), part.size());
          std::string_view name = TrimNoteText(part.substr(p, amp - p));
          if (!name.empty()) Add(name, key, line);
          p = amp + 1;
        }
        continue;
      }
      Add(part, key, line);
    }
  }

  void Add(std::string_view name, const std::string& key, int64_t line) {
    std::optional<NameMatch> match = ResolvePlaceName(lexicon_, name);
    if (!match) {
      Problem problem;
      problem.severity = Problem::Severity::kWarning;
      problem.file = file_;
      problem.line = line;
      problem.reason = fmt::format("header names unknown district or partner '{}'", name);
      header_->problems.push_back(std::move(problem));
      return;
    }
    AddMatch(*match, name, key);
  }

 private:
  void AddMatch(const NameMatch& match, std::string_view written, const std::string& key) {
    for (const Tag& tag : header_->places) {
      if (tag.kind == match.kind && tag.value == match.canonical) return;
    }
    Tag tag;
    tag.kind = match.kind;
    tag.value = match.canonical;
    tag.origin = Origin::kDocumentHeader;
    tag.evidence.pattern = key;
    tag.evidence.matched = std::string(written);
    tag.evidence.note = match.how;
    header_->places.push_back(std::move(tag));
  }

  const Lexicon& lexicon_;
  const std::string& file_;
  NotesHeader* header_;
};

size_t SkipBlank(const std::vector<NoteLine>& lines, size_t i) {
  while (i < lines.size() && TrimNoteText(lines[i].raw).empty()) ++i;
  return i;
}

bool IsUnderlineOf(const std::vector<NoteLine>& lines, size_t i, char c) {
  if (i >= lines.size()) return false;
  std::string_view t = TrimNoteText(lines[i].raw);
  return t.size() >= 3 && std::all_of(t.begin(), t.end(), [c](char x) { return x == c; });
}

// The title at lines[i], if there is one; sets *next past it.
std::optional<std::string> ReadTitle(const std::vector<NoteLine>& lines, size_t i,
                                     const Lexicon& lexicon, size_t* next) {
  if (i >= lines.size()) return std::nullopt;
  std::string_view t = TrimNoteText(lines[i].raw);
  std::string title;
  size_t after = i + 1;
  if (t.size() > 2 && t[0] == '#' && t[1] == ' ') {
    title = std::string(TrimNoteText(t.substr(1)));
    while (!title.empty() && title.back() == '#') title.pop_back();
  } else if (IsUnderlineOf(lines, i + 1, '=')) {
    title = std::string(t);
    after = i + 2;
  } else {
    // Up to three plain lines straight before the header lines, joined by " - ".
    auto title_like = [](std::string_view line) {
      if (line.empty()) return false;
      bool marked = std::string_view("-*+#>|").find(line[0]) != std::string_view::npos ||
                    line.rfind("\u2022", 0) == 0 || line.rfind("\u2013", 0) == 0;
      return !marked && line.size() <= kMaxValueChars && !ParseHeaderLine(line);
    };
    size_t j = i;
    while (j < lines.size() && j < i + kMaxTitleLines && title_like(TrimNoteText(lines[j].raw))) {
      if (j > i) title += " - ";
      title += std::string(TrimNoteText(lines[j].raw));
      ++j;
    }
    if (j == i) return std::nullopt;
    after = j;
    j = SkipBlank(lines, j);
    if (j >= lines.size() || !ParseHeaderLine(lines[j].raw)) return std::nullopt;
  }
  title = WithoutEmphasis(TrimNoteText(title));
  if (title.empty() || IsKnownSectionHeading(title, lexicon)) return std::nullopt;
  *next = after;
  return title;
}

}  // namespace

std::optional<NameMatch> ResolvePlaceName(const Lexicon& lexicon, std::string_view name) {
  if (std::optional<NameMatch> match = lexicon.ResolveName(name)) return match;
  static const RE2 kCouncil(R"((?i)^(.*?\S)\s+((?:borough |district |city )?council)$)");
  std::string shorter;
  std::string suffix;
  if (!RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kCouncil, &shorter, &suffix)) {
    return std::nullopt;
  }
  std::optional<NameMatch> match = lexicon.ResolveName(shorter);
  if (match) match->how += fmt::format(" (without '{}')", suffix);
  return match;
}

NotesHeader ReadNotesHeader(const std::vector<NoteLine>& lines, const Lexicon& lexicon,
                            const std::string& file, const NotesOptions& options) {
  NotesHeader header;
  std::vector<std::pair<std::string, int64_t>> district_values;  // value, line
  std::vector<std::string> district_keys;
  auto keep = [&](const KeyValue& kv, const std::string& name, int64_t line) {
    std::string value = Unquote(kv.value);
    SetAttribute(&header.attributes, name, value);
    if (name == "districts") {
      district_values.emplace_back(value, line);
      district_keys.push_back(kv.key);
    }
  };

  size_t i = SkipBlank(lines, 0);
  if (i < lines.size() && TrimNoteText(lines[i].raw) == "---") {
    size_t close = i + 1;
    while (close < lines.size() && TrimNoteText(lines[close].raw) != "---" &&
           TrimNoteText(lines[close].raw) != "...") {
      ++close;
    }
    if (close < lines.size()) {
      for (size_t j = i + 1; j < close; ++j) {
        std::optional<KeyValue> kv = ParseKeyValue(lines[j].raw);
        if (!kv || kv->value.empty()) continue;
        std::string name = AttributeForKey(kv->key);
        if (name.empty()) {
          name = Lower(kv->key);
          std::replace(name.begin(), name.end(), ' ', '_');
        }
        keep(*kv, name, lines[j].number);
      }
      i = SkipBlank(lines, close + 1);
    }
  }
  size_t after_title = i;
  if (std::optional<std::string> title = ReadTitle(lines, i, lexicon, &after_title)) {
    bool have_title = std::any_of(header.attributes.begin(), header.attributes.end(),
                                  [](const Attribute& a) { return a.name == "title"; });
    if (!have_title) header.attributes.push_back({"title", *title});
    i = after_title;
  }
  size_t body = i;
  for (size_t j = SkipBlank(lines, i); j < lines.size(); j = SkipBlank(lines, j + 1)) {
    std::optional<KeyValue> kv = ParseHeaderLine(lines[j].raw);
    if (!kv) break;
    keep(*kv, AttributeForKey(kv->key), lines[j].number);
    body = j + 1;
  }
  header.body_begin = body;

  if (!options.group.empty()) SetAttribute(&header.attributes, "group", options.group);
  PlaceResolver resolver(lexicon, file, &header);
  for (size_t k = 0; k < district_values.size(); ++k) {
    resolver.AddAll(district_values[k].first, district_keys[k], district_values[k].second);
  }
  if (!options.district.empty()) resolver.Add(options.district, "district option", 0);
  return header;
}

}  // namespace heard
