// How every command prints diagnostics: `--diagnostics human` (default: the message, the
// source line with the span underlined, the help), `short` (one line each) or `json`.
#ifndef ZHUOYUE_TOOLS_ZY_DIAGNOSTICS_OUTPUT_H_
#define ZHUOYUE_TOOLS_ZY_DIAGNOSTICS_OUTPUT_H_

#include <optional>
#include <string>
#include <vector>

#include "zhuoyue/diagnostic.h"

namespace zy {

enum class DiagnosticsStyle { kHuman, kShort, kJson };

// Parses the value of --diagnostics; nullopt for an unknown style.
std::optional<DiagnosticsStyle> ParseDiagnosticsStyle(const std::string& text);

// Prints to stderr; colours `human` output when stderr is a terminal.
void PrintDiagnostics(const std::vector<zhuoyue::Diagnostic>& diagnostics, DiagnosticsStyle style);

}  // namespace zy

#endif  // ZHUOYUE_TOOLS_ZY_DIAGNOSTICS_OUTPUT_H_
