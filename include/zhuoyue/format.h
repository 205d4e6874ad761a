/// @file format.h
/// @brief The canonical layout of rule files (`zy fmt`), like gofmt: one layout, comments
/// kept, idempotent.
///
/// In short: one space around binary operators and `=`, after `,` and `:`; none
/// inside brackets; `{` at the end of its header's line and `}` on its own; one item (field,
/// criterion, level…) per line, indented 2 spaces per brace, without `;`/`,` separators;
/// the author's line breaks inside an item kept, continuation lines indented 4 more plus 2
/// per open bracket or quantifier body; runs of blank lines collapsed, one blank line between
/// top-level declarations; comments where they were. The full rules: lib/format/format.h.
///
/// @code
///   std::vector<zhuoyue::Diagnostic> problems;
///   auto formatted = zhuoyue::FormatRules(text, "r01.zy", &problems);
///   if (!formatted.ok()) { for (auto& d : problems) std::cerr << d.Format() << "\n"; }
///   else if (*formatted != text) { /* not in the canonical layout: write *formatted */ }
/// @endcode
///
/// No exception crosses this API.
#ifndef ZHUOYUE_FORMAT_H_
#define ZHUOYUE_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/export.h"

namespace zhuoyue {

/// `text` (a .zy file called `name` in messages) in the canonical layout. Fails with
/// InvalidArgument when the text does not parse; its syntax diagnostics (ZY1001) are then
/// appended to `diagnostics` (may be null). Fails with Internal, rather than returning a file
/// that means something else, if the formatted text would not hold the same tokens and
/// comments as `text`.
///
/// Only the syntax is read: the rules are not type-checked. Reentrant.
/// @param text         the rule file's UTF-8 text
/// @param name         the file's name in diagnostics, e.g. "r01.zy"
/// @param diagnostics  receives the syntax errors, appended; may be null
/// @return the text in the canonical layout, the caller's (equal to `text` when it is
///         already canonical); or InvalidArgument, or Internal (also for an internal
///         failure). No exception is thrown.
ZY_EXPORT absl::StatusOr<std::string> FormatRules(std::string_view text, std::string_view name,
                                                  std::vector<Diagnostic>* diagnostics);

}  // namespace zhuoyue

#endif  // ZHUOYUE_FORMAT_H_
