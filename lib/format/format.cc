// The formatter: a lexer, a classification of every token (Classify) and a printer
// (Formatter); format.h has the layout rules.
#include "format/format.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "parse/parse.h"

namespace zhuoyue::format {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c); }
bool IsCode(const Token& token) { return token.kind != TokenKind::kComment; }

template <size_t N>
bool OneOf(std::string_view text, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), text) != std::end(words);
}

constexpr std::string_view kDeclarationKeywords[] = {
    "pack",        "param",  "object",  "table",  "standard", "def",     "requirement",
    "eligibility", "levels", "overall", "import", "extend",   "override"};

// The grammar's reserved words: never a name, so never a point, level or case name.
constexpr std::string_view kReserved[] = {
    "and",    "or",      "not",         "in",        "every",    "some",        "no",
    "where",  "true",    "false",       "none",      "pack",     "param",       "object",
    "table",  "def",     "requirement", "criterion", "material", "eligibility", "standard",
    "levels", "overall", "import",      "extend",    "override"};

// Words after which an expression starts: `(` there opens a group rather than a call's
// arguments, and `-` is a negation.
constexpr std::string_view kOperatorWords[] = {"and", "or", "not", "in", "where", "when"};

constexpr std::string_view kTwoCharOperators[] = {"==", "!=", "<=", ">="};
constexpr std::string_view kOneCharOperators = "<>+-*/:,;.()[]{}=";

// What the items of a block are, from the declaration that opens it.
enum class BlockKind {
  kSchema,       // object, table, nested object or table: fields `name: type`
  kRequirement,  // text, pass, criterion, material
  kLabelled,     // standard, levels, overall: `name "label" …`
  kOther,
};

BlockKind KindOf(std::string_view declaration) {
  if (declaration == "object" || declaration == "table") return BlockKind::kSchema;
  if (declaration == "requirement") return BlockKind::kRequirement;
  if (declaration == "standard" || declaration == "levels" || declaration == "overall") {
    return BlockKind::kLabelled;
  }
  return BlockKind::kOther;
}

// What the layout needs to know of a token. Apart from `gap`, it is derived from the token
// sequence alone, not from the layout, so formatted text is classified exactly like its
// original: that is what makes formatting idempotent.
struct Role {
  bool item_start = false;  // begins a declaration or an item of a block
  bool dropped = false;     // an optional `;` or `,` after a field
  bool unary = false;       // a `-` that negates
  bool table_name = false;  // the name after `table`/`object`: `table t (parent)` keeps its blank
  int braces = 0;           // enclosing blocks; for `}`, those around the block it closes
  int groups = 0;           // groups of its item open at the token (see ContinuationIndent)
  int gap = 0;              // line ends before the token, across dropped separators (the most)
};

std::vector<Role> Classify(const std::vector<Token>& tokens) {
  std::vector<Role> roles(tokens.size());
  // The next code token after each index, for the one-token lookahead of the item rules.
  std::vector<int> next_code(tokens.size() + 1, -1);
  for (int i = static_cast<int>(tokens.size()) - 1; i >= 0; --i) {
    next_code[i] = IsCode(tokens[i]) ? i : next_code[i + 1];
  }
  struct Block {
    BlockKind kind;
    int tokens = 0;          // code tokens read in it so far (not in nested blocks)
    std::string_view first;  // its first one
  };
  std::vector<Block> blocks;
  std::string_view declaration;  // the keyword of the current top-level declaration
  // The groups open in the current item: a `(` or `[`, or the body of a quantifier, which
  // runs from its `:` to the end of the enclosing bracket or of the item.
  std::vector<char> groups;  // '(', '[' or ':'
  int brackets = 0;          // the '(' and '[' among them
  // Quantifiers (`every`, `some`, `no`) still before their `:`, by the brackets open at them.
  std::vector<int> quantifiers;
  const Token* previous = nullptr;  // the previous code token
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    Role& role = roles[i];
    if (!IsCode(token)) continue;
    int n = next_code[i + 1];
    const Token* next = n < 0 ? nullptr : &tokens[n];
    const std::string_view text = token.text;
    const bool word = token.kind == TokenKind::kWord;
    if (text == "}") {
      if (!blocks.empty()) blocks.pop_back();
      role.braces = static_cast<int>(blocks.size());
      groups.clear();
      quantifiers.clear();
      brackets = 0;
      previous = &token;
      continue;
    }
    role.braces = static_cast<int>(blocks.size());
    // A word after `.` is a field name, whatever it looks like (`j.criterion`).
    const bool after_dot = previous != nullptr && previous->text == ".";
    bool start = false;
    if (brackets == 0 && !after_dot) {
      if (blocks.empty()) {
        // `override param`, `extend table`: one declaration, whose kind the second word tells.
        bool prefixed =
            previous != nullptr && (previous->text == "override" || previous->text == "extend");
        start = word && OneOf(text, kDeclarationKeywords) && !prefixed;
        if (prefixed) declaration = text;
      } else {
        const Block& block = blocks.back();
        switch (block.kind) {
          case BlockKind::kSchema:  // `name:` — no `:` occurs inside a type but in brackets
            start = word && next != nullptr && next->text == ":";
            break;
          case BlockKind::kRequirement:  // `text` and `pass` are not reserved: only first
            start = text == "criterion" || text == "material" ||
                    (text == "text" && block.tokens == 0) ||
                    (text == "pass" &&
                     (block.tokens == 0 || (block.tokens == 2 && block.first == "text")));
            break;
          case BlockKind::kLabelled:  // a name followed by a string occurs nowhere else
            start = word && !OneOf(text, kReserved) && text != "when" && next != nullptr &&
                    next->kind == TokenKind::kString;
            break;
          case BlockKind::kOther:
            break;
        }
      }
    }
    if (start) {
      groups.clear();
      quantifiers.clear();
      brackets = 0;
      if (blocks.empty()) declaration = text;
    }
    role.item_start = start;
    const bool expression = blocks.empty() || blocks.back().kind != BlockKind::kSchema;
    if (text == "(" || text == "[") {
      role.groups = static_cast<int>(groups.size());
      groups.push_back(text[0]);
      ++brackets;
    } else if (text == ")" || text == "]") {
      // A line that starts with a closing bracket is indented as the groups it closes.
      while (!groups.empty() && groups.back() == ':') groups.pop_back();
      if (!groups.empty()) groups.pop_back();
      brackets = std::max(0, brackets - 1);
      while (!quantifiers.empty() && quantifiers.back() > brackets) quantifiers.pop_back();
      role.groups = static_cast<int>(groups.size());
    } else {
      role.groups = static_cast<int>(groups.size());
      if (expression && word && !after_dot && (text == "every" || text == "some" || text == "no")) {
        quantifiers.push_back(brackets);
      } else if (text == ":" && !quantifiers.empty() && quantifiers.back() == brackets) {
        quantifiers.pop_back();
        groups.push_back(':');
      }
    }
    role.unary = text == "-" &&
                 (previous == nullptr ||
                  (previous->kind == TokenKind::kOperator && previous->text != ")" &&
                   previous->text != "]" && previous->text != "}") ||
                  (previous->kind == TokenKind::kWord && OneOf(previous->text, kOperatorWords)));
    role.table_name =
        word && previous != nullptr && (previous->text == "table" || previous->text == "object");
    // Outside brackets, a schema block has `;` and `,` only as field separators.
    role.dropped = !blocks.empty() && blocks.back().kind == BlockKind::kSchema && brackets == 0 &&
                   (text == ";" || text == ",");
    if (role.dropped) continue;  // as if it were not there, also for `previous`
    if (!blocks.empty()) {
      Block& block = blocks.back();
      if (block.tokens++ == 0) block.first = text;
    }
    if (text == "{") {
      BlockKind kind = blocks.empty()                             ? KindOf(declaration)
                       : blocks.back().kind == BlockKind::kSchema ? BlockKind::kSchema
                                                                  : BlockKind::kOther;
      blocks.push_back({kind});
    }
    previous = &token;
  }
  int gap = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    gap = std::max(gap, tokens[i].newlines_before);
    if (roles[i].dropped) continue;
    roles[i].gap = gap;
    gap = 0;
  }
  return roles;
}

// Writes tokens and comments line by line, in the layout that format.h describes.
class Formatter {
 public:
  Formatter(const std::vector<Token>& tokens, const std::vector<Role>& roles)
      : tokens_(tokens), roles_(roles) {}

  std::string Run() {
    const int count = static_cast<int>(tokens_.size());
    int previous = -1;                    // the last code token written
    bool after_open = false;              // only a trailing comment since the last `{`
    bool after_own_line_comment = false;  // the last thing written was a comment on its own line
    std::vector<std::pair<int, bool>> deferred;  // comments moved after a `{`; trailing?
    for (int i = 0; i < count; ++i) {
      const Token& token = tokens_[i];
      const Role& role = roles_[i];
      if (role.dropped) continue;
      if (!IsCode(token)) {
        int next = NextCode(i);
        bool trailing = previous >= 0 && tokens_[previous].line == token.line;
        if (next >= 0 && tokens_[next].text == "{") {  // `{` stays on its header's line
          deferred.emplace_back(i, trailing);
          continue;
        }
        if (trailing && !comment_ends_line_) {
          Append(token.text, true);
        } else {
          bool top_level = next < 0 || (roles_[next].item_start && roles_[next].braces == 0);
          bool blank;
          if (lines_.empty() || after_open) {
            blank = false;
          } else if (top_level && !after_own_line_comment && AttachedToDeclaration(i)) {
            blank = true;  // the blank line between declarations goes above their comments
          } else {
            blank = role.gap >= 2;
          }
          StartLine(CommentIndent(next), blank);
          Append(token.text, false);
          after_own_line_comment = true;
          after_open = false;
        }
        comment_ends_line_ = true;
        continue;
      }

      if (token.text == "{") {
        Append("{", true);
        for (size_t k = 0; k < deferred.size(); ++k) {
          const auto& [comment, trailed] = deferred[k];
          if (k == 0 && trailed) {
            Append(tokens_[comment].text, true);
          } else {
            StartLine(2 * (role.braces + 1), false);
            Append(tokens_[comment].text, false);
          }
          comment_ends_line_ = true;
        }
        bool empty = deferred.empty() && i + 1 < count && tokens_[i + 1].text == "}";
        deferred.clear();
        previous = i;
        after_own_line_comment = false;
        after_open = !empty;
        if (empty) {
          Append("}", false);
          previous = ++i;
        }
        continue;
      }

      if (token.text == "}") {
        StartLine(2 * role.braces, false);
        Append(token.text, false);
      } else if (role.item_start) {
        bool blank;
        if (lines_.empty() || after_open) {
          blank = false;
        } else if (role.braces == 0) {  // one blank line between declarations
          blank = !after_own_line_comment || role.gap >= 2;
        } else {
          blank = role.gap >= 2;
        }
        StartLine(2 * role.braces, blank);
        Append(token.text, false);
      } else if (role.gap > 0 || comment_ends_line_ || lines_.empty()) {
        StartLine(ContinuationIndent(i), role.gap >= 2 && !after_open);
        Append(token.text, false);
      } else {
        Append(token.text, SpaceBetween(previous, i));
      }
      previous = i;
      after_open = false;
      after_own_line_comment = false;
    }
    std::string out;
    for (const std::string& line : lines_) absl::StrAppend(&out, line, "\n");
    return out;
  }

 private:
  // The next code token after `i` that is written, or -1.
  int NextCode(int i) const {
    for (int j = i + 1; j < static_cast<int>(tokens_.size()); ++j) {
      if (IsCode(tokens_[j]) && !roles_[j].dropped) return j;
    }
    return -1;
  }

  // A continuation line: 4 more than its item's line, and 2 more per group open at its
  // start: a bracket, or a quantifier's body (from its `:` to the end of the enclosing
  // bracket or item), so that the indentation shows how far the body reaches.
  int ContinuationIndent(int i) const { return 2 * roles_[i].braces + 4 + 2 * roles_[i].groups; }

  // A comment on its own line is indented like the line that follows it; before a `}`, like
  // the block's items.
  int CommentIndent(int next) const {
    if (next < 0) return 0;
    const Role& role = roles_[next];
    if (tokens_[next].text == "}") return 2 * (role.braces + 1);
    if (role.item_start) return 2 * role.braces;
    return ContinuationIndent(next);
  }

  // Whether the comment at `i` opens a block of comments directly above (no blank line) a
  // top-level declaration.
  bool AttachedToDeclaration(int i) const {
    for (int j = i + 1; j < static_cast<int>(tokens_.size()); ++j) {
      if (roles_[j].dropped) continue;
      if (roles_[j].gap >= 2) return false;
      if (IsCode(tokens_[j])) return roles_[j].item_start && roles_[j].braces == 0;
    }
    return false;
  }

  // Whether a blank separates the code tokens `left` and `right` on one line.
  bool SpaceBetween(int left, int right) const {
    const std::string_view a = tokens_[left].text;
    const std::string_view b = tokens_[right].text;
    if (b == "," || b == ":" || b == ";" || b == ")" || b == "]" || b == ".") return false;
    if (a == "(" || a == "[" || a == ".") return false;
    if (roles_[left].unary) return false;
    if (b == "(") {
      bool call = tokens_[left].kind == TokenKind::kWord && !OneOf(a, kOperatorWords) &&
                  !roles_[left].table_name;
      return !call;
    }
    return true;
  }

  void StartLine(int indent, bool blank) {
    if (blank && !lines_.empty()) lines_.emplace_back();
    lines_.emplace_back(indent, ' ');
    comment_ends_line_ = false;
  }

  void Append(std::string_view text, bool space) {
    if (lines_.empty()) lines_.emplace_back();
    if (space) lines_.back() += ' ';
    lines_.back() += text;
  }

  const std::vector<Token>& tokens_;
  const std::vector<Role>& roles_;
  std::vector<std::string> lines_;
  bool comment_ends_line_ = false;  // nothing more can go on the current line
};

// The safety net: `formatted` must parse and hold the same tokens as the original (minus the
// dropped separators) and the same comments, in the same order.
absl::Status Verify(const std::vector<Token>& original, const std::vector<Role>& roles,
                    const std::string& name, const std::string& formatted) {
  auto bug = [&](std::string_view what) {
    return absl::InternalError(absl::StrCat(name, ": zy fmt would have ", std::string(what),
                                            " (a bug in the formatter); the file is left as is"));
  };
  absl::StatusOr<std::vector<Token>> result = Lex(formatted);
  if (!result.ok())
    return bug(absl::StrCat("written text it cannot read: ", result.status().message()));
  auto same = [](const Token& a, const Token& b) { return a.kind == b.kind && a.text == b.text; };
  std::vector<const Token*> before_code, before_comments, after_code, after_comments;
  for (size_t i = 0; i < original.size(); ++i) {
    if (roles[i].dropped) continue;
    (IsCode(original[i]) ? before_code : before_comments).push_back(&original[i]);
  }
  for (const Token& token : *result) {
    (IsCode(token) ? after_code : after_comments).push_back(&token);
  }
  auto equal = [&](const std::vector<const Token*>& a, const std::vector<const Token*>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [&](const Token* x, const Token* y) { return same(*x, *y); });
  };
  if (!equal(before_code, after_code)) return bug("changed the rules");
  if (!equal(before_comments, after_comments)) return bug("changed the comments");
  Diagnostics reparsed;
  Parse(std::make_shared<SourceFile>(name, formatted), reparsed);
  if (HasErrors(reparsed)) {
    return bug(absl::StrCat("written text that does not parse: ", reparsed.front().Format()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Token>> Lex(std::string_view text) {
  std::vector<Token> tokens;
  const size_t size = text.size();
  size_t i = 0;
  int line = 1;
  int newlines = 0;
  bool after_number = false;  // the last code token is a number (or a dotted id)
  auto error = [&](std::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", std::string(what)));
  };
  while (i < size) {
    char c = text[i];
    if (c == '\n' || c == '\r') {  // \n, \r\n and a lone \r each end one line
      if (c == '\r' && i + 1 < size && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      ++newlines;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    const size_t start = i;
    TokenKind kind;
    if (c == '#') {
      while (i < size && text[i] != '\n' && text[i] != '\r') ++i;
      kind = TokenKind::kComment;
    } else if (c == '"') {
      for (++i; i < size && text[i] != '"'; ++i) {
        if (text[i] == '\n' || text[i] == '\r') break;
        if (text[i] == '\\' && i + 1 < size && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
      }
      if (i >= size || text[i] != '"') return error("string not closed on its line");
      ++i;
      kind = TokenKind::kString;
    } else if (IsDigit(c)) {
      while (i < size && IsDigit(text[i])) ++i;
      while (i + 1 < size && text[i] == '.' && IsDigit(text[i + 1])) {
        for (++i; i < size && IsDigit(text[i]);) ++i;
      }
      if (i < size && (text[i] == 'e' || text[i] == 'E')) {
        size_t j = i + 1;
        if (j < size && (text[j] == '+' || text[j] == '-')) ++j;
        if (j < size && IsDigit(text[j])) {
          for (i = j; i < size && IsDigit(text[i]);) ++i;
        }
      }
      kind = TokenKind::kNumber;
    } else if (IsWordStart(c)) {
      while (i < size && IsWordChar(text[i])) ++i;
      // The criterion kind `computed+judged` (after the criterion's id) is one word: with
      // blanks around its `+` it would not parse.
      constexpr std::string_view kJudged = "+judged";
      if (text.substr(start, i - start) == "computed" &&
          text.substr(i, kJudged.size()) == kJudged &&
          (i + kJudged.size() == size || !IsWordChar(text[i + kJudged.size()])) && after_number) {
        i += kJudged.size();
      }
      kind = TokenKind::kWord;
    } else {
      std::string_view two = text.substr(i, 2);
      if (std::find(std::begin(kTwoCharOperators), std::end(kTwoCharOperators), two) !=
          std::end(kTwoCharOperators)) {
        i += 2;
      } else if (kOneCharOperators.find(c) != std::string_view::npos) {
        i += 1;
      } else {
        return error(absl::StrCat("unexpected character `", std::string(text.substr(i, 1)), "`"));
      }
      kind = TokenKind::kOperator;
    }
    std::string_view lexeme = text.substr(start, i - start);
    if (kind == TokenKind::kComment) {
      while (!lexeme.empty() && (lexeme.back() == ' ' || lexeme.back() == '\t' ||
                                 lexeme.back() == '\f' || lexeme.back() == '\v')) {
        lexeme.remove_suffix(1);
      }
    }
    tokens.push_back({kind, lexeme, line, newlines});
    if (kind != TokenKind::kComment) after_number = kind == TokenKind::kNumber;
    newlines = 0;
  }
  return tokens;
}

absl::StatusOr<std::string> Format(std::shared_ptr<const SourceFile> source,
                                   Diagnostics& diagnostics) {
  Diagnostics syntax;
  Parse(source, syntax);
  if (HasErrors(syntax)) {
    absl::Status status = absl::InvalidArgumentError(
        absl::StrCat(source->name(), ": ", syntax.size(), " syntax error",
                     syntax.size() == 1 ? "" : "s", "; first: ", syntax.front().Format()));
    diagnostics.insert(diagnostics.end(), syntax.begin(), syntax.end());
    return status;
  }
  absl::StatusOr<std::vector<Token>> tokens = Lex(source->text());
  if (!tokens.ok()) {  // the parser accepted what the lexer does not: a lexer bug
    return absl::InternalError(
        absl::StrCat(source->name(), ": zy fmt cannot read it: ", tokens.status().message()));
  }
  std::vector<Role> roles = Classify(*tokens);
  std::string formatted = Formatter(*tokens, roles).Run();
  absl::Status verified = Verify(*tokens, roles, source->name(), formatted);
  if (!verified.ok()) return verified;
  return formatted;
}

}  // namespace zhuoyue::format
