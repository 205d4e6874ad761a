// The evaluation trace of one criterion (lib/eval/trace.h, include/zhuoyue/explain.h): values
// of every sub-expression, members with their filter and body values (capped), near misses of
// `every`, witnesses, judgements and unknowns — and verdicts identical with and without it.
#include "eval/trace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "api/api_access.h"
#include "eval/evaluate.h"
#include "eval/test_util.h"
#include "zhuoyue/explain.h"

namespace zhuoyue::eval_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kStaff[] = R"zy(
param min_years = 5
param share = 0.5
table staff {
  id: string id
  lead: bool
  years: number >= 0
  foreign: bool
}
table judgements {
  criterion: string
  verdict: enum(met, not_met)
}
requirement 1 "staff" {
  criterion 1.1 computed "leads are experienced" =
      every s in staff where s.lead: s.years >= min_years
  criterion 1.2 computed "foreign share" = ratio(s in staff: s.foreign) >= share
  criterion 1.3 judged "the staff is good"
  criterion 1.4 computed "some veteran" = some s in staff: s.years >= 20
}
)zy";

// {"staff": [...]} with ids S01, S02, … and each row's other members as given.
std::string Staff(const std::vector<std::string>& rows, const std::string& extra = "") {
  std::string json = R"({"staff": [)";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) json += ", ";
    char id[8];
    std::snprintf(id, sizeof id, "S%02zu", i + 1);
    json += std::string(R"({"id": ")") + id + "\"";
    if (!rows[i].empty()) json += ", " + rows[i];
    json += "}";
  }
  return json + "]" + extra + "}";
}

const std::vector<std::string> kRows = {
    R"("lead": true, "years": 7, "foreign": true)",
    R"("lead": true, "years": 3, "foreign": false)",
    R"("lead": false, "years": 1, "foreign": false)",
    R"("lead": true, "years": 9, "foreign": false)",
};

std::string Explain(std::string_view rules, const std::string& json, std::string_view id) {
  std::shared_ptr<const Pack> pack = CompilePack(rules);
  if (!pack) return "";
  std::shared_ptr<const Dossier> dossier = LoadDossier(*pack, json);
  if (!dossier) return "";
  absl::StatusOr<Trace> trace = ExplainCriterion(*pack, *dossier, id);
  if (!trace.ok()) {
    ADD_FAILURE() << trace.status();
    return "";
  }
  return TraceToText(*trace);
}

TEST(TraceTest, EveryShowsMembersAndNearMisses) {
  std::string text = Explain(kStaff, Staff(kRows), "1.1");
  EXPECT_THAT(text, HasSubstr("criterion 1.1 (computed) leads are experienced \u2192 not_met\n"));
  EXPECT_THAT(text, HasSubstr("every s in staff where s.lead: s.years >= min_years \u2192 false"));
  EXPECT_THAT(text, HasSubstr("staff \u2192 4 members"));
  EXPECT_THAT(text,
              HasSubstr("near misses \u2192 2 of 3 hold; S02 fails: s.years = 3, needs >= 5"));
  EXPECT_THAT(text, HasSubstr("member S01 \u2192 holds"));
  EXPECT_THAT(text, HasSubstr("member S02 \u2192 fails"));
  EXPECT_THAT(text, HasSubstr("member S03 \u2192 filtered out"));
  EXPECT_THAT(text, HasSubstr("s.years \u2192 3\n"));
  EXPECT_THAT(text, HasSubstr("min_years \u2192 5\n"));
}

TEST(TraceTest, RatioShowsShareAndThreshold) {
  std::string text = Explain(kStaff, Staff(kRows), "1.2");
  EXPECT_THAT(text, HasSubstr("\u2192 not_met"));
  EXPECT_THAT(text, HasSubstr("ratio(s in staff: s.foreign) \u2192 0.25\n"));
  EXPECT_THAT(text, HasSubstr("share \u2192 0.5\n"));
}

TEST(TraceTest, SomeShowsWitnesses) {
  std::vector<std::string> rows = kRows;
  rows.push_back(R"("lead": false, "years": 25, "foreign": false)");
  std::string text = Explain(kStaff, Staff(rows), "1.4");
  EXPECT_THAT(text, HasSubstr("witnesses \u2192 S05"));
}

TEST(TraceTest, JudgedShowsTheJudgement) {
  std::string text = Explain(
      kStaff, Staff(kRows, R"(, "judgements": [{"criterion": "1.3", "verdict": "not_met"}])"),
      "1.3");
  EXPECT_THAT(text, HasSubstr("criterion 1.3 (judged) the staff is good \u2192 not_met"));
  EXPECT_THAT(text, HasSubstr("expert judgement \u2192 not_met"));
}

TEST(TraceTest, PendingShowsTheUnknowns) {
  std::vector<std::string> rows = kRows;
  rows[1] = R"("lead": true, "foreign": false)";  // years absent
  rows[0] = R"("lead": true, "years": 7, "foreign": true)";
  std::string text = Explain(kStaff, Staff(rows), "1.1");
  EXPECT_THAT(text, HasSubstr("\u2192 pending"));
  EXPECT_THAT(text, HasSubstr("missing \u2192 staff[1].years"));
  EXPECT_THAT(text, HasSubstr("s.years \u2192 unknown, in [0, +inf)"));
  EXPECT_THAT(text, HasSubstr("member S02 \u2192 unknown"));
  EXPECT_THAT(text, HasSubstr("S02 is unknown: s.years = unknown, in [0, +inf), needs >= 5"));
}

TEST(TraceTest, MembersAreCapped) {
  std::vector<std::string> rows(30, R"("lead": true, "years": 6, "foreign": false)");
  rows[27] = R"("lead": true, "years": 2, "foreign": false)";
  std::string text = Explain(kStaff, Staff(rows), "1.1");
  EXPECT_THAT(text, HasSubstr("member S20 \u2192 holds"));
  EXPECT_THAT(text, Not(HasSubstr("member S21 ")));
  EXPECT_THAT(text, HasSubstr("member S28 \u2192 fails"));  // a failing member is always shown
  EXPECT_THAT(text, HasSubstr("\u2026 9 more members"));
  EXPECT_THAT(text, HasSubstr("29 of 30 hold; S28 fails: s.years = 2, needs >= 5"));
}

TEST(TraceTest, UnknownCriterionSuggestsOne) {
  std::shared_ptr<const Pack> pack = CompilePack(kStaff);
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = LoadDossier(*pack, Staff(kRows));
  ASSERT_TRUE(dossier);
  absl::StatusOr<Trace> trace = ExplainCriterion(*pack, *dossier, "1.11");
  ASSERT_FALSE(trace.ok());
  EXPECT_EQ(trace.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(trace.status().message(), HasSubstr("did you mean `1.1`?"));
}

TEST(TraceTest, JsonHasTheSameTree) {
  std::shared_ptr<const Pack> pack = CompilePack(kStaff);
  ASSERT_TRUE(pack);
  std::shared_ptr<const Dossier> dossier = LoadDossier(*pack, Staff(kRows));
  ASSERT_TRUE(dossier);
  absl::StatusOr<Trace> trace = ExplainCriterion(*pack, *dossier, "1.2");
  ASSERT_TRUE(trace.ok()) << trace.status();
  std::string json = TraceToJson(*trace);
  EXPECT_THAT(json, HasSubstr(R"("expression": "criterion 1.2 (computed) foreign share")"));
  EXPECT_THAT(json, HasSubstr(R"("value": "not_met")"));
  EXPECT_THAT(json, HasSubstr(R"j("expression": "ratio(s in staff: s.foreign)")j"));
}

// ---------------------------------------------------------------- the built-in pack

class ExampleTraceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pack = Pack::Builtin();
    ASSERT_TRUE(pack.ok()) << pack.status();
    pack_ = new std::shared_ptr<const Pack>(*pack);
  }
  static void TearDownTestSuite() {
    delete pack_;
    pack_ = nullptr;
  }
  static std::shared_ptr<const Dossier> Load(const std::string& example) {
    std::vector<Diagnostic> diagnostics;
    auto dossier = Dossier::FromFile(
        **pack_, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + example, &diagnostics);
    EXPECT_TRUE(dossier.ok()) << dossier.status();
    return dossier.ok() ? *dossier : nullptr;
  }
  static std::string Explain(const std::string& example, std::string_view id) {
    std::shared_ptr<const Dossier> dossier = Load(example);
    if (!dossier) return "";
    auto trace = ExplainCriterion(**pack_, *dossier, id);
    EXPECT_TRUE(trace.ok()) << trace.status();
    return trace.ok() ? TraceToText(*trace) : "";
  }
  static std::shared_ptr<const Pack>* pack_;
};
std::shared_ptr<const Pack>* ExampleTraceTest::pack_ = nullptr;

TEST_F(ExampleTraceTest, NearMissOf52NamesT02) {
  std::string text = Explain("failing.json", "5.2");
  EXPECT_THAT(text, HasSubstr("\u2192 not_met\n"));
  EXPECT_THAT(text, HasSubstr("7 of 8 hold; T02 fails: t.industry_years = 3, needs >= 5"));
  EXPECT_THAT(text, HasSubstr("member T02 \u2192 fails"));
}

TEST_F(ExampleTraceTest, RatioOf98ShowsShareAndThreshold) {
  std::string text = Explain("failing.json", "9.8");
  EXPECT_THAT(text, HasSubstr("ratio(s in students: s.foreign) \u2192 0.0666666666667 (1/15)"));
  EXPECT_THAT(text, HasSubstr("foreign_student_share \u2192 0.1\n"));
}

TEST_F(ExampleTraceTest, PendingShowsMissingData) {
  std::string text = Explain("incomplete.json", "1.4");
  EXPECT_THAT(text, HasSubstr("\u2192 pending\n"));
  EXPECT_THAT(text, HasSubstr("expert judgement \u2192 none recorded"));
  EXPECT_THAT(text, HasSubstr("missing \u2192 judgements"));
}

// Tracing changes no verdict: every criterion of the three examples, traced, gets the verdict
// of the plain evaluation, and the traced run's whole report is the plain one.
TEST_F(ExampleTraceTest, VerdictsIdenticalWithAndWithoutTracing) {
  for (const char* example : {"compliant.json", "failing.json", "incomplete.json"}) {
    SCOPED_TRACE(example);
    std::shared_ptr<const Dossier> dossier = Load(example);
    ASSERT_TRUE(dossier);
    auto plain = Evaluate(**pack_, *dossier);
    ASSERT_TRUE(plain.ok()) << plain.status();
    const Plan& plan = internal::ApiAccess::PlanOf(**pack_);
    const DossierTables& tables = internal::ApiAccess::TablesOf(*dossier);
    std::vector<ir::Literal> params;
    for (const ParamDef& param : plan.pack->params) params.push_back(param.value);
    Report untraced = zhuoyue::Evaluate(plan, tables, params);
    int criteria = 0;
    for (const RequirementResult& requirement : plain->requirements) {
      for (const CriterionResult& criterion : requirement.criteria) {
        SCOPED_TRACE(criterion.id);
        ++criteria;
        auto trace = ExplainCriterion(**pack_, *dossier, criterion.id);
        ASSERT_TRUE(trace.ok()) << trace.status();
        EXPECT_EQ(trace->value, VerdictName(criterion.verdict));
        TraceRecorder recorder(criterion.id);
        Report traced = zhuoyue::Evaluate(plan, tables, params, &recorder);
        EXPECT_EQ(ReportToJson(traced), ReportToJson(untraced));
      }
    }
    EXPECT_GT(criteria, 50);
  }
}

}  // namespace
}  // namespace zhuoyue::eval_test
