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
    "  report DOSSIER [--supplement]\n"
    "                           the filed documents: report as md/html/xlsx, or the\n"
    "                           supplementary-report draft (zy report --help)\n"
    "  fmt [--check] PATH…      format rule files in the canonical layout (zy fmt --help)\n"
    "  check [PATH]             type-check and lint a rule pack (zy check --help)\n"
    "  explain CODE             explain a diagnostic code, e.g. zy explain ZY1102\n"
    "  test [PATH…] [--coverage]  run rule tests (JSON cases) and report coverage (zy test "
    "--help)\n"
    "  explain-verdict DOSSIER CRITERION\n"
    "                           trace why a criterion got its verdict (zy explain-verdict --help)\n"
    "  diff OLD NEW [options]   what changed between two dossiers or reports (zy diff --help)\n"
    "  batch INPUT... --out DIR\n"
    "                           evaluate many dossiers in parallel (zy batch --help)\n"
    "  gen --size SIZE --format F --out PATH\n"
    "                           generate synthetic dossiers for benchmarks (zy gen --help)\n"
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
  if (command == "report") return zy::RunReport(args);
  if (command == "fmt") return zy::RunFmt(args);
  if (command == "check") return zy::RunCheck(args);
  if (command == "explain") return zy::RunExplain(args);
  if (command == "explain-verdict") return zy::RunExplainVerdict(args);
  if (command == "test") return zy::RunTest(args);
  if (command == "diff") return zy::RunDiff(args);
  if (command == "gen") return zy::RunGen(args);
  if (command == "batch") return zy::RunBatch(args);
  std::cerr << "zy: unknown command `" << command << "`\n\n" << kUsage;
  return zy::kExitUsage;
}
