// RenderMarkdown: the whole report as GitHub-flavoured Markdown, for a Git forge or a pull
// request. Sections: the overall result with a table of the requirements, eligibility, the
// general standard, every requirement with its criteria and materials, the coverage gaps with
// their paths, attainment, and the realisation matrix. Texts from the pack and the dossier are
// printed verbatim, escaped so that Markdown shows them as written; the renderer's own words
// come in the report's language.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "report/labels.h"
#include "report/markup.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

// The renderer's own words.
constexpr Bilingual kReportTitle{"卓越计划实施工作评价报告", "Excellent Engineer plan evaluation"};
constexpr Bilingual kProgram{"专业", "Program"};
constexpr Bilingual kRules{"评价规则", "Rules"};
constexpr Bilingual kParameters{"参数", "Parameters"};
constexpr Bilingual kOverall{"评价结论", "Overall result"};
constexpr Bilingual kRequirement{"专门要求", "Requirement"};
constexpr Bilingual kTitle{"名称", "Title"};
constexpr Bilingual kVerdict{"结论", "Verdict"};
constexpr Bilingual kLevel{"等级", "Level"};
constexpr Bilingual kCriteriaMet{"达到的判断依据", "Criteria met"};
constexpr Bilingual kEligibility{"申请条件", "Eligibility"};
constexpr Bilingual kEligibilityNote{"申请条件仅供参考，不计入评价结论。",
                                     "Eligibility is informative; it does not enter the overall "
                                     "result."};
constexpr Bilingual kCondition{"条件", "Rule"};
constexpr Bilingual kDetail{"说明", "Detail"};
constexpr Bilingual kGeneralStandard{"通用标准", "General standard"};
constexpr Bilingual kPoint{"标准", "Point"};
constexpr Bilingual kText{"内容", "Text"};
constexpr Bilingual kCoveredBy{"覆盖它的学校标准", "Covered by school-standard items"};
constexpr Bilingual kRequirements{"专门要求及判断依据", "Requirements and their criteria"};
constexpr Bilingual kPassAll{"全部判断依据均须达到", "all criteria must be met"};
constexpr Bilingual kCriterion{"判断依据", "Criterion"};
constexpr Bilingual kKind{"类型", "Kind"};
constexpr Bilingual kMeasure{"测得与要求", "Measured vs needed"};
constexpr Bilingual kWitnesses{"不满足的对象", "Entities that break it"};
constexpr Bilingual kMissing{"缺少的数据", "Missing data"};
constexpr Bilingual kWhatIf{"假如", "What if"};
constexpr Bilingual kNoJudgement{"未记录专家判断", "no expert judgement recorded"};
constexpr Bilingual kJudgement{"专家结论：", "expert: "};
constexpr Bilingual kMaterials{"支撑材料", "Materials"};
constexpr Bilingual kMaterial{"材料", "Material"};
constexpr Bilingual kProvided{"是否提供", "Provided"};
constexpr Bilingual kCoverage{"覆盖缺口", "Coverage gaps"};
constexpr Bilingual kNoGaps{"无覆盖缺口。", "No coverage gaps."};
constexpr Bilingual kGapId{"对象", "Entity"};
constexpr Bilingual kGapPath{"路径", "Path"};
constexpr Bilingual kAttainment{"达成度", "Attainment"};
constexpr Bilingual kNoScores{"档案中没有成绩数据，未计算达成度（各值均为空，不记为零）。",
                              "No scores were provided, so attainment was not computed (every "
                              "value is empty, never zero)."};
constexpr Bilingual kFormula{"计算方法", "Method"};
constexpr Bilingual kPointsAttainment{"标准点达成度", "Standard points"};
constexpr Bilingual kItemsAttainment{"学校标准达成度", "School-standard items"};
constexpr Bilingual kCoursePoints{"课程对标准点的达成度", "Course × point"};
constexpr Bilingual kStandardPoint{"标准点", "Point"};
constexpr Bilingual kItem{"学校标准", "Item"};
constexpr Bilingual kValue{"达成度", "Value"};
constexpr Bilingual kCourseCount{"课程数", "Courses"};
constexpr Bilingual kStudents{"学生数", "Students"};
constexpr Bilingual kAtThreshold{"达到阈值的学生", "Students at threshold"};
constexpr Bilingual kPointCount{"计入的标准点数", "Points counted"};
constexpr Bilingual kCourse{"课程", "Course"};
constexpr Bilingual kWeight{"权重", "Weight"};
constexpr Bilingual kAssessments{"考核", "Assessments"};
constexpr Bilingual kScores{"成绩数", "Scores"};
constexpr Bilingual kMatrix{"学校标准实现矩阵", "Realisation matrix"};
constexpr Bilingual kNoMatrix{"报告中没有实现矩阵。", "The report has no realisation matrix."};
constexpr Bilingual kGrid{"标准点 × 课程", "Standard points × courses"};
constexpr Bilingual kGridLegend{
    "单元格：支撑强度（H = 3，M = 2，L = 1，数字按所写），括号内为该课程中衡量该标准点的考核。",
    "Cell: the support weight (H = 3, M = 2, L = 1, numbers as written), in brackets the "
    "course's assessments that measure the point."};
constexpr Bilingual kPoints{"标准点", "Standard points"};
constexpr Bilingual kCourses{"课程与教学环节", "Courses"};
constexpr Bilingual kName{"名称", "Name"};
constexpr Bilingual kCore{"核心课程", "Core"};
constexpr Bilingual kSemester{"学期", "Semester"};
constexpr Bilingual kCredits{"学分", "Credits"};
constexpr Bilingual kVenue{"地点", "Venue"};
constexpr Bilingual kMethods{"教学方式", "Methods"};
constexpr Bilingual kUnknown{"未知", "unknown"};
constexpr Bilingual kItemsTable{"学校标准 × 通用标准", "School-standard items × general points"};
constexpr Bilingual kOtherCovers{"行业标准等", "Other points covered"};

std::string Cell(std::string_view text) { return MarkdownText(text, /*cell=*/true); }

// Escaped ids joined by `separator` (", " for ids in both languages).
std::string Ids(const std::vector<std::string>& ids, const char* separator = ", ") {
  std::string out;
  for (const std::string& id : ids) absl::StrAppend(&out, out.empty() ? "" : separator, Cell(id));
  return out;
}

// An inline code span holding `text` (machine words: outcome codes, parameter values).
std::string Code(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string body;
  for (char c : text) body += c == '\n' || c == '\r' ? ' ' : c == '|' ? '\x01' : c;
  // A pipe would end a table cell even inside a code span; GFM reads \| there as a pipe.
  std::string escaped;
  for (char c : body) escaped += c == '\x01' ? std::string("\\|") : std::string(1, c);
  bool pad = !escaped.empty() && (escaped.front() == '`' || escaped.back() == '`');
  return absl::StrCat(fence, pad ? " " : "", escaped, pad ? " " : "", fence);
}

void Table(std::string& out, const std::vector<std::string>& header,
           const std::vector<std::vector<std::string>>& rows) {
  auto line = [&](const std::vector<std::string>& cells) {
    out += "|";
    for (const std::string& cell : cells) absl::StrAppend(&out, " ", cell, " |");
    out += "\n";
  };
  line(header);
  out += "|";
  for (size_t i = 0; i < header.size(); ++i) out += "---|";
  out += "\n";
  for (const std::vector<std::string>& row : rows) line(row);
  out += "\n";
}

std::string Mark(Verdict verdict) {
  return verdict == Verdict::kMet ? "✓" : verdict == Verdict::kNotMet ? "✗" : "?";
}

std::string VerdictCell(Verdict verdict, Language language) {
  return absl::StrCat(Mark(verdict), " ", VerdictLabel(verdict, language));
}

// An attainment value: exact when known, a decimal otherwise, "—" when nothing measured it.
std::string AttainmentValue(const std::optional<double>& value, const std::string& exact,
                            Language language) {
  if (!value) return "—";
  Quantity quantity;
  quantity.value = *value;
  quantity.exact = exact;
  return Cell(FormatQuantity(quantity, language));
}

class MarkdownWriter {
 public:
  MarkdownWriter(const Report& report, Language language) : report_(report), language_(language) {}

  std::string Render() {
    Header();
    Overall();
    Eligibility();
    GeneralStandard();
    Requirements();
    Gaps();
    AttainmentSection();
    Matrix();
    while (out_.size() >= 2 && out_.ends_with("\n\n")) out_.pop_back();
    return out_;
  }

 private:
  const char* L(const Bilingual& words) const { return words.In(language_); }
  const char* Colon() const { return language_ == Language::kZh ? "：" : ": "; }
  void Heading(int level, const std::string& text) {
    absl::StrAppend(&out_, std::string(level, '#'), " ", text, "\n\n");
  }

  void Header() {
    std::string program = report_.program_name.empty()
                              ? report_.program
                              : absl::StrCat(report_.program, " ", report_.program_name);
    Heading(1, absl::StrCat(L(kReportTitle), Colon(), MarkdownText(program)));
    absl::StrAppend(&out_, "- ", L(kProgram), Colon(), MarkdownText(program), "\n");
    absl::StrAppend(&out_, "- ", L(kRules), Colon(), MarkdownText(report_.pack), " ",
                    MarkdownText(report_.pack_version), "\n");
    if (!report_.params.empty()) {
      std::string params;
      for (const auto& [name, value] : report_.params) {
        absl::StrAppend(&params,
                        params.empty()               ? ""
                        : language_ == Language::kZh ? "；"
                                                     : "; ",
                        Code(name), " = ", Code(value));
      }
      absl::StrAppend(&out_, "- ", L(kParameters), Colon(), params, "\n");
    }
    out_ += "\n";
  }

  void Overall() {
    Heading(2, L(kOverall));
    Verdict overall = report_.overall == "passed_and_met" ? Verdict::kMet
                      : report_.overall == "pending"      ? Verdict::kPending
                                                          : Verdict::kNotMet;
    std::string label = report_.overall_label.empty()
                            ? std::string(OverallLabel(report_.overall, language_))
                            : report_.overall_label;
    bool zh = language_ == Language::kZh;
    absl::StrAppend(&out_, "**", Mark(overall), " ",
                    MarkdownText(label.empty() ? report_.overall : label), "**", zh ? "（" : " (",
                    Code(report_.overall), zh ? "）" : ")", "\n\n");
    if (report_.requirements.empty()) return;
    std::vector<std::vector<std::string>> rows;
    for (const RequirementResult& r : report_.requirements) {
      int met = 0;
      for (const CriterionResult& c : r.criteria) met += c.verdict == Verdict::kMet;
      rows.push_back({Cell(r.id), Cell(r.title), VerdictCell(r.verdict, language_),
                      Cell(LevelText(r)), absl::StrCat(met, "/", r.criteria.size())});
    }
    Table(out_, {L(kRequirement), L(kTitle), L(kVerdict), L(kLevel), L(kCriteriaMet)}, rows);
  }

  std::string LevelText(const RequirementResult& r) const {
    if (!r.level_label.empty()) return r.level_label;
    std::string label = LevelLabel(r.level, language_);
    return label.empty() ? r.level : label;
  }

  void Eligibility() {
    if (report_.eligibility.empty()) return;
    Heading(2, L(kEligibility));
    absl::StrAppend(&out_, L(kEligibilityNote), "\n\n");
    std::vector<std::vector<std::string>> rows;
    for (const EligibilityResult& e : report_.eligibility) {
      rows.push_back({Cell(e.id), VerdictCell(e.verdict, language_), Cell(e.message)});
    }
    Table(out_, {L(kCondition), L(kVerdict), L(kDetail)}, rows);
  }

  void GeneralStandard() {
    if (report_.general_standard.empty()) return;
    Heading(2, L(kGeneralStandard));
    int covered = 0, pending = 0;
    for (const GeneralPointResult& g : report_.general_standard) {
      covered += g.verdict == Verdict::kMet;
      pending += g.verdict == Verdict::kPending;
    }
    size_t total = report_.general_standard.size();
    absl::StrAppend(
        &out_,
        language_ == Language::kZh
            ? absl::StrCat("学校标准覆盖通用标准 ", total, " 条中的 ", covered, " 条",
                           pending ? absl::StrCat("，", pending, " 条待定") : "", "。")
            : absl::StrCat(covered, " of ", total, " points are covered by the school standard",
                           pending ? absl::StrCat(", ", pending, " pending") : "", "."),
        "\n\n");
    std::vector<std::vector<std::string>> rows;
    for (const GeneralPointResult& g : report_.general_standard) {
      rows.push_back({Cell(g.id), Cell(g.text), VerdictCell(g.verdict, language_),
                      g.covered_by.empty() ? "—" : Ids(g.covered_by)});
    }
    Table(out_, {L(kPoint), L(kText), L(kVerdict), L(kCoveredBy)}, rows);
  }

  void Requirements() {
    if (report_.requirements.empty()) return;
    Heading(2, L(kRequirements));
    for (const RequirementResult& r : report_.requirements) {
      Heading(3,
              absl::StrCat(L(kRequirement), " ", MarkdownText(r.id), " ", MarkdownText(r.title)));
      std::string pass =
          r.at_least > 0 ? (language_ == Language::kZh
                                ? absl::StrCat("至少 ", r.at_least, " 条判断依据须达到")
                                : absl::StrCat("at least ", r.at_least, " criteria must be met"))
                         : std::string(L(kPassAll));
      // A pending requirement has no level beyond its verdict.
      bool level = !(r.level_label.empty() && r.level == "pending");
      absl::StrAppend(&out_, L(kVerdict), Colon(), "**", VerdictCell(r.verdict, language_), "**",
                      level ? " — " + MarkdownText(LevelText(r)) : "",
                      language_ == Language::kZh ? "（" : " (", pass,
                      language_ == Language::kZh ? "）" : ")", "\n\n");
      std::vector<std::vector<std::string>> rows;
      for (const CriterionResult& c : r.criteria) rows.push_back(CriterionRow(c));
      if (!rows.empty()) {
        Table(out_,
              {L(kCriterion), L(kKind), L(kVerdict), L(kText), L(kMeasure), L(kWitnesses),
               L(kMissing), L(kWhatIf)},
              rows);
      }
      if (!r.materials.empty()) {
        absl::StrAppend(&out_, L(kMaterials), Colon(), "\n\n");
        std::vector<std::vector<std::string>> materials;
        for (const MaterialResult& m : r.materials) {
          materials.push_back({Cell(m.id), Cell(m.title), MaterialLabel(m.provided, language_)});
        }
        Table(out_, {L(kMaterial), L(kTitle), L(kProvided)}, materials);
      }
    }
  }

  std::vector<std::string> CriterionRow(const CriterionResult& c) const {
    std::string kind = CriterionKindLabel(c.kind, language_);
    if (kind.empty()) kind = c.kind;
    kind = Cell(kind);
    if (!c.kind.empty() && c.kind != "computed") {
      absl::StrAppend(&kind, "<br>",
                      c.judgement
                          ? absl::StrCat(L(kJudgement), VerdictLabel(*c.judgement, language_))
                          : std::string(L(kNoJudgement)));
    }
    return {Cell(c.id),
            kind,
            VerdictCell(c.verdict, language_),
            Cell(c.text),
            Cell(CriterionMeasure(c, language_)),
            Ids(c.witnesses),
            Ids(c.missing),
            Cell(WhatIfSentence(c.what_if, language_))};
  }

  void Gaps() {
    Heading(2, L(kCoverage));
    const Coverage& coverage = report_.coverage;
    // Each list with its gap kind; then gap kinds no list holds, in the order they come.
    struct Group {
      std::string label_kind;
      std::string gap_kind;
      const std::vector<std::string>* ids;
    };
    std::vector<Group> groups = {
        {"uncovered_general_point", "uncovered_general_point", nullptr},
        {"uncovered_points", "uncovered_point", &coverage.uncovered_points},
        {"unassessed_points", "unassessed_point", &coverage.unassessed_points},
        {"courses_without_assessment", "course_without_assessment",
         &coverage.courses_without_assessment},
        {"orphan_courses", "orphan_course", &coverage.orphan_courses}};
    for (const CoverageGap& gap : coverage.gaps) {
      bool known = false;
      for (const Group& group : groups) known = known || group.gap_kind == gap.kind;
      if (!known) groups.push_back({gap.kind, gap.kind, nullptr});
    }
    bool any = false;
    for (const Group& group : groups) {
      std::vector<std::string> ids;
      if (group.ids) ids = *group.ids;
      for (const CoverageGap& gap : coverage.gaps) {
        if (gap.kind == group.gap_kind && std::find(ids.begin(), ids.end(), gap.id) == ids.end()) {
          ids.push_back(gap.id);
        }
      }
      if (ids.empty()) continue;
      any = true;
      std::string label = CoverageLabel(group.label_kind, language_);
      Heading(3, label.empty() ? MarkdownText(group.label_kind) : label);
      std::vector<std::vector<std::string>> rows;
      for (const std::string& id : ids) {
        std::string paths;
        for (const CoverageGap& gap : coverage.gaps) {
          if (gap.kind != group.gap_kind || gap.id != id) continue;
          std::string path;
          for (const std::string& step : gap.path) {
            absl::StrAppend(&path, path.empty() ? "" : " → ", Cell(step));
          }
          absl::StrAppend(&paths, paths.empty() ? "" : "<br>", path);
        }
        rows.push_back({Cell(id), paths.empty() ? "—" : paths});
      }
      Table(out_, {L(kGapId), L(kGapPath)}, rows);
    }
    if (!any) absl::StrAppend(&out_, L(kNoGaps), "\n\n");
  }

  void AttainmentSection() {
    const Attainment& attainment = report_.attainment;
    Heading(2, L(kAttainment));
    if (!attainment.computed) {
      absl::StrAppend(&out_, L(kNoScores), "\n\n");
      return;
    }
    absl::StrAppend(&out_, L(kFormula), Colon(),
                    MarkdownText(AttainmentFormula(attainment.method, language_)), "\n\n");
    auto level = [&](const std::string& code) {
      std::string label = AttainmentLevelLabel(code.empty() ? "unknown" : code, language_);
      return label.empty() ? Cell(code) : label;
    };
    if (!attainment.points.empty()) {
      Heading(3, L(kPointsAttainment));
      std::vector<std::vector<std::string>> rows;
      for (const PointAttainment& p : attainment.points) {
        std::string share = "—";
        if (p.share_at_threshold) {
          char decimal[32];  // four digits are enough to read a share
          std::snprintf(decimal, sizeof decimal, "%.4g", *p.share_at_threshold);
          share = absl::StrCat(decimal, " (", p.students_at_threshold, "/", p.students, ")");
        }
        rows.push_back({Cell(p.id), Cell(p.item), AttainmentValue(p.value, p.exact, language_),
                        absl::StrCat(p.courses), absl::StrCat(p.students), share, level(p.level)});
      }
      Table(out_,
            {L(kStandardPoint), L(kItem), L(kValue), L(kCourseCount), L(kStudents), L(kAtThreshold),
             L(kLevel)},
            rows);
    }
    if (!attainment.items.empty()) {
      Heading(3, L(kItemsAttainment));
      std::vector<std::vector<std::string>> rows;
      for (const ItemAttainment& item : attainment.items) {
        rows.push_back({Cell(item.id), AttainmentValue(item.value, item.exact, language_),
                        absl::StrCat(item.points), level(item.level)});
      }
      Table(out_, {L(kItem), L(kValue), L(kPointCount), L(kLevel)}, rows);
    }
    if (!attainment.course_points.empty()) {
      Heading(3, L(kCoursePoints));
      std::vector<std::vector<std::string>> rows;
      for (const CourseAttainment& cp : attainment.course_points) {
        rows.push_back({Cell(cp.course), Cell(cp.point),
                        AttainmentValue(cp.value, cp.exact, language_), FormatNumber(cp.weight),
                        cp.assessments.empty() ? "—" : Ids(cp.assessments),
                        absl::StrCat(cp.students), absl::StrCat(cp.scores)});
      }
      Table(out_,
            {L(kCourse), L(kStandardPoint), L(kValue), L(kWeight), L(kAssessments), L(kStudents),
             L(kScores)},
            rows);
    }
  }

  void Matrix() {
    const RealisationMatrix& matrix = report_.matrix;
    Heading(2, L(kMatrix));
    if (matrix.points.empty() && matrix.courses.empty() && matrix.items.empty()) {
      absl::StrAppend(&out_, L(kNoMatrix), "\n\n");
      return;
    }
    if (!matrix.points.empty() && !matrix.courses.empty()) {
      Heading(3, L(kGrid));
      absl::StrAppend(&out_, L(kGridLegend), "\n\n");
      std::map<std::pair<int, int>, const MatrixCell*> cells;
      for (const MatrixCell& cell : matrix.cells) cells[{cell.point, cell.course}] = &cell;
      std::vector<std::string> header = {L(kStandardPoint)};
      for (const MatrixCourse& course : matrix.courses) header.push_back(Cell(course.id));
      std::vector<std::vector<std::string>> rows;
      for (size_t p = 0; p < matrix.points.size(); ++p) {
        std::vector<std::string> row = {Cell(matrix.points[p].id)};
        for (size_t c = 0; c < matrix.courses.size(); ++c) {
          auto it = cells.find({static_cast<int>(p), static_cast<int>(c)});
          if (it == cells.end()) {
            row.emplace_back();
            continue;
          }
          const MatrixCell& cell = *it->second;
          std::string text =
              Cell(cell.weight.empty() ? FormatNumber(cell.weight_value) : cell.weight);
          if (!cell.assessments.empty()) absl::StrAppend(&text, " (", Ids(cell.assessments), ")");
          row.push_back(std::move(text));
        }
        rows.push_back(std::move(row));
      }
      Table(out_, header, rows);
    }
    if (!matrix.points.empty()) {
      Heading(3, L(kPoints));
      std::vector<std::vector<std::string>> rows;
      for (const MatrixPoint& point : matrix.points) {
        rows.push_back({Cell(point.id), Cell(point.item), Cell(point.text)});
      }
      Table(out_, {L(kStandardPoint), L(kItem), L(kText)}, rows);
    }
    if (!matrix.courses.empty()) {
      Heading(3, L(kCourses));
      std::vector<std::vector<std::string>> rows;
      for (const MatrixCourse& course : matrix.courses) {
        std::string methods;
        for (const std::string& method : course.methods) {
          absl::StrAppend(&methods,
                          methods.empty()              ? ""
                          : language_ == Language::kZh ? "、"
                                                       : ", ",
                          Cell(MethodLabel(method, language_)));
        }
        auto known = [&](const std::string& text) {
          return text.empty() ? std::string(L(kUnknown)) : Cell(text);
        };
        rows.push_back(
            {Cell(course.id), Cell(course.name),
             course.kind.empty() ? L(kUnknown) : Cell(CourseKindLabel(course.kind, language_)),
             YesNoLabel(course.core, language_), known(course.semester), known(course.credits),
             course.venue.empty() ? L(kUnknown) : Cell(VenueLabel(course.venue, language_)),
             methods.empty() ? std::string(L(kUnknown)) : methods});
      }
      Table(out_,
            {L(kCourse), L(kName), L(kKind), L(kCore), L(kSemester), L(kCredits), L(kVenue),
             L(kMethods)},
            rows);
    }
    if (!matrix.items.empty()) {
      Heading(3, L(kItemsTable));
      std::vector<std::string> general;
      for (const GeneralPointResult& g : report_.general_standard) general.push_back(g.id);
      std::vector<std::string> header = {L(kItem), L(kText)};
      for (const std::string& g : general) header.push_back(Cell(g));
      header.push_back(L(kOtherCovers));
      std::vector<std::vector<std::string>> rows;
      for (const MatrixItem& item : matrix.items) {
        std::vector<std::string> row = {Cell(item.id), Cell(item.text)};
        for (const std::string& g : general) {
          bool covers = std::find(item.covers.begin(), item.covers.end(), g) != item.covers.end();
          row.push_back(covers ? "✓" : "");
        }
        std::vector<std::string> others;
        for (const std::string& covered : item.covers) {
          if (std::find(general.begin(), general.end(), covered) == general.end()) {
            others.push_back(covered);
          }
        }
        row.push_back(Ids(others));
        rows.push_back(std::move(row));
      }
      Table(out_, header, rows);
    }
  }

  const Report& report_;
  Language language_;
  std::string out_;
};

}  // namespace

std::string RenderMarkdown(const Report& report, Language language) {
  return MarkdownWriter(report, language).Render();
}

}  // namespace zhuoyue
