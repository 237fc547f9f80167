// Search, trace and verify: the records behind a query, a statement, or a whole draft report.
#ifndef HEARD_QUERY_H_
#define HEARD_QUERY_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heard/lexicon.h"
#include "heard/status.h"
#include "heard/store.h"

namespace heard {

// A stored record as the query commands show it.
struct RecordRef {
  std::string id;
  std::string text;
  std::string channel;                 // "survey", "focus_group", "workshop"
  std::string source;                  // source path as named in the pipeline file
  std::string locator;                 // "row 12, col Q3", "lines 14-16"
  std::string respondent;              // survey respondent id; empty in notes
  std::vector<std::string> districts;  // share >= 0.5 only (as summaries count them)
  std::vector<std::string> outcomes;
  std::vector<std::string> themes;
};

// ---- search -------------------------------------------------------------------

// Turns a query as a user types it into FTS5 syntax. Bare words are quoted, so
// "A&E", "don't" or "Q&A" search for what they say; a word with no letter or
// digit ("-", "&") is dropped. Kept as written: "phrases", prefix* (also
// "phrase prefix"*), AND, OR, NOT (upper case, as in FTS5; NOT is binary:
// "a NOT b"), NEAR(a b, 10) and parentheses; adjacent terms mean AND.
// A query that cannot be read gives InvalidInput whose message begins
// "search: " and says what is wrong ("the query has an unclosed quote",
// "\"AND x\" is not valid search syntax: AND needs a word or phrase on each side").
Result<std::string> TranslateSearchQuery(std::string_view query);

struct SearchOptions {
  std::string district;          // "" any; a district name, case-insensitive
  std::string outcome;           // "" any; an outcome id ("O2") or name, case-insensitive
  std::string theme;             // "" any; a theme id ("gp-access") or name, case-insensitive
  std::string channel;           // "" any; "survey", "focus_group" or "workshop"
  size_t limit = 20;             // most hits returned; SearchResult::total counts them all
  std::string open_mark = "[";   // put before each hit in a snippet
  std::string close_mark = "]";  // put after each hit
  int snippet_tokens = 32;       // longest snippet, in words (FTS5 snippet(), at most 64)
};

struct SearchHit {
  RecordRef record;
  std::string snippet;   // the text around the hits, each hit between the marks
  double relevance = 0;  // -bm25: higher is more relevant
};

struct SearchResult {
  std::string round;
  std::string query;            // as typed
  std::string fts_query;        // as run (TranslateSearchQuery)
  int64_t total = 0;            // records matching, before the limit
  std::vector<SearchHit> hits;  // most relevant first
};

// Full-text search over one round's records (FTS5: porter stemming, case and
// accents ignored). A filter names a district, outcome, theme or channel a
// record must carry. Errors: InvalidInput ("search: ...") for a query or a
// filter value that names nothing in the round; NotFound for a missing round;
// Store when SQLite fails.
Result<SearchResult> Search(Store& store, const std::string& round, const std::string& query,
                            const SearchOptions& options = {});

// ---- trace: the records behind one statement ---------------------------------

// When records support a statement. Defaults were measured on the sample round
// (docs/verify.md has the table and says how each was chosen).
struct SupportRules {
  double min_record_score = 0.5;     // a supporting record's combined score (0..1)
  double min_coverage = 0.5;         // share of the statement's content weight a record matches
  double min_matched_rarity = 0.5;   // weight a record must match, in units of the weight of
                                     // a word one record holds (so it scales with the round):
                                     // one common word ("funding", "services") is not enough
  double min_theme_agreement = 0.3;  // when the statement has themes: weighted share of
                                     // them the supporting records carry together
  int64_t min_records = 3;           // "supported" needs this many supporting records ...
  int64_t min_breadth = 2;           // ... from this many districts (sources, when the
                                     // statement names its district); fewer is "weak"
  double min_district_share = 0.5;   // a split-postcode district counts from this share up
};

// A theme the lexicon finds in the statement.
struct StatementTheme {
  std::string id;
  std::string name;
  std::string pattern;  // the term or pattern that fired
  std::string matched;  // the statement's words it matched
  int64_t records = 0;  // records of the round carrying the theme
  double weight = 0;    // IDF: ln((N + 1) / (records + 0.5))
};

// A content word of the statement (stop words and place names are dropped).
struct StatementWord {
  std::string word;                 // as written
  std::string fts_query;            // "word" or "word"* (prefix of its stem, for long words)
  int64_t records = 0;              // records of the round containing it
  double weight = 0;                // IDF as for themes; a word no record has weighs most
  std::vector<std::string> themes;  // statement themes whose match covers this word, or
                                    // "outcome O2" where an outcome cue (WDH) stands for it
};

struct StatementAnalysis {
  std::string text;
  std::vector<StatementTheme> themes;
  std::vector<StatementWord> words;
  std::vector<std::string> districts;  // named in the statement: support must come from them
  // Capitalised abbreviations ("WDH") that no record holds and no lexicon
  // theme knows: left out of the content words, so jargon alone does not sink
  // a statement. Add them to the lexicon to have them understood.
  std::vector<std::string> unknown_abbreviations;
  double content_weight = 0;  // sum of the words' weights
  double rare_weight = 0;     // weight of a word one record holds: ln((N + 1) / 1.5)
};

enum class Support {
  kSupported,    // enough records, from enough districts (or sources)
  kWeak,         // some support: too few records, or one district or source
  kUnsupported,  // no record shares the statement's specific content
};
std::string_view SupportName(Support support);

// One candidate record and how it relates to the statement.
struct RecordSupport {
  RecordRef record;
  double score = 0;            // 0..1, see docs/verify.md
  double theme_agreement = 0;  // IDF-weighted share of the statement's themes it carries
  double coverage = 0;         // IDF-weighted share of the content words it matches
  double relevance = 0;        // bm25 of the content words, relative to the best candidate
  double matched_weight = 0;   // sum of the weights of the words it matches
  bool supports = false;       // passes SupportRules
  struct ThemeEvidence {
    std::string theme;
    std::string pattern;  // the lexicon term or pattern that tagged the record
    std::string matched;  // the record's text it matched
    int32_t start = -1;   // byte offset of `matched` in the record's text; -1 if not in it
  };
  std::vector<ThemeEvidence> themes;  // statement themes the record carries
  std::vector<std::string> words;     // statement words found in it (or covered by a theme)
};

struct SupportTotals {
  int64_t records = 0;
  int64_t respondents = 0;  // distinct survey respondents
  int64_t sources = 0;
  std::vector<std::pair<std::string, int64_t>> districts;  // most records first
  std::map<std::string, int64_t> channels;                 // channel -> records
  std::vector<std::pair<std::string, int64_t>> outcomes;   // outcome tags, most records first
  // Where the evidence points: each source has one vote, shared among the
  // outcome tags of its supporting records in proportion, so that one survey
  // question answered by many respondents does not outvote every workshop
  // and focus group. Most votes first.
  std::vector<std::pair<std::string, double>> outcome_votes;
};

struct Trace {
  std::string round;
  StatementAnalysis statement;
  Support status = Support::kUnsupported;
  std::string reason;                      // why this status, in a sentence
  double theme_agreement = 0;              // of the supporting records taken together
  SupportTotals totals;                    // over every supporting record
  std::vector<RecordSupport> records;      // supporting records, best first, up to the limit
  std::vector<RecordSupport> near_misses;  // best candidates that fell short, up to 3
};

struct TraceOptions {
  size_t limit = 20;  // most supporting records listed; totals count them all
  SupportRules rules;
};

// Ranks the round's records that support `statement`: records carrying the
// themes `lexicon` finds in it, and records containing its content words
// (FTS5, stemmed; bm25). Errors: NotFound for a missing round, Store when
// SQLite fails. Reads only; one call per thread on a Store.
Result<Trace> TraceStatement(Store& store, const Lexicon& lexicon, const std::string& round,
                             std::string_view statement, const TraceOptions& options = {});

// ---- verify: every statement of a draft ------------------------------------------

struct DraftStatement {
  std::string text;
  int line = 0;               // 1-based line of the draft it starts on
  std::string heading;        // the heading it sits under, "" before any
  std::string outcome_filed;  // outcome of that heading (Lexicon::OutcomeForHeading), or ""
};

// Splits a Markdown or plain-text draft into statements: each bullet ("- ",
// "* ", "+ ", "1. ") or other non-empty line that is not a heading is one
// statement; a line indented under a bullet continues it. "#" headings (and
// a bare line underlined with === or ---) set the outcome the statements
// below are filed under. HTML comments (<!-- ... -->), block-quote marks,
// rules and fenced code are ignored.
std::vector<DraftStatement> ParseDraft(std::string_view draft, const Lexicon& lexicon);

struct StatementCheck {
  DraftStatement statement;
  Trace trace;
  std::string outcome_evidence;  // the outcome with most votes (the filed one on a tie); "" if none
  // Supported statements only: filed under an outcome with less than half the
  // source votes (SupportTotals::outcome_votes) of the one the evidence points to.
  bool misfiled = false;
};

struct Verification {
  std::string round;
  std::vector<StatementCheck> statements;
  int64_t Count(Support status) const;
  int64_t misfiled() const;
};

struct VerifyOptions {
  size_t sources = 5;  // supporting records listed per statement
  SupportRules rules;
};

Result<Verification> VerifyDraft(Store& store, const Lexicon& lexicon, const std::string& round,
                                 const std::vector<DraftStatement>& statements,
                                 const VerifyOptions& options = {});

// ---- renderers ------------------------------------------------------------------------

// Text marks hits with the SearchOptions marks; JSON is one object (search,
// trace) or an array of statement objects (verify), each ending in a newline.
std::string RenderSearchText(const SearchResult& result);
std::string RenderSearchJson(const SearchResult& result);
std::string RenderTraceText(const Trace& trace);
std::string RenderTraceJson(const Trace& trace);
std::string RenderVerifyText(const Verification& verification);
std::string RenderVerifyJson(const Verification& verification);

}  // namespace heard

#endif  // HEARD_QUERY_H_
