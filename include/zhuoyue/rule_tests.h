/// @file rule_tests.h
/// @brief Rule tests (`zy test`): JSON case files in the criteria corpus format
/// (tests/criteria/README.md) run against a pack, with the failing expectations of each case
/// and, optionally, coverage — which verdicts each criterion got and which values (true /
/// false / unknown) each boolean sub-condition of its trace took over all cases.
///
/// @code
///   auto pack = zhuoyue::Pack::Builtin();
///   auto result = zhuoyue::RunRuleTests(**pack, {"tests/criteria/cases"}, {});
///   if (result.ok()) std::cout << result->passed << " passed, " << result->failed << " failed\n";
/// @endcode
///
/// A case's `base` dossier is looked up relative to `options.root` first, then relative to the
/// folder of the case file (so a pack can ship its tests next to its rules). No exception
/// crosses this API.
#ifndef ZHUOYUE_RULE_TESTS_H_
#define ZHUOYUE_RULE_TESTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/export.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {

/// How RunRuleTests() runs.
struct RuleTestOptions {
  /// Where `base` paths resolve first; empty: the current directory.
  std::string root;
  /// Also trace every criterion of every case and collect coverage (one evaluation per
  /// criterion and case: slower).
  bool coverage = false;
};

/// The outcome of one case file.
struct RuleTestCase {
  std::string name;  ///< the file's stem: "r5_2_not_met_industry_years"
  std::string file;  ///< the path it was read from
  /// Mismatches, one each: "5.2 verdict: expected not_met, got met",
  /// "5.2 witnesses: expected [T02], got []".
  std::vector<std::string> failures;
  /// A malformed case (unparsable JSON, a patch that does not apply, a dossier that does not
  /// load, an ill-formed expectation), located: "FILE:LINE:COLUMN: …" or "FILE: at /patch/0: …".
  /// Empty for a well-formed case.
  std::string error;
  /// Whether the case passed: well-formed, and every expectation met.
  /// @return true when `failures` and `error` are both empty
  bool passed() const { return failures.empty() && error.empty(); }
};

/// Which values one boolean sub-expression of a criterion's trace took.
struct SubConditionCoverage {
  std::string expression;     ///< its source text: the key within the criterion
  bool seen_true = false;     ///< some case made it true
  bool seen_false = false;    ///< some case made it false
  bool seen_unknown = false;  ///< some case made it unknown
  /// Outcomes the pack rules out (zhuoyue::Trace) need not be seen.
  bool can_be_true = true;
  bool can_be_false = true;    ///< false: the pack rules out false (Trace::can_be_false)
  bool can_be_unknown = true;  ///< false: the pack rules out unknown (Trace::can_be_unknown)
  /// Whether every outcome it can take was seen.
  /// @return true when each of true, false and unknown was seen or is ruled out
  bool complete() const {
    return (seen_true || !can_be_true) && (seen_false || !can_be_false) &&
           (seen_unknown || !can_be_unknown);
  }
};

/// Which verdicts one criterion got over all cases, and the coverage of its sub-conditions.
struct CriterionCoverage {
  std::string id;                                ///< "5.2", in pack order
  bool met = false;                              ///< some case's report has it met
  bool not_met = false;                          ///< some case's report has it not met
  bool pending = false;                          ///< some case's report has it pending
  std::vector<SubConditionCoverage> conditions;  ///< in order of first appearance
  /// Whether the criterion got all three verdicts.
  /// @return met && not_met && pending
  bool complete() const { return met && not_met && pending; }
};

/// The outcome of a run of rule tests. A value the caller owns.
struct RuleTestResult {
  /// One per case file, in the order of the paths given (a directory's files sorted by
  /// path).
  std::vector<RuleTestCase> cases;
  int passed = 0;  ///< cases that passed
  int failed = 0;  ///< failing and malformed cases
  /// With options.coverage: every criterion of the pack (from the cases' reports; verdicts
  /// count from every evaluated case, asserted or not).
  std::vector<CriterionCoverage> coverage;
};

/// Runs the case files at `paths` (a .json file, or a directory searched recursively for
/// .json files; there, a JSON file with neither `base` nor `expect`, such as a dossier next to
/// the cases, is skipped) against `pack`. NotFound when a path does not exist, InvalidArgument when
/// it names no case file; failures inside a case are in its RuleTestCase, not in the status.
/// @param pack     the pack under test; each case's dossier is loaded and evaluated with it
/// @param paths    case files and directories of case files
/// @param options  where `base` paths resolve, and whether to collect coverage
/// @return the result, a value the caller owns; or NotFound, InvalidArgument, or Internal for
///         an internal failure. No exception is thrown.
ZY_EXPORT absl::StatusOr<RuleTestResult> RunRuleTests(const Pack& pack,
                                                      const std::vector<std::string>& paths,
                                                      const RuleTestOptions& options = {});

}  // namespace zhuoyue

#endif  // ZHUOYUE_RULE_TESTS_H_
