// The `zy` command as a user runs it: golden reports of the examples, exit statuses,
// located errors on stderr, and no partial output file.
//
// Golden files: tests/golden/<example>.<json|txt>. To rewrite them after an intended
// change, run this test with ZHUOYUE_UPDATE_GOLDEN=1 and review the diff.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `zy ARGS` from the repository root, capturing stdout and stderr.
Outcome Zy(const std::string& args) {
  static int counter = 0;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("zy_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  std::string command = "cd '" ZHUOYUE_SOURCE_DIR "' && '" ZY_BINARY "' " + args + " >'" +
                        (dir / "out").string() + "' 2>'" + (dir / "err").string() + "'";
  int raw = std::system(command.c_str());
  Outcome run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = ReadFile(dir / "out");
  run.err = ReadFile(dir / "err");
  std::filesystem::remove_all(dir);
  return run;
}

void ExpectGolden(const std::string& actual, const std::string& name) {
  std::filesystem::path golden = std::filesystem::path(ZHUOYUE_TEST_DIR) / "golden" / name;
  if (std::getenv("ZHUOYUE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing; run with "
                                               << "ZHUOYUE_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, ReadFile(golden)) << "report differs from " << golden;
}

class ExampleReport : public testing::TestWithParam<const char*> {};

TEST_P(ExampleReport, MatchesGoldenJson) {
  Outcome run = Zy(std::string("eval examples/") + GetParam() + ".json --format json");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.err, IsEmpty());
  ExpectGolden(run.out, std::string(GetParam()) + ".json");
}

TEST_P(ExampleReport, MatchesGoldenText) {
  Outcome run = Zy(std::string("eval examples/") + GetParam() + ".json --color never");
  EXPECT_EQ(run.status, 0) << run.err;
  ExpectGolden(run.out, std::string(GetParam()) + ".txt");
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleReport,
                         testing::Values("compliant", "failing", "incomplete"));

TEST(ZyEval, FailOnGivesExitThree) {
  EXPECT_EQ(Zy("eval examples/failing.json --fail-on not_met").status, 3);
  EXPECT_EQ(Zy("eval examples/compliant.json --fail-on not_met").status, 0);
  EXPECT_EQ(Zy("eval examples/incomplete.json --fail-on not_met").status, 0);
  EXPECT_EQ(Zy("eval examples/incomplete.json --fail-on pending").status, 3);
}

TEST(ZyEval, UsageErrorsGiveExitTwo) {
  for (const char* args :
       {"", "eval", "frobnicate x.json", "eval examples/failing.json --format xml",
        "eval examples/failing.json --bogus", "eval a.json b.json",
        "eval examples/failing.json --param",
        "eval examples/failing.json "
        "--param nonsense",
        "eval examples/failing.json --max-steps 0", "eval examples/failing.json --max-steps -5",
        "eval examples/failing.json --max-steps 1e9", "eval examples/failing.json --max-steps"}) {
    SCOPED_TRACE(args);
    Outcome run = Zy(args);
    EXPECT_EQ(run.status, 2);
    EXPECT_THAT(run.err, HasSubstr("usage: zy"));
    EXPECT_THAT(run.out, IsEmpty());
  }
}

// A costly rule stops at --max-steps: exit 1, the criterion named, no output file.
TEST(ZyEval, MaxStepsStopsACostlyRuleWithExitOne) {
  std::string courses;
  for (int i = 0; i < 150; ++i) {
    courses +=
        (i ? "," : "") + std::string(R"({"id": "c)") + std::to_string(i) + R"(", "core": false})";
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("zy_steps_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "d.json") << R"({"courses": [)" << courses << "]}";
  const std::string common = "eval --rules tests/tools/testdata/cubic.zy '" +
                             (dir / "d.json").string() + "' --output '" +
                             (dir / "report.txt").string() + "'";
  Outcome stopped = Zy(common + " --max-steps 100000");
  EXPECT_EQ(stopped.status, 1);
  EXPECT_THAT(stopped.err, HasSubstr("evaluation stopped after 100000 steps, in criterion 1.1"));
  EXPECT_FALSE(std::filesystem::exists(dir / "report.txt"));
  EXPECT_EQ(Zy(common + " --max-steps 1000000000").status, 0);  // 3.4 M bodies: under 10^9
  EXPECT_TRUE(std::filesystem::exists(dir / "report.txt"));
  std::filesystem::remove_all(dir);
}

TEST(ZyEval, UnknownParameterIsAUsageErrorWithASuggestion) {
  Outcome run = Zy("eval examples/failing.json --param industry_year_min=3");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("did you mean `industry_years_min`?"));
}

TEST(ZyEval, ParameterOverrideChangesTheVerdict) {
  // T02 has 3 years in industry: 5.2 fails at the default 5 and holds at 3.
  Outcome strict = Zy("eval examples/failing.json --format json");
  Outcome lenient = Zy("eval examples/failing.json --format json --param industry_years_min=3");
  ASSERT_EQ(lenient.status, 0) << lenient.err;
  EXPECT_THAT(strict.out, HasSubstr("\"industry_years_min\": 5"));
  EXPECT_THAT(lenient.out, HasSubstr("\"industry_years_min\": 3"));
  auto verdict_of_5_2 = [](const std::string& json) {
    size_t at = json.find("\"id\": \"5.2\"");
    return json.substr(json.find("\"verdict\"", at), 22);
  };
  EXPECT_THAT(verdict_of_5_2(strict.out), HasSubstr("not_met"));
  EXPECT_THAT(verdict_of_5_2(lenient.out), HasSubstr("\"met\""));
}

TEST(ZyEval, MalformedDossierIsLocatedAndExitsOne) {
  Outcome run = Zy("eval tests/tools/testdata/truncated.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, HasSubstr("error[ZY2001]: malformed json"));
  EXPECT_THAT(run.err, HasSubstr("--> tests/tools/testdata/truncated.json:7:1"));
}

TEST(ZyEval, EveryBadValueIsReportedWithItsPointer) {
  Outcome run = Zy("eval tests/tools/testdata/bad_values.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.err, HasSubstr("error[ZY2002]: expected a boolean, found a string\n"
                                 " --> tests/tools/testdata/bad_values.json#/courses/0/core"));
  EXPECT_THAT(run.err, HasSubstr("error[ZY2005]"));
  EXPECT_THAT(run.err, HasSubstr("bad_values.json#/courses/0/lecturers/0"));
  EXPECT_THAT(run.err, HasSubstr("error[ZY2004]"));
  EXPECT_THAT(run.err, HasSubstr("bad_values.json#/teachers/1/id"));
  // One line each with --diagnostics short; a JSON array with json.
  Outcome brief = Zy("eval tests/tools/testdata/bad_values.json --diagnostics short");
  EXPECT_THAT(brief.err, HasSubstr("bad_values.json#/courses/0/core: error: expected a boolean"));
  Outcome json = Zy("eval tests/tools/testdata/bad_values.json --diagnostics json");
  EXPECT_EQ(json.status, 1);
  EXPECT_THAT(json.err, HasSubstr("\"code\": \"ZY2004\""));
  EXPECT_THAT(json.err, HasSubstr("\"pointer\": \"/teachers/1/id\""));
}

TEST(ZyEval, MissingFileExitsOne) {
  Outcome run = Zy("eval no/such/dossier.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.err, HasSubstr("cannot open no/such/dossier.json"));
}

TEST(ZyEval, CustomRules) {
  Outcome met =
      Zy("eval tests/tools/testdata/tiny.json --rules tests/tools/testdata/pack "
         "--format json --param min_credits=9");
  ASSERT_EQ(met.status, 0) << met.err;
  EXPECT_THAT(met.out, HasSubstr("\"overall\": \"met\""));
  Outcome not_met =
      Zy("eval tests/tools/testdata/tiny.json --rules tests/tools/testdata/pack "
         "--format json");
  EXPECT_THAT(not_met.out, HasSubstr("\"overall\": \"not_met\""));
}

TEST(ZyEval, ProvincialPackExtendsTheBuiltInOne) {
  // examples/provincial: imports zhuoyue, tightens industry_years_min to 6, adds the field
  // courses.ideology and requirement 11, and counts 11 in its own overall decision list.
  Outcome run =
      Zy("eval examples/provincial/dossier.json --rules examples/provincial "
         "--format json");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"pack\": \"province\""));
  EXPECT_THAT(run.out, HasSubstr("\"industry_years_min\": 6"));
  EXPECT_THAT(run.out, HasSubstr("\"id\": \"11.1\",\n          \"kind\": \"computed\",\n"
                                 "          \"verdict\": \"not_met\""));
  EXPECT_THAT(run.out, HasSubstr("\"witnesses\": [\n            \"C10\"\n          ]"));
  EXPECT_THAT(run.out, HasSubstr("\"witnesses\": [\n            \"T03\"\n          ]"));
  EXPECT_THAT(run.out, HasSubstr("\"overall\": \"passed_not_met\""));
  Outcome check = Zy("check examples/provincial");
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_THAT(check.err, HasSubstr("checks, 0 warnings"));
  Outcome fmt = Zy("fmt --check examples/provincial");
  EXPECT_EQ(fmt.status, 0) << fmt.out;
}

TEST(ZyEval, ImportsStayInsideThePackFolder) {
  Outcome run = Zy("check tests/tools/testdata/escape");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.err, HasSubstr("error[ZY1113]: cannot import \"../pack/pack.zy\""));
}

TEST(ZyEval, BrokenRulesAreLocatedAndExitOne) {
  Outcome run = Zy("eval tests/tools/testdata/tiny.json --rules tests/tools/testdata/broken.zy");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, HasSubstr("error[ZY1102]: `courses` has no field `credit`"));
  EXPECT_THAT(run.err, HasSubstr("--> tests/tools/testdata/broken.zy:9:"));
  EXPECT_THAT(run.err, HasSubstr("= help: did you mean `credits`?"));
}

TEST(ZyCheck, ReportsErrorsAndWarnings) {
  Outcome broken = Zy("check tests/tools/testdata/broken.zy");
  EXPECT_EQ(broken.status, 1);
  EXPECT_THAT(broken.err, HasSubstr("error[ZY1102]"));
  Outcome builtin = Zy("check --diagnostics short");
  EXPECT_EQ(builtin.status, 0) << builtin.err;
  Outcome tiny = Zy("check tests/tools/testdata/pack");
  EXPECT_EQ(tiny.status, 0) << tiny.err;
  EXPECT_THAT(tiny.err, HasSubstr("checks, 0 warnings"));
  EXPECT_EQ(Zy("check a b").status, 2);
}

TEST(ZyCheck, NestingLimitIsConfigurable) {
  Outcome strict = Zy("check tests/rules/fail_cost_nesting.zy --diagnostics short");
  EXPECT_EQ(strict.status, 0);  // a warning, not an error
  EXPECT_THAT(strict.err, HasSubstr("nests 4 iterations over tables"));
  EXPECT_THAT(strict.err, HasSubstr("[ZY1203]"));
  Outcome relaxed = Zy("check tests/rules/fail_cost_nesting.zy --max-nesting 4");
  EXPECT_EQ(relaxed.status, 0);
  EXPECT_THAT(relaxed.err, HasSubstr("checks, 0 warnings"));
  EXPECT_EQ(Zy("check --max-nesting zero").status, 2);
}

TEST(ZyExplain, PrintsTheExplanationWithExamples) {
  Outcome known = Zy("explain ZY1102");
  EXPECT_EQ(known.status, 0);
  EXPECT_THAT(known.out, HasSubstr("ZY1102: unknown field (error)"));
  EXPECT_THAT(known.out, HasSubstr("and this is the fix:"));
  Outcome unknown = Zy("explain ZY9999");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, HasSubstr("ZY1001  syntax error"));
}

TEST(ZyEval, OutputFileIsWrittenWholeOrNotAtAll) {
  std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("zy_report_" + std::to_string(getpid()) + ".json");
  std::filesystem::remove(out);
  Outcome bad = Zy("eval tests/tools/testdata/truncated.json --output " + out.string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".tmp"));

  Outcome good = Zy("eval examples/failing.json --format json --output " + out.string());
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_THAT(good.out, IsEmpty());
  EXPECT_THAT(ReadFile(out), HasSubstr("\"format\": \"zhuoyue.report/1\""));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  std::filesystem::remove(out);

  Outcome nowhere = Zy("eval examples/failing.json --output /nonexistent/dir/r.txt");
  EXPECT_EQ(nowhere.status, 1);
  EXPECT_THAT(nowhere.err, HasSubstr("zy: cannot write /nonexistent/dir/r.txt: "));
}

TEST(ZyReport, EveryFormAndLanguage) {
  Outcome md = Zy("report examples/failing.json");
  EXPECT_EQ(md.status, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("# 卓越计划实施工作评价报告"));
  EXPECT_THAT(Zy("report examples/failing.json --lang en").out,
              HasSubstr("Excellent Engineer plan evaluation"));
  EXPECT_THAT(Zy("report examples/failing.json --format html").out,
              testing::StartsWith("<!DOCTYPE html>"));
  Outcome supplement = Zy("report examples/failing.json --supplement");
  EXPECT_EQ(supplement.status, 0) << supplement.err;
  EXPECT_THAT(supplement.out, HasSubstr("九、国际化工程人才培养"));
  EXPECT_THAT(Zy("eval examples/failing.json").out, HasSubstr("评价结论"));
  EXPECT_THAT(Zy("eval examples/failing.json --lang en").out, HasSubstr("overall: "));
}

TEST(ZyReport, XlsxIsWrittenWholeOrNotAtAll) {
  std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("zy_report_" + std::to_string(getpid()) + ".xlsx");
  std::filesystem::remove(out);
  Outcome good = Zy("report examples/compliant.json --format xlsx --output " + out.string());
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_THAT(ReadFile(out), testing::StartsWith("PK"));  // a zip archive
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  std::filesystem::remove(out);

  Outcome nowhere =
      Zy("report examples/compliant.json --format xlsx --output /nonexistent/dir/r.xlsx");
  EXPECT_EQ(nowhere.status, 1);
  EXPECT_THAT(nowhere.err, HasSubstr("zy: cannot write /nonexistent/dir/r.xlsx: "));
  EXPECT_THAT(nowhere.err, Not(HasSubstr(".tmp")));
}

TEST(ZyReport, UsageErrors) {
  EXPECT_EQ(Zy("report examples/failing.json --format xlsx").status, 2);  // needs --output
  EXPECT_EQ(Zy("report examples/failing.json --supplement --format xlsx").status, 2);
  EXPECT_EQ(Zy("report examples/failing.json --lang fr").status, 2);
  EXPECT_EQ(Zy("eval examples/failing.json --format pdf").status, 2);
  EXPECT_EQ(Zy("eval examples/failing.json --supplement").status, 2);  // report's option
}

TEST(ZyEval, ColorOnlyWhenAsked) {
  EXPECT_THAT(Zy("eval examples/failing.json --color always").out, HasSubstr("\x1b["));
  EXPECT_THAT(Zy("eval examples/failing.json").out, Not(HasSubstr("\x1b[")));  // not a TTY
}

}  // namespace
