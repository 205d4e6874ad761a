// zy explain-verdict: the evaluation trace of one criterion of a dossier.
//
// Exit status as zy eval: 0 traced, 1 when the dossier or the rules could not be read
// (diagnostics on stderr), 2 on a usage error (an unknown criterion or parameter included).
#include <iostream>
#include <string>
#include <vector>

#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/explain.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy explain-verdict DOSSIER CRITERION [options]\n"
    "\n"
    "Prints the evaluation trace of one criterion (e.g. 5.2): its verdict, then every\n"
    "sub-expression with its value, the members of quantifiers and aggregates (the first\n"
    "20), the witnesses, and the near misses of `every`.\n"
    "\n"
    "options:\n"
    "  --rules PATH          a rule pack directory or .zy file instead of the built-in pack\n"
    "  --param NAME=VALUE    override a pack parameter (repeatable)\n"
    "  --max-steps N         stop an evaluation after N steps (default 10^9)\n"
    "  --format text|json    output form (default: text)\n"
    "\n"
    "exit status: 0 explained, 1 unreadable input or rules, 2 usage error\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

int InputFailure(const std::vector<zhuoyue::Diagnostic>& diagnostics, const absl::Status& status,
                 const char* what) {
  PrintDiagnostics(diagnostics, DiagnosticsStyle::kHuman);
  if (diagnostics.empty()) {
    std::cerr << "zy: " << status.message() << "\n";
  } else {
    std::cerr << "zy: " << diagnostics.size() << " problem" << (diagnostics.size() == 1 ? "" : "s")
              << " in the " << what << "; nothing explained\n";
  }
  return kExitInput;
}

}  // namespace

int RunExplainVerdict(const std::vector<std::string>& args) {
  std::string dossier_path, criterion;
  CommonOptions common;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/true, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    const std::string& arg = args[i];
    if (arg.starts_with("--")) {
      return Usage("unknown option " + arg);
    } else if (dossier_path.empty()) {
      dossier_path = arg;
    } else if (criterion.empty()) {
      criterion = arg;
    } else {
      return Usage("one dossier and one criterion at a time");
    }
  }
  if (dossier_path.empty()) return Usage("no dossier given");
  if (criterion.empty()) return Usage("no criterion given (an id such as 5.2)");

  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(common.rules, &diagnostics);
  if (!pack.ok()) return InputFailure(diagnostics, pack.status(), "rules");
  auto dossier = zhuoyue::Dossier::FromFile(**pack, dossier_path, &diagnostics);
  if (!dossier.ok()) return InputFailure(diagnostics, dossier.status(), "dossier");
  auto trace = zhuoyue::ExplainCriterion(**pack, **dossier, criterion, common.evaluate);
  if (!trace.ok()) return EvaluationFailure(kUsage, trace.status());
  std::cout << (common.format == "json" ? zhuoyue::TraceToJson(*trace)
                                        : zhuoyue::TraceToText(*trace));
  std::cout.flush();
  return kExitOk;
}

}  // namespace zy
