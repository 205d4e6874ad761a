// The evaluator's generic semantics (dsl/GRAMMAR.md, "Three-valued semantics"), each
// checked with a small pack written here and a small inline dossier: strong Kleene logic,
// comparisons over intervals, none, arithmetic, quantifiers over every kind of collection,
// witnesses, missing data, criterion kinds, pass policies, levels, the overall decision
// list and eligibility rules.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/test_util.h"

namespace zhuoyue::eval_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

// ------------------------------------------------------------------ strong Kleene logic

enum class Tv { kFalse, kTrue, kUnknown };

Tv KleeneAnd(Tv a, Tv b) {
  if (a == Tv::kFalse || b == Tv::kFalse) return Tv::kFalse;
  return a == Tv::kTrue && b == Tv::kTrue ? Tv::kTrue : Tv::kUnknown;
}
Tv KleeneNot(Tv a) { return a == Tv::kUnknown ? a : (a == Tv::kTrue ? Tv::kFalse : Tv::kTrue); }
Tv KleeneOr(Tv a, Tv b) { return KleeneNot(KleeneAnd(KleeneNot(a), KleeneNot(b))); }
std::string VerdictOf(Tv a) {
  return a == Tv::kTrue ? "met" : (a == Tv::kFalse ? "not_met" : "pending");
}

constexpr char kFlags[] = R"zy(
object program {
  id: string id required
  a: bool
  b: bool
}
requirement 1 "logic" {
  criterion 1.1 computed "a and b" = program.a and program.b
  criterion 1.2 computed "a or b" = program.a or program.b
  criterion 1.3 computed "not a" = not program.a
  criterion 1.4 computed "not (a and b)" = not (program.a and program.b)
  criterion 1.5 computed "not a or b" = not program.a or program.b
  criterion 1.6 computed "b and a" = program.b and program.a
}
)zy";

TEST(KleeneTest, TruthTablesOverAbsentBooleans) {
  const Tv values[] = {Tv::kTrue, Tv::kFalse, Tv::kUnknown};
  for (Tv a : values) {
    for (Tv b : values) {
      // An unknown `a` is left out of the object, an unknown `b` is written as null: both are
      // absent, hence unknown.
      std::string json = R"({"program": {"id": "P")";
      if (a != Tv::kUnknown)
        json += std::string(R"(, "a": )") + (a == Tv::kTrue ? "true" : "false");
      json += std::string(R"(, "b": )") +
              (b == Tv::kUnknown ? "null" : (b == Tv::kTrue ? "true" : "false"));
      json += "}}";
      SCOPED_TRACE(json);
      Evaluation e = RunPack(kFlags, json);
      struct Expected {
        const char* id;
        Tv value;
        bool reads_b;
      };
      const Expected expected[] = {
          {"1.1", KleeneAnd(a, b), true},
          {"1.2", KleeneOr(a, b), true},
          {"1.3", KleeneNot(a), false},
          {"1.4", KleeneNot(KleeneAnd(a, b)), true},
          {"1.5", KleeneOr(KleeneNot(a), b), true},
          {"1.6", KleeneAnd(b, a), true},
      };
      for (const Expected& x : expected) {
        SCOPED_TRACE(x.id);
        EXPECT_EQ(e.verdict(x.id), VerdictOf(x.value));
        // A pending verdict names every unknown operand it read; a decided one none.
        std::vector<std::string> missing;
        if (x.value == Tv::kUnknown) {
          if (a == Tv::kUnknown) missing.push_back("program.a");
          if (x.reads_b && b == Tv::kUnknown) missing.push_back("program.b");
        }
        EXPECT_THAT(e.missing(x.id), ::testing::UnorderedElementsAreArray(missing));
        EXPECT_THAT(e.witnesses(x.id), IsEmpty());
      }
    }
  }
}

constexpr char kShortCircuit[] = R"zy(
object program {
  id: string id required
  u: bool
  v: bool
  t: bool
  f: bool
}
table teachers {
  id: string id
  ok: bool
}
)zy";

TEST(KleeneTest, ShortCircuitDoesNotHideADefiniteFalse) {
  ExpectCases(kShortCircuit, R"({
    "program": {"id": "P", "t": true, "f": false},
    "teachers": [{"id": "T1"}, {"id": "T2", "ok": false}, {"id": "T3", "ok": true}]
  })",
              {
                  // An unknown operand first does not stop the scan: a later false decides.
                  {"program.u and program.f", "not_met"},
                  {"program.u and program.v and program.f", "not_met"},
                  {"program.f and program.u", "not_met"},
                  {"program.u or program.t", "met"},
                  {"program.u or program.v or program.t", "met"},
                  {"not (program.u or program.t)", "not_met"},
                  {"not (program.u and program.f)", "met"},
                  {"(program.u or program.f) and program.t", "pending", {"program.u"}},
                  {"program.u and program.t", "pending", {"program.u"}},
                  {"program.u or program.f", "pending", {"program.u"}},
                  {"program.u and program.v", "pending", {"program.u", "program.v"}},
                  {"not program.u", "pending", {"program.u"}},
                  // Quantifiers: T1 (unknown) comes before T2 (false) and T3 (true).
                  {"every t in teachers: t.ok", "not_met"},
                  {"some t in teachers: t.ok", "met"},
                  {"no t in teachers: t.ok", "not_met"},
                  {"not (every t in teachers: t.ok)", "met"},
                  {"every t in teachers where t.id != \"T2\": t.ok", "pending", {"teachers[0].ok"}},
              });
}

// ------------------------------------------------------------------ comparisons and numbers

constexpr char kNumbers[] = R"zy(
object program {
  id: string id required
  x: number >= 0
  y: number >= 1
  z: number
  k: number
  zero: number >= 0
  name: string
  title: string
  blank: string
  role: enum(full_time, part_time)
}
)zy";

constexpr char kNumbersDossier[] = R"({
  "program": {"id": "P", "k": 7, "zero": 0, "title": "B", "blank": " \t　"}
})";

TEST(ComparisonTest, UnknownNonNegativeNumberIsZeroToInfinity) {
  const std::vector<std::string> x = {"program.x"};
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.x >= 0", "met"},
                  {"program.x > 0", "pending", x},
                  {"program.x > 5", "pending", x},
                  {"program.x >= 5", "pending", x},
                  {"program.x <= 5", "pending", x},
                  {"program.x < 0", "not_met"},
                  {"program.x <= -1", "not_met"},
                  {"program.x > -1", "met"},
                  {"program.x >= -0.5", "met"},
                  {"0 <= program.x", "met"},
                  {"0 > program.x", "not_met"},
                  {"-1 < program.x", "met"},
              });
}

TEST(ComparisonTest, MinimumOfTheFieldBoundsTheUnknown) {
  const std::vector<std::string> y = {"program.y"};
  const std::vector<std::string> z = {"program.z"};
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.y >= 1", "met"},
                  {"program.y > 1", "pending", y},
                  {"program.y < 1", "not_met"},
                  {"program.y == 0.5", "not_met"},
                  {"program.y != 0.5", "met"},
                  {"program.y == 1", "pending", y},
                  // No minimum: anything at all.
                  {"program.z >= 0", "pending", z},
                  {"program.z < 0", "pending", z},
                  {"program.z > -1000000", "pending", z},
                  {"program.z == 0", "pending", z},
              });
}

TEST(ComparisonTest, EqualityWithUnknowns) {
  const std::vector<std::string> x = {"program.x"};
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.x == -1", "not_met"},
                  {"program.x != -1", "met"},
                  {"program.x == 3", "pending", x},
                  {"program.x != 3", "pending", x},
                  {"program.x == 0", "pending", x},
                  {"program.x == program.y", "pending", {"program.x", "program.y"}},
                  {"program.x != program.y", "pending", {"program.x", "program.y"}},
                  {"program.x >= program.y", "pending", {"program.x", "program.y"}},
                  {"program.k == 7", "met"},
                  {"program.k != 7", "not_met"},
                  {"program.k == 7.0", "met"},
                  {"program.k > 7", "not_met"},
                  {"program.k >= 7", "met"},
                  {"program.k == program.x", "pending", x},
                  {"program.zero < program.y", "met"},
                  {"program.k < program.y", "pending", {"program.y"}},
              });
}

TEST(ComparisonTest, TextEqualityWithUnknown) {
  const std::vector<std::string> name = {"program.name"};
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.name == \"A\"", "pending", name},
                  {"program.name != \"A\"", "pending", name},
                  {"program.name == program.title", "pending", name},
                  {"program.title == \"B\"", "met"},
                  {"program.title != \"B\"", "not_met"},
                  {"program.title == \"A\"", "not_met"},
                  {"\"B\" == program.title", "met"},
                  {"program.role == \"full_time\"", "pending", {"program.role"}},
                  {"program.role != \"part_time\"", "pending", {"program.role"}},
                  {"program.title in [\"A\", \"B\"]", "met"},
                  {"program.title in [\"A\", \"C\"]", "not_met"},
                  {"program.title not in [\"A\", \"C\"]", "met"},
                  {"program.name in [\"A\", \"B\"]", "pending", name},
                  {"empty(program.name)", "pending", name},
                  {"nonempty(program.title)", "met"},
                  // Only-whitespace text (the full-width space included) is empty.
                  {"empty(program.blank)", "met"},
                  {"nonempty(program.blank)", "not_met"},
              });
}

TEST(ArithmeticTest, IntervalArithmeticWithUnknowns) {
  const std::vector<std::string> x = {"program.x"};
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.x + 1 >= 1", "met"},
                  {"program.x + 1 > 1", "pending", x},
                  {"program.x - 10 >= 0", "pending", x},
                  {"program.x - 10 >= -10", "met"},
                  {"program.x - 10 < -10", "not_met"},
                  {"-program.x <= 0", "met"},
                  {"-program.x > 0", "not_met"},
                  {"5 - program.x <= 5", "met"},
                  {"program.k - program.x <= 7", "met"},
                  {"program.x + program.y >= 1", "met"},
                  {"program.x + program.y > 1", "pending", {"program.x", "program.y"}},
                  {"program.k * 2 == 14", "met"},
                  {"program.k / 2 == 3.5", "met"},
                  {"program.k * 2 - 4 / 2 == 12", "met"},
                  {"-program.k == 0 - 7", "met"},
                  {"(program.k + 1) * 2 == 16", "met"},
                  // Exact rationals: no rounding.
                  {"1 / 3 * 3 == 1", "met"},
                  {"7 / 25 >= 0.28", "met"},
                  {"7 / 25 > 0.28", "not_met"},
                  {"16 / 160 >= 0.10", "met"},
                  {"0.1 + 0.2 == 0.3", "met"},
                  {"1 / 3 > 0.333333333333", "met"},
                  {"1 / 3 < 0.333333333334", "met"},
                  {"2 / 3 == 1 - 1 / 3", "met"},
              });
}

TEST(ArithmeticTest, DivisionByZeroIsUndefinedAndEveryComparisonFails) {
  ExpectCases(kNumbers, kNumbersDossier,
              {
                  {"program.k / 0 >= 0", "not_met"},
                  {"program.k / 0 < 0", "not_met"},
                  {"program.k / 0 == 0", "not_met"},
                  {"not (program.k / 0 >= 0)", "met"},
                  {"program.k / program.zero > -1", "not_met"},
                  {"program.k / program.zero <= -1", "not_met"},
                  {"program.k / program.zero == none", "met"},
                  {"program.k / (program.zero + 2) == 3.5", "met"},
                  {"program.k / 0 + 1 >= 0", "not_met"},
                  // The unknown divisor may be 0: undefined in that completion, so unknown.
                  {"10 / program.x >= 0", "pending", {"program.x"}},
              });
}

TEST(ArithmeticTest, InequalityWithUndefinedFailsLikeEveryComparison) {
  // dsl/GRAMMAR.md: "comparisons with undefined are false"; `!=` is one of them.
  Evaluation e =
      RunPack(std::string(kNumbers) +
                  CriteriaOf({{"program.k / 0 != 0", ""}, {"program.k / program.zero != 7", ""}}),
              kNumbersDossier);
  EXPECT_EQ(e.verdict("1.1"), "not_met");
  EXPECT_EQ(e.verdict("1.2"), "not_met");
}

TEST(ArithmeticTest, ProductOfAnUnboundedNonNegativeUnknown) {
  const std::vector<ExprCase> cases = {
      {"program.x * 2 >= 0", "met"},         {"program.x * 0 == 0", "met"},
      {"program.x * 2 < 0", "not_met"},      {"program.x / 2 >= 0", "met"},
      {"10 / program.y <= 10", "met"},       {"10 / program.y > 0", "met"},
      {"program.x * program.y >= 0", "met"},
  };
  Evaluation e = RunPack(std::string(kNumbers) + CriteriaOf(cases), kNumbersDossier);
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(e.verdict("1." + std::to_string(i + 1)), cases[i].verdict) << cases[i].expression;
  }
}

TEST(ArithmeticTest, DivisionByAnUnknownThatMayBeZeroMayBeNone) {
  Evaluation e = RunPack(std::string(kNumbers) + CriteriaOf({{"10 / (program.x - 1) == none", ""},
                                                             {"10 / program.x == none", ""}}),
                         kNumbersDossier);
  EXPECT_EQ(e.verdict("1.1"), "pending");
  EXPECT_EQ(e.verdict("1.2"), "pending");
}

TEST(ComparisonTest, MembershipOfAnUnknownNumberInAList) {
  // x >= 0 can be none of -1, -2; y >= 1 cannot be 0 or 0.5.
  const std::vector<ExprCase> cases = {
      {"program.x in [-1, -2]", "not_met"}, {"program.x not in [-1, -2]", "met"},
      {"program.y in [0, 0.5]", "not_met"}, {"program.x in [1, 2]", "pending", {"program.x"}},
      {"program.k in [1, 7]", "met"},       {"program.k not in [1, 7]", "not_met"},
  };
  Evaluation e = RunPack(std::string(kNumbers) + CriteriaOf(cases), kNumbersDossier);
  EXPECT_EQ(e.verdict("1.4"), "pending");
  EXPECT_EQ(e.verdict("1.5"), "met");
  EXPECT_EQ(e.verdict("1.6"), "not_met");
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(e.verdict("1." + std::to_string(i + 1)), cases[i].verdict) << cases[i].expression;
  }
}

// ------------------------------------------------------------------ none

constexpr char kNone[] = R"zy(
object program {
  id: string id required
  n1: number >= 0 nullable
  n2: number >= 0 nullable
  n3: number >= 0 nullable
  x: number >= 0
  t1: string nullable
  t2: string nullable
  t3: string
  prev: optional {
    year: number >= 0
    result: enum(met, not_met)
  }
}
)zy";

TEST(NoneTest, NullableFields) {
  ExpectCases(kNone, R"({"program": {"id": "P", "n1": null, "n3": 5, "t1": null}})",
              {
                  // null on a nullable field: known to be none.
                  {"program.n1 == none", "met"},
                  {"program.n1 != none", "not_met"},
                  {"none == program.n1", "met"},
                  {"program.n1 >= 0", "not_met"},
                  {"program.n1 < 0", "not_met"},
                  {"program.n1 == 0", "not_met"},
                  {"program.n1 + 1 >= 0", "not_met"},
                  // absent nullable: a value or none.
                  {"program.n2 == none", "pending", {"program.n2"}},
                  {"program.n2 != none", "pending", {"program.n2"}},
                  {"program.n2 >= 0", "pending", {"program.n2"}},
                  {"program.n2 < 0", "not_met"},
                  // present.
                  {"program.n3 == none", "not_met"},
                  {"program.n3 == 5", "met"},
                  // absent, not nullable: an unknown value, never none.
                  {"program.x == none", "not_met"},
                  {"program.x != none", "met"},
                  // text.
                  {"program.t1 == none", "met"},
                  {"program.t1 == \"a\"", "not_met"},
                  {"empty(program.t1)", "met"},
                  {"program.t2 == none", "pending", {"program.t2"}},
                  {"program.t3 == none", "not_met"},
              });
}

TEST(NoneTest, OptionalGroupNullOrAbsentIsNone) {
  const std::vector<ExprCase> cases = {
      {"program.prev == none", "met"},
      {"program.prev != none", "not_met"},
      {"program.prev.year >= 0", "not_met"},
      {"program.prev.year < 0", "not_met"},
      {"program.prev.result == \"met\"", "not_met"},
      {"program.prev.result == none", "met"},
      {"program.prev == none or program.prev.year < 2000", "met"},
  };
  {
    SCOPED_TRACE("null");
    ExpectCases(kNone, R"({"program": {"id": "P", "prev": null}})", cases);
  }
  {
    SCOPED_TRACE("absent");
    ExpectCases(kNone, R"({"program": {"id": "P"}})", cases);
  }
}

TEST(NoneTest, OptionalGroupPresent) {
  ExpectCases(
      kNone, R"({"program": {"id": "P", "prev": {"result": "not_met"}}})",
      {
          {"program.prev == none", "not_met"},
          {"program.prev != none", "met"},
          {"program.prev.result == \"not_met\"", "met"},
          {"program.prev.result == none", "not_met"},
          {"program.prev.year >= 0", "met"},
          {"program.prev.year >= 2000", "pending", {"program.prev.year"}},
          {"program.prev == none or program.prev.year < 2000", "pending", {"program.prev.year"}},
      });
}

// ------------------------------------------------------------------ quantifiers

constexpr char kTeachers[] = R"zy(
table teachers {
  id: string id
  ft: bool
  years: number >= 0
  ok: bool
}
)zy";

TEST(QuantifierTest, OverATableWithFilters) {
  // T4's filter `ft` is unknown; T3 is not full-time.
  ExpectCases(kTeachers, R"({"teachers": [
    {"id": "T1", "ft": true, "years": 7, "ok": true},
    {"id": "T2", "ft": true, "years": 2, "ok": false},
    {"id": "T3", "ft": false, "years": 1, "ok": true},
    {"id": "T4", "years": 9}
  ]})",
              {
                  {"every t in teachers where t.ft: t.years >= 5", "not_met"},
                  {"every t in teachers where t.ft and t.id != \"T2\": t.years >= 5", "met"},
                  {"every t in teachers where not t.ft: t.years >= 5", "not_met"},
                  {"every t in teachers where t.years < 5: t.ft", "not_met"},
                  {"every t in teachers where t.years >= 5: t.ft", "pending", {"teachers[3].ft"}},
                  {"every t in teachers where t.years > 100: false", "met"},
                  {"some t in teachers where t.years > 8: t.ft", "pending", {"teachers[3].ft"}},
                  {"some t in teachers where t.years > 5: t.ft", "met"},
                  {"some t in teachers where t.ft: t.years > 8", "pending", {"teachers[3].ft"}},
                  {"some t in teachers where t.ft: t.years > 100", "not_met"},
                  {"no t in teachers where t.ft: t.years > 8", "pending", {"teachers[3].ft"}},
                  {"no t in teachers: t.years > 100", "met"},
                  {"no t in teachers where t.ft: t.years < 3", "not_met"},
                  {"every t in teachers: t.ok", "not_met"},
                  {"every t in teachers where t.ft: t.ok", "not_met"},
                  {"some t in teachers where not t.ft: t.ok", "met"},
                  {"every t in teachers where t.years >= 7: t.ok", "pending", {"teachers[3].ok"}},
              });
}

constexpr char kStandards[] = R"zy(
table standards {
  id: string id
  points: table points (standard) ids global {
    id: string id
    ok: bool
  }
}
)zy";

TEST(QuantifierTest, OverChildTables) {
  ExpectCases(
      kStandards, R"({"standards": [
    {"id": "S1", "points": [{"id": "P1", "ok": true}, {"id": "P2", "ok": true}]},
    {"id": "S2", "points": [{"id": "P3", "ok": false}, {"id": "P4"}]},
    {"id": "S3", "points": []}
  ]})",
      {
          {"every s in standards: every p in s.points: p.ok", "not_met"},
          {"every s in standards where s.id != \"S2\": every p in s.points: p.ok", "met"},
          {"every p in points: p.ok", "not_met"},
          {"every p in points where p.id != \"P3\": p.ok",
           "pending",
           {"standards[1].points[1].ok"}},
          {"every s in standards: nonempty(s.points)", "not_met"},
          {"some p in points: not p.ok", "met"},
          {"some s in standards: every p in s.points: not p.ok", "met"},
          {"every s in standards where s.id == \"S3\": some p in s.points: true", "not_met"},
          {"every p in points where not p.ok: p.standard.id == \"S2\"", "met"},
          {"some p in points where p.standard.id == \"S1\": not p.ok", "not_met"},
      });
}

TEST(QuantifierTest, ChildTableWhenAParentsArrayIsAbsent) {
  // S2 has no `points`: the table `points` may hold more rows than the dossier shows.
  ExpectCases(
      kStandards, R"({"standards": [
    {"id": "S1", "points": [{"id": "P1", "ok": true}]},
    {"id": "S2"}
  ]})",
      {
          {"some p in points: p.ok", "met"},
          {"every s in standards: every p in s.points: p.ok", "pending", {"standards[1].points"}},
          {"some s in standards: some p in s.points: not p.ok", "pending", {"standards[1].points"}},
          {"every s in standards where s.id == \"S1\": every p in s.points: p.ok", "met"},
          {"nonempty(points)", "met"},
      });
}

TEST(QuantifierTest, ChildTableWhenAParentsArrayIsAbsentNamesTheArray) {
  Evaluation e = RunPack(kStandards + CriteriaOf({{"every p in points: p.ok", ""},
                                                  {"some p in points: not p.ok", ""},
                                                  {"no p in points: not p.ok", ""}}),
                         R"({"standards": [
    {"id": "S1", "points": [{"id": "P1", "ok": true}]},
    {"id": "S2"}
  ]})");
  EXPECT_EQ(e.verdict("1.1"), "pending");
  EXPECT_EQ(e.verdict("1.2"), "pending");
  EXPECT_EQ(e.verdict("1.3"), "pending");
  for (const char* id : {"1.1", "1.2", "1.3"}) {
    EXPECT_THAT(e.missing(id), ElementsAre("standards[1].points")) << id;
  }
}

constexpr char kCourses[] = R"zy(
table teachers {
  id: string id
  years: number >= 0
}
table courses {
  id: string id
  industry: bool
  lecturers: list ref(teachers) inverse lectures
  tags: list string
}
)zy";

TEST(QuantifierTest, OverListFields) {
  ExpectCases(
      kCourses, R"({
    "teachers": [{"id": "T1", "years": 7}, {"id": "T2", "years": 1}, {"id": "T3"}],
    "courses": [
      {"id": "C1", "tags": ["a", "b"], "lecturers": ["T1"]},
      {"id": "C2", "tags": [], "lecturers": ["T1", "T3"]},
      {"id": "C3", "lecturers": []}
    ]
  })",
      {
          {"every c in courses: every g in c.tags: g in [\"a\", \"b\", \"c\"]",
           "pending",
           {"courses[2].tags"}},
          {"every c in courses where c.id != \"C3\": every g in c.tags: g in [\"a\", \"b\"]",
           "met"},
          {"some c in courses: \"b\" in c.tags", "met"},
          {"some c in courses: \"z\" in c.tags", "pending", {"courses[2].tags"}},
          {"no c in courses: \"z\" in c.tags", "pending", {"courses[2].tags"}},
          {"every c in courses: \"a\" in c.tags", "not_met"},
          {"every c in courses where c.id == \"C2\": every g in c.tags: false", "met"},
          {"every c in courses where c.id == \"C2\": some g in c.tags: true", "not_met"},
          {"every c in courses: every t in c.lecturers: t.years >= 5",
           "pending",
           {"teachers[2].years"}},
          {"every c in courses where c.id == \"C1\": every t in c.lecturers: t.years >= 5", "met"},
          {"some c in courses: some t in c.lecturers: t.years < 5",
           "pending",
           {"teachers[2].years"}},
      });
}

TEST(QuantifierTest, InverseWithUnknownMembership) {
  // C2's lecturers are absent: it may be lectured by any teacher.
  ExpectCases(
      kCourses, R"({
    "teachers": [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}],
    "courses": [
      {"id": "C1", "industry": true, "lecturers": ["T1"]},
      {"id": "C2", "industry": true},
      {"id": "C3", "industry": false, "lecturers": ["T2"]}
    ]
  })",
      {
          {"some t in teachers: some c in t.lectures: c.id == \"C1\"", "met"},
          {"every t in teachers: some c in t.lectures: c.industry",
           "pending",
           {"courses[1].lecturers"}},
          {"every t in teachers: every c in t.lectures: c.industry", "not_met"},
          {"every t in teachers where t.id != \"T2\": every c in t.lectures: c.industry", "met"},
          {"every t in teachers: nonempty(t.lectures)", "pending", {"courses[1].lecturers"}},
          {"every t in teachers where t.id == \"T3\": empty(t.lectures)",
           "pending",
           {"courses[1].lecturers"}},
          {"every t in teachers: count(c in t.lectures) <= 1", "pending", {"courses[1].lecturers"}},
          {"every t in teachers: count(c in t.lectures) <= 2", "met"},
          {"some t in teachers: count(c in t.lectures) >= 3", "not_met"},
          {"every t in teachers: count(c in t.lectures where c.industry) <= 1",
           "pending",
           {"courses[1].lecturers"}},
          {"every t in teachers: count(c in t.lectures where not c.industry) <= 1", "met"},
      });
}

TEST(QuantifierTest, InverseWithKnownMembership) {
  ExpectCases(kCourses, R"({
    "teachers": [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}],
    "courses": [
      {"id": "C1", "industry": true, "lecturers": ["T1", "T2"]},
      {"id": "C2", "industry": true, "lecturers": []},
      {"id": "C3", "industry": false, "lecturers": ["T2"]}
    ]
  })",
              {
                  {"every t in teachers where t.id != \"T3\": nonempty(t.lectures)", "met"},
                  {"every t in teachers where t.id == \"T3\": empty(t.lectures)", "met"},
                  {"every t in teachers: every c in t.lectures: c.industry", "not_met"},
                  {"every t in teachers: count(c in t.lectures) <= 1", "not_met"},
                  {"some c in courses: some t in c.lecturers: count(d in t.lectures) == 2", "met"},
              });
}

TEST(QuantifierTest, OverAbsentTables) {
  ExpectCases(
      kCourses, R"({"teachers": [{"id": "T1", "years": 3}]})",
      {
          {"every c in courses: c.industry", "pending", {"courses"}},
          {"some c in courses: c.industry", "pending", {"courses"}},
          {"no c in courses: c.industry", "pending", {"courses"}},
          {"every t in teachers: every c in t.lectures: c.industry", "pending", {"courses"}},
          {"every t in teachers: empty(t.lectures)", "pending", {"courses"}},
          {"empty(courses)", "pending", {"courses"}},
          {"count(courses) >= 1", "pending", {"courses"}},
          {"count(courses) >= 0", "met"},
          // A definite false still decides.
          {"(every c in courses: c.industry) and (every t in teachers: t.years >= 5)", "not_met"},
      });
}

TEST(QuantifierTest, ListOfReferencesIntoAnAbsentTable) {
  // References into an absent table are not load errors (semantics 20); what they name is
  // unknown.
  Evaluation e =
      RunPack(R"zy(
table teachers {
  id: string id
  ok: bool
}
table students {
  id: string id
  mentors: list ref(teachers)
  supervisor: ref(teachers)
}
requirement 1 "R" {
  criterion 1.1 computed "list" = every s in students: every t in s.mentors: t.ok
  criterion 1.2 computed "single" = every s in students: s.supervisor.ok
}
)zy",
              R"({"students": [{"id": "S1", "mentors": ["T1", "T2"], "supervisor": "T1"}]})");
  EXPECT_EQ(e.verdict("1.1"), "pending");
  EXPECT_EQ(e.verdict("1.2"), "pending");
  EXPECT_THAT(e.missing("1.2"), ElementsAre("students[0].supervisor"));
  EXPECT_THAT(e.missing("1.1"), Not(IsEmpty()));
}

TEST(QuantifierTest, OverAnAbsentSingletonsChildTable) {
  ExpectCases(R"zy(
object program {
  id: string id required
  flag: bool
  members: table members { name: string }
}
)zy",
              R"({})",
              {
                  {"program.flag", "pending", {"program"}},
                  {"every m in members: nonempty(m.name)", "pending", {"members"}},
              });
}

TEST(QuantifierTest, EmptyPopulations) {
  ExpectCases(
      kCourses, R"({"teachers": [], "courses": [{"id": "C1", "tags": []}]})",
      {
          {"every t in teachers: t.years >= 5", "met"},
          {"some t in teachers: t.years >= 5", "not_met"},
          {"no t in teachers: t.years >= 5", "met"},
          {"every c in courses where c.industry: false", "pending", {"courses[0].industry"}},
          {"every c in courses: every g in c.tags: false", "met"},
          {"every c in courses: some g in c.tags: true", "not_met"},
          {"every c in courses: empty(c.lecturers)", "pending", {"courses[0].lecturers"}},
          {"empty(teachers)", "met"},
          {"every c in courses where c.id == \"none\": false", "met"},
          {"some c in courses where c.id == \"none\": true", "not_met"},
      });
}

TEST(QuantifierTest, OverListLiterals) {
  ExpectCases(kCourses, R"({"courses": [{"id": "C1", "tags": ["a", "b"]}]})",
              {
                  {"every k in [\"a\", \"b\"]: some c in courses: k in c.tags", "met"},
                  {"every k in [\"a\", \"z\"]: some c in courses: k in c.tags", "not_met"},
                  {"some k in [\"y\", \"z\"]: some c in courses: k in c.tags", "not_met"},
                  {"every n in [1, 2, 3]: n <= 3", "met"},
                  {"some n in [1, 2, 3]: n > 2", "met"},
                  {"count(n in [1, 2, 3] where n >= 2) == 2", "met"},
              });
}

// ------------------------------------------------------------------ witnesses

constexpr char kWitnesses[] = R"zy(
object program {
  id: string id required
  flag: bool
  t: bool
}
table teachers {
  id: string id
  ok: bool
  years: number >= 0
  ft: bool
}
table courses {
  id: string id
  industry: bool
  tags: list string
  lecturers: list ref(teachers) inverse lectures
}
table judgements {
  criterion: key
  verdict: enum(met, not_met)
}
def all_ok() = every t in teachers: t.ok
requirement 1 "witnesses" {
  criterion 1.1 computed "every" = every t in teachers: t.ok
  criterion 1.2 computed "and of everys" =
      (every t in teachers: t.ok) and (every c in courses: c.industry)
      and (every t in teachers: t.years >= 5)
  criterion 1.3 computed "some" = some t in teachers: t.years > 100
  criterion 1.4 computed "ratio" = ratio(t in teachers: t.ok) >= 0.9
  criterion 1.5 computed "count" = count(t in teachers where t.ok) >= 9
  criterion 1.6 computed "no" = no t in teachers: not t.ok
  criterion 1.7 computed "not some" = not (some t in teachers: not t.ok)
  criterion 1.8 computed "or" = (every t in teachers: t.ok) or program.flag
  criterion 1.9 computed "literal" = every k in ["x", "a", "y", "b", "z"]: some c in courses: k in c.tags
  criterion 1.10 computed "nested" = every c in courses: every t in c.lecturers: t.ok
  criterion 1.11 computed "def" = all_ok()
  criterion 1.12 computed "filter" = every t in teachers where t.ft: t.ok
  criterion 1.13 computed "and with a false part" = program.t and (every t in teachers: t.ok) and program.flag
  criterion 1.14 computed+judged "judged every" = every t in teachers: t.ok
  criterion 1.15 computed "inverse" = every t in teachers: every c in t.lectures: c.industry
}
)zy";

// Teachers in dossier order T9, T2, T5, T1, T7: T9 and T5 fail `ok`, T1 is unknown.
constexpr char kWitnessDossier[] = R"({
  "program": {"id": "P", "flag": false, "t": true},
  "teachers": [
    {"id": "T9", "ok": false, "years": 9, "ft": true},
    {"id": "T2", "ok": true, "years": 1, "ft": true},
    {"id": "T5", "ok": false, "years": 6},
    {"id": "T1", "years": 5, "ft": true},
    {"id": "T7", "ok": true, "years": 3, "ft": false}
  ],
  "courses": [
    {"id": "C3", "industry": true, "tags": ["b"], "lecturers": ["T2"]},
    {"id": "C1", "industry": false, "tags": ["a"], "lecturers": ["T5", "T2", "T9"]},
    {"id": "C2", "industry": false, "tags": [], "lecturers": ["T1"]}
  ],
  "judgements": [{"criterion": "1.14", "verdict": "met"}]
})";

TEST(WitnessTest, EveryNamesTheDefinitelyFailingMembersInDossierOrder) {
  Evaluation e = RunPack(kWitnesses, kWitnessDossier);
  EXPECT_EQ(e.verdict("1.1"), "not_met");
  EXPECT_THAT(e.witnesses("1.1"), ElementsAre("T9", "T5"));  // T1 (unknown) is not one
  EXPECT_THAT(e.missing("1.1"), IsEmpty());
  EXPECT_EQ(e.verdict("1.11"), "not_met");  // through a definition
  EXPECT_THAT(e.witnesses("1.11"), ElementsAre("T9", "T5"));
  // T5's filter is unknown: it may not be a member, so it is not a witness.
  EXPECT_EQ(e.verdict("1.12"), "not_met");
  EXPECT_THAT(e.witnesses("1.12"), ElementsAre("T9"));
  // A nested `every` names the outer members only, each once.
  EXPECT_EQ(e.verdict("1.10"), "not_met");
  EXPECT_THAT(e.witnesses("1.10"), ElementsAre("C1"));
  EXPECT_EQ(e.verdict("1.15"), "not_met");
  EXPECT_THAT(e.witnesses("1.15"), ElementsAre("T9", "T2", "T5", "T1"));
}

TEST(WitnessTest, AndOfEverysConcatenatesInOrder) {
  Evaluation e = RunPack(kWitnesses, kWitnessDossier);
  EXPECT_EQ(e.verdict("1.2"), "not_met");
  EXPECT_THAT(e.witnesses("1.2"), ElementsAre("T9", "T5", "C1", "C2", "T2", "T7"));
  // The `and` spine keeps its `every`s' witnesses whatever the other parts say.
  EXPECT_EQ(e.verdict("1.13"), "not_met");
  EXPECT_THAT(e.witnesses("1.13"), ElementsAre("T9", "T5"));
}

TEST(WitnessTest, NoneFromSharesCountsExistentialsOrDisjunctions) {
  Evaluation e = RunPack(kWitnesses, kWitnessDossier);
  for (const char* id : {"1.3", "1.4", "1.5", "1.6", "1.7", "1.8"}) {
    SCOPED_TRACE(id);
    EXPECT_EQ(e.verdict(id), "not_met");
    EXPECT_THAT(e.witnesses(id), IsEmpty());
  }
}

TEST(WitnessTest, QuantifierOverAListLiteralNamesTheLiteralTexts) {
  Evaluation e = RunPack(kWitnesses, kWitnessDossier);
  EXPECT_EQ(e.verdict("1.9"), "not_met");
  EXPECT_THAT(e.witnesses("1.9"), ElementsAre("x", "y", "z"));
}

TEST(WitnessTest, ComputedAndJudgedKeepsTheDataWitnesses) {
  Evaluation e = RunPack(kWitnesses, kWitnessDossier);
  const CriterionResult& c = e.criterion("1.14");
  EXPECT_EQ(c.verdict, Verdict::kNotMet);
  ASSERT_TRUE(c.judgement.has_value());
  EXPECT_EQ(*c.judgement, Verdict::kMet);
  EXPECT_THAT(c.witnesses, ElementsAre("T9", "T5"));
}

TEST(WitnessTest, PendingEveryHasNoWitnesses) {
  Evaluation e = RunPack(kWitnesses, R"({
    "program": {"id": "P"},
    "teachers": [{"id": "T1", "ok": true}, {"id": "T2"}],
    "courses": []
  })");
  EXPECT_EQ(e.verdict("1.1"), "pending");
  EXPECT_THAT(e.witnesses("1.1"), IsEmpty());
  EXPECT_THAT(e.missing("1.1"), ElementsAre("teachers[1].ok"));
}

// ------------------------------------------------------------------ criterion kinds

constexpr char kKinds[] = R"zy(
object program {
  id: string id required
  d: bool
}
table judgements {
  criterion: key
  verdict: enum(met, not_met)
  requirement: key
  distinction: bool
}
table materials {
  requirement: key
  item: number >= 0
}
levels {
  not_met "未达到"
  met "达到"
  distinction "优秀"
}
requirement 1 "kinds" {
  criterion 1.1 judged "judged"
  criterion 1.2 computed+judged "both" = program.d
  material 1.1 "plan"
}
requirement 2 "materials" {
  criterion 2.1 computed "provided" = provided("2.1")
  criterion 2.2 computed "not provided" = not provided("2.2")
  material 2.1 "first"
  material 2.2 "second"
}
requirement 3 "met" {
  criterion 3.1 computed "reads 1.2" = met("1.2")
  criterion 3.2 computed "reads requirement 1" = not met("1")
  criterion 3.3 computed "reads a later criterion" = met("4.1")
}
requirement 4 "later" {
  criterion 4.1 computed "d" = program.d
}
)zy";

std::string KindsDossier(const char* d, const char* judgements, const char* materials = "") {
  std::string json = std::string(R"({"program": {"id": "P")") + d + "}";
  if (*judgements) json += std::string(R"(, "judgements": )") + judgements;
  if (*materials) json += std::string(R"(, "materials": )") + materials;
  return json + "}";
}

TEST(CriterionKindTest, JudgedWithoutAJudgementsTableIsPending) {
  Evaluation e = RunPack(kKinds, KindsDossier("", ""));
  const CriterionResult& c = e.criterion("1.1");
  EXPECT_EQ(c.kind, "judged");
  EXPECT_EQ(c.verdict, Verdict::kPending);
  EXPECT_THAT(c.missing, ElementsAre("judgements"));
  EXPECT_FALSE(c.judgement.has_value());
  EXPECT_FALSE(c.value.has_value());
  EXPECT_THAT(c.witnesses, IsEmpty());
}

TEST(CriterionKindTest, JudgedWithoutAJudgementForItIsPending) {
  Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.2", "verdict": "met"}])"));
  EXPECT_EQ(e.verdict("1.1"), "pending");
  EXPECT_THAT(e.missing("1.1"), ElementsAre("judgements[criterion=1.1]"));
}

TEST(CriterionKindTest, JudgedFollowsTheLastJudgement) {
  {
    Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.1", "verdict": "met"}])"));
    EXPECT_EQ(e.verdict("1.1"), "met");
    EXPECT_EQ(e.criterion("1.1").judgement, Verdict::kMet);
    EXPECT_THAT(e.missing("1.1"), IsEmpty());
  }
  {
    Evaluation e =
        RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.1", "verdict": "not_met"}])"));
    EXPECT_EQ(e.verdict("1.1"), "not_met");
    EXPECT_EQ(e.criterion("1.1").judgement, Verdict::kNotMet);
  }
  {
    Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.1", "verdict": "met"},
                                                    {"criterion": "1.2", "verdict": "met"},
                                                    {"criterion": "1.1", "verdict": "not_met"}])"));
    EXPECT_EQ(e.verdict("1.1"), "not_met");
  }
  {
    Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.1", "verdict": "not_met"},
                                                    {"criterion": "1.1", "verdict": "met"}])"));
    EXPECT_EQ(e.verdict("1.1"), "met");
  }
}

TEST(CriterionKindTest, AJudgementWithoutAVerdictLeavesItPending) {
  Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.1", "verdict": "met"},
                                                      {"criterion": "1.1"}])"));
  EXPECT_EQ(e.verdict("1.1"), "pending");  // the last one wins, and says nothing
  EXPECT_FALSE(e.criterion("1.1").judgement.has_value());
  EXPECT_THAT(e.missing("1.1"), Not(IsEmpty()));
}

TEST(CriterionKindTest, ComputedAndJudgedIsTheKleeneAndOfDataAndJudgement) {
  struct Case {
    const char* d;           // the data: program.d
    const char* judgements;  // "" = no judgements table
    const char* verdict;
    std::vector<std::string> missing;
  };
  const char* kMet = R"([{"criterion": "1.2", "verdict": "met"}])";
  const char* kNotMet = R"([{"criterion": "1.2", "verdict": "not_met"}])";
  const char* kOther = R"([{"criterion": "1.1", "verdict": "met"}])";
  const std::vector<Case> cases = {
      {R"(, "d": true)", kMet, "met", {}},
      {R"(, "d": true)", kNotMet, "not_met", {}},
      {R"(, "d": true)", kOther, "pending", {"judgements[criterion=1.2]"}},
      {R"(, "d": true)", "", "pending", {"judgements"}},
      {R"(, "d": false)", kMet, "not_met", {}},
      {R"(, "d": false)", kNotMet, "not_met", {}},
      {R"(, "d": false)", kOther, "not_met", {}},
      {R"(, "d": false)", "", "not_met", {}},
      {"", kMet, "pending", {"program.d"}},
      {"", kNotMet, "not_met", {}},
      {"", kOther, "pending", {"program.d", "judgements[criterion=1.2]"}},
      {"", "", "pending", {"program.d", "judgements"}},
  };
  for (const Case& x : cases) {
    std::string json = KindsDossier(x.d, x.judgements);
    SCOPED_TRACE(json);
    Evaluation e = RunPack(kKinds, json);
    const CriterionResult& c = e.criterion("1.2");
    EXPECT_EQ(c.kind, "computed+judged");
    EXPECT_EQ(VerdictName(c.verdict), std::string(x.verdict));
    EXPECT_THAT(c.missing, ::testing::UnorderedElementsAreArray(x.missing));
    if (x.judgements == kMet) EXPECT_EQ(c.judgement, Verdict::kMet);
    if (x.judgements == kNotMet) EXPECT_EQ(c.judgement, Verdict::kNotMet);
    if (x.judgements == kOther || *x.judgements == '\0') EXPECT_FALSE(c.judgement.has_value());
  }
}

TEST(CriterionKindTest, ProvidedReadsTheMaterialsTable) {
  {
    SCOPED_TRACE("materials absent");
    Evaluation e = RunPack(kKinds, KindsDossier("", ""));
    EXPECT_EQ(e.verdict("2.1"), "pending");
    EXPECT_THAT(e.missing("2.1"), ElementsAre("materials"));
    EXPECT_EQ(e.verdict("2.2"), "pending");
    for (const MaterialResult& m : e.requirement("2").materials) {
      EXPECT_FALSE(m.provided.has_value()) << m.id;
    }
  }
  {
    SCOPED_TRACE("2.1 provided, requirement as a number");
    Evaluation e = RunPack(kKinds, KindsDossier("", "", R"([{"requirement": 2, "item": 1}])"));
    EXPECT_EQ(e.verdict("2.1"), "met");
    EXPECT_EQ(e.verdict("2.2"), "met");
    const RequirementResult& r = e.requirement("2");
    ASSERT_EQ(r.materials.size(), 2u);
    EXPECT_EQ(r.materials[0].id, "2.1");
    EXPECT_EQ(r.materials[0].title, "first");
    EXPECT_EQ(r.materials[0].provided, true);
    EXPECT_EQ(r.materials[1].id, "2.2");
    EXPECT_EQ(r.materials[1].provided, false);
    ASSERT_EQ(e.requirement("1").materials.size(), 1u);
    EXPECT_EQ(e.requirement("1").materials[0].provided, false);
  }
  {
    SCOPED_TRACE("both provided, requirement as text");
    Evaluation e = RunPack(kKinds, KindsDossier("", "",
                                                R"([{"requirement": "2", "item": 2},
                                                {"requirement": "2", "item": 1}])"));
    EXPECT_EQ(e.verdict("2.1"), "met");
    EXPECT_EQ(e.verdict("2.2"), "not_met");
  }
  {
    SCOPED_TRACE("another requirement's item 1");
    Evaluation e = RunPack(kKinds, KindsDossier("", "", R"([{"requirement": 1, "item": 1}])"));
    EXPECT_EQ(e.verdict("2.1"), "not_met");
    EXPECT_THAT(e.missing("2.1"), IsEmpty());
    EXPECT_EQ(e.requirement("1").materials[0].provided, true);
  }
}

TEST(CriterionKindTest, MetReadsOtherVerdicts) {
  {
    Evaluation e = RunPack(kKinds, KindsDossier(R"(, "d": true)",
                                                R"([{"criterion": "1.1", "verdict": "met"},
                                                {"criterion": "1.2", "verdict": "met"}])"));
    EXPECT_EQ(e.verdict("3.1"), "met");
    EXPECT_EQ(e.verdict("3.2"), "not_met");  // requirement 1 is met
    EXPECT_EQ(e.verdict("3.3"), "met");      // 4.1 is declared after 3.3
  }
  {
    Evaluation e = RunPack(kKinds, KindsDossier(R"(, "d": false)", "[]"));
    EXPECT_EQ(e.verdict("3.1"), "not_met");
    EXPECT_EQ(e.verdict("3.2"), "met");  // requirement 1 is not met
    EXPECT_EQ(e.verdict("3.3"), "not_met");
  }
  {
    Evaluation e = RunPack(kKinds, KindsDossier("", R"([{"criterion": "1.2", "verdict": "met"}])"));
    EXPECT_EQ(e.verdict("3.1"), "pending");
    EXPECT_EQ(e.verdict("3.2"), "pending");
    EXPECT_EQ(e.verdict("3.3"), "pending");
  }
}

// ------------------------------------------------------------------ requirements and levels

constexpr char kPolicies[] = R"zy(
object program {
  id: string id required
  a: bool
  b: bool
  c: bool
}
table judgements {
  criterion: key
  verdict: enum(met, not_met)
  requirement: key
  distinction: bool
}
levels {
  not_met "未达到专门要求"
  met "达到专门要求"
  distinction "达到专门要求+特色"
}
requirement 1 "all" {
  criterion 1.1 computed "a" = program.a
  criterion 1.2 computed "b" = program.b
  criterion 1.3 computed "c" = program.c
}
requirement 2 "at least 2" {
  pass at least 2
  criterion 2.1 computed "a" = program.a
  criterion 2.2 computed "b" = program.b
  criterion 2.3 computed "c" = program.c
}
)zy";

std::string Abc(const char* a, const char* b, const char* c, const char* judgements = nullptr) {
  std::string json = R"({"program": {"id": "P")";
  auto put = [&](const char* name, const char* value) {
    if (*value) json += std::string(", \"") + name + "\": " + value;
  };
  put("a", a);
  put("b", b);
  put("c", c);
  json += "}";
  if (judgements) json += std::string(R"(, "judgements": )") + judgements;
  return json + "}";
}

TEST(RequirementTest, PassPolicies) {
  struct Case {
    const char *a, *b, *c;
    const char* all;
    const char* at_least_2;
  };
  // "" = absent (pending).
  const std::vector<Case> cases = {
      {"true", "true", "true", "met", "met"},
      {"true", "true", "false", "not_met", "met"},
      {"true", "false", "false", "not_met", "not_met"},
      {"false", "false", "false", "not_met", "not_met"},
      {"true", "true", "", "pending", "met"},
      {"true", "", "false", "not_met", "pending"},
      {"true", "", "", "pending", "pending"},
      {"", "", "", "pending", "pending"},
      {"false", "false", "", "not_met", "not_met"},
      {"", "false", "", "not_met", "pending"},
  };
  for (const Case& x : cases) {
    std::string json = Abc(x.a, x.b, x.c);
    SCOPED_TRACE(json);
    Evaluation e = RunPack(kPolicies, json);
    EXPECT_EQ(VerdictName(e.requirement("1").verdict), std::string(x.all));
    EXPECT_EQ(VerdictName(e.requirement("2").verdict), std::string(x.at_least_2));
    EXPECT_EQ(e.requirement("1").level, std::string(x.all));
    EXPECT_EQ(e.requirement("2").level, std::string(x.at_least_2));
  }
}

TEST(RequirementTest, ReportsPolicyTitleAndCriteriaInOrder) {
  Evaluation e = RunPack(kPolicies, Abc("true", "true", "true"));
  const RequirementResult& all = e.requirement("1");
  EXPECT_EQ(all.title, "all");
  EXPECT_EQ(all.at_least, -1);
  ASSERT_EQ(all.criteria.size(), 3u);
  EXPECT_EQ(all.criteria[0].id, "1.1");
  EXPECT_EQ(all.criteria[2].id, "1.3");
  EXPECT_EQ(e.requirement("2").at_least, 2);
  ASSERT_EQ(e.report().requirements.size(), 2u);
  EXPECT_EQ(e.report().requirements[0].id, "1");
}

TEST(RequirementTest, Levels) {
  const char* kDistinction1 = R"([{"requirement": "1", "distinction": true}])";
  {
    SCOPED_TRACE("met with a distinction");
    Evaluation e = RunPack(kPolicies, Abc("true", "true", "true", kDistinction1));
    EXPECT_EQ(e.requirement("1").level, "distinction");
    EXPECT_EQ(e.requirement("1").level_label, "达到专门要求+特色");
    EXPECT_EQ(e.requirement("1").verdict, Verdict::kMet);
    EXPECT_EQ(e.requirement("2").level, "met");  // the distinction is requirement 1's only
    EXPECT_EQ(e.requirement("2").level_label, "达到专门要求");
  }
  {
    SCOPED_TRACE("requirement id as a number");
    Evaluation e = RunPack(
        kPolicies, Abc("true", "true", "true", R"([{"requirement": 2, "distinction": true}])"));
    EXPECT_EQ(e.requirement("1").level, "met");
    EXPECT_EQ(e.requirement("2").level, "distinction");
  }
  {
    SCOPED_TRACE("met without a distinction");
    Evaluation e = RunPack(kPolicies, Abc("true", "true", "true", "[]"));
    EXPECT_EQ(e.requirement("1").level, "met");
    Evaluation f = RunPack(
        kPolicies, Abc("true", "true", "true", R"([{"requirement": 1, "distinction": false}])"));
    EXPECT_EQ(f.requirement("1").level, "met");
  }
  {
    SCOPED_TRACE("not met, with a distinction");
    Evaluation e = RunPack(kPolicies, Abc("true", "false", "true", kDistinction1));
    EXPECT_EQ(e.requirement("1").level, "not_met");
    EXPECT_EQ(e.requirement("1").level_label, "未达到专门要求");
  }
  {
    SCOPED_TRACE("pending, with a distinction");
    Evaluation e = RunPack(kPolicies, Abc("true", "", "true", kDistinction1));
    EXPECT_EQ(e.requirement("1").level, "pending");
    EXPECT_EQ(e.requirement("1").verdict, Verdict::kPending);
  }
}

// ------------------------------------------------------------------ overall, eligibility

constexpr char kOverall[] = R"zy(
object program {
  id: string id required
  status: enum(passed, failed, pending)
  a: bool
  b: bool
  year: number >= 0
  first: number >= 0
}
requirement 1 "a" {
  criterion 1.1 computed "a" = program.a
}
requirement 2 "b" {
  criterion 2.1 computed "b" = program.b
}
overall "结论" {
  refused "未通过" when program.status == "failed"
  waiting "待定" when program.status != "passed"
  good "通过且达到" when met("1") and met("2")
  bad "通过但未达到" otherwise
}
eligibility graduated "第一届学生已毕业" = program.first <= program.year
eligibility anything "总是" = true
)zy";

std::string StatusAb(const char* status, const char* a, const char* b) {
  std::string json = R"({"program": {"id": "P")";
  if (*status) json += std::string(R"(, "status": ")") + status + "\"";
  if (*a) json += std::string(R"(, "a": )") + a;
  if (*b) json += std::string(R"(, "b": )") + b;
  return json + "}}";
}

TEST(OverallTest, FirstTrueCaseWinsAndAnUnknownConditionIsPending) {
  struct Case {
    const char *status, *a, *b;
    const char* overall;
    const char* label;
  };
  const std::vector<Case> cases = {
      {"failed", "true", "true", "refused", "未通过"},
      {"failed", "", "", "refused", "未通过"},
      {"pending", "true", "true", "waiting", "待定"},
      {"passed", "true", "true", "good", "通过且达到"},
      {"passed", "true", "false", "bad", "通过但未达到"},
      {"passed", "false", "", "bad", "通过但未达到"},  // not_met beats pending
      {"passed", "true", "", "pending", ""},           // no case named pending
      // An unknown first condition stops the list, whatever the later cases say.
      {"", "true", "true", "pending", ""},
      {"", "false", "false", "pending", ""},
  };
  for (const Case& x : cases) {
    std::string json = StatusAb(x.status, x.a, x.b);
    SCOPED_TRACE(json);
    Evaluation e = RunPack(kOverall, json);
    EXPECT_EQ(e.report().overall, x.overall);
    EXPECT_EQ(e.report().overall_label, x.label);
  }
}

TEST(OverallTest, WithoutOverallDeclarationIsPending) {
  Evaluation e = RunPack(kFlags, R"({"program": {"id": "P", "a": true, "b": true}})");
  EXPECT_EQ(e.report().overall, "pending");
  EXPECT_THAT(e.report().eligibility, IsEmpty());
}

TEST(EligibilityTest, RulesAreEvaluatedInOrderWithTheirMessages) {
  auto eligibility = [](const char* json) {
    Evaluation e = RunPack(kOverall, json);
    std::vector<std::string> out;
    for (const EligibilityResult& r : e.report().eligibility) {
      out.push_back(r.id + "=" + VerdictName(r.verdict));
    }
    return out;
  };
  EXPECT_THAT(eligibility(R"({"program": {"id": "P", "first": 2020, "year": 2021}})"),
              ElementsAre("graduated=met", "anything=met"));
  EXPECT_THAT(eligibility(R"({"program": {"id": "P", "first": 2021, "year": 2021}})"),
              ElementsAre("graduated=met", "anything=met"));
  EXPECT_THAT(eligibility(R"({"program": {"id": "P", "first": 2022, "year": 2021}})"),
              ElementsAre("graduated=not_met", "anything=met"));
  EXPECT_THAT(eligibility(R"({"program": {"id": "P", "year": 2021}})"),
              ElementsAre("graduated=pending", "anything=met"));
  Evaluation e = RunPack(kOverall, R"({"program": {"id": "P"}})");
  EXPECT_EQ(e.eligibility("graduated").message, "第一届学生已毕业");
}

// ------------------------------------------------------------------ report values

constexpr char kValues[] = R"zy(
param need = 2
table teachers {
  id: string id
  ft: bool
  years: number >= 0
  ok: bool
}
table standards {
  id: string id
  points: table points (standard) ids global {
    id: string id
    ok: bool
  }
}
requirement 1 "values" {
  criterion 1.1 computed "count" = count(t in teachers where t.ft) >= need
  criterion 1.2 computed "sum" = sum(t in teachers: t.years) <= 20
  criterion 1.3 computed "every" = every t in teachers where t.ft: t.ok
  criterion 1.4 computed "and" = count(teachers) >= 1 and (every t in teachers: t.ok)
  criterion 1.5 computed "every then count" = (every t in teachers: t.ok) and count(teachers) >= 1
  criterion 1.6 computed "plain" = some t in teachers: t.ok
  criterion 1.7 computed "nested" = every p in points: p.ok
  criterion 1.8 computed "ratio" = ratio(t in teachers: t.ft) > 0.5
}
)zy";

TEST(ReportValueTest, ComparisonExact) {
  Evaluation e = RunPack(kValues, R"({"teachers": [
    {"id": "T1", "ft": true, "years": 3, "ok": true},
    {"id": "T2", "ft": true, "years": 4, "ok": true},
    {"id": "T3", "ft": false, "years": 5, "ok": false}
  ]})");
  const CriterionResult& c = e.criterion("1.1");
  EXPECT_EQ(c.verdict, Verdict::kMet);
  EXPECT_EQ(c.comparison, ">=");
  ASSERT_TRUE(c.value.has_value());
  ASSERT_TRUE(c.threshold.has_value());
  EXPECT_EQ(c.value->value, 2);
  EXPECT_EQ(c.value->exact, "2");
  EXPECT_FALSE(c.value->minimum.has_value());
  EXPECT_FALSE(c.value->maximum.has_value());
  EXPECT_FALSE(c.value->undefined);
  EXPECT_EQ(c.threshold->value, 2);
  EXPECT_EQ(c.threshold->exact, "2");
  const CriterionResult& sum = e.criterion("1.2");
  EXPECT_EQ(sum.comparison, "<=");
  EXPECT_EQ(sum.value->exact, "12");
  EXPECT_EQ(sum.threshold->exact, "20");
  const CriterionResult& share = e.criterion("1.8");
  EXPECT_EQ(share.verdict, Verdict::kMet);
  EXPECT_EQ(share.comparison, ">");
  EXPECT_DOUBLE_EQ(share.value->value, 2.0 / 3.0);
  EXPECT_EQ(share.threshold->exact, "0.5");
}

TEST(ReportValueTest, ComparisonRanged) {
  Evaluation e = RunPack(kValues, R"({"teachers": [
    {"id": "T1", "ft": true, "years": 3},
    {"id": "T2", "years": 4},
    {"id": "T3", "ft": false}
  ]})");
  const CriterionResult& count = e.criterion("1.1");
  EXPECT_EQ(count.verdict, Verdict::kPending);
  ASSERT_TRUE(count.value.has_value());
  EXPECT_EQ(count.value->minimum, 1.0);
  EXPECT_EQ(count.value->maximum, 2.0);
  EXPECT_EQ(count.value->exact, "");
  EXPECT_THAT(count.missing, ElementsAre("teachers[1].ft"));
  const CriterionResult& sum = e.criterion("1.2");
  EXPECT_EQ(sum.verdict, Verdict::kPending);
  EXPECT_EQ(sum.value->minimum, 7.0);
  EXPECT_FALSE(sum.value->maximum.has_value());  // unbounded above
  EXPECT_THAT(sum.missing, ElementsAre("teachers[2].years"));
}

TEST(ReportValueTest, EveryReportsHoldingCountOverMembers) {
  Evaluation e = RunPack(kValues, R"({"teachers": [
    {"id": "T1", "ft": true, "ok": true},
    {"id": "T2", "ft": true, "ok": false},
    {"id": "T3", "ft": false, "ok": false},
    {"id": "T4", "ft": true, "ok": true},
    {"id": "T5", "ok": false}
  ]})");
  const CriterionResult& c = e.criterion("1.3");
  EXPECT_EQ(c.verdict, Verdict::kNotMet);
  EXPECT_EQ(c.comparison, "all");
  ASSERT_TRUE(c.value && c.threshold);
  EXPECT_EQ(c.value->exact, "2");      // T1, T4 hold
  EXPECT_EQ(c.threshold->exact, "3");  // T1, T2, T4 are definite members
  EXPECT_THAT(c.witnesses, ElementsAre("T2"));
  // In an `and`, the first part with a measure gives it.
  EXPECT_EQ(e.criterion("1.4").comparison, ">=");
  EXPECT_EQ(e.criterion("1.4").value->exact, "5");
  EXPECT_EQ(e.criterion("1.5").comparison, "all");
  EXPECT_EQ(e.criterion("1.5").value->exact, "2");
  EXPECT_EQ(e.criterion("1.5").threshold->exact, "5");
  // An existential has none.
  EXPECT_FALSE(e.criterion("1.6").value.has_value());
  EXPECT_EQ(e.criterion("1.6").comparison, "");
}

TEST(ReportValueTest, MissingNamesTheAbsentCells) {
  Evaluation e = RunPack(kValues, R"({
    "teachers": [{"id": "T1", "ok": true}, {"id": "T2", "ft": true}],
    "standards": [
      {"id": "S1", "points": [{"id": "P1", "ok": true}]},
      {"id": "S2", "points": [{"id": "P2", "ok": true}, {"id": "P3"}]}
    ]
  })");
  EXPECT_THAT(e.missing("1.3"), ElementsAre("teachers[0].ft", "teachers[1].ok"));
  EXPECT_THAT(e.missing("1.7"), ElementsAre("standards[1].points[1].ok"));
  EXPECT_EQ(e.verdict("1.7"), "pending");
  EXPECT_EQ(e.criterion("1.7").value->exact, "2");
  EXPECT_EQ(e.criterion("1.7").threshold->exact, "3");
}

TEST(ReportValueTest, MessageSaysWhy) {
  Evaluation e = RunPack(kValues, R"({"teachers": [
    {"id": "T1", "ft": true, "ok": true},
    {"id": "T2", "ft": true, "ok": false}
  ]})");
  EXPECT_THAT(e.criterion("1.3").message, ::testing::HasSubstr("T2"));
  EXPECT_FALSE(e.criterion("1.1").message.empty());
}

}  // namespace
}  // namespace zhuoyue::eval_test
