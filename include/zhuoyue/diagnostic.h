/// @file diagnostic.h
/// @brief Problems in user input (rule text or dossier) are data, not errors: a list of
/// diagnostics, each with a stable code, a severity, a location and a message.
///
/// Infrastructure failures (a file that cannot be opened) are absl::Status instead. The
/// functions that find problems append them to a `std::vector<Diagnostic>*` the caller owns
/// and may pass as null.
#ifndef ZHUOYUE_DIAGNOSTIC_H_
#define ZHUOYUE_DIAGNOSTIC_H_

#include <string>
#include <string_view>
#include <vector>

#include "zhuoyue/export.h"

namespace zhuoyue {

/// How serious a diagnostic is.
enum class Severity {
  kError,   ///< the input cannot be used: the call that found it fails
  kWarning  ///< a lint: the call does not fail because of it
};

/// A problem in the user's rule text or dossier: a stable code, a severity, a location and a
/// message. A plain value.
struct ZY_EXPORT Diagnostic {
  std::string code;                      ///< stable: "ZY1001" (rules), "ZY2001" (dossier)
  Severity severity = Severity::kError;  ///< an error or a warning
  std::string file;         ///< the rule file or dossier, as named to the function that read it
  int line = 0;             ///< 1-based; 0 when the location is a JSON pointer only
  int column = 0;           ///< 1-based, counted in characters (not bytes)
  std::string pointer;      ///< JSON pointer into a dossier ("/courses/3/kind"), if any
  std::string message;      ///< lower-case, no trailing period
  std::string help;         ///< optional hint
  int end_column = 0;       ///< end of the underlined span on `line` (exclusive); 0: a point
  std::string source_line;  ///< the text of `line`, so that rendering needs no file access
  std::string label;        ///< optional note under the span

  /// One line: "file:line:column: error: message [ZY1001]" or "file#/pointer: error: …".
  /// @return that line, followed by a second line "  help: …" when there is a help; no
  ///         final newline
  std::string Format() const;
  /// Several lines, for people: the message and code, the location, the source line with
  /// the span underlined (carets aligned under wide CJK characters), the label and the help.
  /// `color` adds ANSI colours.
  /// @param color  whether to add ANSI colour escapes (for a terminal)
  /// @return the text, each line ending with a newline
  std::string Render(bool color = false) const;
};

/// The diagnostics as a JSON array of objects with the fields above (`--diagnostics json`).
///
/// Each object has "code", "severity" ("error" or "warning"), "file" and "message"; "line",
/// "column" and "end_column" when there is a line (and a span); "pointer", "label" and
/// "help" when not empty.
/// @param diagnostics  the diagnostics, in the order to print
/// @return the array, pretty-printed, with a final newline
ZY_EXPORT std::string DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics);

/// What a diagnostic code means, for `zy explain CODE`: every code the library can emit is
/// declared once, with an explanation, a failing example and its fix. The strings are
/// static: valid for the life of the program.
struct DiagnosticInfo {
  std::string_view code;             ///< "ZY1102"
  Severity severity;                 ///< the severity the code is emitted with
  std::string_view title;            ///< a short title: "unknown field"
  std::string_view explanation;      ///< what it means and how to fix it, in prose
  std::string_view failing_example;  ///< a rule file (or dossier) that gets this diagnostic
  std::string_view fixed_example;    ///< the same, mended
};

/// Every code, in code order. The references stay valid for the life of the program.
/// Thread-safe: built once, on the first call.
/// @return the registry, owned by the library
ZY_EXPORT const std::vector<DiagnosticInfo>& DiagnosticRegistry();
/// nullptr for a code that does not exist.
/// @param code  a diagnostic code, e.g. "ZY1102" (exact, case-sensitive)
/// @return the code's entry in DiagnosticRegistry() (valid for the life of the program), or
///         nullptr for a code that does not exist
ZY_EXPORT const DiagnosticInfo* FindDiagnosticInfo(std::string_view code);

/// A list of diagnostics, in the order they were found.
using Diagnostics = std::vector<Diagnostic>;

/// Whether a list holds an error (warnings alone do not count).
/// @param diagnostics  the list
/// @return true when some diagnostic has Severity::kError
inline bool HasErrors(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace zhuoyue

#endif  // ZHUOYUE_DIAGNOSTIC_H_
