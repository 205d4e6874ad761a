// Stage 6: a plan and a loaded dossier → the report's verdicts: criteria with their values,
// thresholds, witnesses and missing data; requirements with their levels; eligibility;
// the overall result. The coverage lists come from the graph stage.
#ifndef ZHUOYUE_LIB_EVAL_EVALUATE_H_
#define ZHUOYUE_LIB_EVAL_EVALUATE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "check/ir.h"
#include "load/dossier.h"
#include "plan/plan.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

class TraceRecorder;  // eval/trace.h

inline constexpr uint64_t kNoStepLimit = UINT64_MAX;

// Thrown out of Evaluate when the rules take more than `max_steps` steps (expression nodes
// evaluated); `where` names the criterion or rule being evaluated. The API turns it into a
// status with StepLimitStatus.
struct StepLimitExceeded {
  std::string where;
  uint64_t limit;
};
absl::Status StepLimitStatus(const StepLimitExceeded& exceeded);

// `params` holds one value per pack parameter (defaults already replaced by overrides). With
// a recorder, the evaluation of criterion `recorder->criterion()` is recorded (see
// eval/trace.h); the verdicts are those of the plain evaluation.
Report Evaluate(const Plan& plan, const DossierTables& dossier,
                const std::vector<ir::Literal>& params, TraceRecorder* recorder = nullptr,
                uint64_t max_steps = kNoStepLimit);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_EVAL_EVALUATE_H_
