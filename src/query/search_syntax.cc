// TranslateSearchQuery: a user's search query, checked and rewritten into FTS5 syntax.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <vector>

#include "heard/query.h"

namespace heard {
namespace {

struct Token {
  enum class Kind {
    kTerm,   // a quoted phrase, ready for FTS5 (with its * if a prefix)
    kAnd,    // AND
    kOr,     // OR
    kNot,    // NOT
    kOpen,   // (
    kClose,  // )
  };
  Kind kind;
  std::string fts;  // kTerm: the FTS5 text
};

bool HasWordCharacter(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// A phrase for FTS5: inside double quotes, with any double quote doubled.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

Status Invalid(std::string_view query, std::string_view detail) {
  return Status::InvalidInput(
      fmt::format("search: \"{}\" is not valid search syntax: {}", query, detail));
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads one "phrase" (with a following * for a prefix) at text[*pos] == '"'.
// Returns false for an unclosed quote; `term` is empty for a phrase with no words.
bool ReadPhrase(std::string_view text, size_t* pos, std::string* term) {
  const size_t close = text.find('"', *pos + 1);
  if (close == std::string_view::npos) return false;
  const std::string_view inside = text.substr(*pos + 1, close - *pos - 1);
  *pos = close + 1;
  const bool prefix = *pos < text.size() && text[*pos] == '*';
  if (prefix) ++*pos;
  term->clear();
  if (HasWordCharacter(inside)) *term = Quote(inside) + (prefix ? "*" : "");
  return true;
}

// A bare word as a phrase: "A&E" -> "A&E"; "transport*" -> "transport"*.
std::string BareTerm(std::string_view word) {
  bool prefix = false;
  while (!word.empty() && word.back() == '*') {
    word.remove_suffix(1);
    prefix = true;
  }
  if (!HasWordCharacter(word)) return "";
  return Quote(word) + (prefix ? "*" : "");
}

// NEAR(a "b c" d, 10) at text[*pos] == '(' after NEAR: its FTS5 form.
Result<std::string> ReadNear(std::string_view query, size_t* pos) {
  const size_t close = query.find(')', *pos);
  if (close == std::string_view::npos) return Invalid(query, "NEAR( has no closing )");
  std::string_view inside = query.substr(*pos + 1, close - *pos - 1);
  *pos = close + 1;
  std::string distance;
  if (const size_t comma = inside.rfind(','); comma != std::string_view::npos) {
    std::string_view number = inside.substr(comma + 1);
    while (!number.empty() && IsSpace(number.front())) number.remove_prefix(1);
    while (!number.empty() && IsSpace(number.back())) number.remove_suffix(1);
    for (char c : number) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || number.size() > 6) {
        return Invalid(query, "NEAR(...) ends with \", N\", a number of words");
      }
    }
    if (number.empty()) return Invalid(query, "NEAR(...) ends with \", N\", a number of words");
    distance = ", " + std::string(number);
    inside = inside.substr(0, comma);
  }
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < inside.size()) {
    if (IsSpace(inside[i])) {
      ++i;
    } else if (inside[i] == '"') {
      std::string term;
      if (!ReadPhrase(inside, &i, &term)) {
        return Status::InvalidInput("search: the query has an unclosed quote");
      }
      if (!term.empty()) terms.push_back(term);
    } else {
      size_t end = i;
      while (end < inside.size() && !IsSpace(inside[end]) && inside[end] != '"') ++end;
      std::string term = BareTerm(inside.substr(i, end - i));
      if (!term.empty()) terms.push_back(term);
      i = end;
    }
  }
  if (terms.size() < 2) return Invalid(query, "NEAR(...) needs two or more words or phrases");
  std::string out = "NEAR(";
  for (size_t t = 0; t < terms.size(); ++t) out += (t ? " " : "") + terms[t];
  return out + distance + ")";
}

Result<std::vector<Token>> Tokenise(std::string_view query) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < query.size()) {
    const char c = query[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '"') {
      std::string term;
      if (!ReadPhrase(query, &i, &term)) {
        return Status::InvalidInput("search: the query has an unclosed quote");
      }
      if (!term.empty()) tokens.push_back({Token::Kind::kTerm, term});
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? Token::Kind::kOpen : Token::Kind::kClose, ""});
      ++i;
    } else {
      size_t end = i;
      while (end < query.size() && !IsSpace(query[end]) && query[end] != '"' && query[end] != '(' &&
             query[end] != ')') {
        ++end;
      }
      const std::string_view word = query.substr(i, end - i);
      i = end;
      if (word == "AND") {
        tokens.push_back({Token::Kind::kAnd, ""});
      } else if (word == "OR") {
        tokens.push_back({Token::Kind::kOr, ""});
      } else if (word == "NOT") {
        tokens.push_back({Token::Kind::kNot, ""});
      } else if (word == "NEAR" && i < query.size() && query[i] == '(') {
        Result<std::string> near = ReadNear(query, &i);
        if (!near.ok()) return near.status();
        tokens.push_back({Token::Kind::kTerm, *near});
      } else if (std::string term = BareTerm(word); !term.empty()) {
        tokens.push_back({Token::Kind::kTerm, term});
      }
    }
  }
  return tokens;
}

// Recursive descent over the tokens, with FTS5's precedence: NOT binds
// tightest, then AND (written or implied), then OR.
class Parser {
 public:
  Parser(std::string_view query, const std::vector<Token>& tokens)
      : query_(query), tokens_(tokens) {}

  Result<std::string> Parse() {
    std::string out;
    Status status = Or(&out);
    if (!status.ok()) return status;
    if (pos_ < tokens_.size()) return Invalid(query_, "a ')' has no matching '('");
    return out;
  }

 private:
  using Kind = Token::Kind;
  bool At(Kind kind) const { return pos_ < tokens_.size() && tokens_[pos_].kind == kind; }
  bool AtOperand() const { return At(Kind::kTerm) || At(Kind::kOpen); }

  Status MissingOperand(std::string_view op) const {
    if (op == "NOT") {
      return Invalid(query_, "NOT needs a word or phrase on each side (write \"a NOT b\")");
    }
    return Invalid(query_, fmt::format("{} needs a word or phrase on each side", op));
  }

  Status Or(std::string* out) {
    Status status = And(out);
    while (status.ok() && At(Kind::kOr)) {
      ++pos_;
      if (!AtOperand()) return MissingOperand("OR");
      *out += " OR ";
      status = And(out);
    }
    return status;
  }

  Status And(std::string* out) {
    Status status = Not(out);
    while (status.ok()) {
      if (At(Kind::kAnd) && pos_ + 1 < tokens_.size() && tokens_[pos_ + 1].kind == Kind::kNot) {
        pos_ += 2;  // "a AND NOT b", as people write it, is FTS5's "a NOT b"
        if (!AtOperand()) return MissingOperand("NOT");
        *out += " NOT ";
        status = Not(out);
        continue;
      }
      if (At(Kind::kAnd)) {
        ++pos_;
        if (!AtOperand()) return MissingOperand("AND");
        *out += " AND ";
      } else if (AtOperand()) {
        *out += " ";
      } else {
        break;
      }
      status = Not(out);
    }
    return status;
  }

  Status Not(std::string* out) {
    Status status = Primary(out);
    while (status.ok() && At(Kind::kNot)) {
      ++pos_;
      if (!AtOperand()) return MissingOperand("NOT");
      *out += " NOT ";
      status = Primary(out);
    }
    return status;
  }

  Status Primary(std::string* out) {
    if (pos_ >= tokens_.size()) return Invalid(query_, "it ends where a word or phrase should be");
    const Token& token = tokens_[pos_];
    switch (token.kind) {
      case Kind::kTerm:
        *out += token.fts;
        ++pos_;
        return Status::Ok();
      case Kind::kOpen: {
        ++pos_;
        if (At(Kind::kClose)) return Invalid(query_, "\"()\" holds nothing to search for");
        *out += "(";
        Status status = Or(out);
        if (!status.ok()) return status;
        if (!At(Kind::kClose)) return Invalid(query_, "a '(' is never closed");
        ++pos_;
        *out += ")";
        return Status::Ok();
      }
      case Kind::kClose:
        return Invalid(query_, "a ')' has no matching '('");
      case Kind::kAnd:
        return MissingOperand("AND");
      case Kind::kOr:
        return MissingOperand("OR");
      case Kind::kNot:
        return MissingOperand("NOT");
    }
    return Invalid(query_, "unexpected token");
  }

  std::string_view query_;
  const std::vector<Token>& tokens_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::string> TranslateSearchQuery(std::string_view query) {
  Result<std::vector<Token>> tokens = Tokenise(query);
  if (!tokens.ok()) return tokens.status();
  bool any_term = false;
  for (const Token& token : *tokens) any_term = any_term || token.kind == Token::Kind::kTerm;
  if (!any_term) {
    if (tokens->empty())
      return Status::InvalidInput("search: the query has no words to search for");
    return Invalid(query, "it has operators but no words or phrases to search for");
  }
  return Parser(query, *tokens).Parse();
}

}  // namespace heard
