// The XLSX workbook, written and then read back with openpyxl (tests/report/xlsx_dump.py,
// Debian's python3-openpyxl): sheet names, cell values and their types, number formats,
// fills, and null values as empty cells.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "report/labels.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using Json = nlohmann::json;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

// Debian's interpreter, where python3-openpyxl is installed (not a user's own python3).
constexpr char kPython[] = "/usr/bin/python3";

std::filesystem::path TempDir() {
  static int counter = 0;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("zy_xlsx_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  return dir;
}

// A workbook as read back: the cells of each sheet by address ("B3").
class Workbook {
 public:
  static Workbook Read(const std::filesystem::path& path) {
    std::string command = std::string(kPython) + " '" + ZHUOYUE_TEST_DIR +
                          "/report/xlsx_dump.py' '" + path.string() + "' 2>&1";
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
      ADD_FAILURE() << "cannot run " << command;
      return Workbook(Json::object());
    }
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    int status = pclose(pipe);
    Json json = Json::parse(out, nullptr, /*allow_exceptions=*/false);
    if (status != 0 || json.is_discarded()) {
      ADD_FAILURE() << "reading " << path << " back failed (is python3-openpyxl installed?):\n"
                    << out;
      return Workbook(Json::object());
    }
    return Workbook(std::move(json));
  }

  std::vector<std::string> sheets() const {
    return json_.value("sheets", std::vector<std::string>{});
  }

  // The cell, or null when it is empty.
  Json Cell(const std::string& sheet, const std::string& address) const {
    const Json& cells = Cells(sheet);
    return cells.contains(address) ? cells[address] : Json(nullptr);
  }
  Json Value(const std::string& sheet, const std::string& address) const {
    Json cell = Cell(sheet, address);
    return cell.is_null() ? Json(nullptr) : cell["value"];
  }
  // The 1-based row whose cell in `column` holds `text`; 0 when none does.
  int RowOf(const std::string& sheet, const std::string& column, const std::string& text) const {
    int found = 0;
    for (const auto& [address, cell] : Cells(sheet).items()) {
      size_t digits = address.find_first_of("0123456789");
      if (address.substr(0, digits) != column || cell["value"] != text) continue;
      int row = std::stoi(address.substr(digits));
      if (found == 0 || row < found) found = row;
    }
    return found;
  }
  const Json& conditional(const std::string& sheet) const { return json_["conditional"][sheet]; }
  const Json& merged(const std::string& sheet) const { return json_["merged"][sheet]; }

 private:
  explicit Workbook(Json json) : json_(std::move(json)) {}
  const Json& Cells(const std::string& sheet) const {
    static const Json kNone = Json::object();
    return json_.contains("cells") && json_["cells"].contains(sheet) ? json_["cells"][sheet]
                                                                     : kNone;
  }
  Json json_;
};

std::string At(const std::string& column, int row) { return column + std::to_string(row); }

// The letters of a 0-based column: 0 → A, 26 → AA.
std::string Column(int index) {
  std::string name;
  for (++index; index > 0; index = (index - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (index - 1) % 26));
  }
  return name;
}

Quantity Exact(double value, std::string exact) {
  Quantity q;
  q.value = value;
  q.exact = std::move(exact);
  return q;
}

// A report with every kind of cell: numbers, ranges, undefined values, nulls, fills.
Report SampleReport() {
  Report r;
  r.program = "P-1";
  r.program_name = "测试专业";
  r.pack = "zhuoyue";
  r.pack_version = "1.0.0";
  r.params = {{"industry_years_min", "5"}, {"mode", "\"strict\""}};
  r.overall = "passed_not_met";
  r.overall_label = "通过工程教育专业认证但未达到卓越计划专门要求";
  r.eligibility = {{.id = "first_cohort_graduated", .verdict = Verdict::kMet, .message = "首届"}};
  r.general_standard = {
      {.id = "G1", .text = "工程师职业道德", .verdict = Verdict::kMet, .covered_by = {"S1", "S2"}},
      {.id = "G2", .verdict = Verdict::kNotMet}};

  RequirementResult five{.id = "5",
                         .title = "教师队伍建设",
                         .verdict = Verdict::kNotMet,
                         .level = "not_met",
                         .level_label = "没有达到专门要求"};
  CriterionResult c52{.id = "5.2",
                      .kind = "computed",
                      .text = "担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历",
                      .verdict = Verdict::kNotMet};
  c52.value = Exact(7, "7");
  c52.threshold = Exact(8, "8");
  c52.comparison = "all";
  c52.witnesses = {"T02", "T05"};
  c52.message = "7 of 8 hold; failing: T02";
  CriterionResult c53{.id = "5.3", .kind = "judged", .text = "主讲教师的企业工作经历"};
  c53.missing = {"judgements"};
  CriterionResult c54{.id = "5.4", .kind = "computed", .text = "比例"};
  Quantity range;
  range.range = true;
  range.minimum = 0.2;
  range.value = 0.2;
  c54.value = range;
  c54.threshold = Exact(0.25, "1/4");
  c54.comparison = ">=";
  c54.what_if = "what if: 1 more of the 30 satisfying it";
  CriterionResult c55{
      .id = "5.5", .kind = "computed+judged", .text = "考核", .verdict = Verdict::kMet};
  Quantity undefined;
  undefined.undefined = true;
  c55.value = undefined;
  c55.judgement = Verdict::kMet;
  five.criteria = {c52, c53, c54, c55};
  RequirementResult nine{.id = "9",
                         .title = "工程教育面向世界",
                         .verdict = Verdict::kMet,
                         .level = "distinction",
                         .level_label = "达到专门要求，有特色",
                         .at_least = 3};
  r.requirements = {five, nine};

  r.coverage.uncovered_points = {"S3.1"};
  r.coverage.unassessed_points = {"S8.2", "S8.3"};
  r.coverage.courses_without_assessment = {"C15"};
  r.coverage.gaps = {{.kind = "uncovered_point", .id = "S3.1", .path = {"G3", "S3", "S3.1"}}};

  RealisationMatrix& m = r.matrix;
  m.points = {{.id = "S1.1", .item = "S1", .text = "掌握机械原理"},
              {.id = "S1.2", .item = "S1", .text = "能设计"},
              {.id = "S3.1", .item = "S3", .text = "无课程支撑"}};
  m.courses = {{.id = "C1",
                .name = "机械原理",
                .kind = "course",
                .core = true,
                .semester = "3",
                .credits = "3.5",
                .venue = "school",
                .methods = {"lecture", "lab"}},
               {.id = "C2", .name = "企业实习", .kind = "internship", .credits = "2"}};
  m.cells = {
      {.point = 0, .course = 0, .weight = "H", .weight_value = 3, .assessments = {"A1", "A2"}},
      {.point = 0, .course = 1, .weight = "M", .weight_value = 2},
      {.point = 1, .course = 1, .weight = "L", .weight_value = 1, .assessments = {"A3"}}};
  m.items = {{.id = "S1", .text = "工程知识", .covers = {"G1", "G3", "IND-1"}},
             {.id = "S2", .text = "职业道德", .covers = {"G1"}}};

  Attainment& a = r.attainment;
  a.computed = true;
  a.points = {{.id = "S1.1",
               .item = "S1",
               .value = 0.7,
               .exact = "7/10",
               .courses = 2,
               .students = 30,
               .share_at_threshold = 0.9,
               .students_at_threshold = 27,
               .level = "attained"},
              {.id = "S3.1", .item = "S3", .level = "unknown"}};
  a.items = {{.id = "S1", .value = 0.7, .exact = "7/10", .points = 1, .level = "attained"},
             {.id = "S3", .level = "unknown"}};
  a.course_points = {{.course = "C1",
                      .point = "S1.1",
                      .value = 0.75,
                      .exact = "3/4",
                      .weight = 3,
                      .assessments = {"A1", "A2"},
                      .students = 30,
                      .scores = 60},
                     {.course = "C2", .point = "S1.1", .value = 0.6, .weight = 2},
                     {.course = "C1", .point = "S3.1", .weight = 1}};
  return r;
}

Workbook WriteAndRead(const Report& report, Language language) {
  std::filesystem::path path = TempDir() / "report.xlsx";
  absl::Status status = WriteXlsx(report, language, path.string());
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  Workbook book = Workbook::Read(path);
  std::filesystem::remove_all(path.parent_path());
  return book;
}

TEST(Xlsx, SheetsAreNamedInChineseByDefault) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  EXPECT_THAT(book.sheets(), ElementsAre("概览", "判断依据", "通用标准", "实现矩阵",
                                         "学校标准与通用标准", "达成度", "课程达成度", "覆盖缺口"));
  EXPECT_EQ(book.Value("判断依据", "D1"), "判断结果");
}

TEST(Xlsx, SheetsAndHeadersInEnglish) {
  Workbook book = WriteAndRead(SampleReport(), Language::kEn);
  EXPECT_THAT(book.sheets(), ElementsAre("Overview", "Criteria", "General standard",
                                         "Realisation matrix", "Items x general points",
                                         "Attainment", "Course attainment", "Coverage gaps"));
  EXPECT_EQ(book.Value("Criteria", "D1"), "Verdict");
  int row = book.RowOf("Criteria", "B", "5.2");
  EXPECT_EQ(book.Value("Criteria", At("D", row)), "not met");
  // Texts from the pack are never translated.
  EXPECT_EQ(book.Value("Criteria", At("E", row)),
            "担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历");
  EXPECT_EQ(book.Value("Attainment", "A1"), "Method");
}

TEST(Xlsx, OverviewHasTheOutcomeRequirementsAndParameters) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "概览";
  int program = book.RowOf(sheet, "A", "专业");
  ASSERT_GT(program, 0);
  EXPECT_EQ(book.Value(sheet, At("B", program)), "P-1");
  EXPECT_EQ(book.Value(sheet, At("C", program)), "测试专业");
  int overall = book.RowOf(sheet, "A", "评价结论");
  EXPECT_EQ(book.Value(sheet, At("B", overall)), "通过认证，未达到专门要求");
  EXPECT_EQ(book.Value(sheet, At("C", overall)), "passed_not_met");
  EXPECT_EQ(book.Value(sheet, At("D", overall)), "通过工程教育专业认证但未达到卓越计划专门要求");

  int five = book.RowOf(sheet, "A", "5");
  ASSERT_GT(five, 0);
  EXPECT_EQ(book.Value(sheet, At("B", five)), "教师队伍建设");
  EXPECT_EQ(book.Value(sheet, At("C", five)), "未达到");
  EXPECT_EQ(book.Cell(sheet, At("C", five))["fill"], "FFFFC7CE");
  EXPECT_EQ(book.Value(sheet, At("D", five)), "未达到专门要求");
  EXPECT_EQ(book.Value(sheet, At("F", five)), "全部达到");
  EXPECT_EQ(book.Cell(sheet, At("G", five))["type"], "n");
  EXPECT_EQ(book.Value(sheet, At("G", five)), 1);  // met
  EXPECT_EQ(book.Value(sheet, At("H", five)), 1);  // not met
  EXPECT_EQ(book.Value(sheet, At("I", five)), 2);  // pending
  int nine = book.RowOf(sheet, "A", "9");
  EXPECT_EQ(book.Value(sheet, At("D", nine)), "达到专门要求，有特色或优秀");
  EXPECT_EQ(book.Value(sheet, At("F", nine)), "至少达到 3");

  int param = book.RowOf(sheet, "A", "industry_years_min");
  EXPECT_EQ(book.Cell(sheet, At("B", param))["type"], "n");
  EXPECT_EQ(book.Value(sheet, At("B", param)), 5);
  EXPECT_EQ(book.Value(sheet, At("B", book.RowOf(sheet, "A", "mode"))), "strict");
  int eligibility = book.RowOf(sheet, "A", "first_cohort_graduated");
  EXPECT_EQ(book.Value(sheet, At("B", eligibility)), "达到");
}

TEST(Xlsx, CriteriaHaveNumbersAsNumbersAndUnknownsEmpty) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "判断依据";
  EXPECT_EQ(book.Value(sheet, "A1"), "专门要求");
  EXPECT_EQ(book.Value(sheet, "E1"), "依据原文");
  int row = book.RowOf(sheet, "B", "5.2");
  ASSERT_EQ(row, 2);
  EXPECT_EQ(book.Value(sheet, "A2"), "5");
  EXPECT_EQ(book.Value(sheet, "C2"), CriterionKindLabel("computed", Language::kZh));
  EXPECT_EQ(book.Value(sheet, "D2"), "未达到");
  EXPECT_EQ(book.Value(sheet, "E2"), "担任这 6 门课程的主讲教师具有 5 年及以上企业工作经历");
  EXPECT_EQ(book.Cell(sheet, "F2")["type"], "n");
  EXPECT_EQ(book.Value(sheet, "F2"), 7);
  EXPECT_EQ(book.Value(sheet, "G2"), "all");
  EXPECT_EQ(book.Value(sheet, "H2"), 8);
  EXPECT_EQ(book.Value(sheet, "I2"), "T02, T05");
  EXPECT_EQ(book.Value(sheet, "L2"), "7 of 8 hold; failing: T02");

  int pending = book.RowOf(sheet, "B", "5.3");
  EXPECT_EQ(book.Value(sheet, At("D", pending)), "待定");
  EXPECT_EQ(book.Value(sheet, At("J", pending)), "judgements");
  EXPECT_TRUE(book.Cell(sheet, At("F", pending)).is_null());

  // Known only within [0.2, ∞): no value, the bound in its own column.
  int ranged = book.RowOf(sheet, "B", "5.4");
  EXPECT_TRUE(book.Cell(sheet, At("F", ranged)).is_null());
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("N", ranged)).get<double>(), 0.2);
  EXPECT_TRUE(book.Cell(sheet, At("O", ranged)).is_null());
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("H", ranged)).get<double>(), 0.25);
  EXPECT_EQ(book.Value(sheet, At("K", ranged)), "what if: 1 more of the 30 satisfying it");

  // Undefined (a mean over nothing): empty, never zero.
  int undefined = book.RowOf(sheet, "B", "5.5");
  EXPECT_TRUE(book.Cell(sheet, At("F", undefined)).is_null());
  EXPECT_EQ(book.Value(sheet, At("M", undefined)), "达到");
  EXPECT_EQ(book.Value(sheet, At("C", undefined)),
            CriterionKindLabel("computed+judged", Language::kZh));
}

TEST(Xlsx, GeneralStandardMarksTheCoveringItems) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "通用标准";
  EXPECT_EQ(book.Value(sheet, "F1"), "S1");
  EXPECT_EQ(book.Value(sheet, "G1"), "S2");
  EXPECT_EQ(book.Value(sheet, "A2"), "G1");
  EXPECT_EQ(book.Value(sheet, "B2"), "工程师职业道德");
  EXPECT_EQ(book.Value(sheet, "D2"), 2);
  EXPECT_EQ(book.Value(sheet, "E2"), "S1, S2");
  EXPECT_EQ(book.Value(sheet, "F2"), "●");
  EXPECT_EQ(book.Value(sheet, "G2"), "●");
  EXPECT_EQ(book.Value(sheet, "C3"), "未达到");
  EXPECT_EQ(book.Value(sheet, "D3"), 0);
  EXPECT_TRUE(book.Cell(sheet, "F3").is_null());
}

TEST(Xlsx, RealisationMatrixHasWeightsAssessmentsAndFills) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "实现矩阵";
  EXPECT_EQ(book.Value(sheet, "D1"), "C1");
  EXPECT_EQ(book.Value(sheet, "E1"), "C2");
  EXPECT_EQ(book.Value(sheet, "D2"), "机械原理");
  EXPECT_EQ(book.Value(sheet, "D4"), "是");
  EXPECT_TRUE(book.Cell(sheet, "E4").is_null());                 // core unknown
  EXPECT_EQ(book.Cell(sheet, "D5")["type"], "n");                // semester 3
  EXPECT_DOUBLE_EQ(book.Value(sheet, "D6").get<double>(), 3.5);  // credits
  EXPECT_TRUE(book.Cell(sheet, "E5").is_null());                 // semester unknown
  EXPECT_EQ(book.Value(sheet, "C3"), "类型");
  EXPECT_EQ(book.Value(sheet, "D3"), CourseKindLabel("course", Language::kZh));
  EXPECT_EQ(book.Value(sheet, "D7"), VenueLabel("school", Language::kZh));
  EXPECT_EQ(book.Value(sheet, "D8"), absl::StrCat(MethodLabel("lecture", Language::kZh), ", ",
                                                  MethodLabel("lab", Language::kZh)));
  EXPECT_EQ(book.Value(sheet, "A9"), "标准点");
  EXPECT_EQ(book.Value(sheet, "A10"), "S1.1");
  EXPECT_EQ(book.Value(sheet, "B10"), "S1");
  EXPECT_EQ(book.Value(sheet, "D10"), "H\nA1, A2");
  EXPECT_EQ(book.Value(sheet, "E10"), "M");
  EXPECT_EQ(book.Value(sheet, "E11"), "L\nA3");
  EXPECT_TRUE(book.Cell(sheet, "D11").is_null());
  // Filled by weight: the strongest darkest.
  EXPECT_EQ(book.Cell(sheet, "D10")["fill"], "FF9BC2E6");
  EXPECT_EQ(book.Cell(sheet, "E10")["fill"], "FFBDD7EE");
  EXPECT_EQ(book.Cell(sheet, "E11")["fill"], "FFDDEBF7");
  // Supporting courses and measuring assessments per point; S3.1 has none.
  EXPECT_EQ(book.Value(sheet, "F9"), "支撑课程数");
  EXPECT_EQ(book.Value(sheet, "F10"), 2);
  EXPECT_EQ(book.Value(sheet, "G10"), 2);
  EXPECT_EQ(book.Value(sheet, "A12"), "S3.1");
  EXPECT_EQ(book.Value(sheet, "F12"), 0);
}

TEST(Xlsx, ItemsByGeneralPoints) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "学校标准与通用标准";
  // The report's general points, then the other points the items cover.
  EXPECT_EQ(book.Value(sheet, "C1"), "G1");
  EXPECT_EQ(book.Value(sheet, "D1"), "G2");
  EXPECT_EQ(book.Value(sheet, "E1"), "G3");
  EXPECT_EQ(book.Value(sheet, "F1"), "IND-1");
  EXPECT_EQ(book.Value(sheet, "A2"), "S1");
  EXPECT_EQ(book.Value(sheet, "C2"), "●");
  EXPECT_TRUE(book.Cell(sheet, "D2").is_null());
  EXPECT_EQ(book.Value(sheet, "E2"), "●");
  EXPECT_EQ(book.Value(sheet, "G2"), 3);
  EXPECT_EQ(book.Value(sheet, "G3"), 1);
  EXPECT_EQ(book.Value(sheet, "C4"), 2);  // G1 is covered by two items
  EXPECT_EQ(book.Value(sheet, "D4"), 0);
}

TEST(Xlsx, ItemsByGeneralPointsFromTheGeneralStandardWithoutAMatrix) {
  Report report = SampleReport();
  report.matrix = {};
  Workbook book = WriteAndRead(report, Language::kZh);
  const std::string sheet = "学校标准与通用标准";
  EXPECT_EQ(book.Value(sheet, "A2"), "S1");
  EXPECT_EQ(book.Value(sheet, "A3"), "S2");
  EXPECT_EQ(book.Value(sheet, "C3"), "●");
  EXPECT_EQ(book.Value(sheet, "B4"), "覆盖的通用标准数");
  EXPECT_EQ(book.Value("实现矩阵", "A10"), "无数据");  // the matrix sheet says it has none
}

TEST(Xlsx, AttainmentValuesAreNumbersAndNullsEmpty) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "达成度";
  EXPECT_EQ(book.Value(sheet, "A1"), "计算方法");
  EXPECT_THAT(book.Value(sheet, "B1").get<std::string>(), HasSubstr("0.6"));
  int point = book.RowOf(sheet, "A", "S1.1");
  ASSERT_GT(point, 0);
  EXPECT_EQ(book.Value(sheet, At("A", point - 1)), "标准点");
  Json value = book.Cell(sheet, At("C", point));
  EXPECT_EQ(value["type"], "n");
  EXPECT_DOUBLE_EQ(value["value"].get<double>(), 0.7);
  EXPECT_EQ(value["format"], "0.000");
  EXPECT_EQ(book.Value(sheet, At("D", point)), "7/10");
  EXPECT_EQ(book.Value(sheet, At("F", point)), 30);
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("G", point)).get<double>(), 0.9);
  EXPECT_EQ(book.Value(sheet, At("H", point)), 27);
  EXPECT_EQ(book.Value(sheet, At("I", point)), "达成");

  // Nothing measured S3.1: its value is an empty cell, never 0.
  int null_point = book.RowOf(sheet, "A", "S3.1");
  ASSERT_GT(null_point, 0);
  EXPECT_TRUE(book.Cell(sheet, At("C", null_point)).is_null());
  EXPECT_TRUE(book.Cell(sheet, At("G", null_point)).is_null());
  EXPECT_EQ(book.Value(sheet, At("I", null_point)), "无数据");

  int item = book.RowOf(sheet, "A", "S1");
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("B", item)).get<double>(), 0.7);
  EXPECT_TRUE(book.Cell(sheet, At("B", book.RowOf(sheet, "A", "S3"))).is_null());

  // Course × point.
  int grid = book.RowOf(sheet, "A", "课程 \\ 标准点");
  ASSERT_GT(grid, 0);
  EXPECT_EQ(book.Value(sheet, At("B", grid)), "S1.1");
  EXPECT_EQ(book.Value(sheet, At("C", grid)), "S3.1");
  EXPECT_EQ(book.Value(sheet, At("A", grid + 1)), "C1");
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("B", grid + 1)).get<double>(), 0.75);
  EXPECT_TRUE(book.Cell(sheet, At("C", grid + 1)).is_null());
  EXPECT_EQ(book.Value(sheet, At("A", grid + 2)), "C2");
  EXPECT_DOUBLE_EQ(book.Value(sheet, At("B", grid + 2)).get<double>(), 0.6);
  EXPECT_THAT(book.conditional(sheet), Not(IsEmpty()));  // a colour scale on the values
}

TEST(Xlsx, AttainmentNotComputedSaysSo) {
  Report report = SampleReport();
  report.attainment = {};
  Workbook book = WriteAndRead(report, Language::kEn);
  EXPECT_THAT(book.Value("Attainment", "A2").get<std::string>(), HasSubstr("no scores"));
}

TEST(Xlsx, CourseAttainmentListsEveryPairWithItsSampleSize) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "课程达成度";
  EXPECT_EQ(book.Value(sheet, "A2"), "C1");
  EXPECT_EQ(book.Value(sheet, "B2"), "S1.1");
  EXPECT_DOUBLE_EQ(book.Value(sheet, "C2").get<double>(), 0.75);
  EXPECT_EQ(book.Cell(sheet, "C2")["format"], "0.000");
  EXPECT_EQ(book.Value(sheet, "E2"), 3);
  EXPECT_EQ(book.Value(sheet, "F2"), "A1, A2");
  EXPECT_EQ(book.Value(sheet, "G2"), 30);
  EXPECT_EQ(book.Value(sheet, "H2"), 60);
  EXPECT_EQ(book.Value(sheet, "B4"), "S3.1");
  EXPECT_TRUE(book.Cell(sheet, "C4").is_null());
}

TEST(Xlsx, CoverageGapsCountedAndWithTheirPaths) {
  Workbook book = WriteAndRead(SampleReport(), Language::kZh);
  const std::string sheet = "覆盖缺口";
  EXPECT_EQ(book.Value(sheet, "A2"), "无课程支撑的标准点");
  EXPECT_EQ(book.Value(sheet, "B2"), 1);
  EXPECT_EQ(book.Value(sheet, "B3"), 2);
  EXPECT_EQ(book.Value(sheet, "C3"), "S8.2, S8.3");
  EXPECT_EQ(book.Value(sheet, "B5"), 0);
  int gap = book.RowOf(sheet, "B", "S3.1");
  EXPECT_EQ(book.Value(sheet, At("A", gap)), "无课程支撑的标准点");
  EXPECT_EQ(book.Value(sheet, At("C", gap)), "G3 → S3 → S3.1");
}

TEST(Xlsx, TooLongATextIsCutToWhatACellHolds) {
  Report report = SampleReport();
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "长";
  text += text;  // 40000 characters
  report.requirements[0].criteria[0].message = text;
  Workbook book = WriteAndRead(report, Language::kZh);
  std::string cell = book.Value("判断依据", "L2").get<std::string>();
  EXPECT_LE(cell.size(), 32767u * 3);
  EXPECT_GT(cell.size(), 32000u * 3);
}

TEST(Xlsx, AFileThatCannotBeWrittenIsAnErrorWithItsPath) {
  std::string path = (TempDir() / "no-such-folder" / "report.xlsx").string();
  absl::Status status = WriteXlsx(SampleReport(), Language::kZh, path);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(std::string(status.message()), HasSubstr(path));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

// The examples, evaluated with the built-in pack: one row per criterion with its verdict and
// its value (a number when known, else empty).
class XlsxExample : public testing::TestWithParam<const char*> {};

TEST_P(XlsxExample, CriteriaAndOverviewMatchTheReport) {
  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::Builtin();
  ASSERT_TRUE(pack.ok()) << pack.status();
  auto dossier = Dossier::FromFile(
      **pack, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + GetParam() + ".json", &diagnostics);
  ASSERT_TRUE(dossier.ok()) << dossier.status();
  auto report = Evaluate(**pack, **dossier);
  ASSERT_TRUE(report.ok()) << report.status();
  Workbook book = WriteAndRead(*report, Language::kZh);
  ASSERT_EQ(book.sheets().size(), 8u);

  const std::string sheet = "判断依据";
  int row = 2;
  for (const RequirementResult& r : report->requirements) {
    for (const CriterionResult& c : r.criteria) {
      SCOPED_TRACE(c.id);
      EXPECT_EQ(book.Value(sheet, At("A", row)), r.id);
      EXPECT_EQ(book.Value(sheet, At("B", row)), c.id);
      EXPECT_EQ(book.Value(sheet, At("D", row)), VerdictLabel(c.verdict, Language::kZh));
      EXPECT_EQ(book.Value(sheet, At("E", row)), c.text);
      Json value = book.Cell(sheet, At("F", row));
      if (c.value && !c.value->undefined && !c.value->range) {
        EXPECT_EQ(value["type"], "n");
        EXPECT_DOUBLE_EQ(value["value"].get<double>(), c.value->value);
      } else {
        EXPECT_TRUE(value.is_null());
      }
      ++row;
    }
  }
  EXPECT_TRUE(book.Cell(sheet, At("B", row)).is_null());

  int overall = book.RowOf("概览", "A", "评价结论");
  EXPECT_EQ(book.Value("概览", At("C", overall)), report->overall);
  EXPECT_EQ(book.Value("覆盖缺口", "B2"), report->coverage.uncovered_points.size());
  EXPECT_EQ(book.Value("覆盖缺口", "B4"), report->coverage.courses_without_assessment.size());
  int g1 = book.RowOf("通用标准", "A", "G1");
  EXPECT_EQ(book.Value("通用标准", At("D", g1)), report->general_standard[0].covered_by.size());

  // Attainment: a number formatted 0.000, or an empty cell for a null value.
  for (const PointAttainment& p : report->attainment.points) {
    SCOPED_TRACE(p.id);
    int point = book.RowOf("达成度", "A", p.id);
    ASSERT_GT(point, 0);
    Json value = book.Cell("达成度", At("C", point));
    if (p.value) {
      EXPECT_DOUBLE_EQ(value["value"].get<double>(), *p.value);
      EXPECT_EQ(value["format"], "0.000");
    } else {
      EXPECT_TRUE(value.is_null());
    }
  }
  // The matrix: points from row 10, courses from column D; a cell starts with its weight.
  for (const MatrixCell& cell : report->matrix.cells) {
    Json value = book.Value("实现矩阵", At(Column(3 + cell.course), 10 + cell.point));
    ASSERT_TRUE(value.is_string()) << cell.point << ", " << cell.course;
    EXPECT_TRUE(value.get<std::string>().starts_with(cell.weight)) << value;
  }
  for (size_t c = 0; c < report->matrix.courses.size(); ++c) {
    EXPECT_EQ(book.Value("实现矩阵", At(Column(3 + c), 1)), report->matrix.courses[c].id);
  }
}

TEST(Xlsx, ColumnNames) {
  EXPECT_EQ(Column(0), "A");
  EXPECT_EQ(Column(25), "Z");
  EXPECT_EQ(Column(26), "AA");
  EXPECT_EQ(Column(27), "AB");
}

INSTANTIATE_TEST_SUITE_P(Examples, XlsxExample,
                         testing::Values("compliant", "failing", "incomplete"));

}  // namespace
}  // namespace zhuoyue
