// Stage 3: CheckedPack → Plan. Criteria and requirements are ordered so that every verdict
// read with met() is decided first; a cycle of met() is ZY1112 with its path.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "check/check.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parse/parse.h"
#include "plan/plan.h"

namespace zhuoyue {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::IsNull;
using ::testing::NotNull;
using ::testing::SizeIs;

std::string Describe(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.Format() + "\n";
  return text;
}

struct Compiled {
  Diagnostics diagnostics;
  std::unique_ptr<Plan> plan;
};

Compiled CompileSources(const std::vector<std::pair<std::string, std::string>>& sources) {
  Compiled compiled;
  std::vector<ParsedFile> files;
  for (const auto& [name, text] : sources) {
    files.push_back(Parse(std::make_shared<SourceFile>(name, text), compiled.diagnostics));
  }
  EXPECT_THAT(compiled.diagnostics, IsEmpty()) << Describe(compiled.diagnostics);
  std::unique_ptr<CheckedPack> pack = Check(files, compiled.diagnostics);
  EXPECT_THAT(compiled.diagnostics, IsEmpty()) << Describe(compiled.diagnostics);
  if (!pack) {
    ADD_FAILURE() << "the pack does not check";
    return compiled;
  }
  compiled.plan = Compile(std::move(pack), compiled.diagnostics);
  return compiled;
}

Compiled CompileRules(const std::string& rules) {
  return CompileSources({{"pack.zy", "pack p version \"1\"\n"}, {"rules.zy", rules}});
}

// "criterion 5.2" or "requirement 5" for a step of the plan.
std::string Name(const Plan& plan, const PlanStep& step) {
  const RequirementDef& requirement = plan.pack->requirements[step.requirement];
  return step.criterion < 0 ? "requirement " + requirement.id
                            : "criterion " + requirement.criteria[step.criterion].id;
}

std::vector<std::string> Order(const Plan& plan) {
  std::vector<std::string> names;
  for (const PlanStep& step : plan.order) names.push_back(Name(plan, step));
  return names;
}

// Position of a step in the plan's order; fails when it is missing.
int Position(const std::vector<std::string>& order, const std::string& name) {
  auto it = std::find(order.begin(), order.end(), name);
  EXPECT_NE(it, order.end()) << name;
  return static_cast<int>(it - order.begin());
}

void ExpectBefore(const std::vector<std::string>& order, const std::string& first,
                  const std::string& second) {
  EXPECT_LT(Position(order, first), Position(order, second))
      << first << " must come before " << second << " in " << ::testing::PrintToString(order);
}

// Every step exactly once, and every requirement after its criteria.
void ExpectWellFormed(const Plan& plan) {
  size_t steps = 0;
  for (const RequirementDef& requirement : plan.pack->requirements) {
    steps += requirement.criteria.size() + 1;
  }
  std::vector<std::string> order = Order(plan);
  EXPECT_EQ(order.size(), steps);
  std::set<std::string> unique(order.begin(), order.end());
  EXPECT_EQ(unique.size(), order.size()) << ::testing::PrintToString(order);
  for (const RequirementDef& requirement : plan.pack->requirements) {
    for (const CriterionDef& criterion : requirement.criteria) {
      ExpectBefore(order, "criterion " + criterion.id, "requirement " + requirement.id);
    }
  }
}

// The path of a ZY1112 message: "… cycle: a → b → a".
std::vector<std::string> CyclePath(const std::string& message) {
  std::vector<std::string> path;
  size_t start = message.find(": ");
  if (start == std::string::npos) return path;
  std::string rest = message.substr(start + 2);
  const std::string arrow = " → ";
  for (size_t at; (at = rest.find(arrow)) != std::string::npos;
       rest = rest.substr(at + arrow.size())) {
    path.push_back(rest.substr(0, at));
  }
  path.push_back(rest);
  return path;
}

// Asserts a single ZY1112 whose path is a closed walk over `nodes` using only `edges`
// (edge a → b: a is decided before b).
void ExpectCycle(const Compiled& compiled, const std::set<std::string>& nodes,
                 const std::set<std::pair<std::string, std::string>>& edges) {
  EXPECT_THAT(compiled.plan, IsNull());
  ASSERT_THAT(compiled.diagnostics, SizeIs(1)) << Describe(compiled.diagnostics);
  const Diagnostic& d = compiled.diagnostics[0];
  EXPECT_EQ(d.code, "ZY1112");
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "rules.zy");  // located at the first criterion of the cycle
  EXPECT_GT(d.line, 1);
  EXPECT_THAT(d.message, HasSubstr("verdicts depend on each other in a cycle: "));
  std::vector<std::string> path = CyclePath(d.message);
  ASSERT_GE(path.size(), 2u) << d.message;
  EXPECT_EQ(path.front(), path.back()) << d.message;
  EXPECT_EQ(std::set<std::string>(path.begin(), path.end()), nodes) << d.message;
  EXPECT_EQ(path.size(), nodes.size() + 1) << d.message;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    EXPECT_TRUE(edges.count({path[i], path[i + 1]}))
        << "`" << path[i] << " → " << path[i + 1] << "` is no dependency; " << d.message;
  }
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ------------------------------------------------------------------ ordering

TEST(CompileOrder, IndependentCriteria) {
  Compiled compiled = CompileRules(
      "requirement 1 \"一\" {\n"
      "  criterion 1.1 computed \"a\" = true\n"
      "  criterion 1.2 computed \"b\" = false\n"
      "}\n");
  ASSERT_THAT(compiled.plan, NotNull()) << Describe(compiled.diagnostics);
  EXPECT_THAT(compiled.diagnostics, IsEmpty());
  ExpectWellFormed(*compiled.plan);
  EXPECT_EQ(Order(*compiled.plan).back(), "requirement 1");
  ASSERT_TRUE(compiled.plan->steps_by_id.contains("1.2"));
  EXPECT_EQ(compiled.plan->steps_by_id.at("1.2").requirement, 0);
  EXPECT_EQ(compiled.plan->steps_by_id.at("1.2").criterion, 1);
  EXPECT_EQ(compiled.plan->steps_by_id.at("1").criterion, -1);
  EXPECT_EQ(compiled.plan->pack->requirements[0].id, "1");
}

TEST(CompileOrder, MetComesAfterWhatItReads) {
  // 1.1 reads 1.2, declared after it; 1.3 reads requirement 2, declared after it; 2.1 reads
  // 1.2; 3.1 reads requirement 1; 3.2 reads 2.2 through a definition.
  Compiled compiled = CompileRules(
      "def second_done() = met(\"2.2\")\n"
      "requirement 1 \"一\" {\n"
      "  criterion 1.1 computed \"a\" = met(\"1.2\")\n"
      "  criterion 1.2 computed \"b\" = true\n"
      "  criterion 1.3 computed \"c\" = not met(\"2\")\n"
      "}\n"
      "requirement 2 \"二\" {\n"
      "  criterion 2.1 computed \"x\" = met(\"1.2\") or false\n"
      "  criterion 2.2 computed \"y\" = true\n"
      "}\n"
      "requirement 3 \"三\" {\n"
      "  criterion 3.1 computed \"p\" = met(\"1\")\n"
      "  criterion 3.2 computed \"q\" = second_done()\n"
      "}\n"
      "overall \"o\" { done \"d\" when met(\"3\") other \"e\" otherwise }\n");
  ASSERT_THAT(compiled.plan, NotNull()) << Describe(compiled.diagnostics);
  const Plan& plan = *compiled.plan;
  ExpectWellFormed(plan);
  std::vector<std::string> order = Order(plan);
  EXPECT_THAT(order, SizeIs(10));
  ExpectBefore(order, "criterion 1.2", "criterion 1.1");
  ExpectBefore(order, "requirement 2", "criterion 1.3");
  ExpectBefore(order, "criterion 2.1", "criterion 1.3");  // through requirement 2
  ExpectBefore(order, "criterion 1.2", "criterion 2.1");
  ExpectBefore(order, "requirement 1", "criterion 3.1");
  ExpectBefore(order, "criterion 2.2", "criterion 3.2");
  // Hence requirement 1 (after 1.3, after requirement 2) comes late.
  ExpectBefore(order, "requirement 2", "requirement 1");
  EXPECT_EQ(order.back(), "requirement 3");
  // steps_by_id agrees with the pack.
  for (const auto& [id, step] : plan.steps_by_id) {
    std::string name = Name(plan, step);
    EXPECT_EQ(name.substr(name.find(' ') + 1), id);
  }
  EXPECT_EQ(plan.steps_by_id.size(), 10u);
}

TEST(CompileOrder, DeclarationOrderDoesNotMatter) {
  // The same dependency chain written forwards and backwards yields a valid order each time.
  for (bool reversed : {false, true}) {
    std::vector<std::string> criteria = {
        "  criterion 1.1 computed \"a\" = met(\"1.2\")\n",
        "  criterion 1.2 computed \"b\" = met(\"1.3\")\n",
        "  criterion 1.3 computed \"c\" = met(\"1.4\")\n",
        "  criterion 1.4 computed \"d\" = true\n",
    };
    if (reversed) std::reverse(criteria.begin(), criteria.end());
    std::string rules = "requirement 1 \"一\" {\n";
    for (const std::string& criterion : criteria) rules += criterion;
    rules += "}\n";
    Compiled compiled = CompileRules(rules);
    ASSERT_THAT(compiled.plan, NotNull()) << Describe(compiled.diagnostics);
    ExpectWellFormed(*compiled.plan);
    EXPECT_THAT(Order(*compiled.plan),
                ::testing::ElementsAre("criterion 1.4", "criterion 1.3", "criterion 1.2",
                                       "criterion 1.1", "requirement 1"))
        << (reversed ? "reversed" : "forwards");
  }
}

TEST(CompileOrder, BuiltinPack) {
  std::filesystem::path dir = std::filesystem::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue";
  std::vector<std::pair<std::string, std::string>> sources;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".zy") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) sources.emplace_back(path.filename().string(), ReadFile(path));
  Compiled compiled = CompileSources(sources);
  ASSERT_THAT(compiled.plan, NotNull()) << Describe(compiled.diagnostics);
  EXPECT_THAT(compiled.diagnostics, IsEmpty());
  ExpectWellFormed(*compiled.plan);
  EXPECT_THAT(compiled.plan->order, SizeIs(74));  // 64 criteria, 10 requirements
  EXPECT_EQ(compiled.plan->steps_by_id.size(), 74u);
}

// ------------------------------------------------------------------ cycles

TEST(CompileCycles, TwoCriteria) {
  Compiled compiled = CompileRules(
      "requirement 1 \"一\" {\n"
      "  criterion 1.1 computed \"a\" = met(\"1.2\")\n"
      "  criterion 1.2 computed \"b\" = met(\"1.1\")\n"
      "}\n");
  ExpectCycle(compiled, {"criterion 1.1", "criterion 1.2"},
              {{"criterion 1.2", "criterion 1.1"}, {"criterion 1.1", "criterion 1.2"}});
}

TEST(CompileCycles, CriterionReadingItself) {
  Compiled compiled = CompileRules(
      "requirement 1 \"一\" {\n  criterion 1.1 computed \"a\" = true and met(\"1.1\")\n}\n");
  ExpectCycle(compiled, {"criterion 1.1"}, {{"criterion 1.1", "criterion 1.1"}});
  ASSERT_THAT(compiled.diagnostics, SizeIs(1));
  EXPECT_THAT(compiled.diagnostics[0].message, HasSubstr("criterion 1.1 → criterion 1.1"));
}

TEST(CompileCycles, CriterionReadingItsOwnRequirement) {
  Compiled compiled = CompileRules(
      "requirement 1 \"一\" {\n"
      "  criterion 1.1 computed \"a\" = true\n"
      "  criterion 1.2 computed \"b\" = met(\"1\")\n"
      "}\n");
  ExpectCycle(compiled, {"criterion 1.2", "requirement 1"},
              {{"criterion 1.2", "requirement 1"}, {"requirement 1", "criterion 1.2"}});
}

TEST(CompileCycles, AcrossRequirementsAndDefinitions) {
  // 1.1 reads requirement 2, which needs 2.1; 2.1 reads 3.1 (through a definition); 3.1
  // reads 1.1.
  Compiled compiled = CompileRules(
      "def third() = met(\"3.1\")\n"
      "requirement 1 \"一\" {\n  criterion 1.1 computed \"a\" = met(\"2\")\n}\n"
      "requirement 2 \"二\" {\n  criterion 2.1 computed \"b\" = third()\n"
      "  criterion 2.2 computed \"c\" = true\n}\n"
      "requirement 3 \"三\" {\n  criterion 3.1 computed \"d\" = met(\"1.1\")\n}\n");
  ExpectCycle(compiled, {"criterion 1.1", "criterion 3.1", "criterion 2.1", "requirement 2"},
              {{"requirement 2", "criterion 1.1"},
               {"criterion 2.1", "requirement 2"},
               {"criterion 2.2", "requirement 2"},
               {"criterion 3.1", "criterion 2.1"},
               {"criterion 1.1", "criterion 3.1"},
               {"criterion 1.1", "requirement 1"},
               {"criterion 3.1", "requirement 3"}});
}

TEST(CompileCycles, MetOutsideCriteriaIsNoDependency) {
  // Eligibility rules and outcomes are decided after every requirement: no cycle.
  Compiled compiled = CompileRules(
      "requirement 1 \"一\" {\n  criterion 1.1 computed \"a\" = true\n}\n"
      "eligibility e \"m\" = met(\"1\")\n"
      "overall \"o\" { ok \"k\" when met(\"1.1\") and met(\"1\") other \"n\" otherwise }\n");
  ASSERT_THAT(compiled.plan, NotNull()) << Describe(compiled.diagnostics);
  EXPECT_THAT(compiled.diagnostics, IsEmpty());
  ExpectWellFormed(*compiled.plan);
}

}  // namespace
}  // namespace zhuoyue
