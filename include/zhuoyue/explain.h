// Why a criterion got its verdict: the evaluation trace of one criterion.
//
//   auto trace = zhuoyue::ExplainCriterion(**pack, **dossier, "5.2");
//   if (trace.ok()) std::cout << zhuoyue::TraceToText(*trace);
//
// The trace is a tree. Its root is the criterion, valued by its verdict; then come the
// report's message ("because"), the expert judgement (judged criteria), the missing data
// (pending ones), and the expression tree: every sub-expression the evaluator visited with
// its value — "true" / "false" / "unknown", a number or "unknown, in [lo, hi]", a quoted
// text, "N members" for a collection. A quantifier or aggregate lists its members
// ("member T02", valued "holds" / "fails" / "filtered out" / the body's number), the first
// 20 in full (then the failing ones of an `every`), then "… N more members"; an `every` also
// gets a "near misses" line ("7 of 8 hold; T02 fails: t.industry_years = 3, needs >= 5") and
// `some` / `no` a "witnesses" line. Literals are left out. Tracing never changes a verdict.
#ifndef ZHUOYUE_EXPLAIN_H_
#define ZHUOYUE_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/zhuoyue.h"

namespace zhuoyue {

struct Trace {
  std::string expression;  // source text of the sub-expression, or a label
  std::string value;
  std::vector<Trace> children;
  // Which values it can take at all, from the pack alone: a bound list item is never
  // unknown, `x in [...]` listing every value of a closed set is never false.
  bool can_be_true = true;
  bool can_be_false = true;
  bool can_be_unknown = true;
};

// The trace of criterion `criterion_id` ("5.2"). NotFound, with a did-you-mean, for an id
// that is no criterion of the pack; InvalidArgument as Evaluate for bad parameters.
absl::StatusOr<Trace> ExplainCriterion(const Pack& pack, const Dossier& dossier,
                                       std::string_view criterion_id,
                                       const EvaluateOptions& options = {});

// An indented tree, one node a line: "expression → value", children two spaces deeper.
std::string TraceToText(const Trace& trace);
// {"expression": …, "value": …, "children": [ … ]} ("children" left out when empty),
// indented by two spaces, with a final newline.
std::string TraceToJson(const Trace& trace);

}  // namespace zhuoyue

#endif  // ZHUOYUE_EXPLAIN_H_
