// Rule tests: JSON case files in the criteria corpus format (tests/criteria/README.md) run
// against a pack, with the failing expectations of each case and, optionally, coverage — which
// verdicts each criterion got and which values (true / false / unknown) each boolean
// sub-condition of its trace took over all cases.
//
//   auto pack = zhuoyue::Pack::Builtin();
//   auto result = zhuoyue::RunRuleTests(**pack, {"tests/criteria/cases"}, {});
//   if (result.ok()) std::cout << result->passed << " passed, " << result->failed << " failed\n";
//
// A case's `base` dossier is looked up relative to `options.root` first, then relative to the
// folder of the case file (so a pack can ship its tests next to its rules). No exception
// crosses this API.
#ifndef ZHUOYUE_RULE_TESTS_H_
#define ZHUOYUE_RULE_TESTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/zhuoyue.h"

namespace zhuoyue {

struct RuleTestOptions {
  // Where `base` paths resolve first; empty: the current directory.
  std::string root;
  // Also trace every criterion of every case and collect coverage (one evaluation per
  // criterion and case: slower).
  bool coverage = false;
};

struct RuleTestCase {
  std::string name;  // the file's stem: "r5_2_not_met_industry_years"
  std::string file;  // the path it was read from
  // Mismatches, one each: "5.2 verdict: expected not_met, got met",
  // "5.2 witnesses: expected [T02], got []".
  std::vector<std::string> failures;
  // A malformed case (unparsable JSON, a patch that does not apply, a dossier that does not
  // load, an ill-formed expectation), located: "FILE:LINE:COLUMN: …" or "FILE: at /patch/0: …".
  std::string error;
  bool passed() const { return failures.empty() && error.empty(); }
};

// Which values one boolean sub-expression of a criterion's trace took.
struct SubConditionCoverage {
  std::string expression;  // its source text: the key within the criterion
  bool seen_true = false;
  bool seen_false = false;
  bool seen_unknown = false;
  // Outcomes the pack rules out (zhuoyue::Trace) need not be seen.
  bool can_be_true = true;
  bool can_be_false = true;
  bool can_be_unknown = true;
  bool complete() const {
    return (seen_true || !can_be_true) && (seen_false || !can_be_false) &&
           (seen_unknown || !can_be_unknown);
  }
};

struct CriterionCoverage {
  std::string id;  // "5.2", in pack order
  bool met = false;
  bool not_met = false;
  bool pending = false;
  std::vector<SubConditionCoverage> conditions;  // in order of first appearance
  bool complete() const { return met && not_met && pending; }
};

struct RuleTestResult {
  std::vector<RuleTestCase> cases;  // sorted by path
  int passed = 0;
  int failed = 0;  // failing and malformed cases
  // With options.coverage: every criterion of the pack (from the cases' reports; verdicts
  // count from every evaluated case, asserted or not).
  std::vector<CriterionCoverage> coverage;
};

// Runs the case files at `paths` (a .json file, or a directory searched recursively for
// .json files; there, a JSON file with neither `base` nor `expect`, such as a dossier next to
// the cases, is skipped) against `pack`. NotFound when a path does not exist, InvalidArgument when
// it names no case file; failures inside a case are in its RuleTestCase, not in the status.
absl::StatusOr<RuleTestResult> RunRuleTests(const Pack& pack, const std::vector<std::string>& paths,
                                            const RuleTestOptions& options = {});

}  // namespace zhuoyue

#endif  // ZHUOYUE_RULE_TESTS_H_
