// A corpus of rule files, each compiled alone as a pack. fail_<what>.zy holds a mistake a
// rule author might make; fail_<what>.err is the exact text of every diagnostic it gets
// (Diagnostic::Render(false), concatenated in order). pass_<what>.zy compiles cleanly.
//
// To regenerate the golden files after a deliberate change of a message, run the test with
// ZHUOYUE_UPDATE_GOLDEN=1 and read every changed .err file before committing it. The cases
// are the files present when the test binary is built (ctest lists them then): rebuild
// after adding one.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

namespace fs = std::filesystem;

const fs::path& RulesDir() {
  static const fs::path dir = fs::path(ZHUOYUE_TEST_DIR) / "rules";
  return dir;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool UpdateGolden() {
  const char* update = std::getenv("ZHUOYUE_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// The stems of tests/rules/<prefix>*.zy, sorted.
std::vector<std::string> Cases(const std::string& prefix) {
  std::vector<std::string> stems;
  for (const auto& entry : fs::directory_iterator(RulesDir())) {
    const fs::path& path = entry.path();
    std::string stem = path.stem().string();
    if (path.extension() == ".zy" && stem.starts_with(prefix)) stems.push_back(stem);
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

struct Compiled {
  bool ok = false;
  Diagnostics diagnostics;
  std::string rendered;  // every diagnostic, Render(false), concatenated
};

// Compiles tests/rules/<stem>.zy alone, under a stable name.
Compiled CompileCase(const std::string& stem) {
  std::string text = ReadText(RulesDir() / (stem + ".zy"));
  Compiled compiled;
  compiled.ok =
      Pack::FromSources({{"tests/rules/" + stem + ".zy", text}}, &compiled.diagnostics).ok();
  for (const Diagnostic& d : compiled.diagnostics) compiled.rendered += d.Render(false);
  return compiled;
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

// ------------------------------------------------------------------ fail_*.zy

class FailingRules : public ::testing::TestWithParam<std::string> {};

TEST_P(FailingRules, MatchesGolden) {
  const std::string& stem = GetParam();
  std::string text = ReadText(RulesDir() / (stem + ".zy"));
  EXPECT_TRUE(text.starts_with("#"))
      << stem << ".zy must start with a comment saying what it tests";
  Compiled compiled = CompileCase(stem);
  EXPECT_FALSE(compiled.diagnostics.empty()) << stem << ".zy gets no diagnostic at all";
  fs::path golden = RulesDir() / (stem + ".err");
  if (UpdateGolden()) {
    std::ofstream(golden, std::ios::binary) << compiled.rendered;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with ZHUOYUE_UPDATE_GOLDEN=1";
  EXPECT_EQ(compiled.rendered, ReadText(golden))
      << "the diagnostics of " << stem << ".zy changed; if on purpose, rerun with "
      << "ZHUOYUE_UPDATE_GOLDEN=1 and review " << stem << ".err";
}

INSTANTIATE_TEST_SUITE_P(Corpus, FailingRules, ::testing::ValuesIn(Cases("fail_")), CaseName);

// ------------------------------------------------------------------ pass_*.zy

class PassingRules : public ::testing::TestWithParam<std::string> {};

TEST_P(PassingRules, CompileWithoutDiagnostics) {
  const std::string& stem = GetParam();
  EXPECT_TRUE(ReadText(RulesDir() / (stem + ".zy")).starts_with("#"));
  Compiled compiled = CompileCase(stem);
  EXPECT_TRUE(compiled.ok);
  EXPECT_EQ(compiled.rendered, "");
}

INSTANTIATE_TEST_SUITE_P(Corpus, PassingRules, ::testing::ValuesIn(Cases("pass_")), CaseName);

// ------------------------------------------------------------------ the corpus as a whole

TEST(RulesCorpus, IsLargeEnough) {
  EXPECT_GE(Cases("fail_").size(), 45u);
  EXPECT_GE(Cases("pass_").size(), 5u);
}

TEST(RulesCorpus, EveryFileIsACase) {
  // A stray file (a typo in a prefix, a golden without its rule file) would be skipped silently.
  for (const auto& entry : fs::directory_iterator(RulesDir())) {
    const fs::path& path = entry.path();
    std::string stem = path.stem().string();
    if (path.extension() == ".zy") {
      EXPECT_TRUE(stem.starts_with("fail_") || stem.starts_with("pass_")) << path;
    } else if (path.extension() == ".err") {
      EXPECT_TRUE(stem.starts_with("fail_") && fs::exists(RulesDir() / (stem + ".zy"))) << path;
    } else {
      EXPECT_EQ(path.filename(), "rules_test.cc") << "unexpected file " << path;
    }
  }
}

// Every rule-file code of the registry is shown by at least one golden file.
TEST(RulesCorpus, CoversEveryRuleCode) {
  if (UpdateGolden()) GTEST_SKIP() << "the golden files are being rewritten";
  std::map<std::string, std::set<std::string>> files_by_code;
  for (const std::string& stem : Cases("fail_")) {
    std::string golden = ReadText(RulesDir() / (stem + ".err"));
    for (const DiagnosticInfo& info : DiagnosticRegistry()) {
      if (golden.find("[" + std::string(info.code) + "]") != std::string::npos) {
        files_by_code[std::string(info.code)].insert(stem);
      }
    }
  }
  for (const DiagnosticInfo& info : DiagnosticRegistry()) {
    if (!info.code.starts_with("ZY1")) continue;
    EXPECT_FALSE(files_by_code[std::string(info.code)].empty())
        << "no tests/rules/fail_*.err shows " << info.code << " (" << info.title << ")";
  }
}

}  // namespace
}  // namespace zhuoyue
