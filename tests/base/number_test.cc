// Exact rationals: parsing, arithmetic, comparison, formatting and the inexact fallback.
#include "base/number.h"

#include <climits>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zhuoyue {

// Readable failure messages (found by argument-dependent lookup).
void PrintTo(const Number& n, std::ostream* os) {
  *os << n.ToString() << (n.exact() ? "" : " (inexact)");
}

namespace {

// Parses text that must be valid; fails the test (and yields 0) otherwise.
Number P(std::string_view text) {
  std::optional<Number> n = Number::Parse(text);
  EXPECT_TRUE(n.has_value()) << "Parse(\"" << text << "\") failed";
  return n.value_or(Number(0));
}

Number Q(const Number& a, const Number& b) {
  std::optional<Number> n = Divide(a, b);
  EXPECT_TRUE(n.has_value()) << "Divide(" << a.ToString() << ", " << b.ToString() << ")";
  return n.value_or(Number(0));
}

// 2^63 and -2^127, the extremes of the 128-bit representation, built exactly.
Number TwoTo63() { return -Number(LLONG_MIN); }
Number MinusTwoTo127() { return Number(LLONG_MIN) * Number(2) * TwoTo63(); }

// ------------------------------------------------------------------ parsing

TEST(NumberParse, DecimalsAreExactRationals) {
  Number tenth = P("0.1");
  EXPECT_TRUE(tenth.exact());
  EXPECT_EQ(tenth, Number::Ratio(1, 10));
  EXPECT_FALSE(tenth.IsInteger());

  EXPECT_EQ(P("1e-3"), Number::Ratio(1, 1000));
  EXPECT_TRUE(P("1e-3").exact());
  EXPECT_EQ(P("1E-3"), Number::Ratio(1, 1000));
  EXPECT_EQ(P("-2.50"), Number::Ratio(-5, 2));
  EXPECT_EQ(P("-2.50"), P("-2.5"));
  EXPECT_EQ(P("0.25"), Number::Ratio(1, 4));
  EXPECT_EQ(P("1e3"), Number(1000));
  EXPECT_EQ(P("1e+3"), Number(1000));
  EXPECT_EQ(P("2.5e2"), Number(250));
  EXPECT_EQ(P("125e-2"), Number::Ratio(5, 4));
}

TEST(NumberParse, IntegersStayIntegers) {
  Number twelve = P("12");
  EXPECT_TRUE(twelve.exact());
  EXPECT_TRUE(twelve.IsInteger());
  EXPECT_EQ(twelve, Number(12));
  EXPECT_EQ(twelve.ToString(), "12");
  EXPECT_EQ(P("00012"), Number(12));
  EXPECT_EQ(P("-0"), Number(0));
  EXPECT_EQ(P("-0").ToString(), "0");
  EXPECT_EQ(P("0.000"), Number(0));
  EXPECT_TRUE(P("0.000").IsInteger());
  EXPECT_EQ(P("0e5"), Number(0));
  EXPECT_TRUE(P("1.0").IsInteger());
  EXPECT_EQ(P("+7"), Number(7));
}

TEST(NumberParse, LongExactValues) {
  // 29 significant digits are kept exactly: neighbours differ.
  Number a = P("12345678901234567890123456789");
  Number b = P("12345678901234567890123456788");
  EXPECT_TRUE(a.exact());
  EXPECT_NE(a, b);
  EXPECT_GT(a, b);
  EXPECT_EQ(a - b, Number(1));
  EXPECT_EQ(a.ToString(), "12345678901234567890123456789");
  // A small fraction with many digits after the point.
  Number tiny = P("0.000000000000000000000000001");  // 1e-27
  EXPECT_TRUE(tiny.exact());
  EXPECT_EQ(tiny * P("1e27"), Number(1));
  EXPECT_GT(tiny, Number(0));
}

TEST(NumberParse, OneETwentyNineAndOneEThirty) {
  Number e29 = P("1e29");
  EXPECT_TRUE(e29.exact());
  EXPECT_EQ(e29, P("100000000000000000000000000000"));
  EXPECT_EQ(e29.ToString(), "100000000000000000000000000000");

  Number e30 = P("1e30");
  EXPECT_DOUBLE_EQ(e30.ToDouble(), 1e30);
  EXPECT_GT(e30, e29);
  EXPECT_GT(e30, Number(0));
}

TEST(NumberParse, OneEThirtyIsExact) {
  // 10^30 < 2^127: GRAMMAR.md says only results that overflow 128 bits fall back to floating
  // point, but Parse caps exact values at 30 digits, so 1e30 (31 digits) becomes a double and
  // then compares equal to 10^30 - 1.
  Number e30 = P("1e30");
  Number just_below = P("999999999999999999999999999999");  // 10^30 - 1, exact
  EXPECT_NE(e30, just_below);
  EXPECT_GT(e30, just_below);
  EXPECT_EQ(e30 - just_below, Number(1));
}

TEST(NumberParse, HugeAndTinyFallBackToInexact) {
  // 40 digits: beyond 128 bits, a double.
  std::optional<Number> huge = Number::Parse("1234567890123456789012345678901234567890");
  ASSERT_TRUE(huge.has_value());
  EXPECT_FALSE(huge->exact());
  EXPECT_NEAR(huge->ToDouble() / 1.2345678901234568e39, 1.0, 1e-12);
  EXPECT_GT(*huge, P("1e38"));

  std::optional<Number> big_exponent = Number::Parse("1e300");
  ASSERT_TRUE(big_exponent.has_value());
  EXPECT_FALSE(big_exponent->exact());
  EXPECT_DOUBLE_EQ(big_exponent->ToDouble(), 1e300);
  EXPECT_LT(-*big_exponent, Number(0));

  std::optional<Number> tiny = Number::Parse("1e-40");
  ASSERT_TRUE(tiny.has_value());
  EXPECT_FALSE(tiny->exact());
  EXPECT_GT(*tiny, Number(0));
  EXPECT_LT(*tiny, P("1e-30"));

  // Many digits, most of them after the point.
  std::optional<Number> pi = Number::Parse("3.14159265358979323846264338327950288419716939937510");
  ASSERT_TRUE(pi.has_value());
  EXPECT_NEAR(pi->ToDouble(), 3.141592653589793, 1e-15);
}

TEST(NumberParse, NonFiniteIsRejected) {
  EXPECT_EQ(Number::Parse("1e999"), std::nullopt);
  EXPECT_EQ(Number::Parse("-1e999"), std::nullopt);
  EXPECT_EQ(Number::Parse("1e99999999999999999999"), std::nullopt);
  EXPECT_EQ(Number::Parse("inf"), std::nullopt);
  EXPECT_EQ(Number::Parse("nan"), std::nullopt);
  EXPECT_EQ(Number::Parse("Infinity"), std::nullopt);
}

TEST(NumberParse, MalformedTextIsRejected) {
  for (const char* text :
       {"",    "-",   "+",   ".",    "-.",  "e3",  "abc",   "1.2.3", "1e", "1e+", "1e-",
        "12a", " 12", "12 ", "0x10", "1,5", "--1", "1e3.5", "1..2",  "½",  "１２"}) {
    EXPECT_EQ(Number::Parse(text), std::nullopt) << "\"" << text << "\"";
  }
}

// ------------------------------------------------------------------ arithmetic

TEST(NumberArithmetic, SharesCompareExactly) {
  // 16 of 160 is exactly 0.10: a threshold `>= 0.10` holds, `> 0.10` does not.
  Number share = Q(16, 160);
  EXPECT_TRUE(share.exact());
  EXPECT_EQ(share, P("0.10"));
  EXPECT_GE(share, P("0.10"));
  EXPECT_FALSE(share > P("0.10"));
  EXPECT_LE(share, P("0.1"));

  // 7/25 is exactly 0.28, although 7.0 / 25.0 != 0.28 in binary.
  Number ratio = Q(7, 25);
  EXPECT_EQ(ratio, P("0.28"));
  EXPECT_GE(ratio, P("0.28"));
  EXPECT_FALSE(ratio < P("0.28"));
  EXPECT_LT(ratio, P("0.2800000000000000000000001"));

  EXPECT_EQ(Q(10, 40), P("0.25"));
  EXPECT_EQ(Q(11, 40), P("0.275"));
}

TEST(NumberArithmetic, ThirdsAddUpToOne) {
  Number third = Q(1, 3);
  EXPECT_TRUE(third.exact());
  Number sum = third + third + third;
  EXPECT_EQ(sum, Number(1));
  EXPECT_TRUE(sum.IsInteger());
  EXPECT_EQ(sum.ToString(), "1");
  EXPECT_EQ(third * Number(3), Number(1));
  EXPECT_EQ(Number(1) - third - third - third, Number(0));
}

TEST(NumberArithmetic, DecimalSumsAreExact) {
  EXPECT_EQ(P("0.1") + P("0.2"), P("0.3"));
  EXPECT_NE(0.1 + 0.2, 0.3);  // the problem the exact type exists for
  EXPECT_EQ(P("1.1") * P("1.1"), P("1.21"));
  EXPECT_EQ(P("0.3") - P("0.1"), P("0.2"));
  EXPECT_EQ(-P("0.5"), P("-0.5"));
  EXPECT_EQ(P("2.5") - P("2.5"), Number(0));
  EXPECT_EQ(Q(P("0.3"), P("0.1")), Number(3));
  EXPECT_EQ(Number::Ratio(2, -4), Number::Ratio(-1, 2));
  EXPECT_EQ(Number::Ratio(6, 4), P("1.5"));
}

// Normalisation takes a 64-bit path when both parts fit and a 128-bit one otherwise; both
// must reduce to lowest terms, whatever the signs.
TEST(NumberArithmetic, ReducesToLowestTermsOnBothGcdPaths) {
  EXPECT_EQ(Number::Ratio(-6, 4).ToExactString(), "-1.5");
  EXPECT_EQ(Number::Ratio(6, -4).ToExactString(), "-1.5");
  EXPECT_EQ(Number::Ratio(0, 7).ToExactString(), "0");
  EXPECT_EQ(Number::Ratio(LLONG_MAX, LLONG_MAX).ToExactString(), "1");
  // 2^70 / 2^68 and 3·2^66 / 2^67: numerators beyond 64 bits.
  Number two_to_70 = P("1180591620717411303424");
  Number two_to_68 = P("295147905179352825856");
  EXPECT_EQ(Q(two_to_70, two_to_68), Number(4));
  Number three_two_to_66 = P("221360928884514619392");
  Number two_to_67 = P("147573952589676412928");
  EXPECT_EQ(Q(three_two_to_66, two_to_67).ToExactString(), "1.5");
  EXPECT_EQ(Q(Number(-21), Number(14)).ToExactString(), "-1.5");
}

// Terms over one denominator add without cross products and still reduce.
TEST(NumberArithmetic, SameDenominatorSumsReduce) {
  EXPECT_EQ(Number::Ratio(1, 4) + Number::Ratio(1, 4), Number::Ratio(1, 2));
  EXPECT_EQ((Number::Ratio(1, 4) + Number::Ratio(1, 4)).ToExactString(), "0.5");
  EXPECT_EQ(Number::Ratio(3, 4) + Number::Ratio(-3, 4), Number(0));
  EXPECT_EQ(Number(LLONG_MAX) + Number(LLONG_MAX), P("18446744073709551614"));
  EXPECT_LT(Number::Ratio(1, 3), Number::Ratio(2, 3));
  EXPECT_GT(Number::Ratio(-1, 3), Number::Ratio(-2, 3));
}

// When the cross products overflow 128 bits, comparison falls back to Euclid's algorithm on
// the fractions, not to doubles: these pairs are one part in 10^35 apart.
TEST(NumberArithmetic, OrderingIsExactWhenCrossProductsOverflow) {
  Number a = P("8.00000000000000000000000000000000001") + Number(26);
  Number b = P("34.0000000000000000000000000000000001");
  EXPECT_TRUE(a.exact());
  EXPECT_LT(a, b);
  EXPECT_GT(b, a);
  EXPECT_LT(-b, -a);
  Number third = Q(P("1.00000000000000000000000000000000001"), Number(3));
  Number also_third = Q(P("2.00000000000000000000000000000000002"), Number(6));
  EXPECT_EQ(third, also_third);
  EXPECT_GT(third, Q(Number(1), Number(3)));
  EXPECT_LT(Q(Number(-1), Number(3)), Q(P("-0.99999999999999999999999999999999999"), Number(3)));
}

TEST(NumberArithmetic, OrderingIsExact) {
  EXPECT_LT(Q(1, 3), P("0.3333333333333333333333333334"));
  EXPECT_GT(Q(1, 3), P("0.3333333333333333333333333333"));
  EXPECT_LT(P("-2.5"), P("-2.49"));
  EXPECT_GT(Number(0), P("-0.0001"));
  EXPECT_EQ(Q(2, 6) <=> Q(1, 3), std::strong_ordering::equal);
  EXPECT_EQ(P("0.5") <=> Number::Ratio(2, 3), std::strong_ordering::less);
}

TEST(NumberArithmetic, DivisionByZeroIsNullopt) {
  EXPECT_EQ(Divide(Number(1), Number(0)), std::nullopt);
  EXPECT_EQ(Divide(Number(0), Number(0)), std::nullopt);
  EXPECT_EQ(Divide(P("2.5"), P("0.000")), std::nullopt);
  EXPECT_EQ(Divide(P("1e300"), Number(0)), std::nullopt);        // inexact dividend
  std::optional<Number> zero_inexact = Number::Parse("1e-999");  // underflows to 0.0
  ASSERT_TRUE(zero_inexact.has_value());
  EXPECT_EQ(Divide(Number(1), *zero_inexact), std::nullopt);
  // Zero divided by something is fine.
  std::optional<Number> zero = Divide(Number(0), Number(5));
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(*zero, Number(0));
  EXPECT_TRUE(zero->IsInteger());
}

TEST(NumberArithmetic, OverflowFallsBackToInexact) {
  Number big = P("99999999999999999999999999999");  // 10^29 - 1: exact
  ASSERT_TRUE(big.exact());
  Number square = big * big;  // ~10^58: beyond 128 bits
  EXPECT_FALSE(square.exact());
  EXPECT_FALSE(square.IsInteger());
  EXPECT_NEAR(square.ToDouble() / 1e58, 1.0, 1e-12);
  EXPECT_GT(square, big);
  EXPECT_LT(-square, Number(0));

  Number sum = square + Number(1);
  EXPECT_FALSE(sum.exact());
  EXPECT_GT(sum, Number(0));

  // Denominators overflow too: 1/(10^29-1) + 1/(10^29-3) needs a ~10^58 denominator.
  Number a = Q(1, big);
  Number b = Q(1, big - Number(2));
  EXPECT_TRUE(a.exact());
  Number c = a + b;
  EXPECT_FALSE(c.exact());
  EXPECT_NEAR(c.ToDouble() / 2e-29, 1.0, 1e-9);
  EXPECT_GT(c, a);

  // Inexact values survive further arithmetic and division.
  std::optional<Number> back = Divide(square, big);
  ASSERT_TRUE(back.has_value());
  EXPECT_FALSE(back->exact());
  EXPECT_NEAR(back->ToDouble() / 1e29, 1.0, 1e-12);

  // Overflow to infinity does not crash either.
  Number huge = P("1e300") * P("1e300");
  EXPECT_FALSE(huge.exact());
  EXPECT_TRUE(std::isinf(huge.ToDouble()));
  EXPECT_GT(huge, square);
  EXPECT_FALSE(huge.ToString().empty());
}

TEST(NumberArithmetic, LargestIntegersStayExactWhenTheyFit) {
  Number max = Number(LLONG_MAX);
  Number product = max * max;  // < 2^126
  EXPECT_TRUE(product.exact());
  EXPECT_EQ(product.ToString(), "85070591730234615847396907784232501249");
  Number min = MinusTwoTo127();
  EXPECT_TRUE(min.exact());
  EXPECT_LT(min, Number(0));
}

TEST(NumberArithmetic, NegatingTheMinimumIsNotNegative) {
  // -2^127 is representable; its negation 2^127 is not and must fall back to a double, not
  // wrap around to -2^127 again.
  Number min = MinusTwoTo127();
  ASSERT_LT(min, Number(0));
  Number negated = -min;
  Number difference = min - min;
  std::string text = min.ToString();
  bool ok = negated > Number(0) && difference == Number(0) &&
            (!min.exact() || text == "-170141183460469231731687303715884105728");
  EXPECT_GT(negated, Number(0));
  EXPECT_EQ(difference, Number(0));
}

// ------------------------------------------------------------------ conversions

TEST(NumberToString, ShortestForms) {
  EXPECT_EQ(P("0.1").ToString(), "0.1");
  EXPECT_EQ(P("-2.50").ToString(), "-2.5");
  EXPECT_EQ(P("1e-3").ToString(), "0.001");
  EXPECT_EQ(P("0.25").ToString(), "0.25");
  EXPECT_EQ(Q(16, 160).ToString(), "0.1");
  EXPECT_EQ(P("1e3").ToString(), "1000");
  EXPECT_EQ(Number(-42).ToString(), "-42");
  EXPECT_EQ(Number(0).ToString(), "0");
  EXPECT_EQ(Number(LLONG_MIN).ToString(), "-9223372036854775808");
  // Fractions that do not terminate: 12 significant digits.
  EXPECT_EQ(Q(1, 3).ToString(), "0.333333333333");
  EXPECT_EQ(Q(2, 3).ToString(), "0.666666666667");
  EXPECT_EQ(Q(-1, 7).ToString(), "-0.142857142857");
}

TEST(NumberToString, RoundTrips) {
  for (const char* text :
       {"0", "12", "-7", "0.1", "0.25", "-2.5", "0.001", "123.456", "1e-7", "0.275", "99.99",
        "1234567.5", "100000000000000000000000000000", "-12345678901234567890123456789"}) {
    Number n = P(text);
    std::optional<Number> back = Number::Parse(n.ToString());
    ASSERT_TRUE(back.has_value()) << text << " printed as " << n.ToString();
    EXPECT_EQ(*back, n) << text << " printed as " << n.ToString();
    EXPECT_EQ(back->exact(), n.exact()) << text;
  }
}

TEST(NumberToString, TerminatingDecimalsWithManyDigitsRoundTrip) {
  // Exact terminating decimals print in full, so they read back as the same number.
  for (const char* text : {"0.1234567890123", "123456789.123456789", "1.00000000000001"}) {
    Number n = P(text);
    std::optional<Number> back = Number::Parse(n.ToString());
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(*back, n) << text << " -> " << n.ToString();
    EXPECT_EQ(n.ToString(), text);
  }
}

TEST(NumberConversions, FromDoubleAndToDouble) {
  EXPECT_TRUE(Number::FromDouble(3.0).IsInteger());
  EXPECT_EQ(Number::FromDouble(-3.0), Number(-3));
  Number half = Number::FromDouble(0.5);
  EXPECT_FALSE(half.exact());
  EXPECT_EQ(half, P("0.5"));  // compared through doubles, 0.5 is exact there
  EXPECT_DOUBLE_EQ(half.ToDouble(), 0.5);
  EXPECT_FALSE(Number::FromDouble(1e20).exact());  // beyond the safe integer range
  EXPECT_DOUBLE_EQ(P("0.1").ToDouble(), 0.1);
  EXPECT_DOUBLE_EQ(Q(1, 3).ToDouble(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(P("-2.50").ToDouble(), -2.5);
}

}  // namespace
}  // namespace zhuoyue
