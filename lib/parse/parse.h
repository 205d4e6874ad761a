// Stage 1: source text → AST. Syntax errors become diagnostics; parsing resumes at the next
// top-level declaration, so one run reports every broken declaration.
#ifndef ZHUOYUE_LIB_PARSE_PARSE_H_
#define ZHUOYUE_LIB_PARSE_PARSE_H_

#include <memory>
#include <vector>

#include "base/source.h"
#include "parse/ast.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

struct ParsedFile {
  std::shared_ptr<const SourceFile> source;
  bool imported = false;  // read because another file imports it
  std::vector<ast::Declaration> declarations;
  std::vector<int> offsets;  // byte offsets, indexed by a node's position tags

  // The node's source range, without leading blanks or comments; {0, 0} if untagged.
  Span SpanOf(const ast::x3::position_tagged& node) const;
};

ParsedFile Parse(std::shared_ptr<const SourceFile> source, Diagnostics& diagnostics);

// A diagnostic located at `span` of `source`.
Diagnostic MakeDiagnostic(const SourceFile& source, Span span, std::string_view code,
                          std::string message, std::string help = "");

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_PARSE_PARSE_H_
