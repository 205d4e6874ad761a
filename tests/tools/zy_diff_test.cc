// `zy diff` as a user runs it: dossiers and reports compared, "no change", JSON output,
// --param, and the exit statuses of bad input (1) and usage errors (2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "zy_process.h"

namespace {

using testing::HasSubstr;
using testing::Not;
using testing::StartsWith;

// A scratch folder, removed with the fixture.
class ZyDiff : public testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("zy_diff_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
    return Path(name);
  }
  // The JSON report of an example, written by `zy eval` (with `options`).
  std::string Report(const std::string& example, const std::string& options = "") const {
    std::string path = Path(example + ".report.json");
    ZyResult run =
        Zy("eval examples/" + example + ".json --format json --output '" + path + "' " + options);
    EXPECT_EQ(run.status, 0) << run.out;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(ZyDiff, SpeaksChineseByDefault) {
  ZyResult run = Zy("diff examples/compliant.json examples/failing.json");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("评价结论：passed_and_met → passed_not_met\n"));
  EXPECT_THAT(run.out, HasSubstr("  G10  达到 → 未达到\n"));
  EXPECT_THAT(run.out, HasSubstr("  1.1  达到 → 未达到  11 项中 11 项成立 → 11 项中 10 项成立\n"
                                 "      新增不满足：G10\n"));
  EXPECT_THAT(run.out, HasSubstr("  无课程支撑的标准点： 新增 S3.1\n"));
  EXPECT_EQ(Zy("diff examples/failing.json examples/failing.json").out, "无变化\n");
  EXPECT_EQ(Zy("diff examples/failing.json examples/failing.json --lang fr").status, 2);
}

TEST_F(ZyDiff, CompliantToFailing) {
  ZyResult run = Zy("diff examples/compliant.json examples/failing.json --lang en");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("overall: passed_and_met → passed_not_met\n"));
  EXPECT_THAT(run.out, HasSubstr("  5 教师队伍建设  met (level distinction) → not_met\n"));
  EXPECT_THAT(run.out, HasSubstr("  1.1  met → not_met  holds 11 of 11 → 10 of 11\n"
                                 "      now failing: G10\n"));
  EXPECT_THAT(run.out,
              HasSubstr("  9.8  met → not_met  value 0.133333 → 0.0666667, needs >= 0.1\n"));
  EXPECT_THAT(run.out, HasSubstr("coverage gaps:\n  uncovered_points: new S3.1\n"));
  EXPECT_THAT(run.out, HasSubstr("  courses_without_assessment: new C15\n"));
  EXPECT_THAT(run.out, Not(HasSubstr("no change")));
}

TEST_F(ZyDiff, ADossierAgainstItselfHasNoChange) {
  ZyResult run = Zy("diff examples/failing.json examples/failing.json --lang en");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "no change\n");
}

// Reports filed by `zy eval --format json` compare as their dossiers do.
TEST_F(ZyDiff, ReportsCompareAsTheirDossiers) {
  std::string compliant = Report("compliant"), failing = Report("failing");
  ZyResult reports = Zy("diff '" + compliant + "' '" + failing + "' --lang en");
  EXPECT_EQ(reports.status, 0) << reports.out;
  ZyResult dossiers = Zy("diff examples/compliant.json examples/failing.json --lang en");
  EXPECT_EQ(reports.out, dossiers.out);
  // A report against a fresh evaluation of its own dossier.
  ZyResult mixed = Zy("diff '" + failing + "' examples/failing.json --lang en");
  EXPECT_EQ(mixed.status, 0);
  EXPECT_EQ(mixed.out, "no change\n");
}

TEST_F(ZyDiff, IncompleteShowsAttainmentMovesToNull) {
  ZyResult run = Zy("diff examples/failing.json examples/incomplete.json --lang en");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("overall: passed_not_met → pending\n"));
  EXPECT_THAT(run.out, HasSubstr("\nattainment:\n"));
  EXPECT_THAT(run.out, HasSubstr(" → null"));
}

TEST_F(ZyDiff, ParametersApplyToTheDossiers) {
  std::string lenient = Report("failing", "--param industry_years_min=3");
  ZyResult run = Zy("diff '" + lenient + "' examples/failing.json --lang en");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("rules:\n  industry_years_min: 3 → 5\n"));
  EXPECT_THAT(run.out, HasSubstr("  5.2  met → not_met  holds 8 of 8 → 7 of 8\n"
                                 "      now failing: T02\n"));
  // The same parameter on both sides: nothing changed.
  ZyResult same =
      Zy("diff '" + lenient + "' examples/failing.json --param industry_years_min=3 --lang en");
  EXPECT_EQ(same.out, "no change\n");
  // With only reports there is nothing to apply them to.
  ZyResult reports =
      Zy("diff '" + lenient + "' '" + lenient + "' --param industry_years_min=4 --lang en");
  EXPECT_EQ(reports.status, 0);
  EXPECT_THAT(reports.out, HasSubstr("--rules and --param apply to dossiers"));
}

TEST_F(ZyDiff, JsonOutput) {
  ZyResult run = Zy("diff examples/compliant.json examples/failing.json --format json");
  EXPECT_EQ(run.status, 0);
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << run.out;
  EXPECT_EQ(json["format"], "zhuoyue.diff/1");
  EXPECT_EQ(json["changed"], true);
  EXPECT_EQ(json["overall"]["old"], "passed_and_met");
  EXPECT_EQ(json["overall"]["new"], "passed_not_met");
  EXPECT_EQ(json["criteria"][0]["id"], "1.1");
  EXPECT_EQ(json["criteria"][0]["old"]["value"], 11);
  EXPECT_EQ(json["criteria"][0]["new"]["value"], 10);
  EXPECT_EQ(json["coverage"]["uncovered_points"]["new"], nlohmann::json::array({"S3.1"}));

  ZyResult same = Zy("diff examples/failing.json examples/failing.json --format json");
  nlohmann::json none = nlohmann::json::parse(same.out, nullptr, false);
  EXPECT_EQ(none["changed"], false);
}

TEST_F(ZyDiff, AMissingFileIsNamed) {
  ZyResult run = Zy("diff examples/failing.json examples/no-such-dossier.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("cannot open examples/no-such-dossier.json"));
}

TEST_F(ZyDiff, AJsonThatIsNotAReport) {
  // The diff's own JSON is neither a dossier nor a report.
  ZyResult diff = Zy("diff examples/compliant.json examples/failing.json --format json");
  std::string other = Write("diff.json", diff.out);
  ZyResult run = Zy("diff '" + other + "' examples/failing.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr(other + " is neither a dossier (zhuoyue.dossier/1) nor a report "
                                         "(zhuoyue.report/1): its format is \"zhuoyue.diff/1\""));

  std::string broken = Write("broken.json", R"({"format": "zhuoyue.report/1", "program": "x",
      "overall": "pending", "requirements": [{"id": "1", "verdict": "maybe"}]})");
  run = Zy("diff examples/failing.json '" + broken + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr(broken + ": not a valid zhuoyue.report/1 report: "
                                          "/requirements/0/verdict: expected met, not_met or "
                                          "pending"));

  // Not JSON at all: read as a dossier, so the syntax error is located.
  std::string garbage = Write("garbage.json", "[1,");
  run = Zy("diff '" + garbage + "' examples/failing.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr(garbage + ":"));
  EXPECT_THAT(run.out, HasSubstr("nothing compared"));
}

TEST_F(ZyDiff, UsageErrors) {
  for (const char* args : {"diff", "diff examples/failing.json",
                           "diff examples/failing.json examples/failing.json examples/failing.json",
                           "diff --frobnicate examples/failing.json examples/failing.json",
                           "diff examples/failing.json examples/failing.json --format xml",
                           "diff examples/failing.json examples/failing.json --param nosuch=1"}) {
    ZyResult run = Zy(args);
    EXPECT_EQ(run.status, 2) << args << "\n" << run.out;
    EXPECT_THAT(run.out, HasSubstr("usage: zy diff OLD NEW")) << args;
  }
  ZyResult help = Zy("diff --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_THAT(help.out, StartsWith("usage: zy diff OLD NEW"));
  ZyResult top = Zy("--help");
  EXPECT_THAT(top.out, HasSubstr("  diff OLD NEW [options]"));
}

}  // namespace
