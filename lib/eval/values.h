// Runtime values of the evaluator: three-valued booleans and numbers as exact intervals.
// Unknown data widens a value instead of guessing it; a comparison is decided only when
// every completion of the unknown data agrees (strong Kleene).
#ifndef ZHUOYUE_LIB_EVAL_VALUES_H_
#define ZHUOYUE_LIB_EVAL_VALUES_H_

#include <optional>
#include <string>

#include "base/number.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

enum class Tri : uint8_t { kFalse, kTrue, kUnknown };

inline Tri MakeTri(bool value) { return value ? Tri::kTrue : Tri::kFalse; }
inline Tri Not(Tri a) {
  return a == Tri::kUnknown ? a : (a == Tri::kTrue ? Tri::kFalse : Tri::kTrue);
}
inline Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  return a == Tri::kTrue && b == Tri::kTrue ? Tri::kTrue : Tri::kUnknown;
}
inline Tri Or(Tri a, Tri b) { return Not(And(Not(a), Not(b))); }
// From what the completions of the unknown data can make of a condition.
inline Tri FromPossible(bool can_be_true, bool can_be_false) {
  if (can_be_true && can_be_false) return Tri::kUnknown;
  return can_be_true ? Tri::kTrue : Tri::kFalse;
}
inline Verdict ToVerdict(Tri tri) {
  return tri == Tri::kTrue ? Verdict::kMet
                           : (tri == Tri::kFalse ? Verdict::kNotMet : Verdict::kPending);
}

// One end of an interval; nullopt is infinite (−∞ for a lower end, +∞ for an upper one).
using Bound = std::optional<Number>;

// The set of values a number may take over the completions of the unknown data: an
// interval when it may have a value, plus whether it may be *undefined* (a mean or share
// over no member, a field known to be none, a division by zero). An open end is approached
// but never reached (10 / y for y ≥ 1 is never 0), which keeps comparisons exact.
struct Interval {
  Bound lo = Number(0);
  Bound hi = Number(0);
  bool may_value = true;
  bool may_undefined = false;
  bool lo_open = false;
  bool hi_open = false;

  static Interval Exact(Number n) { return Interval{n, n, true, false}; }
  static Interval Undefined() { return Interval{Number(0), Number(0), false, true}; }
  static Interval Between(Bound lo, Bound hi) { return Interval{lo, hi, true, false}; }
  bool IsExact() const { return may_value && !may_undefined && lo && hi && *lo == *hi; }
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_EVAL_VALUES_H_
