#include "parse/parse.h"

#include <cstring>
#include <string_view>

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
// `at` itself when a new declaration begins there, else the next line that begins one.
const char* NextDeclaration(const char* start, const char* at, const char* end) {
  if (at > start && StartsDeclaration(at, end)) return at;
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
    std::string message;
    if (expected == "'\"'" && at < end && (*at == '\n' || *at == '\r')) {
      message = "syntax error: the string is not closed on its line (add `\"`)";
    } else {
      message = absl::StrCat("syntax error: expected ", expected, ", found ", Excerpt(at, end));
    }
    // After a complete comparison, another comparison operator means a chained one.
    std::string_view rest(at, end - at);
    std::string help;
    if (rest.starts_with("<") || rest.starts_with(">") || rest.starts_with("==") ||
        rest.starts_with("!=")) {
      help = "comparisons do not chain: write `a <= x and x <= b`";
    }
    diagnostics.push_back(
        MakeDiagnostic(*source, {static_cast<int>(at - begin), static_cast<int>(at - begin)},
                       codes::kSyntaxError, message, help));
    it = NextDeclaration(declaration_start, at, end);
  }
  for (const char* position : positions.get_positions()) {
    file.offsets.push_back(static_cast<int>(position - begin));
  }
  return file;
}

}  // namespace zhuoyue
