#include "tools/zy/diagnostics_output.h"

#include <unistd.h>

#include <iostream>

namespace zy {

std::optional<DiagnosticsStyle> ParseDiagnosticsStyle(const std::string& text) {
  if (text == "human") return DiagnosticsStyle::kHuman;
  if (text == "short") return DiagnosticsStyle::kShort;
  if (text == "json") return DiagnosticsStyle::kJson;
  return std::nullopt;
}

void PrintDiagnostics(const std::vector<zhuoyue::Diagnostic>& diagnostics, DiagnosticsStyle style) {
  if (style == DiagnosticsStyle::kJson) {
    std::cerr << zhuoyue::DiagnosticsToJson(diagnostics);
    return;
  }
  bool color = isatty(STDERR_FILENO);
  for (const zhuoyue::Diagnostic& d : diagnostics) {
    std::cerr << (style == DiagnosticsStyle::kShort ? d.Format() + "\n" : d.Render(color) + "\n");
  }
}

}  // namespace zy
