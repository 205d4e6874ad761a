/// @file report.h
/// @brief The evaluation report as data: what `zy eval --format json` prints
/// (zhuoyue.report/1) and what the API returns.
///
/// Plain structs; a Report owns everything it holds. It is a value: copy it, move it, keep it
/// after the Pack and Dossier it came from are gone. Ids are the dossier's and the pack's,
/// verbatim; texts from the pack are never translated.
#ifndef ZHUOYUE_REPORT_H_
#define ZHUOYUE_REPORT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhuoyue/export.h"

namespace zhuoyue {

/// Three-valued: unknown data or a judgement not yet given is pending, never false.
enum class Verdict {
  kMet,     ///< met
  kNotMet,  ///< not met
  kPending  ///< not decided: data, or an expert judgement, is missing
};

/// The name of a verdict, as the JSON report writes it.
/// @param verdict  the verdict
/// @return "met", "not_met", "pending": a static string, valid for the life of the program
ZY_EXPORT const char* VerdictName(Verdict verdict);

/// The language of a rendered report's labels. Chinese, the language the office files in, is
/// the default; texts from the pack (criteria, titles) are never translated.
enum class Language {
  kZh,  ///< Chinese (中文), the default
  kEn   ///< English
};

/// A measured number. Known values are exact rationals ("0.225", "1/3"); when unknown data
/// leaves a range of possible values, `range` is set and `minimum`/`maximum` bound it.
struct Quantity {
  double value = 0;    ///< the value (with `range`: the midpoint, or an end when one is open)
  std::string exact;   ///< "0.225", "1/3"; empty for a range or an inexact value
  bool range = false;  ///< unknown data leaves a range of values: see `minimum`, `maximum`
  std::optional<double> minimum;  ///< with `range`; absent: unbounded below
  std::optional<double> maximum;  ///< with `range`; absent: unbounded above
  bool undefined = false;         ///< a mean or share over nothing, or a value known to be none
};

/// The verdict of one criterion of a requirement, and why.
struct CriterionResult {
  std::string id;                       ///< "5.2"
  std::string kind;                     ///< computed | judged | computed+judged
  std::string text;                     ///< verbatim from the standard
  Verdict verdict = Verdict::kPending;  ///< met, not met or pending
  std::optional<Quantity> value;        ///< the measured value …
  std::optional<Quantity> threshold;    ///< … and what it is compared with
  std::string comparison;               ///< ">=", "<=", ">", "all" …
  std::vector<std::string> witnesses;   ///< ids of the entities that break it, dossier order
  std::vector<std::string> missing;     ///< data whose absence left it pending
  std::optional<Verdict> judgement;     ///< the expert's verdict, when one is recorded
  /// For a failed threshold on a count, sum or share: the smallest change that would meet
  /// it ("what if: 1 more of the 30 satisfying it, or 2 new ones that do"); else empty.
  std::string what_if;
  std::string message;  ///< why, in words; empty when there is nothing to add
};

/// A material a requirement asks for, and whether the dossier lists it as provided.
struct MaterialResult {
  std::string id;                ///< "4.2"
  std::string title;             ///< what the material is, verbatim from the pack
  std::optional<bool> provided;  ///< unknown when the dossier has no materials table
};

/// The verdict of one special requirement (专门要求), with its criteria.
struct RequirementResult {
  std::string id;     ///< "1" … "10"
  std::string title;  ///< the requirement's title, verbatim
  /// Met when all its criteria are (or `at_least` of them), not met when that can no longer
  /// be, else pending.
  Verdict verdict = Verdict::kPending;
  std::string level;                      ///< not_met | met | distinction | pending
  std::string level_label;                ///< the standard's wording
  int at_least = -1;                      ///< -1: all criteria must be met; else how many must be
  std::vector<CriterionResult> criteria;  ///< in the pack's order
  std::vector<MaterialResult> materials;  ///< the materials it asks for, in the pack's order
};

/// One point of the general standard (通用标准) and the school-standard items covering it.
struct GeneralPointResult {
  std::string id;    ///< "G1"
  std::string text;  ///< verbatim from the standard
  /// Met when a school-standard item covers it; pending when the dossier does not say.
  Verdict verdict = Verdict::kPending;
  std::vector<std::string> covered_by;  ///< school-standard items
};

/// The verdict of one eligibility rule (e.g. "accreditation").
struct EligibilityResult {
  std::string id;                       ///< the rule's id, e.g. "accreditation"
  Verdict verdict = Verdict::kPending;  ///< met, not met or pending
  std::string message;                  ///< the rule's message, from the pack
};

/// A hole in the chain general point → school standard → point → course → assessment,
/// with the path that leads to it.
struct CoverageGap {
  /// uncovered_point | unassessed_point | course_without_assessment | orphan_course |
  /// uncovered_general_point
  std::string kind;
  std::string id;  ///< the id of the general point, standard point or course with the hole
  /// The ids that lead to it, ending with `id`: general point → item → point (→ course) as
  /// far as the chain reaches; just `id` when nothing leads to it.
  std::vector<std::string> path;
};

/// The holes in the chain, as lists of ids (dossier order) and as gaps with their paths.
/// Unknown (absent) data is never listed as a hole.
struct Coverage {
  std::vector<std::string> uncovered_points;            ///< standard points no course supports
  std::vector<std::string> unassessed_points;           ///< standard points no assessment measures
  std::vector<std::string> courses_without_assessment;  ///< courses with no assessment
  std::vector<std::string> orphan_courses;              ///< courses that support no standard point
  std::vector<CoverageGap> gaps;  ///< every hole above, and uncovered general points, with paths
};

/// How attainment is computed: the pack's parameters (after overrides).
///
/// Attainment (达成度): how far the assessed students reached each standard point. Values are
/// shares of the full score in [0, 1]; a value is absent (null) when nothing measured it —
/// never zero. Every figure carries its sample size.
struct AttainmentMethod {
  std::string students = "cohort";        ///< cohort | per_student
  std::string courses = "weighted_mean";  ///< weighted_mean | minimum (across a point's courses)
  std::string items = "minimum";          ///< minimum | mean (across an item's points)
  std::string weights = "support";        ///< support (H/M/L = 3/2/1 or numeric) | credits
  double threshold = 0.6;                 ///< a student at or above it has attained the point
  double good = 0.8;                      ///< cut-off of the level `good`
};

/// One course's contribution to one point: value(c, p).
struct CourseAttainment {
  std::string course;                    ///< the course's id
  std::string point;                     ///< the standard point's id
  std::optional<double> value;           ///< in [0, 1]; absent (null) when nothing measured it
  std::string exact;                     ///< "7/10"; empty when inexact or null
  double weight = 0;                     ///< W_c in the point's mean
  std::vector<std::string> assessments;  ///< the contributing assessments
  int students = 0;                      ///< distinct students with a score in them
  int scores = 0;                        ///< scores that entered the means
};

/// The attainment of one standard point (标准点).
struct PointAttainment {
  std::string id;               ///< the standard point's id
  std::string item;             ///< the school-standard item it belongs to
  std::optional<double> value;  ///< in [0, 1]; absent (null) when nothing measured it
  std::string exact;            ///< the value as an exact rational; empty when inexact or null
  int courses = 0;              ///< contributing courses
  int students = 0;             ///< distinct students with a score in a contributing assessment
  /// Of those students, the share whose per-student value is ≥ the threshold.
  std::optional<double> share_at_threshold;
  int students_at_threshold = 0;  ///< how many students that is
  std::string level;              ///< good | attained | not_attained | unknown (null value)
};

/// The attainment of one school-standard item (学校标准), from its points.
struct ItemAttainment {
  std::string id;               ///< the item's id
  std::optional<double> value;  ///< in [0, 1]; absent (null) when no point has a value
  std::string exact;            ///< the value as an exact rational; empty when inexact or null
  int points = 0;               ///< points with a value that entered it
  std::string level;            ///< good | attained | not_attained | unknown (null value)
};

/// Attainment (达成度) of every standard point and school-standard item.
struct Attainment {
  bool computed = false;    ///< false: the dossier has no scores table (every value null)
  AttainmentMethod method;  ///< how it was computed
  std::string formula;      ///< the method in words, with its inputs
  std::vector<PointAttainment> points;          ///< one per standard point, dossier order
  std::vector<ItemAttainment> items;            ///< one per school-standard item, dossier order
  std::vector<CourseAttainment> course_points;  ///< (course, point) pairs, dossier order
};

/// A course (column) of the realisation matrix and how it is delivered.
///
/// The realisation matrix (学校标准实现矩阵): standard points × courses with the support
/// weight, how the course is delivered, and the assessments that measure the point in it.
struct MatrixCourse {
  std::string id;                    ///< the course's id
  std::string name;                  ///< its name, as written
  std::string kind;                  ///< course | lab | practice | internship | design | thesis
  std::optional<bool> core;          ///< whether it is a core course; absent when unknown
  std::string semester;              ///< as written; empty when unknown
  std::string credits;               ///< as written; empty when unknown
  std::string venue;                 ///< school | enterprise
  std::vector<std::string> methods;  ///< its teaching methods, as the dossier lists them
};

/// A standard point (row) of the realisation matrix.
struct MatrixPoint {
  std::string id;    ///< the standard point's id
  std::string item;  ///< the school-standard item it belongs to
  std::string text;  ///< its text, as written
};

/// One cell of the realisation matrix: a course that supports a point.
struct MatrixCell {
  int point = 0;                         ///< index into points
  int course = 0;                        ///< index into courses
  std::string weight;                    ///< "H", "M", "L" or a number as written
  double weight_value = 0;               ///< 3/2/1 or the number
  std::vector<std::string> assessments;  ///< of this course, measuring this point
};

/// A school-standard item with the points of the general and industry standards it covers.
struct MatrixItem {
  std::string id;                   ///< the item's id
  std::string text;                 ///< its text, as written
  std::vector<std::string> covers;  ///< general points and industry-standard points
};

/// The realisation matrix (学校标准实现矩阵): standard points × courses with the support
/// weight, how the course is delivered, and the assessments that measure the point in it.
/// Empty parts when the dossier lacks the tables.
struct RealisationMatrix {
  std::vector<MatrixPoint> points;    ///< the rows, dossier order
  std::vector<MatrixCourse> courses;  ///< the columns, dossier order
  std::vector<MatrixCell> cells;      ///< only where the course supports the point
  std::vector<MatrixItem> items;  ///< the 11 × N table: items with the general points they cover
};

/// The report of one evaluation: every verdict and why, the coverage of the chain,
/// attainment and the realisation matrix. A value the caller owns.
struct Report {
  std::string program;       ///< the program's id, as the dossier gives it
  std::string program_name;  ///< its name, as the dossier gives it
  std::string pack;          ///< the name of the pack evaluated with
  std::string pack_version;  ///< its version
  /// The pack's parameters in force (overrides applied): name → JSON value, pack order.
  std::vector<std::pair<std::string, std::string>> params;
  std::string overall;        ///< passed_and_met | passed_not_met | not_passed | pending
  std::string overall_label;  ///< the standard's wording
  std::vector<EligibilityResult> eligibility;        ///< the eligibility rules, pack order
  std::vector<GeneralPointResult> general_standard;  ///< G1 … G11
  std::vector<RequirementResult> requirements;       ///< requirements 1 … 10 and their criteria
  Coverage coverage;                                 ///< the holes in the chain
  Attainment attainment;                             ///< attainment (达成度)
  RealisationMatrix matrix;  ///< the realisation matrix (学校标准实现矩阵)
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_REPORT_H_
