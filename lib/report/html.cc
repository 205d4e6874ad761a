// RenderHtml: the report as one self-contained HTML5 page. Everything it needs is inline —
// CSS, SVG charts — and a Content-Security-Policy forbids any load, so the file can be mailed
// or archived and opened offline; it has no script and renders fully with JavaScript off.
//
// Every element a reader or a test looks for has a stable hook: `id`s for the sections and
// each requirement and criterion, `data-*` attributes for ids, verdicts, levels, weights and
// values (see the per-section comments below). Texts from the report are escaped; pack texts
// are printed verbatim (never translated); the renderer's own words come in the report's
// language.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/labels.h"
#include "report/markup.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

// The renderer's own words.
constexpr Bilingual kReportTitle{"卓越计划实施工作评价报告",
                                 "Excellent Engineer plan: evaluation report"};
constexpr Bilingual kProgram{"专业", "Program"};
constexpr Bilingual kRules{"评价规则", "Rules"};
constexpr Bilingual kParameters{"参数", "Parameters"};
constexpr Bilingual kContents{"目录", "Contents"};
constexpr Bilingual kOverview{"评价结论", "Overview"};
constexpr Bilingual kOverall{"总体结论", "Overall result"};
constexpr Bilingual kStandardWording{"标准表述", "The standard's wording"};
constexpr Bilingual kEligibility{"申请条件", "Eligibility"};
constexpr Bilingual kRequirementsOverview{"十项专门要求", "The special requirements"};
constexpr Bilingual kCriteriaTally{"判断依据", "Criteria"};
constexpr Bilingual kMaterialsTally{"支撑材料", "Materials"};
constexpr Bilingual kGeneralStandard{"通用标准", "General standard"};
constexpr Bilingual kPoint{"标准", "Point"};
constexpr Bilingual kVerdict{"结论", "Verdict"};
constexpr Bilingual kText{"内容", "Text"};
constexpr Bilingual kCoveredBy{"学校标准覆盖项", "Covered by school-standard items"};
constexpr Bilingual kRequirements{"专门要求及判断依据", "Requirements and their criteria"};
constexpr Bilingual kRequirement{"专门要求", "Requirement"};
constexpr Bilingual kPassAll{"全部判断依据均须达到", "all criteria must be met"};
constexpr Bilingual kPassAtLeast{"至少须达到的判断依据数：",
                                 "criteria that must be met, at least: "};
constexpr Bilingual kCriterion{"判断依据", "Criterion"};
constexpr Bilingual kMeasured{"测得", "measured"};
constexpr Bilingual kNeeds{"要求", "needs"};
constexpr Bilingual kHold{"项成立", "hold"};
constexpr Bilingual kValueAndThreshold{"数值", "Value"};
constexpr Bilingual kNoValue{"无数据", "no data"};
constexpr Bilingual kWitnesses{"不满足的对象", "Entities that break it"};
constexpr Bilingual kMissing{"缺少的数据", "Missing data"};
constexpr Bilingual kJudgement{"专家判断", "Expert judgement"};
constexpr Bilingual kWhatIf{"假如", "What if"};
constexpr Bilingual kMessage{"说明", "Detail"};
constexpr Bilingual kMaterials{"支撑材料", "Materials"};
constexpr Bilingual kMaterial{"材料", "Material"};
constexpr Bilingual kTitle{"名称", "Title"};
constexpr Bilingual kProvided{"是否提供", "Provided"};
constexpr Bilingual kCoverage{"覆盖缺口", "Coverage gaps"};
constexpr Bilingual kNoGaps{"无覆盖缺口。", "No coverage gaps."};
constexpr Bilingual kGapKind{"类型", "Kind"};
constexpr Bilingual kGapId{"对象", "Entity"};
constexpr Bilingual kGapPath{"路径", "Path"};
constexpr Bilingual kMatrix{"学校标准实现矩阵", "Realisation matrix"};
constexpr Bilingual kNoMatrix{"报告中没有实现矩阵。", "The report has no realisation matrix."};
constexpr Bilingual kHeatMap{"标准点 × 课程（支撑强度及衡量该标准点的考核）",
                             "Standard points × courses (support weight and the assessments "
                             "measuring the point)"};
constexpr Bilingual kWeightLegend{"颜色越深支撑越强：H = 3，M = 2，L = 1，数字按所写。",
                                  "The darker, the stronger the support: H = 3, M = 2, L = 1, "
                                  "numbers as written."};
constexpr Bilingual kNoAssessment{"无考核", "no assessment"};
constexpr Bilingual kCourses{"课程与教学环节", "Courses"};
constexpr Bilingual kCourse{"课程", "Course"};
constexpr Bilingual kName{"名称", "Name"};
constexpr Bilingual kKind{"类型", "Kind"};
constexpr Bilingual kCore{"核心课程", "Core"};
constexpr Bilingual kSemester{"学期", "Semester"};
constexpr Bilingual kCredits{"学分", "Credits"};
constexpr Bilingual kVenue{"地点", "Venue"};
constexpr Bilingual kMethods{"教学方式", "Methods"};
constexpr Bilingual kItemsTable{"学校标准 × 通用标准", "School-standard items × general points"};
constexpr Bilingual kItem{"学校标准", "Item"};
constexpr Bilingual kOtherCovers{"行业标准等", "Other points covered"};
constexpr Bilingual kAttainment{"达成度", "Attainment"};
constexpr Bilingual kNoScores{"档案中没有成绩数据，未计算达成度（各值均为空，不记为零）。",
                              "No scores were provided, so attainment was not computed (every "
                              "value is empty, never zero)."};
constexpr Bilingual kPointChart{"标准点达成度", "Attainment of the standard points"};
constexpr Bilingual kShareChart{"本人达成度不低于阈值的学生比例",
                                "Share of students at or above the threshold"};
constexpr Bilingual kItemChart{"学校标准达成度", "Attainment of the school-standard items"};
constexpr Bilingual kPointTable{"标准点达成度明细", "Standard points in figures"};
constexpr Bilingual kItemTable{"学校标准达成度明细", "School-standard items in figures"};
constexpr Bilingual kCoursePoints{"课程对标准点的达成度", "Course × point attainment"};
constexpr Bilingual kThreshold{"阈值", "threshold"};
constexpr Bilingual kGood{"良好", "good"};
constexpr Bilingual kValue{"达成度", "Value"};
constexpr Bilingual kLevel{"等级", "Level"};
constexpr Bilingual kStudents{"学生数", "Students"};
constexpr Bilingual kAtThreshold{"达到阈值的学生", "Students at threshold"};
constexpr Bilingual kCourseCount{"课程数", "Courses"};
constexpr Bilingual kPointCount{"计入的标准点数", "Points counted"};
constexpr Bilingual kWeight{"权重", "Weight"};
constexpr Bilingual kAssessments{"考核", "Assessments"};
constexpr Bilingual kScores{"成绩数", "Scores"};
constexpr Bilingual kFormula{"计算方法", "Method"};

// A self-contained page needs no load at all: this policy makes the browser refuse any.
constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

constexpr char kStyle[] = R"css(
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--met:#1a7f37;--met-bg:#dafbe1;
--not:#cf222e;--not-bg:#ffebe9;--pending:#9a6700;--pending-bg:#fff8c5;--gold:#8a6100;
--gold-bg:#fff1c2}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:1280px;padding:24px;color:var(--ink);line-height:1.5;
font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","PingFang SC",
"Microsoft YaHei",system-ui,sans-serif}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid var(--ink);
margin:32px 0 12px;padding-bottom:4px}h3{font-size:16px;margin:20px 0 8px}h4{margin:12px 0 6px}
.muted,.pack-text{color:var(--muted)}
code,.id{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
.params code{background:#f6f8fa;border:1px solid var(--line);border-radius:4px;padding:0 4px;
margin:1px 2px;display:inline-block}
table{border-collapse:collapse;margin:8px 0;width:100%}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
nav ol{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:8px 0}
nav a{color:#0969da}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;
border:1px solid;white-space:nowrap}
.v-met{color:var(--met);background:var(--met-bg);border-color:var(--met)}
.v-not_met{color:var(--not);background:var(--not-bg);border-color:var(--not)}
.v-pending{color:var(--pending);background:var(--pending-bg);border-color:var(--pending)}
.overall{border:2px solid;border-radius:8px;padding:12px 16px;margin:8px 0}
.overall .overall-label{font-size:20px;font-weight:700;display:block}
.req-badges{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px;
list-style:none;padding:0;margin:8px 0}
.req-badge{display:block;border:1px solid;border-radius:8px;padding:6px 10px;
text-decoration:none;height:100%}
.req-badge .req-id{font-weight:700;font-size:18px;margin-right:6px}
.req-badge .req-title{color:var(--ink)}
.req-badge .req-verdict,.req-badge .req-level{display:block;font-size:12px}
.level-distinction{box-shadow:inset 0 0 0 2px var(--gold)}
.level-distinction .req-level{color:var(--gold);font-weight:700}
.tally{display:flex;gap:16px;flex-wrap:wrap;list-style:none;padding:0}
.requirement{border-top:1px solid var(--line);margin-top:20px}
.criterion{border:1px solid var(--line);border-left:6px solid;border-radius:6px;
padding:8px 12px;margin:8px 0;break-inside:avoid}
.criterion.v-met,.criterion.v-not_met,.criterion.v-pending{background:none;color:inherit}
.criterion.v-met{border-left-color:var(--met)}
.criterion.v-not_met{border-left-color:var(--not)}
.criterion.v-pending{border-left-color:var(--pending)}
.criterion header{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.criterion .criterion-id{font-weight:700}
.criterion blockquote{margin:6px 0;padding:0 0 0 10px;border-left:3px solid var(--line)}
.criterion dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0 0}
.criterion dt{color:var(--muted)}.criterion dd{margin:0}
.ids{display:inline;list-style:none;padding:0;margin:0}
.ids li{display:inline-block;font-family:"DejaVu Sans Mono",monospace;font-size:12px;
background:#f6f8fa;border:1px solid var(--line);border-radius:4px;padding:0 4px;margin:1px 2px}
.path{display:inline;list-style:none;padding:0;margin:0}
.path li{display:inline}.path li+li:before{content:" → ";color:var(--muted)}
.provided-true{color:var(--met)}.provided-false{color:var(--not);font-weight:600}
.provided-unknown{color:var(--pending)}
.scroll{overflow-x:auto}
table.heatmap{width:auto;font-size:12px}
.heatmap th.point{min-width:220px;font-weight:400}
.heatmap th.course{writing-mode:vertical-rl;white-space:nowrap;font-weight:600;
vertical-align:bottom;padding:6px 2px}
.heatmap td.cell,.heatmap td.cell-empty{width:56px;min-width:56px;text-align:center;
vertical-align:middle;padding:2px}
.heatmap td.cell .w{display:block;font-weight:700;font-size:13px}
.heatmap td.cell .as{display:block;font-size:10px;line-height:1.2}
.heatmap td.cell.dark{color:#fff}
.heatmap td.cell.no-assessment{outline:2px dashed var(--not);outline-offset:-3px}
.heatmap tr.uncovered th.point{background:var(--not-bg)}
.items td.covers{text-align:center;font-weight:700;color:var(--met)}
.chart{display:block;width:100%;max-width:900px;height:auto;margin:8px 0}
.chart text{font-family:"DejaVu Sans",sans-serif;font-size:12px;fill:var(--ink)}
.chart .axis{stroke:var(--muted);stroke-width:1}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .threshold{stroke:var(--not);stroke-width:2;stroke-dasharray:6 3}
.chart .good-line{stroke:var(--met);stroke-width:1.5;stroke-dasharray:2 3}
.chart .level-good{fill:#1a7f37}.chart .level-attained{fill:#4ac26b}
.chart .level-not_attained{fill:#cf222e}.chart .level-unknown{fill:#afb8c1}
.chart .share{fill:#0969da}.chart .no-data{fill:var(--muted);font-style:italic}
.chart .ann{fill:var(--muted)}
.minibar{display:inline-block;height:8px;background:#0969da;vertical-align:middle;
margin-right:6px}
.level-text-good{color:#1a7f37;font-weight:700}.level-text-attained{color:#2c974b}
.level-text-not_attained{color:var(--not);font-weight:700}
.level-text-unknown{color:var(--muted);font-style:italic}
.no-data{color:var(--muted);font-style:italic}
.formula{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:8px 12px}
@media print{body{max-width:none;padding:0;font-size:11px}nav{display:none}
h2{break-after:avoid}h3{break-after:avoid}tr,.req-badge,.criterion,.chart{break-inside:avoid}
a{color:inherit;text-decoration:none}.scroll{overflow:visible}@page{size:A4 landscape;margin:12mm}}
)css";

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// <name a="v" …>, every value escaped.
std::string Open(std::string_view name, Attributes attributes = {}) {
  std::string out = "<";
  out += name;
  for (const auto& [key, value] : attributes) {
    out += ' ';
    out += key;
    out += "=\"";
    out += HtmlText(value);
    out += '"';
  }
  out += '>';
  return out;
}

std::string Close(std::string_view name) { return "</" + std::string(name) + ">"; }

// <name …>escaped text</name>.
std::string Element(std::string_view name, Attributes attributes, std::string_view text) {
  return Open(name, attributes) + HtmlText(text) + Close(name);
}

// A number as people write it: 302, 0.225, 3500000, 1.5e+20.
std::string Number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+∞" : "−∞";
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  }
  return buffer;
}

// A share in [0, 1] to three decimals at most: 0.725, 0.7, 1.
std::string Share(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string Percent(double share) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100);
  return buffer;
}

// An SVG coordinate: one decimal.
std::string Coordinate(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// The colour class of a verdict: v-met, v-not_met, v-pending.
std::string VerdictClass(Verdict verdict) { return std::string("v-") + VerdictName(verdict); }

std::string Badge(Verdict verdict, Language language) {
  return Element("span", {{"class", "badge " + VerdictClass(verdict)}},
                 VerdictLabel(verdict, language));
}

// The overall outcome as a colour: passed_and_met is met, pending is pending, the rest fail.
Verdict OverallVerdict(std::string_view overall) {
  if (overall == "passed_and_met") return Verdict::kMet;
  if (overall == "pending") return Verdict::kPending;
  return Verdict::kNotMet;
}

// Ids as an inline list: <ul class="ids"><li>S3.1</li>…</ul>.
std::string IdList(const std::vector<std::string>& ids, std::string_view cls = "ids") {
  std::string out = Open("ul", {{"class", cls}});
  for (const std::string& id : ids) out += Element("li", {}, id);
  return out + Close("ul");
}

std::string Joined(const std::vector<std::string>& ids, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += separator;
    out += ids[i];
  }
  return out;
}

// The machine form of a quantity for data- attributes: exact, or "min..max", or "undefined".
std::string QuantityData(const Quantity& q) {
  if (q.undefined) return "undefined";
  if (q.range) {
    return (q.minimum ? Number(*q.minimum) : "-inf") + ".." +
           (q.maximum ? Number(*q.maximum) : "inf");
  }
  return q.exact.empty() ? Number(q.value) : q.exact;
}

class HtmlWriter {
 public:
  HtmlWriter(const Report& report, Language language) : report_(report), language_(language) {}

  std::string Render() {
    const char* lang = language_ == Language::kZh ? "zh-CN" : "en";
    out_ += "<!DOCTYPE html>\n";
    out_ += Open("html", {{"lang", lang}, {"data-format", "zhuoyue.report/1"}});
    out_ += "\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += Open("meta",
                 {{"http-equiv", "Content-Security-Policy"}, {"content", kContentSecurityPolicy}});
    out_ += "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"zhuoyue\">\n";
    std::string title = std::string(kReportTitle.In(language_)) + " — " + report_.program;
    if (!report_.program_name.empty()) title += " " + report_.program_name;
    out_ += Element("title", {}, title);
    out_ += "\n<style>";
    out_ += kStyle;
    out_ += "</style>\n</head>\n";
    out_ += Open("body", {{"data-program", report_.program}, {"data-overall", report_.overall}});
    out_ += "\n";
    Header();
    Contents();
    Overview();
    GeneralStandard();
    Requirements();
    CoverageSection();
    Matrix();
    AttainmentSection();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const char* L(const Bilingual& label) const { return label.In(language_); }

  void Heading(int level, std::string_view text) {
    std::string tag = "h" + std::to_string(level);
    out_ += Element(tag, {}, text) + "\n";
  }

  // The program, the rules and their parameters.
  void Header() {
    out_ += "<header id=\"report-header\">\n";
    Heading(1, L(kReportTitle));
    out_ += "<p>" + Element("strong", {}, std::string(L(kProgram)) + " ") +
            Element("code", {{"id", "program-id"}}, report_.program);
    if (!report_.program_name.empty()) {
      out_ += " " + Element("span", {{"id", "program-name"}}, report_.program_name);
    }
    out_ +=
        "<br>" + Element("strong", {}, std::string(L(kRules)) + " ") +
        Element(
            "span",
            {{"id", "pack"}, {"data-pack", report_.pack}, {"data-version", report_.pack_version}},
            report_.pack + " " + report_.pack_version) +
        "</p>\n";
    if (!report_.params.empty()) {
      // Shown open, as a line of chips, so that a printed report keeps them.
      out_ += "<p id=\"parameters\" class=\"params\">" +
              Element("strong", {}, std::string(L(kParameters)) + " ");
      for (const auto& [name, value] : report_.params) {
        out_ += Element("code", {{"data-param", name}}, name + " = " + value) + " ";
      }
      out_ += "</p>\n";
    }
    out_ += "</header>\n";
  }

  void Contents() {
    out_ += "<nav id=\"contents\">" + Element("strong", {}, L(kContents)) + "<ol>";
    const std::pair<const char*, const Bilingual*> entries[] = {
        {"#overview", &kOverview},
        {"#general-standard", &kGeneralStandard},
        {"#requirements", &kRequirements},
        {"#coverage", &kCoverage},
        {"#matrix", &kMatrix},
        {"#attainment", &kAttainment}};
    for (const auto& [href, label] : entries) {
      out_ += "<li>" + Element("a", {{"href", href}}, L(*label)) + "</li>";
    }
    out_ += "</ol></nav>\n";
  }

  // #overview: the overall outcome (data-overall), the eligibility rules
  // (li[data-eligibility][data-verdict]), one badge per requirement
  // (a[data-requirement-badge][data-verdict][data-level]) and the tallies.
  void Overview() {
    out_ += "<section id=\"overview\">\n";
    Heading(2, L(kOverview));
    Verdict overall = OverallVerdict(report_.overall);
    // In Chinese the standard's own wording is the label; in English ours, then the
    // standard's.
    std::string label = OverallLabel(report_.overall, language_);
    if (label.empty() || (language_ == Language::kZh && !report_.overall_label.empty())) {
      label = report_.overall_label.empty() ? report_.overall : report_.overall_label;
    }
    out_ += Open("div", {{"id", "overall"},
                         {"class", "overall " + VerdictClass(overall)},
                         {"data-overall", report_.overall},
                         {"data-verdict", VerdictName(overall)}});
    out_ += Element("span", {{"class", "muted"}}, L(kOverall));
    out_ += Element("span", {{"class", "overall-label"}}, label);
    if (!report_.overall_label.empty() && report_.overall_label != label) {
      out_ += Element("span", {{"class", "pack-text"}},
                      std::string(L(kStandardWording)) +
                          (language_ == Language::kZh ? "：" : ": ") + report_.overall_label);
    }
    out_ += "</div>\n";

    if (!report_.eligibility.empty()) {
      Heading(3, L(kEligibility));
      out_ += "<ul id=\"eligibility\" class=\"eligibility\">\n";
      for (const EligibilityResult& e : report_.eligibility) {
        out_ += Open("li", {{"data-eligibility", e.id}, {"data-verdict", VerdictName(e.verdict)}}) +
                Badge(e.verdict, language_) + " " + Element("code", {}, e.id) + " " +
                Element("span", {{"class", "message"}}, e.message) + "</li>\n";
      }
      out_ += "</ul>\n";
    }

    Heading(3, L(kRequirementsOverview));
    out_ += "<ol id=\"requirement-badges\" class=\"req-badges\">\n";
    for (const RequirementResult& r : report_.requirements) {
      std::string level = Level(r);
      out_ += "<li>" +
              Open("a", {{"href", "#requirement-" + r.id},
                         {"class", "req-badge " + VerdictClass(r.verdict) + " level-" + r.level},
                         {"data-requirement-badge", r.id},
                         {"data-verdict", VerdictName(r.verdict)},
                         {"data-level", r.level}}) +
              Element("span", {{"class", "req-id"}}, r.id) +
              Element("span", {{"class", "req-title"}}, r.title) +
              Element("span", {{"class", "req-verdict"}}, VerdictLabel(r.verdict, language_)) +
              Element("span", {{"class", "req-level"}, {"title", r.level_label}}, level) +
              "</a></li>\n";
    }
    out_ += "</ol>\n";

    int verdicts[3] = {0, 0, 0};
    int provided = 0, not_provided = 0, unknown = 0;
    for (const RequirementResult& r : report_.requirements) {
      for (const CriterionResult& c : r.criteria) ++verdicts[static_cast<int>(c.verdict)];
      for (const MaterialResult& m : r.materials) {
        if (!m.provided) {
          ++unknown;
        } else if (*m.provided) {
          ++provided;
        } else {
          ++not_provided;
        }
      }
    }
    out_ += "<ul id=\"tally\" class=\"tally\">";
    out_ += "<li>" + Element("strong", {}, L(kCriteriaTally)) + " ";
    for (Verdict v : {Verdict::kMet, Verdict::kNotMet, Verdict::kPending}) {
      out_ += Element("span",
                      {{"class", "badge " + VerdictClass(v)},
                       {"data-tally", VerdictName(v)},
                       {"data-count", std::to_string(verdicts[static_cast<int>(v)])}},
                      std::string(VerdictLabel(v, language_)) + " " +
                          std::to_string(verdicts[static_cast<int>(v)])) +
              " ";
    }
    out_ += "</li><li>" + Element("strong", {}, L(kMaterialsTally)) + " ";
    const std::pair<std::optional<bool>, int> materials[] = {
        {true, provided}, {false, not_provided}, {std::nullopt, unknown}};
    for (const auto& [state, count] : materials) {
      out_ += Element("span", {{"class", ProvidedClass(state)}},
                      std::string(MaterialLabel(state, language_)) + " " + std::to_string(count)) +
              " ";
    }
    out_ += "</li></ul>\n</section>\n";
  }

  static std::string ProvidedClass(std::optional<bool> provided) {
    return !provided ? "provided-unknown" : *provided ? "provided-true" : "provided-false";
  }
  static std::string ProvidedData(std::optional<bool> provided) {
    return !provided ? "unknown" : *provided ? "true" : "false";
  }

  // #general-standard: tr[data-general-point][data-verdict].
  void GeneralStandard() {
    out_ += "<section id=\"general-standard\">\n";
    Heading(2, L(kGeneralStandard));
    out_ += "<table><thead><tr>" + Element("th", {}, L(kPoint)) + Element("th", {}, L(kVerdict)) +
            Element("th", {}, L(kText)) + Element("th", {}, L(kCoveredBy)) +
            "</tr></thead><tbody>\n";
    for (const GeneralPointResult& g : report_.general_standard) {
      out_ += Open("tr", {{"id", "general-" + g.id},
                          {"data-general-point", g.id},
                          {"data-verdict", VerdictName(g.verdict)}}) +
              Open("th") + Element("code", {}, g.id) + "</th><td>" + Badge(g.verdict, language_) +
              "</td>" + Element("td", {{"class", "text"}}, g.text) + "<td>" + IdList(g.covered_by) +
              "</td></tr>\n";
    }
    out_ += "</tbody></table>\n</section>\n";
  }

  // #requirements: section.requirement[data-requirement][data-verdict][data-level], each
  // criterion an article[data-criterion][data-verdict][data-kind] with its parts as
  // [data-part=text|value|witnesses|missing|judgement|what-if|message], each material a
  // tr[data-material][data-provided=true|false|unknown].
  void Requirements() {
    out_ += "<section id=\"requirements\">\n";
    Heading(2, L(kRequirements));
    for (const RequirementResult& r : report_.requirements) {
      out_ += Open("section", {{"id", "requirement-" + r.id},
                               {"class", "requirement"},
                               {"data-requirement", r.id},
                               {"data-verdict", VerdictName(r.verdict)},
                               {"data-level", r.level}});
      out_ += Open("h3") + HtmlText(std::string(L(kRequirement)) + " " + r.id + " " + r.title) +
              " " + Badge(r.verdict, language_) + "</h3>\n<p>";
      std::string level = Level(r);
      out_ += Element("strong", {{"class", "level"}}, level) + " ";
      if (!r.level_label.empty() && r.level_label != level) {
        out_ += Element("span", {{"class", "pack-text"}}, r.level_label) + " ";
      }
      bool zh = language_ == Language::kZh;
      out_ += Element("span", {{"class", "muted pass"}},
                      std::string(zh ? "（" : "(") +
                          (r.at_least < 0 ? std::string(L(kPassAll))
                                          : L(kPassAtLeast) + std::to_string(r.at_least)) +
                          (zh ? "）" : ")"));
      out_ += "</p>\n";
      for (const CriterionResult& c : r.criteria) Criterion(c);
      if (!r.materials.empty()) {
        Heading(4, L(kMaterials));
        out_ += "<table class=\"materials\"><thead><tr>" + Element("th", {}, L(kMaterial)) +
                Element("th", {}, L(kTitle)) + Element("th", {}, L(kProvided)) +
                "</tr></thead><tbody>\n";
        for (const MaterialResult& m : r.materials) {
          out_ +=
              Open("tr", {{"data-material", m.id}, {"data-provided", ProvidedData(m.provided)}}) +
              Open("td") + Element("code", {}, m.id) + "</td>" + Element("td", {}, m.title) +
              Element("td", {{"class", ProvidedClass(m.provided)}},
                      MaterialLabel(m.provided, language_)) +
              "</tr>\n";
        }
        out_ += "</tbody></table>\n";
      }
      out_ += "</section>\n";
    }
    out_ += "</section>\n";
  }

  void Criterion(const CriterionResult& c) {
    out_ += Open("article", {{"id", "criterion-" + c.id},
                             {"class", "criterion " + VerdictClass(c.verdict)},
                             {"data-criterion", c.id},
                             {"data-verdict", VerdictName(c.verdict)},
                             {"data-kind", c.kind},
                             {"data-message", c.message}});
    std::string kind = CriterionKindLabel(c.kind, language_);
    out_ += "<header>" + Element("span", {{"class", "criterion-id"}}, c.id) +
            Badge(c.verdict, language_) +
            Element("span", {{"class", "muted kind"}}, kind.empty() ? c.kind : kind) +
            "</header>\n";
    out_ += Element("blockquote", {{"data-part", "text"}}, c.text) + "\n<dl>";
    if (c.value || c.threshold) {
      out_ += Element("dt", {}, L(kValueAndThreshold)) + Open("dd", {{"data-part", "value"}}) +
              Measurement(c) + "</dd>";
    }
    if (!c.witnesses.empty()) {
      out_ += Element("dt", {}, L(kWitnesses)) + Open("dd", {{"data-part", "witnesses"}}) +
              IdList(c.witnesses) + "</dd>";
    }
    if (!c.missing.empty()) {
      out_ += Element("dt", {}, L(kMissing)) + Open("dd", {{"data-part", "missing"}}) +
              IdList(c.missing) + "</dd>";
    }
    if (c.judgement) {
      out_ +=
          Element("dt", {}, L(kJudgement)) +
          Open("dd", {{"data-part", "judgement"}, {"data-judgement", VerdictName(*c.judgement)}}) +
          Badge(*c.judgement, language_) + "</dd>";
    }
    if (!c.what_if.empty()) {
      out_ += Element("dt", {}, L(kWhatIf)) +
              Element("dd", {{"data-part", "what-if"}}, WhatIfSentence(c.what_if, language_));
    }
    // The evaluator's message is English and says what the parts above say: shown in English
    // reports; always in data-message.
    if (!c.message.empty() && language_ == Language::kEn) {
      out_ += Element("dt", {}, L(kMessage)) +
              Element("dd", {{"data-part", "message"}, {"class", "muted"}}, c.message);
    }
    out_ += "</dl>\n</article>\n";
  }

  // "measured 10 hold, needs all 11" / "measured 0.18, needs ≥ 0.25".
  std::string Measurement(const CriterionResult& c) {
    std::string value = c.value ? FormatQuantity(*c.value, language_) : L(kNoValue);
    std::string out = Element("span", {{"class", "muted"}}, std::string(L(kMeasured)) + " ") +
                      Element("span",
                              {{"class", c.value ? "value" : "value no-data"},
                               {"data-value", c.value ? QuantityData(*c.value) : "null"}},
                              value);
    if (c.comparison == "all") out += HtmlText(std::string(" ") + L(kHold));
    if (c.threshold) {
      std::string comparison = ComparisonLabel(c.comparison, language_);
      if (comparison.empty()) comparison = c.comparison;
      out +=
          Element("span", {{"class", "muted"}},
                  std::string(language_ == Language::kZh ? "，" : ", ") + L(kNeeds) + " ") +
          Element("span", {{"class", "comparison"}, {"data-comparison", c.comparison}},
                  comparison) +
          " " +
          Element("span", {{"class", "threshold"}, {"data-threshold", QuantityData(*c.threshold)}},
                  FormatQuantity(*c.threshold, language_));
      if (c.comparison == "all" && language_ == Language::kZh) out += " 项";
    }
    return out;
  }

  // #coverage: the four lists (ul[data-coverage-list]) and tr.gap[data-gap-kind][data-gap-id].
  void CoverageSection() {
    const Coverage& c = report_.coverage;
    out_ += "<section id=\"coverage\">\n";
    Heading(2, L(kCoverage));
    const std::pair<const char*, const std::vector<std::string>*> lists[] = {
        {"uncovered_points", &c.uncovered_points},
        {"unassessed_points", &c.unassessed_points},
        {"courses_without_assessment", &c.courses_without_assessment},
        {"orphan_courses", &c.orphan_courses}};
    bool any = !c.gaps.empty();
    for (const auto& [kind, ids] : lists) any = any || !ids->empty();
    if (!any) out_ += Element("p", {{"class", "muted"}, {"data-empty", "coverage"}}, L(kNoGaps));
    out_ += "<ul class=\"coverage-lists\">\n";
    for (const auto& [kind, ids] : lists) {
      if (ids->empty()) continue;
      out_ +=
          Open("li", {{"data-coverage-list", kind}, {"data-count", std::to_string(ids->size())}}) +
          Element("strong", {}, CoverageLabel(kind, language_)) + " " + IdList(*ids) + "</li>\n";
    }
    out_ += "</ul>\n";
    if (!c.gaps.empty()) {
      out_ += "<table id=\"gaps\"><thead><tr>" + Element("th", {}, L(kGapKind)) +
              Element("th", {}, L(kGapId)) + Element("th", {}, L(kGapPath)) +
              "</tr></thead><tbody>\n";
      for (const CoverageGap& gap : c.gaps) {
        std::string kind = CoverageLabel(gap.kind, language_);
        out_ += Open("tr", {{"class", "gap"},
                            {"data-gap-kind", gap.kind},
                            {"data-gap-id", gap.id},
                            {"data-path", Joined(gap.path, "/")}}) +
                Element("td", {}, kind.empty() ? gap.kind : kind) + Open("td") +
                Element("code", {}, gap.id) + "</td><td>" + IdList(gap.path, "path") +
                "</td></tr>\n";
      }
      out_ += "</tbody></table>\n";
    }
    out_ += "</section>\n";
  }

  // #matrix: the heat-map table#heatmap, its supported cells
  // td.cell[data-point][data-course][data-weight][data-assessments], the others
  // td.cell-empty; the courses table; table#items with td[data-item][data-general-point]
  // [data-covered].
  void Matrix() {
    const RealisationMatrix& m = report_.matrix;
    out_ += "<section id=\"matrix\">\n";
    Heading(2, L(kMatrix));
    if (m.points.empty() && m.courses.empty() && m.items.empty()) {
      out_ += Element("p", {{"class", "muted"}, {"data-empty", "matrix"}}, L(kNoMatrix)) +
              "\n</section>\n";
      return;
    }
    if (!m.points.empty() && !m.courses.empty()) HeatMap(m);
    if (!m.courses.empty()) CourseTable(m);
    if (!m.items.empty()) ItemsTable(m);
    out_ += "</section>\n";
  }

  void HeatMap(const RealisationMatrix& m) {
    std::map<std::pair<int, int>, const MatrixCell*> cells;
    double heaviest = 0;
    for (const MatrixCell& cell : m.cells) {
      if (cell.point < 0 || cell.point >= static_cast<int>(m.points.size()) || cell.course < 0 ||
          cell.course >= static_cast<int>(m.courses.size())) {
        continue;
      }
      cells.emplace(std::make_pair(cell.point, cell.course), &cell);
      heaviest = std::max(heaviest, cell.weight_value);
    }
    std::vector<bool> supported(m.points.size(), false);
    for (const auto& [key, cell] : cells) supported[key.first] = true;

    Heading(3, L(kHeatMap));
    out_ += Element("p", {{"class", "muted"}}, L(kWeightLegend));
    out_ += "<div class=\"scroll\"><table id=\"heatmap\" class=\"heatmap\"><thead><tr>" +
            Element("th", {}, L(kPoint));
    for (const MatrixCourse& course : m.courses) {
      out_ +=
          Element("th", {{"class", "course"}, {"data-course", course.id}, {"title", course.name}},
                  course.name.empty() ? course.id : course.id + " " + course.name);
    }
    out_ += "</tr></thead><tbody>\n";
    for (size_t p = 0; p < m.points.size(); ++p) {
      const MatrixPoint& point = m.points[p];
      out_ += Open("tr", {{"data-point-row", point.id},
                          {"data-item", point.item},
                          {"class", supported[p] ? "" : "uncovered"}}) +
              Open("th", {{"class", "point"}, {"title", point.text}}) +
              Element("code", {}, point.id) + " " +
              Element("span", {{"class", "muted"}}, point.text) + "</th>";
      for (size_t c = 0; c < m.courses.size(); ++c) {
        auto found = cells.find({static_cast<int>(p), static_cast<int>(c)});
        if (found == cells.end()) {
          out_ += Open("td", {{"class", "cell-empty"},
                              {"data-point", point.id},
                              {"data-course", m.courses[c].id}}) +
                  "</td>";
          continue;
        }
        const MatrixCell& cell = *found->second;
        // Shade by the weight relative to the heaviest cell: H/M/L alone give 1, ⅔, ⅓.
        double strength = heaviest > 0 ? std::clamp(cell.weight_value / heaviest, 0.0, 1.0) : 0;
        double alpha = 0.12 + 0.78 * strength;
        std::string cls =
            "cell weight-" + (cell.weight == "H" || cell.weight == "M" || cell.weight == "L"
                                  ? cell.weight
                                  : std::string("number"));
        if (alpha > 0.55) cls += " dark";
        if (cell.assessments.empty()) cls += " no-assessment";
        out_ += Open("td", {{"class", cls},
                            {"data-point", point.id},
                            {"data-course", m.courses[c].id},
                            {"data-weight", cell.weight},
                            {"data-weight-value", Number(cell.weight_value)},
                            {"data-assessments", Joined(cell.assessments, " ")},
                            {"style", "background-color:rgba(9,105,218," + Share(alpha) + ")"},
                            {"title", point.id + " × " + m.courses[c].id}}) +
                Element("span", {{"class", "w"}}, cell.weight) +
                Element("span", {{"class", "as"}},
                        cell.assessments.empty() ? std::string(L(kNoAssessment))
                                                 : Joined(cell.assessments, ", ")) +
                "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  void CourseTable(const RealisationMatrix& m) {
    Heading(3, L(kCourses));
    out_ += "<table id=\"courses\"><thead><tr>";
    for (const Bilingual* label :
         {&kCourse, &kName, &kKind, &kCore, &kSemester, &kCredits, &kVenue, &kMethods}) {
      out_ += Element("th", {}, L(*label));
    }
    out_ += "</tr></thead><tbody>\n";
    for (const MatrixCourse& course : m.courses) {
      std::vector<std::string> methods;
      for (const std::string& method : course.methods) {
        methods.push_back(MethodLabel(method, language_));
      }
      out_ +=
          Open("tr", {{"data-course-row", course.id}, {"data-kind", course.kind}}) + Open("td") +
          Element("code", {}, course.id) + "</td>" + Element("td", {}, course.name) +
          Element("td", {}, CourseKindLabel(course.kind, language_)) +
          Element("td", {}, YesNoLabel(course.core, language_)) +
          Element("td", {}, course.semester) + Element("td", {}, course.credits) +
          Element("td", {}, VenueLabel(course.venue, language_)) +
          Element("td", {}, Joined(methods, language_ == Language::kZh ? "、" : ", ")) + "</tr>\n";
    }
    out_ += "</tbody></table>\n";
  }

  void ItemsTable(const RealisationMatrix& m) {
    // Columns: the general points of the report; a point an item covers that is not one of
    // them (an industry-standard point) goes to the last column.
    std::vector<std::string> general;
    for (const GeneralPointResult& g : report_.general_standard) general.push_back(g.id);
    if (general.empty()) {
      for (const MatrixItem& item : m.items) {
        for (const std::string& id : item.covers) {
          if (std::find(general.begin(), general.end(), id) == general.end()) general.push_back(id);
        }
      }
    }
    Heading(3, L(kItemsTable));
    out_ += "<div class=\"scroll\"><table id=\"items\" class=\"items\"><thead><tr>" +
            Element("th", {}, L(kItem));
    for (const std::string& g : general) out_ += Element("th", {{"data-general-point", g}}, g);
    out_ += Element("th", {}, L(kOtherCovers)) + "</tr></thead><tbody>\n";
    for (const MatrixItem& item : m.items) {
      out_ += Open("tr", {{"data-item-row", item.id}}) + Open("th", {{"title", item.text}}) +
              Element("code", {}, item.id) + " " +
              Element("span", {{"class", "muted"}}, item.text) + "</th>";
      for (const std::string& g : general) {
        bool covers = std::find(item.covers.begin(), item.covers.end(), g) != item.covers.end();
        out_ += Open("td", {{"class", covers ? "covers" : ""},
                            {"data-item", item.id},
                            {"data-general-point", g},
                            {"data-covered", covers ? "true" : "false"}}) +
                (covers ? "✓" : "") + "</td>";
      }
      std::vector<std::string> others;
      for (const std::string& id : item.covers) {
        if (std::find(general.begin(), general.end(), id) == general.end()) others.push_back(id);
      }
      out_ += Open("td", {{"data-other-covers", Joined(others, " ")}}) + IdList(others) +
              "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  // One bar of a chart; `value` absent is drawn as "no data", never as a bar of zero.
  struct Bar {
    std::string id;
    std::optional<double> value;
    std::string exact;
    std::string level;       // colour class; empty: the share colour
    std::string annotation;  // right of the bar: sample sizes
  };

  // A horizontal bar chart of shares in [0, 1] as inline SVG: g.bar-row[data-id][data-value]
  // (value "null" when absent) holding rect.bar[data-value] or text.no-data; line.threshold
  // [data-threshold] and line.good-line when given.
  void BarChart(std::string_view id, std::string_view kind, const std::vector<Bar>& bars,
                std::optional<double> threshold, std::optional<double> good, bool percent) {
    constexpr double kLabel = 90, kPlot = 560, kAnnotation = 280, kRow = 22, kTop = 22,
                     kBottom = 26;
    double width = kLabel + kPlot + kAnnotation;
    double height = kTop + kRow * bars.size() + kBottom;
    auto x = [&](double share) { return kLabel + kPlot * std::clamp(share, 0.0, 1.0); };
    double bottom = kTop + kRow * bars.size();
    out_ += Open("svg", {{"id", id},
                         {"class", "chart"},
                         {"data-chart", kind},
                         {"viewBox", "0 0 " + Coordinate(width) + " " + Coordinate(height)},
                         {"width", Coordinate(width)},
                         {"height", Coordinate(height)},
                         {"role", "img"}}) +
            "\n";
    for (int tick = 0; tick <= 10; tick += 2) {
      double share = tick / 10.0;
      out_ += Open("line", {{"class", "grid"},
                            {"x1", Coordinate(x(share))},
                            {"x2", Coordinate(x(share))},
                            {"y1", Coordinate(kTop - 4)},
                            {"y2", Coordinate(bottom)}}) +
              "</line>" +
              Element("text",
                      {{"x", Coordinate(x(share))},
                       {"y", Coordinate(bottom + 16)},
                       {"text-anchor", "middle"}},
                      percent ? Percent(share) : Share(share));
    }
    out_ += Open("line", {{"class", "axis"},
                          {"x1", Coordinate(kLabel)},
                          {"x2", Coordinate(kLabel)},
                          {"y1", Coordinate(kTop - 4)},
                          {"y2", Coordinate(bottom)}}) +
            "</line>\n";
    for (size_t i = 0; i < bars.size(); ++i) {
      const Bar& bar = bars[i];
      double top = kTop + kRow * i;
      std::string value_data = bar.value ? Share(*bar.value) : "null";
      out_ +=
          Open("g", {{"class", "bar-row"}, {"data-id", bar.id}, {"data-value", value_data}}) +
          Element(
              "text",
              {{"x", Coordinate(kLabel - 6)}, {"y", Coordinate(top + 15)}, {"text-anchor", "end"}},
              bar.id);
      std::string shown;
      if (bar.value) {
        shown = percent ? Percent(*bar.value) : Share(*bar.value);
        if (!bar.exact.empty() && bar.exact.find('/') != std::string::npos) {
          shown += " (" + bar.exact + ")";
        }
        out_ +=
            Open("rect", {{"class", "bar " + (bar.level.empty() ? "share" : "level-" + bar.level)},
                          {"data-value", value_data},
                          {"x", Coordinate(kLabel)},
                          {"y", Coordinate(top + 3)},
                          {"width", Coordinate(x(*bar.value) - kLabel)},
                          {"height", Coordinate(kRow - 6)}}) +
            Element("title", {}, bar.id + ": " + shown) + "</rect>";
        out_ += Element(
            "text",
            {{"class", "value"}, {"x", Coordinate(x(*bar.value) + 4)}, {"y", Coordinate(top + 15)}},
            shown);
      } else {
        out_ += Element(
            "text",
            {{"class", "no-data"}, {"x", Coordinate(kLabel + 6)}, {"y", Coordinate(top + 15)}},
            L(kNoValue));
      }
      if (!bar.annotation.empty()) {
        out_ += Element(
            "text",
            {{"class", "ann"}, {"x", Coordinate(kLabel + kPlot + 96)}, {"y", Coordinate(top + 15)}},
            bar.annotation);
      }
      out_ += "</g>\n";
    }
    auto line = [&](double share, const char* cls, const Bilingual& label, const char* data) {
      out_ += Open("line", {{"class", cls},
                            {data, Share(share)},
                            {"x1", Coordinate(x(share))},
                            {"x2", Coordinate(x(share))},
                            {"y1", Coordinate(kTop - 8)},
                            {"y2", Coordinate(bottom)}}) +
              "</line>" +
              Element("text",
                      {{"class", cls + std::string("-label")},
                       {"x", Coordinate(x(share))},
                       {"y", Coordinate(kTop - 10)},
                       {"text-anchor", "middle"}},
                      std::string(L(label)) + " " + Share(share)) +
              "\n";
    };
    if (good) line(*good, "good-line", kGood, "data-good");
    if (threshold) line(*threshold, "threshold", kThreshold, "data-threshold");
    out_ += "</svg>\n";
  }

  // A requirement's level: in Chinese the standard's wording, in English ours.
  std::string Level(const RequirementResult& r) const {
    std::string level = LevelLabel(r.level, language_);
    if (language_ == Language::kZh && !r.level_label.empty()) level = r.level_label;
    return level.empty() ? r.level : level;
  }

  static std::string Plural(int count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
  }

  // "n=24 students, 2 courses" / "n=24 人，2 门课程".
  std::string SampleSize(int students, int courses) const {
    if (language_ == Language::kZh) {
      return "n=" + std::to_string(students) + " 人，" + std::to_string(courses) + " 门课程";
    }
    return "n=" + Plural(students, "student") + ", " + Plural(courses, "course");
  }

  std::string LevelText(const std::string& level) {
    std::string label = AttainmentLevelLabel(level, language_);
    return Element("span", {{"class", "level-text-" + level}}, label.empty() ? level : label);
  }

  std::string ValueCell(const std::optional<double>& value, const std::string& exact) {
    if (!value) {
      return Element("td", {{"class", "no-data"}, {"data-value", "null"}}, L(kNoValue));
    }
    std::string text = Share(*value);
    if (!exact.empty() && exact.find('/') != std::string::npos) text += " (" + exact + ")";
    return Element("td", {{"data-value", Share(*value)}}, text);
  }

  // #attainment: when not computed, p#no-scores; else svg#point-chart, svg#share-chart,
  // svg#item-chart, tables #point-attainment tr[data-point-attainment][data-value][data-level],
  // #item-attainment, #course-attainment, and the formula in #formula.
  void AttainmentSection() {
    const Attainment& a = report_.attainment;
    out_ +=
        Open("section", {{"id", "attainment"}, {"data-computed", a.computed ? "true" : "false"}}) +
        "\n";
    Heading(2, L(kAttainment));
    if (!a.computed) {
      out_ += Element("p", {{"id", "no-scores"}, {"class", "no-data"}}, L(kNoScores)) + "\n";
    } else {
      std::vector<Bar> values, shares, items;
      for (const PointAttainment& p : a.points) {
        values.push_back({p.id, p.value, p.exact, p.level.empty() ? "unknown" : p.level,
                          SampleSize(p.students, p.courses)});
        shares.push_back(
            {p.id, p.share_at_threshold, "", "",
             std::to_string(p.students_at_threshold) + "/" + std::to_string(p.students)});
      }
      for (const ItemAttainment& item : a.items) {
        items.push_back({item.id, item.value, item.exact,
                         item.level.empty() ? "unknown" : item.level,
                         language_ == Language::kZh ? std::to_string(item.points) + " 个标准点"
                                                    : Plural(item.points, "point")});
      }
      if (!values.empty()) {
        Heading(3, L(kPointChart));
        BarChart("point-chart", "points", values, a.method.threshold, a.method.good, false);
        Heading(3, L(kShareChart));
        BarChart("share-chart", "share_at_threshold", shares, std::nullopt, std::nullopt, true);
      }
      if (!items.empty()) {
        Heading(3, L(kItemChart));
        BarChart("item-chart", "items", items, a.method.threshold, a.method.good, false);
      }
      PointTable(a);
      ItemTable(a);
      CoursePointTable(a);
    }
    // The method in the report's language; the report's own wording too when it differs.
    std::string formula = AttainmentFormula(a.method, language_);
    Heading(3, L(kFormula));
    out_ += Element("p", {{"id", "formula"}, {"class", "formula"}}, formula) + "\n";
    if (!a.formula.empty() && a.formula != formula) {
      out_ += Element("p", {{"id", "report-formula"}, {"class", "formula pack-text"}}, a.formula) +
              "\n";
    }
    out_ += "</section>\n";
  }

  void PointTable(const Attainment& a) {
    if (a.points.empty()) return;
    Heading(3, L(kPointTable));
    out_ += "<table id=\"point-attainment\"><thead><tr>";
    for (const Bilingual* label :
         {&kPoint, &kItem, &kValue, &kLevel, &kAtThreshold, &kStudents, &kCourseCount}) {
      out_ += Element("th", {}, L(*label));
    }
    out_ += "</tr></thead><tbody>\n";
    for (const PointAttainment& p : a.points) {
      std::string level = p.level.empty() ? "unknown" : p.level;
      out_ += Open("tr", {{"data-point-attainment", p.id},
                          {"data-value", p.value ? Share(*p.value) : "null"},
                          {"data-level", level}}) +
              Open("th") + Element("code", {}, p.id) + "</th>" + Element("td", {}, p.item) +
              ValueCell(p.value, p.exact) + "<td>" + LevelText(level) + "</td>";
      if (p.share_at_threshold) {
        out_ += Open("td", {{"data-share", Share(*p.share_at_threshold)}}) +
                Open("span",
                     {{"class", "minibar"},
                      {"style", "width:" + Share(60 * std::clamp(*p.share_at_threshold, 0.0, 1.0)) +
                                    "px"}}) +
                "</span>" +
                HtmlText(Percent(*p.share_at_threshold) + " (" +
                         std::to_string(p.students_at_threshold) + "/" +
                         std::to_string(p.students) + ")") +
                "</td>";
      } else {
        out_ += Element("td", {{"class", "no-data"}, {"data-share", "null"}}, L(kNoValue));
      }
      out_ += Element("td", {}, std::to_string(p.students)) +
              Element("td", {}, std::to_string(p.courses)) + "</tr>\n";
    }
    out_ += "</tbody></table>\n";
  }

  void ItemTable(const Attainment& a) {
    if (a.items.empty()) return;
    Heading(3, L(kItemTable));
    out_ += "<table id=\"item-attainment\"><thead><tr>";
    for (const Bilingual* label : {&kItem, &kValue, &kLevel, &kPointCount}) {
      out_ += Element("th", {}, L(*label));
    }
    out_ += "</tr></thead><tbody>\n";
    for (const ItemAttainment& item : a.items) {
      std::string level = item.level.empty() ? "unknown" : item.level;
      out_ += Open("tr", {{"data-item-attainment", item.id},
                          {"data-value", item.value ? Share(*item.value) : "null"},
                          {"data-level", level}}) +
              Open("th") + Element("code", {}, item.id) + "</th>" +
              ValueCell(item.value, item.exact) + "<td>" + LevelText(level) + "</td>" +
              Element("td", {}, std::to_string(item.points)) + "</tr>\n";
    }
    out_ += "</tbody></table>\n";
  }

  void CoursePointTable(const Attainment& a) {
    if (a.course_points.empty()) return;
    Heading(3, L(kCoursePoints));
    out_ += "<table id=\"course-attainment\"><thead><tr>";
    for (const Bilingual* label :
         {&kCourse, &kPoint, &kValue, &kWeight, &kAssessments, &kStudents, &kScores}) {
      out_ += Element("th", {}, L(*label));
    }
    out_ += "</tr></thead><tbody>\n";
    for (const CourseAttainment& cp : a.course_points) {
      out_ += Open("tr", {{"data-course", cp.course},
                          {"data-point", cp.point},
                          {"data-value", cp.value ? Share(*cp.value) : "null"}}) +
              Open("td") + Element("code", {}, cp.course) + "</td>" + Open("td") +
              Element("code", {}, cp.point) + "</td>" + ValueCell(cp.value, cp.exact) +
              Element("td", {}, Number(cp.weight)) + "<td>" + IdList(cp.assessments) + "</td>" +
              Element("td", {}, std::to_string(cp.students)) +
              Element("td", {}, std::to_string(cp.scores)) + "</tr>\n";
    }
    out_ += "</tbody></table>\n";
  }

  const Report& report_;
  Language language_;
  std::string out_;
};

}  // namespace

std::string RenderHtml(const Report& report, Language language) {
  return HtmlWriter(report, language).Render();
}

}  // namespace zhuoyue
