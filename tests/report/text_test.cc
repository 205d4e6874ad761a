// RenderText (lib/report/text.cc): the terminal summary in the two languages. Chinese, the
// default, is what `zy eval` prints (golden tests/golden/<example>.txt, checked by the zy
// tests); English (`--lang en`) must stay as tests/golden/<example>.en.txt has it. Both have
// the same shape, the Chinese columns aligned by display width.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "report/examples.h"
#include "report/labels.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using report_test::EvaluateExample;

using ::testing::HasSubstr;
using ::testing::Not;

Quantity ExactValue(double value, std::string exact) {
  Quantity q;
  q.value = value;
  q.exact = std::move(exact);
  return q;
}

// Requirement 5 failing on a rule over members and requirement 9 with a failing share (with a
// what-if), a pending criterion and a judged one; a coverage gap; one material missing.
Report TextReport() {
  Report report;
  report.program = "P-1";
  report.program_name = "软件工程";
  report.pack = "zhuoyue";
  report.pack_version = "1.0.0";
  report.overall = "passed_not_met";
  report.overall_label = "通过工程教育专业认证但未达到卓越计划专门要求";
  report.eligibility = {{"accreditation", Verdict::kMet, "m"},
                        {"reapplication", Verdict::kPending, "m"}};
  report.general_standard = {{"G1", "", Verdict::kMet, {"S1"}}, {"G2", "", Verdict::kNotMet, {}}};
  report.coverage.uncovered_points = {"S3.1", "S3.2"};

  RequirementResult r9;
  r9.id = "9";
  r9.title = "工程教育面向世界";
  r9.verdict = Verdict::kMet;
  r9.level = "met";
  r9.level_label = "达到专门要求";
  r9.at_least = 3;
  CriterionResult met;
  met.id = "9.3";
  met.kind = "judged";
  met.text = "采取国际化的教学方式";
  met.verdict = Verdict::kMet;
  met.judgement = Verdict::kMet;
  met.message = "expert judgement: met";
  r9.criteria.push_back(met);
  CriterionResult share;
  share.id = "9.8";
  share.kind = "computed";
  share.text = "试点专业有不少于 10% 的外国留学生";
  share.verdict = Verdict::kNotMet;
  share.value = ExactValue(1.0 / 15, "1/15");
  share.threshold = ExactValue(0.1, "0.1");
  share.comparison = ">=";
  share.what_if = "what if: 1 more of the 30 satisfying it, or 2 new ones that do";
  share.message = "measured 0.06667, needs >= 0.1; " + share.what_if;
  r9.criteria.push_back(share);
  CriterionResult pending;
  pending.id = "9.6";
  pending.kind = "computed+judged";
  pending.text = "广泛深入的国际交流";
  pending.verdict = Verdict::kPending;
  pending.missing = {"judgements"};
  pending.message = "no expert judgement recorded; missing: judgements";
  r9.criteria.push_back(pending);
  report.requirements.push_back(r9);

  RequirementResult r5;
  r5.id = "5";
  r5.title = "教师队伍建设";
  r5.verdict = Verdict::kNotMet;
  r5.level = "not_met";
  r5.level_label = "没有达到专门要求";
  CriterionResult every;
  every.id = "5.2";
  every.kind = "computed";
  every.text = "担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历";
  every.verdict = Verdict::kNotMet;
  every.value = ExactValue(7, "7");
  every.threshold = ExactValue(8, "8");
  every.comparison = "all";
  every.witnesses = {"T02"};
  every.message = "7 of 8 hold; failing: T02";
  r5.criteria.push_back(every);
  r5.materials = {{"5.1", "课程体系", true}, {"5.2", "教学大纲", false}, {"5.3", "证明", false}};
  report.requirements.push_back(r5);
  return report;
}

TEST(TextTest, ChineseIsTheSummaryWithChineseLabels) {
  std::string text = RenderText(TextReport(), /*color=*/false, Language::kZh);
  EXPECT_EQ(
      text,
      "P-1 软件工程  （规则：zhuoyue 1.0.0）\n"
      "评价结论：✗ 通过工程教育专业认证但未达到卓越计划专门要求\n"
      "申请条件：✓ accreditation  ? reapplication\n"
      "通用标准：已覆盖 1/2；未覆盖：G2（未达到）\n"
      "  无课程支撑的标准点：S3.1、S3.2\n"
      "\n"
      "✗ 专门要求 5 教师队伍建设  未达到  没有达到专门要求\n"
      "  5.2   未达到  计算      担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历\n"
      "        8 项中 7 项成立；不满足：T02\n"
      "  未提供的材料：5.2、5.3\n"
      "\n"
      "✓ 专门要求 9 工程教育面向世界  达到    达到专门要求  （至少 3 条判断依据达到）\n"
      "  9.8   未达到  计算      试点专业有不少于 10% 的外国留学生\n"
      "        测得 1/15 (≈0.06667)，要求 ≥ 0.1；假如 30 个中再有 1 个成立，或新增 2 个成立的\n"
      "  9.6   待定    计算+判断 广泛深入的国际交流\n"
      "        未记录专家判断；缺少：judgements\n"
      "  9.3   达到    判断      采取国际化的教学方式\n");
}

TEST(TextTest, EnglishIsTheEvaluatorsSummary) {
  std::string text = RenderText(TextReport(), /*color=*/false, Language::kEn);
  EXPECT_EQ(
      text,
      "P-1 软件工程  (rules: zhuoyue 1.0.0)\n"
      "overall: ✗ passed_not_met  通过工程教育专业认证但未达到卓越计划专门要求\n"
      "eligibility: ✓ accreditation  ? reapplication\n"
      "general standard: 1/2 covered; open: G2 (not_met)\n"
      "  points no course supports: S3.1, S3.2\n"
      "\n"
      "✗ requirement 5 教师队伍建设  not_met  没有达到专门要求\n"
      "  5.2   not_met  computed        担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历\n"
      "        7 of 8 hold; failing: T02\n"
      "  materials not provided: 5.2, 5.3\n"
      "\n"
      "✓ requirement 9 工程教育面向世界  met      达到专门要求  (at least 3 criteria)\n"
      "  9.8   not_met  computed        试点专业有不少于 10% 的外国留学生\n"
      "        measured 0.06667, needs >= 0.1; what if: 1 more of the 30 satisfying it, or "
      "2 new ones that do\n"
      "  9.6   pending  computed+judged 广泛深入的国际交流\n"
      "        no expert judgement recorded; missing: judgements\n"
      "  9.3   met      judged          采取国际化的教学方式\n");
}

TEST(TextTest, ChineseColoursTheSameWay) {
  std::string text = RenderText(TextReport(), /*color=*/true, Language::kZh);
  EXPECT_THAT(text, HasSubstr("\x1b[31;1m未达到\x1b[0m"));
  EXPECT_THAT(text, HasSubstr("\x1b[32m达到  \x1b[0m"));
  EXPECT_THAT(text, HasSubstr("\x1b[33m待定  \x1b[0m"));
  EXPECT_THAT(text, HasSubstr("\x1b[1mP-1 软件工程\x1b[0m"));
  EXPECT_THAT(RenderText(TextReport(), /*color=*/false, Language::kZh), Not(HasSubstr("\x1b[")));
}

// A requirement without a level label (a pack without levels) ends its line at the verdict.
TEST(TextTest, NoChineseLineEndsInBlanks) {
  Report report = TextReport();
  report.requirements[0].level_label.clear();
  report.requirements[0].at_least = -1;
  std::string text = RenderText(report, /*color=*/false, Language::kZh);
  EXPECT_THAT(text, HasSubstr("✓ 专门要求 9 工程教育面向世界  达到\n"));
  EXPECT_THAT(text, Not(HasSubstr(" \n")));
}

TEST(TextTest, WithoutAnOverallLabelChineseUsesItsOwn) {
  Report report = TextReport();
  report.overall_label.clear();
  report.overall = "pending";
  EXPECT_THAT(RenderText(report, false, Language::kZh), HasSubstr("评价结论：? 待定\n"));
}

TEST(TextTest, WhatIfInChinese) {
  EXPECT_EQ(WhatIfSentence("what if: 3 more would meet it", Language::kZh),
            "假如再多 3 个即可达到");
  EXPECT_EQ(WhatIfSentence("what if: 1 fewer would meet it", Language::kZh),
            "假如减少 1 个即可达到");
  EXPECT_EQ(WhatIfSentence("what if: 1.5 more in total would meet it", Language::kZh),
            "假如总量再增加 1.5 即可达到");
  EXPECT_EQ(
      WhatIfSentence("what if: 2 more in total and a little more would meet it", Language::kZh),
      "假如总量再增加略多于 2 即可达到");
  EXPECT_EQ(WhatIfSentence("what if: 2 more of the 20 satisfying it", Language::kZh),
            "假如 20 个中再有 2 个成立");
  EXPECT_EQ(WhatIfSentence("what if: 1 more of the 30 satisfying it, or 1 new one that does",
                           Language::kZh),
            "假如 30 个中再有 1 个成立，或新增 1 个成立的");
  EXPECT_EQ(WhatIfSentence("what if: 4 fewer of the 20 satisfying it", Language::kZh),
            "假如 20 个中成立的减少 4 个");
  // Wording it does not know, and English, come back as they are.
  EXPECT_EQ(WhatIfSentence("what if: T02 had 5 years", Language::kZh), "what if: T02 had 5 years");
  EXPECT_EQ(WhatIfSentence("what if: 3 more would meet it", Language::kEn),
            "what if: 3 more would meet it");
}

// --- The examples. ---

class TextExampleTest : public testing::TestWithParam<const char*> {};

// The English summary is byte for byte its golden file, and what the public ReportToText
// returns in English (ZHUOYUE_UPDATE_GOLDEN=1 rewrites the file).
TEST_P(TextExampleTest, EnglishMatchesTheGoldenSummary) {
  std::optional<Report> report = EvaluateExample(GetParam());
  ASSERT_TRUE(report);
  std::string text = RenderText(*report, /*color=*/false, Language::kEn);
  EXPECT_EQ(text, ReportToText(*report, /*color=*/false, Language::kEn));
  std::filesystem::path golden =
      std::filesystem::path(ZHUOYUE_TEST_DIR) / "golden" / (std::string(GetParam()) + ".en.txt");
  if (std::getenv("ZHUOYUE_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << text;
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in) << golden;
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(text, expected.str());
}

// The Chinese summary has a line for every criterion, in the same order as the English one,
// with the Chinese verdict and the pack's text verbatim, and no English label.
TEST_P(TextExampleTest, ChineseHasTheSameLinesWithChineseLabels) {
  std::optional<Report> report = EvaluateExample(GetParam());
  ASSERT_TRUE(report);
  std::string zh = RenderText(*report, /*color=*/false, Language::kZh);
  std::string en = RenderText(*report, /*color=*/false, Language::kEn);
  EXPECT_EQ(std::count(zh.begin(), zh.end(), '\n'), std::count(en.begin(), en.end(), '\n'));
  for (const RequirementResult& r : report->requirements) {
    EXPECT_THAT(zh, HasSubstr("专门要求 " + r.id + " " + r.title + "  "));
    for (const CriterionResult& c : r.criteria) {
      EXPECT_THAT(zh, HasSubstr(std::string(VerdictLabel(c.verdict, Language::kZh)))) << c.id;
      EXPECT_THAT(zh, HasSubstr(" " + c.text + "\n")) << c.id;
    }
  }
  for (const char* english : {"overall:", "eligibility:", "requirement ", "not_met", "computed",
                              "judged", "materials not provided", "hold;", "measured"}) {
    EXPECT_THAT(zh, Not(HasSubstr(english))) << english;
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, TextExampleTest,
                         testing::Values("compliant", "failing", "incomplete"));

TEST(TextTest, FailingExampleInChinese) {
  std::optional<Report> report = EvaluateExample("failing");
  ASSERT_TRUE(report);
  std::string zh = RenderText(*report, /*color=*/false, Language::kZh);
  EXPECT_THAT(zh, HasSubstr("评价结论：✗ 通过工程教育专业认证但未达到卓越计划专门要求\n"));
  EXPECT_THAT(zh, HasSubstr("通用标准：已覆盖 10/11；未覆盖：G10（未达到）\n"));
  EXPECT_THAT(zh, HasSubstr("  无课程支撑的标准点：S3.1\n"));
  EXPECT_THAT(
      zh,
      HasSubstr("  5.2   未达到  计算      担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历\n"
                "        8 项中 7 项成立；不满足：T02\n"));
  EXPECT_THAT(zh, HasSubstr("        测得 1/15 (≈0.06667)，要求 ≥ 0.1；假如 30 个中再有 1 个成立，"
                            "或新增 2 个成立的\n"));
}

}  // namespace
}  // namespace zhuoyue
