// Runs every case of the criteria corpus (tests/criteria/cases/*.json, format in
// tests/criteria/README.md) through the public API with the built-in pack: patch the base
// dossier, evaluate, and compare each listed expectation with the report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using Json = nlohmann::json;

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(ZHUOYUE_TEST_DIR) / "criteria" / "cases")) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

const Pack& BuiltinPack() {
  static const std::shared_ptr<const Pack> pack = [] {
    auto compiled = Pack::Builtin();
    if (!compiled.ok()) {
      ADD_FAILURE() << compiled.status();
      return std::shared_ptr<const Pack>();
    }
    return *compiled;
  }();
  return *pack;
}

const CriterionResult* FindCriterion(const Report& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements) {
    for (const CriterionResult& c : r.criteria) {
      if (c.id == id) return &c;
    }
  }
  return nullptr;
}

class CriteriaCase : public testing::TestWithParam<std::string> {};

TEST_P(CriteriaCase, MatchesExpectation) {
  std::filesystem::path root(ZHUOYUE_SOURCE_DIR);
  Json test = Json::parse(ReadText(root / "tests/criteria/cases" / (GetParam() + ".json")));
  SCOPED_TRACE(test.value("description", ""));
  Json dossier = Json::parse(ReadText(root / test["base"].get<std::string>()));
  if (test.contains("patch")) dossier = dossier.patch(test["patch"]);

  std::vector<Diagnostic> diagnostics;
  auto loaded = Dossier::FromJson(BuiltinPack(), dossier.dump(), GetParam(), &diagnostics);
  ASSERT_TRUE(loaded.ok()) << loaded.status()
                           << (diagnostics.empty() ? "" : "\n" + diagnostics[0].Format());
  EvaluateOptions options;
  const Json params = test.value("params", Json::object());
  for (const auto& [name, value] : params.items()) {
    options.params.emplace_back(name, value.dump());
  }
  auto report = Evaluate(BuiltinPack(), **loaded, options);
  ASSERT_TRUE(report.ok()) << report.status();

  static const std::regex kCriterion(R"(\d+\.\d+)"), kRequirement(R"(\d+)"), kPoint(R"(G\d+)");
  for (const auto& [key, expected] : test["expect"].items()) {
    SCOPED_TRACE(key);
    if (std::regex_match(key, kCriterion)) {
      const CriterionResult* c = FindCriterion(*report, key);
      ASSERT_NE(c, nullptr);
      EXPECT_EQ(VerdictName(c->verdict), expected["verdict"].get<std::string>()) << c->message;
      if (expected.contains("witnesses")) {
        EXPECT_EQ(c->witnesses, expected["witnesses"].get<std::vector<std::string>>());
      }
    } else if (std::regex_match(key, kRequirement)) {
      auto r = std::find_if(report->requirements.begin(), report->requirements.end(),
                            [&key = key](const RequirementResult& r) { return r.id == key; });
      ASSERT_NE(r, report->requirements.end());
      EXPECT_EQ(VerdictName(r->verdict), expected["verdict"].get<std::string>());
      if (expected.contains("level")) EXPECT_EQ(r->level, expected["level"].get<std::string>());
    } else if (std::regex_match(key, kPoint)) {
      auto g = std::find_if(report->general_standard.begin(), report->general_standard.end(),
                            [&key = key](const GeneralPointResult& g) { return g.id == key; });
      ASSERT_NE(g, report->general_standard.end());
      EXPECT_EQ(VerdictName(g->verdict), expected["verdict"].get<std::string>());
    } else if (key == "overall") {
      EXPECT_EQ(report->overall, expected.get<std::string>());
    } else if (key.starts_with("eligibility.")) {
      std::string id = key.substr(std::string("eligibility.").size());
      auto e = std::find_if(report->eligibility.begin(), report->eligibility.end(),
                            [&](const EligibilityResult& e) { return e.id == id; });
      ASSERT_NE(e, report->eligibility.end());
      EXPECT_EQ(VerdictName(e->verdict), expected.get<std::string>());
    } else if (key == "coverage") {
      const Coverage& coverage = report->coverage;
      const std::map<std::string, const std::vector<std::string>*> lists = {
          {"uncovered_points", &coverage.uncovered_points},
          {"unassessed_points", &coverage.unassessed_points},
          {"courses_without_assessment", &coverage.courses_without_assessment},
          {"orphan_courses", &coverage.orphan_courses}};
      for (const auto& [list, ids] : expected.items()) {
        ASSERT_TRUE(lists.contains(list)) << list;
        EXPECT_EQ(*lists.at(list), ids.get<std::vector<std::string>>()) << list;
      }
    } else {
      ADD_FAILURE() << "unknown expectation key " << key;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CriteriaCase, testing::ValuesIn(CaseNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace zhuoyue
