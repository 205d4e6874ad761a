#include "attain/attainment.h"

#include <algorithm>

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
  };
  struct CoursePoint {
    int32_t course;
    int32_t point;
    Number support;  // W_c
    bool weighed = false;
    std::vector<Contribution> contributions;
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

  // Per assessment: its known scores as (student row, score ÷ full score).
  std::vector<std::vector<std::pair<int32_t, Number>>> scores_by_assessment_;
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
  scores_by_assessment_.assign(dossier_.tables[assessments_].rows, {});
  const Table& scores = dossier_.tables[scores_];
  for (int32_t row = 0; row < scores.rows; ++row) {
    if (!score_assessment_.Known(dossier_, row) || !score_value_.Known(dossier_, row)) continue;
    RowRef assessment = score_assessment_.RefAt(dossier_, row);
    if (assessment.table != assessments_ || assessment.row < 0) continue;
    if (!full_score_.Known(dossier_, assessment.row)) continue;
    std::optional<Number> share = Divide(score_value_.NumberAt(dossier_, row),
                                         full_score_.NumberAt(dossier_, assessment.row));
    if (!share) continue;  // a full score of 0 measures nothing
    int32_t student =
        score_student_.Known(dossier_, row) ? score_student_.RefAt(dossier_, row).row : -1;
    scores_by_assessment_[assessment.row].emplace_back(student, *share);
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
    if (weight <= Number(0) || scores_by_assessment_[assessment].empty()) continue;
    measured[{assessments.parent_row[assessment], point}].push_back({assessment, weight});
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

void AttainmentBuilder::Evaluate(AttainmentResult& result) {
  const bool minimum = method_.courses == "minimum";
  const bool per_student_value = method_.students == "per_student";
  const int32_t point_rows = dossier_.tables[points_].rows;
  std::vector<CourseCombiner> cohort(point_rows, CourseCombiner(minimum));
  std::vector<int> course_counts(point_rows, 0);
  // Per point, per student: the combination over courses of the student's own values.
  std::vector<absl::flat_hash_map<int32_t, CourseCombiner>> per_student(point_rows);

  for (const CoursePoint& cp : course_points_) {
    CourseAttainment figure;
    figure.course = Id(courses_, cp.course);
    figure.point = Id(points_, cp.point);
    WeightedSum course_value;
    absl::flat_hash_map<int32_t, WeightedSum> student_values;
    absl::flat_hash_map<int32_t, bool> students;
    for (const Contribution& c : cp.contributions) {
      figure.assessments.push_back(Id(assessments_, c.assessment));
      const auto& scores = scores_by_assessment_[c.assessment];
      // The mean of a over its scores, and each student's own mean in a.
      Number sum;
      absl::flat_hash_map<int32_t, std::pair<Number, int>> own;
      for (const auto& [student, share] : scores) {
        sum = sum + share;
        auto& entry = own[student];
        entry.first = entry.first + share;
        ++entry.second;
      }
      figure.scores += static_cast<int>(scores.size());
      course_value.Add(c.weight, *Divide(sum, Number(static_cast<long long>(scores.size()))));
      for (const auto& [student, entry] : own) {
        if (student < 0) continue;  // a score without a known student has no one to credit
        students[student] = true;
        student_values[student].Add(c.weight, *Divide(entry.first, Number(entry.second)));
      }
    }
    std::optional<Number> value = course_value.Mean();
    figure.value = ToDouble(value);
    figure.exact = Exact(value);
    figure.students = static_cast<int>(students.size());
    if (cp.weighed) figure.weight = cp.support.ToDouble();
    result.report.course_points.push_back(std::move(figure));
    // Only a weighed supporting course with a value enters the point (never as zero).
    if (!value || (!minimum && !cp.weighed)) continue;
    cohort[cp.point].Add(cp.support, *value);
    ++course_counts[cp.point];
    for (const auto& [student, sum] : student_values) {
      if (auto mean = sum.Mean()) {
        per_student[cp.point].try_emplace(student, minimum).first->second.Add(cp.support, *mean);
      }
    }
  }

  const Number& threshold = settings_.threshold;
  result.values.point_values.resize(point_rows);
  const Table& points = dossier_.tables[points_];
  for (int32_t p = 0; p < point_rows; ++p) {
    PointAttainment point;
    point.id = Id(points_, p);
    if (points.parent_row.size() > static_cast<size_t>(p) && points.parent_row[p] >= 0) {
      point.item = Id(schema_.tables[points_].parent, points.parent_row[p]);
    }
    point.courses = course_counts[p];
    // Students in dossier order, for a sum that does not depend on hashing.
    std::vector<std::pair<int32_t, Number>> values;
    for (const auto& [student, combiner] : per_student[p]) {
      if (auto v = combiner.Value()) values.emplace_back(student, *v);
    }
    std::sort(values.begin(), values.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    point.students = static_cast<int>(values.size());
    Number total;
    for (const auto& [student, v] : values) {
      total = total + v;
      point.students_at_threshold += v >= threshold;
    }
    if (!values.empty()) {
      point.share_at_threshold =
          static_cast<double>(point.students_at_threshold) / static_cast<double>(values.size());
    }
    std::optional<Number> value =
        per_student_value
            ? (values.empty() ? std::nullopt
                              : Divide(total, Number(static_cast<long long>(values.size()))))
            : cohort[p].Value();
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
  if (scored)
    IndexScores();
  else
    scores_by_assessment_.assign(dossier_.tables[assessments_].rows, {});
  CollectCoursePoints();
  Evaluate(result);
  return result;
}

}  // namespace

const std::vector<AttainmentParam>& AttainmentParams() {
  static const std::vector<AttainmentParam> params = {
      {"attainment_students", {"cohort", "per_student"}},
      {"attainment_courses", {"weighted_mean", "minimum"}},
      {"attainment_items", {"minimum", "mean"}},
      {"attainment_weights", {"support", "credits"}},
      {"attainment_threshold", {}},
      {"attainment_good", {}},
  };
  return params;
}

absl::StatusOr<AttainmentSettings> AttainmentSettingsFrom(const CheckedPack& pack,
                                                          const std::vector<ir::Literal>& params) {
  AttainmentSettings settings;
  AttainmentMethod& method = settings.method;
  for (const AttainmentParam& param : AttainmentParams()) {
    int index = pack.FindParam(param.name);
    if (index < 0 || index >= static_cast<int>(params.size())) continue;
    const ir::Literal& value = params[index];
    std::string name = param.name;
    if (param.values.empty()) {
      if (value.kind != ir::Kind::kNumber) {
        return absl::InvalidArgumentError(absl::StrCat("parameter ", name, " must be a number"));
      }
      bool threshold = name == "attainment_threshold";
      (threshold ? settings.threshold : settings.good) = value.number;
      (threshold ? method.threshold : method.good) = value.number.ToDouble();
      continue;
    }
    bool allowed = value.kind == ir::Kind::kText &&
                   std::any_of(param.values.begin(), param.values.end(),
                               [&](const char* v) { return value.text == v; });
    if (!allowed) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter ", name, " is ", value.ToJson(),
                       "; it takes one of: ", absl::StrJoin(param.values, ", ")));
    }
    std::string* target = name == "attainment_students"  ? &method.students
                          : name == "attainment_courses" ? &method.courses
                          : name == "attainment_items"   ? &method.items
                                                         : &method.weights;
    *target = value.text;
  }
  return settings;
}

AttainmentResult ComputeAttainment(const Schema& schema, const DossierTables& dossier,
                                   const AttainmentSettings& settings) {
  return AttainmentBuilder(schema, dossier, settings).Run();
}

}  // namespace zhuoyue
