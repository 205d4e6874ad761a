// Change impact between two reports (report/diff.h), and reading a report back from its
// JSON: the round trip through RenderJson, the located errors, and diffs of the examples.
#include "report/diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using Json = nlohmann::ordered_json;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;

Quantity Exact(double value, std::string exact) {
  Quantity q;
  q.value = value;
  q.exact = std::move(exact);
  return q;
}

CriterionResult Criterion(std::string id, Verdict verdict, std::optional<Quantity> value = {},
                          std::optional<Quantity> threshold = {}) {
  CriterionResult c{.id = std::move(id), .kind = "computed", .verdict = verdict};
  c.value = std::move(value);
  c.threshold = std::move(threshold);
  return c;
}

Report Base() {
  Report r;
  r.program = "P-1";
  r.pack = "zhuoyue";
  r.pack_version = "1.0.0";
  r.params = {{"industry_years_min", "5"}, {"foreign_student_share", "0.1"}};
  r.overall = "passed_and_met";
  r.eligibility = {{.id = "first_cohort_graduated", .verdict = Verdict::kMet}};
  r.general_standard = {{.id = "G1", .verdict = Verdict::kMet, .covered_by = {"S1"}}};
  RequirementResult five{
      .id = "5", .title = "教师队伍建设", .verdict = Verdict::kMet, .level = "distinction"};
  CriterionResult c52 = Criterion("5.2", Verdict::kMet, Exact(8, "8"), Exact(8, "8"));
  c52.comparison = "all";
  CriterionResult c54 = Criterion("5.4", Verdict::kMet, Exact(20, "20"), Exact(20, "20"));
  c54.comparison = "all";
  CriterionResult c98 = Criterion("9.8", Verdict::kMet, Exact(2.0 / 15, "2/15"), Exact(0.1, "0.1"));
  c98.comparison = ">=";
  five.criteria = {c52, c54, c98, Criterion("5.3", Verdict::kMet)};
  r.requirements = {five};
  r.coverage.uncovered_points = {"S3.1"};
  r.coverage.orphan_courses = {"C40", "C41"};
  r.attainment.computed = true;
  r.attainment.points = {{.id = "S1.1", .value = 0.7, .level = "attained"},
                         {.id = "S1.2", .value = 0.8, .level = "good"},
                         {.id = "S2.1", .level = "unknown"},
                         {.id = "S2.2", .value = 0.5, .level = "not_attained"},
                         {.id = "S9.9", .value = 0.9, .level = "good"}};
  return r;
}

TEST(Diff, AReportAgainstItselfHasNoChange) {
  ReportDiff diff = CompareReports(Base(), Base());
  EXPECT_TRUE(diff.empty());
  EXPECT_EQ(RenderDiffText(diff, Language::kEn), "no change\n");
  Json json = Json::parse(RenderDiffJson(diff));
  EXPECT_EQ(json["format"], "zhuoyue.diff/1");
  EXPECT_EQ(json["changed"], false);
  EXPECT_EQ(json["overall"]["changed"], false);
  EXPECT_THAT(json["criteria"], IsEmpty());
  EXPECT_THAT(json["coverage"]["uncovered_points"]["new"], IsEmpty());
}

TEST(Diff, OverallRequirementsAndCriteria) {
  Report now = Base();
  now.overall = "passed_not_met";
  RequirementResult& five = now.requirements[0];
  five.verdict = Verdict::kNotMet;
  five.level = "not_met";
  five.criteria[0].verdict = Verdict::kNotMet;  // 5.2: 8 of 8 → 7 of 8, T02 fails
  five.criteria[0].value = Exact(7, "7");
  five.criteria[0].witnesses = {"T02"};
  five.criteria[0].message = "7 of 8 hold; failing: T02";
  five.criteria[1].witnesses = {};                   // 5.4 unchanged
  five.criteria[2].value = Exact(1.0 / 15, "1/15");  // 9.8: 2/15 → 1/15, not met
  five.criteria[2].verdict = Verdict::kNotMet;

  ReportDiff diff = CompareReports(Base(), now);
  EXPECT_FALSE(diff.empty());
  EXPECT_TRUE(diff.overall_changed());
  EXPECT_EQ(diff.old_overall, "passed_and_met");
  EXPECT_EQ(diff.new_overall, "passed_not_met");
  ASSERT_EQ(diff.requirements.size(), 1u);
  EXPECT_EQ(diff.requirements[0].id, "5");
  EXPECT_EQ(diff.requirements[0].old_level, "distinction");
  EXPECT_EQ(diff.requirements[0].new_level, "not_met");
  EXPECT_EQ(diff.requirements[0].old_verdict, Verdict::kMet);
  EXPECT_EQ(diff.requirements[0].new_verdict, Verdict::kNotMet);

  ASSERT_EQ(diff.criteria.size(), 2u);
  const ReportDiff::CriterionChange& c52 = diff.criteria[0];
  EXPECT_EQ(c52.id, "5.2");
  EXPECT_EQ(c52.requirement, "5");
  EXPECT_TRUE(c52.verdict_changed());
  EXPECT_EQ(c52.old_value->value, 8);
  EXPECT_EQ(c52.new_value->value, 7);
  EXPECT_THAT(c52.now_failing, ElementsAre("T02"));
  EXPECT_THAT(c52.no_longer_failing, IsEmpty());
  EXPECT_EQ(diff.criteria[1].id, "9.8");

  std::string text = RenderDiffText(diff, Language::kEn);
  EXPECT_THAT(text, HasSubstr("overall: passed_and_met → passed_not_met\n"));
  EXPECT_THAT(text, HasSubstr("  5 教师队伍建设  met (level distinction) → not_met\n"));
  EXPECT_THAT(text, HasSubstr("  5.2  met → not_met  holds 8 of 8 → 7 of 8\n"
                              "      now failing: T02\n"));
  EXPECT_THAT(text, HasSubstr("  9.8  met → not_met  value 0.133333 → 0.0666667, needs >= 0.1\n"));

  Json json = Json::parse(RenderDiffJson(diff));
  EXPECT_EQ(json["changed"], true);
  EXPECT_EQ(json["overall"]["new"], "passed_not_met");
  EXPECT_EQ(json["requirements"][0]["new_level"], "not_met");
  EXPECT_EQ(json["criteria"][0]["old"]["value"], 8);
  EXPECT_EQ(json["criteria"][0]["new"]["value"], 7);
  EXPECT_EQ(json["criteria"][0]["new"]["verdict"], "not_met");
  EXPECT_EQ(json["criteria"][0]["now_failing"], Json::array({"T02"}));
}

TEST(Diff, AValueThatMovesWithoutChangingTheVerdictIsListed) {
  Report now = Base();
  now.requirements[0].criteria[1].value = Exact(21, "21");
  now.requirements[0].criteria[1].threshold = Exact(21, "21");
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.criteria.size(), 1u);
  EXPECT_FALSE(diff.criteria[0].verdict_changed());
  EXPECT_THAT(RenderDiffText(diff, Language::kEn),
              HasSubstr("  5.4  met (unchanged)  holds 20 of 20 → 21 of 21\n"));
}

TEST(Diff, WitnessesThatChangeAtTheSameCount) {
  Report old_report = Base(), now = Base();
  old_report.requirements[0].criteria[0].witnesses = {"T01"};
  now.requirements[0].criteria[0].witnesses = {"T02"};
  ReportDiff diff = CompareReports(old_report, now);
  ASSERT_EQ(diff.criteria.size(), 1u);
  EXPECT_THAT(diff.criteria[0].now_failing, ElementsAre("T02"));
  EXPECT_THAT(diff.criteria[0].no_longer_failing, ElementsAre("T01"));
  EXPECT_THAT(RenderDiffText(diff, Language::kEn), HasSubstr("      no longer failing: T01\n"));
}

TEST(Diff, RangesAndUndefinedValues) {
  Report now = Base();
  Quantity range;
  range.range = true;
  range.minimum = 292;
  range.maximum = 302.5;
  now.requirements[0].criteria[2].value = range;
  now.requirements[0].criteria[2].verdict = Verdict::kPending;
  Quantity undefined;
  undefined.undefined = true;
  now.requirements[0].criteria[3].value = undefined;
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.criteria.size(), 2u);
  std::string text = RenderDiffText(diff, Language::kEn);
  EXPECT_THAT(text, HasSubstr("9.8  met → pending  value 0.133333 → [292, 302.5], needs >= 0.1"));
  EXPECT_THAT(text, HasSubstr("5.3  met (unchanged)  value none → null"));
  Json json = Json::parse(RenderDiffJson(diff));
  EXPECT_TRUE(json["criteria"][0]["new"]["value"].is_null());
  EXPECT_EQ(json["criteria"][0]["new"]["value_range"]["max"], 302.5);
}

TEST(Diff, CoverageGapsOpenedAndClosedPerList) {
  Report now = Base();
  now.coverage.uncovered_points = {};
  now.coverage.unassessed_points = {"S8.2"};
  now.coverage.orphan_courses = {"C41", "C42"};
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.coverage.size(), 3u);
  EXPECT_EQ(diff.coverage[0].list, "uncovered_points");
  EXPECT_THAT(diff.coverage[0].closed, ElementsAre("S3.1"));
  EXPECT_THAT(diff.coverage[0].opened, IsEmpty());
  EXPECT_EQ(diff.coverage[1].list, "unassessed_points");
  EXPECT_THAT(diff.coverage[1].opened, ElementsAre("S8.2"));
  EXPECT_EQ(diff.coverage[2].list, "orphan_courses");
  EXPECT_THAT(diff.coverage[2].opened, ElementsAre("C42"));
  EXPECT_THAT(diff.coverage[2].closed, ElementsAre("C40"));
  std::string text = RenderDiffText(diff, Language::kEn);
  EXPECT_THAT(text, HasSubstr("  uncovered_points: closed S3.1\n"));
  EXPECT_THAT(text, HasSubstr("  orphan_courses: new C42; closed C40\n"));
  Json json = Json::parse(RenderDiffJson(diff));
  EXPECT_EQ(json["coverage"]["unassessed_points"]["new"], Json::array({"S8.2"}));
  EXPECT_THAT(json["coverage"]["courses_without_assessment"]["new"], IsEmpty());
}

TEST(Diff, AttainmentMovesWithNulls) {
  Report now = Base();
  std::vector<PointAttainment>& points = now.attainment.points;
  points[0].value = 0.75;  // S1.1 0.7 → 0.75
  points[2].value = 0.6;   // S2.1 null → 0.6
  points[2].level = "attained";
  points[3].value.reset();  // S2.2 0.5 → null
  points[3].level = "unknown";
  points.pop_back();                                     // S9.9 gone
  points.push_back({.id = "S3.1", .level = "unknown"});  // a new point, null
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.attainment.size(), 5u);
  const auto& up = diff.attainment[0];
  EXPECT_EQ(up.point, "S1.1");
  EXPECT_NEAR(*up.delta, 0.05, 1e-12);
  EXPECT_EQ(diff.attainment[1].point, "S2.1");
  EXPECT_FALSE(diff.attainment[1].old_value.has_value());
  EXPECT_FALSE(diff.attainment[1].delta.has_value());
  EXPECT_EQ(diff.attainment[2].point, "S2.2");
  EXPECT_FALSE(diff.attainment[2].new_value.has_value());
  EXPECT_EQ(diff.attainment[3].point, "S3.1");
  EXPECT_FALSE(diff.attainment[3].in_old);
  EXPECT_EQ(diff.attainment[4].point, "S9.9");
  EXPECT_FALSE(diff.attainment[4].in_new);

  std::string text = RenderDiffText(diff, Language::kEn);
  EXPECT_THAT(text, HasSubstr("  S1.1  0.700 → 0.750  (+0.050)\n"));
  EXPECT_THAT(text, HasSubstr("  S2.1  null → 0.600  unknown → attained\n"));
  EXPECT_THAT(text, HasSubstr("  S2.2  0.500 → null  not_attained → unknown\n"));
  EXPECT_THAT(text, HasSubstr("  S3.1  absent → null\n"));
  EXPECT_THAT(text, HasSubstr("  S9.9  0.900 → absent\n"));
  Json json = Json::parse(RenderDiffJson(diff));
  EXPECT_TRUE(json["attainment"][1]["old"].is_null());
  EXPECT_EQ(json["attainment"][1]["new"], 0.6);
  EXPECT_TRUE(json["attainment"][1]["delta"].is_null());
  EXPECT_EQ(json["attainment"][4]["in_new"], false);
}

TEST(Diff, RulesInForce) {
  Report now = Base();
  now.params[0].second = "3";
  now.params[1].second = "0.10";  // the same number
  now.pack_version = "1.1.0";
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.rules.size(), 2u);
  EXPECT_EQ(diff.rules[0].name, "version");
  EXPECT_EQ(diff.rules[1].name, "industry_years_min");
  EXPECT_EQ(diff.rules[1].old_value, "5");
  EXPECT_EQ(diff.rules[1].new_value, "3");
  EXPECT_THAT(RenderDiffText(diff, Language::kEn), HasSubstr("  industry_years_min: 5 → 3\n"));
}

TEST(Diff, EntitiesInOnlyOneReport) {
  Report now = Base();
  now.requirements[0].criteria.pop_back();  // 5.3 removed
  now.requirements.push_back(
      {.id = "10", .title = "学校支持保障", .verdict = Verdict::kPending, .level = "pending"});
  now.requirements.back().criteria = {Criterion("10.1", Verdict::kPending)};
  ReportDiff diff = CompareReports(Base(), now);
  ASSERT_EQ(diff.requirements.size(), 1u);
  EXPECT_FALSE(diff.requirements[0].old_verdict.has_value());
  ASSERT_EQ(diff.criteria.size(), 2u);
  EXPECT_EQ(diff.criteria[0].id, "5.3");
  EXPECT_FALSE(diff.criteria[0].new_verdict.has_value());
  EXPECT_EQ(diff.criteria[1].id, "10.1");
  std::string text = RenderDiffText(diff, Language::kEn);
  EXPECT_THAT(text, HasSubstr("  5.3  met → absent\n"));
  EXPECT_THAT(text, HasSubstr("  10 学校支持保障  absent → pending\n"));
}

// --- Reading a report back ---

// Every key RenderJson writes reads back to the same JSON.
TEST(DiffReadBack, RoundTripsAHandBuiltReport) {
  Report r = Base();
  r.overall_label = "通过";
  r.requirements[0].at_least = 3;
  r.requirements[0].level_label = "达到专门要求";
  r.requirements[0].materials = {{.id = "5.1", .title = "名单", .provided = true},
                                 {.id = "5.2", .title = "证明"}};
  CriterionResult& c = r.requirements[0].criteria[3];
  c.judgement = Verdict::kNotMet;
  c.what_if = "what if: 1 more";
  c.missing = {"teachers[3].industry_years"};
  c.text = "原文";
  c.message = "消息";
  Quantity range;
  range.range = true;
  range.maximum = 1;
  c.value = range;
  Quantity undefined;
  undefined.undefined = true;
  c.threshold = undefined;
  r.coverage.gaps = {{.kind = "uncovered_point", .id = "S3.1", .path = {"G3", "S3", "S3.1"}}};
  r.attainment.formula = "公式";
  r.attainment.method.students = "per_student";
  r.attainment.method.threshold = 0.7;
  r.attainment.points[0].share_at_threshold = 0.25;
  r.attainment.points[0].exact = "7/10";
  r.attainment.items = {
      {.id = "S1", .value = 0.7, .exact = "7/10", .points = 2, .level = "attained"}};
  r.attainment.course_points = {{.course = "C1",
                                 .point = "S1.1",
                                 .value = 0.7,
                                 .weight = 3,
                                 .assessments = {"A1"},
                                 .students = 4,
                                 .scores = 8}};
  r.matrix.points = {{.id = "S1.1", .item = "S1", .text = "点"}};
  r.matrix.courses = {
      {.id = "C1", .name = "课", .core = false, .credits = "3", .methods = {"lab"}}};
  r.matrix.cells = {
      {.point = 0, .course = 0, .weight = "M", .weight_value = 2, .assessments = {"A1"}}};
  r.matrix.items = {{.id = "S1", .text = "项", .covers = {"G1", "G3"}}};

  std::string json = RenderJson(r);
  absl::StatusOr<Report> back = ParseReportJson(json);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(RenderJson(*back), json);
  EXPECT_TRUE(CompareReports(r, *back).empty());
  EXPECT_EQ(back->matrix.cells[0].weight_value, 2);
  EXPECT_EQ(back->requirements[0].criteria[3].judgement, Verdict::kNotMet);
}

absl::StatusOr<Report> EvaluateExample(const std::string& name,
                                       const EvaluateOptions& options = {}) {
  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::Builtin();
  if (!pack.ok()) return pack.status();
  auto dossier = Dossier::FromFile(
      **pack, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json", &diagnostics);
  if (!dossier.ok()) return dossier.status();
  return Evaluate(**pack, **dossier, options);
}

class DiffExampleRoundTrip : public testing::TestWithParam<const char*> {};

// A filed report compares equal to a fresh evaluation of its dossier.
TEST_P(DiffExampleRoundTrip, ReadsBackToTheSameReport) {
  absl::StatusOr<Report> report = EvaluateExample(GetParam());
  ASSERT_TRUE(report.ok()) << report.status();
  std::string json = RenderJson(*report);
  absl::StatusOr<Report> back = ReportFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(RenderJson(*back), json);
  ReportDiff diff = DiffReports(*report, *back);
  EXPECT_TRUE(diff.empty()) << DiffToText(diff, Language::kEn);
}

INSTANTIATE_TEST_SUITE_P(Examples, DiffExampleRoundTrip,
                         testing::Values("compliant", "failing", "incomplete"));

TEST(DiffReadBack, ProblemsAreLocated) {
  auto problem = [](std::string_view json) {
    absl::StatusOr<Report> report = ParseReportJson(json);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(report.status().message());
  };
  EXPECT_THAT(problem("{\"format\": "), HasSubstr("not valid JSON"));
  EXPECT_THAT(problem("[1, 2]"), HasSubstr("expected a JSON object"));
  EXPECT_THAT(problem(R"({"program": "x"})"), HasSubstr("no \"format\""));
  EXPECT_THAT(problem(R"({"format": "zhuoyue.dossier/1"})"),
              HasSubstr("its format is \"zhuoyue.dossier/1\", expected \"zhuoyue.report/1\""));
  EXPECT_THAT(problem(R"({"format": "zhuoyue.report/1", "overall": "pending",
                          "requirements": []})"),
              HasSubstr("/: no \"program\""));
  EXPECT_THAT(problem(R"({"format": "zhuoyue.report/1", "program": "x", "overall": "pending",
                          "requirements": [{"id": "1", "verdict": "met", "criteria": [
                            {"id": "1.1", "verdict": "met"}, {"id": "1.2", "verdict": "maybe"}]}]})"),
              HasSubstr("/requirements/0/criteria/1/verdict: expected met, not_met or pending"));
  EXPECT_THAT(problem(R"({"format": "zhuoyue.report/1", "program": "x", "overall": "pending",
                          "requirements": [], "coverage": {"orphan_courses": [1]}})"),
              HasSubstr("/coverage/orphan_courses/0: expected a string"));
  EXPECT_THAT(problem(R"({"format": "zhuoyue.report/1", "program": "x", "overall": "pending",
                          "requirements": [], "attainment": {"points": [{"id": "S1", "value": "high"}]}})"),
              HasSubstr("/attainment/points/0/value: expected a number or null"));
}

TEST(DiffReadBack, AnOlderReportWithoutAttainmentReads) {
  absl::StatusOr<Report> report = ParseReportJson(
      R"({"format": "zhuoyue.report/1", "program": "x", "overall": "pending",
          "requirements": [], "unknown_key": {"ignored": true}})");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->attainment.computed);
  EXPECT_THAT(report->attainment.points, IsEmpty());
}

TEST(DiffJsonFormatOf, TheTopLevelFormatKey) {
  EXPECT_EQ(JsonFormatOf(R"({"format": "zhuoyue.report/1"})"), "zhuoyue.report/1");
  EXPECT_EQ(JsonFormatOf(R"({"program": {"format": "x"}})"), "");
  EXPECT_EQ(JsonFormatOf("not json"), "");
  EXPECT_EQ(JsonFormatOf(R"({"format": 1})"), "");
}

// --- Diffs of the examples ---

TEST(Diff, CompliantToFailing) {
  absl::StatusOr<Report> compliant = EvaluateExample("compliant");
  absl::StatusOr<Report> failing = EvaluateExample("failing");
  ASSERT_TRUE(compliant.ok() && failing.ok());
  ReportDiff diff = DiffReports(*compliant, *failing);
  EXPECT_EQ(diff.old_overall, "passed_and_met");
  EXPECT_EQ(diff.new_overall, "passed_not_met");
  std::vector<std::string> changed;
  for (const auto& c : diff.criteria) {
    if (c.verdict_changed()) changed.push_back(c.id);
  }
  EXPECT_THAT(changed, ElementsAre("1.1", "2.2", "2.5", "5.2", "5.4", "7.2", "9.8"));
  ASSERT_FALSE(diff.coverage.empty());
  EXPECT_EQ(diff.coverage[0].list, "uncovered_points");
  EXPECT_THAT(diff.coverage[0].opened, ElementsAre("S3.1"));
  EXPECT_TRUE(DiffReports(*failing, *failing).empty());
}

TEST(Diff, AParameterChangesTheRulesAndTheVerdicts) {
  absl::StatusOr<Report> five = EvaluateExample("failing");
  absl::StatusOr<Report> strict =
      EvaluateExample("failing", {.params = {{"industry_years_min", "20"}}});
  ASSERT_TRUE(five.ok() && strict.ok());
  ReportDiff diff = DiffReports(*five, *strict);
  ASSERT_FALSE(diff.rules.empty());
  EXPECT_EQ(diff.rules[0].name, "industry_years_min");
  EXPECT_EQ(diff.rules[0].old_value, "5");
  EXPECT_EQ(diff.rules[0].new_value, "20");
  EXPECT_FALSE(diff.criteria.empty());
}

}  // namespace
}  // namespace zhuoyue
