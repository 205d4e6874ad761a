// zy explain CODE: what a diagnostic means, with a failing example and its fix.
#include <iostream>

#include "tools/zy/commands.h"
#include "zhuoyue/diagnostic.h"

namespace zy {

int RunExplain(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0] == "--help" || args[0] == "-h") {
    (args.size() == 1 ? std::cout : std::cerr)
        << "usage: zy explain CODE\n\nExplains a diagnostic code such as ZY1102.\n";
    return args.size() == 1 ? kExitOk : kExitUsage;
  }
  const zhuoyue::DiagnosticInfo* info = zhuoyue::FindDiagnosticInfo(args[0]);
  if (!info) {
    std::cerr << "zy: no diagnostic has the code `" << args[0] << "`; codes are:\n";
    for (const zhuoyue::DiagnosticInfo& known : zhuoyue::DiagnosticRegistry()) {
      std::cerr << "  " << known.code << "  " << known.title << "\n";
    }
    return kExitUsage;
  }
  std::cout << info->code << ": " << info->title << " ("
            << (info->severity == zhuoyue::Severity::kError ? "error" : "warning") << ")\n\n"
            << info->explanation << "\n\nFor example, this gets " << info->code << ":\n\n"
            << info->failing_example << "\nand this is the fix:\n\n"
            << info->fixed_example;
  return kExitOk;
}

}  // namespace zy
