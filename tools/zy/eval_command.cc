// zy eval: evaluate one dossier and print its report.
//
// Exit status (shared/spec/report-v1.md): 0 when the overall verdict was computed, 1 when
// the dossier or the rules could not be read (diagnostics on stderr), 2 on a usage error,
// 3 with --fail-on when the result is not met (or pending).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy eval DOSSIER [options]\n"
    "       zy report DOSSIER [--supplement] [options]\n"
    "\n"
    "eval evaluates a program dossier (zhuoyue.dossier/1 JSON) against the Excellent\n"
    "Engineer plan and prints the report; report writes the documents an office files: the\n"
    "report in Markdown (default), HTML or XLSX, or with --supplement the draft of the\n"
    "supplementary report (附件3) in Markdown or HTML.\n"
    "\n"
    "options:\n"
    "  --rules PATH          a rule pack directory or .zy file instead of the built-in pack\n"
    "  --param NAME=VALUE    override a pack parameter (repeatable), e.g. the attainment\n"
    "                        method: --param attainment_courses=minimum\n"
    "  --max-steps N         stop an evaluation after N steps (default 10^9): a costly\n"
    "                        rule fails with exit 1 instead of running for hours\n"
    "  --format FORM         text|json|md|html|xlsx (eval: default text; report: default md;\n"
    "                        --supplement: md|html); xlsx needs --output\n"
    "  --lang zh|en          the language of the labels (default zh); texts from the pack\n"
    "                        stay as written\n"
    "  --output FILE         write to FILE (whole or not at all) instead of stdout\n"
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

// Both commands: `report` only changes the default form and adds --supplement.
int Run(const std::vector<std::string>& args, bool report_command) {
  std::string dossier_path, output, fail_on, color = "auto";
  bool supplement = false;
  zhuoyue::Language language = zhuoyue::Language::kZh;
  CommonOptions common;
  common.formats = {"text", "json", "md", "html", "xlsx"};
  if (report_command) common.format = "";
  DiagnosticsStyle style = DiagnosticsStyle::kHuman;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/true, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    const std::string& arg = args[i];
    auto value = [&](std::string& into) { return OptionValue(args, i, into); };
    if (arg == "--supplement" && report_command) {
      supplement = true;
    } else if (arg == "--lang") {
      std::string text;
      if (!value(text) || (text != "zh" && text != "en")) return Usage("--lang is zh or en");
      language = text == "zh" ? zhuoyue::Language::kZh : zhuoyue::Language::kEn;
    } else if (arg == "--output") {
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
  std::string& format = common.format;
  if (format.empty()) format = "md";
  if (supplement && format != "md" && format != "html") {
    return Usage("the supplement is written as md or html");
  }
  if (format == "xlsx" && output.empty()) return Usage("--format xlsx needs --output FILE");

  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(common.rules, &diagnostics);
  if (!pack.ok()) return InputFailure(diagnostics, pack.status(), "rules", style);
  auto dossier = zhuoyue::Dossier::FromFile(**pack, dossier_path, &diagnostics);
  if (!dossier.ok()) return InputFailure(diagnostics, dossier.status(), "dossier", style);
  auto report = zhuoyue::Evaluate(**pack, **dossier, common.evaluate);
  if (!report.ok()) return EvaluationFailure(kUsage, report.status());
  std::string text;
  if (supplement) {
    auto draft = zhuoyue::SupplementDraft(
        **pack, **dossier, *report,
        format == "html" ? zhuoyue::DocumentFormat::kHtml : zhuoyue::DocumentFormat::kMarkdown,
        language);
    if (!draft.ok()) {
      std::cerr << "zy: " << draft.status().message() << "\n";
      return kExitInput;
    }
    text = *std::move(draft);
  } else if (format == "xlsx") {
    // Written to its file below.
  } else if (format == "json") {
    text = zhuoyue::ReportToJson(*report);
  } else if (format == "md") {
    text = zhuoyue::ReportToMarkdown(*report, language);
  } else if (format == "html") {
    text = zhuoyue::ReportToHtml(*report, language);
  } else {
    bool colored =
        color == "always" || (color == "auto" && output.empty() && isatty(STDOUT_FILENO));
    text = zhuoyue::ReportToText(*report, colored, language);
  }
  if (output.empty()) {
    std::cout << text;
    std::cout.flush();
  } else if (absl::Status written = WriteAtomically(
                 output,
                 [&](const std::string& temporary) {
                   return format == "xlsx" ? zhuoyue::WriteReportXlsx(*report, temporary, language)
                                           : WriteText(temporary, text);
                 });
             !written.ok()) {
    std::cerr << "zy: " << written.message() << "\n";
    return kExitInput;
  }
  const std::string& overall = report->overall;
  bool failed = overall == "passed_not_met" || overall == "not_passed";
  if (!fail_on.empty() && (failed || (fail_on == "pending" && overall == "pending"))) {
    return kExitFailOn;
  }
  return kExitOk;
}

}  // namespace

int RunEval(const std::vector<std::string>& args) { return Run(args, false); }
int RunReport(const std::vector<std::string>& args) { return Run(args, true); }

}  // namespace zy
