// Attainment (达成度) at cohort scale: a seeded program of 12 school-standard items × 3 points,
// 40 courses × 5 assessments and 10,000 students scored in every assessment but a few holes
// (about 2 M scores), loaded once and evaluated whole with the default method (cohort means)
// and with per-student values. Results: benchmarks/RESULTS.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"

namespace {

constexpr int kItems = 12;
constexpr int kPointsPerItem = 3;
constexpr int kCourses = 40;
constexpr int kAssessmentsPerCourse = 5;
constexpr double kHoleShare = 0.005;  // scores missing at random
constexpr uint32_t kSeed = 20261129;

struct Cohort {
  std::string json;
  int64_t scores = 0;
};

std::string PointId(int p) {
  return "S" + std::to_string(p / kPointsPerItem + 1) + "." +
         std::to_string(p % kPointsPerItem + 1);
}

// The dossier as JSON text, written directly (2 M scores as a JSON DOM would take ~1 GB).
Cohort MakeCohort(int students, bool with_scores) {
  std::mt19937 rng(kSeed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* hml[] = {"\"H\"", "\"M\"", "\"L\""};
  Cohort cohort;
  std::string& out = cohort.json;
  out.reserve(size_t{64} << 20);
  out += R"({"format": "zhuoyue.dossier/1", "program": {"id": "BENCH-ATTAIN", "name": "达成度"},)";
  out += "\n\"school_standard\": [";
  for (int i = 0; i < kItems; ++i) {
    if (i) out += ",";
    out += "\n {\"id\": \"S" + std::to_string(i + 1) +
           "\", \"text\": \"学校标准\", \"covers\": [\"G" + std::to_string(i % 11 + 1) +
           "\"], \"points\": [";
    for (int j = 0; j < kPointsPerItem; ++j) {
      if (j) out += ", ";
      out += "{\"id\": \"" + PointId(i * kPointsPerItem + j) + "\", \"text\": \"标准点\"}";
    }
    out += "]}";
  }
  out += "],\n\"courses\": [";
  std::vector<std::string> assessments;
  std::vector<double> full_scores;
  for (int c = 0; c < kCourses; ++c) {
    // 3–5 supported points; every point is supported by some course (c covers 36 points in turn).
    std::vector<int> supported = {c % (kItems * kPointsPerItem)};
    while (static_cast<int>(supported.size()) < uniform(3, 5)) {
      int p = uniform(0, kItems * kPointsPerItem - 1);
      if (std::find(supported.begin(), supported.end(), p) == supported.end()) {
        supported.push_back(p);
      }
    }
    std::string id = "C" + std::to_string(c + 1);
    if (c) out += ",";
    out += "\n {\"id\": \"" + id + "\", \"name\": \"课程\", \"kind\": \"course\", \"credits\": " +
           std::to_string(uniform(1, 4)) + ", \"supports\": [";
    for (size_t s = 0; s < supported.size(); ++s) {
      if (s) out += ", ";
      out +=
          "{\"point\": \"" + PointId(supported[s]) + "\", \"weight\": " + hml[uniform(0, 2)] + "}";
    }
    out += "],\n  \"assessments\": [";
    for (int a = 0; a < kAssessmentsPerCourse; ++a) {
      std::string aid = id + "-A" + std::to_string(a + 1);
      double full = a == 0 ? 100 : (a % 2 ? 50 : 20);
      assessments.push_back(aid);
      full_scores.push_back(full);
      if (a) out += ",";
      out += "\n   {\"id\": \"" + aid +
             "\", \"kind\": \"exam\", \"weight\": 0.2, \"full_score\": " +
             std::to_string(static_cast<int>(full)) + ", \"points\": [";
      // Each assessment measures 1–3 of the course's points; the first one measures them all.
      int measured = a == 0 ? static_cast<int>(supported.size())
                            : std::min<int>(uniform(1, 3), static_cast<int>(supported.size()));
      for (int m = 0; m < measured; ++m) {
        if (m) out += ", ";
        out += "{\"point\": \"" + PointId(supported[(a + m) % supported.size()]) +
               "\", \"weight\": " + hml[uniform(0, 2)] + "}";
      }
      out += "]}";
    }
    out += "]}";
  }
  out += "],\n\"students\": [";
  for (int s = 0; s < students; ++s) {
    if (s) out += ",";
    out += "\n {\"id\": \"ST" + std::to_string(s + 1) +
           "\", \"plan_member\": " + (s % 3 ? "true" : "false") + "}";
  }
  if (!with_scores) {
    out += "]}\n";
    return cohort;
  }
  out += "],\n\"scores\": [";
  std::bernoulli_distribution hole(kHoleShare);
  std::normal_distribution<double> share(0.74, 0.12);
  bool first = true;
  for (size_t a = 0; a < assessments.size(); ++a) {
    for (int s = 0; s < students; ++s) {
      if (hole(rng)) continue;
      double score = std::clamp(share(rng), 0.0, 1.0) * full_scores[a];
      out += first ? "\n" : ",\n";
      first = false;
      out += "{\"student\": \"ST" + std::to_string(s + 1) + "\", \"assessment\": \"" +
             assessments[a] + "\", \"score\": " + std::to_string(static_cast<int>(score * 2) / 2) +
             (static_cast<int>(score * 2) % 2 ? ".5" : "") + "}";
      ++cohort.scores;
    }
  }
  out += "]}\n";
  return cohort;
}

const zhuoyue::Pack& BuiltinPack() {
  static std::shared_ptr<const zhuoyue::Pack> pack = *zhuoyue::Pack::Builtin();
  return *pack;
}

// One cohort per (students, with scores), generated and loaded once per process.
struct Loaded {
  Cohort cohort;
  std::shared_ptr<const zhuoyue::Dossier> dossier;
};

const Loaded& TheCohort(int students, bool with_scores) {
  static std::map<std::pair<int, bool>, Loaded> cache;
  auto [it, inserted] = cache.try_emplace({students, with_scores});
  if (inserted) {
    it->second.cohort = MakeCohort(students, with_scores);
    std::vector<zhuoyue::Diagnostic> diagnostics;
    auto loaded =
        zhuoyue::Dossier::FromJson(BuiltinPack(), it->second.cohort.json, "cohort", &diagnostics);
    if (!loaded.ok()) {
      for (const auto& d : diagnostics) fprintf(stderr, "%s\n", d.Format().c_str());
      fprintf(stderr, "%s\n", std::string(loaded.status().message()).c_str());
      std::abort();
    }
    it->second.dossier = *loaded;
  }
  return it->second;
}

void SetCounters(benchmark::State& state, const Cohort& cohort) {
  state.counters["scores"] = static_cast<double>(cohort.scores);
  state.counters["scores/s"] = benchmark::Counter(
      static_cast<double>(cohort.scores) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

// What loading the cohort costs (once: it is not the subject, but it frames the rest).
void BM_AttainmentLoad(benchmark::State& state) {
  const Cohort& cohort = TheCohort(static_cast<int>(state.range(0)), true).cohort;
  for (auto _ : state) {
    auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), cohort.json, "cohort", nullptr);
    benchmark::DoNotOptimize(dossier);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * cohort.json.size()));
  SetCounters(state, cohort);
}
BENCHMARK(BM_AttainmentLoad)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);

// Evaluate of the whole program (64 criteria, coverage, matrix, attainment) with
// attainment_students = `students`; range(0) students, range(1) = 0: the same cohort without
// its scores table (everything but the attainment arithmetic).
void EvaluateCohort(benchmark::State& state, const std::string& students) {
  const Loaded& loaded = TheCohort(static_cast<int>(state.range(0)), state.range(1) != 0);
  zhuoyue::EvaluateOptions options;
  options.params = {{"attainment_students", students}};
  for (auto _ : state) {
    auto report = zhuoyue::Evaluate(BuiltinPack(), *loaded.dossier, options);
    if (!report.ok()) {
      state.SkipWithError(std::string(report.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(report);
  }
  SetCounters(state, loaded.cohort);
}

// The default method: cohort means.
void BM_AttainmentEvaluateCohort(benchmark::State& state) { EvaluateCohort(state, "cohort"); }
BENCHMARK(BM_AttainmentEvaluateCohort)
    ->Args({1000, 1})
    ->Args({10000, 1})
    ->Args({10000, 0})
    ->Unit(benchmark::kMillisecond);

// attainment_students = per_student.
void BM_AttainmentEvaluatePerStudent(benchmark::State& state) {
  EvaluateCohort(state, "per_student");
}
BENCHMARK(BM_AttainmentEvaluatePerStudent)
    ->Args({1000, 1})
    ->Args({10000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
