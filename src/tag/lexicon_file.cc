// Reading lexicon TOML files into a LexiconSpec; every error carries file:line.
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "heard/lexicon.h"
#include "tag/compiled.h"

namespace heard {
namespace {

constexpr double kShareTolerance = 0.001;

int Line(const toml::node& node) { return static_cast<int>(node.source().begin.line); }
int Line(const toml::key& key) { return static_cast<int>(key.source().begin.line); }

// Levenshtein distance of two short ASCII keys, for "did you mean".
size_t KeyDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class FileParser {
 public:
  FileParser(const std::string& file, LexiconErrors* errors) : file_(file), errors_(errors) {}

  void Parse(const toml::table& root, LexiconSpec* spec);

 private:
  void Error(int line, const std::string& reason) { errors_->Add(file_, line, reason); }

  void CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 const std::string& where);
  std::string GetString(const toml::table& table, std::string_view key, bool required,
                        const std::string& where);
  std::vector<std::string> GetStrings(const toml::table& table, std::string_view key,
                                      std::vector<SourcePos>* positions = nullptr);
  void GetCues(const toml::table& table, std::string_view terms_key, std::string_view patterns_key,
               Cues* cues);
  // Calls `each` for every table of the array `key` ([[key]]).
  template <typename Each>
  void ForEachTable(const toml::node& node, std::string_view key, Each each);

  void ParseOutcome(const toml::table& t, LexiconSpec* spec);
  void ParseTheme(const toml::table& t, LexiconSpec* spec);
  void ParseDistrict(const toml::table& t, LexiconSpec* spec);
  void ParsePartner(const toml::table& t, LexiconSpec* spec);
  void ParseOutcodes(const toml::table& t, LexiconSpec* spec);
  void ParseAttribution(const toml::node& node, LexiconSpec* spec);
  void ParseQualifiers(const toml::table& t, LexiconSpec* spec);

  SourcePos Pos(const toml::node& node) const { return SourcePos{file_, Line(node)}; }

  const std::string& file_;
  LexiconErrors* errors_;
};

void FileParser::CheckKeys(const toml::table& table,
                           std::initializer_list<std::string_view> allowed,
                           const std::string& where) {
  for (auto&& [key, value] : table) {
    std::string_view name = key.str();
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string reason = "unknown key '" + std::string(name) + "' in " + where;
    std::string_view best;
    size_t best_distance = 3;
    for (std::string_view candidate : allowed) {
      size_t d = KeyDistance(name, candidate);
      if (d < best_distance) best_distance = d, best = candidate;
    }
    if (!best.empty()) reason += " (did you mean '" + std::string(best) + "'?)";
    Error(Line(key), reason);
  }
}

std::string FileParser::GetString(const toml::table& table, std::string_view key, bool required,
                                  const std::string& where) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Error(Line(table), where + " has no '" + std::string(key) + "'");
    return "";
  }
  if (!node->is_string()) {
    Error(Line(*node), "'" + std::string(key) + "' in " + where + " must be a string");
    return "";
  }
  std::string value = node->as_string()->get();
  if (required && value.empty()) Error(Line(*node), "'" + std::string(key) + "' is empty");
  return value;
}

std::vector<std::string> FileParser::GetStrings(const toml::table& table, std::string_view key,
                                                std::vector<SourcePos>* positions) {
  std::vector<std::string> values;
  const toml::node* node = table.get(key);
  if (node == nullptr) return values;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    Error(Line(*node), "'" + std::string(key) + "' must be an array of strings, e.g. [\"...\"]");
    return values;
  }
  for (const toml::node& item : *array) {
    if (!item.is_string()) {
      Error(Line(item), "'" + std::string(key) + "' must hold only strings");
      continue;
    }
    values.push_back(item.as_string()->get());
    if (positions != nullptr) positions->push_back(Pos(item));
  }
  return values;
}

void FileParser::GetCues(const toml::table& table, std::string_view terms_key,
                         std::string_view patterns_key, Cues* cues) {
  cues->terms = GetStrings(table, terms_key, &cues->term_pos);
  cues->patterns = GetStrings(table, patterns_key, &cues->pattern_pos);
}

template <typename Each>
void FileParser::ForEachTable(const toml::node& node, std::string_view key, Each each) {
  const toml::array* array = node.as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    Error(Line(node), "'" + std::string(key) + "' must be an array of tables: write [[" +
                          std::string(key) + "]] before each entry");
    return;
  }
  for (const toml::node& item : *array) each(*item.as_table());
}

void FileParser::ParseOutcome(const toml::table& t, LexiconSpec* spec) {
  CheckKeys(t, {"id", "name", "short_name", "headings", "terms", "patterns"}, "[[outcome]]");
  OutcomeDef def;
  def.pos = Pos(t);
  def.id = GetString(t, "id", true, "[[outcome]]");
  def.name = GetString(t, "name", true, "[[outcome]]");
  def.short_name = GetString(t, "short_name", false, "[[outcome]]");
  def.headings = GetStrings(t, "headings");
  GetCues(t, "terms", "patterns", &def.cues);
  spec->outcomes.push_back(std::move(def));
}

void FileParser::ParseTheme(const toml::table& t, LexiconSpec* spec) {
  CheckKeys(t,
            {"id", "name", "parent", "outcomes", "terms", "patterns", "exclude_terms",
             "exclude_patterns"},
            "[[theme]]");
  ThemeDef def;
  def.pos = Pos(t);
  def.id = GetString(t, "id", true, "[[theme]]");
  def.name = GetString(t, "name", true, "[[theme]]");
  def.parent = GetString(t, "parent", false, "[[theme]]");
  def.outcomes = GetStrings(t, "outcomes");
  GetCues(t, "terms", "patterns", &def.cues);
  GetCues(t, "exclude_terms", "exclude_patterns", &def.exclude);
  spec->themes.push_back(std::move(def));
}

void FileParser::ParseDistrict(const toml::table& t, LexiconSpec* spec) {
  CheckKeys(t, {"name", "kind", "codes", "aliases", "misspellings", "places"}, "[[district]]");
  DistrictDef def;
  def.pos = Pos(t);
  def.name = GetString(t, "name", true, "[[district]]");
  def.kind = GetString(t, "kind", false, "[[district]]");
  if (def.kind.empty()) {
    def.kind = "district";
  } else if (def.kind != "district" && def.kind != "unitary") {
    Error(Line(*t.get("kind")),
          "kind must be \"district\" or \"unitary\", not \"" + def.kind + "\"");
  }
  def.codes = GetStrings(t, "codes");
  def.aliases = GetStrings(t, "aliases");
  def.misspellings = GetStrings(t, "misspellings");
  def.places = GetStrings(t, "places");
  spec->districts.push_back(std::move(def));
}

void FileParser::ParsePartner(const toml::table& t, LexiconSpec* spec) {
  CheckKeys(t, {"name", "codes", "aliases"}, "[[partner]]");
  PartnerDef def;
  def.pos = Pos(t);
  def.name = GetString(t, "name", true, "[[partner]]");
  def.codes = GetStrings(t, "codes");
  def.aliases = GetStrings(t, "aliases");
  spec->partners.push_back(std::move(def));
}

void FileParser::ParseOutcodes(const toml::table& t, LexiconSpec* spec) {
  for (auto&& [key, value] : t) {
    OutcodeDef def;
    def.outcode = std::string(key.str());
    for (char& c : def.outcode) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    def.pos = SourcePos{file_, Line(key)};
    const toml::table* shares = value.as_table();
    if (shares == nullptr) {
      Error(Line(key), "outcode " + def.outcode +
                           " must be a table of district shares, e.g. { \"Thanet\" = 1 }");
      continue;
    }
    double sum = 0;
    for (auto&& [district, share_node] : *shares) {
      std::optional<double> share;
      if (share_node.is_floating_point()) share = share_node.as_floating_point()->get();
      if (share_node.is_integer()) share = static_cast<double>(share_node.as_integer()->get());
      if (!share || !(*share > 0 && *share <= 1)) {
        Error(Line(share_node), "share of " + std::string(district.str()) + " in outcode " +
                                    def.outcode + " must be a number in (0, 1]");
        continue;
      }
      sum += *share;
      def.districts.push_back(OutcodeShare{std::string(district.str()), *share});
    }
    // Generated shares are rounded, so a sum a little over 1 is rounding, not an error.
    if (sum > 1 + kShareTolerance) {
      std::ostringstream reason;
      reason << "shares of outcode " << def.outcode << " add up to " << sum << ", more than 1";
      Error(Line(key), reason.str());
    }
    def.outside_share = 1 - sum < kShareTolerance ? 0 : 1 - sum;
    std::stable_sort(
        def.districts.begin(), def.districts.end(),
        [](const OutcodeShare& a, const OutcodeShare& b) { return a.share > b.share; });
    spec->outcodes.push_back(std::move(def));
  }
}

void FileParser::ParseAttribution(const toml::node& node, LexiconSpec* spec) {
  if (!node.is_string()) {
    Error(Line(node), "'attribution' must be a string");
    return;
  }
  std::string_view text = node.as_string()->get();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty() || spec->attribution.find(text) != std::string::npos) return;
  if (!spec->attribution.empty()) spec->attribution += '\n';
  spec->attribution += text;
}

void FileParser::ParseQualifiers(const toml::table& t, LexiconSpec* spec) {
  CheckKeys(t,
            {"window", "negation_before", "negation_before_patterns", "negation_after",
             "negation_after_patterns", "hedge_before", "hedge_before_patterns", "hedge_after",
             "hedge_after_patterns", "pseudo", "pseudo_patterns", "boundaries",
             "boundary_patterns"},
            "[qualifiers]");
  QualifierCues& q = spec->qualifiers;
  if (q.present) Error(Line(t), "a second [qualifiers] table; keep one");
  q.present = true;
  q.pos = Pos(t);
  if (const toml::node* window = t.get("window")) {
    if (!window->is_integer() || window->as_integer()->get() < 1 ||
        window->as_integer()->get() > 50) {
      Error(Line(*window), "'window' must be a whole number of words from 1 to 50");
    } else {
      q.window = static_cast<int>(window->as_integer()->get());
    }
  }
  GetCues(t, "negation_before", "negation_before_patterns", &q.negation_before);
  GetCues(t, "negation_after", "negation_after_patterns", &q.negation_after);
  GetCues(t, "hedge_before", "hedge_before_patterns", &q.hedge_before);
  GetCues(t, "hedge_after", "hedge_after_patterns", &q.hedge_after);
  GetCues(t, "pseudo", "pseudo_patterns", &q.pseudo);
  GetCues(t, "boundaries", "boundary_patterns", &q.boundaries);
}

void FileParser::Parse(const toml::table& root, LexiconSpec* spec) {
  CheckKeys(root,
            {"outcome", "theme", "district", "partner", "outcode", "attribution", "qualifiers"},
            "a lexicon file");
  for (auto&& [key, node] : root) {
    std::string_view name = key.str();
    if (name == "outcome") {
      ForEachTable(node, name, [&](const toml::table& t) { ParseOutcome(t, spec); });
    } else if (name == "theme") {
      ForEachTable(node, name, [&](const toml::table& t) { ParseTheme(t, spec); });
    } else if (name == "district") {
      ForEachTable(node, name, [&](const toml::table& t) { ParseDistrict(t, spec); });
    } else if (name == "partner") {
      ForEachTable(node, name, [&](const toml::table& t) { ParsePartner(t, spec); });
    } else if (name == "outcode") {
      if (node.is_table()) {
        ParseOutcodes(*node.as_table(), spec);
      } else {
        Error(Line(node), "'outcode' must be a table: write [outcode] and OUTCODE = { ... } lines");
      }
    } else if (name == "attribution") {
      ParseAttribution(node, spec);
    } else if (name == "qualifiers") {
      if (node.is_table()) {
        ParseQualifiers(*node.as_table(), spec);
      } else {
        Error(Line(node), "'qualifiers' must be a table: write [qualifiers]");
      }
    }
  }
}

}  // namespace

Status ParseLexiconToml(std::string_view text, const std::string& file, LexiconSpec* spec) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    LexiconErrors errors;
    errors.Add(file, static_cast<int>(e.source().begin.line),
               "TOML syntax error: " + std::string(e.description()));
    return Status::Config(errors.Joined());
  }
  // Entries of one [[array]] keep their file order, which is the spec's order.
  LexiconSpec parsed;
  LexiconErrors errors;
  FileParser(file, &errors).Parse(root, &parsed);
  if (!errors.empty()) return Status::Config(errors.Joined());

  auto append = [](auto& to, auto& from) {
    for (auto& item : from) to.push_back(std::move(item));
  };
  append(spec->outcomes, parsed.outcomes);
  append(spec->themes, parsed.themes);
  append(spec->districts, parsed.districts);
  append(spec->partners, parsed.partners);
  append(spec->outcodes, parsed.outcodes);
  if (parsed.qualifiers.present) {
    if (spec->qualifiers.present) {
      LexiconErrors twice;
      twice.Add(parsed.qualifiers.pos, "a second [qualifiers] table (the first is in " +
                                           spec->qualifiers.pos.file + "); keep one");
      return Status::Config(twice.Joined());
    }
    spec->qualifiers = std::move(parsed.qualifiers);
  }
  if (!parsed.attribution.empty() &&
      spec->attribution.find(parsed.attribution) == std::string::npos) {
    if (!spec->attribution.empty()) spec->attribution += '\n';
    spec->attribution += parsed.attribution;
  }
  return Status::Ok();
}

Result<LexiconSpec> ReadLexiconDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("lexicon folder not found: " + dir);
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml" && it->is_regular_file(ec)) {
      names.push_back(it->path().filename().string());
    }
  }
  if (ec) return Status::Io("cannot list lexicon folder " + dir + ": " + ec.message());
  if (names.empty()) return Status::Config(dir + ": no lexicon files (*.toml)");
  std::sort(names.begin(), names.end());

  LexiconSpec spec;
  std::string messages;
  for (const std::string& name : names) {
    std::string path = (fs::path(dir) / name).string();
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) return Status::Io("cannot read lexicon file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    Status status = ParseLexiconToml(text.str(), path, &spec);
    if (!status.ok()) {
      if (!messages.empty()) messages += '\n';
      messages += status.message();
    }
  }
  if (!messages.empty()) return Status::Config(messages);
  return spec;
}

}  // namespace heard
