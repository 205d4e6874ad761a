// RenderSupplement (lib/report/supplement.cc): the draft of 附件3 《专业卓越计划实施情况补充报告》
// for the three examples and for dossiers with data taken away — its nine parts with the
// outline's headings, the filled parts carrying the dossier's ids, the pointer texts verbatim,
// absent data said to be unknown (never zero), the two languages, and HTML that is one escaped,
// self-contained page. The Markdown drafts of the examples are kept as golden files
// tests/golden/<example>.supplement.md; after an intended change, run with
// ZHUOYUE_UPDATE_GOLDEN=1 and review the diff.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_access.h"
#include "report/examples.h"
#include "report/labels.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using report_test::ReadFile;

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::ordered_json;

constexpr const char* kPartsZh[] = {"## 一、毕业要求对卓越计划通用标准的覆盖情况\n",
                                    "## 二、课程体系整合情况\n",
                                    "## 三、教学方法改革情况\n",
                                    "## 四、企业学习情况\n",
                                    "## 五、毕业设计情况\n",
                                    "## 六、工程实践教育中心建设情况\n",
                                    "## 七、专兼职教师队伍建设情况\n",
                                    "## 八、具有企业工作经历教师主讲课程情况\n",
                                    "## 九、国际化工程人才培养\n"};

std::string ExampleJson(const std::string& name) {
  return ReadFile(std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json");
}

const Pack& BuiltinPack() {
  static auto* pack = new std::shared_ptr<const Pack>([] {
    auto built = Pack::Builtin();
    EXPECT_TRUE(built.ok()) << built.status();
    return built.ok() ? *built : nullptr;
  }());
  return **pack;
}

// A dossier evaluated with the built-in pack, and its drafts.
struct Draft {
  std::shared_ptr<const Dossier> dossier;
  Report report;

  std::string Render(Language language = Language::kZh,
                     SupplementFormat format = SupplementFormat::kMarkdown) const {
    const DossierTables& tables = internal::ApiAccess::TablesOf(*dossier);
    return RenderSupplement(report, tables, *tables.schema, language, format);
  }
};

std::optional<Draft> Evaluated(const std::string& json) {
  std::vector<Diagnostic> problems;
  auto dossier = Dossier::FromJson(BuiltinPack(), json, "test.json", &problems);
  if (!dossier.ok()) {
    std::string all;
    for (const Diagnostic& d : problems) all += d.Format() + "\n";
    ADD_FAILURE() << dossier.status() << "\n" << all;
    return std::nullopt;
  }
  auto report = Evaluate(BuiltinPack(), **dossier);
  if (!report.ok()) {
    ADD_FAILURE() << report.status();
    return std::nullopt;
  }
  return Draft{*dossier, *std::move(report)};
}

// The example with `edit` applied to its JSON.
std::optional<Draft> Edited(const std::string& example, void (*edit)(Json&)) {
  Json json = Json::parse(ExampleJson(example));
  edit(json);
  return Evaluated(json.dump());
}

// The text of part `index` (0-based): from its heading to the next part's.
std::string Part(const std::string& draft, int index) {
  size_t begin = draft.find(kPartsZh[index]);
  if (begin == std::string::npos) return "";
  size_t end = index + 1 < 9 ? draft.find(kPartsZh[index + 1]) : std::string::npos;
  return draft.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// The table line whose first cell is `first`, in `text`.
std::string Row(const std::string& text, const std::string& first) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("| " + first + " |")) return line;
  }
  return "";
}

class SupplementExampleTest : public testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    draft_ = Evaluated(ExampleJson(GetParam()));
    ASSERT_TRUE(draft_);
    json_ = Json::parse(ExampleJson(GetParam()));
  }
  std::optional<Draft> draft_;
  Json json_;
};

TEST_P(SupplementExampleTest, HasTheNinePartsInTheOutlinesOrder) {
  std::string md = draft_->Render();
  EXPECT_TRUE(md.starts_with("# 机械设计制造及其自动化专业卓越计划实施情况补充报告\n"))
      << md.substr(0, 200);
  size_t at = 0;
  for (const char* heading : kPartsZh) {
    size_t found = md.find(heading);
    ASSERT_NE(found, std::string::npos) << heading;
    EXPECT_GT(found, at) << heading;
    at = found;
  }
  EXPECT_TRUE(md.ends_with("|\n"));
}

TEST_P(SupplementExampleTest, PartsThatNeedNoSupplementGiveTheOutlinesPointerVerbatim) {
  std::string md = draft_->Render();
  EXPECT_EQ(
      Part(md, 3),
      "## 四、企业学习情况\n\n不需要进行补充说明。\n\n（根据自评报告撰写指南的要求，应在认证自评报"
      "告第 7 部分“支持条件”中“近三年学生实际进入企业实践基地的情况”表格中单列卓越计划学生的企业"
      "学习经历。）\n\n");
  EXPECT_EQ(
      Part(md, 4),
      "## 五、毕业设计情况\n\n不需要进行补充说明。\n\n（根据自评报告撰写指南的要求，应在认证自评报"
      "告附录要求提供的“毕业设计清单”中单列卓越计划学生的毕业设计清单。）\n\n");
  EXPECT_EQ(
      Part(md, 6),
      "## 七、专兼职教师队伍建设情况\n\n不需要进行补充说明。\n\n（根据自评报告撰写指南的要求，应分"
      "别在第6部分师资队伍和第7部分支持条件中体现。）\n\n");
  EXPECT_EQ(
      Part(md, 7),
      "## 八、具有企业工作经历教师主讲课程情况\n\n不需要进行补充说明。\n\n（根据自评报告撰写指南的"
      "要求，应在第 6 部分师资队伍“近四年由企业或行业兼职教师承担的课程”表中体现。）\n\n");
}

TEST_P(SupplementExampleTest, FilledPartsQuoteTheOutlinesPromptsAndGiveTheVerdicts) {
  std::string md = draft_->Render();
  EXPECT_THAT(Part(md, 0),
              HasSubstr("> 明确列出本专业对于学生毕业的要求，并注明其中各项与卓越计划通用"
                        "标准中本科工程型人才培养通用标准之间的关系，确保通用标准的 11 条"
                        "要求完全被覆盖。\n"));
  EXPECT_THAT(Part(md, 1),
              HasSubstr("> （毕业要求的细化和落实情况应在认证自评报告第 3 部分毕业要求中体现）\n"));
  EXPECT_THAT(Part(md, 2),
              HasSubstr("> （如本部分内容已在认证自评报告中体现，说明具体位置即可）\n"));
  EXPECT_THAT(Part(md, 5),
              HasSubstr("> 4\\. 成效。概述工程实践教育中心建设以来取得的主要成效和经验。\n"));
  EXPECT_THAT(Part(md, 8),
              HasSubstr("> 描述并用实例说明专业采取哪些措施推动国际化工程人才培养。\n"));
  const std::pair<int, const char*> parts[] = {{0, "1"}, {1, "2"}, {2, "3"}, {5, "6"}, {8, "9"}};
  for (const auto& [part, requirement] : parts) {
    std::string text = Part(md, part);
    EXPECT_THAT(text, HasSubstr(std::string("### 评价结果：专门要求 ") + requirement + "\n"));
    for (const RequirementResult& r : draft_->report.requirements) {
      if (r.id != requirement) continue;
      for (const CriterionResult& c : r.criteria) {
        EXPECT_THAT(Row(text, c.id),
                    HasSubstr(" " + std::string(VerdictLabel(c.verdict, Language::kZh)) + " | " +
                              c.text + " |"))
            << c.id;
      }
    }
  }
}

// 一: every school-standard item with the general points it covers.
TEST_P(SupplementExampleTest, PartOneIsTheItemsByGeneralPointsTable) {
  std::string part = Part(draft_->Render(), 0);
  EXPECT_THAT(part,
              HasSubstr("| 毕业要求 | 内容 | G1 | G2 | G3 | G4 | G5 | G6 | G7 | G8 | G9 | G10 | "
                        "G11 | 行业标准等 |\n"));
  for (const Json& item : json_["school_standard"]) {
    std::string row = Row(part, item["id"].get<std::string>());
    ASSERT_FALSE(row.empty()) << item["id"];
    EXPECT_THAT(row, HasSubstr(" | " + item["text"].get<std::string>() + " | "));
    int ticks = 0;
    for (size_t at = row.find("✓"); at != std::string::npos; at = row.find("✓", at + 1)) ++ticks;
    int general = 0;
    for (const Json& covered : item["covers"]) general += covered.get<std::string>()[0] == 'G';
    EXPECT_EQ(ticks, general) << row;
  }
  for (const Json& point : json_["industry_standard"]) {
    EXPECT_FALSE(Row(part, point["id"].get<std::string>()).empty()) << point["id"];
  }
}

// 二: the realisation matrix has a column per course and a row per point, and every course its
// delivery and assessments.
TEST_P(SupplementExampleTest, PartTwoIsTheRealisationMatrixWithDeliveryAndAssessment) {
  std::string part = Part(draft_->Render(), 1);
  std::string header = "| 标准点 |";
  for (const Json& course : json_["courses"])
    header += " " + course["id"].get<std::string>() + " |";
  EXPECT_THAT(part, HasSubstr(header + "\n"));
  for (const Json& item : json_["school_standard"]) {
    for (const Json& point : item["points"]) {
      EXPECT_FALSE(Row(part, point["id"].get<std::string>()).empty()) << point["id"];
    }
  }
  for (const Json& course : json_["courses"]) {
    std::string id = course["id"].get<std::string>();
    // The delivery table is the last table whose rows start with the course id.
    size_t at = part.rfind("| " + id + " | " + course["name"].get<std::string>() + " |");
    ASSERT_NE(at, std::string::npos) << id;
    std::string row = part.substr(at, part.find('\n', at) - at);
    EXPECT_THAT(row, HasSubstr(course["implementation"].get<std::string>())) << id;
    if (course.contains("assessments")) {
      for (const Json& a : course["assessments"]) {
        EXPECT_THAT(row,
                    HasSubstr(a["id"].get<std::string>() + " " + a["name"].get<std::string>()));
      }
    }
  }
}

// 三: each course with a problem, case or project method, with its lecturers; and the teachers.
TEST_P(SupplementExampleTest, PartThreeListsTheResearchLearningCoursesAndTheirTeachers) {
  std::string part = Part(draft_->Render(), 2);
  for (const Json& course : json_["courses"]) {
    bool research = false;
    for (const Json& m : course["methods"]) {
      research = research || m == "problem" || m == "case" || m == "project";
    }
    std::string row = Row(part, course["id"].get<std::string>());
    EXPECT_EQ(!row.empty(), research) << course["id"];
    if (!research) continue;
    for (const Json& lecturer : course["lecturers"]) {
      EXPECT_THAT(row, HasSubstr(lecturer.get<std::string>() + " ")) << course["id"];
      EXPECT_FALSE(Row(part, lecturer.get<std::string>()).empty()) << lecturer;
    }
  }
  EXPECT_THAT(part,
              HasSubstr("核心课程 8 门，其中 6 门采用基于问题、案例或项目的研究性学习方法。"));
}

// 六: every centre with its company, agreement and mentors; the segments of the enterprise plan.
TEST_P(SupplementExampleTest, PartSixDescribesTheCentres) {
  std::string part = Part(draft_->Render(), 5);
  for (const Json& centre : json_["enterprise_centers"]) {
    std::string row = Row(part, centre["id"].get<std::string>());
    ASSERT_FALSE(row.empty()) << centre["id"];
    EXPECT_THAT(row, HasSubstr(" | " + centre["company"].get<std::string>() + " | "));
    EXPECT_THAT(row, HasSubstr("已签署，期限 " + centre["agreement"]["years"].dump() + " 年"));
    for (const Json& mentor : centre["mentors"]) {
      EXPECT_THAT(row, HasSubstr(mentor.get<std::string>() + " ")) << mentor;
    }
  }
  for (const Json& course : json_["courses"]) {
    if (course.value("in_enterprise_plan", false)) {
      EXPECT_FALSE(Row(part, course["id"].get<std::string>()).empty()) << course["id"];
    }
  }
}

TEST_P(SupplementExampleTest, PartNineCountsTheInternationalData) {
  std::string part = Part(draft_->Render(), 8);
  EXPECT_THAT(part, HasSubstr("教师 20 名中 6 名具有国际背景。"));
  int foreign = 0;
  for (const Json& s : json_["students"]) foreign += s.value("foreign", false);
  EXPECT_THAT(part, HasSubstr("学生 30 名中 " + std::to_string(foreign) + " 名为外国留学生："));
  for (const Json& k : json_["international"]["cooperation"]) {
    EXPECT_THAT(part, HasSubstr(" | " + k["partner"].get<std::string>() + " | "));
  }
  for (const Json& p : json_["international"]["industry_partners"]) {
    EXPECT_THAT(part, HasSubstr("| " + p["name"].get<std::string>() + " | "));
  }
  for (const Json& a : json_["international"]["activities"]) {
    EXPECT_THAT(part, HasSubstr(" | " + a["title"].get<std::string>() + " |"));
  }
  for (const Json& o : json_["international"]["other"]) {
    EXPECT_THAT(part, HasSubstr("- " + o.get<std::string>() + "\n"));
  }
  EXPECT_THAT(part, HasSubstr("| C10 | 机械工程控制基础（双语） | 双语 |"));
  EXPECT_THAT(part, HasSubstr("| C15 | 国际工程项目管理 | 英语 |"));
}

TEST_P(SupplementExampleTest, MatchesGolden) {
  std::string md = draft_->Render();
  std::filesystem::path golden = std::filesystem::path(ZHUOYUE_TEST_DIR) / "golden" /
                                 (std::string(GetParam()) + ".supplement.md");
  if (std::getenv("ZHUOYUE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << md;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; run with ZHUOYUE_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(md, ReadFile(golden)) << "draft differs from " << golden;
}

INSTANTIATE_TEST_SUITE_P(Examples, SupplementExampleTest,
                         testing::Values("compliant", "failing", "incomplete"));

TEST(SupplementTest, FailingExampleShowsItsGaps) {
  std::optional<Draft> draft = Evaluated(ExampleJson("failing"));
  ASSERT_TRUE(draft);
  std::string md = draft->Render();
  EXPECT_THAT(Part(md, 0), HasSubstr("通用标准 11 条中 10 条被毕业要求覆盖；未覆盖：G10。"));
  EXPECT_EQ(
      Row(Part(md, 0), "S7"),
      "| S7 | 具有组织管理、交流沟通、团队合作及应对突发事件的能力 |  |  |  |  |  |  |  |  | ✓ "
      "|  |  | I5 |");
  EXPECT_THAT(Row(Part(md, 0), "1.1"), HasSubstr("| ✗ 未达到 |"));
  std::string part2 = Part(md, 1);
  EXPECT_THAT(part2, HasSubstr("- 无课程支撑的标准点：S3.1\n- 无考核评价的标准点：S8.2\n"
                               "- 无考核评价的课程：C15\n"));
  EXPECT_THAT(Row(part2, "S4.1"), HasSubstr("| H (A04a、A04b) |"));
  EXPECT_THAT(
      part2,
      HasSubstr("| C15 | 国际工程项目管理 | 课程 | 否 | 7 | 2 | 英文授课，国际工程项目案例研讨 "
                "| 基于案例的学习、研讨 | 无 |"));
  EXPECT_THAT(Part(md, 8), HasSubstr("学生 30 名中 2 名为外国留学生：ST27、ST28。"));
  EXPECT_THAT(Row(Part(md, 8), "9.8"), HasSubstr("测得 1/15 (≈0.06667)，要求 ≥ 0.1"));
}

TEST(SupplementTest, UnknownDataIsSaidToBeUnknownNeverZero) {
  std::optional<Draft> incomplete = Evaluated(ExampleJson("incomplete"));
  ASSERT_TRUE(incomplete);
  EXPECT_THAT(
      Part(incomplete->Render(), 8),
      HasSubstr("#### 参加国际交流的学生\n\n专业数据中没有学生是否参加国际交流（未知）。\n"));

  std::optional<Draft> draft = Edited("compliant", [](Json& json) {
    json.erase("enterprise_centers");
    json.erase("international");
    for (Json& teacher : json["teachers"]) teacher.erase("international");
    json["teachers"][0]["international"] = {"phd_abroad"};
    json["students"][0].erase("foreign");
    for (Json& course : json["courses"]) course.erase("language");
    json["courses"][3].erase("methods");
    json["courses"][4].erase("core");
    json["courses"][5].erase("assessments");
    json.erase("scores");  // they refer to C06's assessments
  });
  ASSERT_TRUE(draft);
  std::string md = draft->Render();
  EXPECT_THAT(Part(md, 5), HasSubstr("专业数据中没有工程实践教育中心（未知）。"));
  std::string part9 = Part(md, 8);
  EXPECT_THAT(part9, HasSubstr("教师 20 名中 1 名具有国际背景（另有 19 名情况未知）。"));
  EXPECT_THAT(part9, HasSubstr("学生 30 名中 4 名为外国留学生（另有 1 名情况未知）："));
  EXPECT_THAT(
      part9,
      HasSubstr("#### 外语或双语授课的课程\n\n专业数据中没有外语或双语授课的课程（未知）。"));
  EXPECT_THAT(part9, HasSubstr("#### 国际合作办学\n\n专业数据中没有国际合作办学（未知）。"));
  EXPECT_THAT(
      part9,
      HasSubstr("#### 其他国际交流合作形式\n\n专业数据中没有其他国际交流合作形式（未知）。"));
  std::string part3 = Part(md, 2);
  EXPECT_THAT(
      part3,
      HasSubstr("核心课程 7 门，其中 4 门采用基于问题、案例或项目的研究性学习方法，1 门的教学"
                "方法未知；另有 1 门课程是否为核心课程未知。"));
  EXPECT_THAT(part3, HasSubstr("教学方法未知的课程：C04"));
  EXPECT_THAT(Part(md, 1), HasSubstr("| 基于问题的学习、基于项目的学习 | 未知 |"));
}

TEST(SupplementTest, EmptyTablesAreNoneAndAMinimalDossierIsAllUnknown) {
  std::optional<Draft> empty = Edited("compliant", [](Json& json) {
    json["enterprise_centers"] = Json::array();
    json["international"]["cooperation"] = Json::array();
    json["international"]["other"] = Json::array();
  });
  ASSERT_TRUE(empty);
  std::string md = empty->Render();
  EXPECT_THAT(Part(md, 5), HasSubstr("专业数据中的工程实践教育中心为空（无）。"));
  EXPECT_THAT(Part(md, 8), HasSubstr("#### 国际合作办学\n\n无。\n"));
  EXPECT_THAT(Part(md, 8), HasSubstr("#### 其他国际交流合作形式\n\n无。\n"));

  std::optional<Draft> minimal =
      Evaluated(R"({"format": "zhuoyue.dossier/1", "program": {"id": "P-0"}})");
  ASSERT_TRUE(minimal);
  std::string draft = minimal->Render();
  EXPECT_TRUE(draft.starts_with("# 专业卓越计划实施情况补充报告\n")) << draft.substr(0, 100);
  EXPECT_THAT(draft, HasSubstr("- 学校：未知\n"));
  EXPECT_THAT(draft, HasSubstr("- 专业编号：P-0\n"));
  EXPECT_THAT(Part(draft, 0), HasSubstr("专业数据中没有学校标准（毕业要求）（未知）。"));
  EXPECT_THAT(Part(draft, 1), HasSubstr("专业数据中没有标准点或课程（未知）。"));
  EXPECT_THAT(Part(draft, 2), HasSubstr("专业数据中没有课程（未知）。"));
  EXPECT_THAT(Part(draft, 5), HasSubstr("专业数据中没有工程实践教育中心（未知）。"));
  EXPECT_THAT(Part(draft, 8), HasSubstr("专业数据中没有教师（未知）。"));
  EXPECT_THAT(Part(draft, 8), HasSubstr("专业数据中没有学生（未知）。"));
  for (const char* zero : {" 0 名", " 0 门", "中 0 条"}) {
    EXPECT_THAT(draft, Not(HasSubstr(zero))) << zero;
  }
  for (const char* heading : kPartsZh) EXPECT_THAT(draft, HasSubstr(heading));
}

TEST(SupplementTest, EnglishHeadings) {
  std::optional<Draft> draft = Evaluated(ExampleJson("compliant"));
  ASSERT_TRUE(draft);
  std::string md = draft->Render(Language::kEn);
  EXPECT_TRUE(md.starts_with(
      "# Supplementary report on the Excellent Engineer plan: 机械设计制造及其自动化\n"));
  const char* headings[] = {
      "## 1. Coverage of the plan's general standard by the graduation "
      "requirements\n",
      "## 2. Integration of the curriculum\n",
      "## 3. Reform of the teaching methods\n",
      "## 4. Study in enterprises\n",
      "## 5. Graduation projects\n",
      "## 6. The engineering practice education centres\n",
      "## 7. Full-time and part-time faculty\n",
      "## 8. Courses taught by teachers with industry experience\n",
      "## 9. Educating engineers for the international stage\n"};
  size_t at = 0;
  for (const char* heading : headings) {
    size_t found = md.find(heading);
    ASSERT_NE(found, std::string::npos) << heading;
    EXPECT_GT(found, at);
    at = found;
  }
  EXPECT_THAT(md, HasSubstr("No supplementary statement is needed."));
  EXPECT_THAT(md, HasSubstr("### Verdicts: requirement 9\n"));
  EXPECT_THAT(md, HasSubstr("6 of 20 teachers have an international background."));
  // The dossier's and the pack's texts stay as written.
  EXPECT_THAT(md, HasSubstr("| S1 | 具有良好的工程职业道德、社会责任感和质量安全环境意识 |"));
  EXPECT_THAT(md, HasSubstr("| 9.8 | ✓ met | 试点专业有不少于 10% 的外国留学生 |"));
  for (const char* chinese : {"不需要进行补充说明", "专业数据", "评价结果", "未知", "毕业要求"}) {
    EXPECT_THAT(md, Not(HasSubstr(chinese))) << chinese;
  }
}

TEST(SupplementTest, EscapesDossierTextsInMarkdownAndHtml) {
  std::optional<Draft> draft = Edited("compliant", [](Json& json) {
    json["program"]["name"] = "机械<script>alert(1)</script> & \"引号\"";
    json["courses"][0]["name"] = "高等数学 | 上\n下";
    json["international"]["other"] = {"# 不是标题", "1. 不是列表"};
  });
  ASSERT_TRUE(draft);
  std::string md = draft->Render();
  EXPECT_TRUE(md.starts_with(
      "# 机械\\<script>alert(1)\\</script> & \"引号\"专业卓越计划实施情况补充报告\n"))
      << md.substr(0, 200);
  EXPECT_THAT(md, HasSubstr("| C01 | 高等数学 \\| 上<br>下 |"));
  EXPECT_THAT(md, HasSubstr("- \\# 不是标题\n- 1\\. 不是列表\n"));

  std::string html = draft->Render(Language::kZh, SupplementFormat::kHtml);
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("机械&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;"));
  EXPECT_THAT(html, HasSubstr("<td>高等数学 | 上<br>下</td>"));
  EXPECT_THAT(html, HasSubstr("<li># 不是标题</li>"));
}

TEST(SupplementTest, HtmlIsOneSelfContainedPage) {
  std::optional<Draft> draft = Evaluated(ExampleJson("failing"));
  ASSERT_TRUE(draft);
  std::string html = draft->Render(Language::kZh, SupplementFormat::kHtml);
  EXPECT_TRUE(html.starts_with(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"));
  EXPECT_TRUE(html.ends_with("</body>\n</html>\n"));
  EXPECT_THAT(html, HasSubstr("<title>机械设计制造及其自动化专业卓越计划实施情况补充报告</title>"));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy"));
  for (const char* external : {"http:", "https:", "src=", "href=", "@import", "url("}) {
    EXPECT_THAT(html, Not(HasSubstr(external))) << external;
  }
  for (const char* heading : kPartsZh) {
    std::string text(heading + 3, std::string_view(heading).size() - 4);
    EXPECT_THAT(html, HasSubstr("<h2>" + text + "</h2>")) << text;
  }
  EXPECT_THAT(html, HasSubstr("<tr><td>E1</td><td>西安交大—陕鼓动力工程实践教育中心</td>"));
  EXPECT_THAT(
      html, HasSubstr("<blockquote><p>描述并用实例说明专业采取哪些措施推动国际化工程人才培养。</p>"
                      "</blockquote>"));
  // Every opened table is closed, every row has the header's number of cells.
  size_t tables = 0;
  for (size_t at = html.find("<table>"); at != std::string::npos;
       at = html.find("<table>", at + 1)) {
    ++tables;
    size_t end = html.find("</table>", at);
    ASSERT_NE(end, std::string::npos);
    std::string table = html.substr(at, end - at);
    size_t header_end = table.find("</thead>");
    auto count = [](std::string_view text, std::string_view tag) {
      size_t n = 0;
      for (size_t i = text.find(tag); i != std::string_view::npos; i = text.find(tag, i + 1)) ++n;
      return n;
    };
    size_t columns = count(std::string_view(table).substr(0, header_end), "<th>");
    size_t rows = count(table, "<tr>") - 1;
    EXPECT_EQ(count(table, "<td>"), columns * rows);
  }
  EXPECT_GT(tables, 10u);
  EXPECT_THAT(draft->Render(Language::kEn, SupplementFormat::kHtml),
              HasSubstr("<html lang=\"en\">"));
}

}  // namespace
}  // namespace zhuoyue
