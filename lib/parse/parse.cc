#include "parse/parse.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/codes.h"
#include "parse/config.h"
#include "parse/grammar.h"

namespace zhuoyue {
namespace {

constexpr const char* kDeclarationKeywords[] = {
    "pack",        "param",  "object",  "table",  "standard", "def",     "requirement",
    "eligibility", "levels", "overall", "import", "extend",   "override"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Skips blanks and comments; returns the new position.
const char* SkipBlank(const char* it, const char* end) {
  while (it < end) {
    if (*it == '#') {
      while (it < end && *it != '\n') ++it;
    } else if (*it == ' ' || *it == '\t' || *it == '\r' || *it == '\n' || *it == '\f' ||
               *it == '\v') {
      ++it;
    } else {
      break;
    }
  }
  return it;
}

bool StartsDeclaration(const char* line, const char* end) {
  for (const char* keyword : kDeclarationKeywords) {
    size_t n = std::strlen(keyword);
    if (static_cast<size_t>(end - line) >= n && std::strncmp(line, keyword, n) == 0 &&
        (line + n == end || !IsWordChar(line[n]))) {
      return true;
    }
  }
  return false;
}

// After a syntax error at `at` in the declaration that began at `start`: where to resume —
// `at` itself when a new declaration begins there on its own line, else the next line that
// begins one. (`some table in …` misuses a keyword; it does not begin a declaration.)
const char* NextDeclaration(const char* start, const char* at, const char* end) {
  const char* line_start = at;
  while (line_start > start && (line_start[-1] == ' ' || line_start[-1] == '\t')) --line_start;
  bool begins_line = line_start == start || line_start[-1] == '\n';
  if (at > start && begins_line && StartsDeclaration(at, end)) return at;
  const char* it = at;
  while (it < end) {
    while (it < end && *it != '\n') ++it;
    const char* line = it;
    while (line < end && (*line == '\n' || *line == ' ' || *line == '\t' || *line == '\r')) {
      ++line;
    }
    if (StartsDeclaration(line, end)) return line;
    it = line;
  }
  return end;
}

// What the parser found at `at`: up to 12 characters of its line, in backticks.
std::string Excerpt(const char* at, const char* end) {
  if (at >= end) return "end of file";
  const char* stop = at;
  for (int characters = 0; stop < end && *stop != '\n' && *stop != '\r' && characters < 12;
       ++characters) {
    ++stop;
    while (stop < end && (static_cast<unsigned char>(*stop) & 0xC0) == 0x80) ++stop;
  }
  return absl::StrCat("`", std::string(at, stop), "`");
}

// The words the grammar reserves (grammar_def.h, `reserved`): none of them can be a name.
constexpr const char* kReservedWords[] = {
    "and",    "or",       "not",    "in",          "every",     "some",     "no",
    "where",  "true",     "false",  "none",        "pack",      "param",    "object",
    "table",  "standard", "def",    "requirement", "criterion", "material", "eligibility",
    "levels", "overall",  "import", "extend",      "override"};

// Full-width punctuation a Chinese input method types in place of the ASCII the language uses.
constexpr std::pair<const char*, const char*> kFullWidth[] = {
    {"（", "("}, {"）", ")"}, {"：", ":"}, {"，", ","}, {"“", "\""}, {"”", "\""},
    {"＝", "="}, {"＞", ">"}, {"＜", "<"}, {"【", "["}, {"】", "]"}, {"！", "!"},
    {"。", "."}, {"－", "-"}, {"＋", "+"}, {"＊", "*"}, {"／", "/"}};

// Chinese connectives written where the language has a keyword.
constexpr std::pair<const char*, const char*> kChineseKeywords[] = {
    {"并且", "and"}, {"或者", "or"}, {"且", "and"}, {"或", "or"}, {"非", "not"}};

struct SyntaxHint {
  std::string message;  // replaces the generic "expected …, found …" when not empty
  std::string help;
  int length = 0;  // bytes to underline
};

// A sharper message for the mistakes rule authors make most: typing with a Chinese input
// method, `=` for `==`, a chained comparison, and a reserved word as a name.
SyntaxHint HintFor(std::string_view rest, const std::string& expected) {
  for (const auto& [wide, ascii] : kFullWidth) {
    if (rest.starts_with(wide)) {
      return {absl::StrCat("syntax error: `", wide, "` is full-width punctuation"),
              absl::StrCat("write `", ascii,
                           "`: switch the input method to half-width (半角) punctuation"),
              static_cast<int>(std::strlen(wide))};
    }
  }
  for (const auto& [chinese, keyword] : kChineseKeywords) {
    if (rest.starts_with(chinese)) {
      return {absl::StrCat("syntax error: expected ", expected, ", found `", chinese, "`"),
              absl::StrCat("write `", keyword, "`: outside quotes the language is written in ",
                           "English keywords"),
              static_cast<int>(std::strlen(chinese))};
    }
  }
  if (rest.starts_with("=") && !rest.starts_with("==")) {
    return {"",
            "to compare, write `==`; a single `=` only begins a criterion's, param's or def's "
            "expression",
            1};
  }
  // After a complete comparison, another comparison operator means a chained one.
  if (rest.starts_with("<") || rest.starts_with(">") || rest.starts_with("==") ||
      rest.starts_with("!=")) {
    return {"", "comparisons do not chain: write `a <= x and x <= b`", 0};
  }
  if (expected == "name") {
    for (const char* word : kReservedWords) {
      size_t n = std::strlen(word);
      if (rest.starts_with(word) && (rest.size() == n || !IsWordChar(rest[n]))) {
        return {absl::StrCat("syntax error: `", word, "` is a reserved word, not a name"),
                absl::StrCat("choose another name, such as `", std::string(word, 1), "` or `", word,
                             "_1`"),
                static_cast<int>(n)};
      }
    }
  }
  return {};
}

}  // namespace

Span ParsedFile::SpanOf(const ast::x3::position_tagged& node) const {
  if (node.id_first < 0 || node.id_last >= static_cast<int>(offsets.size())) return {};
  Span span{offsets[node.id_first], offsets[node.id_last]};
  const char* text = source->text().data();
  span.begin = static_cast<int>(SkipBlank(text + span.begin, text + span.end) - text);
  return span;
}

Diagnostic MakeDiagnostic(const SourceFile& source, Span span, std::string_view code,
                          std::string message, std::string help) {
  LineColumn at = source.Locate(span.begin);
  Diagnostic d;
  d.code = std::string(code);
  d.file = source.name();
  d.line = at.line;
  d.column = at.column;
  d.source_line = std::string(source.Line(at.line));
  // The span is underlined up to its end, or to the end of its first line.
  LineColumn to = source.Locate(span.end);
  d.end_column = span.end <= span.begin ? 0
                 : to.line == at.line   ? to.column
                                        : 1 + CountCharacters(d.source_line);
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

ParsedFile Parse(std::shared_ptr<const SourceFile> source, Diagnostics& diagnostics) {
  namespace x3 = boost::spirit::x3;
  ParsedFile file;
  file.source = source;
  const char* begin = source->text().data();
  const char* end = begin + source->text().size();
  parse::PositionCache positions(begin, end);
  const auto parser =
      x3::with<parse::PositionCacheTag>(std::ref(positions))[parse::DeclarationGrammar()];

  const char* it = SkipBlank(begin, end);
  while (it < end) {
    ast::Declaration declaration;
    const char* declaration_start = it;
    const char* at = it;
    std::string expected;
    try {
      if (x3::phrase_parse(it, end, parser, parse::kSkipper, declaration)) {
        file.declarations.push_back(std::move(declaration));
        it = SkipBlank(it, end);
        continue;
      }
      expected =
          "a declaration (pack, param, object, table, standard, def, requirement, "
          "eligibility, levels, overall)";
    } catch (const x3::expectation_failure<const char*>& failure) {
      expected = failure.which();
      // X3 reports where the failing parser started, before it skipped blanks; a string
      // that runs into the end of its line fails right there, inside the string.
      at = expected == "'\"'" ? failure.where() : SkipBlank(failure.where(), end);
    }
    int offset = static_cast<int>(at - begin);
    if (expected == parse::kTooDeepMarker) {
      diagnostics.push_back(MakeDiagnostic(
          *source, {offset, offset + 1}, codes::kNestedTooDeep,
          absl::StrCat("nested more than ", parse::kMaxExpressionDepth, " levels deep"),
          "name the inner parts of an expression with `def` and use the names"));
      it = NextDeclaration(declaration_start, at, end);
      continue;
    }
    std::string message;
    if (expected == "'\"'" && at < end && (*at == '\n' || *at == '\r')) {
      message = "syntax error: the string is not closed on its line (add `\"`)";
    } else {
      message = absl::StrCat("syntax error: expected ", expected, ", found ", Excerpt(at, end));
    }
    SyntaxHint hint = HintFor(std::string_view(at, end - at), expected);
    if (!hint.message.empty()) message = std::move(hint.message);
    diagnostics.push_back(MakeDiagnostic(*source, {offset, offset + hint.length},
                                         codes::kSyntaxError, message, hint.help));
    it = NextDeclaration(declaration_start, at, end);
  }
  for (const char* position : positions.get_positions()) {
    file.offsets.push_back(static_cast<int>(position - begin));
  }
  return file;
}

}  // namespace zhuoyue
