// Exact numbers for rule evaluation.
//
// Shares and thresholds must compare exactly (16/160 >= 0.10 holds), so numbers are
// rationals with 128-bit numerator and denominator, parsed from their decimal text. An
// operation that would overflow falls back to a double and marks the result inexact; in
// practice dossier values (years, weeks, amounts, scores) never get there.
#ifndef ZHUOYUE_LIB_BASE_NUMBER_H_
#define ZHUOYUE_LIB_BASE_NUMBER_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhuoyue {

class Number {
 public:
  constexpr Number() = default;
  constexpr Number(long long integer) : num_(integer) {}  // NOLINT: numbers read naturally.
  static Number Ratio(long long num, long long den);
  static Number FromDouble(double value);

  // Parses a JSON/DSL decimal literal ("12", "-0.25", "1e-3") exactly. Returns nullopt on
  // malformed text or a non-finite value.
  static std::optional<Number> Parse(std::string_view text);

  bool exact() const { return exact_; }
  bool IsInteger() const { return exact_ && den_ == 1; }
  // The value as a 64-bit integer, when it is an exact integer that fits.
  std::optional<int64_t> ToInt64() const {
    if (!IsInteger() || num_ < INT64_MIN || num_ > INT64_MAX) return std::nullopt;
    return static_cast<int64_t>(num_);
  }
  double ToDouble() const;
  // The decimal value: exact when it terminates ("0.225"), else 12 significant digits
  // ("0.333333333333"); an inexact number prints as the shortest text that reads back.
  std::string ToString() const;
  // The exact value: "3", "0.225", or "1/3" when the decimal does not terminate; for an
  // inexact number, the same as ToString().
  std::string ToExactString() const;

  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b);
  friend Number operator*(const Number& a, const Number& b);
  // Division by zero yields nullopt: the caller decides what an empty denominator means.
  friend std::optional<Number> Divide(const Number& a, const Number& b);
  friend Number operator-(const Number& a);

  friend std::strong_ordering operator<=>(const Number& a, const Number& b);
  friend bool operator==(const Number& a, const Number& b) { return (a <=> b) == 0; }

 private:
  static Number Make(__int128 num, __int128 den);
  static Number Inexact(double value);

  __int128 num_ = 0;
  __int128 den_ = 1;  // > 0, gcd(num, den) == 1 when exact
  double approx_ = 0;
  bool exact_ = true;
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_BASE_NUMBER_H_
