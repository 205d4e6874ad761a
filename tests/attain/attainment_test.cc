// Attainment (达成度) per shared/spec/criteria.md: the default method and every alternative
// on a small cohort whose values are worked out by hand below, the semantics of line 7 of
// "Semantics pinned down", the method parameters, and `attainment()` in the rule language.
//
// The cohort: items S1 (points S1.1, S1.2) and S2 (S2.1); students ST1–ST3.
//   C1 (4 credits) supports S1.1 (H) and S1.2 (M);
//      A1 weight 0.6, full 100, measures S1.1 (H): ST1 80, ST2 60, ST3 no score
//      A2 weight 0.4, full 50,  measures S1.1 (L) and S1.2 (H): ST1 40, ST2 20, ST3 30
//   C2 (2 credits) supports S1.1 (L); A3 weight 1, full 100, measures S1.1 (M): ST1 90, ST3 50
//   C3 supports S2.1 (H); A4 measures S2.1 but has no score.
// Cohort: A1 = 0.7, A2 = 0.6, A3 = 0.7.
//   value(C1, S1.1) = (0.6·3·0.7 + 0.4·1·0.6) / (1.8 + 0.4) = 15/22; value(C2, S1.1) = 0.7
//   S1.1 = (3 · 15/22 + 1 · 0.7) / 4 = 151/220; S1.2 = value(C1, S1.2) = 0.6; S2.1 = null
//   S1 = min(151/220, 0.6) = 0.6; S2 = null
// Per student, S1.1: ST1 (3·0.8 + 0.9)/4 = 0.825; ST2 = C1 only = 31/55; ST3 (3·0.6 + 0.5)/4 =
//   0.575 → 1 of 3 at 0.6, mean 36/55. S1.2: 0.8, 0.4, 0.6 → 2 of 3 (0.6 is at it), mean 0.6.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using ::testing::HasSubstr;

constexpr char kDossier[] = R"({
  "program": {"id": "P1", "name": "测试专业"},
  "school_standard": [
    {"id": "S1", "text": "工程知识", "covers": ["G1"],
     "points": [{"id": "S1.1", "text": "数学"}, {"id": "S1.2", "text": "工程基础"}]},
    {"id": "S2", "text": "问题分析", "covers": ["G2"], "points": [{"id": "S2.1", "text": "建模"}]}
  ],
  "courses": [
    {"id": "C1", "name": "高等数学", "credits": 4,
     "supports": [{"point": "S1.1", "weight": "H"}, {"point": "S1.2", "weight": "M"}],
     "assessments": [
       {"id": "A1", "weight": 0.6, "full_score": 100, "points": [{"point": "S1.1", "weight": "H"}]},
       {"id": "A2", "weight": 0.4, "full_score": 50,
        "points": [{"point": "S1.1", "weight": "L"}, {"point": "S1.2", "weight": "H"}]}]},
    {"id": "C2", "name": "线性代数", "credits": 2,
     "supports": [{"point": "S1.1", "weight": "L"}],
     "assessments": [
       {"id": "A3", "weight": 1, "full_score": 100, "points": [{"point": "S1.1", "weight": "M"}]}]},
    {"id": "C3", "name": "数学建模", "credits": 2,
     "supports": [{"point": "S2.1", "weight": "H"}],
     "assessments": [
       {"id": "A4", "weight": 1, "full_score": 100, "points": [{"point": "S2.1", "weight": "H"}]}]}
  ],
  "students": [{"id": "ST1"}, {"id": "ST2"}, {"id": "ST3"}],
  "scores": [
    {"student": "ST1", "assessment": "A1", "score": 80},
    {"student": "ST2", "assessment": "A1", "score": 60},
    {"student": "ST1", "assessment": "A2", "score": 40},
    {"student": "ST2", "assessment": "A2", "score": 20},
    {"student": "ST3", "assessment": "A2", "score": 30},
    {"student": "ST1", "assessment": "A3", "score": 90},
    {"student": "ST3", "assessment": "A3", "score": 50}
  ]
})";

std::shared_ptr<const Pack> Builtin() {
  auto pack = Pack::Builtin();
  EXPECT_TRUE(pack.ok()) << pack.status();
  return *pack;
}

Report EvaluateWith(const std::string& dossier_json,
                    std::vector<std::pair<std::string, std::string>> params = {},
                    std::shared_ptr<const Pack> pack = Builtin()) {
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(*pack, dossier_json, "cohort.json", &diagnostics);
  EXPECT_TRUE(dossier.ok()) << dossier.status();
  auto report = Evaluate(*pack, **dossier, {params});
  EXPECT_TRUE(report.ok()) << report.status();
  return *report;
}

const PointAttainment& Point(const Report& report, const std::string& id) {
  for (const PointAttainment& p : report.attainment.points) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no point " << id;
  static PointAttainment none;
  return none;
}

const ItemAttainment& Item(const Report& report, const std::string& id) {
  for (const ItemAttainment& i : report.attainment.items) {
    if (i.id == id) return i;
  }
  ADD_FAILURE() << "no item " << id;
  static ItemAttainment none;
  return none;
}

TEST(AttainmentTest, DefaultMethod) {
  Report report = EvaluateWith(kDossier);
  const Attainment& a = report.attainment;
  ASSERT_TRUE(a.computed);
  EXPECT_EQ(a.method.students, "cohort");
  EXPECT_EQ(a.method.courses, "weighted_mean");
  EXPECT_EQ(a.method.items, "minimum");
  EXPECT_EQ(a.method.weights, "support");
  EXPECT_THAT(a.formula, HasSubstr("最小值"));

  const PointAttainment& s11 = Point(report, "S1.1");
  ASSERT_TRUE(s11.value);
  EXPECT_NEAR(*s11.value, 151.0 / 220, 1e-12);
  EXPECT_EQ(s11.exact, "151/220");
  EXPECT_EQ(s11.item, "S1");
  EXPECT_EQ(s11.courses, 2);
  EXPECT_EQ(s11.students, 3);
  EXPECT_EQ(s11.students_at_threshold, 1);
  EXPECT_NEAR(*s11.share_at_threshold, 1.0 / 3, 1e-12);
  EXPECT_EQ(s11.level, "attained");

  const PointAttainment& s12 = Point(report, "S1.2");
  EXPECT_EQ(s12.exact, "0.6");
  EXPECT_EQ(s12.students_at_threshold, 2);  // ST3 at exactly 0.6 counts
  EXPECT_EQ(s12.level, "attained");

  const PointAttainment& s21 = Point(report, "S2.1");  // A4 has no score: null, not zero
  EXPECT_FALSE(s21.value);
  EXPECT_FALSE(s21.share_at_threshold);
  EXPECT_EQ(s21.students, 0);
  EXPECT_EQ(s21.courses, 0);
  EXPECT_EQ(s21.level, "unknown");

  EXPECT_EQ(Item(report, "S1").exact, "0.6");
  EXPECT_EQ(Item(report, "S1").points, 2);
  EXPECT_FALSE(Item(report, "S2").value);

  ASSERT_EQ(a.course_points.size(), 4u);
  const CourseAttainment& c1 = a.course_points[0];
  EXPECT_EQ(c1.course, "C1");
  EXPECT_EQ(c1.point, "S1.1");
  EXPECT_EQ(c1.exact, "15/22");
  EXPECT_EQ(c1.weight, 3);
  EXPECT_THAT(c1.assessments, ::testing::ElementsAre("A1", "A2"));
  EXPECT_EQ(c1.students, 3);
  EXPECT_EQ(c1.scores, 5);
  EXPECT_FALSE(a.course_points[3].value);  // C3 × S2.1
}

TEST(AttainmentTest, PerStudentMethod) {
  Report report = EvaluateWith(kDossier, {{"attainment_students", "per_student"}});
  EXPECT_EQ(Point(report, "S1.1").exact, "36/55");
  EXPECT_EQ(Point(report, "S1.2").exact, "0.6");
  EXPECT_THAT(report.attainment.formula, HasSubstr("每名学生"));
  // A course's value is then its students' mean too: C1 × S1.1 = (0.8 + 31/55 + 0.6) / 3.
  EXPECT_EQ(report.attainment.course_points[0].exact, "36/55");
}

TEST(AttainmentTest, MinimumAcrossCourses) {
  Report report = EvaluateWith(kDossier, {{"attainment_courses", "minimum"}});
  EXPECT_EQ(Point(report, "S1.1").exact, "15/22");
}

TEST(AttainmentTest, CreditsAsCourseWeights) {
  Report report = EvaluateWith(kDossier, {{"attainment_weights", "credits"}});
  EXPECT_EQ(Point(report, "S1.1").exact, "227/330");  // (4·15/22 + 2·0.7) / 6
}

TEST(AttainmentTest, MeanAcrossPoints) {
  Report report = EvaluateWith(kDossier, {{"attainment_items", "mean"}});
  EXPECT_EQ(Item(report, "S1").exact, "283/440");  // (151/220 + 0.6) / 2
}

TEST(AttainmentTest, CutOffsSetTheLevels) {
  Report report =
      EvaluateWith(kDossier, {{"attainment_threshold", "0.7"}, {"attainment_good", "0.68"}});
  EXPECT_EQ(Point(report, "S1.1").level, "good");          // 0.686 ≥ 0.68
  EXPECT_EQ(Point(report, "S1.2").level, "not_attained");  // 0.6 < 0.7
  EXPECT_EQ(Point(report, "S1.1").students_at_threshold, 1);
  EXPECT_EQ(Point(report, "S1.2").students_at_threshold, 1);  // only ST1's 0.8
}

// One student whose value is exactly the threshold, 0.6 = (0.1 × 0.16 + 0.2 × 0.82) ÷ 0.3,
// which double arithmetic computes as 0.5999999999999999: the count at the threshold is
// decided on the exact value, with either method.
TEST(AttainmentTest, AStudentExactlyAtTheThresholdAttainsIt) {
  const std::string dossier = R"({
  "program": {"id": "P1", "name": "测试专业"},
  "school_standard": [
    {"id": "S1", "text": "工程知识", "covers": ["G1"], "points": [{"id": "S1.1", "text": "数学"}]}
  ],
  "courses": [
    {"id": "C1", "name": "高等数学", "credits": 4, "supports": [{"point": "S1.1", "weight": "H"}],
     "assessments": [
       {"id": "A1", "weight": 0.1, "full_score": 100, "points": [{"point": "S1.1", "weight": 1}]},
       {"id": "A2", "weight": 0.2, "full_score": 100, "points": [{"point": "S1.1", "weight": 1}]}]}
  ],
  "students": [{"id": "ST1"}, {"id": "ST2"}],
  "scores": [
    {"student": "ST1", "assessment": "A1", "score": 16},
    {"student": "ST1", "assessment": "A2", "score": 82},
    {"student": "ST2", "assessment": "A1", "score": 16},
    {"student": "ST2", "assessment": "A2", "score": 81}
  ]
})";
  for (const char* method : {"cohort", "per_student"}) {
    Report report = EvaluateWith(dossier, {{"attainment_students", method}});
    const PointAttainment& point = Point(report, "S1.1");
    EXPECT_EQ(point.students, 2) << method;
    EXPECT_EQ(point.students_at_threshold, 1) << method;  // ST1 at 0.6, ST2 below it
    EXPECT_EQ(point.share_at_threshold, 0.5) << method;
  }
}

TEST(AttainmentTest, UnknownMethodNamesTheAllowedOnes) {
  auto pack = Builtin();
  auto dossier = Dossier::FromJson(*pack, kDossier, "cohort.json", nullptr);
  ASSERT_TRUE(dossier.ok());
  auto report = Evaluate(*pack, **dossier, {{{"attainment_courses", "median"}}});
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("weighted_mean, minimum"));
}

TEST(AttainmentTest, NoScoresTableLeavesEveryValueNull) {
  std::string json = kDossier;
  json = json.substr(0, json.find(",\n  \"scores\"")) + "\n}";
  Report report = EvaluateWith(json);
  EXPECT_FALSE(report.attainment.computed);
  ASSERT_EQ(report.attainment.points.size(), 3u);
  for (const PointAttainment& p : report.attainment.points) {
    EXPECT_FALSE(p.value) << p.id;
    EXPECT_EQ(p.students, 0);
  }
}

TEST(AttainmentTest, ASupportingCourseWithoutMeasuringAssessmentIsLeftOut) {
  // C2's only assessment stops measuring S1.1: S1.1 rests on C1 alone, not on a zero.
  std::string json = kDossier;
  std::string from =
      R"("id": "A3", "weight": 1, "full_score": 100, "points": [{"point": "S1.1", "weight": "M"}])";
  ASSERT_NE(json.find(from), std::string::npos);
  json.replace(json.find(from), from.size(),
               R"("id": "A3", "weight": 1, "full_score": 100, "points": [])");
  Report report = EvaluateWith(json);
  EXPECT_EQ(Point(report, "S1.1").exact, "15/22");
  EXPECT_EQ(Point(report, "S1.1").courses, 1);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `attainment(p)` in a rule: met, not_met (a null point fails the comparison) and pending
// (no scores at all).
TEST(AttainmentTest, TheRuleLanguageReadsAttainment) {
  std::string schema = ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/dsl/zhuoyue/schema.zy");
  std::string general =
      ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/dsl/zhuoyue/general_standard.zy");
  auto pack = Pack::FromSources({{"schema.zy", schema},
                                 {"general_standard.zy", general},
                                 {"rules.zy", R"(pack attain version "1"
requirement 1 "达成度" {
  criterion 1.1 computed "学校标准 S1 的标准点达成度均不低于 0.6" =
      every s in school_standard where s.id == "S1": every p in s.points: attainment(p) >= 0.6
  criterion 1.2 computed "每个标准点达成度不低于 0.6" = every p in points: attainment(p) >= 0.6
  criterion 1.3 computed "每项学校标准达成度不低于 0.65" =
      every s in school_standard: attainment(s) >= 0.65
}
)"}},
                                nullptr);
  ASSERT_TRUE(pack.ok()) << pack.status();
  Report report = EvaluateWith(kDossier, {}, *pack);
  auto verdict = [&](const std::string& id) {
    for (const auto& r : report.requirements) {
      for (const auto& c : r.criteria) {
        if (c.id == id) return c.verdict;
      }
    }
    return Verdict::kPending;
  };
  EXPECT_EQ(verdict("1.1"), Verdict::kMet);
  EXPECT_EQ(verdict("1.2"), Verdict::kNotMet);  // S2.1 is null
  EXPECT_EQ(verdict("1.3"), Verdict::kNotMet);  // S1 = 0.6 < 0.65

  std::string json = kDossier;
  json = json.substr(0, json.find(",\n  \"scores\"")) + "\n}";
  Report unscored = EvaluateWith(json, {}, *pack);
  for (const auto& c : unscored.requirements[0].criteria) {
    EXPECT_EQ(c.verdict, Verdict::kPending) << c.id;
    EXPECT_THAT(c.missing, ::testing::Contains("scores")) << c.id;
  }
}

TEST(AttainmentTest, APackDeclaringAnUnknownMethodIsRefused) {
  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::FromSources({{"rules.zy", R"(pack attain version "1"
param attainment_courses = "median"
param attainment_threshold = "high"
)"}},
                                &diagnostics);
  ASSERT_FALSE(pack.ok());
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].code, "ZY1103");
  EXPECT_EQ(diagnostics[0].line, 2);
  EXPECT_THAT(diagnostics[0].help, HasSubstr("one of: weighted_mean, minimum"));
  EXPECT_THAT(diagnostics[1].help, HasSubstr("a number"));
}

TEST(AttainmentTest, AttainmentTakesAPointOrAnItem) {
  std::vector<Diagnostic> diagnostics;
  std::string schema = ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/dsl/zhuoyue/schema.zy");
  std::string general =
      ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/dsl/zhuoyue/general_standard.zy");
  auto pack = Pack::FromSources({{"schema.zy", schema},
                                 {"general_standard.zy", general},
                                 {"rules.zy", R"(pack attain version "1"
requirement 1 "达成度" {
  criterion 1.1 computed "x" = every c in courses: attainment(c) >= 0.6
}
)"}},
                                &diagnostics);
  ASSERT_FALSE(pack.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, "ZY1103");
  EXPECT_THAT(diagnostics[0].message, HasSubstr("standard point"));
}

}  // namespace
}  // namespace zhuoyue
