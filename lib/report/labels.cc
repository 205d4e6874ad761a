#include "report/labels.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"

namespace zhuoyue {
namespace {

using Entry = std::pair<std::string_view, Bilingual>;

const char* Lookup(std::initializer_list<Entry> table, std::string_view key, Language language) {
  for (const Entry& entry : table) {
    if (entry.first == key) return entry.second.In(language);
  }
  return "";
}

// Numbers in a formula: 0.6, not 0.600000.
std::string Short(double value) { return absl::StrCat(value); }

}  // namespace

bool ParseLanguage(std::string_view text, Language& language) {
  if (text == "zh") {
    language = Language::kZh;
  } else if (text == "en") {
    language = Language::kEn;
  } else {
    return false;
  }
  return true;
}

const char* VerdictLabel(Verdict verdict, Language language) {
  switch (verdict) {
    case Verdict::kMet:
      return Bilingual{"达到", "met"}.In(language);
    case Verdict::kNotMet:
      return Bilingual{"未达到", "not met"}.In(language);
    case Verdict::kPending:
      return Bilingual{"待定", "pending"}.In(language);
  }
  return "";
}

const char* OverallLabel(std::string_view outcome, Language language) {
  return Lookup(
      {{"passed_and_met", {"通过认证且达到专门要求", "accredited and requirements met"}},
       {"passed_not_met", {"通过认证，未达到专门要求", "accredited, requirements not met"}},
       {"not_passed", {"未通过认证", "not accredited"}},
       {"pending", {"待定", "pending"}}},
      outcome, language);
}

const char* LevelLabel(std::string_view level, Language language) {
  return Lookup({{"not_met", {"未达到专门要求", "requirement not met"}},
                 {"met", {"达到专门要求", "requirement met"}},
                 {"distinction", {"达到专门要求，有特色或优秀", "met with distinction"}},
                 {"pending", {"待定", "pending"}}},
                level, language);
}

const char* AttainmentLevelLabel(std::string_view level, Language language) {
  return Lookup({{"good", {"达成良好", "good"}},
                 {"attained", {"达成", "attained"}},
                 {"not_attained", {"未达成", "not attained"}},
                 {"unknown", {"无数据", "no data"}}},
                level, language);
}

const char* CoverageLabel(std::string_view kind, Language language) {
  return Lookup(
      {{"uncovered_points", {"无课程支撑的标准点", "points no course supports"}},
       {"unassessed_points", {"无考核评价的标准点", "points no assessment measures"}},
       {"courses_without_assessment", {"无考核评价的课程", "courses without assessment"}},
       {"orphan_courses", {"不支撑任何标准点的课程", "courses supporting no point"}},
       {"uncovered_point", {"无课程支撑的标准点", "point no course supports"}},
       {"unassessed_point", {"无考核评价的标准点", "point no assessment measures"}},
       {"course_without_assessment", {"无考核评价的课程", "course without assessment"}},
       {"orphan_course", {"不支撑任何标准点的课程", "course supporting no point"}},
       {"uncovered_general_point", {"学校标准未覆盖的通用标准", "general point no item covers"}}},
      kind, language);
}

std::string AttainmentFormula(const AttainmentMethod& method, Language language) {
  bool zh = language == Language::kZh;
  std::string course_point =
      zh ? "课程对标准点的达成度 = Σ(考核权重×考核对标准点的权重×考核平均分÷满分) ÷ "
           "Σ(考核权重×考核对标准点的权重)，只计衡量该标准点且有成绩的考核"
         : "course × point = Σ w·(mean score ÷ full score) ÷ Σ w over the course's assessments "
           "that measure the point and have scores, w = assessment weight × point weight";
  std::string weight = method.weights == "credits" ? (zh ? "课程学分" : "the course's credits")
                                                   : (zh ? "支撑强度（H/M/L 记 3/2/1）"
                                                         : "the support weight (H/M/L = 3/2/1)");
  std::string point =
      method.courses == "minimum"
          ? (zh ? "标准点达成度 = 各支撑课程达成度的最小值"
                : "point = the minimum over its supporting courses")
          : (zh ? absl::StrCat("标准点达成度 = 各支撑课程达成度以", weight, "加权的平均值")
                : absl::StrCat("point = the mean over its supporting courses weighted by ",
                               weight));
  std::string students =
      method.students == "per_student"
          ? (zh ? "按每名学生本人的成绩计算上述各值，标准点达成度取学生的平均值"
                : "each value is computed from each student's own scores; a point's value is "
                  "the mean over its students")
          : (zh ? "以全体学生的考核平均分计算" : "from the cohort's mean scores");
  std::string item =
      method.items == "mean"
          ? (zh ? "学校标准达成度 = 其标准点达成度的平均值" : "item = the mean over its points")
          : (zh ? "学校标准达成度 = 其标准点达成度的最小值" : "item = the minimum over its points");
  std::string cutoffs =
      zh ? absl::StrCat("学生本人达成度不低于 ", Short(method.threshold),
                        " 即为达成；达成度不低于 ", Short(method.good), " 为达成良好，不低于 ",
                        Short(method.threshold), " 为达成；缺少的成绩不计入（不记零分）")
         : absl::StrCat("a student at or above ", Short(method.threshold),
                        " has attained the point; levels: good ≥ ", Short(method.good),
                        ", attained ≥ ", Short(method.threshold),
                        "; a missing score is left out, never counted as zero");
  const char* separator = zh ? "；" : "; ";
  return absl::StrCat(course_point, separator, point, separator, students, separator, item,
                      separator, cutoffs, zh ? "。" : ".");
}

// --- Added with the HTML renderer (lib/report/html.cc). ---

const char* ComparisonLabel(std::string_view comparison, Language language) {
  return Lookup({{">=", {"≥", "≥"}},
                 {"<=", {"≤", "≤"}},
                 {">", {">", ">"}},
                 {"<", {"<", "<"}},
                 {"==", {"=", "="}},
                 {"!=", {"≠", "≠"}},
                 {"all", {"全部", "all"}}},
                comparison, language);
}

const char* CriterionKindLabel(std::string_view kind, Language language) {
  return Lookup({{"computed", {"数据计算", "computed"}},
                 {"judged", {"专家判断", "expert judgement"}},
                 {"computed+judged", {"数据计算 + 专家判断", "computed + expert judgement"}}},
                kind, language);
}

const char* MaterialLabel(std::optional<bool> provided, Language language) {
  if (!provided) return Bilingual{"未知", "unknown"}.In(language);
  return *provided ? Bilingual{"已提供", "provided"}.In(language)
                   : Bilingual{"未提供", "not provided"}.In(language);
}

// --- End of the HTML renderer's labels. ---

// --- Added with the Markdown, text and supplement renderers. ---

std::string FormatNumber(double value) {
  char buffer[48];
  if (value > -1e15 && value < 1e15 &&
      value == static_cast<double>(static_cast<long long>(value))) {
    return absl::StrCat(static_cast<long long>(value));
  }
  for (int precision = 1; precision <= 10; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string FormatQuantity(const Quantity& quantity, Language language) {
  if (quantity.undefined) {
    return Bilingual{"无定义（空集合）", "undefined (over nothing)"}.In(language);
  }
  if (quantity.range) {
    return absl::StrCat("[", quantity.minimum ? FormatNumber(*quantity.minimum) : "−∞", ", ",
                        quantity.maximum ? FormatNumber(*quantity.maximum) : "+∞", "]");
  }
  if (quantity.exact.empty()) return FormatNumber(quantity.value);
  if (quantity.exact.find('/') == std::string::npos) return quantity.exact;
  char decimal[48];
  std::snprintf(decimal, sizeof decimal, "%.4g", quantity.value);
  return absl::StrCat(quantity.exact, " (≈", decimal, ")");
}

std::string CriterionMeasure(const CriterionResult& criterion, Language language) {
  if (!criterion.value) return "";
  bool zh = language == Language::kZh;
  std::string value = FormatQuantity(*criterion.value, language);
  if (criterion.comparison == "all" && criterion.threshold) {
    std::string members = FormatQuantity(*criterion.threshold, language);
    return zh ? absl::StrCat(members, " 项中 ", value, " 项成立")
              : absl::StrCat(value, " of ", members, " hold");
  }
  std::string measured = absl::StrCat(zh ? "测得 " : "measured ", value);
  if (!criterion.threshold) return measured;
  std::string symbol = ComparisonLabel(criterion.comparison, language);
  if (symbol.empty()) symbol = criterion.comparison;
  return absl::StrCat(measured, zh ? "，要求 " : ", needs ", symbol, symbol.empty() ? "" : " ",
                      FormatQuantity(*criterion.threshold, language));
}

std::string WhatIfSentence(std::string_view what_if, Language language) {
  std::string_view rest = what_if;
  constexpr std::string_view kPrefix = "what if: ";
  if (language == Language::kEn || !rest.starts_with(kPrefix)) return std::string(what_if);
  rest.remove_prefix(kPrefix.size());
  size_t space = rest.find(' ');
  if (space == std::string_view::npos) return std::string(what_if);
  std::string amount(rest.substr(0, space));
  rest.remove_prefix(space + 1);
  if (rest == "more would meet it") return absl::StrCat("假如再多 ", amount, " 个即可达到");
  if (rest == "fewer would meet it") return absl::StrCat("假如减少 ", amount, " 个即可达到");
  if (rest == "more in total would meet it") {
    return absl::StrCat("假如总量再增加 ", amount, " 即可达到");
  }
  if (rest == "more in total and a little more would meet it") {
    return absl::StrCat("假如总量再增加略多于 ", amount, " 即可达到");
  }
  // "more of the N satisfying it[, or K new one(s) that do(es)]", "fewer of the N satisfying it".
  bool more = rest.starts_with("more of the ");
  if (!more && !rest.starts_with("fewer of the ")) return std::string(what_if);
  rest.remove_prefix(more ? 12 : 13);
  size_t end = rest.find(" satisfying it");
  if (end == std::string_view::npos) return std::string(what_if);
  std::string members(rest.substr(0, end));
  rest.remove_prefix(end + 14);
  if (!more) {
    return rest.empty() ? absl::StrCat("假如 ", members, " 个中成立的减少 ", amount, " 个")
                        : std::string(what_if);
  }
  std::string text = absl::StrCat("假如 ", members, " 个中再有 ", amount, " 个成立");
  if (rest.empty()) return text;
  constexpr std::string_view kOr = ", or ";
  if (!rest.starts_with(kOr)) return std::string(what_if);
  rest.remove_prefix(kOr.size());
  space = rest.find(' ');
  if (space == std::string_view::npos) return std::string(what_if);
  std::string added(rest.substr(0, space));
  rest.remove_prefix(space + 1);
  if (rest != "new one that does" && rest != "new ones that do") return std::string(what_if);
  return absl::StrCat(text, "，或新增 ", added, " 个成立的");
}

std::string CriterionReason(const CriterionResult& criterion, Language language) {
  bool zh = language == Language::kZh;
  std::vector<std::string> parts;
  auto join = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
      absl::StrAppend(&out, out.empty() ? "" : zh ? "、" : ", ", id);
    return out;
  };
  std::string measure = CriterionMeasure(criterion, language);
  if (!measure.empty()) parts.push_back(std::move(measure));
  if (!criterion.witnesses.empty()) {
    parts.push_back(absl::StrCat(zh ? "不满足：" : "failing: ", join(criterion.witnesses)));
  }
  if (!criterion.what_if.empty()) parts.push_back(WhatIfSentence(criterion.what_if, language));
  if (!criterion.kind.empty() && criterion.kind != "computed") {
    parts.push_back(criterion.judgement
                        ? absl::StrCat(zh ? "专家判断：" : "expert judgement: ",
                                       VerdictLabel(*criterion.judgement, language))
                        : std::string(zh ? "未记录专家判断" : "no expert judgement recorded"));
  }
  if (criterion.verdict == Verdict::kPending && !criterion.missing.empty()) {
    parts.push_back(absl::StrCat(zh ? "缺少：" : "missing: ", join(criterion.missing)));
  }
  std::string out;
  for (const std::string& part : parts)
    absl::StrAppend(&out, out.empty() ? "" : zh ? "；" : "; ", part);
  return out;
}

std::string CourseKindLabel(std::string_view kind, Language language) {
  std::string label = Lookup({{"course", {"课程", "course"}},
                              {"lab", {"实验", "lab"}},
                              {"practice", {"实践", "practice"}},
                              {"internship", {"实习", "internship"}},
                              {"design", {"设计", "design"}},
                              {"thesis", {"毕业设计", "thesis"}}},
                             kind, language);
  return label.empty() ? std::string(kind) : label;
}

std::string VenueLabel(std::string_view venue, Language language) {
  std::string label = Lookup(
      {{"school", {"学校", "school"}}, {"enterprise", {"企业", "enterprise"}}}, venue, language);
  return label.empty() ? std::string(venue) : label;
}

std::string MethodLabel(std::string_view method, Language language) {
  std::string label = Lookup({{"problem", {"基于问题的学习", "problem-based learning"}},
                              {"case", {"基于案例的学习", "case-based learning"}},
                              {"project", {"基于项目的学习", "project-based learning"}},
                              {"lecture", {"讲授", "lecture"}},
                              {"lab", {"实验", "lab"}},
                              {"seminar", {"研讨", "seminar"}}},
                             method, language);
  return label.empty() ? std::string(method) : label;
}

const char* YesNoLabel(std::optional<bool> value, Language language) {
  if (!value) return Bilingual{"未知", "unknown"}.In(language);
  return *value ? Bilingual{"是", "yes"}.In(language) : Bilingual{"否", "no"}.In(language);
}

// --- End of the Markdown, text and supplement renderers' labels. ---

}  // namespace zhuoyue
