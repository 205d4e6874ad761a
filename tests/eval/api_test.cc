// The public API around evaluation (include/zhuoyue/zhuoyue.hpp): rule and dossier
// diagnostics, parameter overrides, pack/dossier pairing, and the JSON report
// (shared/spec/report-v1.md), with small packs written here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "eval/test_util.h"
#include "small_stack.h"
#include "zhuoyue/explain.h"

namespace zhuoyue::eval_test {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using Json = nlohmann::json;

constexpr char kRules[] = R"zy(pack demo version "2.1" "示例"
param share = 0.25 "国际化教师比例下限"
param strict = false
param label = "x"
object program {
  id: string id required
  name: string
  status: enum(passed, failed, pending)
  x: number
}
table teachers "教师" {
  id: string id
  intl: bool
  years: number >= 0
  role: enum(full_time, part_time)
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
requirement 1 "教师" {
  criterion 1.1 computed "国际化教师比例" = ratio(t in teachers: t.intl) >= share
  criterion 1.2 computed "经验" = every t in teachers: t.years >= 5
  criterion 1.3 judged "专家判断"
  criterion 1.4 computed "严格" = not strict or count(teachers) >= 5
  criterion 1.5 computed "标签" = label == "x" and nonempty(teachers)
  material 1.1 "计划"
}
requirement 2 "未知" {
  pass at least 1
  criterion 2.1 computed "全未知" = program.x >= 0
  criterion 2.2 computed+judged "数据与判断" = some t in teachers: t.role == "part_time"
}
overall "结论" {
  failed "未通过" when program.status == "failed"
  good "通过" when met("1") and met("2")
  bad "未达到" otherwise
}
eligibility named "有名称" = nonempty(program.name)
)zy";

constexpr char kDossier[] = R"({
  "format": "zhuoyue.dossier/1",
  "program": {"id": "P-1", "name": "软件工程", "status": "passed"},
  "teachers": [
    {"id": "T1", "intl": true, "years": 7, "role": "full_time"},
    {"id": "T2", "intl": false, "years": 2, "role": "full_time"},
    {"id": "T3", "intl": false, "years": 9},
    {"id": "T4", "years": 6, "role": "full_time"}
  ],
  "judgements": [{"criterion": "1.3", "verdict": "met"}],
  "materials": [{"requirement": 1, "item": 1}]
})";

std::shared_ptr<const Pack> DemoPack() {
  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::FromSources({{"demo.zy", kRules}}, &diagnostics);
  EXPECT_TRUE(pack.ok()) << pack.status();
  EXPECT_THAT(diagnostics, IsEmpty());
  return pack.ok() ? *pack : nullptr;
}

std::shared_ptr<const Dossier> DemoDossier(const Pack& pack) {
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(pack, kDossier, "demo.json", &diagnostics);
  EXPECT_TRUE(dossier.ok()) << dossier.status();
  return dossier.ok() ? *dossier : nullptr;
}

const CriterionResult* Find(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      if (c.id == id) return &c;
    }
  }
  return nullptr;
}

// ------------------------------------------------------------------ Pack::FromSources

struct Compiled {
  absl::StatusOr<std::shared_ptr<const Pack>> pack;
  std::vector<Diagnostic> diagnostics;
};

Compiled Compile(const std::vector<SourceText>& sources) {
  Compiled result{absl::UnknownError("not run"), {}};
  result.pack = Pack::FromSources(sources, &result.diagnostics);
  return result;
}

TEST(PackFromSourcesTest, SyntaxErrorIsLocated) {
  Compiled c = Compile({{"rules.zy",
                         "pack t version \"1\"\nrequirement 1 \"R\" {\n"
                         "  criterion 1.1 computed \"x\" = 1 +\n}\n"}});
  ASSERT_FALSE(c.pack.ok());
  EXPECT_EQ(c.pack.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(c.diagnostics.size(), 1u);
  const Diagnostic& d = c.diagnostics[0];
  EXPECT_EQ(d.code, "ZY1001");
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "rules.zy");
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.column, 1);
  EXPECT_THAT(d.message, HasSubstr("expected expression"));
  EXPECT_EQ(d.Format().rfind("rules.zy:4:1: error: ", 0), 0u) << d.Format();
  // The status carries the first problem for callers that print only the status.
  EXPECT_THAT(std::string(c.pack.status().message()), HasSubstr("rules.zy:4:1"));
}

// The deepest expressions the parser accepts compile and evaluate on a 256 KiB stack: the
// checker and the evaluator recurse along the same nesting.
TEST(PackFromSourcesTest, DeepestAcceptedNestingRunsOnASmallStack) {
  auto repeat = [](std::string_view text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
  };
  const std::string rules =
      "pack t version \"1\"\ntable teachers {\n  id: string id\n  years: number >= 0\n}\n"
      "requirement 1 \"R\" {\n"
      "  criterion 1.1 computed \"parentheses\" = every t in teachers: " +
      repeat("(", 30) + "t.years >= 5" + repeat(")", 30) +
      "\n  criterion 1.2 computed \"not\" = every t in teachers: " + repeat("not ", 30) +
      "t.years >= 5\n  criterion 1.3 computed \"minus\" = every t in teachers: " +
      repeat("- ", 30) + "t.years >= 5\n}\n";
  std::vector<std::string> verdicts;
  testing_support::OnSmallStack([&] {
    Compiled c = Compile({{"rules.zy", rules}});
    ASSERT_TRUE(c.pack.ok()) << c.pack.status();
    auto dossier = Dossier::FromJson(
        **c.pack, R"({"teachers": [{"id": "T1", "years": 7}, {"id": "T2", "years": 3}]})", "d",
        nullptr);
    ASSERT_TRUE(dossier.ok()) << dossier.status();
    absl::StatusOr<Report> report = Evaluate(**c.pack, **dossier);
    ASSERT_TRUE(report.ok()) << report.status();
    for (const RequirementResult& r : report->requirements) {
      for (const CriterionResult& criterion : r.criteria) {
        verdicts.push_back(std::string(VerdictName(criterion.verdict)));
      }
    }
  });
  // 1.1: T2 has 3 years. 1.2: 30 nots leave it as it is. 1.3: 30 minus signs leave 7 and 3.
  EXPECT_THAT(verdicts, ElementsAre("not_met", "not_met", "not_met"));
}

// A rule iterating a table inside an iteration of it inside another costs rows^3 steps: the
// step limit stops it with ResourceExhausted naming the criterion, in Evaluate and in
// ExplainCriterion alike; under the limit the same rule evaluates.
TEST(EvaluateTest, StepLimitStopsACostlyRule) {
  Compiled c =
      Compile({{"rules.zy",
                "pack t version \"1\"\ntable teachers {\n  id: string id\n  years: number\n}\n"
                "requirement 1 \"R\" {\n"
                "  criterion 1.1 computed \"cheap\" = count(teachers) > 0\n"
                "  criterion 1.2 computed \"cubic\" = every a in teachers: every b in "
                "teachers: every t in teachers: a.years + b.years + t.years >= 0\n}\n"}});
  ASSERT_TRUE(c.pack.ok()) << c.pack.status();
  Json teachers = Json::array();
  for (int i = 0; i < 40; ++i) teachers.push_back({{"id", "T" + std::to_string(i)}, {"years", i}});
  auto dossier = Dossier::FromJson(**c.pack, Json{{"teachers", teachers}}.dump(), "d", nullptr);
  ASSERT_TRUE(dossier.ok()) << dossier.status();

  EvaluateOptions limited;
  limited.max_steps = 10000;  // 40^3 = 64,000 bodies, each several steps
  absl::StatusOr<Report> stopped = Evaluate(**c.pack, **dossier, limited);
  ASSERT_EQ(stopped.status().code(), absl::StatusCode::kResourceExhausted) << stopped.status();
  EXPECT_THAT(
      std::string(stopped.status().message()),
      AllOf(HasSubstr("after 10000 steps"), HasSubstr("criterion 1.2"), HasSubstr("max_steps")));
  absl::StatusOr<Trace> trace = ExplainCriterion(**c.pack, **dossier, "1.2", limited);
  EXPECT_EQ(trace.status().code(), absl::StatusCode::kResourceExhausted);

  absl::StatusOr<Report> report = Evaluate(**c.pack, **dossier);  // the default: 10^9
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->requirements[0].criteria[1].verdict, Verdict::kMet);
}

// Thousands of errors: the first 100 in order, then ZY1003 at the first one left out.
TEST(PackFromSourcesTest, ErrorsAreCappedAtOneHundred) {
  std::string rules = "pack t version \"1\"\n";
  for (int i = 0; i < 5000; ++i) rules += "param p" + std::to_string(i) + " =\n";
  Compiled c = Compile({{"rules.zy", rules}});
  ASSERT_FALSE(c.pack.ok());
  ASSERT_EQ(c.diagnostics.size(), 101u);
  for (size_t i = 0; i < 100; ++i) {
    EXPECT_EQ(c.diagnostics[i].code, "ZY1001");
    EXPECT_EQ(c.diagnostics[i].line, static_cast<int>(i) + 3);  // each `=` fails on the next line
  }
  EXPECT_EQ(c.diagnostics[100].code, "ZY1003");
  EXPECT_EQ(c.diagnostics[100].line, 103);
  EXPECT_EQ(c.diagnostics[100].message, "too many errors; stopped after 100 (4900 more not shown)");
}

// A rule file over 16 MiB is refused before it is read.
TEST(PackFromSourcesTest, HugeRuleFilesAreRefused) {
  char dir[] = "/tmp/zy_huge_rules_XXXXXX";  // mkdtemp template: a fresh folder
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/huge.zy";
  {
    std::ofstream out(path, std::ios::binary);
    out << "pack t version \"1\"\n" << std::string((16 << 20) + 1, '#');
  }
  absl::StatusOr<std::shared_ptr<const Pack>> pack = Pack::FromPath(path, nullptr);
  EXPECT_EQ(pack.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(pack.status().message()),
              HasSubstr("a rule file may be at most 16777216 bytes"));
  std::filesystem::remove_all(dir);
}

TEST(PackFromSourcesTest, UnknownFieldSuggestsTheNearestName) {
  Compiled c = Compile({{"schema.zy",
                         "pack t version \"1\"\ntable teachers {\n  id: string id\n"
                         "  years: number >= 0\n}\n"},
                        {"rules.zy",
                         "requirement 1 \"R\" {\n  criterion 1.1 computed \"x\" =\n"
                         "    every t in teachers: t.yeers >= 5\n}\n"}});
  ASSERT_FALSE(c.pack.ok());
  EXPECT_EQ(c.pack.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(c.diagnostics.size(), 1u);
  const Diagnostic& d = c.diagnostics[0];
  EXPECT_EQ(d.code, "ZY1102");
  EXPECT_EQ(d.file, "rules.zy");  // the file of the error, not the first one
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 26);
  EXPECT_THAT(d.message, HasSubstr("yeers"));
  EXPECT_EQ(d.help, "did you mean `years`?");
}

TEST(PackFromSourcesTest, EveryProblemIsReported) {
  Compiled c = Compile({{"rules.zy", R"zy(pack t version "1"
table teachers { id: string id
  years: number >= 0 }
def loop(t: teachers) = loop(t)
requirement 1 "R" {
  pass at least 5
  criterion 1.1 computed "type" = count(teachers)
  criterion 1.2 computed "id" = met("9.9")
  criterion 1.3 computed "recursion" = every t in teachers: loop(t)
  criterion 1.4 computed "name" = unknown_name >= 1
}
)zy"}});
  ASSERT_FALSE(c.pack.ok());
  std::vector<std::string> codes;
  for (const Diagnostic& d : c.diagnostics) {
    codes.push_back(d.code);
    EXPECT_EQ(d.file, "rules.zy");
    EXPECT_GT(d.line, 0) << d.Format();
    EXPECT_GT(d.column, 0) << d.Format();
    EXPECT_FALSE(d.message.empty());
  }
  EXPECT_THAT(codes, ::testing::IsSupersetOf({"ZY1103", "ZY1108", "ZY1105", "ZY1101", "ZY1109"}));
}

TEST(PackFromSourcesTest, MissingHeaderAndMissingJudgementsTable) {
  Compiled no_header = Compile({{"a.zy", "table t { id: string id }\n"}});
  ASSERT_FALSE(no_header.pack.ok());
  ASSERT_FALSE(no_header.diagnostics.empty());
  EXPECT_EQ(no_header.diagnostics[0].code, "ZY1110");
  EXPECT_EQ(no_header.diagnostics[0].file, "a.zy");

  Compiled judged = Compile(
      {{"a.zy", "pack t version \"1\"\nrequirement 1 \"R\" { criterion 1.1 judged \"j\" }\n"}});
  ASSERT_FALSE(judged.pack.ok());
  ASSERT_EQ(judged.diagnostics.size(), 1u);
  EXPECT_EQ(judged.diagnostics[0].code, "ZY1110");
  EXPECT_THAT(judged.diagnostics[0].message, HasSubstr("judgements"));
}

TEST(PackFromSourcesTest, NullDiagnosticsStillFails) {
  auto pack = Pack::FromSources({{"a.zy", "pack t version \"1\"\nrequirement 1 {"}}, nullptr);
  EXPECT_FALSE(pack.ok());
  EXPECT_EQ(pack.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(PackFromSourcesTest, NameVersionAndParams) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  EXPECT_EQ(pack->name(), "demo");
  EXPECT_EQ(pack->version(), "2.1");
  EXPECT_THAT(pack->Params(), ElementsAre(std::pair<std::string, std::string>("share", "0.25"),
                                          std::pair<std::string, std::string>("strict", "false"),
                                          std::pair<std::string, std::string>("label", "\"x\"")));
}

// ------------------------------------------------------------------ Dossier::FromJson

TEST(DossierFromJsonTest, MalformedJsonIsLocated) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(*pack, "{\n  \"teachers\": [\n    {\"id\": \"T1\"},,\n  ]\n}\n",
                                   "bad.json", &diagnostics);
  ASSERT_FALSE(dossier.ok());
  EXPECT_EQ(dossier.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.size(), 1u);
  const Diagnostic& d = diagnostics[0];
  EXPECT_EQ(d.code, "ZY2001");
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "bad.json");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 18);
  EXPECT_THAT(std::string(dossier.status().message()), HasSubstr("bad.json:3:18"));
}

TEST(DossierFromJsonTest, SchemaViolationsAreLocatedByPointer) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(*pack, R"({
    "program": {"id": "P"},
    "teachers": [
      {"id": "T1", "years": "seven"},
      {"id": "T2", "role": "visitor"},
      {"id": "T3", "years": -1},
      {"id": "T1"}
    ]
  })",
                                   "bad.json", &diagnostics);
  ASSERT_FALSE(dossier.ok());
  std::vector<std::string> found;
  for (const Diagnostic& d : diagnostics) {
    EXPECT_EQ(d.file, "bad.json");
    found.push_back(d.code + " " + d.pointer);
  }
  EXPECT_THAT(found,
              ::testing::UnorderedElementsAre("ZY2002 /teachers/0/years", "ZY2003 /teachers/1/role",
                                              "ZY2006 /teachers/2/years", "ZY2004 /teachers/3/id"));
}

TEST(DossierFromJsonTest, MissingRequiredField) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(*pack, R"({"program": {"name": "x"}})", "d.json", &diagnostics);
  ASSERT_FALSE(dossier.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, "ZY2007");
  EXPECT_EQ(diagnostics[0].pointer, "/program");
  EXPECT_THAT(diagnostics[0].message, HasSubstr("id"));
}

// ------------------------------------------------------------------ Evaluate

TEST(EvaluateTest, DefaultsAndResults) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  absl::StatusOr<Report> report = Evaluate(*pack, *dossier);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->program, "P-1");
  EXPECT_EQ(report->program_name, "软件工程");
  EXPECT_EQ(report->pack, "demo");
  EXPECT_EQ(report->pack_version, "2.1");
  EXPECT_THAT(report->params, ElementsAre(std::pair<std::string, std::string>("share", "0.25"),
                                          std::pair<std::string, std::string>("strict", "false"),
                                          std::pair<std::string, std::string>("label", "\"x\"")));
  ASSERT_NE(Find(*report, "1.1"), nullptr);
  // T1 of 4 is international, T4 unknown: [1/4, 2/4] >= 0.25.
  EXPECT_EQ(Find(*report, "1.1")->verdict, Verdict::kMet);
  EXPECT_EQ(Find(*report, "1.2")->verdict, Verdict::kNotMet);
  EXPECT_THAT(Find(*report, "1.2")->witnesses, ElementsAre("T2"));
  EXPECT_EQ(Find(*report, "1.3")->verdict, Verdict::kMet);
  EXPECT_EQ(Find(*report, "1.4")->verdict, Verdict::kMet);
  EXPECT_EQ(Find(*report, "1.5")->verdict, Verdict::kMet);
  EXPECT_EQ(report->requirements[0].verdict, Verdict::kNotMet);
  EXPECT_EQ(report->overall, "bad");
  EXPECT_EQ(report->overall_label, "未达到");
}

TEST(EvaluateTest, UnknownParameterSuggestsTheNearestName) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  absl::StatusOr<Report> report = Evaluate(*pack, *dossier, {{{"shar", "0.3"}}});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(report.status().message()),
              AllOf(HasSubstr("shar"), HasSubstr("did you mean `share`?")));

  absl::StatusOr<Report> far = Evaluate(*pack, *dossier, {{{"completely_different", "1"}}});
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(far.status().message()),
              AllOf(HasSubstr("completely_different"), Not(HasSubstr("did you mean"))));
}

TEST(EvaluateTest, WrongTypedParameterValue) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"share", "abc"},
                                                        {"share", "true"},
                                                        {"share", ""},
                                                        {"share", "1e999"},
                                                        {"strict", "yes"},
                                                        {"strict", "1"},
                                                        {"strict", "0.5"}}) {
    SCOPED_TRACE(name + "=" + value);
    absl::StatusOr<Report> report = Evaluate(*pack, *dossier, {{{name, value}}});
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(report.status().message()), HasSubstr(name));
  }
}

TEST(EvaluateTest, ParameterOverridesChangeVerdicts) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  {
    // [1/4, 2/4] against 0.3: pending; against 0.6: not met; against 0.2: met.
    auto pending = Evaluate(*pack, *dossier, {{{"share", "0.3"}}});
    ASSERT_TRUE(pending.ok()) << pending.status();
    EXPECT_EQ(Find(*pending, "1.1")->verdict, Verdict::kPending);
    EXPECT_EQ(Find(*pending, "1.1")->threshold->exact, "0.3");
    EXPECT_THAT(Find(*pending, "1.1")->missing, ElementsAre("teachers[3].intl"));
    EXPECT_EQ(pending->params[0], (std::pair<std::string, std::string>("share", "0.3")));
    auto not_met = Evaluate(*pack, *dossier, {{{"share", "0.6"}}});
    ASSERT_TRUE(not_met.ok());
    EXPECT_EQ(Find(*not_met, "1.1")->verdict, Verdict::kNotMet);
    auto fraction = Evaluate(*pack, *dossier, {{{"share", "0.5"}}});
    ASSERT_TRUE(fraction.ok());
    EXPECT_EQ(Find(*fraction, "1.1")->verdict, Verdict::kPending);
    auto low = Evaluate(*pack, *dossier, {{{"share", "0.2"}}});
    ASSERT_TRUE(low.ok());
    EXPECT_EQ(Find(*low, "1.1")->verdict, Verdict::kMet);
  }
  {
    auto strict = Evaluate(*pack, *dossier, {{{"strict", "true"}}});
    ASSERT_TRUE(strict.ok());
    EXPECT_EQ(Find(*strict, "1.4")->verdict, Verdict::kNotMet);  // 4 teachers, not 5
    EXPECT_EQ(strict->params[1], (std::pair<std::string, std::string>("strict", "true")));
  }
  {
    auto quoted = Evaluate(*pack, *dossier, {{{"label", "\"y\""}}});
    ASSERT_TRUE(quoted.ok());
    EXPECT_EQ(Find(*quoted, "1.5")->verdict, Verdict::kNotMet);
    EXPECT_EQ(quoted->params[2], (std::pair<std::string, std::string>("label", "\"y\"")));
    auto bare = Evaluate(*pack, *dossier, {{{"label", "x"}}});
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(Find(*bare, "1.5")->verdict, Verdict::kMet);
  }
  {
    // Several overrides at once; the pack's defaults are untouched.
    auto both = Evaluate(*pack, *dossier, {{{"share", "0.75"}, {"label", "z"}}});
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(Find(*both, "1.1")->verdict, Verdict::kNotMet);
    EXPECT_EQ(Find(*both, "1.5")->verdict, Verdict::kNotMet);
    EXPECT_EQ(pack->Params()[0].second, "0.25");
    auto again = Evaluate(*pack, *dossier);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(Find(*again, "1.1")->verdict, Verdict::kMet);
  }
}

TEST(EvaluateTest, DossierOfAnotherPackIsRejected) {
  std::shared_ptr<const Pack> pack = DemoPack();
  std::shared_ptr<const Pack> twin = DemoPack();  // same text, another pack
  ASSERT_TRUE(pack && twin);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  absl::StatusOr<Report> report = Evaluate(*twin, *dossier);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  auto builtin = Pack::Builtin();
  ASSERT_TRUE(builtin.ok()) << builtin.status();
  EXPECT_EQ(Evaluate(**builtin, *dossier).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Evaluate(*pack, *dossier).ok());
}

TEST(EvaluateTest, ConcurrentEvaluationsAgree) {
  // A Pack and a Dossier are immutable and shareable; Evaluate is reentrant.
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  auto expected = Evaluate(*pack, *dossier);
  ASSERT_TRUE(expected.ok());
  const std::string expected_json = ReportToJson(*expected);
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      EvaluateOptions options;
      if (i % 2 == 1) options.params = {{"share", "0.3"}};
      for (int round = 0; round < 20; ++round) {
        auto report = Evaluate(*pack, *dossier, options);
        results[i] = report.ok() ? ReportToJson(*report) : std::string(report.status().message());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  auto other = Evaluate(*pack, *dossier, {{{"share", "0.3"}}});
  ASSERT_TRUE(other.ok());
  const std::string other_json = ReportToJson(*other);
  EXPECT_NE(expected_json, other_json);
  for (size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], i % 2 == 1 ? other_json : expected_json) << i;
  }
}

// ------------------------------------------------------------------ ReportToJson

bool IsVerdict(const Json& value) {
  return value.is_string() && (value == "met" || value == "not_met" || value == "pending");
}

bool IsStringArray(const Json& value) {
  if (!value.is_array()) return false;
  for (const Json& item : value) {
    if (!item.is_string()) return false;
  }
  return true;
}

Json DemoJson(const EvaluateOptions& options = {}) {
  std::shared_ptr<const Pack> pack = DemoPack();
  if (!pack) return Json();
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  if (!dossier) return Json();
  absl::StatusOr<Report> report = Evaluate(*pack, *dossier, options);
  EXPECT_TRUE(report.ok()) << report.status();
  if (!report.ok()) return Json();
  std::string text = ReportToJson(*report);
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(json.is_discarded()) << text;
  return json;
}

TEST(ReportJsonTest, HasTheKeysAndTypesOfReportV1) {
  Json json = DemoJson();
  ASSERT_TRUE(json.is_object());
  EXPECT_EQ(json["format"], "zhuoyue.report/1");
  EXPECT_EQ(json["program"], "P-1");
  ASSERT_TRUE(json["rules"].is_object());
  EXPECT_EQ(json["rules"]["pack"], "demo");
  EXPECT_EQ(json["rules"]["version"], "2.1");
  ASSERT_TRUE(json["rules"]["params"].is_object());
  EXPECT_TRUE(json["rules"]["params"]["share"].is_number());
  EXPECT_DOUBLE_EQ(json["rules"]["params"]["share"].get<double>(), 0.25);
  EXPECT_EQ(json["rules"]["params"]["strict"], false);
  EXPECT_EQ(json["rules"]["params"]["label"], "x");
  EXPECT_EQ(json["overall"], "bad");

  ASSERT_TRUE(json["eligibility"].is_array());
  ASSERT_EQ(json["eligibility"].size(), 1u);
  EXPECT_EQ(json["eligibility"][0]["id"], "named");
  EXPECT_EQ(json["eligibility"][0]["verdict"], "met");
  EXPECT_TRUE(json["eligibility"][0]["message"].is_string());

  ASSERT_TRUE(json["general_standard"].is_array());

  ASSERT_TRUE(json["requirements"].is_array());
  ASSERT_EQ(json["requirements"].size(), 2u);
  for (const Json& r : json["requirements"]) {
    SCOPED_TRACE(r.dump());
    EXPECT_TRUE(r["id"].is_string());
    EXPECT_TRUE(IsVerdict(r["verdict"]));
    EXPECT_TRUE(r["level"] == "not_met" || r["level"] == "met" || r["level"] == "distinction" ||
                r["level"] == "pending");
    ASSERT_TRUE(r["criteria"].is_array());
    for (const Json& c : r["criteria"]) {
      SCOPED_TRACE(c.dump());
      EXPECT_TRUE(c["id"].is_string());
      EXPECT_TRUE(c["kind"] == "computed" || c["kind"] == "judged" ||
                  c["kind"] == "computed+judged");
      EXPECT_TRUE(IsVerdict(c["verdict"]));
      if (c.contains("value")) EXPECT_TRUE(c["value"].is_number() || c["value"].is_null());
      if (c.contains("threshold")) {
        EXPECT_TRUE(c["threshold"].is_number() || c["threshold"].is_null());
      }
      EXPECT_TRUE(IsStringArray(c["witnesses"]));
      EXPECT_TRUE(IsStringArray(c["missing"]));
      EXPECT_TRUE(c["message"].is_string());
    }
    ASSERT_TRUE(r["materials"].is_array());
    for (const Json& m : r["materials"]) {
      EXPECT_TRUE(m["id"].is_string());
      EXPECT_TRUE(m["provided"].is_boolean() || m["provided"].is_null());
    }
  }
  const Json& r1 = json["requirements"][0];
  EXPECT_EQ(r1["id"], "1");
  EXPECT_EQ(r1["verdict"], "not_met");
  EXPECT_EQ(r1["level"], "not_met");
  ASSERT_EQ(r1["criteria"].size(), 5u);
  EXPECT_EQ(r1["criteria"][0]["id"], "1.1");
  EXPECT_EQ(r1["criteria"][1]["witnesses"], Json::array({"T2"}));
  EXPECT_EQ(r1["criteria"][1]["value"], 3);  // "all": 3 of 4 hold
  EXPECT_EQ(r1["criteria"][1]["threshold"], 4);
  EXPECT_EQ(r1["criteria"][2]["kind"], "judged");
  EXPECT_EQ(r1["materials"], Json::parse(R"([{"id": "1.1", "provided": true, "title": "计划"}])"));
  const Json& r2 = json["requirements"][1];
  EXPECT_EQ(r2["verdict"], "pending");
  EXPECT_EQ(r2["level"], "pending");
  EXPECT_EQ(r2["criteria"][1]["kind"], "computed+judged");
  EXPECT_EQ(r2["criteria"][1]["verdict"], "pending");
  EXPECT_EQ(r2["criteria"][1]["missing"],
            Json::array({"teachers[2].role", "judgements[criterion=2.2]"}));

  ASSERT_TRUE(json["coverage"].is_object());
  for (const char* key :
       {"uncovered_points", "unassessed_points", "courses_without_assessment", "orphan_courses"}) {
    EXPECT_TRUE(IsStringArray(json["coverage"][key])) << key;
  }
}

TEST(ReportJsonTest, ValuesExactRangedAndUndefined) {
  Json json = DemoJson({{{"share", "0.3"}}});
  ASSERT_TRUE(json.is_object());
  const Json& ratio = json["requirements"][0]["criteria"][0];
  EXPECT_EQ(ratio["verdict"], "pending");
  EXPECT_TRUE(ratio["value"].is_null());  // a range: [1/4, 2/4]
  EXPECT_EQ(ratio["value_range"], Json::parse(R"({"min": 0.25, "max": 0.5})"));
  EXPECT_DOUBLE_EQ(ratio["threshold"].get<double>(), 0.3);
  EXPECT_EQ(ratio["comparison"], ">=");
  EXPECT_EQ(ratio["missing"], Json::array({"teachers[3].intl"}));

  Evaluation e = RunPack(R"zy(
table teachers {
  id: string id
  intl: bool
  load: number >= 0
}
requirement 1 "values" {
  criterion 1.1 computed "undefined" = mean(t in teachers where t.intl: t.load) >= 1
  criterion 1.2 computed "exact" = ratio(t in teachers: t.intl) >= 0.25
  criterion 1.3 computed "unbounded" = sum(t in teachers: t.load) >= 1
}
)zy",
                         R"({"teachers": [{"id": "T1", "intl": false, "load": 4},
                                          {"id": "T2", "intl": false}]})");
  Json values = Json::parse(ReportToJson(e.report()));
  const Json& criteria = values["requirements"][0]["criteria"];
  EXPECT_EQ(criteria[0]["verdict"], "not_met");
  EXPECT_TRUE(criteria[0]["value"].is_null());
  EXPECT_FALSE(criteria[0].contains("value_range"));
  EXPECT_EQ(criteria[1]["verdict"], "not_met");
  EXPECT_EQ(criteria[1]["value"], 0);
  EXPECT_EQ(criteria[1]["threshold"], 0.25);
  EXPECT_EQ(criteria[2]["verdict"], "met");
  EXPECT_TRUE(criteria[2]["value"].is_null());
  EXPECT_EQ(criteria[2]["value_range"], Json::parse(R"({"min": 4, "max": null})"));
}

TEST(ReportJsonTest, AWhollyUnknownValueIsNotReportedAsZero) {
  Evaluation e = RunPack(R"zy(
object program {
  id: string id required
  z: number
}
requirement 1 "values" {
  criterion 1.1 computed "unknown" = program.z >= 0
}
)zy",
                         R"({"program": {"id": "P"}})");
  const CriterionResult& c = e.criterion("1.1");
  EXPECT_EQ(c.verdict, Verdict::kPending);
  ASSERT_TRUE(c.value.has_value());
  Json json = Json::parse(ReportToJson(e.report()));
  const Json& criterion = json["requirements"][0]["criteria"][0];
  EXPECT_TRUE(criterion["value"].is_null());
  EXPECT_THAT(c.message, Not(HasSubstr("measured 0")));
}

TEST(ReportJsonTest, LevelsAndJudgementsInJson) {
  Evaluation e = RunPack(R"zy(
object program {
  id: string id required
}
table judgements {
  criterion: key
  verdict: enum(met, not_met)
  requirement: key
  distinction: bool
}
levels {
  not_met "未达到"
  met "达到"
  distinction "优秀"
}
requirement 1 "R" {
  criterion 1.1 judged "j"
}
)zy",
                         R"({"program": {"id": "P"},
                             "judgements": [{"criterion": "1.1", "verdict": "met"},
                                            {"requirement": "1", "distinction": true}]})");
  Json json = Json::parse(ReportToJson(e.report()));
  const Json& r = json["requirements"][0];
  EXPECT_EQ(r["verdict"], "met");
  EXPECT_EQ(r["level"], "distinction");
  EXPECT_EQ(r["level_label"], "优秀");
  EXPECT_EQ(r["criteria"][0]["judgement"], "met");
  EXPECT_EQ(r["criteria"][0]["witnesses"], Json::array());
  EXPECT_EQ(r["criteria"][0]["missing"], Json::array());
}

TEST(ReportTextTest, SummaryMentionsTheCriteria) {
  std::shared_ptr<const Pack> pack = DemoPack();
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = DemoDossier(*pack);
  ASSERT_TRUE(dossier);
  auto report = Evaluate(*pack, *dossier);
  ASSERT_TRUE(report.ok());
  std::string text = ReportToText(*report, /*color=*/false);
  EXPECT_THAT(text, AllOf(HasSubstr("1.1"), HasSubstr("2.2"), HasSubstr("T2")));
  EXPECT_EQ(text.find("\x1b["), std::string::npos);  // no colour asked
  EXPECT_NE(ReportToText(*report, /*color=*/true).find("\x1b["), std::string::npos);
}

// ------------------------------------------------------------------ coverage lists

constexpr char kCoverage[] = R"zy(
standard general_standard "通用标准" {
  G1 "one"
  G2 "two"
}
table school_standard {
  id: string id
  covers: list ref(general_standard) inverse covered_by
  points: table points (school_standard) ids global {
    id: string id
  }
}
table courses {
  id: string id
  supports: table supports (course) {
    point: ref(points) inverse supported_by
  }
  assessments: table assessments (course) ids global {
    id: string id
    points: table assessment_points (assessment) {
      point: ref(points) inverse measured_by
    }
  }
}
requirement 1 "R" {
  criterion 1.1 computed "every G covered" = every g in general_standard: nonempty(g.covered_by)
}
)zy";

TEST(CoverageTest, ListsTheGapsInDossierOrder) {
  Evaluation e = RunPack(kCoverage, R"({
    "school_standard": [
      {"id": "S1", "covers": ["G1"], "points": [{"id": "P1"}, {"id": "P2"}]},
      {"id": "S2", "covers": [], "points": [{"id": "P3"}]}
    ],
    "courses": [
      {"id": "C1", "supports": [{"point": "P1"}],
       "assessments": [{"id": "A1", "points": [{"point": "P1"}]}]},
      {"id": "C2", "supports": [], "assessments": []},
      {"id": "C3", "supports": [{"point": "P2"}], "assessments": [{"id": "A2", "points": []}]}
    ]
  })");
  const Report& report = e.report();
  ASSERT_EQ(report.general_standard.size(), 2u);
  EXPECT_EQ(report.general_standard[0].id, "G1");
  EXPECT_EQ(report.general_standard[0].text, "one");
  EXPECT_EQ(report.general_standard[0].verdict, Verdict::kMet);
  EXPECT_THAT(report.general_standard[0].covered_by, ElementsAre("S1"));
  EXPECT_EQ(report.general_standard[1].verdict, Verdict::kNotMet);
  EXPECT_THAT(report.general_standard[1].covered_by, IsEmpty());
  EXPECT_EQ(e.verdict("1.1"), "not_met");
  EXPECT_THAT(e.witnesses("1.1"), ElementsAre("G2"));
  EXPECT_THAT(report.coverage.uncovered_points, ElementsAre("P3"));
  EXPECT_THAT(report.coverage.unassessed_points, ElementsAre("P2", "P3"));
  EXPECT_THAT(report.coverage.courses_without_assessment, ElementsAre("C2"));
  EXPECT_THAT(report.coverage.orphan_courses, ElementsAre("C2"));
}

TEST(CoverageTest, UnknownIsNotListed) {
  // C2's supports and assessments are absent: it may support and measure anything.
  Evaluation e = RunPack(kCoverage, R"({
    "school_standard": [{"id": "S1", "points": [{"id": "P1"}]}],
    "courses": [{"id": "C1", "supports": [], "assessments": []}, {"id": "C2"}]
  })");
  const Report& report = e.report();
  EXPECT_THAT(report.coverage.uncovered_points, IsEmpty());
  EXPECT_THAT(report.coverage.unassessed_points, IsEmpty());
  EXPECT_THAT(report.coverage.courses_without_assessment, ElementsAre("C1"));
  EXPECT_THAT(report.coverage.orphan_courses, ElementsAre("C1"));
  ASSERT_EQ(report.general_standard.size(), 2u);
  EXPECT_EQ(report.general_standard[0].verdict, Verdict::kPending);  // S1.covers absent
  EXPECT_EQ(e.verdict("1.1"), "pending");
}

}  // namespace
}  // namespace zhuoyue::eval_test
