// Issue 6's targets at scale, on the generator's data (docs/generator.md): loading and
// evaluating the typical program, the coverage and attainment stages alone, the engine
// against the same computation in plain SQL (benchmarks/gen/sql_baseline.h) on the same
// SQLite file, batches end to end against only reading their inputs, and attainment as the
// cohort grows. `python3 tools/bench.py` runs them and prints each target met or not.
//
// The data is generated on first use (so a --benchmark_filter that leaves a size out does not
// pay for it) into a folder under $TMPDIR, removed when the process exits. Disk needed: about
// 0.8 GB for province's JSON and its reports; with ZY_BENCH_NATION=1 the nation batch is
// registered too: 16,284 JSON files (about 11 GB) and their reports (about 1.6 GB).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "api/api_access.h"
#include "attain/attainment.h"
#include "benchmarks/gen/generator.h"
#include "benchmarks/gen/sql_baseline.h"
#include "graph/coverage.h"
#include "load/csv_loader.h"
#include "zhuoyue/zhuoyue.hpp"

namespace {

namespace fs = std::filesystem;
namespace gen = zhuoyue::gen;
using zhuoyue::internal::ApiAccess;

constexpr int kThreads = 2;  // the development machine's cores

const zhuoyue::Pack& BuiltinPack() {
  static std::shared_ptr<const zhuoyue::Pack> pack = *zhuoyue::Pack::Builtin();
  return *pack;
}
const zhuoyue::CheckedPack& Checked() { return *ApiAccess::PlanOf(BuiltinPack()).pack; }

// The default attainment method, from the pack's parameters as Evaluate reads them.
const zhuoyue::AttainmentSettings& DefaultSettings() {
  static const zhuoyue::AttainmentSettings settings = *zhuoyue::AttainmentSettingsFrom(
      Checked(), *zhuoyue::internal::ResolveParams(ApiAccess::PlanOf(BuiltinPack()), {}));
  return settings;
}

// The scratch folder: made on first use, removed at exit with everything generated in it.
const fs::path& Scratch() {
  struct Folder {
    Folder() : path(fs::temp_directory_path() / ("zy_scale_bench_" + std::to_string(getpid()))) {
      fs::create_directories(path);
    }
    ~Folder() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
    fs::path path;
  };
  static Folder folder;
  return folder.path;
}

// Setup that cannot fail in a sound checkout: a failure (a full disk) ends the run, saying why.
void Require(const absl::Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "scale_benchmark: %s\n", status.ToString().c_str());
  std::abort();
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A data set of the generator: a named size, or a number of programs.
gen::GenOptions Options(const std::string& size) {
  gen::GenOptions options{.threads = kThreads};
  if (std::isdigit(static_cast<unsigned char>(size[0]))) {
    options.programs = std::stoll(size);
  } else {
    options.size = size;
  }
  return options;
}

// Seconds per program: the counter the batch sizes are compared by (linearity).
benchmark::Counter PerProgram(int64_t programs) {
  return benchmark::Counter(
      static_cast<double>(programs),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// ---- The typical program (program 0: 300 students), loaded once -------------------------

struct TypicalProgram {
  std::string json;
  std::vector<zhuoyue::CsvFile> csv;  // its CSV bundle, from memory
  int64_t csv_bytes = 0;
  std::shared_ptr<const zhuoyue::Dossier> dossier;
};

const TypicalProgram& Typical() {
  static const TypicalProgram* typical = [] {
    auto* program = new TypicalProgram;
    gen::GenOptions options = Options("program");
    program->json = gen::GenerateProgramJson(options, 0);
    const fs::path bundles = Scratch() / "program-csv";
    Require(gen::WriteCsv(options, bundles.string()));
    for (const auto& entry :
         fs::directory_iterator(bundles / gen::DescribeProgram(options, 0).id)) {
      program->csv.push_back({entry.path().filename().string(), ReadFile(entry.path())});
      program->csv_bytes += static_cast<int64_t>(program->csv.back().text.size());
    }
    program->dossier =
        *zhuoyue::Dossier::FromJson(BuiltinPack(), program->json, "typical", nullptr);
    return program;
  }();
  return *typical;
}

void BM_LoadJsonProgram(benchmark::State& state) {
  const std::string& json = Typical().json;
  for (auto _ : state) {
    auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), json, "typical", nullptr);
    if (!dossier.ok()) state.SkipWithError("the typical program did not load");
    benchmark::DoNotOptimize(dossier);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(json.size()));
}
BENCHMARK(BM_LoadJsonProgram)->Unit(benchmark::kMicrosecond);

void BM_LoadCsvProgram(benchmark::State& state) {
  const TypicalProgram& program = Typical();
  for (auto _ : state) {
    zhuoyue::Diagnostics diagnostics;
    auto tables = zhuoyue::LoadCsvFiles(program.csv, "typical", Checked().schema, diagnostics);
    if (!tables) state.SkipWithError("the typical program's bundle did not load");
    benchmark::DoNotOptimize(tables);
  }
  state.SetBytesProcessed(state.iterations() * program.csv_bytes);
}
BENCHMARK(BM_LoadCsvProgram)->Unit(benchmark::kMicrosecond);

void BM_EvaluateProgram(benchmark::State& state) {
  const zhuoyue::Dossier& dossier = *Typical().dossier;
  for (auto _ : state) {
    auto report = zhuoyue::Evaluate(BuiltinPack(), dossier);
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_EvaluateProgram)->Unit(benchmark::kMicrosecond);

void BM_CoverageGraph(benchmark::State& state) {
  const zhuoyue::DossierTables& tables = ApiAccess::TablesOf(*Typical().dossier);
  for (auto _ : state) {
    zhuoyue::Report report;
    zhuoyue::AddCoverage(Checked(), tables, report);
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_CoverageGraph)->Unit(benchmark::kMicrosecond);

void BM_AttainmentProgram(benchmark::State& state) {
  const zhuoyue::DossierTables& tables = ApiAccess::TablesOf(*Typical().dossier);
  for (auto _ : state) {
    auto result = zhuoyue::ComputeAttainment(Checked().schema, tables, DefaultSettings());
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_AttainmentProgram)->Unit(benchmark::kMicrosecond);

// ---- Attainment as the cohort grows, on generated programs -------------------------------

// Among the first 1,000 programs, the scored one whose cohort is nearest `students` (its
// actual size is the `students` counter): the generator's programs have 60–900 students, so
// this series stops below 1,000; attainment_benchmark.cc has 1,000 and 10,000.
void BM_AttainmentStudents(benchmark::State& state) {
  const int64_t wanted = state.range(0);
  const gen::GenOptions options = Options("province");
  int64_t chosen_index = -1;
  gen::ProgramProfile chosen;
  for (int64_t index = 0; index < 1000; ++index) {
    gen::ProgramProfile profile = gen::DescribeProgram(options, index);
    if (profile.scores > 0 && (chosen_index < 0 || std::abs(profile.students - wanted) <
                                                       std::abs(chosen.students - wanted))) {
      chosen = std::move(profile);
      chosen_index = index;
    }
  }
  const std::string json = gen::GenerateProgramJson(options, chosen_index);
  auto dossier = zhuoyue::Dossier::FromJson(BuiltinPack(), json, chosen.id, nullptr);
  if (!dossier.ok()) {
    state.SkipWithError("the program did not load");
    return;
  }
  const zhuoyue::DossierTables& tables = ApiAccess::TablesOf(**dossier);
  for (auto _ : state) {
    auto result = zhuoyue::ComputeAttainment(Checked().schema, tables, DefaultSettings());
    benchmark::DoNotOptimize(result);
  }
  state.counters["students"] = static_cast<double>(chosen.students);
  state.counters["scores"] = static_cast<double>(chosen.scores);
  state.counters["per_score"] = benchmark::Counter(
      static_cast<double>(chosen.scores),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_AttainmentStudents)
    ->Arg(100)
    ->Arg(200)
    ->Arg(400)
    ->Arg(800)
    ->Unit(benchmark::kMicrosecond);

// ---- The engine against plain SQL, on one SQLite file -----------------------------------

struct SqliteData {
  gen::SizeFigures figures;
  sqlite3* db = nullptr;  // open for the whole process, like the engine's loaded tables
  std::unique_ptr<gen::SqlBaseline> baseline;
  std::vector<std::shared_ptr<const zhuoyue::Dossier>> dossiers;
};

// The size's database, with the baseline's indexes built and its pages in SQLite's cache
// (one run before timing); every program also loaded into the engine's tables.
const SqliteData& Sqlite(const std::string& size) {
  static auto* cache = new std::map<std::string, SqliteData>;
  auto [it, inserted] = cache->try_emplace(size);
  SqliteData& data = it->second;
  if (!inserted) return data;
  gen::GenOptions options = Options(size);
  const std::string path = (Scratch() / (size + ".sqlite")).string();
  data.figures = *gen::ComputeSizes(options);
  Require(gen::WriteSqlite(options, path));
  if (sqlite3_open(path.c_str(), &data.db) != SQLITE_OK)
    Require(absl::UnavailableError("cannot open " + path));
  // Room for the whole file, so that the timed runs read SQLite's cache, not the disk.
  sqlite3_exec(data.db, "PRAGMA cache_size = -1048576", nullptr, nullptr, nullptr);
  Require(gen::CreateSqlBaselineIndexes(data.db));
  data.baseline = std::move(*gen::SqlBaseline::Prepare(data.db));
  Require(data.baseline->Run().status());
  const std::vector<std::string> programs = *zhuoyue::Dossier::SqlitePrograms(path);
  for (const std::string& id : programs) {
    data.dossiers.push_back(*zhuoyue::Dossier::FromSqlite(BuiltinPack(), path, id, nullptr));
  }
  return data;
}

void SizeCounters(benchmark::State& state, const gen::SizeFigures& figures) {
  state.counters["programs"] = static_cast<double>(figures.programs);
  state.counters["scores"] = static_cast<double>(figures.scores);
  state.counters["per_program"] = PerProgram(figures.programs);
}

// Coverage and default attainment of every program, from the loaded tables.
void BM_EngineCoverageAttainment(benchmark::State& state, const std::string& size) {
  const SqliteData& data = Sqlite(size);
  for (auto _ : state) {
    for (const auto& dossier : data.dossiers) {
      const zhuoyue::DossierTables& tables = ApiAccess::TablesOf(*dossier);
      zhuoyue::Report report;
      zhuoyue::AddCoverage(Checked(), tables, report);
      auto attainment = zhuoyue::ComputeAttainment(Checked().schema, tables, DefaultSettings());
      benchmark::DoNotOptimize(report);
      benchmark::DoNotOptimize(attainment);
    }
  }
  SizeCounters(state, data.figures);
}

// The same with the SQL baseline over the whole database. Its statements are prepared once,
// outside the loop, as the engine's rules are compiled once: each iteration is what a user
// re-running the queries pays.
void BM_SqlCoverageAttainment(benchmark::State& state, const std::string& size) {
  const SqliteData& data = Sqlite(size);
  for (auto _ : state) {
    absl::StatusOr<gen::SqlResults> results = data.baseline->Run();
    if (!results.ok()) state.SkipWithError("the SQL baseline failed");
    benchmark::DoNotOptimize(results);
  }
  SizeCounters(state, data.figures);
}

// ---- Batches end to end, against reading their inputs ------------------------------------

struct JsonFolder {
  std::vector<fs::path> files;
  int64_t bytes = 0;
  fs::path reports;  // where the end-to-end benchmark writes
};

const JsonFolder& JsonInputs(const std::string& size) {
  static auto* cache = new std::map<std::string, JsonFolder>;
  auto [it, inserted] = cache->try_emplace(size);
  JsonFolder& folder = it->second;
  if (!inserted) return folder;
  const fs::path inputs = Scratch() / ("json-" + size);
  Require(gen::WriteJson(Options(size), inputs.string()));
  for (const auto& entry : fs::directory_iterator(inputs)) {
    folder.files.push_back(entry.path());
    folder.bytes += static_cast<int64_t>(entry.file_size());
  }
  folder.reports = Scratch() / ("reports-" + size);
  fs::create_directories(folder.reports);
  return folder;
}

// Calls work(i) for i in [0, count) on kThreads threads, each taking the next index.
template <typename Work>
void OnThreads(size_t count, Work work) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (size_t i; (i = next++) < count;) work(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

// What `zy batch --format json` does per input: read, load, evaluate, render, write.
void BM_BatchEndToEnd(benchmark::State& state, const std::string& size) {
  const JsonFolder& folder = JsonInputs(size);
  std::atomic<bool> failed{false};
  for (auto _ : state) {
    OnThreads(folder.files.size(), [&](size_t i) {
      const fs::path& input = folder.files[i];
      auto dossier =
          zhuoyue::Dossier::FromJson(BuiltinPack(), ReadFile(input), input.string(), nullptr);
      if (!dossier.ok()) {
        failed = true;
        return;
      }
      auto report = zhuoyue::Evaluate(BuiltinPack(), **dossier);
      std::ofstream(folder.reports / input.filename(), std::ios::binary)
          << zhuoyue::ReportToJson(*report);
    });
  }
  if (failed) state.SkipWithError("an input did not load");
  state.SetBytesProcessed(state.iterations() * folder.bytes);
  state.counters["programs"] = static_cast<double>(folder.files.size());
  state.counters["per_program"] = PerProgram(static_cast<int64_t>(folder.files.size()));
}

// The floor under the batch: only reading every input's bytes, on as many threads.
void BM_ReadInputs(benchmark::State& state, const std::string& size) {
  const JsonFolder& folder = JsonInputs(size);
  for (auto _ : state) {
    OnThreads(folder.files.size(),
              [&](size_t i) { benchmark::DoNotOptimize(ReadFile(folder.files[i])); });
  }
  state.SetBytesProcessed(state.iterations() * folder.bytes);
  state.counters["programs"] = static_cast<double>(folder.files.size());
}

// Sizes: engine and SQL at program and university; batches at 1, 10, 100, 1,000 programs
// (and nation's 16,284 when ZY_BENCH_NATION=1).
[[maybe_unused]] const bool kRegistered = [] {
  for (const std::string size : {"program", "university"}) {
    benchmark::RegisterBenchmark(("BM_EngineCoverageAttainment/" + size).c_str(),
                                 BM_EngineCoverageAttainment, size)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_SqlCoverageAttainment/" + size).c_str(),
                                 BM_SqlCoverageAttainment, size)
        ->Unit(benchmark::kMillisecond);
  }
  std::vector<std::string> batches = {"program", "10", "university", "province"};
  const char* nation = std::getenv("ZY_BENCH_NATION");
  if (nation != nullptr && std::string(nation) == "1") batches.push_back("nation");
  for (const std::string& size : batches) {
    benchmark::RegisterBenchmark(("BM_BatchEndToEnd/" + size).c_str(), BM_BatchEndToEnd, size)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("BM_ReadInputs/" + size).c_str(), BM_ReadInputs, size)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  return true;
}();

}  // namespace
