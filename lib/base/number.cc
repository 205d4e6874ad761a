#include "base/number.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <utility>

namespace zhuoyue {
namespace {

using i128 = __int128;

// Stein's binary gcd on 64 bits: shifts and subtractions instead of a division per step.
uint64_t Gcd64(uint64_t a, uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

// Dossier values nearly always fit in 64 bits, where the gcd is many times cheaper than
// with 128-bit division (__modti3).
i128 Gcd(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  constexpr i128 kMax64 = std::numeric_limits<uint64_t>::max();
  if (a <= kMax64 && b <= kMax64) {
    return Gcd64(static_cast<uint64_t>(a), static_cast<uint64_t>(b));
  }
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool MulOverflows(i128 a, i128 b, i128* out) { return __builtin_mul_overflow(a, b, out); }
bool AddOverflows(i128 a, i128 b, i128* out) { return __builtin_add_overflow(a, b, out); }

// __int128 has no standard formatting.
std::string ToIntegerString(i128 value) {
  // Unsigned, so that the magnitude of −2^127 is representable.
  unsigned __int128 v = value < 0 ? -static_cast<unsigned __int128>(value) : value;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return value < 0 ? "-" + digits : digits;
}

// Decimal digits kept exact: 10^36 < 2^127. Beyond that a double is as honest as anything.
constexpr int kMaxDigits = 36;

// a ÷ m rounded down (m > 0).
i128 FloorDiv(i128 n, i128 m) {
  i128 q = n / m;
  return (n % m != 0 && n < 0) ? q - 1 : q;
}

// Compares a/b with c/d (b, d > 0) exactly when the cross products a·d and c·b would
// overflow: by their integer parts, then by the remainders' reciprocals, as Euclid's
// algorithm runs. Each step divides numbers that fit, so nothing overflows.
std::strong_ordering CompareFractions(i128 a, i128 b, i128 c, i128 d) {
  while (true) {
    const i128 p = FloorDiv(a, b), q = FloorDiv(c, d);
    if (p != q) return p <=> q;
    const i128 r = a - p * b, s = c - q * d;  // 0 <= r < b, 0 <= s < d
    if (r == 0 || s == 0) return r <=> s;
    // r/b <=> s/d  is  d/s <=> b/r.
    const i128 next_a = d, next_b = s, next_c = b, next_d = r;
    a = next_a;
    b = next_b;
    c = next_c;
    d = next_d;
  }
}

}  // namespace

Number Number::Make(i128 num, i128 den) {
  if (den < 0) {
    if (__builtin_sub_overflow(i128(0), num, &num) || __builtin_sub_overflow(i128(0), den, &den)) {
      return Inexact(static_cast<double>(num) / static_cast<double>(den));
    }
  }
  Number n;
  if (den == 1) {
    n.num_ = num;
    return n;
  }
  // Within 64 bits the division by the gcd is a machine instruction, not __divti3.
  if (num >= INT64_MIN && num <= INT64_MAX && den <= INT64_MAX) {
    int64_t num64 = static_cast<int64_t>(num), den64 = static_cast<int64_t>(den);
    uint64_t magnitude = num64 < 0 ? 0 - static_cast<uint64_t>(num64) : num64;
    int64_t g = static_cast<int64_t>(Gcd64(magnitude, den64));
    n.num_ = num64 / g;
    n.den_ = den64 / g;
    return n;
  }
  i128 g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  n.num_ = num;
  n.den_ = den;
  return n;
}

Number Number::Inexact(double value) {
  Number n;
  n.exact_ = false;
  n.approx_ = value;
  return n;
}

Number Number::Ratio(long long num, long long den) { return Make(num, den); }

Number Number::FromDouble(double value) {
  if (value == std::floor(value) && std::fabs(value) < 9e15) {
    return Number(static_cast<long long>(value));
  }
  return Inexact(value);
}

std::optional<Number> Number::Parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  i128 mantissa = 0;
  int digits = 0, scale = 0;
  bool any_digit = false, overflow = false;
  auto take_digit = [&](char c, bool after_point) {
    any_digit = true;
    if (mantissa == 0 && c == '0') {
      if (after_point) ++scale;
      return;
    }
    if (digits >= kMaxDigits) {
      overflow = true;
      if (!after_point) --scale;  // dropped integer digit still counts for magnitude
      return;
    }
    mantissa = mantissa * 10 + (c - '0');
    ++digits;
    if (after_point) ++scale;
  };
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') take_digit(text[i++], false);
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') take_digit(text[i++], true);
  }
  if (!any_digit) return std::nullopt;
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    if (i >= text.size()) return std::nullopt;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  long power = exponent - scale;  // value = mantissa * 10^power
  if (!overflow && power >= -kMaxDigits && power <= kMaxDigits &&
      (power <= 0 || digits + power <= kMaxDigits)) {
    i128 ten_power = 1;
    for (long k = 0; k < (power < 0 ? -power : power); ++k) ten_power *= 10;
    i128 num = negative ? -mantissa : mantissa;
    return power >= 0 ? Make(num * ten_power, 1) : Make(num, ten_power);
  }
  double value = std::strtod(std::string(text).c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  return Inexact(value);
}

double Number::ToDouble() const {
  if (!exact_) return approx_;
  return static_cast<double>(num_) / static_cast<double>(den_);
}

std::string Number::ToString() const {
  if (exact_ && den_ == 1) return ToIntegerString(num_);
  if (exact_) {
    std::string decimal = ToExactString();
    if (decimal.find('/') == std::string::npos) return decimal;
  }
  // A fraction that does not terminate gets 12 significant digits; an inexact number the
  // shortest text that reads back as the same double.
  char buffer[40];
  double value = ToDouble();
  for (int precision = exact_ ? 12 : 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (exact_ || std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string Number::ToExactString() const {
  if (!exact_ || den_ == 1) return ToString();
  int twos = 0, fives = 0;
  i128 rest = den_;
  for (; rest % 2 == 0; rest /= 2) ++twos;
  for (; rest % 5 == 0; rest /= 5) ++fives;
  std::string fraction = ToIntegerString(num_) + "/" + ToIntegerString(den_);
  if (rest != 1) return fraction;
  // den = 2^twos · 5^fives: the decimal ends after max(twos, fives) places.
  int places = std::max(twos, fives);
  if (places > kMaxDigits) return fraction;
  i128 scale = 1;
  for (int k = 0; k < places; ++k) scale *= 10;
  i128 scaled = 0;
  if (MulOverflows(num_, scale / den_, &scaled)) return fraction;
  std::string digits = ToIntegerString(scaled);
  bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (static_cast<int>(digits.size()) <= places) {
    digits.insert(0, places + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - places, ".");
  return negative ? "-" + digits : digits;
}

Number operator+(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    i128 x, y, num, den;
    // Sums of integers, and of shares over one denominator, need no cross products.
    if (a.den_ == b.den_ && !AddOverflows(a.num_, b.num_, &num)) {
      return Number::Make(num, a.den_);
    }
    if (!MulOverflows(a.num_, b.den_, &x) && !MulOverflows(b.num_, a.den_, &y) &&
        !AddOverflows(x, y, &num) && !MulOverflows(a.den_, b.den_, &den)) {
      return Number::Make(num, den);
    }
  }
  return Number::Inexact(a.ToDouble() + b.ToDouble());
}

Number operator-(const Number& a) {
  i128 negated;
  if (!a.exact_ || __builtin_sub_overflow(i128(0), a.num_, &negated)) {
    return Number::Inexact(-a.ToDouble());
  }
  return Number::Make(negated, a.den_);
}

Number operator-(const Number& a, const Number& b) { return a + (-b); }

Number operator*(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    i128 num, den;
    if (!MulOverflows(a.num_, b.num_, &num) && !MulOverflows(a.den_, b.den_, &den)) {
      return Number::Make(num, den);
    }
  }
  return Number::Inexact(a.ToDouble() * b.ToDouble());
}

std::optional<Number> Divide(const Number& a, const Number& b) {
  if (b.exact_ ? b.num_ == 0 : b.approx_ == 0) return std::nullopt;
  if (a.exact_ && b.exact_) {
    i128 num, den;
    if (!MulOverflows(a.num_, b.den_, &num) && !MulOverflows(a.den_, b.num_, &den)) {
      return Number::Make(num, den);
    }
  }
  return Number::Inexact(a.ToDouble() / b.ToDouble());
}

std::strong_ordering operator<=>(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    if (a.den_ == b.den_) return a.num_ <=> b.num_;
    i128 x, y;
    if (!MulOverflows(a.num_, b.den_, &x) && !MulOverflows(b.num_, a.den_, &y)) return x <=> y;
    return CompareFractions(a.num_, a.den_, b.num_, b.den_);
  }
  double x = a.ToDouble(), y = b.ToDouble();
  return x < y ? std::strong_ordering::less
               : (x > y ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace zhuoyue
