// zy explain-verdict: the trace of one criterion on the command line, its formats and its
// exit statuses (those of zy eval: 1 unreadable input or rules, 2 usage).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "zy_process.h"

namespace {

using ::testing::HasSubstr;

TEST(ExplainVerdictTest, TracesANearMiss) {
  ZyResult run = Zy("explain-verdict examples/failing.json 5.2");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("criterion 5.2 (computed)"));
  EXPECT_THAT(run.out, HasSubstr("\u2192 not_met\n"));
  EXPECT_THAT(run.out, HasSubstr("7 of 8 hold; T02 fails: t.industry_years = 3, needs >= 5"));
}

TEST(ExplainVerdictTest, ParamsChangeTheTrace) {
  ZyResult run = Zy("explain-verdict examples/failing.json 5.2 --param industry_years_min=3");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("\u2192 met\n"));
  EXPECT_THAT(run.out, HasSubstr("industry_years_min \u2192 3\n"));
}

TEST(ExplainVerdictTest, Json) {
  ZyResult run = Zy("explain-verdict examples/failing.json 9.8 --format json");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(R"("value": "not_met")"));
  EXPECT_THAT(run.out, HasSubstr(R"("expression": "foreign_student_share")"));
}

TEST(ExplainVerdictTest, UnknownCriterionIsAUsageErrorWithASuggestion) {
  ZyResult run = Zy("explain-verdict examples/failing.json 5.22");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("no criterion `5.22`"));
  EXPECT_THAT(run.out, HasSubstr("did you mean `5.2`?"));
}

TEST(ExplainVerdictTest, ExitStatuses) {
  EXPECT_EQ(Zy("explain-verdict examples/failing.json").status, 2);
  EXPECT_EQ(Zy("explain-verdict").status, 2);
  EXPECT_EQ(Zy("explain-verdict examples/failing.json 5.2 --format xml").status, 2);
  EXPECT_EQ(Zy("explain-verdict examples/failing.json 5.2 --param nope=1").status, 2);
  EXPECT_EQ(Zy("explain-verdict examples/no-such-file.json 5.2").status, 1);
  EXPECT_EQ(Zy("explain-verdict examples/failing.json 5.2 --rules /no/such/rules.zy").status, 1);
  ZyResult help = Zy("explain-verdict --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_THAT(help.out, HasSubstr("usage: zy explain-verdict"));
  EXPECT_THAT(Zy("--help").out, HasSubstr("explain-verdict"));
}

}  // namespace
