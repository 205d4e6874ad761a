// Stage 6: a plan and a loaded dossier → the report's verdicts: criteria with their values,
// thresholds, witnesses and missing data; requirements with their levels; eligibility;
// the overall result. The coverage lists come from the graph stage.
#ifndef ZHUOYUE_LIB_EVAL_EVALUATE_H_
#define ZHUOYUE_LIB_EVAL_EVALUATE_H_

#include <vector>

#include "check/ir.h"
#include "load/dossier.h"
#include "plan/plan.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

class TraceRecorder;  // eval/trace.h

// `params` holds one value per pack parameter (defaults already replaced by overrides).
Report Evaluate(const Plan& plan, const DossierTables& dossier,
                const std::vector<ir::Literal>& params);
// The same, recording the evaluation of criterion `recorder->criterion()` (see eval/trace.h).
// The verdicts are those of the plain evaluation.
Report Evaluate(const Plan& plan, const DossierTables& dossier,
                const std::vector<ir::Literal>& params, TraceRecorder* recorder);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_EVAL_EVALUATE_H_
