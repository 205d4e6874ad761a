// Stage 5b: attainment (达成度) from the scores, per shared/spec/criteria.md (Attainment).
//
// The chain is the dossier format's: points (标准点) of school-standard items, courses that
// support them (supports.weight), assessments of a course that measure them
// (assessment_points.weight) and the students' scores. A pack whose schema lacks these
// tables has no attainment. Values are exact rationals where they fit (base/number.h); a
// missing score is left out, never counted as zero, and every figure has its sample size.
#ifndef ZHUOYUE_LIB_ATTAIN_ATTAINMENT_H_
#define ZHUOYUE_LIB_ATTAIN_ATTAINMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "base/number.h"
#include "check/checked_pack.h"
#include "check/ir.h"
#include "load/dossier.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

// The method, with its cut-offs kept exact: a student at exactly 0.6 attains 0.6.
struct AttainmentSettings {
  AttainmentMethod method;
  Number threshold = Number::Ratio(3, 5);
  Number good = Number::Ratio(4, 5);
};

// A pack parameter that chooses the method: one of `values` into `choice`, or (no values) a
// number into `cutoff`.
struct AttainmentParam {
  const char* name;
  std::vector<const char*> values;
  std::string AttainmentMethod::*choice = nullptr;
  Number AttainmentSettings::*cutoff = nullptr;

  bool Accepts(const ir::Literal& value) const;
  // What it takes, for messages: "one of: cohort, per_student" or "a number, such as 0.6".
  std::string Expected() const;
};
const std::vector<AttainmentParam>& AttainmentParams();

// The settings from the pack's parameters (after overrides); a parameter the pack does not
// declare keeps its default. An unknown method name is an error naming the allowed ones.
absl::StatusOr<AttainmentSettings> AttainmentSettingsFrom(const CheckedPack& pack,
                                                          const std::vector<ir::Literal>& params);

// Attainment as the rule language reads it: by row of the points and items tables.
struct AttainmentValues {
  bool available = false;  // false: no scores table, so every value is unknown
  TableId points_table = kNoTable;
  TableId items_table = kNoTable;
  std::vector<std::optional<Number>> point_values;  // per row of points; nullopt: null
  std::vector<std::optional<Number>> item_values;   // per row of school_standard
};

struct AttainmentResult {
  Attainment report;
  AttainmentValues values;
};

AttainmentResult ComputeAttainment(const Schema& schema, const DossierTables& dossier,
                                   const AttainmentSettings& settings);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_ATTAIN_ATTAINMENT_H_
