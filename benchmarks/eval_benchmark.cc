// The pipeline's stages on the bundled examples and on enlarged copies of them: compiling
// the built-in pack, loading a dossier, evaluating it. Results: benchmarks/RESULTS.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/api_access.h"
#include "load/csv_loader.h"
#include "zhuoyue/zhuoyue.hpp"

namespace {

std::string ReadExample(const char* name) {
  std::ifstream in(std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// compliant.json with its students (and their scores) copied `factor` times under new ids,
// and its teachers likewise, so that the population-wide criteria see `factor` times the rows.
std::string EnlargedDossier(int factor) {
  nlohmann::json dossier = nlohmann::json::parse(ReadExample("compliant.json"));
  nlohmann::json students = nlohmann::json::array(), scores = nlohmann::json::array();
  for (int copy = 0; copy < factor; ++copy) {
    std::string suffix = copy == 0 ? "" : "-" + std::to_string(copy);
    for (nlohmann::json student : dossier["students"]) {
      student["id"] = student["id"].get<std::string>() + suffix;
      students.push_back(student);
    }
    for (nlohmann::json score : dossier.value("scores", nlohmann::json::array())) {
      score["student"] = score["student"].get<std::string>() + suffix;
      scores.push_back(score);
    }
  }
  dossier["students"] = students;
  dossier["scores"] = scores;
  return dossier.dump();
}

const zhuoyue::Pack& BuiltinPack() {
  static std::shared_ptr<const zhuoyue::Pack> pack = *zhuoyue::Pack::Builtin();
  return *pack;
}

void BM_CompileBuiltinPack(benchmark::State& state) {
  for (auto _ : state) {
    auto pack = zhuoyue::Pack::Builtin();
    benchmark::DoNotOptimize(pack);
  }
}
BENCHMARK(BM_CompileBuiltinPack)->Unit(benchmark::kMillisecond);

// The compliant example as a CSV bundle (examples/bundles/compliant), from memory: what the
// CSV reader adds to the JSON path is parsing the cells and joining child rows.
void BM_LoadCsvBundle(benchmark::State& state) {
  std::vector<zhuoyue::CsvFile> files;
  size_t bytes = 0;
  const std::filesystem::path folder =
      std::filesystem::path(ZHUOYUE_SOURCE_DIR) / "examples" / "bundles" / "compliant";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({entry.path().filename().string(), text.str()});
    bytes += files.back().text.size();
  }
  const zhuoyue::Schema& schema = zhuoyue::internal::ApiAccess::PlanOf(BuiltinPack()).pack->schema;
  for (auto _ : state) {
    zhuoyue::Diagnostics diagnostics;
    auto tables = zhuoyue::LoadCsvFiles(files, "bench", schema, diagnostics);
    if (!tables) state.SkipWithError("the bundle did not load");
    benchmark::DoNotOptimize(tables);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_LoadCsvBundle)->Unit(benchmark::kMicrosecond);

void BM_LoadDossier(benchmark::State& state) {
  std::string json = EnlargedDossier(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), json, "bench", nullptr);
    benchmark::DoNotOptimize(dossier);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_LoadDossier)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

void BM_Evaluate(benchmark::State& state) {
  std::string json = EnlargedDossier(static_cast<int>(state.range(0)));
  auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), json, "bench", nullptr);
  for (auto _ : state) {
    auto report = zhuoyue::Evaluate(BuiltinPack(), **dossier);
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_Evaluate)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

// What one program costs end to end, as `zy eval` does it (pack compiled once).
void BM_LoadEvaluateRender(benchmark::State& state) {
  std::string json = ReadExample("failing.json");
  for (auto _ : state) {
    auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), json, "bench", nullptr);
    auto report = zhuoyue::Evaluate(BuiltinPack(), **dossier);
    std::string out = zhuoyue::ReportToJson(*report);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_LoadEvaluateRender)->Unit(benchmark::kMicrosecond);

}  // namespace
