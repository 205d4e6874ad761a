// zy check: compile a rule pack and report every problem in it, errors and lints.
//
//   zy check [PATH] [--diagnostics human|short|json]
//
// PATH is a pack directory or a .zy file; without it, the built-in pack. Exit 0 when the
// pack compiles (warnings allowed), 1 when it has errors, 2 on a usage error.
#include <iostream>

#include "absl/strings/numbers.h"
#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy check [PATH] [--diagnostics human|short|json] [--max-nesting N]\n"
    "\n"
    "Type-checks and lints a rule pack (a directory of .zy files or one file; default: the\n"
    "built-in pack) and prints every error and warning with its location. --max-nesting\n"
    "sets how deeply iterations over tables may nest in a criterion (default 3).\n"
    "\n"
    "exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error\n";

}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  std::string path;
  DiagnosticsStyle style = DiagnosticsStyle::kHuman;
  zhuoyue::PackOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (args[i] == "--diagnostics" && i + 1 < args.size()) {
      std::optional<DiagnosticsStyle> parsed = ParseDiagnosticsStyle(args[++i]);
      if (!parsed) {
        std::cerr << "zy: --diagnostics is human, short or json\n\n" << kUsage;
        return kExitUsage;
      }
      style = *parsed;
    } else if (args[i] == "--max-nesting" && i + 1 < args.size()) {
      if (!absl::SimpleAtoi(args[++i], &options.max_nesting) || options.max_nesting < 1) {
        std::cerr << "zy: --max-nesting takes a whole number of 1 or more\n\n" << kUsage;
        return kExitUsage;
      }
    } else if (args[i].starts_with("-") || !path.empty()) {
      std::cerr << "zy: unexpected argument " << args[i] << "\n\n" << kUsage;
      return kExitUsage;
    } else {
      path = args[i];
    }
  }
  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(path, &diagnostics, options);
  PrintDiagnostics(diagnostics, style);
  if (!pack.ok() && diagnostics.empty()) std::cerr << "zy: " << pack.status().message() << "\n";
  if (!pack.ok()) return kExitInput;
  if (style != DiagnosticsStyle::kJson) {
    std::cerr << "zy: " << (path.empty() ? "the built-in pack" : path) << " checks, "
              << diagnostics.size() << " warning" << (diagnostics.size() == 1 ? "" : "s") << "\n";
  }
  return kExitOk;
}

}  // namespace zy
