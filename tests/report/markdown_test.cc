// RenderMarkdown (lib/report/markdown.cc): hand-built reports for every section, escaping and
// the language switch; the three examples evaluated with the built-in pack, kept as golden
// files tests/golden/<example>.md. After an intended change, run with ZHUOYUE_UPDATE_GOLDEN=1
// and review the diff.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "report/examples.h"
#include "report/labels.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using report_test::EvaluateExample;
using report_test::ReadFile;

using ::testing::HasSubstr;
using ::testing::Not;

Quantity ExactQuantity(double value, std::string exact) {
  Quantity q;
  q.value = value;
  q.exact = std::move(exact);
  return q;
}

Quantity RangeQuantity(std::optional<double> minimum, std::optional<double> maximum) {
  Quantity q;
  q.range = true;
  q.minimum = minimum;
  q.maximum = maximum;
  return q;
}

// One of each: a failing share with a what-if, a failing rule over members with witnesses, a
// pending range with missing data, a judged criterion, materials in the three states, gaps with
// their paths, attainment with a null value and a 2 × 3 realisation matrix.
Report SmallReport() {
  Report report;
  report.program = "P-1";
  report.program_name = "软件工程";
  report.pack = "zhuoyue";
  report.pack_version = "1.0.0";
  report.params = {{"foreign_student_share", "0.1"}, {"label", "\"a|b\""}};
  report.overall = "passed_not_met";
  report.overall_label = "通过工程教育专业认证但未达到卓越计划专门要求";
  report.eligibility = {{"accreditation", Verdict::kMet, "已通过认证"}};
  report.general_standard = {{"G1", "职业道德", Verdict::kMet, {"S1", "S2"}},
                             {"G2", "数学知识", Verdict::kNotMet, {}}};

  RequirementResult r9;
  r9.id = "9";
  r9.title = "工程教育面向世界";
  r9.verdict = Verdict::kNotMet;
  r9.level = "not_met";
  r9.level_label = "没有达到专门要求";
  r9.at_least = 3;
  CriterionResult share;
  share.id = "9.8";
  share.kind = "computed";
  share.text = "试点专业有不少于 10% 的外国留学生";
  share.verdict = Verdict::kNotMet;
  share.value = ExactQuantity(1.0 / 15, "1/15");
  share.threshold = ExactQuantity(0.1, "0.1");
  share.comparison = ">=";
  share.what_if = "what if: 1 more of the 30 satisfying it, or 2 new ones that do";
  r9.criteria.push_back(share);
  CriterionResult every;
  every.id = "9.1";
  every.kind = "computed";
  every.text = "教师 | 国际背景\n第二行";
  every.verdict = Verdict::kNotMet;
  every.value = ExactQuantity(7, "7");
  every.threshold = ExactQuantity(8, "8");
  every.comparison = "all";
  every.witnesses = {"T02", "T_9"};
  r9.criteria.push_back(every);
  CriterionResult pending;
  pending.id = "9.6";
  pending.kind = "computed";
  pending.text = "多数学生参加交流";
  pending.verdict = Verdict::kPending;
  pending.value = RangeQuantity(0, 1);
  pending.threshold = ExactQuantity(0.5, "0.5");
  pending.comparison = ">";
  pending.missing = {"students[0].exchange", "students[1].exchange"};
  r9.criteria.push_back(pending);
  CriterionResult judged;
  judged.id = "9.3";
  judged.kind = "judged";
  judged.text = "采取国际化的教学方式";
  judged.verdict = Verdict::kMet;
  judged.judgement = Verdict::kMet;
  r9.criteria.push_back(judged);
  CriterionResult open;
  open.id = "9.10";
  open.kind = "computed";
  open.text = "经费";
  open.verdict = Verdict::kMet;
  open.value = RangeQuantity(3500000, std::nullopt);
  open.threshold = ExactQuantity(0, "0");
  open.comparison = ">";
  r9.criteria.push_back(open);
  r9.materials = {{"9.1", "教师清单", true}, {"9.2", "课程大纲", false}, {"9.3", "合作文本", {}}};
  report.requirements.push_back(r9);

  report.coverage.uncovered_points = {"S3.1"};
  report.coverage.courses_without_assessment = {"C15"};
  report.coverage.gaps = {{"uncovered_general_point", "G2", {"G2"}},
                          {"uncovered_point", "S3.1", {"I2", "S3", "S3.1"}},
                          {"course_without_assessment", "C15", {"G11", "S8", "S8.2", "C15"}}};

  report.attainment.computed = true;
  PointAttainment good{"S1.1", "S1", 0.85, "0.85", 2, 20, 0.9, 18, "good"};
  PointAttainment none{"S1.2", "S1", std::nullopt, "", 0, 0, std::nullopt, 0, "unknown"};
  PointAttainment third{"S2.1", "S2", 2.0 / 3, "2/3", 1, 10, 0.5, 5, "attained"};
  report.attainment.points = {good, none, third};
  report.attainment.items = {{"S1", 0.85, "0.85", 1, "good"},
                             {"S2", 2.0 / 3, "2/3", 1, "attained"}};
  report.attainment.course_points = {{"C01", "S1.1", 0.85, "0.85", 3, {"A01", "A02"}, 20, 40}};

  report.matrix.points = {{"S1.1", "S1", "理解职业道德"}, {"S1.2", "S1", "考虑安全 | 环境"}};
  MatrixCourse c1{"C01", "工程伦理", "course", true, "3", "2", "school", {"case", "lecture"}};
  MatrixCourse c2{"C02", "企业实习", "internship", false, "", "", "enterprise", {}};
  MatrixCourse c3{"C03", "毕业设计", "thesis", std::nullopt, "8", "12", "enterprise", {"project"}};
  report.matrix.courses = {c1, c2, c3};
  report.matrix.cells = {
      {0, 0, "H", 3, {"A01", "A02"}}, {1, 1, "M", 2, {}}, {1, 2, "0.5", 0.5, {"A09"}}};
  report.matrix.items = {{"S1", "职业道德与责任", {"G1", "I1"}}, {"S2", "数学", {"G1"}}};
  return report;
}

// The number of cells of a table line: pipes that no backslash escapes, less one.
int CellCount(std::string_view line) {
  int pipes = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '|') continue;
    size_t backslashes = 0;
    while (backslashes < i && line[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) ++pipes;
  }
  return pipes - 1;
}

// Every table: each row has as many cells as its header, and no line of it is broken.
void ExpectWellFormedTables(const std::string& markdown) {
  std::istringstream lines(markdown);
  std::string line;
  int columns = -1;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line[0] != '|') {
      columns = -1;
      continue;
    }
    EXPECT_EQ(line.back(), '|') << "line " << number << ": " << line;
    if (columns < 0) {
      columns = CellCount(line);
    } else {
      EXPECT_EQ(CellCount(line), columns) << "line " << number << ": " << line;
    }
  }
}

// The table line whose first cell is `first`.
std::string Row(const std::string& markdown, const std::string& first) {
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("| " + first + " |")) return line;
  }
  return "";
}

TEST(MarkdownTest, TitleNamesTheProgramAndThePack) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_TRUE(md.starts_with("# 卓越计划实施工作评价报告：P-1 软件工程\n\n")) << md.substr(0, 200);
  EXPECT_THAT(md, HasSubstr("- 评价规则：zhuoyue 1.0.0\n"));
  EXPECT_THAT(md, HasSubstr("`foreign_student_share` = `0.1`"));
  EXPECT_TRUE(md.ends_with("|\n")) << "ends in one newline";
  EXPECT_FALSE(md.ends_with("\n\n"));
}

TEST(MarkdownTest, OverallResultAndRequirementsTable) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_THAT(md, HasSubstr("## 评价结论\n\n**✗ 通过工程教育专业认证但未达到卓越计划专门要求**（`"
                            "passed_not_met`）\n"));
  EXPECT_EQ(Row(md, "9"), "| 9 | 工程教育面向世界 | ✗ 未达到 | 没有达到专门要求 | 2/5 |");
}

TEST(MarkdownTest, EligibilityAndGeneralStandard) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_EQ(Row(md, "accreditation"), "| accreditation | ✓ 达到 | 已通过认证 |");
  EXPECT_THAT(md, HasSubstr("学校标准覆盖通用标准 2 条中的 1 条。"));
  EXPECT_EQ(Row(md, "G1"), "| G1 | 职业道德 | ✓ 达到 | S1, S2 |");
  EXPECT_EQ(Row(md, "G2"), "| G2 | 数学知识 | ✗ 未达到 | — |");
}

TEST(MarkdownTest, CriteriaTableHasVerdictTextMeasureWitnessesMissingAndWhatIf) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_THAT(md,
              HasSubstr("### 专门要求 9 工程教育面向世界\n\n结论：**✗ 未达到** — 没有达到专门要求"
                        "（至少 3 条判断依据须达到）"));
  EXPECT_THAT(md, HasSubstr("| 判断依据 | 类型 | 结论 | 内容 | 测得与要求 | 不满足的对象 | "
                            "缺少的数据 | 假如 |"));
  EXPECT_EQ(
      Row(md, "9.8"),
      "| 9.8 | 数据计算 | ✗ 未达到 | 试点专业有不少于 10% 的外国留学生 | "
      "测得 1/15 (≈0.06667)，要求 ≥ 0.1 |  |  | 假如 30 个中再有 1 个成立，或新增 2 个成立的 |");
  EXPECT_EQ(Row(md, "9.6"),
            "| 9.6 | 数据计算 | ? 待定 | 多数学生参加交流 | 测得 [0, 1]，要求 > 0.5 |  | "
            "students[0].exchange, students[1].exchange |  |");
  EXPECT_THAT(Row(md, "9.10"), HasSubstr("测得 [3500000, +∞]，要求 > 0"));
  EXPECT_EQ(Row(md, "9.3"),
            "| 9.3 | 专家判断<br>专家结论：达到 | ✓ 达到 | 采取国际化的教学方式 |  |  |  |  |");
}

TEST(MarkdownTest, EscapesPipesAndLineBreaksInCells) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_EQ(Row(md, "9.1"),
            "| 9.1 | 数据计算 | ✗ 未达到 | 教师 \\| 国际背景<br>第二行 | 8 项中 7 项成立 | "
            "T02, T_9 |  |  |");
  EXPECT_THAT(md, HasSubstr("| S1.2 | S1 | 考虑安全 \\| 环境 |"));
  EXPECT_THAT(md, HasSubstr("`label` = `\"a\\|b\"`"));
  ExpectWellFormedTables(md);
  ExpectWellFormedTables(RenderMarkdown(SmallReport(), Language::kEn));
}

TEST(MarkdownTest, EscapesMarkdownInPackTexts) {
  Report report = SmallReport();
  report.requirements[0].title = "*强调* <b>html</b> [链接](x) `code` #标签";
  std::string md = RenderMarkdown(report, Language::kZh);
  EXPECT_THAT(md, HasSubstr("\\*强调\\* \\<b>html\\</b> [链接\\](x) \\`code\\` #标签"));
  EXPECT_THAT(md, Not(HasSubstr(" <b>")));
}

TEST(MarkdownTest, MaterialsInTheirThreeStates) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_THAT(md, HasSubstr("支撑材料：\n\n| 材料 | 名称 | 是否提供 |"));
  EXPECT_THAT(md, HasSubstr("| 9.1 | 教师清单 | 已提供 |"));
  EXPECT_THAT(md, HasSubstr("| 9.2 | 课程大纲 | 未提供 |"));
  EXPECT_THAT(md, HasSubstr("| 9.3 | 合作文本 | 未知 |"));
}

TEST(MarkdownTest, CoverageGapsCarryTheirPaths) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_THAT(md,
              HasSubstr("### 学校标准未覆盖的通用标准\n\n| 对象 | 路径 |\n|---|---|\n| G2 | G2 |"));
  EXPECT_THAT(md, HasSubstr("### 无课程支撑的标准点\n\n| 对象 | 路径 |\n|---|---|\n"
                            "| S3.1 | I2 → S3 → S3.1 |"));
  EXPECT_THAT(md, HasSubstr("### 无考核评价的课程\n\n| 对象 | 路径 |\n|---|---|\n"
                            "| C15 | G11 → S8 → S8.2 → C15 |"));
  EXPECT_THAT(md, Not(HasSubstr("### 无考核评价的标准点")));  // an empty list has no heading

  Report clean = SmallReport();
  clean.coverage = Coverage{};
  EXPECT_THAT(RenderMarkdown(clean, Language::kZh), HasSubstr("## 覆盖缺口\n\n无覆盖缺口。\n"));
}

TEST(MarkdownTest, AttainmentTablesWithNullsAsNoData) {
  Report report = SmallReport();
  std::string md = RenderMarkdown(report, Language::kZh);
  EXPECT_THAT(md,
              HasSubstr("计算方法：" + AttainmentFormula(report.attainment.method, Language::kZh)));
  EXPECT_THAT(md, HasSubstr("| S1.1 | S1 | 0.85 | 2 | 20 | 0.9 (18/20) | 达成良好 |"));
  EXPECT_THAT(md, HasSubstr("| S1.2 | S1 | — | 0 | 0 | — | 无数据 |"));
  EXPECT_THAT(md, HasSubstr("| S2.1 | S2 | 2/3 (≈0.6667) | 1 | 10 | 0.5 (5/10) | 达成 |"));
  EXPECT_THAT(md, HasSubstr("| S2 | 2/3 (≈0.6667) | 1 | 达成 |"));
  EXPECT_THAT(md, HasSubstr("| C01 | S1.1 | 0.85 | 3 | A01, A02 | 20 | 40 |"));

  report.attainment = Attainment{};
  md = RenderMarkdown(report, Language::kZh);
  EXPECT_THAT(
      md, HasSubstr("## 达成度\n\n档案中没有成绩数据，未计算达成度（各值均为空，不记为零）。\n"));
  EXPECT_THAT(RenderMarkdown(report, Language::kEn),
              HasSubstr("## Attainment\n\nNo scores were provided"));
}

TEST(MarkdownTest, RealisationMatrixGridCoursesAndItems) {
  std::string md = RenderMarkdown(SmallReport(), Language::kZh);
  EXPECT_THAT(md, HasSubstr("### 标准点 × 课程\n"));
  EXPECT_THAT(md, HasSubstr("| 标准点 | C01 | C02 | C03 |\n|---|---|---|---|\n"
                            "| S1.1 | H (A01, A02) |  |  |\n| S1.2 |  | M | 0.5 (A09) |\n"));
  EXPECT_THAT(md,
              HasSubstr("| C01 | 工程伦理 | 课程 | 是 | 3 | 2 | 学校 | 基于案例的学习、讲授 |"));
  EXPECT_THAT(md, HasSubstr("| C02 | 企业实习 | 实习 | 否 | 未知 | 未知 | 企业 | 未知 |"));
  EXPECT_THAT(md,
              HasSubstr("| C03 | 毕业设计 | 毕业设计 | 未知 | 8 | 12 | 企业 | 基于项目的学习 |"));
  EXPECT_THAT(md, HasSubstr("| 学校标准 | 内容 | G1 | G2 | 行业标准等 |\n"));
  EXPECT_THAT(md, HasSubstr("| S1 | 职业道德与责任 | ✓ |  | I1 |"));
  EXPECT_THAT(md, HasSubstr("| S2 | 数学 | ✓ |  |  |"));

  Report empty = SmallReport();
  empty.matrix = RealisationMatrix{};
  EXPECT_THAT(RenderMarkdown(empty, Language::kZh),
              HasSubstr("## 学校标准实现矩阵\n\n报告中没有实现矩阵。"));
}

TEST(MarkdownTest, EnglishSwitchesTheLabelsAndKeepsPackTextsVerbatim) {
  std::string md = RenderMarkdown(SmallReport(), Language::kEn);
  EXPECT_TRUE(md.starts_with("# Excellent Engineer plan evaluation: P-1 软件工程\n"));
  EXPECT_THAT(md,
              HasSubstr("## Overall result\n\n**✗ 通过工程教育专业认证但未达到卓越计划专门要求** "
                        "(`passed_not_met`)"));
  EXPECT_THAT(md, HasSubstr("### Requirement 9 工程教育面向世界\n\nVerdict: **✗ not met** — "
                            "没有达到专门要求 (at least 3 criteria must be met)"));
  EXPECT_EQ(Row(md, "9.8"),
            "| 9.8 | computed | ✗ not met | 试点专业有不少于 10% 的外国留学生 | "
            "measured 1/15 (≈0.06667), needs ≥ 0.1 |  |  | "
            "what if: 1 more of the 30 satisfying it, or 2 new ones that do |");
  EXPECT_THAT(md, HasSubstr("| S1.2 | S1 | — | 0 | 0 | — | no data |"));
  for (const char* chinese_label :
       {"判断依据", "评价结论", "覆盖缺口", "达成度", "结论：", "| 未达到", "待定"}) {
    EXPECT_THAT(md, Not(HasSubstr(chinese_label))) << chinese_label;
  }
}

// --- The examples, evaluated with the built-in pack. ---

class MarkdownExampleTest : public testing::TestWithParam<const char*> {};

TEST_P(MarkdownExampleTest, MatchesGolden) {
  std::optional<Report> report = EvaluateExample(GetParam());
  ASSERT_TRUE(report);
  std::string md = RenderMarkdown(*report, Language::kZh);
  ExpectWellFormedTables(md);
  ExpectWellFormedTables(RenderMarkdown(*report, Language::kEn));
  std::filesystem::path golden =
      std::filesystem::path(ZHUOYUE_TEST_DIR) / "golden" / (std::string(GetParam()) + ".md");
  if (std::getenv("ZHUOYUE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << md;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; run with ZHUOYUE_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(md, ReadFile(golden)) << "report differs from " << golden;
}

TEST_P(MarkdownExampleTest, EveryCriterionAndGeneralPointHasItsRow) {
  std::optional<Report> report = EvaluateExample(GetParam());
  ASSERT_TRUE(report);
  std::string md = RenderMarkdown(*report, Language::kZh);
  for (const GeneralPointResult& g : report->general_standard) {
    EXPECT_THAT(Row(md, g.id), HasSubstr(VerdictLabel(g.verdict, Language::kZh))) << g.id;
  }
  for (const RequirementResult& r : report->requirements) {
    EXPECT_THAT(md, HasSubstr("### 专门要求 " + r.id + " " + r.title + "\n"));
    for (const CriterionResult& c : r.criteria) {
      std::string row = Row(md, c.id);
      EXPECT_THAT(row, HasSubstr(std::string(" ") + VerdictLabel(c.verdict, Language::kZh) + " | " +
                                 c.text + " | "))
          << c.id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, MarkdownExampleTest,
                         testing::Values("compliant", "failing", "incomplete"));

TEST(MarkdownTest, FailingExampleShowsItsDefects) {
  std::optional<Report> report = EvaluateExample("failing");
  ASSERT_TRUE(report);
  std::string md = RenderMarkdown(*report, Language::kZh);
  EXPECT_THAT(Row(md, "5.2"), HasSubstr("| 8 项中 7 项成立 | T02 |"));
  EXPECT_THAT(Row(md, "9.8"), HasSubstr("测得 1/15 (≈0.06667)，要求 ≥ 0.1"));
  EXPECT_THAT(Row(md, "9.8"), HasSubstr("假如 30 个中再有 1 个成立，或新增 2 个成立的"));
  EXPECT_THAT(md, HasSubstr("| S3.1 | I2 → S3 → S3.1 |"));
  EXPECT_THAT(md, HasSubstr("| C15 | G11 → S8 → S8.2 → C15 |"));
  EXPECT_THAT(md, HasSubstr("| G10 | G10 |"));
}

TEST(MarkdownTest, IncompleteExampleShowsRangesAndMissingData) {
  std::optional<Report> report = EvaluateExample("incomplete");
  ASSERT_TRUE(report);
  std::string md = RenderMarkdown(*report, Language::kZh);
  EXPECT_THAT(Row(md, "4.5"), HasSubstr("测得 [292, 302.5]，要求 ≥ 260"));
  EXPECT_THAT(Row(md, "10.3"), HasSubstr("测得 [3500000, +∞]，要求 > 0"));
  EXPECT_THAT(Row(md, "9.6"), HasSubstr("students[0].exchange"));
  EXPECT_THAT(Row(md, "1.4"), HasSubstr("| 数据计算 + 专家判断<br>未记录专家判断 | ? 待定 |"));
}

}  // namespace
}  // namespace zhuoyue
