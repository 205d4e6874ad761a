// zy test: runs rule tests (JSON case files, tests/criteria/README.md) against a pack.
//
// Exit status: 0 every case passed, 1 a case failed or is malformed (or the rules or a path
// could not be read), 2 on a usage error.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/zy/commands.h"
#include "tools/zy/diagnostics_output.h"
#include "zhuoyue/rule_tests.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {
namespace {

constexpr char kUsage[] =
    "usage: zy test [PATH…] [options]\n"
    "\n"
    "Runs rule tests: JSON case files (a base dossier, a JSON patch, parameters and the\n"
    "expected verdicts; format in tests/criteria/README.md). PATH is a case file or a\n"
    "directory searched recursively (default: tests/criteria/cases). A case's `base` is\n"
    "looked up relative to the current directory, then to the case file's folder.\n"
    "Prints one line per failing case, then `N passed, M failed`.\n"
    "\n"
    "options:\n"
    "  --rules PATH          a rule pack directory or .zy file instead of the built-in pack\n"
    "  --coverage            per criterion, the verdicts the cases produced and the values\n"
    "                        (true / false / unknown) its sub-conditions never took\n"
    "  --format text|json    output form (default: text)\n"
    "\n"
    "exit status: 0 all passed, 1 a case failed or is malformed, 2 usage error\n";

int Usage(const std::string& problem) { return UsageError(kUsage, problem); }

const char* Mark(bool seen) { return seen ? "\u2713" : "\u2717"; }

std::string Missing(const zhuoyue::SubConditionCoverage& c) {
  std::string missing;
  for (auto [seen, name] : {std::pair{c.seen_true || !c.can_be_true, "true"},
                            std::pair{c.seen_false || !c.can_be_false, "false"},
                            std::pair{c.seen_unknown || !c.can_be_unknown, "unknown"}}) {
    if (seen) continue;
    if (!missing.empty()) missing += ", ";
    missing += name;
  }
  return missing;
}

void PrintText(const zhuoyue::RuleTestResult& result, bool coverage) {
  for (const zhuoyue::RuleTestCase& test : result.cases) {
    if (test.passed()) continue;
    if (!test.error.empty()) {
      std::cout << test.error << "\n";
      continue;
    }
    std::cout << test.name << ": ";
    for (size_t i = 0; i < test.failures.size(); ++i) {
      std::cout << (i ? "; " : "") << test.failures[i];
    }
    std::cout << "\n";
  }
  if (coverage) {
    int complete = 0, incomplete_conditions = 0;
    for (const zhuoyue::CriterionCoverage& c : result.coverage) {
      complete += c.complete();
      std::cout << c.id << "  met" << Mark(c.met) << " not_met" << Mark(c.not_met) << " pending"
                << Mark(c.pending) << "\n";
      for (const zhuoyue::SubConditionCoverage& s : c.conditions) {
        if (s.complete()) continue;
        ++incomplete_conditions;
        std::cout << "    never " << Missing(s) << ": " << s.expression << "\n";
      }
    }
    std::cout << "coverage: " << complete << " of " << result.coverage.size()
              << " criteria saw all three verdicts; " << incomplete_conditions
              << " sub-conditions not fully covered\n";
  }
  std::cout << result.passed << " passed, " << result.failed << " failed\n";
}

void PrintJson(const zhuoyue::RuleTestResult& result, bool coverage) {
  nlohmann::ordered_json json;
  json["passed"] = result.passed;
  json["failed"] = result.failed;
  json["cases"] = nlohmann::ordered_json::array();
  for (const zhuoyue::RuleTestCase& test : result.cases) {
    nlohmann::ordered_json one;
    one["name"] = test.name;
    one["file"] = test.file;
    one["passed"] = test.passed();
    if (!test.failures.empty()) one["failures"] = test.failures;
    if (!test.error.empty()) one["error"] = test.error;
    json["cases"].push_back(std::move(one));
  }
  if (coverage) {
    json["coverage"] = nlohmann::ordered_json::array();
    for (const zhuoyue::CriterionCoverage& c : result.coverage) {
      nlohmann::ordered_json one;
      one["criterion"] = c.id;
      one["met"] = c.met;
      one["not_met"] = c.not_met;
      one["pending"] = c.pending;
      one["conditions"] = nlohmann::ordered_json::array();
      for (const zhuoyue::SubConditionCoverage& s : c.conditions) {
        one["conditions"].push_back({{"expression", s.expression},
                                     {"true", s.seen_true},
                                     {"false", s.seen_false},
                                     {"unknown", s.seen_unknown}});
      }
      json["coverage"].push_back(std::move(one));
    }
  }
  std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int RunTest(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  CommonOptions common;
  zhuoyue::RuleTestOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    bool taken = false;
    if (auto exit = ReadCommonOption(args, i, /*accepts_params=*/false, kUsage, common, taken)) {
      return *exit;
    }
    if (taken) continue;
    const std::string& arg = args[i];
    if (arg == "--coverage") {
      options.coverage = true;
    } else if (arg.starts_with("--")) {
      return Usage("unknown option " + arg);
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) paths.push_back("tests/criteria/cases");

  std::vector<zhuoyue::Diagnostic> diagnostics;
  auto pack = LoadPack(common.rules, &diagnostics);
  if (!pack.ok()) {
    PrintDiagnostics(diagnostics, DiagnosticsStyle::kHuman);
    std::cerr << "zy: " << pack.status().message() << "\n";
    return kExitInput;
  }
  auto result = zhuoyue::RunRuleTests(**pack, paths, options);
  if (!result.ok()) {
    std::cerr << "zy: " << result.status().message() << "\n";
    return kExitInput;
  }
  if (common.format == "json") {
    PrintJson(*result, options.coverage);
  } else {
    PrintText(*result, options.coverage);
  }
  std::cout.flush();
  return result->failed == 0 ? kExitOk : kExitInput;
}

}  // namespace zy
