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
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_REPORT_H_
