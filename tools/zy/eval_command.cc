// zy eval: evaluate one dossier and print its report.
//
// Exit status (shared/spec/report-v1.md): 0 when the overall verdict was computed, 1 when
// the dossier or the rules could not be read (diagnostics on stderr), 2 on a usage error,
// 3 with --fail-on when the result is not met (or pending).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/zhuoyue.h"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy eval DOSSIER [options]\n"
    "\n"
    "Evaluates a program dossier (zhuoyue.dossier/1 JSON) against the Excellent Engineer\n"
    "plan and prints the report.\n"
    "\n"
    "options:\n"
    "  --rules PATH          a rule pack directory or .zy file instead of the built-in pack\n"
    "  --param NAME=VALUE    override a pack parameter (repeatable)\n"
    "  --format text|json    output form (default: text)\n"
    "  --output FILE         write the report to FILE (atomically) instead of stdout\n"
    "  --fail-on not_met|pending\n"
    "                        exit 3 when the overall result is not met (or also pending)\n"
    "  --diagnostics human|short|json\n"
    "                        how problems in the input are printed (default: human)\n"
    "  --color auto|always|never\n"
    "                        colour the text summary (default: auto, when stdout is a TTY)\n"
    "\n"
    "exit status: 0 evaluated, 1 unreadable input or rules, 2 usage error, 3 --fail-on\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

// Prints the diagnostics, or the status when there are none (a file that cannot be read).
int InputFailure(const std::vector<zhuoyue::Diagnostic>& diagnostics, const absl::Status& status,
                 const char* what, DiagnosticsStyle style) {
  PrintDiagnostics(diagnostics, style);
  if (style == DiagnosticsStyle::kJson) return kExitInput;
  if (diagnostics.empty()) {
    std::cerr << "zy: " << status.message() << "\n";
  } else {
    std::cerr << "zy: " << diagnostics.size() << " problem" << (diagnostics.size() == 1 ? "" : "s")
              << " in the " << what << "; no report written\n";
  }
  return kExitInput;
}

// Writes through a temporary file and a rename, so a reader never sees half a report.
bool WriteAtomically(const std::string& path, const std::string& text) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) std::remove(temporary.c_str());
  return !error;
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  std::string dossier_path, output, fail_on, color = "auto";
  CommonOptions common;
  DiagnosticsStyle style = DiagnosticsStyle::kHuman;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/true, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    const std::string& arg = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (arg == "--output") {
      if (!value(output)) return Usage("--output needs a file");
    } else if (arg == "--fail-on") {
      if (!value(fail_on) || (fail_on != "not_met" && fail_on != "pending")) {
        return Usage("--fail-on is not_met or pending");
      }
    } else if (arg == "--diagnostics") {
      std::string text;
      std::optional<DiagnosticsStyle> parsed;
      if (!value(text) || !(parsed = ParseDiagnosticsStyle(text))) {
        return Usage("--diagnostics is human, short or json");
      }
      style = *parsed;
    } else if (arg == "--color") {
      if (!value(color) || (color != "auto" && color != "always" && color != "never")) {
        return Usage("--color is auto, always or never");
      }
    } else if (arg.starts_with("--")) {
      return Usage("unknown option " + arg);
    } else if (dossier_path.empty()) {
      dossier_path = arg;
    } else {
      return Usage("one dossier at a time");
    }
  }
  if (dossier_path.empty()) return Usage("no dossier given");

  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(common.rules, &diagnostics);
  if (!pack.ok()) return InputFailure(diagnostics, pack.status(), "rules", style);
  auto dossier = zhuoyue::Dossier::FromFile(**pack, dossier_path, &diagnostics);
  if (!dossier.ok()) return InputFailure(diagnostics, dossier.status(), "dossier", style);
  auto report = zhuoyue::Evaluate(**pack, **dossier, common.evaluate);
  if (!report.ok()) {
    // Only parameters can fail here: a usage error.
    return Usage(std::string(report.status().message()));
  }
  bool colored = color == "always" || (color == "auto" && output.empty() && isatty(STDOUT_FILENO));
  std::string text = common.format == "json" ? zhuoyue::ReportToJson(*report)
                                             : zhuoyue::ReportToText(*report, colored);
  if (output.empty()) {
    std::cout << text;
    std::cout.flush();
  } else if (!WriteAtomically(output, text)) {
    std::cerr << "zy: cannot write " << output << "\n";
    return kExitInput;
  }
  const std::string& overall = report->overall;
  bool failed = overall == "passed_not_met" || overall == "not_passed";
  if (!fail_on.empty() && (failed || (fail_on == "pending" && overall == "pending"))) {
    return kExitFailOn;
  }
  return kExitOk;
}

}  // namespace zy
