// One compiled pack shared by many threads: evaluation is reentrant, handles are immutable,
// and each thread's error state is its own. Run under ThreadSanitizer by the `tsan` preset
// (tools/dev.sh test), where a data race fails the test.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "capi/files.h"
#include "zhuoyue/zhuoyue.h"
#include "zhuoyue/zhuoyue.hpp"

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 6;
const char* const kExamples[] = {"compliant", "failing", "incomplete"};

using zhuoyue::testing::Example;
using zhuoyue::testing::ReadFile;

// Runs body(thread index) on kThreads threads at once, released together.
template <typename Body>
void OnManyThreads(Body body) {
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      body(t);
    });
  }
  go = true;
  for (std::thread& thread : threads) thread.join();
}

TEST(ConcurrencyTest, ManyThreadsShareOnePackAndGetTheSequentialReports) {
  auto pack = zhuoyue::Pack::Builtin();
  ASSERT_TRUE(pack.ok());
  std::vector<std::string> texts, expected;
  std::vector<std::shared_ptr<const zhuoyue::Dossier>> shared_dossiers;
  for (const char* example : kExamples) {
    texts.push_back(ReadFile(Example(example)));
    auto dossier = zhuoyue::Dossier::FromJson(**pack, texts.back(), Example(example), nullptr);
    ASSERT_TRUE(dossier.ok()) << dossier.status();
    shared_dossiers.push_back(*dossier);
    auto report = zhuoyue::Evaluate(**pack, **dossier);
    ASSERT_TRUE(report.ok());
    expected.push_back(zhuoyue::ReportToJson(*report));
  }
  std::atomic<int> mismatches{0}, evaluations{0};
  OnManyThreads([&](int t) {
    for (int round = 0; round < kRounds; ++round) {
      size_t e = (t + round) % texts.size();
      // Half the work loads its own dossier, half shares one loaded before the threads.
      std::shared_ptr<const zhuoyue::Dossier> dossier = shared_dossiers[e];
      if (round % 2 == 0) {
        auto own = zhuoyue::Dossier::FromJson(**pack, texts[e], Example(kExamples[e]), nullptr);
        if (!own.ok()) {
          ++mismatches;
          continue;
        }
        dossier = *own;
      }
      auto report = zhuoyue::Evaluate(**pack, *dossier);
      if (!report.ok() || zhuoyue::ReportToJson(*report) != expected[e]) ++mismatches;
      ++evaluations;
    }
  });
  EXPECT_EQ(evaluations.load(), kThreads * kRounds);
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ConcurrencyTest, TheCApiIsReentrantAndKeepsErrorsPerThread) {
  zy_pack* pack = nullptr;
  ASSERT_EQ(zy_pack_builtin(&pack, nullptr), ZY_OK);
  std::vector<std::string> expected_overall;
  for (const char* example : kExamples) {
    zy_report* report = nullptr;
    ASSERT_EQ(zy_evaluate_file(&report, pack, Example(example).c_str(), nullptr), ZY_OK);
    expected_overall.push_back(zy_report_overall(report));
    zy_report_free(report);
  }
  std::atomic<int> wrong{0};
  OnManyThreads([&](int t) {
    for (int round = 0; round < kRounds; ++round) {
      // Each thread fails on a file of its own, then succeeds: its error message must be
      // its own failure, and be cleared by its own success, whatever the others do.
      std::string missing = "missing-" + std::to_string(t) + ".json";
      zy_report* report = nullptr;
      if (zy_evaluate_file(&report, pack, missing.c_str(), nullptr) != ZY_EIO ||
          std::string(zy_error_last()).find(missing) == std::string::npos) {
        ++wrong;
      }
      size_t e = (t + round) % expected_overall.size();
      if (zy_evaluate_file(&report, pack, Example(kExamples[e]).c_str(), nullptr) != ZY_OK ||
          zy_report_overall(report) != expected_overall[e] || zy_error_last()[0] != '\0') {
        ++wrong;
      }
      zy_report_free(report);
    }
  });
  zy_pack_free(pack);
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
