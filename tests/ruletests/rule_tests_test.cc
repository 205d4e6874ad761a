// Rule tests (include/zhuoyue/rule_tests.h and `zy test`): case files in the criteria corpus
// format run against a pack — passing and failing expectations, malformed case files located,
// coverage of verdicts and sub-conditions — and the command on the full corpus.
#include "zhuoyue/rule_tests.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"
#include "zy_process.h"

namespace zhuoyue {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kRules[] = R"zy(pack t version "1"
param min_years = 5
table staff {
  id: string id
  years: number >= 0
}
requirement 1 "staff" {
  criterion 1.1 computed "experienced" = every s in staff: s.years >= min_years
}
)zy";

constexpr char kDossier[] = R"({"staff": [{"id": "S01", "years": 7}, {"id": "S02", "years": 6}]})";

std::shared_ptr<const Pack> TinyPack() {
  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::FromSources({{"t.zy", kRules}}, &diagnostics);
  EXPECT_TRUE(pack.ok()) << pack.status();
  return pack.ok() ? *pack : nullptr;
}

using Files = std::vector<std::pair<std::string, std::string>>;

// A fresh folder with `files` (name → text) in it, removed at the end of the test.
class Folder {
 public:
  explicit Folder(const Files& files) {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("zy_rule_tests_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
    for (const auto& [name, text] : files) {
      fs::create_directories((path_ / name).parent_path());
      std::ofstream(path_ / name, std::ios::binary) << text;
    }
  }
  ~Folder() { fs::remove_all(path_); }
  std::string path() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// The base dossier sits next to the cases: found relative to the case file's folder.
RuleTestOptions NoRoot() {
  RuleTestOptions options;
  options.root = "/nonexistent-root";
  return options;
}

TEST(RunRuleTestsTest, PassingCase) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  Folder folder({{"base.json", kDossier},
                 {"met.json", R"({"base": "base.json", "expect": {"1.1": {"verdict": "met"}}})"}});
  auto result = RunRuleTests(*pack, {folder.path()}, NoRoot());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->passed, 1);
  EXPECT_EQ(result->failed, 0);
  ASSERT_EQ(result->cases.size(), 1u);  // base.json, a dossier, is skipped in the scan
  EXPECT_EQ(result->cases[0].name, "met");
  EXPECT_TRUE(result->cases[0].passed());
}

TEST(RunRuleTestsTest, FailingVerdictShowsExpectedAndGot) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  Folder folder({{"base.json", kDossier}, {"short.json", R"({"base": "base.json",
                    "patch": [{"op": "replace", "path": "/staff/1/years", "value": 3}],
                    "expect": {"1.1": {"verdict": "met"}}})"}});
  auto result = RunRuleTests(*pack, {folder / "short.json"}, NoRoot());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->passed, 0);
  EXPECT_EQ(result->failed, 1);
  ASSERT_EQ(result->cases.size(), 1u);
  EXPECT_THAT(result->cases[0].failures, ElementsAre("1.1 verdict: expected met, got not_met"));
}

TEST(RunRuleTestsTest, FailingWitnessesAreListed) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  Folder folder(
      {{"base.json", kDossier}, {"w.json", R"({"base": "base.json", "params": {"min_years": 7},
                    "expect": {"1.1": {"verdict": "not_met", "witnesses": ["S01"]}}})"}});
  auto result = RunRuleTests(*pack, {folder.path()}, NoRoot());
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->cases.size(), 1u);
  EXPECT_THAT(result->cases[0].failures, ElementsAre("1.1 witnesses: expected [S01], got [S02]"));
  EXPECT_EQ(result->failed, 1);
}

TEST(RunRuleTestsTest, MalformedCaseFilesAreLocated) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  Folder folder({{"base.json", kDossier},
                 {"a_syntax.json", "{\"base\": \"base.json\",\n  \"expect\": {,}\n}\n"},
                 {"b_patch.json", R"({"base": "base.json",
                    "patch": [{"op": "add", "path": "/staff/0/x", "value": 1},
                              {"op": "remove", "path": "/nope"}],
                    "expect": {}})"},
                 {"c_base.json", R"({"base": "missing.json", "expect": {}})"},
                 {"d_expect.json", R"({"base": "base.json", "expect": {"1.1": "met"}})"}});
  auto result = RunRuleTests(*pack, {folder.path()}, NoRoot());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->failed, 4);
  ASSERT_EQ(result->cases.size(), 4u);
  EXPECT_THAT(result->cases[0].error, HasSubstr(folder / "a_syntax.json" + ":2:14: invalid JSON"));
  EXPECT_THAT(result->cases[1].error,
              HasSubstr(folder / "b_patch.json" + ": at /patch/1: does not apply"));
  EXPECT_THAT(result->cases[2].error, HasSubstr(": at /base: no dossier `missing.json`"));
  EXPECT_THAT(result->cases[3].error, HasSubstr(": at /expect/1.1: expected {\"verdict\""));
}

TEST(RunRuleTestsTest, MissingPathIsAnError) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  auto result = RunRuleTests(*pack, {"/no/such/cases"});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kNotFound);
}

TEST(RunRuleTestsTest, CoverageOfVerdictsAndSubConditions) {
  auto pack = TinyPack();
  ASSERT_TRUE(pack);
  Folder folder({{"base.json", kDossier},
                 {"met.json", R"({"base": "base.json", "expect": {"1.1": {"verdict": "met"}}})"},
                 {"not_met.json", R"({"base": "base.json",
                    "patch": [{"op": "replace", "path": "/staff/1/years", "value": 3}],
                    "expect": {"1.1": {"verdict": "not_met"}}})"},
                 {"pending.json", R"({"base": "base.json",
                    "patch": [{"op": "remove", "path": "/staff/1/years"}],
                    "expect": {"1.1": {"verdict": "pending"}}})"}});
  RuleTestOptions options = NoRoot();
  options.coverage = true;
  auto result = RunRuleTests(*pack, {folder.path()}, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->passed, 3);
  ASSERT_EQ(result->coverage.size(), 1u);
  const CriterionCoverage& c = result->coverage[0];
  EXPECT_EQ(c.id, "1.1");
  EXPECT_TRUE(c.met && c.not_met && c.pending);
  EXPECT_TRUE(c.complete());
  auto find = [&](const std::string& expression) -> const SubConditionCoverage* {
    for (const SubConditionCoverage& s : c.conditions) {
      if (s.expression == expression) return &s;
    }
    return nullptr;
  };
  const SubConditionCoverage* every = find("every s in staff: s.years >= min_years");
  ASSERT_NE(every, nullptr);
  EXPECT_TRUE(every->complete());
  const SubConditionCoverage* body = find("s.years >= min_years");
  ASSERT_NE(body, nullptr);
  EXPECT_TRUE(body->seen_true && body->seen_false && body->seen_unknown);
  EXPECT_EQ(find("staff"), nullptr);  // a collection is no condition
  EXPECT_EQ(find("s.years"), nullptr);

  // Without the pending case, the unknown outcomes are missing.
  options.coverage = true;
  auto two = RunRuleTests(*pack, {folder / "met.json", folder / "not_met.json"}, options);
  ASSERT_TRUE(two.ok()) << two.status();
  ASSERT_EQ(two->coverage.size(), 1u);
  EXPECT_FALSE(two->coverage[0].pending);
  EXPECT_FALSE(two->coverage[0].complete());
  ASSERT_FALSE(two->coverage[0].conditions.empty());
  EXPECT_FALSE(two->coverage[0].conditions[0].seen_unknown);
}

// ------------------------------------------------------------------------------ zy test

size_t CorpusSize() {
  size_t count = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(ZHUOYUE_SOURCE_DIR) / "tests/criteria/cases")) {
    count += entry.path().extension() == ".json";
  }
  return count;
}

TEST(ZyTestCommandTest, CorpusPasses) {
  ZyResult run = Zy("test tests/criteria/cases");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(run.out, std::to_string(CorpusSize()) + " passed, 0 failed\n");
  EXPECT_GT(CorpusSize(), 300u);  // the corpus itself was found
}

TEST(ZyTestCommandTest, FailingCaseExitsOneWithExpectedAndGot) {
  Folder folder(Files{{"r5_2_wrong.json", R"({"base": "examples/compliant.json",
                    "params": {"industry_years_min": 6},
                    "expect": {"5.2": {"verdict": "met", "witnesses": []}}})"}});
  ZyResult run =
      Zy("test " + folder.path() + " tests/criteria/cases/ex_compliant_passed_and_met.json");
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("r5_2_wrong: 5.2 verdict: expected met, got not_met; "
                                 "5.2 witnesses: expected [], got [T03]\n"));
  EXPECT_THAT(run.out, testing::EndsWith("\n1 passed, 1 failed\n"));
}

TEST(ZyTestCommandTest, MalformedCaseExitsOne) {
  Folder folder(Files{{"bad.json", "{\"base\": \"examples/compliant.json\", \"expect\": {]}"}});
  ZyResult run = Zy("test " + folder.path());
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr(folder / "bad.json" + ":1:"));
  EXPECT_THAT(run.out, HasSubstr("0 passed, 1 failed\n"));
}

TEST(ZyTestCommandTest, UsageErrors) {
  EXPECT_EQ(Zy("test --format xml").status, 2);
  EXPECT_EQ(Zy("test --nope").status, 2);
  EXPECT_EQ(Zy("test --rules").status, 2);
  EXPECT_EQ(Zy("test /no/such/cases").status, 1);
  EXPECT_EQ(Zy("test --help").status, 0);
}

TEST(ZyTestCommandTest, JsonFormat) {
  ZyResult run = Zy("test tests/criteria/cases/ex_compliant_passed_and_met.json --format json");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(R"("passed": 1)"));
  EXPECT_THAT(run.out, HasSubstr(R"("name": "ex_compliant_passed_and_met")"));
}

// Every criterion of the built-in pack saw met, not_met and pending in the corpus, and every
// sub-condition every value it can take. The pack rules some out, and coverage knows it:
// 3.1/3.7's `m in ["problem", "case", "project"]` and 9.9's `nonempty(o)` read list items,
// never unknown; 9.4's `k.kind in [...]` lists the whole closed set, never false.
TEST(ZyTestCommandTest, CoverageOfTheBuiltinPack) {
  ZyResult run = Zy("test tests/criteria/cases --coverage");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("5.2  met\u2713 not_met\u2713 pending\u2713\n"));
  std::smatch match;
  static const std::regex kSummary(
      R"(coverage: (\d+) of (\d+) criteria saw all three verdicts; (\d+) sub-conditions not fully covered\n)");
  ASSERT_TRUE(std::regex_search(run.out, match, kSummary)) << run.out;
  EXPECT_EQ(match[1], match[2]);
  EXPECT_GT(std::stoi(match[2]), 0);
  EXPECT_EQ(std::stoi(match[3]), 0) << run.out;
  EXPECT_THAT(run.out, Not(HasSubstr("    never ")));
  EXPECT_THAT(run.out, Not(HasSubstr("\u2717")));
  EXPECT_THAT(run.out, testing::EndsWith(std::to_string(CorpusSize()) + " passed, 0 failed\n"));
}

}  // namespace
}  // namespace zhuoyue
