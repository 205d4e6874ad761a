// The canonical layout of .zy rule files, behind `zy fmt` (like gofmt: one layout, comments
// kept, idempotent).
//
// The formatter works on tokens, not on the AST, because the AST has no comments: the text is
// split into tokens and comments, and the tokens are re-emitted with canonical spacing and
// indentation. Line breaks inside a declaration or an item are the author's and are kept;
// line breaks between items, around braces and blank lines are canonical.
//
// Layout rules (the whole of them):
//  - Spacing on a line: one space around binary operators and `=`, after `,` and `:` (none
//    before them); none inside `( )` and `[ ]`, none around `.`, none after a unary `-`;
//    `name(args)` with no space before `(` (calls, `enum(…)`, `ref(…)`, `def f(…)`), but
//    `table t (parent)` and `and (…)`, `in (…)`… keep one; one space between other tokens
//    and before a trailing comment.
//  - Braces: `{` ends the line of its header, preceded by one space (a comment between the
//    header and `{` moves after it); `}` stands on its own line; an empty block is `{}`.
//  - Items: every declaration, schema field, standard point, level, outcome case and
//    requirement item (`text`, `pass`, `criterion`, `material`) starts its own line, indented
//    2 spaces per enclosing brace. The optional `;`/`,` after a field is removed.
//  - Continuation lines (the author's line breaks inside an item) are indented 4 more than
//    their item's line, plus 2 per group still open at the start of the line. A group is a
//    `(` or `[`, or the body of a quantifier (`every|some|no x in S [where F]:`), which runs
//    from its `:` to the end of the enclosing bracket or item, so the indentation shows how
//    far a body reaches. A line that starts with `)`/`]` counts what it closes as closed.
//  - Comments keep their place: a trailing comment stays at the end of its line after one
//    space; a comment on its own line is indented like the line that follows it (inside a
//    block for a comment just before `}`, column 0 at the end of the file).
//  - Blank lines: runs of blank lines become one; none at the start or end of the file,
//    after `{` or before `}`. Exactly one blank line between top-level declarations; a
//    comment block directly above a declaration stays attached to it (the blank line goes
//    above the comments).
//  - No trailing whitespace; `\r\n` becomes `\n`; the file ends with exactly one newline (an
//    empty file stays empty).
//
// Safety net: the result is parsed again and its token stream (without comments) must equal
// the original's minus the removed separators, and its comments the original's, in order;
// otherwise Format fails with an internal error instead of returning a wrong file.
#ifndef ZHUOYUE_LIB_FORMAT_FORMAT_H_
#define ZHUOYUE_LIB_FORMAT_FORMAT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/source.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue::format {

enum class TokenKind { kWord, kNumber, kString, kOperator, kComment };

// A token or a comment of a .zy text.
struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string_view text;    // as written, into the lexed text; a comment without trailing blanks
  int line = 1;             // 1-based source line
  int newlines_before = 0;  // line ends between the previous token or comment and this one
};

// Splits .zy text into tokens and comments. Words (`[A-Za-z_][A-Za-z0-9_]*`, and the kind
// `computed+judged` after a criterion id), numbers and dotted ids (`12`, `0.25`, `1e3`,
// `6.10`, kept as written), strings with their quotes and escapes, operators
// (`== != <= >= < > + - * / : , ; . ( ) [ ] { } =`) and comments (`#` to the end of the
// line). Fails on a character that starts no token and on a string left open at the end of
// its line (text that parses has neither).
absl::StatusOr<std::vector<Token>> Lex(std::string_view text);

// The canonical layout of `source`. Text that does not parse: its syntax diagnostics are
// appended to `diagnostics` and the result is InvalidArgument. Internal: the safety net
// caught a formatter bug (the source is then best left as it is).
absl::StatusOr<std::string> Format(std::shared_ptr<const SourceFile> source,
                                   Diagnostics& diagnostics);

}  // namespace zhuoyue::format

#endif  // ZHUOYUE_LIB_FORMAT_FORMAT_H_
