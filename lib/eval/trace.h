// The evaluation trace of one criterion: every sub-expression the evaluator visited with the
// value it got, the members of quantifiers and aggregates with their filter and body values,
// and for `every` the members that hold and those that fail (near misses).
//
// The evaluator records only when given a TraceRecorder (a null recorder costs one branch
// per node); TraceCriterion runs a whole evaluation with one, so the traced criterion sees
// the same verdicts of earlier criteria as a plain evaluation does.
#ifndef ZHUOYUE_LIB_EVAL_TRACE_H_
#define ZHUOYUE_LIB_EVAL_TRACE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "check/ir.h"
#include "eval/values.h"
#include "load/dossier.h"
#include "plan/plan.h"

namespace zhuoyue {

struct TraceNode {
  std::string expression;  // the source text of the sub-expression, or a label ("member T02")
  std::string value;       // "true", "false", "unknown", "3", "unknown, in [0, 5]", "8 members"
  std::vector<TraceNode> children;
  ir::Outcomes possible;  // for a boolean sub-expression: the values it can take at all
};

// Members of one quantifier or aggregate shown in full; further members are summed up.
inline constexpr int kTraceMemberLimit = 20;

// What the evaluator reports while it evaluates the traced criterion. Calls nest: Enter and
// Leave bracket one node; Member opens the next member of the binder entered last.
class TraceRecorder {
 public:
  explicit TraceRecorder(std::string criterion_id);
  ~TraceRecorder();

  // The criterion to trace; the evaluator records nothing for the others.
  const std::string& criterion() const { return criterion_; }

  void Enter(const ir::Node& node);
  void Leave(std::string value);
  // The binder on top moves to its next member (`membership`: whether the item belongs).
  void Member(std::string name, Tri membership);

  // What was recorded: one root per node entered at the top.
  struct Raw;
  const std::vector<std::unique_ptr<Raw>>& roots() const { return roots_; }

 private:
  std::string criterion_;
  std::vector<std::unique_ptr<Raw>> roots_;
  std::vector<Raw*> stack_;
};

struct TraceRecorder::Raw {
  const ir::Node* node = nullptr;  // null for a member
  std::string member;              // a member's name
  Tri membership = Tri::kTrue;
  std::string value;
  std::vector<std::unique_ptr<Raw>> children;
};

// How values read in a trace.
std::string TriText(Tri value);
std::string IntervalText(const Interval& value);

// Re-evaluates the plan with a recorder on `criterion_id` and returns its trace: the verdict
// and message first, then the expression tree. NotFound (with a did-you-mean) for an id that
// is no criterion of the pack; ResourceExhausted past `max_steps` (as Evaluate).
absl::StatusOr<TraceNode> TraceCriterion(const Plan& plan, const DossierTables& dossier,
                                         const std::vector<ir::Literal>& params,
                                         std::string_view criterion_id, uint64_t max_steps);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_EVAL_TRACE_H_
