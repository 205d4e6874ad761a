// zy — the command-line face of zhuoyue. Each command lives in its own file.
#include <iostream>
#include <string>
#include <vector>

#include "tools/zy/commands.h"

namespace {

constexpr char kUsage[] =
    "usage: zy COMMAND [arguments]\n"
    "\n"
    "commands:\n"
    "  eval DOSSIER [options]   evaluate a dossier and print its report (zy eval --help)\n"
    "\n"
    "exit status: 0 done, 1 unreadable input or rules, 2 usage error, 3 --fail-on\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? zy::kExitUsage : zy::kExitOk;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "eval") return zy::RunEval(args);
  std::cerr << "zy: unknown command `" << command << "`\n\n" << kUsage;
  return zy::kExitUsage;
}
