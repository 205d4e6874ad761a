// RenderHtml (lib/report/html.cc) on hand-built reports: escaping, the two languages, the
// heat-map of the realisation matrix, the attainment charts with null values, and no
// external resource. tests/report/html_browser_test.cc loads the pages in Chromium.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "report/labels.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Quantity Exact(double value, std::string exact) {
  Quantity q;
  q.value = value;
  q.exact = std::move(exact);
  return q;
}

// A small report with every section filled: one requirement with a failing, a pending and
// a judged criterion, materials in the three states, a coverage gap, a 3 × 3 matrix with
// four supported cells (H, M, L and a number), and attainment with null values.
Report HandBuilt() {
  Report report;
  report.program = "P-1";
  report.program_name = "软件工程";
  report.pack = "zhuoyue";
  report.pack_version = "1.0.0";
  report.params = {{"intl_faculty_share", "0.25"}};
  report.overall = "passed_not_met";
  report.overall_label = "通过工程教育专业认证但未达到卓越计划专门要求";
  report.eligibility = {{"accreditation", Verdict::kMet, "已通过工程教育专业认证"}};
  report.general_standard = {{"G1", "具有良好的工程职业道德", Verdict::kMet, {"S1"}},
                             {"G2", "具备从事工程工作所需的数学知识", Verdict::kNotMet, {}}};

  RequirementResult requirement;
  requirement.id = "5";
  requirement.title = "教师队伍建设";
  requirement.verdict = Verdict::kNotMet;
  requirement.level = "not_met";
  requirement.level_label = "没有达到专门要求";

  CriterionResult failing;
  failing.id = "5.2";
  failing.kind = "computed";
  failing.text = "担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历";
  failing.verdict = Verdict::kNotMet;
  failing.value = Exact(7, "7");
  failing.threshold = Exact(8, "8");
  failing.comparison = "all";
  failing.witnesses = {"T02"};
  failing.what_if = "what if: T02 had 5 industry years";
  failing.message = "7 of 8 hold; failing: T02";
  requirement.criteria.push_back(failing);

  CriterionResult pending;
  pending.id = "5.3";
  pending.kind = "computed";
  pending.text = "兼职教师比例不低于 20%";
  pending.verdict = Verdict::kPending;
  Quantity range;
  range.range = true;
  range.value = 0.5;
  range.minimum = 0.1;
  pending.value = range;
  pending.threshold = Exact(0.2, "0.2");
  pending.comparison = ">=";
  pending.missing = {"teachers[3].role", "teachers[4].role"};
  requirement.criteria.push_back(pending);

  CriterionResult judged;
  judged.id = "5.5";
  judged.kind = "judged";
  judged.text = "专家判断教师队伍满足培养需要";
  judged.verdict = Verdict::kMet;
  judged.judgement = Verdict::kMet;
  requirement.criteria.push_back(judged);

  requirement.materials = {{"5.1", "课程体系构成", true},
                           {"5.2", "教学大纲", false},
                           {"5.3", "主讲教师任务书", std::nullopt}};
  report.requirements.push_back(requirement);

  report.coverage.uncovered_points = {"S3.1"};
  report.coverage.gaps = {{"uncovered_point", "S3.1", {"I2", "S3", "S3.1"}}};

  RealisationMatrix& m = report.matrix;
  m.points = {{"S1.1", "S1", "职业道德"}, {"S1.2", "S1", "社会责任"}, {"S3.1", "S3", "数学"}};
  m.courses = {{"C01", "工程伦理", "course", true, "3", "2", "school", {"lecture"}},
               {"C02", "企业实习", "internship", false, "7", "8", "enterprise", {}},
               {"C03", "高等数学", "course", std::nullopt, "", "6", "school", {}}};
  m.cells = {{0, 0, "H", 3, {"A1", "A2"}},
             {0, 1, "M", 2, {"A3"}},
             {1, 1, "L", 1, {}},
             {1, 2, "1.5", 1.5, {"A4"}}};
  m.items = {{"S1", "职业素养", {"G1", "I2"}}, {"S3", "知识", {"G2"}}};

  Attainment& a = report.attainment;
  a.computed = true;
  a.formula = AttainmentFormula(a.method, Language::kZh);
  a.points = {{"S1.1", "S1", 0.72, "18/25", 2, 20, 0.75, 15, "attained"},
              {"S1.2", "S1", std::nullopt, "", 0, 0, std::nullopt, 0, "unknown"},
              {"S3.1", "S3", 0.85, "17/20", 1, 12, 1.0, 12, "good"}};
  a.items = {{"S1", 0.72, "18/25", 1, "attained"}, {"S3", std::nullopt, "", 0, "unknown"}};
  a.course_points = {{"C01", "S1.1", 0.7, "7/10", 3, {"A1", "A2"}, 20, 40},
                     {"C02", "S1.2", std::nullopt, "", 2, {"A3"}, 0, 0}};
  return report;
}

// `text` as it appears in the page: & < > " ' escaped.
std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

int Count(std::string_view text, std::string_view needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// The element that starts with the first tag holding `attribute` (e.g. data-id="S1.2"), up
// to its closing tag; empty when there is none.
std::string ElementWith(const std::string& html, const std::string& attribute) {
  size_t at = html.find(attribute);
  if (at == std::string::npos) return "";
  size_t start = html.rfind('<', at);
  size_t name_end = html.find_first_of(" >", start);
  std::string name = html.substr(start + 1, name_end - start - 1);
  size_t end = html.find("</" + name + ">", at);
  return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The resource-loading attributes of `html` and their values.
std::vector<std::string> ResourceAttributes(const std::string& html) {
  static const std::regex kAttribute(
      R"re(\s(src|href|srcset|action|formaction|poster|data|background|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))re",
      std::regex::icase);
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAttribute);
       it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[1].str() + "=" + (*it)[2].str());
  }
  return found;
}

TEST(HtmlTest, IsOneHtml5DocumentInUtf8) {
  std::string html = RenderHtml(HandBuilt(), Language::kZh);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\"", 0), 0u) << html.substr(0, 80);
  EXPECT_THAT(html, HasSubstr("<head>\n<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("<title>卓越计划实施工作评价报告 — P-1 软件工程</title>"));
  EXPECT_EQ(Count(html, "<html"), 1);
  EXPECT_EQ(Count(html, "</html>"), 1);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  EXPECT_THAT(html,
              HasSubstr(R"(data-param="intl_faculty_share">intl_faculty_share = 0.25</code>)"));
  EXPECT_THAT(html, HasSubstr("@media print{"));
}

TEST(HtmlTest, EscapesEveryText) {
  Report report = HandBuilt();
  CriterionResult& c = report.requirements[0].criteria[0];
  c.text = R"(<script>alert("x")</script> & 'quoted')";
  c.message = "<b>bold</b>";
  c.witnesses = {"T<1>"};
  c.missing = {"teachers[0].\"name\""};
  c.what_if = "a & b";
  c.id = R"(5.2"><img src=x onerror=alert(1)>)";
  report.requirements[0].title = "标题 <i>";
  report.program_name = "</title><script>";
  report.coverage.gaps[0].path = {"I2", "<S3>"};
  report.matrix.points[0].text = "<svg onload=alert(1)>";
  report.attainment.points[0].id = "S1.1<";

  std::string html = RenderHtml(report, Language::kEn);
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                              "&#39;quoted&#39;"));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;bold&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("T&lt;1&gt;"));
  EXPECT_THAT(html, HasSubstr("teachers[0].&quot;name&quot;"));
  EXPECT_THAT(html, HasSubstr("a &amp; b"));
  EXPECT_THAT(html,
              HasSubstr(R"(data-criterion="5.2&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")"));
  EXPECT_THAT(html, HasSubstr("标题 &lt;i&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;/title&gt;&lt;script&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;svg onload=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;S3&gt;"));
  EXPECT_THAT(html, HasSubstr("S1.1&lt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("<i>")));
  EXPECT_EQ(Count(html, "<svg"), 3);  // the three charts, and no injected one
  EXPECT_EQ(Count(html.substr(0, html.find("</head>")), "<title>"), 1);
}

TEST(HtmlTest, ReplacesBytesThatAreNotUtf8) {
  Report report = HandBuilt();
  report.requirements[0].criteria[0].text = "ok \xFF\xC3 end \x01 tab\tdone 中";
  std::string html = RenderHtml(report, Language::kZh);
  EXPECT_THAT(html, HasSubstr("ok \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD tab\tdone 中"));
}

TEST(HtmlTest, ChineseIsTheDefaultLanguageAndEnglishSwitchesTheLabels) {
  Report report = HandBuilt();
  // No pack text here holds one of the labels looked for below.
  report.overall_label = "标准的结论表述";
  report.attainment.formula.clear();
  std::string zh = RenderHtml(report, Language::kZh);
  std::string en = RenderHtml(report, Language::kEn);
  EXPECT_THAT(zh, HasSubstr("<html lang=\"zh-CN\""));
  EXPECT_THAT(en, HasSubstr("<html lang=\"en\""));
  for (const char* label : {"评价结论", "通用标准", "覆盖缺口", "学校标准实现矩阵", "达成度",
                            "未达到", "待定", "已提供", "未提供", "无数据"}) {
    EXPECT_THAT(zh, HasSubstr(label)) << label;
    EXPECT_THAT(en, Not(HasSubstr(label))) << label;
  }
  for (const char* label : {"Overview", "General standard", "Coverage gaps", "Realisation matrix",
                            "Attainment", "not met", "pending", "provided", "no data"}) {
    EXPECT_THAT(en, HasSubstr(label)) << label;
  }
  EXPECT_THAT(en, HasSubstr(OverallLabel("passed_not_met", Language::kEn)));
  EXPECT_THAT(en, HasSubstr(Escaped(AttainmentFormula(report.attainment.method, Language::kEn))));
  EXPECT_THAT(zh, HasSubstr(Escaped(AttainmentFormula(report.attainment.method, Language::kZh))));
  // Pack texts are never translated.
  for (const std::string& text :
       {report.requirements[0].criteria[0].text, report.requirements[0].title, report.overall_label,
        report.requirements[0].level_label, report.general_standard[0].text,
        report.eligibility[0].message, report.requirements[0].materials[0].title}) {
    EXPECT_THAT(zh, HasSubstr(Escaped(text)));
    EXPECT_THAT(en, HasSubstr(Escaped(text)));
  }
}

TEST(HtmlTest, OverviewHasTheOverallResultAndOneBadgePerRequirement) {
  Report report = HandBuilt();
  RequirementResult met = report.requirements[0];
  met.id = "6";
  met.verdict = Verdict::kMet;
  met.level = "distinction";
  met.level_label = "达到专门要求，有特色或优秀";
  report.requirements.push_back(met);
  std::string html = RenderHtml(report, Language::kZh);
  std::string en = RenderHtml(report, Language::kEn);
  EXPECT_THAT(html,
              HasSubstr(R"(id="overall" class="overall v-not_met" data-overall="passed_not_met")"));
  EXPECT_THAT(
      html, HasSubstr(R"(data-requirement-badge="5" data-verdict="not_met" data-level="not_met")"));
  EXPECT_THAT(
      html, HasSubstr(R"(data-requirement-badge="6" data-verdict="met" data-level="distinction")"));
  EXPECT_THAT(html, HasSubstr("class=\"req-badge v-met level-distinction\""));
  // The level: the standard's wording in Chinese; ours in English, with the standard's.
  EXPECT_THAT(ElementWith(html, R"(data-requirement-badge="6")"),
              HasSubstr(">达到专门要求，有特色或优秀</span>"));
  EXPECT_THAT(ElementWith(en, R"(data-requirement-badge="6")"),
              HasSubstr(">met with distinction</span>"));
  EXPECT_THAT(ElementWith(en, R"(data-requirement="6")"),
              HasSubstr(R"(<span class="pack-text">达到专门要求，有特色或优秀</span>)"));
  EXPECT_THAT(ElementWith(html, R"(id="overall")"),
              HasSubstr(">通过工程教育专业认证但未达到卓越计划专门要求</span>"));
  EXPECT_THAT(ElementWith(en, R"(id="overall")"),
              HasSubstr(">accredited, requirements not met</span>"));
  EXPECT_THAT(html, HasSubstr(R"(data-eligibility="accreditation" data-verdict="met")"));
  EXPECT_THAT(html, HasSubstr(R"(data-general-point="G2" data-verdict="not_met")"));
  EXPECT_THAT(html, HasSubstr(R"(data-tally="not_met" data-count="2")"));
}

TEST(HtmlTest, CriteriaCarryTheirVerdictValueThresholdWitnessesAndMissingData) {
  std::string html = RenderHtml(HandBuilt(), Language::kEn);
  std::string failing = ElementWith(html, R"(data-criterion="5.2")");
  EXPECT_THAT(failing, HasSubstr(R"(data-verdict="not_met" data-kind="computed")"));
  EXPECT_THAT(failing, HasSubstr(R"(data-value="7">7</span>)"));
  EXPECT_THAT(failing, HasSubstr(R"(data-threshold="8">8</span>)"));
  EXPECT_THAT(failing, HasSubstr(R"(data-comparison="all">all</span>)"));
  EXPECT_THAT(failing, HasSubstr("<li>T02</li>"));
  EXPECT_THAT(failing, HasSubstr(R"(data-part="what-if">what if: T02 had 5 industry years)"));
  EXPECT_THAT(failing, HasSubstr(R"(data-part="message" class="muted">7 of 8 hold; failing: T02)"));
  // The evaluator's English message is not shown in a Chinese report, only kept.
  std::string zh = ElementWith(RenderHtml(HandBuilt(), Language::kZh), R"(data-criterion="5.2")");
  EXPECT_THAT(zh, HasSubstr(R"(data-message="7 of 8 hold; failing: T02")"));
  EXPECT_THAT(zh, Not(HasSubstr(R"(data-part="message")")));
  EXPECT_THAT(zh, HasSubstr("测得 </span><span class=\"value\" data-value=\"7\">7</span> 项成立"));
  EXPECT_THAT(zh, HasSubstr(R"(data-threshold="8">8</span> 项)"));

  std::string pending = ElementWith(html, R"(data-criterion="5.3")");
  EXPECT_THAT(pending, HasSubstr(R"(data-verdict="pending")"));
  EXPECT_THAT(pending, HasSubstr(R"(data-value="0.1..inf">[0.1, +∞]</span>)"));
  EXPECT_THAT(pending, HasSubstr(">≥</span>"));
  EXPECT_THAT(pending, HasSubstr("<li>teachers[3].role</li><li>teachers[4].role</li>"));

  std::string judged = ElementWith(html, R"(data-criterion="5.5")");
  EXPECT_THAT(judged, HasSubstr(R"(data-judgement="met")"));
  EXPECT_THAT(judged, Not(HasSubstr("data-value")));

  EXPECT_THAT(html, HasSubstr(R"(data-material="5.1" data-provided="true")"));
  EXPECT_THAT(html, HasSubstr(R"(data-material="5.2" data-provided="false")"));
  EXPECT_THAT(html, HasSubstr(R"(data-material="5.3" data-provided="unknown")"));
}

TEST(HtmlTest, CoverageGapsShowTheirPath) {
  std::string html = RenderHtml(HandBuilt(), Language::kEn);
  EXPECT_THAT(html, HasSubstr(R"(data-coverage-list="uncovered_points" data-count="1")"));
  std::string gap = ElementWith(html, R"(data-gap-kind="uncovered_point")");
  EXPECT_THAT(gap, HasSubstr(R"(data-gap-id="S3.1" data-path="I2/S3/S3.1")"));
  EXPECT_THAT(gap, HasSubstr(R"(<ul class="path"><li>I2</li><li>S3</li><li>S3.1</li></ul>)"));

  Report clean = HandBuilt();
  clean.coverage = {};
  EXPECT_THAT(RenderHtml(clean, Language::kEn), HasSubstr(R"(data-empty="coverage")"));
}

TEST(HtmlTest, HeatMapHasOneCellPerMatrixCell) {
  Report report = HandBuilt();
  std::string html = RenderHtml(report, Language::kEn);
  EXPECT_EQ(Count(html, "<td class=\"cell "), 4);
  EXPECT_EQ(Count(html, "<td class=\"cell-empty\""), 3 * 3 - 4);
  std::string h = ElementWith(html, R"(data-point="S1.1" data-course="C01")");
  EXPECT_THAT(h, HasSubstr("class=\"cell weight-H dark\""));
  EXPECT_THAT(h, HasSubstr(R"(data-weight="H" data-weight-value="3" data-assessments="A1 A2")"));
  EXPECT_THAT(h, HasSubstr("background-color:rgba(9,105,218,0.9)"));
  EXPECT_THAT(h, HasSubstr(R"(<span class="w">H</span><span class="as">A1, A2</span>)"));
  std::string m = ElementWith(html, R"(data-point="S1.1" data-course="C02")");
  EXPECT_THAT(m, HasSubstr("background-color:rgba(9,105,218,0.64)"));
  std::string l = ElementWith(html, R"(data-point="S1.2" data-course="C02")");
  EXPECT_THAT(l, HasSubstr("class=\"cell weight-L no-assessment\""));
  EXPECT_THAT(l, HasSubstr("background-color:rgba(9,105,218,0.38)"));
  EXPECT_THAT(l, HasSubstr("no assessment"));
  std::string number = ElementWith(html, R"(data-point="S1.2" data-course="C03")");
  EXPECT_THAT(number, HasSubstr("class=\"cell weight-number\""));
  EXPECT_THAT(number, HasSubstr(R"(data-weight="1.5")"));
  EXPECT_THAT(number, HasSubstr("background-color:rgba(9,105,218,0.51)"));
  // A point no course supports is marked.
  EXPECT_THAT(html, HasSubstr(R"(data-point-row="S3.1" data-item="S3" class="uncovered")"));
  // Courses with how they are delivered.
  EXPECT_THAT(ElementWith(html, R"(data-course-row="C02")"), HasSubstr("<td>enterprise</td>"));

  // Items × general points, industry points in the last column.
  EXPECT_THAT(html, HasSubstr(R"(data-item="S1" data-general-point="G1" data-covered="true")"));
  EXPECT_THAT(html, HasSubstr(R"(data-item="S1" data-general-point="G2" data-covered="false")"));
  EXPECT_THAT(html, HasSubstr(R"(data-item="S3" data-general-point="G2" data-covered="true")"));
  EXPECT_THAT(html, HasSubstr(R"(data-other-covers="I2")"));

  // Cells pointing outside the matrix are ignored, not a crash.
  report.matrix.cells.push_back({7, 0, "H", 3, {}});
  report.matrix.cells.push_back({0, -1, "H", 3, {}});
  EXPECT_EQ(Count(RenderHtml(report, Language::kEn), "<td class=\"cell "), 4);
}

TEST(HtmlTest, WithoutAMatrixSaysSo) {
  Report report = HandBuilt();
  report.matrix = {};
  std::string html = RenderHtml(report, Language::kEn);
  EXPECT_THAT(html, HasSubstr(R"(data-empty="matrix")"));
  EXPECT_THAT(html, Not(HasSubstr("id=\"heatmap\"")));
}

TEST(HtmlTest, AttainmentBarsAndNullValuesShownAsNoData) {
  std::string html = RenderHtml(HandBuilt(), Language::kEn);
  EXPECT_THAT(html, HasSubstr(R"(<section id="attainment" data-computed="true">)"));
  std::string chart = ElementWith(html, R"(id="point-chart")");
  EXPECT_EQ(Count(chart, "class=\"bar-row\""), 3);
  EXPECT_EQ(Count(chart, "<rect "), 2);
  // 0.72 of the 560-unit plot.
  std::string bar = ElementWith(chart, R"(data-id="S1.1")");
  EXPECT_THAT(
      bar,
      HasSubstr(
          R"(<rect class="bar level-attained" data-value="0.72" x="90.0" y="25.0" width="403.2")"));
  EXPECT_THAT(bar, HasSubstr("0.72 (18/25)"));
  EXPECT_THAT(bar, HasSubstr("n=20 students, 2 courses"));
  // A null value is "no data": no bar, no zero.
  std::string null_bar = ElementWith(chart, R"(data-id="S1.2")");
  EXPECT_THAT(null_bar, HasSubstr(R"(data-value="null")"));
  EXPECT_THAT(null_bar, HasSubstr(R"(<text class="no-data")"));
  EXPECT_THAT(null_bar, HasSubstr(">no data</text>"));
  EXPECT_THAT(null_bar, Not(HasSubstr("<rect")));
  EXPECT_THAT(null_bar, Not(HasSubstr(">0<")));
  EXPECT_THAT(null_bar, Not(HasSubstr(">0%")));
  // The threshold line, at 0.6 of the plot, and the cut-off of `good`.
  EXPECT_THAT(chart,
              HasSubstr(R"(<line class="threshold" data-threshold="0.6" x1="426.0" x2="426.0")"));
  EXPECT_THAT(chart, HasSubstr(R"(<line class="good-line" data-good="0.8")"));

  std::string shares = ElementWith(html, R"(id="share-chart")");
  EXPECT_THAT(ElementWith(shares, R"(data-id="S1.1")"), HasSubstr(">75%</text>"));
  EXPECT_THAT(ElementWith(shares, R"(data-id="S1.1")"), HasSubstr(">15/20</text>"));
  EXPECT_THAT(ElementWith(shares, R"(data-id="S1.2")"), HasSubstr(">no data</text>"));
  EXPECT_THAT(ElementWith(shares, R"(data-id="S1.2")"), Not(HasSubstr("<rect")));

  std::string items = ElementWith(html, R"(id="item-chart")");
  EXPECT_EQ(Count(items, "class=\"bar-row\""), 2);
  EXPECT_THAT(ElementWith(items, R"(data-id="S3")"), HasSubstr(">no data</text>"));

  EXPECT_THAT(html,
              HasSubstr(R"(data-point-attainment="S1.2" data-value="null" data-level="unknown")"));
  EXPECT_THAT(ElementWith(html, R"(data-point-attainment="S1.2")"),
              HasSubstr(R"(<td class="no-data" data-value="null">no data</td>)"));
  EXPECT_THAT(ElementWith(html, R"(data-point-attainment="S1.2")"),
              HasSubstr(R"(data-share="null">no data</td>)"));
  EXPECT_THAT(ElementWith(html, R"(data-point-attainment="S3.1")"), HasSubstr(">good</span>"));
  EXPECT_THAT(html, HasSubstr(R"(data-item-attainment="S3" data-value="null")"));
  EXPECT_THAT(html, HasSubstr(R"(data-course="C02" data-point="S1.2" data-value="null")"));
  EXPECT_THAT(ElementWith(html, R"(data-course="C01" data-point="S1.1")"), HasSubstr("0.7 (7/10)"));
  // The report's own (Chinese) wording of the method, besides the English one.
  EXPECT_THAT(html, HasSubstr(R"(id="report-formula")"));
}

TEST(HtmlTest, WithoutScoresSaysNoScoresWereProvided) {
  Report report = HandBuilt();
  report.attainment = {};
  std::string en = RenderHtml(report, Language::kEn);
  EXPECT_THAT(en, HasSubstr(R"(<section id="attainment" data-computed="false">)"));
  EXPECT_THAT(en, HasSubstr(R"(<p id="no-scores" class="no-data">No scores were provided)"));
  EXPECT_THAT(en, Not(HasSubstr("<svg")));
  EXPECT_THAT(RenderHtml(report, Language::kZh), HasSubstr("档案中没有成绩数据"));
}

TEST(HtmlTest, LoadsNoExternalResource) {
  Report report = HandBuilt();
  report.requirements[0].criteria[0].text = "see https://example.com/x.png and url(http://a/b)";
  std::string html = RenderHtml(report, Language::kZh);
  for (const std::string& attribute : ResourceAttributes(html)) {
    EXPECT_THAT(attribute, ::testing::StartsWith("href=\"#")) << attribute;
  }
  for (const char* tag : {"<script", "<link", "<img", "<iframe", "<object", "<embed", "<base",
                          "<audio", "<video", "<source", "<image", "<use", "<foreignObject"}) {
    EXPECT_THAT(html, Not(HasSubstr(tag))) << tag;
  }
  // CSS loads nothing: no url(), @import or web font in the style sheet or a style attribute.
  size_t style = html.find("<style>");
  std::string css = html.substr(style, html.find("</style>") - style);
  static const std::regex kStyleAttribute(R"re(\sstyle="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kStyleAttribute);
       it != std::sregex_iterator(); ++it) {
    css += (*it)[1].str();
  }
  for (const char* load : {"url(", "@import", "@font-face", "image-set("}) {
    EXPECT_THAT(css, Not(HasSubstr(load))) << load;
  }
  // The text holding a URL stays text.
  EXPECT_THAT(html, HasSubstr("<blockquote data-part=\"text\">see https://example.com/x.png"));
  EXPECT_THAT(html, HasSubstr("<meta http-equiv=\"Content-Security-Policy\" "
                              "content=\"default-src &#39;none&#39;;"));
}

// The three examples, evaluated with the built-in pack: one article per criterion with its
// verdict, one badge per requirement.
TEST(HtmlTest, RendersTheExamples) {
  std::vector<Diagnostic> problems;
  auto pack = Pack::Builtin();
  ASSERT_TRUE(pack.ok()) << pack.status();
  for (const char* name : {"compliant", "failing", "incomplete"}) {
    SCOPED_TRACE(name);
    auto dossier = Dossier::FromFile(
        **pack, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json", &problems);
    ASSERT_TRUE(dossier.ok()) << dossier.status();
    auto report = Evaluate(**pack, **dossier);
    ASSERT_TRUE(report.ok()) << report.status();
    std::string html = RenderHtml(*report, Language::kZh);
    int criteria = 0;
    for (const RequirementResult& r : report->requirements) {
      EXPECT_THAT(html, HasSubstr("data-requirement-badge=\"" + r.id + "\" data-verdict=\"" +
                                  VerdictName(r.verdict) + "\""));
      for (const CriterionResult& c : r.criteria) {
        ++criteria;
        EXPECT_THAT(html, HasSubstr("data-criterion=\"" + c.id + "\" data-verdict=\"" +
                                    VerdictName(c.verdict) + "\""));
      }
    }
    EXPECT_EQ(Count(html, "<article "), criteria);
    EXPECT_EQ(Count(html, "data-requirement-badge="), 10);
    EXPECT_EQ(Count(html, "<tr id=\"general-G"), 11);
    for (const std::string& attribute : ResourceAttributes(html)) {
      EXPECT_THAT(attribute, ::testing::StartsWith("href=\"#")) << attribute;
    }
  }
}

}  // namespace
}  // namespace zhuoyue
