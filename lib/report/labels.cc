#include "report/labels.h"

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

}  // namespace zhuoyue
