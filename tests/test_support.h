// Shared test fixtures: temporary folders, files, and a small lexicon written inline.
#ifndef HEARD_TESTS_TEST_SUPPORT_H_
#define HEARD_TESTS_TEST_SUPPORT_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "heard/lexicon.h"
#include "heard/record.h"

namespace heard::testing {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "heard-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A lexicon small enough to reason about by hand: three outcomes, four
// themes, three districts and a partner.
inline constexpr const char* kSmallLexiconToml = R"toml(
attribution = "Test attribution line."

[[outcome]]
id = "O1"
name = "Give children and young people the best start in life"
short_name = "Best start"
headings = ['^outcome\s*(1|one)\b']
terms = ["young people"]

[[outcome]]
id = "O5"
name = "Improve health and care services"
short_name = "Services"
headings = ['^outcome\s*(5|five)\b']

[[outcome]]
id = "GEN"
name = "General"
short_name = "General"
headings = ['^general\b']

[[theme]]
id = "gp-access"
name = "Access to GP appointments"
outcomes = ["O5"]
terms = ["GP", "GP appointment*", "doctor's appointment*"]

[[theme]]
id = "youth-clubs"
name = "Youth clubs"
outcomes = ["O1"]
terms = ["youth club*"]

[[theme]]
id = "transport"
name = "Transport to services"
outcomes = ["O5"]
terms = ["bus", "buses", "transport"]

[[theme]]
id = "funding"
name = "Funding of the strategy"
outcomes = ["GEN"]
terms = ["funding", "funded"]

[[district]]
name = "Thanet"
kind = "district"
codes = ["T"]
places = ["Margate", "Ramsgate"]

[[district]]
name = "Tunbridge Wells"
kind = "district"
codes = ["TW"]
misspellings = ["Tonbridge Wells"]
places = ["Paddock Wood"]

[[district]]
name = "Swale"
kind = "district"
codes = ["SW"]
places = ["Sheerness"]

[[partner]]
name = "Police and Crime Commissioner"
codes = ["PCC"]

[outcode]
CT9 = { "Thanet" = 1 }
ME12 = { "Swale" = 1 }
TN12 = { "Tunbridge Wells" = 0.8, "Swale" = 0.2 }
)toml";

// A tag with no evidence, for stores built by hand.
inline Tag MakeTag(TagKind kind, const std::string& value, double confidence = 1.0) {
  Tag tag;
  tag.kind = kind;
  tag.value = value;
  tag.confidence = confidence;
  return tag;
}

// A record of round "R", source "src", at `line`, already tagged.
inline Record MakeRecord(Channel channel, int line, const std::string& respondent,
                         const std::string& text, std::vector<Tag> tags) {
  Record record;
  record.round = "R";
  record.channel = channel;
  record.source = "src";
  record.locator.line_start = record.locator.line_end = line;
  record.id = MakeRecordId("R", "src", record.locator);
  record.respondent = respondent;
  record.text = text;
  record.match_text = text;
  record.tags = std::move(tags);
  return record;
}

inline Lexicon SmallLexicon() {
  LexiconSpec spec;
  Status parsed = ParseLexiconToml(kSmallLexiconToml, "small.toml", &spec);
  if (!parsed.ok()) throw std::runtime_error(parsed.message());
  Result<Lexicon> lexicon = Lexicon::Compile(std::move(spec));
  if (!lexicon.ok()) throw std::runtime_error(lexicon.status().message());
  return *lexicon;
}

}  // namespace heard::testing

#endif  // HEARD_TESTS_TEST_SUPPORT_H_
