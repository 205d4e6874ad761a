// zy diff: the change impact between two dossiers, two reports, or one of each.
//
// Exit status: 0 compared (whatever changed), 1 when an input or the rules could not be
// read, 2 on a usage error.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy diff OLD NEW [options]\n"
    "\n"
    "Shows what changed from OLD to NEW. Each is a dossier (zhuoyue.dossier/1, evaluated\n"
    "with the rules below) or a report (zhuoyue.report/1, as written by zy eval --format\n"
    "json). Lists the change of the overall result, of requirement verdicts and levels, of\n"
    "criteria (old and new values, witnesses), the coverage gaps opened and closed, and the\n"
    "attainment of each standard point (old, new, delta); \"no change\" when nothing changed.\n"
    "\n"
    "options:\n"
    "  --rules PATH          a rule pack directory or .zy file instead of the built-in pack\n"
    "  --param NAME=VALUE    override a pack parameter (repeatable)\n"
    "  --max-steps N         stop an evaluation after N steps (default 10^9)\n"
    "  --format text|json    output form (default: text)\n"
    "  --lang zh|en          the language of the text (default zh)\n"
    "\n"
    "exit status: 0 compared, 1 unreadable input or rules, 2 usage error\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

constexpr std::string_view kReportPrefix = "zhuoyue.report/";
constexpr std::string_view kDossierPrefix = "zhuoyue.dossier/";

// Evaluates dossiers with one pack, loaded when the first dossier needs it.
class Inputs {
 public:
  explicit Inputs(const CommonOptions& common) : common_(common) {}

  // The report of `path`, or the exit status when it cannot be had.
  std::variant<zhuoyue::Report, int> Load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "zy: cannot open " << path << ": " << std::strerror(errno) << "\n";
      return kExitInput;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::string format = zhuoyue::JsonFormatOf(text);
    if (format.starts_with(kReportPrefix)) {
      auto report = zhuoyue::ReportFromJson(text);
      if (!report.ok()) {
        std::cerr << "zy: " << path << ": " << report.status().message() << "\n";
        return kExitInput;
      }
      return *std::move(report);
    }
    if (!format.empty() && !format.starts_with(kDossierPrefix)) {
      std::cerr << "zy: " << path
                << " is neither a dossier (zhuoyue.dossier/1) nor a report (zhuoyue.report/1): "
                   "its format is \""
                << format << "\"\n";
      return kExitInput;
    }
    evaluated_ = true;
    std::vector<zhuoyue::Diagnostic> diagnostics;
    if (!pack_) {
      auto pack = LoadPack(common_.rules, &diagnostics);
      if (!pack.ok()) return Failure(diagnostics, pack.status(), "rules");
      pack_ = *std::move(pack);
    }
    auto dossier = zhuoyue::Dossier::FromJson(*pack_, text, path, &diagnostics);
    if (!dossier.ok()) return Failure(diagnostics, dossier.status(), "dossier " + path);
    auto report = zhuoyue::Evaluate(*pack_, **dossier, common_.evaluate);
    if (!report.ok()) return EvaluationFailure(kUsage, report.status());
    return *std::move(report);
  }

  // Whether a dossier was evaluated (else --rules and --param had no use).
  bool evaluated() const { return evaluated_; }

 private:
  static int Failure(const std::vector<zhuoyue::Diagnostic>& diagnostics,
                     const absl::Status& status, const std::string& what) {
    PrintDiagnostics(diagnostics, DiagnosticsStyle::kHuman);
    if (diagnostics.empty()) {
      std::cerr << "zy: " << status.message() << "\n";
    } else {
      std::cerr << "zy: " << diagnostics.size()
                << (diagnostics.size() == 1 ? " problem" : " problems") << " in the " << what
                << "; nothing compared\n";
    }
    return kExitInput;
  }

  const CommonOptions& common_;
  std::shared_ptr<const zhuoyue::Pack> pack_;
  bool evaluated_ = false;
};

}  // namespace

int RunDiff(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  CommonOptions common;
  zhuoyue::Language language = zhuoyue::Language::kZh;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/true, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    if (args[i] == "--lang") {
      if (i + 1 >= args.size() || (args[i + 1] != "zh" && args[i + 1] != "en")) {
        return Usage("--lang is zh or en");
      }
      language = args[++i] == "zh" ? zhuoyue::Language::kZh : zhuoyue::Language::kEn;
      continue;
    }
    if (args[i].starts_with("--")) return Usage("unknown option " + args[i]);
    paths.push_back(args[i]);
  }
  if (paths.size() != 2) {
    return Usage(paths.size() < 2 ? "diff needs OLD and NEW"
                                  : "diff compares two inputs, OLD and NEW");
  }

  Inputs inputs(common);
  auto old_report = inputs.Load(paths[0]);
  if (auto* exit = std::get_if<int>(&old_report)) return *exit;
  auto new_report = inputs.Load(paths[1]);
  if (auto* exit = std::get_if<int>(&new_report)) return *exit;
  if (!inputs.evaluated() && (!common.rules.empty() || !common.evaluate.params.empty())) {
    std::cerr << "zy: note: --rules and --param apply to dossiers; both inputs are reports\n";
  }

  zhuoyue::ReportDiff diff = zhuoyue::DiffReports(std::get<zhuoyue::Report>(old_report),
                                                  std::get<zhuoyue::Report>(new_report));
  std::cout << (common.format == "json" ? zhuoyue::DiffToJson(diff)
                                        : zhuoyue::DiffToText(diff, language));
  std::cout.flush();
  return kExitOk;
}

}  // namespace zy
