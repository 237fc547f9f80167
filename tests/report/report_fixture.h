// Report test fixtures: the sample round, a store full of markup, readers for the page.
#ifndef HEARD_TESTS_REPORT_REPORT_FIXTURE_H_
#define HEARD_TESTS_REPORT_REPORT_FIXTURE_H_

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "heard/store.h"
#include "test_support.h"

namespace heard::testing {

struct CommandOutcome {
  int code = -1;
  std::string out;  // standard output only
};

// Runs a shell command; standard error goes where `stderr_to` says ("" keeps it).
inline CommandOutcome Shell(const std::string& command,
                            const std::string& stderr_to = "/dev/null") {
  const std::string full = stderr_to.empty() ? command : command + " 2>" + stderr_to;
  CommandOutcome outcome;
  FILE* pipe = popen(full.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) outcome.out.append(buffer, n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

inline CommandOutcome Heard(const std::string& args) {
  return Shell(std::string(HEARD_EXE) + " " + args, "");
}

// Loads the sample round (pipelines/sample_round.toml) into `db`.
inline void LoadSampleRound(const std::string& db) {
  const std::string pipeline = std::string(HEARD_SOURCE_DIR) + "/pipelines/sample_round.toml";
  const std::string summary = db + ".summary.md";
  CommandOutcome run = Heard("run " + pipeline + " --db " + db + " --summary " + summary + " -q");
  INFO(run.out);
  REQUIRE(run.code == 0);
}

// Text written to break a page that escapes carelessly.
inline constexpr const char* kMarkupText =
    "Buses </script><b>bold</b> & \"quoted\" 'single' <!-- <script>alert(1)</script> --> "
    "in Margate \u2028 end";

// A store with one round ("Round </script> & co") whose theme names, source
// path and record texts carry markup; the records are tagged by hand.
inline std::unique_ptr<Store> MarkupStore(const std::string& path) {
  std::string toml = kSmallLexiconToml;
  const std::string from = "name = \"Transport to services\"";
  toml.replace(toml.find(from), from.size(), "name = \"Transport <b>to</b> & \\\"services\\\"\"");
  LexiconSpec spec;
  REQUIRE(ParseLexiconToml(toml, "markup.toml", &spec).ok());
  Result<Lexicon> lexicon = Lexicon::Compile(std::move(spec));
  REQUIRE(lexicon.ok());
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto round = (*store)->PutRound({"Round </script> & co", "2026-06-30"});
  REQUIRE(round.ok());
  REQUIRE((*store)->PutLexicon(*round, *lexicon).ok());
  REQUIRE((*store)->BeginRun(*round, *lexicon, 1).ok());
  const std::string source_path = "notes/<odd> & \"name\".md";
  auto source = (*store)->BeginSource(*round, source_path, Channel::kWorkshop);
  REQUIRE(source.ok());
  auto tag = [](TagKind kind, const std::string& value, double confidence = 1.0) {
    Tag t;
    t.kind = kind;
    t.value = value;
    t.confidence = confidence;
    return t;
  };
  Batch batch;
  for (int line = 1; line <= 3; ++line) {
    Record record;
    record.round = "Round </script> & co";
    record.channel = Channel::kWorkshop;
    record.source = source_path;
    record.locator.line_start = record.locator.line_end = line;
    record.id = MakeRecordId(record.round, record.source, record.locator);
    record.text = line == 3 ? "Nothing to tag </p>" : kMarkupText;
    record.match_text = record.text;
    if (line != 3) {
      record.tags = {tag(TagKind::kOutcome, "O5"), tag(TagKind::kTheme, "transport"),
                     tag(TagKind::kDistrict, "Thanet"),
                     tag(TagKind::kDistrict, "Swale", line == 1 ? 0.2 : 0.8)};
    }
    batch.records.push_back(std::move(record));
  }
  batch.items_read = 3;
  Ledger ledger;
  REQUIRE((*store)->WriteBatch(*source, batch, &ledger).ok());
  REQUIRE((*store)->FinishSource(*source, ledger, {}).ok());
  return std::move(*store);
}

// One <a class="count"> of the page: its filter attributes and the number it shows.
struct CountLinkSeen {
  std::map<std::string, std::string> attributes;  // data-* without "data-", unescaped
  int64_t shown = -1;
  std::optional<std::string> Get(const std::string& name) const {
    const auto found = attributes.find(name);
    if (found == attributes.end()) return std::nullopt;
    return found->second;
  }
};

inline std::string Unescape(const std::string& text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [entity, plain] : kEntities) {
      if (text.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
        out += plain;
        i += std::char_traits<char>::length(entity);
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// Every count link, read with a small scanner (the page's markup is heard's own).
inline std::vector<CountLinkSeen> CountLinks(const std::string& html) {
  std::vector<CountLinkSeen> links;
  const std::string open = "<a class=\"count\"";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const size_t tag_end = html.find('>', at);
    const size_t close = html.find("</a>", tag_end);
    REQUIRE(tag_end != std::string::npos);
    REQUIRE(close != std::string::npos);
    CountLinkSeen link;
    const std::string tag = html.substr(at, tag_end - at);
    for (size_t a = tag.find(" data-"); a != std::string::npos; a = tag.find(" data-", a + 1)) {
      const size_t eq = tag.find("=\"", a);
      const size_t end = tag.find('"', eq + 2);
      link.attributes[tag.substr(a + 6, eq - a - 6)] = Unescape(tag.substr(eq + 2, end - eq - 2));
    }
    std::string text;  // the link's content without its tags
    bool in_tag = false;
    for (size_t i = tag_end + 1; i < close; ++i) {
      if (html[i] == '<') in_tag = true;
      if (!in_tag) text += html[i];
      if (html[i] == '>') in_tag = false;
    }
    std::string digits;
    for (char c : text.substr(text.find_first_of("0123456789"))) {
      if (c == ',') continue;
      if (c < '0' || c > '9') break;
      digits += c;
    }
    link.shown = std::stoll(digits);
    links.push_back(std::move(link));
  }
  return links;
}

// The records, sources and problems the page embeds.
inline nlohmann::json EmbeddedData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"heard-data\">";
  const size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  const size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return nlohmann::json::parse(html.substr(begin + open.size(), end - begin - open.size()));
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_REPORT_REPORT_FIXTURE_H_
