// The report as an XLSX workbook (libxlsxwriter): one sheet per view — overview, criteria,
// general standard, realisation matrix, items × general points, attainment, course
// attainment, coverage gaps. Numbers are numeric cells; a null value is an empty cell, never
// zero. Labels are Chinese by default, English with Language::kEn; texts from the pack and
// the dossier are written as they are.
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/labels.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

// Excel's limit on the characters of one cell.
constexpr size_t kMaxCellChars = 32767;

// Sheet names (at most 31 characters, none of []:*?/\).
constexpr Bilingual kOverviewSheet{"概览", "Overview"};
constexpr Bilingual kCriteriaSheet{"判断依据", "Criteria"};
constexpr Bilingual kGeneralSheet{"通用标准", "General standard"};
constexpr Bilingual kMatrixSheet{"实现矩阵", "Realisation matrix"};
constexpr Bilingual kItemsSheet{"学校标准与通用标准", "Items x general points"};
constexpr Bilingual kAttainmentSheet{"达成度", "Attainment"};
constexpr Bilingual kCourseAttainmentSheet{"课程达成度", "Course attainment"};
constexpr Bilingual kCoverageSheet{"覆盖缺口", "Coverage gaps"};

// Words of the headers and notes.
constexpr Bilingual kTitle{"卓越工程师教育培养计划实施工作评价",
                           "Excellent Engineer plan: evaluation"};
constexpr Bilingual kProgram{"专业", "Program"};
constexpr Bilingual kRules{"规则包", "Rules"};
constexpr Bilingual kOverall{"评价结论", "Overall result"};
constexpr Bilingual kEligibility{"申请条件", "Eligibility"};
constexpr Bilingual kRequirement{"专门要求", "Requirement"};
constexpr Bilingual kTitleColumn{"名称", "Title"};
constexpr Bilingual kVerdict{"判断结果", "Verdict"};
constexpr Bilingual kLevel{"等级", "Level"};
constexpr Bilingual kLevelWording{"等级（标准原文）", "Level (the standard's wording)"};
constexpr Bilingual kPass{"通过条件", "Passes when"};
constexpr Bilingual kAll{"全部达到", "all met"};
constexpr Bilingual kAtLeast{"至少达到 ", "at least "};
constexpr Bilingual kMet{"达到", "met"};
constexpr Bilingual kNotMet{"未达到", "not met"};
constexpr Bilingual kPending{"待定", "pending"};
constexpr Bilingual kMessage{"说明", "Message"};
constexpr Bilingual kParameter{"参数", "Parameter"};
constexpr Bilingual kValue{"值", "Value"};
constexpr Bilingual kId{"编号", "Id"};
constexpr Bilingual kKind{"类型", "Kind"};
constexpr Bilingual kText{"依据原文", "Text (verbatim)"};
constexpr Bilingual kMeasured{"测得值", "Value"};
constexpr Bilingual kComparison{"比较", "Comparison"};
constexpr Bilingual kThreshold{"阈值", "Threshold"};
constexpr Bilingual kWitnesses{"违反者", "Witnesses"};
constexpr Bilingual kMissing{"缺失数据", "Missing data"};
constexpr Bilingual kWhatIf{"改进测算", "What if"};
constexpr Bilingual kJudgement{"专家判断", "Expert judgement"};
constexpr Bilingual kMinimum{"测得值下界", "Value at least"};
constexpr Bilingual kMaximum{"测得值上界", "Value at most"};
constexpr Bilingual kGeneralPoint{"通用标准", "General point"};
constexpr Bilingual kContent{"内容", "Text"};
constexpr Bilingual kItemCount{"覆盖的学校标准数", "Items covering it"};
constexpr Bilingual kItems{"覆盖的学校标准", "Covered by"};
constexpr Bilingual kItem{"学校标准", "School-standard item"};
constexpr Bilingual kPoint{"标准点", "Standard point"};
constexpr Bilingual kCourse{"课程", "Course"};
constexpr Bilingual kCourseName{"课程名称", "Name"};
constexpr Bilingual kCore{"核心课程", "Core"};
constexpr Bilingual kSemester{"学期", "Semester"};
constexpr Bilingual kCredits{"学分", "Credits"};
constexpr Bilingual kVenue{"实施地点", "Venue"};
constexpr Bilingual kMethods{"实施方式", "Methods"};
constexpr Bilingual kSupportingCourses{"支撑课程数", "Supporting courses"};
constexpr Bilingual kMeasuringAssessments{"考核数", "Assessments"};
constexpr Bilingual kMatrixLegend{
    "单元格：支撑强度，及该课程中衡量该标准点的考核；底色越深支撑越强",
    "Cell: the support weight, then the course's assessments measuring the point; darker = "
    "stronger support"};
constexpr Bilingual kCoverCount{"覆盖数", "Covers"};
constexpr Bilingual kCoveredPoints{"覆盖的通用标准数", "General points covered"};
constexpr Bilingual kNoData{"无数据", "no data"};
constexpr Bilingual kMethod{"计算方法", "Method"};
constexpr Bilingual kNotComputed{"档案中没有成绩数据：各达成度为空（不记为零）",
                                 "the dossier has no scores: every value is empty (never zero)"};
constexpr Bilingual kAttainment{"达成度", "Attainment"};
constexpr Bilingual kExact{"精确值", "Exact"};
constexpr Bilingual kCourses{"支撑课程数", "Courses"};
constexpr Bilingual kStudents{"学生数", "Students"};
constexpr Bilingual kShareAtThreshold{"达到阈值的学生比例", "Share at threshold"};
constexpr Bilingual kStudentsAtThreshold{"达到阈值的学生数", "Students at threshold"};
constexpr Bilingual kPointsEntered{"计入的标准点数", "Points with a value"};
constexpr Bilingual kCourseByPoint{"课程 \\ 标准点", "Course \\ point"};
constexpr Bilingual kWeight{"权重", "Weight"};
constexpr Bilingual kAssessments{"考核", "Assessments"};
constexpr Bilingual kScores{"成绩数", "Scores"};
constexpr Bilingual kList{"类别", "List"};
constexpr Bilingual kCount{"数量", "Count"};
constexpr Bilingual kIds{"编号", "Ids"};
constexpr Bilingual kGapKind{"缺口类型", "Gap"};
constexpr Bilingual kPath{"路径", "Path"};

// At most kMaxCellChars code points of UTF-8 `text`, cut at a character boundary.
std::string Clip(const std::string& text) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars == kMaxCellChars) return text.substr(0, i) + "…";
  }
  return text;
}

// The workbook, its formats, and the first error of any call (the rest are then skipped).
class Book {
 public:
  explicit Book(const std::string& path) : workbook_(workbook_new(path.c_str())) {
    if (!workbook_) {
      error_ = LXW_ERROR_CREATING_XLSX_FILE;
      return;
    }
    header = Format([](lxw_format* f) {
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_bg_color(f, 0xD9E1F2);
      format_set_bottom(f, LXW_BORDER_THIN);
    });
    title = Format([](lxw_format* f) {
      format_set_bold(f);
      format_set_font_size(f, 14);
    });
    bold = Format([](lxw_format* f) { format_set_bold(f); });
    wrap = Format([](lxw_format* f) {
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    });
    value = Format([](lxw_format* f) { format_set_num_format(f, "0.000"); });
    share = Format([](lxw_format* f) { format_set_num_format(f, "0.0%"); });
    met = Fill(0xC6EFCE, 0x006100);
    not_met = Fill(0xFFC7CE, 0x9C0006);
    pending = Fill(0xFFEB9C, 0x9C5700);
    strong = Fill(0x9BC2E6, LXW_COLOR_BLACK, /*wrap=*/true);
    medium = Fill(0xBDD7EE, LXW_COLOR_BLACK, /*wrap=*/true);
    light = Fill(0xDDEBF7, LXW_COLOR_BLACK, /*wrap=*/true);
  }
  ~Book() {
    if (workbook_) workbook_close(workbook_);  // only when Close() was not reached
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* AddSheet(const Bilingual& name, Language language) {
    if (!workbook_) return nullptr;
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.In(language));
    if (!sheet) Check(LXW_ERROR_INVALID_SHEETNAME_CHARACTER);
    return sheet;
  }

  void Check(lxw_error error) {
    if (error != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = error;
  }
  lxw_error error() const { return error_; }

  // Writes the file; the first error of the whole session.
  lxw_error Close() {
    if (!workbook_) return error_;
    lxw_error closed = workbook_close(workbook_);
    workbook_ = nullptr;
    Check(closed);
    return error_;
  }

  lxw_format* VerdictFill(Verdict verdict) const {
    switch (verdict) {
      case Verdict::kMet:
        return met;
      case Verdict::kNotMet:
        return not_met;
      case Verdict::kPending:
        return pending;
    }
    return nullptr;
  }

  lxw_format* header = nullptr;
  lxw_format* title = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* value = nullptr;
  lxw_format* share = nullptr;
  lxw_format* met = nullptr;
  lxw_format* not_met = nullptr;
  lxw_format* pending = nullptr;
  lxw_format* strong = nullptr;
  lxw_format* medium = nullptr;
  lxw_format* light = nullptr;

 private:
  template <typename Setup>
  lxw_format* Format(Setup setup) {
    lxw_format* format = workbook_add_format(workbook_);
    if (format) setup(format);
    return format;
  }
  lxw_format* Fill(lxw_color_t background, lxw_color_t font, bool wrap = false) {
    return Format([&](lxw_format* f) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, background);
      format_set_font_color(f, font);
      if (wrap) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      }
    });
  }

  lxw_workbook* workbook_;
  lxw_error error_ = LXW_NO_ERROR;
};

// Cell writes into one sheet; every error goes to the book.
class Sheet {
 public:
  Sheet(Book& book, const Bilingual& name, Language language)
      : book_(book), sheet_(book.AddSheet(name, language)), language_(language) {}

  bool ok() const { return sheet_ != nullptr && book_.error() == LXW_NO_ERROR; }
  Language language() const { return language_; }

  // Text; an empty text leaves the cell empty (blank with `format`).
  void Text(uint32_t row, uint32_t col, const std::string& text, lxw_format* format = nullptr) {
    if (!ok()) return;
    if (text.empty()) {
      if (format) book_.Check(worksheet_write_blank(sheet_, row, Col(col), format));
      return;
    }
    book_.Check(worksheet_write_string(sheet_, row, Col(col), Clip(text).c_str(), format));
  }
  void Label(uint32_t row, uint32_t col, const Bilingual& label, lxw_format* format = nullptr) {
    Text(row, col, label.In(language_), format);
  }
  void Number(uint32_t row, uint32_t col, double number, lxw_format* format = nullptr) {
    if (!ok()) return;
    book_.Check(worksheet_write_number(sheet_, row, Col(col), number, format));
  }
  // Null is an empty cell, never zero.
  void Number(uint32_t row, uint32_t col, const std::optional<double>& number,
              lxw_format* format = nullptr) {
    if (number) Number(row, col, *number, format);
  }
  // A quantity's value: a number when known; empty when undefined or only bounded.
  void QuantityCell(uint32_t row, uint32_t col, const std::optional<Quantity>& q) {
    if (q && !q->undefined && !q->range) Number(row, col, q->value);
  }
  // A number when the text is one ("3", "2.5"), else the text.
  void NumberOrText(uint32_t row, uint32_t col, const std::string& text) {
    double number = 0;
    if (absl::SimpleAtod(text, &number) && std::isfinite(number)) {
      Number(row, col, number);
    } else {
      Text(row, col, text);
    }
  }
  void VerdictCell(uint32_t row, uint32_t col, Verdict verdict) {
    Text(row, col, VerdictLabel(verdict, language_), book_.VerdictFill(verdict));
  }
  void Headers(uint32_t row, std::initializer_list<Bilingual> labels, uint32_t first_col = 0) {
    uint32_t col = first_col;
    for (const Bilingual& label : labels) Label(row, col++, label, book_.header);
  }
  void Width(uint32_t first, uint32_t last, double width, lxw_format* format = nullptr) {
    if (!ok()) return;
    book_.Check(worksheet_set_column(sheet_, Col(first), Col(last), width, format));
  }
  void Freeze(uint32_t rows, uint32_t cols) {
    if (ok()) worksheet_freeze_panes(sheet_, rows, Col(cols));
  }
  void Filter(uint32_t first_row, uint32_t last_row, uint32_t last_col) {
    if (ok()) book_.Check(worksheet_autofilter(sheet_, first_row, 0, last_row, Col(last_col)));
  }
  void Merge(uint32_t row, uint32_t first_col, uint32_t last_col, const std::string& text,
             lxw_format* format) {
    if (!ok()) return;
    book_.Check(worksheet_merge_range(sheet_, row, Col(first_col), row, Col(last_col),
                                      Clip(text).c_str(), format));
  }
  void Height(uint32_t row, double height) {
    if (ok()) book_.Check(worksheet_set_row(sheet_, row, height, nullptr));
  }
  // A red–yellow–green colour scale over numbers in [0, 1], yellow at `middle` (Excel
  // conditional formatting).
  void ColorScale(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col,
                  double middle) {
    if (!ok() || last_row < first_row || last_col < first_col) return;
    lxw_conditional_format scale = {};
    scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    scale.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.min_value = 0;
    scale.min_color = 0xF8696B;
    scale.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.mid_value = middle;
    scale.mid_color = 0xFFEB84;
    scale.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    scale.max_value = 1;
    scale.max_color = 0x63BE7B;
    book_.Check(worksheet_conditional_format_range(sheet_, first_row, Col(first_col), last_row,
                                                   Col(last_col), &scale));
  }

 private:
  // Columns past Excel's last one are an error, not a wrap-around.
  lxw_col_t Col(uint32_t col) {
    if (col >= LXW_COL_MAX) {
      book_.Check(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
      return LXW_COL_MAX - 1;
    }
    return static_cast<lxw_col_t>(col);
  }

  Book& book_;
  lxw_worksheet* sheet_;
  Language language_;
};

std::string Join(const std::vector<std::string>& ids) { return absl::StrJoin(ids, ", "); }

void WriteOverview(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kOverviewSheet, language);
  sheet.Width(0, 0, 22);
  sheet.Width(1, 1, 36);
  sheet.Width(2, 2, 14);
  sheet.Width(3, 4, 30);
  sheet.Width(5, 8, 12);
  uint32_t row = 0;
  sheet.Label(row++, 0, kTitle, book.title);
  sheet.Label(++row, 0, kProgram, book.bold);
  sheet.Text(row, 1, report.program);
  sheet.Text(row++, 2, report.program_name);
  sheet.Label(row, 0, kRules, book.bold);
  sheet.Text(row, 1, report.pack);
  sheet.Text(row++, 2, report.pack_version);
  sheet.Label(row, 0, kOverall, book.bold);
  Verdict overall = report.overall == "passed_and_met" ? Verdict::kMet
                    : report.overall == "pending"      ? Verdict::kPending
                                                       : Verdict::kNotMet;
  sheet.Text(row, 1, OverallLabel(report.overall, language), book.VerdictFill(overall));
  sheet.Text(row, 2, report.overall);
  sheet.Text(row++, 3, report.overall_label);

  if (!report.eligibility.empty()) {
    ++row;
    sheet.Headers(row++, {kEligibility, kVerdict, kMessage});
    for (const EligibilityResult& e : report.eligibility) {
      sheet.Text(row, 0, e.id);
      sheet.VerdictCell(row, 1, e.verdict);
      sheet.Text(row++, 2, e.message);
    }
  }

  ++row;
  sheet.Headers(row++, {kRequirement, kTitleColumn, kVerdict, kLevel, kLevelWording, kPass, kMet,
                        kNotMet, kPending});
  for (const RequirementResult& r : report.requirements) {
    int counts[3] = {0, 0, 0};
    for (const CriterionResult& c : r.criteria) ++counts[static_cast<int>(c.verdict)];
    sheet.Text(row, 0, r.id);
    sheet.Text(row, 1, r.title);
    sheet.VerdictCell(row, 2, r.verdict);
    sheet.Text(row, 3, LevelLabel(r.level, language));
    sheet.Text(row, 4, r.level_label);
    sheet.Text(row, 5,
               r.at_least < 0 ? std::string(kAll.In(language))
                              : absl::StrCat(kAtLeast.In(language), r.at_least));
    sheet.Number(row, 6, counts[static_cast<int>(Verdict::kMet)]);
    sheet.Number(row, 7, counts[static_cast<int>(Verdict::kNotMet)]);
    sheet.Number(row++, 8, counts[static_cast<int>(Verdict::kPending)]);
  }

  if (!report.params.empty()) {
    ++row;
    sheet.Headers(row++, {kParameter, kValue});
    for (const auto& [name, text] : report.params) {
      sheet.Text(row, 0, name);
      auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (json.is_number()) {
        sheet.Number(row, 1, json.get<double>());
      } else if (json.is_string()) {
        sheet.Text(row, 1, json.get<std::string>());
      } else {
        sheet.Text(row, 1, text);
      }
      ++row;
    }
  }
}

void WriteCriteria(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kCriteriaSheet, language);
  sheet.Headers(0, {kRequirement, kId, kKind, kVerdict, kText, kMeasured, kComparison, kThreshold,
                    kWitnesses, kMissing, kWhatIf, kMessage, kJudgement, kMinimum, kMaximum});
  sheet.Width(0, 3, 10);
  sheet.Width(2, 2, 14);
  sheet.Width(4, 4, 60, book.wrap);
  sheet.Width(5, 7, 10);
  sheet.Width(8, 11, 30, book.wrap);
  sheet.Width(12, 14, 12);
  uint32_t row = 1;
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      sheet.Text(row, 0, r.id);
      sheet.Text(row, 1, c.id);
      sheet.Text(row, 2, CriterionKindLabel(c.kind, language));
      sheet.VerdictCell(row, 3, c.verdict);
      sheet.Text(row, 4, c.text, book.wrap);
      sheet.QuantityCell(row, 5, c.value);
      sheet.Text(row, 6, c.comparison);
      sheet.QuantityCell(row, 7, c.threshold);
      sheet.Text(row, 8, Join(c.witnesses), book.wrap);
      sheet.Text(row, 9, Join(c.missing), book.wrap);
      sheet.Text(row, 10, c.what_if, book.wrap);
      sheet.Text(row, 11, c.message, book.wrap);
      if (c.judgement) sheet.VerdictCell(row, 12, *c.judgement);
      if (c.value && c.value->range) {
        sheet.Number(row, 13, c.value->minimum);
        sheet.Number(row, 14, c.value->maximum);
      }
      ++row;
    }
  }
  sheet.Freeze(1, 2);
  if (row > 1) sheet.Filter(0, row - 1, 14);
}

// The school-standard items that cover general points, in the order the report gives them:
// the matrix's items, then any other item named by a general point.
std::vector<std::string> CoveringItems(const Report& report) {
  std::vector<std::string> items;
  absl::flat_hash_set<std::string> seen;
  for (const MatrixItem& item : report.matrix.items) {
    if (seen.insert(item.id).second) items.push_back(item.id);
  }
  for (const GeneralPointResult& g : report.general_standard) {
    for (const std::string& id : g.covered_by) {
      if (seen.insert(id).second) items.push_back(id);
    }
  }
  return items;
}

void WriteGeneralStandard(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kGeneralSheet, language);
  std::vector<std::string> items = CoveringItems(report);
  sheet.Headers(0, {kGeneralPoint, kContent, kVerdict, kItemCount, kItems});
  for (size_t i = 0; i < items.size(); ++i) sheet.Text(0, 5 + i, items[i], book.header);
  sheet.Width(0, 0, 12);
  sheet.Width(1, 1, 50, book.wrap);
  sheet.Width(2, 3, 12);
  sheet.Width(4, 4, 20);
  if (!items.empty()) sheet.Width(5, 4 + items.size(), 6);
  absl::flat_hash_map<std::string, size_t> column;
  for (size_t i = 0; i < items.size(); ++i) column[items[i]] = 5 + i;
  uint32_t row = 1;
  for (const GeneralPointResult& g : report.general_standard) {
    sheet.Text(row, 0, g.id);
    sheet.Text(row, 1, g.text, book.wrap);
    sheet.VerdictCell(row, 2, g.verdict);
    sheet.Number(row, 3, static_cast<double>(g.covered_by.size()));
    sheet.Text(row, 4, Join(g.covered_by));
    for (const std::string& id : g.covered_by) sheet.Text(row, column[id], "●", book.met);
    ++row;
  }
  sheet.Freeze(1, 1);
}

void WriteMatrix(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kMatrixSheet, language);
  const RealisationMatrix& m = report.matrix;
  // Rows 0–7 describe the courses (one per column from 3 on); row 8 heads the points.
  const Bilingual kCourseRows[] = {kCourse,   kCourseName, kKind,  kCore,
                                   kSemester, kCredits,    kVenue, kMethods};
  constexpr uint32_t kFirstCourse = 3;
  constexpr uint32_t kPointHeader = 8;
  for (uint32_t i = 0; i < 8; ++i) sheet.Label(i, 2, kCourseRows[i], book.header);
  for (size_t c = 0; c < m.courses.size(); ++c) {
    const MatrixCourse& course = m.courses[c];
    uint32_t col = kFirstCourse + c;
    sheet.Text(0, col, course.id, book.header);
    sheet.Text(1, col, course.name, book.wrap);
    sheet.Text(2, col, CourseKindLabel(course.kind, language));
    if (course.core) sheet.Text(3, col, YesNoLabel(course.core, language));
    sheet.NumberOrText(4, col, course.semester);
    sheet.NumberOrText(5, col, course.credits);
    sheet.Text(6, col, VenueLabel(course.venue, language));
    std::vector<std::string> methods;
    for (const std::string& method : course.methods) {
      methods.push_back(MethodLabel(method, language));
    }
    sheet.Text(7, col, Join(methods), book.wrap);
  }
  uint32_t after_courses = kFirstCourse + m.courses.size();
  sheet.Headers(kPointHeader, {kPoint, kItem, kContent});
  sheet.Label(kPointHeader, after_courses, kSupportingCourses, book.header);
  sheet.Label(kPointHeader, after_courses + 1, kMeasuringAssessments, book.header);
  sheet.Width(0, 1, 10);
  sheet.Width(2, 2, 40, book.wrap);
  if (!m.courses.empty()) sheet.Width(kFirstCourse, after_courses - 1, 14, book.wrap);
  sheet.Width(after_courses, after_courses + 1, 12);

  double strongest = 0;
  for (const MatrixCell& cell : m.cells) strongest = std::max(strongest, cell.weight_value);
  std::vector<int> courses_of(m.points.size(), 0), assessments_of(m.points.size(), 0);
  for (const MatrixCell& cell : m.cells) {
    if (cell.point < 0 || cell.point >= static_cast<int>(m.points.size()) || cell.course < 0 ||
        cell.course >= static_cast<int>(m.courses.size())) {
      continue;
    }
    double ratio = strongest > 0 ? cell.weight_value / strongest : 1;
    lxw_format* fill = ratio > 0.99 ? book.strong : ratio >= 0.5 ? book.medium : book.light;
    std::string text = cell.weight;
    if (!cell.assessments.empty()) absl::StrAppend(&text, "\n", Join(cell.assessments));
    sheet.Text(kPointHeader + 1 + cell.point, kFirstCourse + cell.course, text, fill);
    ++courses_of[cell.point];
    assessments_of[cell.point] += static_cast<int>(cell.assessments.size());
  }
  uint32_t row = kPointHeader + 1;
  for (size_t p = 0; p < m.points.size(); ++p, ++row) {
    sheet.Text(row, 0, m.points[p].id);
    sheet.Text(row, 1, m.points[p].item);
    sheet.Text(row, 2, m.points[p].text, book.wrap);
    sheet.Number(row, after_courses, courses_of[p]);
    sheet.Number(row, after_courses + 1, assessments_of[p]);
  }
  if (m.points.empty() && m.courses.empty()) sheet.Label(row++, 0, kNoData);
  sheet.Label(row + 1, 0, kMatrixLegend);
  sheet.Freeze(kPointHeader + 1, kFirstCourse);
}

// Items as rows, general points (then any other points they cover) as columns.
void WriteItemsByGeneralPoints(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kItemsSheet, language);
  // Items with what they cover: the matrix's, or else those named by the general points.
  std::vector<MatrixItem> items = report.matrix.items;
  if (items.empty()) {
    absl::flat_hash_map<std::string, size_t> index;
    for (const GeneralPointResult& g : report.general_standard) {
      for (const std::string& id : g.covered_by) {
        auto [it, added] = index.emplace(id, items.size());
        if (added) items.push_back({.id = id});
        items[it->second].covers.push_back(g.id);
      }
    }
  }
  std::vector<std::string> columns;
  absl::flat_hash_set<std::string> seen;
  for (const GeneralPointResult& g : report.general_standard) {
    if (seen.insert(g.id).second) columns.push_back(g.id);
  }
  for (const MatrixItem& item : items) {
    for (const std::string& id : item.covers) {
      if (seen.insert(id).second) columns.push_back(id);
    }
  }
  absl::flat_hash_map<std::string, uint32_t> column;
  sheet.Headers(0, {kItem, kContent});
  for (size_t i = 0; i < columns.size(); ++i) {
    column[columns[i]] = 2 + i;
    sheet.Text(0, 2 + i, columns[i], book.header);
  }
  uint32_t total = 2 + columns.size();
  sheet.Label(0, total, kCoverCount, book.header);
  sheet.Width(0, 0, 12);
  sheet.Width(1, 1, 40, book.wrap);
  if (!columns.empty()) sheet.Width(2, total - 1, 6);
  sheet.Width(total, total, 10);
  std::vector<int> per_column(columns.size(), 0);
  uint32_t row = 1;
  for (const MatrixItem& item : items) {
    sheet.Text(row, 0, item.id);
    sheet.Text(row, 1, item.text, book.wrap);
    absl::flat_hash_set<std::string> marked;
    for (const std::string& id : item.covers) {
      if (!marked.insert(id).second) continue;
      sheet.Text(row, column[id], "●", book.met);
      ++per_column[column[id] - 2];
    }
    sheet.Number(row++, total, static_cast<double>(marked.size()));
  }
  sheet.Label(row, 1, kCoveredPoints, book.bold);
  for (size_t i = 0; i < columns.size(); ++i) sheet.Number(row, 2 + i, per_column[i]);
  sheet.Freeze(1, 2);
}

lxw_format* LevelFormat(const Book& book, std::string_view level) {
  if (level == "good" || level == "attained") return book.met;
  if (level == "not_attained") return book.not_met;
  return level == "unknown" ? book.pending : nullptr;
}

void WriteAttainment(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kAttainmentSheet, language);
  const Attainment& a = report.attainment;
  sheet.Width(0, 1, 14);
  sheet.Width(2, 3, 10);
  sheet.Width(4, 8, 12);
  uint32_t row = 0;
  sheet.Label(row, 0, kMethod, book.bold);
  sheet.Merge(row, 1, 8, AttainmentFormula(a.method, language), book.wrap);
  sheet.Height(row++, 90);
  if (!a.computed) sheet.Label(row++, 0, kNotComputed, book.pending);

  ++row;
  sheet.Headers(row++, {kPoint, kItem, kAttainment, kExact, kCourses, kStudents, kShareAtThreshold,
                        kStudentsAtThreshold, kLevel});
  uint32_t first_point = row;
  for (const PointAttainment& p : a.points) {
    sheet.Text(row, 0, p.id);
    sheet.Text(row, 1, p.item);
    sheet.Number(row, 2, p.value, book.value);
    sheet.Text(row, 3, p.exact);
    sheet.Number(row, 4, p.courses);
    sheet.Number(row, 5, p.students);
    sheet.Number(row, 6, p.share_at_threshold, book.share);
    sheet.Number(row, 7, p.students_at_threshold);
    sheet.Text(row++, 8, AttainmentLevelLabel(p.level, language), LevelFormat(book, p.level));
  }
  if (row > first_point) sheet.ColorScale(first_point, 2, row - 1, 2, a.method.threshold);

  ++row;
  sheet.Headers(row++, {kItem, kAttainment, kExact, kPointsEntered, kLevel});
  for (const ItemAttainment& i : a.items) {
    sheet.Text(row, 0, i.id);
    sheet.Number(row, 1, i.value, book.value);
    sheet.Text(row, 2, i.exact);
    sheet.Number(row, 3, i.points);
    sheet.Text(row++, 4, AttainmentLevelLabel(i.level, language), LevelFormat(book, i.level));
  }

  // Course × point: one row per course, one column per point, in the report's orders.
  ++row;
  std::vector<std::string> courses, points;
  absl::flat_hash_map<std::string, uint32_t> course_row, point_col;
  for (const PointAttainment& p : a.points) {
    if (point_col.emplace(p.id, 1 + points.size()).second) points.push_back(p.id);
  }
  for (const CourseAttainment& cp : a.course_points) {
    if (point_col.emplace(cp.point, 1 + points.size()).second) points.push_back(cp.point);
    if (course_row.emplace(cp.course, courses.size()).second) courses.push_back(cp.course);
  }
  sheet.Label(row, 0, kCourseByPoint, book.header);
  for (size_t i = 0; i < points.size(); ++i) sheet.Text(row, 1 + i, points[i], book.header);
  uint32_t first_course = ++row;
  for (size_t i = 0; i < courses.size(); ++i) sheet.Text(first_course + i, 0, courses[i]);
  for (const CourseAttainment& cp : a.course_points) {
    sheet.Number(first_course + course_row[cp.course], point_col[cp.point], cp.value, book.value);
  }
  if (!courses.empty() && !points.empty()) {
    sheet.ColorScale(first_course, 1, first_course + courses.size() - 1, points.size(),
                     a.method.threshold);
  }
}

void WriteCourseAttainment(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kCourseAttainmentSheet, language);
  sheet.Headers(0,
                {kCourse, kPoint, kAttainment, kExact, kWeight, kAssessments, kStudents, kScores});
  sheet.Width(0, 1, 12);
  sheet.Width(2, 4, 10);
  sheet.Width(5, 5, 30, book.wrap);
  sheet.Width(6, 7, 10);
  uint32_t row = 1;
  for (const CourseAttainment& cp : report.attainment.course_points) {
    sheet.Text(row, 0, cp.course);
    sheet.Text(row, 1, cp.point);
    sheet.Number(row, 2, cp.value, book.value);
    sheet.Text(row, 3, cp.exact);
    sheet.Number(row, 4, cp.weight);
    sheet.Text(row, 5, Join(cp.assessments), book.wrap);
    sheet.Number(row, 6, cp.students);
    sheet.Number(row++, 7, cp.scores);
  }
  if (row > 1) {
    sheet.ColorScale(1, 2, row - 1, 2, report.attainment.method.threshold);
    sheet.Filter(0, row - 1, 7);
  }
  sheet.Freeze(1, 2);
}

void WriteCoverage(Book& book, const Report& report, Language language) {
  Sheet sheet(book, kCoverageSheet, language);
  const Coverage& c = report.coverage;
  sheet.Width(0, 0, 30);
  sheet.Width(1, 1, 12);
  sheet.Width(2, 2, 60, book.wrap);
  uint32_t row = 0;
  sheet.Headers(row++, {kList, kCount, kIds});
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"uncovered_points", &c.uncovered_points},
      {"unassessed_points", &c.unassessed_points},
      {"courses_without_assessment", &c.courses_without_assessment},
      {"orphan_courses", &c.orphan_courses}};
  for (const auto& [kind, ids] : lists) {
    sheet.Text(row, 0, CoverageLabel(kind, language));
    sheet.Number(row, 1, static_cast<double>(ids->size()));
    sheet.Text(row++, 2, Join(*ids), book.wrap);
  }
  ++row;
  sheet.Headers(row++, {kGapKind, kId, kPath});
  for (const CoverageGap& gap : c.gaps) {
    sheet.Text(row, 0, CoverageLabel(gap.kind, language));
    sheet.Text(row, 1, gap.id);
    sheet.Text(row++, 2, absl::StrJoin(gap.path, " → "), book.wrap);
  }
}

}  // namespace

absl::Status WriteXlsx(const Report& report, Language language, const std::string& path) {
  // Written beside `path` and renamed into place, so a reader never sees half a workbook.
  std::string temporary = path + ".tmp";
  // libxlsxwriter reports a file it cannot create on stderr too: find out first.
  if (FILE* probe = std::fopen(temporary.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return absl::InternalError(absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  lxw_error error = LXW_NO_ERROR;
  {
    Book book(temporary);
    WriteOverview(book, report, language);
    WriteCriteria(book, report, language);
    WriteGeneralStandard(book, report, language);
    WriteMatrix(book, report, language);
    WriteItemsByGeneralPoints(book, report, language);
    WriteAttainment(book, report, language);
    WriteCourseAttainment(book, report, language);
    WriteCoverage(book, report, language);
    error = book.Close();
  }
  if (error != LXW_NO_ERROR) {
    std::remove(temporary.c_str());
    return absl::InternalError(absl::StrCat("cannot write ", path, ": ", lxw_strerror(error)));
  }
  std::error_code renamed;
  std::filesystem::rename(temporary, path, renamed);
  if (renamed) {
    std::remove(temporary.c_str());
    return absl::InternalError(absl::StrCat("cannot write ", path, ": ", renamed.message()));
  }
  return absl::OkStatus();
}

}  // namespace zhuoyue
