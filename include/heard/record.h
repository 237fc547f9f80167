// The plain data that flows between stages: Round, Channel, Record, Tag, Evidence, Problem.
#ifndef HEARD_RECORD_H_
#define HEARD_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heard {

// How a piece of feedback reached the partners. Events and partner sessions
// arrive as notes and load as kFocusGroup or kWorkshop.
enum class Channel {
  kSurvey,      // "survey": one free-text answer of an online survey export
  kFocusGroup,  // "focus_group": notes written up by the organisation that ran a group
  kWorkshop,    // "workshop": district workshop or partner session notes with source codes
};
std::string_view ChannelName(Channel channel);
std::optional<Channel> ParseChannel(std::string_view name);

// One feedback round, e.g. "2026 strategy refresh".
struct Round {
  std::string name;  // unique in a store
  std::string date;  // ISO 8601 date the round closed; may be empty
};

// Where in its source file a record stands. Rows and lines are 1-based.
struct Locator {
  int64_t row = 0;         // survey: spreadsheet row (the header is row header_row); 0 in notes
  std::string column;      // survey: header of the free-text column; empty in text notes;
                           // "paragraph" in Word notes, whose lines are paragraphs, or
                           // "paragraph, line 2" for an item that starts at a line break
  int64_t line_start = 0;  // first physical line of the text in the file (Word: paragraph)
  int64_t line_end = 0;    // last physical line (== line_start for one-line text)

  // "row 12, col Q3" for surveys, "lines 14-16" / "line 9" for notes,
  // "paragraph 12" / "paragraphs 12-13" / "paragraph 9 (line 2)" for Word notes.
  std::string ToString() const;
};

enum class TagKind {
  kOutcome,      // value: outcome id ("O2", "E1", "GEN")
  kTheme,        // value: theme id ("gp-access")
  kDistrict,     // value: canonical district name ("Tunbridge Wells")
  kPartner,      // value: canonical partner name ("Police and Crime Commissioner")
  kAttribution,  // value: a raw source code heard could not resolve ("XYZ")
};
std::string_view TagKindName(TagKind kind);

// Where a tag came from, most structural first.
enum class Origin {
  kSurveyColumn,     // the survey column answered or the district column
  kWorkshopHeading,  // the heading a workshop bullet sits under
  kDocumentHeader,   // the metadata header of a notes file
  kAttributionCode,  // a trailing code such as (TW)
  kPostcode,         // the outward code of a postcode answer
  kPlaceName,        // a district, town or place named in the text
  kLexicon,          // a lexicon pattern matched the text
  kTheme,            // an outcome inferred from the themes found
  kManual,           // an analyst added it by hand (`heard code`); kept apart from machine codes
};
std::string_view OriginName(Origin origin);

// Why a tag is there. Offsets are UTF-8 byte offsets into Record::text
// (the text a user sees), [start, end); both are -1 when the evidence is
// not in the text (a heading, a column, a header line, a code).
struct Evidence {
  std::string pattern;  // lexicon pattern, heading, column or code that fired
  std::string matched;  // the text it matched, as the user sees it
  int32_t start = -1;
  int32_t end = -1;
  std::string note;     // e.g. "split outcode ME14: Maidstone 0.93, Tonbridge and Malling 0.07"
};

// How the text around a lexicon hit qualifies it.
enum class Qualifier {
  kNone,     // "": a plain mention
  kNegated,  // "negated": "no problems with transport", "not a priority"
  kHedged,   // "hedged": "not sure the gym helps", "maybe more buses"
};
std::string_view QualifierName(Qualifier qualifier);
std::optional<Qualifier> ParseQualifier(std::string_view name);

struct Tag {
  TagKind kind = TagKind::kTheme;
  std::string value;
  Origin origin = Origin::kLexicon;
  Evidence evidence;
  double confidence = 1.0;  // < 1 only for districts of a split postcode outcode (its share)
  Qualifier qualifier = Qualifier::kNone;  // themes and outcome cues found in the text only
};

struct Attribute {
  std::string name;   // e.g. "Age band", "group", "speaker", "section"
  std::string value;
};

// Bit flags on a record.
enum RecordFlag : uint32_t {
  kFlagInvalidUtf8 = 1u << 0,  // invalid UTF-8 was replaced by U+FFFD
  kFlagTruncated = 1u << 1,    // text was cut at the reader's field limit
};

// One free-text answer, note paragraph or bullet.
struct Record {
  std::string id;          // stable: see MakeRecordId
  std::string round;
  Channel channel = Channel::kSurvey;
  std::string source;      // source path as named in the pipeline file
  Locator locator;
  std::string respondent;  // survey respondent id; empty where unknown
  std::string question;    // survey question id ("Q3"); empty in notes
  std::string text;        // what was said, NFC, as the user sees it
  std::string match_text;  // case-folded, compatibility-normalised text for matching (not stored)
  std::vector<Attribute> attributes;
  std::vector<Tag> tags;   // structural tags from the loader first, then the tagger's
  uint32_t flags = 0;      // RecordFlag bits
  int32_t redactions = 0;  // personal details taken out of text before storage
  std::string dedup_key;   // non-empty where a repeat can be recognised (same respondent,
                           // question and text); the store counts a repeat as a duplicate
};

// Stable id of a record: the first 16 hex digits of
// sha256(round '\x1f' source '\x1f' locator.ToString()).
std::string MakeRecordId(std::string_view round, std::string_view source, const Locator& locator);

// Something in an input that a user must hear about.
struct Problem {
  enum class Severity {
    kReject,   // items were not stored; counted in the ledger's rejected
    kWarning,  // stored, but something was odd (an unknown code, a replaced byte)
  };
  Severity severity = Severity::kReject;
  std::string file;
  int64_t line = 0;     // 1-based physical line; 0 when it concerns the whole file
  std::string column;   // survey column, where one is concerned
  std::string reason;
  int64_t items = 0;    // items lost (rejects only)
};

}  // namespace heard

#endif  // HEARD_RECORD_H_
