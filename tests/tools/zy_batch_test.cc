// zy batch: reports identical to one-by-one `zy eval` whatever --jobs is, a deterministic
// summary, unreadable inputs listed without stopping the batch, and an interrupted run that
// leaves only complete reports.
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zy_process.h"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A scratch folder, removed with the test.
class Scratch {
 public:
  Scratch() {
    char name[] = "/tmp/zy_batch_XXXXXX";  // mkdtemp template: a fresh folder per test
    path_ = mkdtemp(name);
  }
  ~Scratch() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The example dossiers, as JSON and as CSV bundles, in one input folder.
void FillInputs(const fs::path& folder) {
  fs::create_directories(folder);
  const fs::path examples = fs::path(ZHUOYUE_SOURCE_DIR) / "examples";
  for (const char* name : {"compliant", "failing", "incomplete"}) {
    fs::copy_file(examples / (std::string(name) + ".json"), folder / (std::string(name) + ".json"));
    fs::copy(examples / "bundles" / name, folder / (std::string(name) + "_bundle"),
             fs::copy_options::recursive);
  }
}

std::vector<std::string> FilesIn(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ZyBatchTest, ReportsEqualOneByOneEvaluationWhateverTheNumberOfJobs) {
  Scratch scratch;
  FillInputs(scratch.path() / "in");
  const std::string in = (scratch.path() / "in").string();
  ZyResult one = Zy("batch " + in + " --out " + (scratch.path() / "one").string() + " --jobs 1");
  ZyResult four = Zy("batch " + in + " --out " + (scratch.path() / "four").string() + " --jobs 4");
  ASSERT_EQ(one.status, 0) << one.out;
  ASSERT_EQ(four.status, 0) << four.out;
  EXPECT_EQ(FilesIn(scratch.path() / "one"),
            (std::vector<std::string>{"compliant.json", "compliant_bundle.json", "failing.json",
                                      "failing_bundle.json", "incomplete.json",
                                      "incomplete_bundle.json"}));
  for (const std::string& name : FilesIn(scratch.path() / "one")) {
    const std::string report = ReadFile(scratch.path() / "one" / name);
    EXPECT_EQ(report, ReadFile(scratch.path() / "four" / name)) << name;
    // The same as `zy eval` of that input alone (a bundle evaluates as its JSON).
    std::string example = name.substr(0, name.find_first_of("_."));
    ZyResult eval = Zy("eval --format json examples/" + example + ".json");
    EXPECT_EQ(report, eval.out) << name;
  }
  EXPECT_THAT(one.out, HasSubstr("6 of 6 dossiers evaluated"));
  EXPECT_THAT(one.out, HasSubstr("  passed_and_met         2  33.3%\n"));
  EXPECT_THAT(one.out, HasSubstr("  passed_not_met         2  33.3%\n"));
  EXPECT_THAT(one.out, HasSubstr("  pending                2  33.3%\n"));
  EXPECT_THAT(one.out, HasSubstr("most often not met\n  1.1            2 programs\n"));
  // The summary does not depend on the jobs either (progress lines aside).
  auto summary = [](const std::string& out) {
    std::istringstream lines(out.substr(out.find("\noverall")));
    std::string line, kept;
    while (std::getline(lines, line)) {
      if (!line.starts_with("zy batch: ")) kept += line + "\n";
    }
    return kept;
  };
  EXPECT_EQ(summary(one.out), summary(four.out));
}

// Generated programs (zy gen) as JSON files, as CSV bundles and in one SQLite database: the
// batch reports are identical, and equal `zy eval` of each input.
TEST(ZyBatchTest, GeneratedBundlesAndDatabasesGiveTheReportsOfTheirJson) {
  Scratch scratch;
  const std::string json = (scratch.path() / "json").string();
  const std::string csv = (scratch.path() / "csv").string();
  for (const auto& [format, out] : {std::pair{"json", json}, std::pair{"csv", csv}}) {
    ZyResult gen = Zy(std::string("gen --size university --programs 12 --seed 5 --format ") +
                      format + " --out " + out);
    ASSERT_EQ(gen.status, 0) << gen.out;
  }
  const fs::path from_json = scratch.path() / "from_json", from_csv = scratch.path() / "from_csv";
  ASSERT_EQ(Zy("batch " + json + " --out " + from_json.string() + " --jobs 2").status, 0);
  ASSERT_EQ(Zy("batch " + csv + " --out " + from_csv.string() + " --jobs 2").status, 0);
  const std::vector<std::string> reports = FilesIn(from_json);
  ASSERT_EQ(reports.size(), 12u);
  EXPECT_EQ(FilesIn(from_csv), reports);
  for (const std::string& name : reports) {
    EXPECT_EQ(ReadFile(from_csv / name), ReadFile(from_json / name)) << name;
  }
  const std::string program = reports.front().substr(0, reports.front().size() - 5);
  EXPECT_EQ(ReadFile(from_csv / reports.front()),
            Zy("eval --format json " + csv + "/" + program).out);
  // The same programs in one SQLite database: one report per program, the same again.
  const std::string sqlite = (scratch.path() / "programs.sqlite").string();
  ASSERT_EQ(
      Zy("gen --size university --programs 12 --seed 5 --format sqlite --out " + sqlite).status, 0);
  const fs::path from_sqlite = scratch.path() / "from_sqlite";
  ASSERT_EQ(Zy("batch " + sqlite + " --out " + from_sqlite.string() + " --jobs 2").status, 0);
  EXPECT_EQ(FilesIn(from_sqlite), reports);
  for (const std::string& name : reports) {
    EXPECT_EQ(ReadFile(from_sqlite / name), ReadFile(from_json / name)) << name;
  }
}

TEST(ZyBatchTest, AnUnreadableDossierIsListedAndTheOthersAreWritten) {
  Scratch scratch;
  FillInputs(scratch.path() / "in");
  std::ofstream(scratch.path() / "in" / "broken.json") << "{\"program\": {\"id\": 3";
  ZyResult run = Zy("batch " + (scratch.path() / "in").string() + " --out " +
                    (scratch.path() / "out").string() + " --format md --progress never");
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("6 of 7 dossiers evaluated"));
  EXPECT_THAT(run.out,
              HasSubstr("not evaluated\n  " + (scratch.path() / "in" / "broken.json").string() +
                        ": " + (scratch.path() / "in" / "broken.json").string() + ":1:"));
  EXPECT_EQ(FilesIn(scratch.path() / "out").size(), 6u);
  EXPECT_TRUE(fs::exists(scratch.path() / "out" / "failing.md"));
}

TEST(ZyBatchTest, UsageErrors) {
  EXPECT_EQ(Zy("batch examples/failing.json").status, 2);  // no --out
  EXPECT_EQ(Zy("batch --out /tmp/x").status, 2);           // no input
  EXPECT_EQ(Zy("batch examples/failing.json --out /tmp/x --jobs 0").status, 2);
  EXPECT_EQ(Zy("batch examples/failing.json --out /tmp/x --format xlsx").status, 2);
  // Two inputs that would write the same report.
  ZyResult twice = Zy("batch examples/failing.json examples/failing.json --out /tmp/x");
  EXPECT_EQ(twice.status, 2);
  EXPECT_THAT(twice.out, HasSubstr("would both write"));
  EXPECT_EQ(Zy("batch no/such.json --out /tmp/x").status, 1);
}

TEST(ZyBatchTest, ProgressIsPlainLinesWithoutATerminal) {
  Scratch scratch;
  FillInputs(scratch.path() / "in");
  ZyResult run = Zy("batch " + (scratch.path() / "in").string() + " --out " +
                    (scratch.path() / "out").string());
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("zy batch: 6/6 (100%) "));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("\r")));
}

// Ctrl-C in the middle of a batch: the run stops with 130, and every file in the output
// folder is a complete report (no temporary, no half-written one).
TEST(ZyBatchTest, AnInterruptedRunLeavesOnlyCompleteReports) {
  Scratch scratch;
  const fs::path in = scratch.path() / "in";
  fs::create_directories(in);
  const fs::path failing = fs::path(ZHUOYUE_SOURCE_DIR) / "examples" / "failing.json";
  for (int i = 0; i < 400; ++i) fs::copy_file(failing, in / ("p" + std::to_string(i) + ".json"));
  const fs::path out = scratch.path() / "out";
  pid_t child = fork();
  if (child == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(ZY_BINARY, ZY_BINARY, "batch", in.c_str(), "--out", out.c_str(), "--jobs", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for the first reports, then interrupt.
  for (int i = 0; i < 200 && (!fs::exists(out) || fs::is_empty(out)); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const std::string expected = Zy("eval --format json examples/failing.json").out;
  const std::vector<std::string> written = FilesIn(out);
  EXPECT_GT(written.size(), 0u);
  EXPECT_LT(written.size(), 400u) << "the run was not interrupted";
  for (const std::string& name : written) {
    EXPECT_TRUE(name.ends_with(".json")) << name;
    EXPECT_EQ(ReadFile(out / name), expected) << name;
  }
}

}  // namespace
