// Problems in user input (rule text or dossier) are data, not errors: a list of
// diagnostics, each with a stable code, a severity, a location and a message. Infrastructure
// failures (a file that cannot be opened) are absl::Status instead.
#ifndef ZHUOYUE_DIAGNOSTIC_H_
#define ZHUOYUE_DIAGNOSTIC_H_

#include <string>
#include <string_view>
#include <vector>

namespace zhuoyue {

enum class Severity { kError, kWarning };

struct Diagnostic {
  std::string code;  // stable: "ZY1001" (rules), "ZY2001" (dossier)
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;             // 1-based; 0 when the location is a JSON pointer only
  int column = 0;           // 1-based, counted in characters (not bytes)
  std::string pointer;      // JSON pointer into a dossier ("/courses/3/kind"), if any
  std::string message;      // lower-case, no trailing period
  std::string help;         // optional hint
  int end_column = 0;       // end of the underlined span on `line` (exclusive); 0: a point
  std::string source_line;  // the text of `line`, so that rendering needs no file access
  std::string label;        // optional note under the span

  // One line: "file:line:column: error: message [ZY1001]" or "file#/pointer: error: …".
  std::string Format() const;
  // Several lines, for people: the message and code, the location, the source line with
  // the span underlined (carets aligned under wide CJK characters), the label and the help.
  // `color` adds ANSI colours.
  std::string Render(bool color = false) const;
};

// The diagnostics as a JSON array of objects with the fields above (`--diagnostics json`).
std::string DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics);

// What a diagnostic code means, for `zy explain CODE`: every code the library can emit is
// declared once, with an explanation, a failing example and its fix.
struct DiagnosticInfo {
  std::string_view code;
  Severity severity;
  std::string_view title;
  std::string_view explanation;
  std::string_view failing_example;  // a rule file (or dossier) that gets this diagnostic
  std::string_view fixed_example;    // the same, mended
};

// Every code, in code order. The references stay valid for the life of the program.
const std::vector<DiagnosticInfo>& DiagnosticRegistry();
// nullptr for a code that does not exist.
const DiagnosticInfo* FindDiagnosticInfo(std::string_view code);

using Diagnostics = std::vector<Diagnostic>;

inline bool HasErrors(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace zhuoyue

#endif  // ZHUOYUE_DIAGNOSTIC_H_
