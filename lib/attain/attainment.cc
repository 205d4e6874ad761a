#include "attain/attainment.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/labels.h"

namespace zhuoyue {
namespace {

// A weighted mean being accumulated: Σ w·x and Σ w.
struct WeightedSum {
  Number numerator;
  Number denominator;
  void Add(const Number& weight, const Number& value) {
    numerator = numerator + weight * value;
    denominator = denominator + weight;
  }
  std::optional<Number> Mean() const {
    if (denominator <= Number(0)) return std::nullopt;
    return Divide(numerator, denominator);
  }
};

// A column of the dossier format, or nothing when the pack's schema lacks it.
struct ColumnRef {
  TableId table = kNoTable;
  FieldId field = -1;
  bool Known(const DossierTables& dossier, int32_t row) const {
    return field >= 0 && dossier.tables[table].columns[field].state[row] == CellState::kPresent;
  }
  const Number& NumberAt(const DossierTables& dossier, int32_t row) const {
    return dossier.tables[table].columns[field].numbers[row];
  }
  RowRef RefAt(const DossierTables& dossier, int32_t row) const {
    return dossier.tables[table].columns[field].refs[row];
  }
};

ColumnRef Find(const Schema& schema, std::string_view table, std::string_view field) {
  ColumnRef ref;
  ref.table = schema.FindTable(table);
  if (ref.table != kNoTable) ref.field = schema.tables[ref.table].FindField(field);
  return ref;
}

std::optional<double> ToDouble(const std::optional<Number>& value) {
  if (!value) return std::nullopt;
  return value->ToDouble();
}

std::string Exact(const std::optional<Number>& value) {
  return value && value->exact() ? value->ToExactString() : "";
}

std::string Level(const std::optional<Number>& value, const AttainmentSettings& settings) {
  if (!value) return "unknown";
  if (*value >= settings.good) return "good";
  if (*value >= settings.threshold) return "attained";
  return "not_attained";
}

// Combines a point's course values: the weighted mean or the minimum.
class CourseCombiner {
 public:
  explicit CourseCombiner(bool minimum) : minimum_(minimum) {}
  void Add(const Number& weight, const Number& value) {
    if (minimum_) {
      if (!min_ || value < *min_) min_ = value;
    } else {
      sum_.Add(weight, value);
    }
  }
  std::optional<Number> Value() const { return minimum_ ? min_ : sum_.Mean(); }

 private:
  bool minimum_;
  WeightedSum sum_;
  std::optional<Number> min_;
};

class AttainmentBuilder {
 public:
  AttainmentBuilder(const Schema& schema, const DossierTables& dossier,
                    const AttainmentSettings& settings)
      : schema_(schema), dossier_(dossier), settings_(settings), method_(settings.method) {}

  AttainmentResult Run();

 private:
  struct Contribution {  // an assessment measuring a point in a course
    int32_t assessment;
    Number weight;  // assessment weight × point weight
    double approximate_weight;
  };
  struct CoursePoint {
    int32_t course;
    int32_t point;
    Number support;  // W_c
    bool weighed = false;
    std::vector<Contribution> contributions;
  };
  // What decides which students reach the threshold at a point.
  struct PointStudents {
    int students = 0;  // with a value
    int at_threshold = 0;
    Number total;  // of their exact values (per-student method only)
  };

  bool Resolve();
  void IndexScores();
  void CollectCoursePoints();
  void Evaluate(AttainmentResult& result);
  std::string Id(TableId table, int32_t row) const {
    return std::string(dossier_.RowId({table, row}));
  }

  const Schema& schema_;
  const DossierTables& dossier_;
  const AttainmentSettings& settings_;
  const AttainmentMethod& method_;

  TableId items_ = kNoTable, points_ = kNoTable, courses_ = kNoTable, supports_ = kNoTable,
          assessments_ = kNoTable, measures_ = kNoTable, scores_ = kNoTable;
  ColumnRef support_point_, support_weight_, credits_, assessment_weight_, full_score_,
      measure_point_, measure_weight_, score_student_, score_assessment_, score_value_;

  // A student's results in one assessment: their exact sum and count, and the share of the
  // full score they make (the mean), in double for the fast pass.
  struct OwnScores {
    int32_t student;
    int count;
    Number sum;
    double share;
  };
  // An assessment's scores, reduced once however many (course, point) pairs it serves.
  struct AssessmentScores {
    int scores = 0;              // results that entered the mean
    std::optional<Number> mean;  // mean score ÷ full score
    Number full;                 // the full score
    std::vector<OwnScores> own;  // by student row
  };
  std::vector<AssessmentScores> by_assessment_;

  // One student's exact values, computed from their scores: in a course at a point, and at a
  // point. nullopt when the student has no score that counts there.
  std::optional<Number> ExactCourseValue(const CoursePoint& cp, int32_t student) const;
  std::optional<Number> ExactPointValue(const std::vector<size_t>& course_points,
                                        int32_t student) const;
  int32_t student_rows_ = 0;
  std::vector<CoursePoint> course_points_;
};

bool AttainmentBuilder::Resolve() {
  items_ = schema_.FindTable("school_standard");
  points_ = schema_.FindTable("points");
  courses_ = schema_.FindTable("courses");
  supports_ = schema_.FindTable("supports");
  assessments_ = schema_.FindTable("assessments");
  measures_ = schema_.FindTable("assessment_points");
  scores_ = schema_.FindTable("scores");
  support_point_ = Find(schema_, "supports", "point");
  support_weight_ = Find(schema_, "supports", "weight");
  credits_ = Find(schema_, "courses", "credits");
  assessment_weight_ = Find(schema_, "assessments", "weight");
  full_score_ = Find(schema_, "assessments", "full_score");
  measure_point_ = Find(schema_, "assessment_points", "point");
  measure_weight_ = Find(schema_, "assessment_points", "weight");
  score_student_ = Find(schema_, "scores", "student");
  score_assessment_ = Find(schema_, "scores", "assessment");
  score_value_ = Find(schema_, "scores", "score");
  for (TableId table : {points_, courses_, supports_, assessments_, measures_, scores_}) {
    if (table == kNoTable) return false;
  }
  for (const ColumnRef* column : {&support_point_, &assessment_weight_, &full_score_,
                                  &measure_point_, &score_assessment_, &score_value_}) {
    if (column->field < 0) return false;
  }
  return true;
}

void AttainmentBuilder::IndexScores() {
  by_assessment_.assign(dossier_.tables[assessments_].rows, {});
  // (student row or -1, score row) per assessment.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> rows_of(by_assessment_.size());
  const Table& scores = dossier_.tables[scores_];
  for (int32_t row = 0; row < scores.rows; ++row) {
    if (!score_assessment_.Known(dossier_, row) || !score_value_.Known(dossier_, row)) continue;
    RowRef assessment = score_assessment_.RefAt(dossier_, row);
    if (assessment.table != assessments_ || assessment.row < 0) continue;
    int32_t student =
        score_student_.Known(dossier_, row) ? score_student_.RefAt(dossier_, row).row : -1;
    rows_of[assessment.row].emplace_back(student, row);
  }
  for (size_t a = 0; a < rows_of.size(); ++a) {
    auto& rows = rows_of[a];
    int32_t row = static_cast<int32_t>(a);
    if (rows.empty() || !full_score_.Known(dossier_, row)) continue;
    const Number& full = full_score_.NumberAt(dossier_, row);
    if (full <= Number(0)) continue;  // a full score of 0 measures nothing
    // Stable: a student's results are summed in input order. Exports usually list them
    // sorted already.
    auto by_student = [](const auto& x, const auto& y) { return x.first < y.first; };
    if (!std::is_sorted(rows.begin(), rows.end(), by_student)) {
      std::stable_sort(rows.begin(), rows.end(), by_student);
    }
    AssessmentScores& out = by_assessment_[a];
    out.full = full;
    const double full_value = full.ToDouble();
    // Integer scores, the usual case, are summed as integers; any other score exactly.
    constexpr int64_t kSmall = int64_t{1} << 40;  // so that sums of a million cannot overflow
    int64_t integer_total = 0;
    Number other_total;
    for (size_t i = 0; i < rows.size();) {
      size_t end = i;
      int64_t integer_sum = 0;
      std::optional<Number> other_sum;
      for (; end < rows.size() && rows[end].first == rows[i].first; ++end) {
        const Number& score = score_value_.NumberAt(dossier_, rows[end].second);
        std::optional<int64_t> integer = score.ToInt64();
        if (integer && *integer > -kSmall && *integer < kSmall) {
          integer_sum += *integer;
        } else {
          other_sum = other_sum ? *other_sum + score : score;
        }
      }
      integer_total += integer_sum;
      if (other_sum) other_total = other_total + *other_sum;
      // A score without a known student counts in the mean but credits no one.
      if (rows[i].first >= 0) {
        const int count = static_cast<int>(end - i);
        Number sum = other_sum ? *other_sum + Number(integer_sum) : Number(integer_sum);
        double share =
            (other_sum ? sum.ToDouble() : static_cast<double>(integer_sum)) / (full_value * count);
        out.own.push_back({rows[i].first, count, std::move(sum), share});
      }
      i = end;
    }
    Number total = other_total + Number(integer_total);
    out.scores = static_cast<int>(rows.size());
    out.mean = Divide(total, full * Number(static_cast<long long>(rows.size())));
  }
}

void AttainmentBuilder::CollectCoursePoints() {
  const Table& supports = dossier_.tables[supports_];
  const Table& assessments = dossier_.tables[assessments_];
  const Table& measures = dossier_.tables[measures_];
  // (course, point) → the assessments of the course measuring the point, with their weight.
  absl::flat_hash_map<std::pair<int32_t, int32_t>, std::vector<Contribution>> measured;
  for (int32_t row = 0; row < measures.rows; ++row) {
    if (!measure_point_.Known(dossier_, row)) continue;
    int32_t point = measure_point_.RefAt(dossier_, row).row;
    int32_t assessment = measures.parent_row[row];
    if (point < 0 || assessment < 0) continue;
    if (!assessment_weight_.Known(dossier_, assessment)) continue;
    if (measure_weight_.field >= 0 && !measure_weight_.Known(dossier_, row)) continue;
    Number weight =
        assessment_weight_.NumberAt(dossier_, assessment) *
        (measure_weight_.field >= 0 ? measure_weight_.NumberAt(dossier_, row) : Number(1));
    if (weight <= Number(0) || !by_assessment_[assessment].mean) continue;
    measured[{assessments.parent_row[assessment], point}].push_back(
        {assessment, weight, weight.ToDouble()});
  }
  for (int32_t row = 0; row < supports.rows; ++row) {
    if (!support_point_.Known(dossier_, row)) continue;
    CoursePoint cp;
    cp.course = supports.parent_row[row];
    cp.point = support_point_.RefAt(dossier_, row).row;
    if (cp.course < 0 || cp.point < 0) continue;
    const ColumnRef& weight = method_.weights == "credits" ? credits_ : support_weight_;
    int32_t weight_row = method_.weights == "credits" ? cp.course : row;
    cp.weighed = weight.field >= 0 && weight.Known(dossier_, weight_row);
    if (cp.weighed) cp.support = weight.NumberAt(dossier_, weight_row);
    auto it = measured.find(std::make_pair(cp.course, cp.point));
    if (it != measured.end()) cp.contributions = it->second;
    course_points_.push_back(std::move(cp));
  }
}

std::optional<Number> AttainmentBuilder::ExactCourseValue(const CoursePoint& cp,
                                                          int32_t student) const {
  WeightedSum value;
  for (const Contribution& c : cp.contributions) {
    const AssessmentScores& scores = by_assessment_[c.assessment];
    auto own = std::lower_bound(scores.own.begin(), scores.own.end(), student,
                                [](const OwnScores& o, int32_t s) { return o.student < s; });
    if (own == scores.own.end() || own->student != student) continue;
    value.Add(c.weight, *Divide(own->sum, scores.full * Number(own->count)));
  }
  return value.Mean();
}

std::optional<Number> AttainmentBuilder::ExactPointValue(const std::vector<size_t>& course_points,
                                                         int32_t student) const {
  const bool minimum = method_.courses == "minimum";
  CourseCombiner value(minimum);
  for (size_t index : course_points) {
    const CoursePoint& cp = course_points_[index];
    if (!minimum && !cp.weighed) continue;
    if (auto own = ExactCourseValue(cp, student)) value.Add(cp.support, *own);
  }
  return value.Value();
}

// The cohort's figures are exact rationals: a few operations per (course, point). The
// students' own values, needed for who reaches the threshold, are one multiply-add per score
// and (course, point): they are accumulated in double, and a student whose value lies within
// 1e-9 of the threshold is decided again on their exact value, so that the comparison is
// exact (a student at exactly 0.6 attains 0.6). The per-student method reports the students'
// mean, so it computes every student's exact value.
void AttainmentBuilder::Evaluate(AttainmentResult& result) {
  const bool minimum = method_.courses == "minimum";
  const bool per_student_value = method_.students == "per_student";
  const int32_t point_rows = dossier_.tables[points_].rows;
  const Number& threshold = settings_.threshold;
  const double approximate_threshold = threshold.ToDouble();
  constexpr double kMargin = 1e-9;
  std::vector<CourseCombiner> cohort(point_rows, CourseCombiner(minimum));
  std::vector<int> course_counts(point_rows, 0);
  std::vector<PointStudents> point_students(point_rows);
  std::vector<std::vector<size_t>> course_points_of(point_rows);
  for (size_t i = 0; i < course_points_.size(); ++i) {
    course_points_of[course_points_[i].point].push_back(i);
  }
  result.report.course_points.resize(course_points_.size());
  // Per student row, dense and reused: Σ w·share and Σ w in the current (course, point);
  // Σ W·value and Σ W (or the minimum) at the current point.
  std::vector<double> course_sum(student_rows_, 0), course_weight(student_rows_, 0);
  std::vector<double> point_sum(student_rows_, 0), point_weight(student_rows_, 0);
  std::vector<char> point_valued(student_rows_, 0);
  std::vector<int32_t> course_touched, point_touched;

  for (int32_t p = 0; p < point_rows; ++p) {
    for (size_t index : course_points_of[p]) {
      const CoursePoint& cp = course_points_[index];
      CourseAttainment& figure = result.report.course_points[index];
      figure.course = Id(courses_, cp.course);
      figure.point = Id(points_, cp.point);
      if (cp.weighed) figure.weight = cp.support.ToDouble();
      WeightedSum course_value;
      for (const Contribution& c : cp.contributions) {
        const AssessmentScores& scores = by_assessment_[c.assessment];
        figure.assessments.push_back(Id(assessments_, c.assessment));
        figure.scores += scores.scores;
        course_value.Add(c.weight, *scores.mean);
        for (const OwnScores& own : scores.own) {
          if (own.student >= student_rows_) continue;
          if (course_weight[own.student] == 0) course_touched.push_back(own.student);
          course_sum[own.student] += c.approximate_weight * own.share;
          course_weight[own.student] += c.approximate_weight;
        }
      }
      // The per-student method sums exact values in student order, so that even an inexact
      // (overflowed) sum does not depend on the input's order.
      if (per_student_value) std::sort(course_touched.begin(), course_touched.end());
      figure.students = static_cast<int>(course_touched.size());
      const bool enters = minimum || cp.weighed;
      const double support = cp.support.ToDouble();
      Number own_total;
      for (int32_t student : course_touched) {
        if (per_student_value) own_total = own_total + *ExactCourseValue(cp, student);
        double own = course_sum[student] / course_weight[student];
        course_sum[student] = course_weight[student] = 0;
        if (!enters) continue;
        if (!point_valued[student]) {
          point_valued[student] = 1;
          point_touched.push_back(student);
          point_sum[student] = minimum ? own : 0;
        }
        if (minimum) {
          point_sum[student] = std::min(point_sum[student], own);
        } else {
          point_sum[student] += support * own;
          point_weight[student] += support;
        }
      }
      std::optional<Number> value =
          !per_student_value ? course_value.Mean()
          : course_touched.empty()
              ? std::nullopt
              : Divide(own_total, Number(static_cast<long long>(course_touched.size())));
      course_touched.clear();
      figure.value = ToDouble(value);
      figure.exact = Exact(value);
      // Only a weighed supporting course with a value enters the point (never as zero).
      if (!value || !enters) continue;
      cohort[p].Add(cp.support, *value);
      ++course_counts[p];
    }
    PointStudents& students = point_students[p];
    if (per_student_value) std::sort(point_touched.begin(), point_touched.end());
    for (int32_t student : point_touched) {
      point_valued[student] = 0;
      const bool valued = minimum || point_weight[student] > 0;
      const double own =
          minimum || !valued ? point_sum[student] : point_sum[student] / point_weight[student];
      point_sum[student] = point_weight[student] = 0;
      if (!valued) continue;
      ++students.students;
      if (per_student_value) {
        Number exact = *ExactPointValue(course_points_of[p], student);
        students.total = students.total + exact;
        students.at_threshold += exact >= threshold;
      } else if (std::abs(own - approximate_threshold) > kMargin) {
        students.at_threshold += own > approximate_threshold;
      } else {
        students.at_threshold += *ExactPointValue(course_points_of[p], student) >= threshold;
      }
    }
    point_touched.clear();
  }

  result.values.point_values.resize(point_rows);
  const Table& points = dossier_.tables[points_];
  for (int32_t p = 0; p < point_rows; ++p) {
    PointAttainment point;
    point.id = Id(points_, p);
    if (points.parent_row.size() > static_cast<size_t>(p) && points.parent_row[p] >= 0) {
      point.item = Id(schema_.tables[points_].parent, points.parent_row[p]);
    }
    point.courses = course_counts[p];
    const PointStudents& students = point_students[p];
    point.students = students.students;
    point.students_at_threshold = students.at_threshold;
    if (students.students > 0) {
      point.share_at_threshold =
          static_cast<double>(students.at_threshold) / static_cast<double>(students.students);
    }
    std::optional<Number> value = !per_student_value ? cohort[p].Value()
                                  : students.students == 0
                                      ? std::nullopt
                                      : Divide(students.total, Number(students.students));
    point.value = ToDouble(value);
    point.exact = Exact(value);
    point.level = Level(value, settings_);
    result.values.point_values[p] = value;
    result.report.points.push_back(std::move(point));
  }

  if (items_ == kNoTable || schema_.tables[points_].parent != items_) return;
  const int32_t item_rows = dossier_.tables[items_].rows;
  std::vector<std::vector<Number>> by_item(item_rows);
  for (int32_t p = 0; p < point_rows; ++p) {
    const auto& value = result.values.point_values[p];
    if (value && points.parent_row[p] >= 0) by_item[points.parent_row[p]].push_back(*value);
  }
  result.values.item_values.resize(item_rows);
  for (int32_t i = 0; i < item_rows; ++i) {
    ItemAttainment item;
    item.id = Id(items_, i);
    item.points = static_cast<int>(by_item[i].size());
    std::optional<Number> value;
    if (!by_item[i].empty()) {
      if (method_.items == "mean") {
        Number sum;
        for (const Number& v : by_item[i]) sum = sum + v;
        value = Divide(sum, Number(static_cast<long long>(by_item[i].size())));
      } else {
        value = *std::min_element(by_item[i].begin(), by_item[i].end());
      }
    }
    item.value = ToDouble(value);
    item.exact = Exact(value);
    item.level = Level(value, settings_);
    result.values.item_values[i] = value;
    result.report.items.push_back(std::move(item));
  }
}

AttainmentResult AttainmentBuilder::Run() {
  AttainmentResult result;
  result.report.method = method_;
  if (!Resolve()) return result;
  result.report.formula = AttainmentFormula(method_, Language::kZh);
  result.values.points_table = points_;
  result.values.items_table = schema_.tables[points_].parent;
  const bool scored = dossier_.tables[scores_].present;
  result.report.computed = scored;
  result.values.available = scored;
  if (TableId students = schema_.FindTable("students"); students != kNoTable) {
    student_rows_ = dossier_.tables[students].rows;
  }
  if (scored) {
    IndexScores();
  } else {
    by_assessment_.assign(dossier_.tables[assessments_].rows, {});
  }
  CollectCoursePoints();
  Evaluate(result);
  return result;
}

}  // namespace

const std::vector<AttainmentParam>& AttainmentParams() {
  static const std::vector<AttainmentParam> params = {
      {"attainment_students", {"cohort", "per_student"}, &AttainmentMethod::students},
      {"attainment_courses", {"weighted_mean", "minimum"}, &AttainmentMethod::courses},
      {"attainment_items", {"minimum", "mean"}, &AttainmentMethod::items},
      {"attainment_weights", {"support", "credits"}, &AttainmentMethod::weights},
      {"attainment_threshold", {}, nullptr, &AttainmentSettings::threshold},
      {"attainment_good", {}, nullptr, &AttainmentSettings::good},
  };
  return params;
}

bool AttainmentParam::Accepts(const ir::Literal& value) const {
  if (values.empty()) return value.kind == ir::Kind::kNumber;
  return value.kind == ir::Kind::kText &&
         std::any_of(values.begin(), values.end(), [&](const char* v) { return value.text == v; });
}

std::string AttainmentParam::Expected() const {
  return values.empty() ? "a number, such as 0.6"
                        : absl::StrCat("one of: ", absl::StrJoin(values, ", "));
}

absl::StatusOr<AttainmentSettings> AttainmentSettingsFrom(const CheckedPack& pack,
                                                          const std::vector<ir::Literal>& params) {
  AttainmentSettings settings;
  AttainmentMethod& method = settings.method;
  for (const AttainmentParam& param : AttainmentParams()) {
    int index = pack.FindParam(param.name);
    if (index < 0 || index >= static_cast<int>(params.size())) continue;
    const ir::Literal& value = params[index];
    if (!param.Accepts(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter ", param.name, " is ", value.ToJson(), "; it takes ", param.Expected()));
    }
    if (param.choice) method.*param.choice = value.text;
    if (param.cutoff) settings.*param.cutoff = value.number;
  }
  method.threshold = settings.threshold.ToDouble();
  method.good = settings.good.ToDouble();
  return settings;
}

AttainmentResult ComputeAttainment(const Schema& schema, const DossierTables& dossier,
                                   const AttainmentSettings& settings) {
  return AttainmentBuilder(schema, dossier, settings).Run();
}

}  // namespace zhuoyue
