// Problems in user input (rule text or dossier) are data, not errors: a list of
// diagnostics, each with a stable code, a severity, a location and a message. Infrastructure
// failures (a file that cannot be opened) are absl::Status instead.
#ifndef ZHUOYUE_DIAGNOSTIC_H_
#define ZHUOYUE_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace zhuoyue {

enum class Severity { kError, kWarning };

struct Diagnostic {
  std::string code;  // stable: "ZY1001" (rules), "ZY2001" (dossier)
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;         // 1-based; 0 when the location is a JSON pointer only
  int column = 0;       // 1-based, counted in characters (not bytes)
  std::string pointer;  // JSON pointer into a dossier ("/courses/3/kind"), if any
  std::string message;  // lower-case, no trailing period
  std::string help;     // optional hint

  // "file:line:column: error: message [ZY1001]" or "file#/pointer: error: ...".
  std::string Format() const;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool HasErrors(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace zhuoyue

#endif  // ZHUOYUE_DIAGNOSTIC_H_
