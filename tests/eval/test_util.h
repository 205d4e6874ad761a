// Shared helpers of the evaluator tests: compile a small pack written inline, load a small
// JSON dossier against it, evaluate, and look results up by id.
#ifndef ZHUOYUE_TESTS_EVAL_TEST_UTIL_H_
#define ZHUOYUE_TESTS_EVAL_TEST_UTIL_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {

// Lets gtest print verdicts by name.
inline void PrintTo(Verdict verdict, std::ostream* os) { *os << VerdictName(verdict); }

namespace eval_test {

inline constexpr char kHeader[] = "pack t version \"1\"\n";

// Compiles `rules` (the pack header is added in front); a compile error fails the test.
inline std::shared_ptr<const Pack> CompilePack(std::string_view rules) {
  std::vector<Diagnostic> diagnostics;
  auto pack =
      Pack::FromSources({{"test.zy", std::string(kHeader) + std::string(rules)}}, &diagnostics);
  if (!pack.ok()) {
    std::string all;
    for (const Diagnostic& d : diagnostics) all += d.Format() + "\n";
    ADD_FAILURE() << pack.status() << "\n" << all;
    return nullptr;
  }
  return *pack;
}

inline std::shared_ptr<const Dossier> LoadDossier(const Pack& pack, std::string_view json) {
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(pack, json, "test.json", &diagnostics);
  if (!dossier.ok()) {
    std::string all;
    for (const Diagnostic& d : diagnostics) all += d.Format() + "\n";
    ADD_FAILURE() << dossier.status() << "\n" << all;
    return nullptr;
  }
  return *dossier;
}

// A report and lookups into it. A lookup of an id the report does not have fails the test
// and returns an empty result.
class Evaluation {
 public:
  explicit Evaluation(Report report) : report_(std::move(report)) {}

  const Report& report() const { return report_; }

  const CriterionResult& criterion(std::string_view id) const {
    for (const RequirementResult& r : report_.requirements) {
      for (const CriterionResult& c : r.criteria) {
        if (c.id == id) return c;
      }
    }
    ADD_FAILURE() << "no criterion " << id << " in the report";
    static const CriterionResult kNone;
    return kNone;
  }

  const RequirementResult& requirement(std::string_view id) const {
    for (const RequirementResult& r : report_.requirements) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << "no requirement " << id << " in the report";
    static const RequirementResult kNone;
    return kNone;
  }

  const EligibilityResult& eligibility(std::string_view id) const {
    for (const EligibilityResult& e : report_.eligibility) {
      if (e.id == id) return e;
    }
    ADD_FAILURE() << "no eligibility rule " << id << " in the report";
    static const EligibilityResult kNone;
    return kNone;
  }

  // The verdict of a criterion, as its report name: "met", "not_met" or "pending".
  std::string verdict(std::string_view criterion_id) const {
    return VerdictName(criterion(criterion_id).verdict);
  }
  const std::vector<std::string>& missing(std::string_view criterion_id) const {
    return criterion(criterion_id).missing;
  }
  const std::vector<std::string>& witnesses(std::string_view criterion_id) const {
    return criterion(criterion_id).witnesses;
  }

 private:
  Report report_;
};

// Compiles `rules`, loads `json` with them and evaluates. Any failure fails the test and
// yields an empty report (whose lookups fail too).
inline Evaluation RunPack(std::string_view rules, std::string_view json,
                          const EvaluateOptions& options = {}) {
  std::shared_ptr<const Pack> pack = CompilePack(rules);
  if (!pack) return Evaluation(Report{});
  std::shared_ptr<const Dossier> dossier = LoadDossier(*pack, json);
  if (!dossier) return Evaluation(Report{});
  absl::StatusOr<Report> report = Evaluate(*pack, *dossier, options);
  if (!report.ok()) {
    ADD_FAILURE() << report.status();
    return Evaluation(Report{});
  }
  return Evaluation(*std::move(report));
}

// One expression to evaluate as a computed criterion, with the verdict and missing list it
// must get.
struct ExprCase {
  std::string expression;
  std::string verdict;
  std::vector<std::string> missing = {};
};

// Requirement "1" with criterion 1.<i+1> = cases[i].expression.
inline std::string CriteriaOf(const std::vector<ExprCase>& cases) {
  std::string text = "requirement 1 \"cases\" {\n";
  for (size_t i = 0; i < cases.size(); ++i) {
    text += "  criterion 1." + std::to_string(i + 1) +
            " computed \"case\" = " + cases[i].expression + "\n";
  }
  return text + "}\n";
}

// Evaluates `schema` plus one criterion per case against `json` and checks every case. The
// order of a missing list is not checked here: operands of one comparison may be evaluated in
// either order.
inline void ExpectCases(std::string_view schema, std::string_view json,
                        const std::vector<ExprCase>& cases) {
  Evaluation evaluation = RunPack(std::string(schema) + CriteriaOf(cases), json);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(cases[i].expression);
    std::string id = "1." + std::to_string(i + 1);
    EXPECT_EQ(evaluation.verdict(id), cases[i].verdict);
    EXPECT_THAT(evaluation.missing(id), ::testing::UnorderedElementsAreArray(cases[i].missing));
  }
}

}  // namespace eval_test
}  // namespace zhuoyue

#endif  // ZHUOYUE_TESTS_EVAL_TEST_UTIL_H_
