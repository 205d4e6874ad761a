// The evaluation report as data: what `zy eval --format json` prints (zhuoyue.report/1)
// and what the API returns. Plain structs; a Report owns everything it holds.
#ifndef ZHUOYUE_REPORT_H_
#define ZHUOYUE_REPORT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zhuoyue {

// Three-valued: unknown data or a judgement not yet given is pending, never false.
enum class Verdict { kMet, kNotMet, kPending };

// "met", "not_met", "pending".
const char* VerdictName(Verdict verdict);

// The language of a rendered report's labels. Chinese, the language the office files in, is
// the default; texts from the pack (criteria, titles) are never translated.
enum class Language { kZh, kEn };

// A measured number. Known values are exact rationals ("0.225", "1/3"); when unknown data
// leaves a range of possible values, `range` is set and `minimum`/`maximum` bound it.
struct Quantity {
  double value = 0;   // the value (with `range`: the midpoint, or an end when one is open)
  std::string exact;  // "0.225", "1/3"; empty for a range or an inexact value
  bool range = false;
  std::optional<double> minimum;  // with `range`; absent: unbounded below
  std::optional<double> maximum;  // with `range`; absent: unbounded above
  bool undefined = false;         // a mean or share over nothing, or a value known to be none
};

struct CriterionResult {
  std::string id;    // "5.2"
  std::string kind;  // computed | judged | computed+judged
  std::string text;  // verbatim from the standard
  Verdict verdict = Verdict::kPending;
  std::optional<Quantity> value;       // the measured value …
  std::optional<Quantity> threshold;   // … and what it is compared with
  std::string comparison;              // ">=", "<=", ">", "all" …
  std::vector<std::string> witnesses;  // ids of the entities that break it, dossier order
  std::vector<std::string> missing;    // data whose absence left it pending
  std::optional<Verdict> judgement;    // the expert's verdict, when one is recorded
  // For a failed threshold on a count, sum or share: the smallest change that would meet
  // it ("what if: 1 more of the 30 satisfying it, or 2 new ones that do"); else empty.
  std::string what_if;
  std::string message;
};

struct MaterialResult {
  std::string id;  // "4.2"
  std::string title;
  std::optional<bool> provided;  // unknown when the dossier has no materials table
};

struct RequirementResult {
  std::string id;
  std::string title;
  Verdict verdict = Verdict::kPending;
  std::string level;        // not_met | met | distinction | pending
  std::string level_label;  // the standard's wording
  int at_least = -1;        // -1: all criteria must be met
  std::vector<CriterionResult> criteria;
  std::vector<MaterialResult> materials;
};

struct GeneralPointResult {
  std::string id;  // "G1"
  std::string text;
  Verdict verdict = Verdict::kPending;
  std::vector<std::string> covered_by;  // school-standard items
};

struct EligibilityResult {
  std::string id;
  Verdict verdict = Verdict::kPending;
  std::string message;
};

// A hole in the chain general point → school standard → point → course → assessment,
// with the path that leads to it.
struct CoverageGap {
  std::string kind;  // uncovered_point | unassessed_point | course_without_assessment |
                     // orphan_course | uncovered_general_point
  std::string id;
  std::vector<std::string> path;
};

struct Coverage {
  std::vector<std::string> uncovered_points;
  std::vector<std::string> unassessed_points;
  std::vector<std::string> courses_without_assessment;
  std::vector<std::string> orphan_courses;
  std::vector<CoverageGap> gaps;
};

// Attainment (达成度): how far the assessed students reached each standard point. Values are
// shares of the full score in [0, 1]; a value is absent (null) when nothing measured it —
// never zero. Every figure carries its sample size.
struct AttainmentMethod {
  std::string students = "cohort";        // cohort | per_student
  std::string courses = "weighted_mean";  // weighted_mean | minimum (across a point's courses)
  std::string items = "minimum";          // minimum | mean (across an item's points)
  std::string weights = "support";        // support (H/M/L = 3/2/1 or numeric) | credits
  double threshold = 0.6;                 // a student at or above it has attained the point
  double good = 0.8;                      // cut-off of the level `good`
};

// One course's contribution to one point: value(c, p).
struct CourseAttainment {
  std::string course;
  std::string point;
  std::optional<double> value;
  std::string exact;                     // "7/10"; empty when inexact or null
  double weight = 0;                     // W_c in the point's mean
  std::vector<std::string> assessments;  // the contributing assessments
  int students = 0;                      // distinct students with a score in them
  int scores = 0;                        // scores that entered the means
};

struct PointAttainment {
  std::string id;
  std::string item;  // the school-standard item it belongs to
  std::optional<double> value;
  std::string exact;
  int courses = 0;   // contributing courses
  int students = 0;  // distinct students with a score in a contributing assessment
  std::optional<double> share_at_threshold;  // of those students, per-student value ≥ threshold
  int students_at_threshold = 0;
  std::string level;  // good | attained | not_attained | unknown (null value)
};

struct ItemAttainment {
  std::string id;
  std::optional<double> value;
  std::string exact;
  int points = 0;  // points with a value that entered it
  std::string level;
};

struct Attainment {
  bool computed = false;  // false: the dossier has no scores table (every value null)
  AttainmentMethod method;
  std::string formula;  // the method in words, with its inputs
  std::vector<PointAttainment> points;
  std::vector<ItemAttainment> items;
  std::vector<CourseAttainment> course_points;  // (course, point) pairs, dossier order
};

// The realisation matrix (学校标准实现矩阵): standard points × courses with the support
// weight, how the course is delivered, and the assessments that measure the point in it.
struct MatrixCourse {
  std::string id;
  std::string name;
  std::string kind;  // course | lab | practice | internship | design | thesis
  std::optional<bool> core;
  std::string semester;  // as written; empty when unknown
  std::string credits;
  std::string venue;  // school | enterprise
  std::vector<std::string> methods;
};

struct MatrixPoint {
  std::string id;
  std::string item;
  std::string text;
};

struct MatrixCell {
  int point = 0;                         // index into points
  int course = 0;                        // index into courses
  std::string weight;                    // "H", "M", "L" or a number as written
  double weight_value = 0;               // 3/2/1 or the number
  std::vector<std::string> assessments;  // of this course, measuring this point
};

struct MatrixItem {
  std::string id;
  std::string text;
  std::vector<std::string> covers;  // general points and industry-standard points
};

struct RealisationMatrix {
  std::vector<MatrixPoint> points;
  std::vector<MatrixCourse> courses;
  std::vector<MatrixCell> cells;  // only where the course supports the point
  std::vector<MatrixItem> items;  // the 11 × N table: items with the general points they cover
};

struct Report {
  std::string program;
  std::string program_name;
  std::string pack;
  std::string pack_version;
  std::vector<std::pair<std::string, std::string>> params;  // name → JSON value, pack order
  std::string overall;        // passed_and_met | passed_not_met | not_passed | pending
  std::string overall_label;  // the standard's wording
  std::vector<EligibilityResult> eligibility;
  std::vector<GeneralPointResult> general_standard;
  std::vector<RequirementResult> requirements;
  Coverage coverage;
  Attainment attainment;
  RealisationMatrix matrix;
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_REPORT_H_
