/// @file explain.h
/// @brief Why a criterion got its verdict: the evaluation trace of one criterion
/// (`zy explain-verdict`).
///
/// @code
///   auto trace = zhuoyue::ExplainCriterion(**pack, **dossier, "5.2");
///   if (trace.ok()) std::cout << zhuoyue::TraceToText(*trace);
/// @endcode
///
/// The trace is a tree. Its root is the criterion, valued by its verdict; then come the
/// report's message ("because"), the expert judgement (judged criteria), the missing data
/// (pending ones), and the expression tree: every sub-expression the evaluator visited with
/// its value — "true" / "false" / "unknown", a number or "unknown, in [lo, hi]", a quoted
/// text, "N members" for a collection. A quantifier or aggregate lists its members
/// ("member T02", valued "holds" / "fails" / "filtered out" / the body's number), the first
/// 20 in full (then the failing ones of an `every`), then "… N more members"; an `every` also
/// gets a "near misses" line ("7 of 8 hold; T02 fails: t.industry_years = 3, needs >= 5") and
/// `some` / `no` a "witnesses" line. Literals are left out. Tracing never changes a verdict.
#ifndef ZHUOYUE_EXPLAIN_H_
#define ZHUOYUE_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/export.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {

/// One node of an evaluation trace: a sub-expression (or a label) and its value. A plain
/// value; the whole tree is owned by its root.
struct Trace {
  std::string expression;  ///< source text of the sub-expression, or a label
  /// Its value, in words: "true", "false", "unknown", a number, "unknown, in [lo, hi]", a
  /// quoted text, "N members", "holds", "fails", "filtered out", …
  std::string value;
  std::vector<Trace> children;  ///< the nodes below it
  /// Which values it can take at all, from the pack alone: a bound list item is never
  /// unknown, `x in [...]` listing every value of a closed set is never false.
  bool can_be_true = true;
  bool can_be_false = true;    ///< whether it can be false at all (see `can_be_true`)
  bool can_be_unknown = true;  ///< whether it can be unknown at all (see `can_be_true`)
};

/// The trace of criterion `criterion_id` ("5.2"). NotFound, with a did-you-mean, for an id
/// that is no criterion of the pack; InvalidArgument as Evaluate for bad parameters.
///
/// It evaluates the criterion as Evaluate() does, recording every step; like Evaluate it is
/// reentrant.
/// @param pack          the pack `dossier` was loaded with
/// @param dossier       the dossier to evaluate
/// @param criterion_id  the criterion's id, e.g. "5.2"
/// @param options       parameter overrides and step limit, as for Evaluate()
/// @return the trace's root, a value the caller owns; or NotFound (unknown criterion),
///         InvalidArgument (an unknown parameter, a bad value, a dossier loaded with another
///         pack), ResourceExhausted past `options.max_steps`, Internal for an internal
///         failure. No exception is thrown.
ZY_EXPORT absl::StatusOr<Trace> ExplainCriterion(const Pack& pack, const Dossier& dossier,
                                                 std::string_view criterion_id,
                                                 const EvaluateOptions& options = {});

/// An indented tree, one node a line: "expression → value", children two spaces deeper.
/// @param trace  the tree's root
/// @return the text, each line ending with a newline
ZY_EXPORT std::string TraceToText(const Trace& trace);
/// {"expression": …, "value": …, "children": [ … ]} ("children" left out when empty),
/// indented by two spaces, with a final newline.
/// @param trace  the tree's root
/// @return the JSON; invalid UTF-8 in a text is replaced, not an error
ZY_EXPORT std::string TraceToJson(const Trace& trace);

}  // namespace zhuoyue

#endif  // ZHUOYUE_EXPLAIN_H_
