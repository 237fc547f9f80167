// District workshop notes: headings give sections and outcomes, legends define codes, bullets
// with trailing codes become records attributed to districts and partners.
#include <fmt/format.h>

#include <cctype>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "heard/notes.h"
#include "load/attribution_codes.h"
#include "load/note_lines.h"
#include "load/notes_header.h"
#include "load/notes_source.h"

namespace heard {
namespace {

bool StartsUpper(std::string_view text) {
  return !text.empty() && (std::isupper(static_cast<unsigned char>(text[0])) ||
                           static_cast<unsigned char>(text[0]) >= 0x80);
}

bool AllCapitals(std::string_view text) {
  for (char c : text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Problem Warning(const std::string& file, int64_t line, std::string reason) {
  Problem problem;
  problem.severity = Problem::Severity::kWarning;
  problem.file = file;
  problem.line = line;
  problem.reason = std::move(reason);
  return problem;
}

void AddTagOnce(std::vector<Tag>* tags, Tag tag) {
  for (const Tag& t : *tags) {
    if (t.kind == tag.kind && t.value == tag.value) return;
  }
  tags->push_back(std::move(tag));
}

// A code a legend of this document defined.
struct LegendCode {
  std::optional<NameMatch> match;  // empty when the legend's name resolved to nothing
  std::string name;                // as the legend wrote it
};

// Reads one workshop document. Single use.
class WorkshopReader {
 public:
  WorkshopReader(const SourceContext& context, const Lexicon& lexicon, const NotesOptions& options)
      : context_(context), lexicon_(lexicon), options_(options) {}

  NotesDocument Read(std::istream& in) {
    std::vector<NoteLine> lines = SplitNoteLines(in);
    document_.lines = static_cast<int64_t>(lines.size());
    document_.info.encoding = "UTF-8";
    document_.info.encoding_note = "notes are read as UTF-8";
    header_ = ReadNotesHeader(lines, lexicon_, context_.file, options_);
    document_.info.attributes = header_.attributes;
    if (!header_.problems.empty()) {
      NotesEntry entry;
      entry.problems = std::move(header_.problems);
      entry.last_line = header_.body_begin > 0 ? lines[header_.body_begin - 1].number : 0;
      document_.entries.push_back(std::move(entry));
    }
    ClassifyNoteLines(lines, header_.body_begin, lexicon_);
    // A legend defines its codes for the whole document, also for bullets above it.
    Walk(lines, /*emit=*/false);
    Walk(lines, /*emit=*/true);
    return std::move(document_);
  }

 private:
  // Walks the body; the first walk only defines legend codes, the second makes the entries.
  void Walk(const std::vector<NoteLine>& lines, bool emit) {
    emit_ = emit;
    section_.clear();
    has_section_ = false;
    outcome_.reset();
    outcome_level_ = 0;
    for (size_t i = header_.body_begin; i < lines.size();) {
      const NoteLine& line = lines[i];
      if (line.kind == NoteLineKind::kHeading) {
        Heading(line);
        ++i;
        if (IsLegendHeading(line.text)) i = Legend(lines, i);
      } else if (line.kind == NoteLineKind::kBullet || line.kind == NoteLineKind::kText) {
        NoteItem item;
        i = ReadNoteItem(lines, i, /*split_at_speaker=*/false, &item);
        if (emit_) document_.entries.push_back(Item(item));
      } else {
        ++i;
      }
    }
  }

  void Heading(const NoteLine& line) {
    section_ = line.text;
    has_section_ = true;
    std::string outcome = lexicon_.OutcomeForHeading(line.text);
    if (!outcome.empty()) {
      Tag tag;
      tag.kind = TagKind::kOutcome;
      tag.value = outcome;
      tag.origin = Origin::kWorkshopHeading;
      tag.evidence.pattern = line.text;
      tag.evidence.matched = line.text;
      tag.evidence.note = fmt::format("line {}", line.number);
      outcome_ = std::move(tag);
      outcome_level_ = line.heading_level;
      return;
    }
    // A Markdown subheading under an outcome heading keeps its outcome.
    bool subheading = outcome_level_ > 0 && line.heading_level > outcome_level_;
    if (!subheading) {
      outcome_.reset();
      outcome_level_ = 0;
    }
  }

  // Reads legend lines from lines[i]; returns the index of the first line after the legend.
  size_t Legend(const std::vector<NoteLine>& lines, size_t i) {
    bool after_blank = false;
    for (; i < lines.size(); ++i) {
      const NoteLine& line = lines[i];
      if (line.kind == NoteLineKind::kBlank || line.kind == NoteLineKind::kRule ||
          line.kind == NoteLineKind::kUnderline) {
        after_blank = true;
        continue;
      }
      if (line.kind == NoteLineKind::kHeading &&
          (line.heading_level > 0 || IsKnownSectionHeading(line.text, lexicon_))) {
        break;
      }
      std::string_view text =
          line.kind == NoteLineKind::kBullet ? std::string_view(line.text) : TrimNoteText(line.raw);
      std::optional<LegendEntry> entry = ParseLegendLine(text);
      if (!entry || !DefineCode(*entry, after_blank, line.number)) break;
      after_blank = false;
    }
    return i;
  }

  // True when the entry reads as a legend line; a legend line after a blank
  // line must look more like one than a line that follows another. Defines
  // the code in the first walk, reports an unknown name in the second.
  bool DefineCode(LegendEntry entry, bool after_blank, int64_t line) {
    std::optional<NameMatch> match = ResolvePlaceName(lexicon_, entry.name);
    if (!match && LooksLikeCode(entry.name)) {
      if (std::optional<NameMatch> swapped = ResolvePlaceName(lexicon_, entry.code)) {
        std::swap(entry.code, entry.name);  // "Tunbridge Wells - TW"
        match = swapped;
      }
    }
    bool upper = StartsUpper(entry.name);
    bool accept = after_blank ? match || (upper && (entry.separated || (entry.code.size() >= 2 &&
                                                                        AllCapitals(entry.code))))
                              : match || upper || entry.separated;
    if (!accept) return false;
    // A name the lexicon does not know leaves a code it does know its usual meaning.
    const std::optional<NameMatch> lexicon_code =
        match ? std::nullopt : lexicon_.ResolveCode(entry.code);
    if (!emit_) {
      legend_[entry.code] = LegendCode{match ? match : lexicon_code, entry.name};
      return true;
    }
    NotesEntry notes_entry;
    notes_entry.last_line = line;
    if (!match) {
      notes_entry.problems.push_back(Warning(
          context_.file, line,
          lexicon_code ? fmt::format("legend names '{}', which the lexicon does not know; code "
                                     "({}) keeps the lexicon's meaning, {}",
                                     entry.name, entry.code, lexicon_code->canonical)
                       : fmt::format("legend names unknown district or partner '{}'",
                                     entry.name)));
    }
    document_.entries.push_back(std::move(notes_entry));
    return true;
  }

  bool IsCode(std::string_view code) const {
    return legend_.count(std::string(code)) > 0 || lexicon_.ResolveCode(code).has_value() ||
           LooksLikeCode(code);
  }

  // The tag one code of `group` stands for; an unknown code also warns.
  Tag CodeTag(const std::string& code, const CodeGroup& group, int64_t line,
              std::vector<Problem>* problems) const {
    Tag tag;
    tag.origin = Origin::kAttributionCode;
    tag.evidence.pattern = code;
    tag.evidence.matched = group.written;
    std::optional<NameMatch> match;
    if (auto it = legend_.find(code); it != legend_.end()) {
      match = it->second.match;
      tag.evidence.note = match ? "legend" : fmt::format("legend names '{}'", it->second.name);
    } else if ((match = lexicon_.ResolveCode(code))) {
      tag.evidence.note = "lexicon code";
    } else {
      problems->push_back(
          Warning(context_.file, line, fmt::format("unknown attribution code ({})", code)));
    }
    tag.kind = match ? match->kind : TagKind::kAttribution;
    tag.value = match ? match->canonical : code;
    return tag;
  }

  NotesEntry Item(const NoteItem& item) {
    NotesEntry entry;
    entry.item = true;
    entry.last_line = item.line_end;
    if (item.bullet && !has_section_) {
      entry.problems.push_back(Warning(context_.file, item.line_start, "bullet with no section"));
    }
    std::string text;
    std::vector<CodeGroup> groups = SplitTrailingCodes(
        item.text, [this](std::string_view code) { return IsCode(code); }, &text);
    std::vector<Tag> tags;
    if (outcome_) tags.push_back(*outcome_);
    for (const CodeGroup& group : groups) {
      for (const std::string& code : group.codes) {
        AddTagOnce(&tags, CodeTag(code, group, item.LineAt(group.offset), &entry.problems));
      }
    }
    if (groups.empty()) {
      for (const Tag& tag : header_.places) AddTagOnce(&tags, tag);
    }
    if (text.empty()) return entry;
    Record record = MakeNotesRecord(context_, Channel::kWorkshop, item.line_start, item.line_end,
                                    std::move(text));
    record.attributes = header_.attributes;
    if (has_section_) record.attributes.push_back({"section", section_});
    record.tags = std::move(tags);
    entry.record = std::move(record);
    return entry;
  }

  const SourceContext& context_;
  const Lexicon& lexicon_;
  const NotesOptions& options_;
  NotesDocument document_;
  NotesHeader header_;
  std::string section_;
  bool has_section_ = false;
  std::optional<Tag> outcome_;
  int outcome_level_ = 0;  // Markdown level of the heading that set outcome_; 0 for plain text
  std::map<std::string, LegendCode> legend_;  // complete after the first walk
  bool emit_ = false;
};

}  // namespace

std::unique_ptr<RecordSource> OpenWorkshopNotes(std::istream& utf8, const SourceContext& context,
                                                const Lexicon& lexicon,
                                                const NotesOptions& options) {
  return std::make_unique<NotesSource>([&utf8, context, lexicon, options] {
    return WorkshopReader(context, lexicon, options).Read(utf8);
  });
}

}  // namespace heard
