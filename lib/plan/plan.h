// Stage 3: a checked pack → an evaluation plan. The plan fixes the order in which
// criteria and requirements are decided (a criterion may read another's verdict with
// `met`), found by a topological sort of their dependency graph; a cycle is an error.
#ifndef ZHUOYUE_LIB_PLAN_PLAN_H_
#define ZHUOYUE_LIB_PLAN_PLAN_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "check/checked_pack.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

// A step of evaluation: one criterion (criterion >= 0) or one whole requirement.
struct PlanStep {
  int requirement = -1;
  int criterion = -1;  // -1: the requirement itself, after its criteria
};

struct Plan {
  std::unique_ptr<CheckedPack> pack;
  std::vector<PlanStep> order;
  // "5" → requirement index; "5.2" → (requirement, criterion).
  absl::flat_hash_map<std::string, PlanStep> steps_by_id;
};

std::unique_ptr<Plan> Compile(std::unique_ptr<CheckedPack> pack, Diagnostics& diagnostics);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_PLAN_PLAN_H_
