// Numerical honesty (issue 7, item 5; docs/numbers.md): every threshold of the built-in pack
// is compared exactly, as rationals read from the decimal text, at its boundary.
//
// The criteria corpus (tests/criteria/cases) has the boundary of every criterion written as
// JSON cases; its harness round-trips dossiers and parameters through nlohmann's doubles, so
// it can only carry decimals that survive that. This file covers what needs the text as
// written: parameters and dossier numbers whose decimal is the same double as the boundary
// (0.30000000000000001 == 0.3 in binary), the parameters the corpus does not name
// (secondment_months_min, experienced_industry_years, attainment_threshold, attainment_good),
// the `--param` of the command, attainment at 0.6 and 0.8 (levels and share_at_threshold),
// the reported quantities, and numbers beyond the exact range.
//
// Every expectation below was worked out by hand from shared/spec/criteria.md; the comments
// say what binary floating point would get instead, so each test fails if comparisons drift.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/number.h"
#include "zhuoyue/zhuoyue.hpp"
#ifdef ZY_BINARY
#include "zy_process.h"
#endif

namespace zhuoyue {
namespace {

using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Json = nlohmann::json;
using Params = std::vector<std::pair<std::string, std::string>>;

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::filesystem::path(ZHUOYUE_SOURCE_DIR) / relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Pack& BuiltinPack() {
  static const std::shared_ptr<const Pack> pack = [] {
    auto compiled = Pack::Builtin();
    EXPECT_TRUE(compiled.ok()) << compiled.status();
    return compiled.ok() ? *compiled : nullptr;
  }();
  return *pack;
}

// examples/compliant.json with some values replaced by literal JSON text, written exactly as
// given (nlohmann would read "4.9999999999999999" as the double 5.0). `edit` patches the
// parsed dossier first; each literal then replaces the string "@<key>@" it left.
std::string Compliant(const std::function<void(Json&)>& edit = nullptr,
                      const std::map<std::string, std::string>& literals = {}) {
  Json dossier = Json::parse(ReadSource("examples/compliant.json"));
  if (edit) edit(dossier);
  std::string text = dossier.dump();
  for (const auto& [key, literal] : literals) {
    const std::string placeholder = "\"@" + key + "@\"";
    size_t at = text.find(placeholder);
    EXPECT_NE(at, std::string::npos) << key;
    if (at != std::string::npos) text.replace(at, placeholder.size(), literal);
  }
  return text;
}

absl::StatusOr<Report> TryEvaluate(const std::string& json, const Params& params = {},
                                   std::vector<Diagnostic>* diagnostics = nullptr) {
  std::vector<Diagnostic> ignored;
  auto dossier =
      Dossier::FromJson(BuiltinPack(), json, "boundary.json", diagnostics ? diagnostics : &ignored);
  if (!dossier.ok()) return dossier.status();
  EvaluateOptions options;
  options.params = params;
  return Evaluate(BuiltinPack(), **dossier, options);
}

Report EvaluateBuiltin(const std::string& json, const Params& params = {}) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<Report> report = TryEvaluate(json, params, &diagnostics);
  EXPECT_TRUE(report.ok()) << report.status()
                           << (diagnostics.empty() ? "" : "\n" + diagnostics[0].Format());
  return report.ok() ? *std::move(report) : Report{};
}

const CriterionResult& CriterionOf(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      if (c.id == id) return c;
    }
  }
  ADD_FAILURE() << "no criterion " << id;
  static const CriterionResult kNone;
  return kNone;
}

std::string VerdictOf(const Report& report, const std::string& id) {
  return VerdictName(CriterionOf(report, id).verdict);
}

// ---------------------------------------------------------------------------- parameters

struct ParamCase {
  std::string name;
  std::string value;  // exactly as a user types it after `--param name=`
  std::string criterion;
  std::string verdict;
  std::vector<std::string> witnesses;
  std::string why;
};

// The example: 6 of 20 teachers international (0.3), 5 of 20 part-time (0.25), 4 of 30
// students foreign (2/15), 6 of 8 core courses with research methods (0.75), plan weeks
// 8 + 10 + 16 = 34, T03 with exactly 5 industry years, T01 lecturing 2 industry-taught
// courses, 6 industry-taught courses, full-time teachers without industry experience planning
// exactly 12 months (T10 18).
TEST(NumericBoundaryTest, ParametersAreReadExactlyFromTheirText) {
  const std::vector<ParamCase> cases = {
      {"intl_faculty_share", "0.3", "9.1", "met", {}, "6/20 = 0.3"},
      {"intl_faculty_share", "3e-1", "9.1", "met", {}, "the same value in exponent form"},
      {"intl_faculty_share", "0.300", "9.1", "met", {}, "trailing zeros"},
      {"intl_faculty_share",
       "0.30000000000000001",
       "9.1",
       "not_met",
       {},
       "above 0.3 by 1e-17; the same double as 0.3"},
      {"intl_faculty_share",
       "0.29999999999999999",
       "9.1",
       "met",
       {},
       "below 0.3 by 1e-17; the same double as 0.3"},
      {"min_part_time_share", "0.25", "4.6", "met", {}, "5/20 = 0.25, judgement met"},
      {"min_part_time_share", "2.5E-1", "4.6", "met", {}, "the same value, capital E"},
      {"min_part_time_share",
       "0.25000000000000001",
       "4.6",
       "not_met",
       {},
       "the same double as 0.25"},
      {"foreign_student_share",
       "0.13333333333333333",
       "9.8",
       "met",
       {},
       "2/15 = 0.1333… is above this decimal; both are the double 0.13333333333333333"},
      {"foreign_student_share",
       "0.13333333333333334",
       "9.8",
       "not_met",
       {},
       "2/15 is below this decimal, which is the same double as 4.0 / 30"},
      {"research_learning_share", "0.75", "3.1", "met", {}, "6/8 = 0.75"},
      {"research_learning_share",
       "0.75000000000000001",
       "3.1",
       "not_met",
       {},
       "the same double as 0.75"},
      {"enterprise_weeks_min", "34", "7.1", "met", {}, "8 + 10 + 16 = 34"},
      {"enterprise_weeks_min", "34.000000000000001", "7.1", "not_met", {}, "the same double as 34"},
      {"industry_years_min", "5", "5.2", "met", {}, "T03 has exactly 5"},
      {"industry_years_min",
       "5.0000000000000001",
       "5.2",
       "not_met",
       {"T03"},
       "the same double as 5"},
      {"industry_course_count", "6.000", "5.1", "met", {}, "6 industry-taught courses"},
      {"industry_course_count", "6.0000000000000001", "5.1", "not_met", {}, "the same double as 6"},
      {"max_courses_per_teacher", "2", "5.4", "met", {}, "T01 lectures exactly 2"},
      {"max_courses_per_teacher",
       "1.9999999999999999",
       "5.4",
       "not_met",
       {"T01"},
       "the same double as 2"},
      {"secondment_months_min", "12", "4.2", "met", {}, "plans of exactly 12 months"},
      {"secondment_months_min",
       "12.0000000000000001",
       "4.2",
       "not_met",
       {"T04", "T06", "T08", "T12", "T15"},
       "the same double as 12; T10 plans 18"},
      {"secondment_months_min",
       "18",
       "4.2",
       "not_met",
       {"T04", "T06", "T08", "T12", "T15"},
       "T10's 18 planned months meet 18 exactly"},
  };
  const std::string dossier = Compliant();
  for (const ParamCase& c : cases) {
    SCOPED_TRACE(c.name + "=" + c.value + ": " + c.why);
    Report report = EvaluateBuiltin(dossier, {{c.name, c.value}});
    EXPECT_EQ(VerdictOf(report, c.criterion), c.verdict)
        << CriterionOf(report, c.criterion).message;
    EXPECT_EQ(CriterionOf(report, c.criterion).witnesses, c.witnesses);
  }
}

// 4.5 on a tie: T10 at 860 and T03 without a completed secondment, so T03 is experienced only
// through its 5 industry years; the experienced mean 1510/5 = 302 equals the full-time mean
// 4530/15 = 302 (semantics 15).
TEST(NumericBoundaryTest, ExperiencedIndustryYearsAtItsBoundary) {
  const std::string dossier = Compliant([](Json& d) {
    d["teachers"][9]["workload"] = 860;
    d["teachers"][2]["secondment"]["completed_months"] = 0;
  });
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(dossier), "4.5"), "met");
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(dossier, {{"experienced_industry_years", "5"}}), "4.5"),
            "met");
  // T03 is no longer experienced: 1200/4 = 300 < 302.
  EXPECT_EQ(
      VerdictOf(EvaluateBuiltin(dossier, {{"experienced_industry_years", "5.0000000000000001"}}),
                "4.5"),
      "not_met");
  EXPECT_EQ(
      VerdictOf(EvaluateBuiltin(dossier, {{"experienced_industry_years", "4.9999999999999999"}}),
                "4.5"),
      "met");
}

// 4.5 through completed months: T05 (2 industry years) at 370 with exactly 12 completed months
// is experienced: 1600/5 = 320 >= 4620/15 = 308; without T05 1230/4 = 307.5 < 308.
TEST(NumericBoundaryTest, SecondmentMonthsAtItsBoundaryDecideWhoIsExperienced) {
  const std::string dossier = Compliant([](Json& d) {
    d["teachers"][9]["workload"] = 860;
    d["teachers"][4]["workload"] = 370;
  });
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(dossier), "4.5"), "met");
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(dossier, {{"secondment_months_min", "12.0000000000000001"}}),
                      "4.5"),
            "not_met");
  const std::string short_by_a_hair = Compliant(
      [](Json& d) {
        d["teachers"][9]["workload"] = 860;
        d["teachers"][4]["workload"] = 370;
        d["teachers"][4]["secondment"]["completed_months"] = "@months@";
      },
      {{"months", "11.9999999999999999"}});  // the double 12.0
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(short_by_a_hair), "4.5"), "not_met");
}

#ifdef ZY_BINARY
// The same through the command: `--param` reads the text exactly.
TEST(NumericBoundaryTest, CommandLineParametersAreReadExactly) {
  for (const auto& [value, verdict] : std::vector<std::pair<std::string, std::string>>{
           {"0.3", "met"}, {"0.30000000000000001", "not_met"}, {"3e-1", "met"}}) {
    SCOPED_TRACE(value);
    ZyResult run =
        Zy("eval examples/compliant.json --format json --param intl_faculty_share=" + value);
    ASSERT_EQ(run.status, 0) << run.out;
    Json report = Json::parse(run.out);
    std::string found;
    for (const Json& r : report["requirements"]) {
      for (const Json& c : r["criteria"]) {
        if (c["id"] == "9.1") found = c["verdict"];
      }
    }
    EXPECT_EQ(found, verdict);
  }
}
#endif

// ---------------------------------------------------------------------------- dossier numbers

TEST(NumericBoundaryTest, DossierNumbersAreReadExactlyFromTheirText) {
  // T03 lectures the industry-taught C05; 4.9999999999999999 is the double 5.0.
  Report years = EvaluateBuiltin(Compliant(
      [](Json& d) { d["teachers"][2]["industry_years"] = "@y@"; }, {{"y", "4.9999999999999999"}}));
  EXPECT_EQ(VerdictOf(years, "5.2"), "not_met");
  EXPECT_THAT(CriterionOf(years, "5.2").witnesses, ElementsAre("T03"));

  Report years_above = EvaluateBuiltin(Compliant(
      [](Json& d) { d["teachers"][2]["industry_years"] = "@y@"; }, {{"y", "5.0000000000000001"}}));
  EXPECT_EQ(VerdictOf(years_above, "5.2"), "met");

  // ST05, a plan student, at 31.999999999999999 weeks (the double 32.0).
  Report weeks =
      EvaluateBuiltin(Compliant([](Json& d) { d["students"][4]["enterprise_weeks"] = "@w@"; },
                                {{"w", "31.999999999999999"}}));
  EXPECT_EQ(VerdictOf(weeks, "7.2"), "not_met");
  EXPECT_THAT(CriterionOf(weeks, "7.2").witnesses, ElementsAre("ST05"));

  // T07 (planned 12) with 0.99999999999999999 industry years (the double 1.0) is below 1 year,
  // so it is concerned by 4.2 and its plan must reach 12 months: with 0 planned it fails.
  Report population = EvaluateBuiltin(Compliant(
      [](Json& d) {
        d["teachers"][6]["industry_years"] = "@y@";
        d["teachers"][6]["secondment"]["planned_months"] = 0;
      },
      {{"y", "0.99999999999999999"}}));
  EXPECT_EQ(VerdictOf(population, "4.2"), "not_met");
  EXPECT_THAT(CriterionOf(population, "4.2").witnesses, ElementsAre("T07"));
}

// Plan weeks 8.1 + 10.7 + 13.2 = 32 exactly; summed in binary floating point in dossier order
// they give 31.999999999999996. 0.1 + 0.2 against 0.3 the same way.
TEST(NumericBoundaryTest, SumsOfDecimalsAreExact) {
  auto weeks = [](const std::string& a, const std::string& b, const std::string& c) {
    return Compliant(
        [](Json& d) {
          d["courses"][11]["weeks"] = "@a@";
          d["courses"][12]["weeks"] = "@b@";
          d["courses"][13]["weeks"] = "@c@";
        },
        {{"a", a}, {"b", b}, {"c", c}});
  };
  Report exactly = EvaluateBuiltin(weeks("8.1", "10.7", "13.2"));
  EXPECT_EQ(VerdictOf(exactly, "7.1"), "met");
  ASSERT_TRUE(CriterionOf(exactly, "7.1").value);
  EXPECT_EQ(CriterionOf(exactly, "7.1").value->exact, "32");

  Report below = EvaluateBuiltin(weeks("8.1", "10.7", "13.19"));
  EXPECT_EQ(VerdictOf(below, "7.1"), "not_met");
  EXPECT_EQ(CriterionOf(below, "7.1").value->exact, "31.99");
  // The shortfall is exact too (binary floating point: 0.010000000000001563).
  EXPECT_EQ(CriterionOf(below, "7.1").what_if, "what if: 0.01 more in total would meet it");

  Report tenths = EvaluateBuiltin(weeks("0.1", "0.2", "0"), {{"enterprise_weeks_min", "0.3"}});
  EXPECT_EQ(VerdictOf(tenths, "7.1"), "met");
  EXPECT_EQ(CriterionOf(tenths, "7.1").value->exact, "0.3");
  Report tenths_above =
      EvaluateBuiltin(weeks("0.1", "0.2", "0"), {{"enterprise_weeks_min", "0.30000000000000001"}});
  EXPECT_EQ(VerdictOf(tenths_above, "7.1"),
            "not_met");  // 0.1 + 0.2 is 0.30000000000000004 in double

  // 3 × 10.7 = 32.1 (binary: 32.099999999999994).
  Report thirds =
      EvaluateBuiltin(weeks("10.7", "10.7", "10.7"), {{"enterprise_weeks_min", "32.1"}});
  EXPECT_EQ(VerdictOf(thirds, "7.1"), "met");
}

// 4.5 ties on decimal workloads: T11 300.7 and T10 861.4 give 302.14 on both sides; binary
// floating point gives 302.14 for the experienced and 302.14000000000004 for all.
TEST(NumericBoundaryTest, MeansOfDecimalsAreExact) {
  auto with = [](const std::string& t10) {
    return Compliant(
        [](Json& d) {
          d["teachers"][10]["workload"] = "@t11@";
          d["teachers"][9]["workload"] = "@t10@";
        },
        {{"t11", "300.7"}, {"t10", t10}});
  };
  Report tie = EvaluateBuiltin(with("861.4"));
  EXPECT_EQ(VerdictOf(tie, "4.5"), "met");
  ASSERT_TRUE(CriterionOf(tie, "4.5").value && CriterionOf(tie, "4.5").threshold);
  EXPECT_EQ(CriterionOf(tie, "4.5").value->exact, "302.14");
  EXPECT_EQ(CriterionOf(tie, "4.5").threshold->exact, "302.14");
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(with("861.4000000000001")), "4.5"), "not_met");
  EXPECT_EQ(VerdictOf(EvaluateBuiltin(with("861.3999999999999")), "4.5"), "met");
}

// ---------------------------------------------------------------------------- reporting

TEST(NumericBoundaryTest, ReportedQuantitiesAreExactRationals) {
  // 9.1 with T17's background removed: 5/20.
  Report quarter = EvaluateBuiltin(
      Compliant([](Json& d) { d["teachers"][16]["international"] = Json::array(); }));
  const CriterionResult& share = CriterionOf(quarter, "9.1");
  EXPECT_EQ(VerdictName(share.verdict), std::string("met"));
  ASSERT_TRUE(share.value && share.threshold);
  EXPECT_EQ(share.value->exact, "0.25");
  EXPECT_EQ(share.threshold->exact, "0.25");
  EXPECT_EQ(share.comparison, ">=");
  EXPECT_THAT(share.message, HasSubstr("measured 0.25, needs >= 0.25"));

  // 9.8: 4 of 30 students is 2/15, a fraction with no terminating decimal.
  Report example = EvaluateBuiltin(Compliant());
  const CriterionResult& foreign = CriterionOf(example, "9.8");
  ASSERT_TRUE(foreign.value && foreign.threshold);
  EXPECT_EQ(foreign.value->exact, "2/15");
  EXPECT_EQ(foreign.threshold->exact, "0.1");

  // 9.1 at 1/3: T21 (international) added, 7 of 21.
  Report third =
      EvaluateBuiltin(Compliant([](Json& d) {
                        d["teachers"].push_back({{"id", "T21"},
                                                 {"name", "新进教师"},
                                                 {"role", "full_time"},
                                                 {"industry_years", 0},
                                                 {"secondment", {{"planned_months", 12}}},
                                                 {"international", {"abroad_1y"}},
                                                 {"workload", 200}});
                      }),
                      {{"intl_faculty_share", "0.3333333333333333333333333333333333"}});
  EXPECT_EQ(CriterionOf(third, "9.1").value->exact, "1/3");
  EXPECT_EQ(VerdictOf(third, "9.1"), "met");  // 1/3 > 0.333…3 (34 threes)
  Report third_above =
      EvaluateBuiltin(Compliant([](Json& d) {
                        d["teachers"].push_back({{"id", "T21"},
                                                 {"name", "新进教师"},
                                                 {"role", "full_time"},
                                                 {"industry_years", 0},
                                                 {"secondment", {{"planned_months", 12}}},
                                                 {"international", {"abroad_1y"}},
                                                 {"workload", 200}});
                      }),
                      {{"intl_faculty_share", "0.3333333333333333333333333333333334"}});
  EXPECT_EQ(VerdictOf(third_above, "9.1"), "not_met");
}

// The smallest change that meets a failed share is found exactly: 6 of 25 part-time against
// 0.28 needs 1 more (7/25 = 0.28), although 0.28 × 25 = 7.000000000000001 in binary.
TEST(NumericBoundaryTest, WhatIfAtADriftProneShareIsExact) {
  Report report =
      EvaluateBuiltin(Compliant([](Json& d) {
                        d["teachers"].push_back({{"id", "T21"},
                                                 {"name", "兼职教师"},
                                                 {"role", "part_time"},
                                                 {"industry_years", 10},
                                                 {"international", Json::array()},
                                                 {"workload", 32},
                                                 {"trained", true}});
                        for (int i = 22; i <= 25; ++i) {
                          d["teachers"].push_back({{"id", "T" + std::to_string(i)},
                                                   {"name", "新进教师"},
                                                   {"role", "full_time"},
                                                   {"industry_years", 0},
                                                   {"secondment", {{"planned_months", 12}}},
                                                   {"international", Json::array()},
                                                   {"workload", 200}});
                        }
                      }),
                      {{"min_part_time_share", "0.28"}});
  const CriterionResult& c = CriterionOf(report, "4.6");
  EXPECT_EQ(VerdictName(c.verdict), std::string("not_met"));
  EXPECT_EQ(c.value->exact, "0.24");
  EXPECT_EQ(c.what_if, "what if: 1 more of the 25 satisfying it, or 2 new ones that do");
}

// A number the 128-bit rationals cannot hold is a double: the report then has no exact value.
// C12 at 10^-36 weeks (exact) plus C14 at 10^35 − 1 (exact) needs a 10^71 numerator.
TEST(NumericBoundaryTest, AnInexactResultIsReportedWithoutAnExactValue) {
  Report report = EvaluateBuiltin(Compliant(
      [](Json& d) {
        d["courses"][11]["weeks"] = "@a@";
        d["courses"][13]["weeks"] = "@c@";
      },
      {{"a", "0.000000000000000000000000000000000001"},
       {"c", "99999999999999999999999999999999999"}}));
  const CriterionResult& c = CriterionOf(report, "7.1");
  EXPECT_EQ(VerdictName(c.verdict), std::string("met"));
  ASSERT_TRUE(c.value);
  EXPECT_THAT(c.value->exact, IsEmpty());
  EXPECT_NEAR(c.value->value / 1e35, 1.0, 1e-12);
  EXPECT_EQ(c.threshold->exact, "32");
}

// ---------------------------------------------------------------------------- known defects
// The tests below fail today (reported to the lead with these reproductions).

// Two exact numbers whose cross products overflow 128 bits are compared as doubles
// (lib/base/number.cc, operator<=>): 34 + 10^-35 < 34 + 10^-34, yet both are the double 34.0.
TEST(NumericBoundaryTest, ExactNumbersCompareExactlyWhateverTheirDenominators) {
  std::optional<Number> weeks = Number::Parse("8.00000000000000000000000000000000001");
  std::optional<Number> bar = Number::Parse("34.0000000000000000000000000000000001");
  ASSERT_TRUE(weeks && bar);
  ASSERT_TRUE(weeks->exact() && bar->exact());  // 36 significant digits each: within range
  Number sum = *weeks + Number(26);             // 34 + 10^-35, exact
  ASSERT_TRUE(sum.exact());
  EXPECT_TRUE(sum < *bar) << sum.ToExactString() << " vs " << bar->ToExactString();
  EXPECT_FALSE(sum == *bar) << sum.ToExactString() << " vs " << bar->ToExactString();

  // The same through 7.1: plan weeks 8.00000000000000000000000000000000001 + 10 + 16.
  Report report =
      EvaluateBuiltin(Compliant([](Json& d) { d["courses"][11]["weeks"] = "@a@"; },
                                {{"a", "8.00000000000000000000000000000000001"}}),
                      {{"enterprise_weeks_min", "34.0000000000000000000000000000000001"}});
  EXPECT_EQ(VerdictOf(report, "7.1"), "not_met") << CriterionOf(report, "7.1").message;
}

// A dossier number with more than 36 significant digits cannot be held exactly: read as the
// nearest double, 7.999999999999999999999999999999999999999 weeks would become 8.0, and 8 +
// that + 16 = 32 would meet >= 32 although the exact total is below 32. The loader refuses
// it (ZY2006, at its pointer) rather than let it flip a verdict unseen; so it does a number
// beyond 10^36.
TEST(NumericBoundaryTest, ANumberBeyondTheExactRangeIsRefusedNotRounded) {
  for (const char* literal : {"7.999999999999999999999999999999999999999", "1e37", "-1e300"}) {
    std::vector<Diagnostic> diagnostics;
    absl::StatusOr<Report> report =
        TryEvaluate(Compliant([](Json& d) { d["courses"][12]["weeks"] = "@b@"; }, {{"b", literal}}),
                    {}, &diagnostics);
    EXPECT_FALSE(report.ok()) << literal;
    ASSERT_EQ(diagnostics.size(), 1u) << literal;
    EXPECT_EQ(diagnostics[0].code, "ZY2006");
    EXPECT_EQ(diagnostics[0].pointer, "/courses/12/weeks");
    EXPECT_THAT(diagnostics[0].message, HasSubstr("cannot be held exactly"));
  }
  // 36 significant digits are exact, and load.
  EXPECT_TRUE(TryEvaluate(Compliant([](Json& d) { d["courses"][12]["weeks"] = "@b@"; },
                                    {{"b", "7.99999999999999999999999999999999999"}}))
                  .ok());
}

// The one-line reason (CriterionResult::message, and the terminal summary of `zy eval`) prints
// four significant digits: 4.5 with T11 at 300.7 and T10 at 861.45 is not_met because
// 302.14 < 4532.15/15 = 302.1433…, and the message reads "measured 302.1, needs >= 302.1".
// A reason must not show the two sides as the same number when the verdict rests on their
// difference (the Markdown report prints "302.14" and "90643/300 (≈302.1)").
TEST(NumericBoundaryTest, TheReasonDoesNotShowUnequalSidesAsEqual) {
  Report report = EvaluateBuiltin(Compliant(
      [](Json& d) {
        d["teachers"][10]["workload"] = "@t11@";
        d["teachers"][9]["workload"] = "@t10@";
      },
      {{"t11", "300.7"}, {"t10", "861.45"}}));
  const CriterionResult& c = CriterionOf(report, "4.5");
  EXPECT_EQ(VerdictName(c.verdict), std::string("not_met"));
  std::smatch sides;
  ASSERT_TRUE(
      std::regex_search(c.message, sides, std::regex("measured (\\S+), needs >= (\\S+?)(;|$)")))
      << c.message;
  EXPECT_NE(sides[1].str(), sides[2].str()) << c.message;
}

// ---------------------------------------------------------------------------- load bounds

// `score: number >= 0 <= assessment.full_score` is checked exactly at load.
TEST(NumericBoundaryTest, AScoreAtItsFullScoreLoadsAndAHairAboveIsRefused) {
  auto dossier = [](const std::string& score) {
    return std::string(R"({
  "program": {"id": "P1", "name": "边界"},
  "school_standard": [{"id": "S1", "text": "a", "covers": ["G1"], "points": [{"id": "P1", "text": "p"}]}],
  "courses": [{"id": "C1", "name": "c", "supports": [{"point": "P1", "weight": 1}],
    "assessments": [{"id": "A1", "weight": 1, "full_score": 0.3, "points": [{"point": "P1", "weight": 1}]}]}],
  "students": [{"id": "ST1"}],
  "scores": [{"student": "ST1", "assessment": "A1", "score": )") +
           score + "}]}";
  };
  EXPECT_TRUE(TryEvaluate(dossier("0.3")).ok());
  EXPECT_TRUE(TryEvaluate(dossier("0.29999999999999999")).ok());
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<Report> above = TryEvaluate(dossier("0.30000000000000001"), {}, &diagnostics);
  EXPECT_FALSE(above.ok());  // the same double as 0.3, but above it
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_THAT(diagnostics[0].Format(), HasSubstr("0.30000000000000001 exceeds full_score 0.3"));
}

// ---------------------------------------------------------------------------- attainment

// One student, ST1, and seven points, each measured by one course whose assessments are
// weighted as below (point weight 1, full score 100), so that the cohort value and the
// student's own value coincide:
//   P1, P5 (C1): A1 0.1 × 16, A2 0.2 × 82      = 0.18 / 0.3   = 0.6     (binary 0.5999999999999999)
//   P2     (C2): A3 0.1 × 60, A4 0.1 × 100     = 0.16 / 0.2   = 0.8     (binary 0.7999999999999999)
//   P3     (C3): A5 0.1 × 16, A6 0.2 × 81.99   = 0.17998 / 0.3 = 0.59993… (just below 0.6)
//   P4     (C4): A7 0.1 × 60, A8 0.1 × 99.99   = 0.79995        (just below 0.8)
//   P6     (C5): A9 1 × 100                    = 1
//   P7     (C6): A10 0.1 × 69, A11 0.1 × 71    = 0.7     (binary 0.6999999999999998)
//   P8     (C7): A12 0.1 × 82, A13 0.1 × 98    = 0.9     (binary 0.8999999999999999)
// Items: S1 = {P1, P2}, S2 = {P3, P4}, S3 = {P5, P6}, S4 = {P7, P8}.
constexpr char kAttainment[] = R"({
  "program": {"id": "P1", "name": "达成度边界"},
  "school_standard": [
    {"id": "S1", "text": "a", "covers": ["G1"], "points": [{"id": "P1", "text": "p"}, {"id": "P2", "text": "p"}]},
    {"id": "S2", "text": "b", "covers": ["G2"], "points": [{"id": "P3", "text": "p"}, {"id": "P4", "text": "p"}]},
    {"id": "S3", "text": "c", "covers": ["G3"], "points": [{"id": "P5", "text": "p"}, {"id": "P6", "text": "p"}]},
    {"id": "S4", "text": "d", "covers": ["G4"], "points": [{"id": "P7", "text": "p"}, {"id": "P8", "text": "p"}]}
  ],
  "courses": [
    {"id": "C1", "name": "c1", "supports": [{"point": "P1", "weight": 1}, {"point": "P5", "weight": 1}],
     "assessments": [
       {"id": "A1", "weight": 0.1, "full_score": 100, "points": [{"point": "P1", "weight": 1}, {"point": "P5", "weight": 1}]},
       {"id": "A2", "weight": 0.2, "full_score": 100, "points": [{"point": "P1", "weight": 1}, {"point": "P5", "weight": 1}]}]},
    {"id": "C2", "name": "c2", "supports": [{"point": "P2", "weight": 1}],
     "assessments": [
       {"id": "A3", "weight": 0.1, "full_score": 100, "points": [{"point": "P2", "weight": 1}]},
       {"id": "A4", "weight": 0.1, "full_score": 100, "points": [{"point": "P2", "weight": 1}]}]},
    {"id": "C3", "name": "c3", "supports": [{"point": "P3", "weight": 1}],
     "assessments": [
       {"id": "A5", "weight": 0.1, "full_score": 100, "points": [{"point": "P3", "weight": 1}]},
       {"id": "A6", "weight": 0.2, "full_score": 100, "points": [{"point": "P3", "weight": 1}]}]},
    {"id": "C4", "name": "c4", "supports": [{"point": "P4", "weight": 1}],
     "assessments": [
       {"id": "A7", "weight": 0.1, "full_score": 100, "points": [{"point": "P4", "weight": 1}]},
       {"id": "A8", "weight": 0.1, "full_score": 100, "points": [{"point": "P4", "weight": 1}]}]},
    {"id": "C5", "name": "c5", "supports": [{"point": "P6", "weight": 1}],
     "assessments": [
       {"id": "A9", "weight": 1, "full_score": 100, "points": [{"point": "P6", "weight": 1}]}]},
    {"id": "C6", "name": "c6", "supports": [{"point": "P7", "weight": 1}],
     "assessments": [
       {"id": "A10", "weight": 0.1, "full_score": 100, "points": [{"point": "P7", "weight": 1}]},
       {"id": "A11", "weight": 0.1, "full_score": 100, "points": [{"point": "P7", "weight": 1}]}]},
    {"id": "C7", "name": "c7", "supports": [{"point": "P8", "weight": 1}],
     "assessments": [
       {"id": "A12", "weight": 0.1, "full_score": 100, "points": [{"point": "P8", "weight": 1}]},
       {"id": "A13", "weight": 0.1, "full_score": 100, "points": [{"point": "P8", "weight": 1}]}]}
  ],
  "students": [{"id": "ST1"}],
  "scores": [
    {"student": "ST1", "assessment": "A1", "score": 16},
    {"student": "ST1", "assessment": "A2", "score": 82},
    {"student": "ST1", "assessment": "A3", "score": 60},
    {"student": "ST1", "assessment": "A4", "score": 100},
    {"student": "ST1", "assessment": "A5", "score": 16},
    {"student": "ST1", "assessment": "A6", "score": 81.99},
    {"student": "ST1", "assessment": "A7", "score": 60},
    {"student": "ST1", "assessment": "A8", "score": 99.99},
    {"student": "ST1", "assessment": "A9", "score": 100},
    {"student": "ST1", "assessment": "A10", "score": 69},
    {"student": "ST1", "assessment": "A11", "score": 71},
    {"student": "ST1", "assessment": "A12", "score": 82},
    {"student": "ST1", "assessment": "A13", "score": 98}
  ]
})";

const PointAttainment& PointOf(const Report& report, const std::string& id) {
  for (const PointAttainment& p : report.attainment.points) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no point " << id;
  static const PointAttainment kNone;
  return kNone;
}

const ItemAttainment& ItemOf(const Report& report, const std::string& id) {
  for (const ItemAttainment& i : report.attainment.items) {
    if (i.id == id) return i;
  }
  ADD_FAILURE() << "no item " << id;
  static const ItemAttainment kNone;
  return kNone;
}

struct PointExpectation {
  std::string id, exact, level;
  int at_threshold;
};

void ExpectPoints(const Report& report, const std::vector<PointExpectation>& expected) {
  for (const PointExpectation& e : expected) {
    SCOPED_TRACE(e.id);
    const PointAttainment& p = PointOf(report, e.id);
    EXPECT_EQ(p.exact, e.exact);
    EXPECT_EQ(p.level, e.level);
    EXPECT_EQ(p.students, 1);
    EXPECT_EQ(p.students_at_threshold, e.at_threshold);
    ASSERT_TRUE(p.share_at_threshold);
    EXPECT_EQ(*p.share_at_threshold, e.at_threshold);
  }
}

TEST(NumericBoundaryTest, AttainmentLevelsAtZeroPointSixAndZeroPointEight) {
  for (const char* method : {"cohort", "per_student"}) {
    SCOPED_TRACE(method);
    Report report = EvaluateBuiltin(kAttainment, {{"attainment_students", method}});
    ExpectPoints(report, {{"P1", "0.6", "attained", 1},
                          {"P2", "0.8", "good", 1},
                          {"P3", "8999/15000", "not_attained", 0},
                          {"P4", "0.79995", "attained", 1},
                          {"P5", "0.6", "attained", 1},
                          {"P6", "1", "good", 1},
                          {"P7", "0.7", "attained", 1},
                          {"P8", "0.9", "good", 1}});
    // Items: the minimum of their points.
    EXPECT_EQ(ItemOf(report, "S1").exact, "0.6");
    EXPECT_EQ(ItemOf(report, "S1").level, "attained");
    EXPECT_EQ(ItemOf(report, "S2").level, "not_attained");
    EXPECT_EQ(ItemOf(report, "S3").exact, "0.6");
    EXPECT_EQ(ItemOf(report, "S3").level, "attained");
  }
  // Items as the mean of their points: S3 = (0.6 + 1) / 2 = 0.8 exactly (binary: the point
  // 0.5999999999999999 gives 0.7999999999999999), S1 = 0.7.
  Report mean = EvaluateBuiltin(kAttainment, {{"attainment_items", "mean"}});
  EXPECT_EQ(ItemOf(mean, "S3").exact, "0.8");
  EXPECT_EQ(ItemOf(mean, "S3").level, "good");
  EXPECT_EQ(ItemOf(mean, "S1").exact, "0.7");
  EXPECT_EQ(ItemOf(mean, "S1").level, "attained");
  EXPECT_EQ(ItemOf(mean, "S2").level, "attained");  // (0.59993… + 0.79995) / 2 ≈ 0.6999
}

TEST(NumericBoundaryTest, AttainmentCutOffsOverriddenAtTheBoundary) {
  // Cut-offs 0.7 and 0.9: P7 is exactly 0.7, P8 exactly 0.9.
  Report raised =
      EvaluateBuiltin(kAttainment, {{"attainment_threshold", "0.7"}, {"attainment_good", "0.9"}});
  ExpectPoints(raised, {{"P1", "0.6", "not_attained", 0},
                        {"P2", "0.8", "attained", 1},
                        {"P7", "0.7", "attained", 1},
                        {"P8", "0.9", "good", 1}});
  EXPECT_EQ(ItemOf(raised, "S4").level, "attained");  // min(0.7, 0.9)

  // Cut-offs a hair above 0.6 and 0.8 — the same doubles as 0.6 and 0.8.
  Report hair = EvaluateBuiltin(kAttainment, {{"attainment_threshold", "0.60000000000000001"},
                                              {"attainment_good", "0.80000000000000001"}});
  ExpectPoints(hair, {{"P1", "0.6", "not_attained", 0},
                      {"P2", "0.8", "attained", 1},
                      {"P5", "0.6", "not_attained", 0},
                      {"P6", "1", "good", 1}});
  EXPECT_EQ(ItemOf(hair, "S1").level, "not_attained");

  // The defaults written differently are the same cut-offs.
  Report written =
      EvaluateBuiltin(kAttainment, {{"attainment_threshold", "6e-1"}, {"attainment_good", "0.80"}});
  ExpectPoints(written, {{"P1", "0.6", "attained", 1}, {"P2", "0.8", "good", 1}});
}

// Who reaches the threshold, among students whose own values straddle it by less than the
// engine's 1e-9 double margin (docs/numbers.md): each is decided on their exact value.
//   SA 60 → 0.6 (at it)            SB 59.9999999999 → 0.599999999999 (below by 1e-12)
//   SC 60.0000000001 (above)       SD 59.99999999999999999 → the double 60.0, but below
//   SE 59.99 (below, outside the margin)
TEST(NumericBoundaryTest, ShareAtThresholdDecidesEveryStudentExactly) {
  const std::string dossier = R"({
  "program": {"id": "P1", "name": "达成度边界"},
  "school_standard": [{"id": "S1", "text": "a", "covers": ["G1"], "points": [{"id": "Q1", "text": "q"}]}],
  "courses": [{"id": "D1", "name": "d", "supports": [{"point": "Q1", "weight": "H"}],
    "assessments": [{"id": "B1", "weight": 1, "full_score": 100, "points": [{"point": "Q1", "weight": "H"}]}]}],
  "students": [{"id": "SA"}, {"id": "SB"}, {"id": "SC"}, {"id": "SD"}, {"id": "SE"}],
  "scores": [
    {"student": "SA", "assessment": "B1", "score": 60},
    {"student": "SB", "assessment": "B1", "score": 59.9999999999},
    {"student": "SC", "assessment": "B1", "score": 60.0000000001},
    {"student": "SD", "assessment": "B1", "score": 59.99999999999999999},
    {"student": "SE", "assessment": "B1", "score": 59.99}
  ]
})";
  for (const char* method : {"cohort", "per_student"}) {
    SCOPED_TRACE(method);
    Report report = EvaluateBuiltin(dossier, {{"attainment_students", method}});
    const PointAttainment& q = PointOf(report, "Q1");
    EXPECT_EQ(q.students, 5);
    EXPECT_EQ(q.students_at_threshold, 2);  // SA and SC
    ASSERT_TRUE(q.share_at_threshold);
    EXPECT_EQ(*q.share_at_threshold, 0.4);
  }
  // With the threshold at 0.599999999999 (SB's value) SB attains it too; SD is above it.
  Report lowered = EvaluateBuiltin(dossier, {{"attainment_threshold", "0.599999999999"}});
  EXPECT_EQ(PointOf(lowered, "Q1").students_at_threshold, 4);
}

}  // namespace
}  // namespace zhuoyue
