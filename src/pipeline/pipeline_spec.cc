// Step one and two of configuring a run: parse the pipeline file, then check it against the lexicon.
#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "heard/charset.h"
#include "heard/office.h"
#include "heard/pipeline.h"

namespace heard {
namespace {

namespace fs = std::filesystem;

// Collects every error of one file, each as "file:line: reason".
class Errors {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void Add(const toml::node* node, const std::string& reason) {
    const int line = node ? static_cast<int>(node->source().begin.line) : 0;
    lines_.push_back(fmt::format("{}:{}: {}", file_, line, reason));
  }
  void Add(int line, const std::string& reason) {
    lines_.push_back(fmt::format("{}:{}: {}", file_, line, reason));
  }
  bool empty() const { return lines_.empty(); }
  Status ToStatus() const {
    std::string message;
    for (const std::string& line : lines_) message += (message.empty() ? "" : "\n") + line;
    return Status::Config(message);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

void CheckKeys(const toml::table& table, std::initializer_list<const char*> allowed,
               const std::string& where, Errors& errors) {
  for (const auto& entry : table) {  // not a structured binding: clang cannot capture one
    const toml::key& key = entry.first;
    const toml::node& node = entry.second;
    const bool known = std::any_of(allowed.begin(), allowed.end(),
                                   [&](const char* k) { return key.str() == k; });
    if (!known) {
      std::string list;
      for (const char* k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
      errors.Add(&node, fmt::format("unknown key \"{}\" in {} (expected one of: {})", key.str(),
                                    where, list));
    }
  }
}

std::string GetString(const toml::table& table, const char* key, Errors& errors,
                      bool required = false, const toml::node* context = nullptr) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) errors.Add(context, fmt::format("missing required key \"{}\"", key));
    return "";
  }
  if (!node->is_string()) {
    errors.Add(node, fmt::format("\"{}\" must be a string", key));
    return "";
  }
  return node->as_string()->get();
}

std::vector<std::string> GetStrings(const toml::table& table, const char* key, Errors& errors) {
  std::vector<std::string> values;
  const toml::node* node = table.get(key);
  if (node == nullptr) return values;
  if (node->is_string()) return {node->as_string()->get()};
  if (!node->is_array()) {
    errors.Add(node, fmt::format("\"{}\" must be an array of strings", key));
    return values;
  }
  for (const toml::node& item : *node->as_array()) {
    if (item.is_string()) {
      values.push_back(item.as_string()->get());
    } else {
      errors.Add(&item, fmt::format("\"{}\" must hold only strings", key));
    }
  }
  return values;
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty()) return path;
  fs::path p(path);
  if (p.is_relative()) p = fs::path(base_dir) / p;
  return p.lexically_normal().string();
}

const toml::array* GetTables(const toml::table& root, const char* key, Errors& errors) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_array_of_tables()) {
    errors.Add(node, fmt::format("\"{}\" must be written as [[{}]] tables", key, key));
    return nullptr;
  }
  return node->as_array();
}

// The declared encoding, if any; a name ICU cannot convert from is an error here rather than
// text silently read as windows-1252.
std::string GetEncoding(const toml::table& table, Errors& errors) {
  std::string encoding = GetString(table, "encoding", errors);
  if (!encoding.empty() && !CanDecode(encoding)) {
    errors.Add(table.get("encoding"),
               fmt::format("encoding \"{}\" is not one heard can read; write a name such as "
                           "\"windows-1252\", \"ISO-8859-1\" or \"UTF-16LE\", or leave it out to "
                           "detect it",
                           encoding));
  }
  return encoding;
}

void ParseSurvey(const toml::table& table, const std::string& base_dir, Errors& errors,
                 SourceSpec& spec) {
  CheckKeys(table,
            {"path", "paths", "encoding", "header_row", "sheet", "respondent", "postcode",
             "district", "attributes", "non_answers", "question"},
            "[[survey]]", errors);
  spec.patterns = GetStrings(table, "path", errors);
  for (std::string& p : GetStrings(table, "paths", errors)) spec.patterns.push_back(p);
  if (spec.patterns.empty()) errors.Add(&table, "[[survey]] needs a \"path\"");
  spec.encoding = GetEncoding(table, errors);
  SurveyMapping& m = spec.survey;
  if (const toml::node* row = table.get("header_row")) {
    if (!row->is_integer() || row->as_integer()->get() < 1) {
      errors.Add(row, "\"header_row\" must be a whole number from 1");
    } else {
      m.header_row = static_cast<int>(row->as_integer()->get());
    }
  }
  m.sheet = GetString(table, "sheet", errors);
  m.respondent = GetString(table, "respondent", errors);
  m.postcode = GetString(table, "postcode", errors);
  m.district = GetString(table, "district", errors);
  m.attributes = GetStrings(table, "attributes", errors);
  m.non_answers = GetStrings(table, "non_answers", errors);
  const toml::array* questions = GetTables(table, "question", errors);
  if (questions == nullptr || questions->empty()) {
    errors.Add(&table, "[[survey]] needs at least one [[survey.question]] (a free-text column)");
    return;
  }
  for (const toml::node& node : *questions) {
    const toml::table& q = *node.as_table();
    CheckKeys(q, {"column", "id", "outcome"}, "[[survey.question]]", errors);
    SurveyQuestion question;
    question.column = GetString(q, "column", errors, true, &node);
    if (q.get("column") != nullptr && q.get("column")->is_string() &&
        question.column.find_first_not_of(" \t") == std::string::npos) {
      errors.Add(q.get("column"), "\"column\" is empty: write the question's header as the "
                                  "export has it");
    }
    question.id = GetString(q, "id", errors);
    if (question.id.empty()) question.id = question.column;
    question.outcome = GetString(q, "outcome", errors);
    question.line = static_cast<int>(node.source().begin.line);
    m.questions.push_back(std::move(question));
  }
  (void)base_dir;
}

void ParseNotes(const toml::table& table, const char* name, Errors& errors, SourceSpec& spec) {
  CheckKeys(table, {"path", "paths", "encoding", "group", "district"},
            fmt::format("[[{}]]", name), errors);
  spec.patterns = GetStrings(table, "path", errors);
  for (std::string& p : GetStrings(table, "paths", errors)) spec.patterns.push_back(p);
  if (spec.patterns.empty()) errors.Add(&table, fmt::format("[[{}]] needs \"paths\"", name));
  spec.encoding = GetEncoding(table, errors);
  spec.notes.group = GetString(table, "group", errors);
  spec.notes.district = GetString(table, "district", errors);
}

}  // namespace

Result<PipelineSpec> ParsePipelineToml(std::string_view text, const std::string& file,
                                       const std::string& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::Config(fmt::format("{}:{}: {}", file, e.source().begin.line, e.description()));
  }
  Errors errors(file);
  PipelineSpec spec;
  spec.file = file;
  CheckKeys(root, {"round", "run", "survey", "focus_group", "workshop"}, "the pipeline file",
            errors);

  const toml::table* round = root["round"].as_table();
  if (round == nullptr) {
    errors.Add(1, "missing [round] table with the round's name");
  } else {
    CheckKeys(*round, {"name", "date"}, "[round]", errors);
    spec.round.name = GetString(*round, "name", errors, true, round);
    spec.round.date = GetString(*round, "date", errors);
    if (spec.round.name.empty() && round->get("name") != nullptr) {
      errors.Add(round->get("name"), "the round's name must not be empty");
    }
  }

  spec.lexicon_dir = Resolve(base_dir, "../lexicons");
  if (const toml::table* run = root["run"].as_table()) {
    CheckKeys(*run, {"lexicons", "database", "summary"}, "[run]", errors);
    const std::string lexicons = GetString(*run, "lexicons", errors);
    if (!lexicons.empty()) spec.lexicon_dir = Resolve(base_dir, lexicons);
    spec.database = Resolve(base_dir, GetString(*run, "database", errors));
    spec.summary = Resolve(base_dir, GetString(*run, "summary", errors));
  }

  auto add_sources = [&](const char* key, Channel channel) {
    const toml::array* tables = GetTables(root, key, errors);
    if (tables == nullptr) return;
    for (const toml::node& node : *tables) {
      SourceSpec source;
      source.channel = channel;
      source.pos = {file, static_cast<int>(node.source().begin.line)};
      if (channel == Channel::kSurvey) {
        ParseSurvey(*node.as_table(), base_dir, errors, source);
      } else {
        ParseNotes(*node.as_table(), key, errors, source);
      }
      for (std::string& pattern : source.patterns) pattern = Resolve(base_dir, pattern);
      spec.sources.push_back(std::move(source));
    }
  };
  add_sources("survey", Channel::kSurvey);
  add_sources("focus_group", Channel::kFocusGroup);
  add_sources("workshop", Channel::kWorkshop);
  if (spec.sources.empty() && errors.empty()) {
    errors.Add(1, "no sources: add a [[survey]], [[focus_group]] or [[workshop]] table");
  }
  if (!errors.empty()) return errors.ToStatus();
  // Record ids name sources relative to the pipeline's folder, so a round
  // keeps its ids wherever the project is checked out.
  return spec;
}

Result<PipelineSpec> ReadPipelineFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("cannot open pipeline file {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  const std::string base_dir = fs::path(path).parent_path().string();
  return ParsePipelineToml(text.str(), path, base_dir.empty() ? "." : base_dir);
}

Status CheckPipeline(PipelineSpec* spec, const Lexicon& lexicon) {
  Errors errors(spec->file);
  const fs::path base = fs::path(spec->file).parent_path();
  std::set<std::string> seen_files;
  for (SourceSpec& source : spec->sources) {
    const int line = source.pos.line;
    source.files.clear();
    for (const std::string& pattern : source.patterns) {
      glob_t matches{};
      const int rc = glob(pattern.c_str(), GLOB_NOSORT, nullptr, &matches);
      std::vector<std::string> paths;
      if (rc == 0) {
        for (size_t i = 0; i < matches.gl_pathc; ++i) paths.emplace_back(matches.gl_pathv[i]);
      }
      globfree(&matches);
      if (paths.empty()) {
        errors.Add(line, fmt::format("no file matches \"{}\"", pattern));
        continue;
      }
      std::sort(paths.begin(), paths.end());
      if (std::all_of(paths.begin(), paths.end(),
                      [](const std::string& p) { return fs::is_directory(p); })) {
        // Nothing to read: a folder named where its files were meant.
        errors.Add(line, fmt::format("\"{}\" is a folder; name its files, e.g. \"{}/*.md\"",
                                     pattern, pattern));
        continue;
      }
      for (const std::string& path : paths) {
        if (fs::is_directory(path)) continue;
        if (!seen_files.insert(fs::weakly_canonical(path).string()).second) {
          errors.Add(line, fmt::format("{} is named by more than one source", path));
          continue;
        }
        std::ifstream probe(path, std::ios::binary);
        if (!probe) {
          errors.Add(line, fmt::format("cannot open {}", path));
          continue;
        }
        const FileFormat format = FileFormatOf(path);
        if (format == FileFormat::kOther) {
          errors.Add(line, fmt::format("{} is not a format heard reads; save it as {}", path,
                                       source.channel == Channel::kSurvey
                                           ? "CSV or Excel workbook (.xlsx)"
                                           : "Word document (.docx) or plain text"));
          continue;
        }
        if ((format == FileFormat::kDocx && source.channel == Channel::kSurvey) ||
            (format == FileFormat::kXlsx && source.channel != Channel::kSurvey)) {
          errors.Add(
              line,
              fmt::format("{} is {}; a [[{}]] reads {}", path,
                          format == FileFormat::kDocx ? "a Word document" : "an Excel workbook",
                          ChannelName(source.channel),
                          source.channel == Channel::kSurvey ? "CSV or .xlsx files"
                                                             : "text, Markdown or .docx files"));
          continue;
        }
        const std::string name =
            fs::path(path).lexically_relative(base.empty() ? fs::path(".") : base).string();
        source.files.push_back({name.empty() ? path : name, path});
      }
    }
    const bool any_workbook =
        std::any_of(source.files.begin(), source.files.end(),
                    [](const SourceFile& f) { return FileFormatOf(f.path) == FileFormat::kXlsx; });
    if (source.channel == Channel::kSurvey && !source.survey.sheet.empty() &&
        !source.files.empty() && !any_workbook) {
      errors.Add(line, fmt::format("\"sheet\" names sheet \"{}\", but no file of this [[survey]] "
                                   "is an Excel workbook (.xlsx)",
                                   source.survey.sheet));
    }
    if (source.channel == Channel::kSurvey) {
      std::set<std::string> columns;
      for (const SurveyQuestion& question : source.survey.questions) {
        const int at = question.line > 0 ? question.line : line;
        if (!columns.insert(question.column).second) {
          errors.Add(at, fmt::format("column \"{}\" is mapped twice", question.column));
        }
        if (!question.outcome.empty() && lexicon.FindOutcome(question.outcome) == nullptr) {
          errors.Add(at, fmt::format("question \"{}\" names outcome \"{}\", which the lexicon "
                                       "does not define",
                                       question.id, question.outcome));
        }
      }
    }
    if (!source.notes.district.empty() && !lexicon.ResolveName(source.notes.district)) {
      errors.Add(line, fmt::format("district \"{}\" is not a district or partner the lexicon "
                                   "knows",
                                   source.notes.district));
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  return Status::Ok();
}

}  // namespace heard
