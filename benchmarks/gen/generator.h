// The synthetic data generator: realistic dossiers (zhuoyue.dossier/1) of pilot programs at
// named sizes, seeded and reproducible, written as JSON files, CSV bundles or one SQLite
// database (docs/generator.md). Behind `zy gen` and the benchmarks.
//
//   zhuoyue::gen::GenOptions options{.size = "university", .seed = 7};
//   absl::Status written = zhuoyue::gen::WriteJson(options, "/tmp/university");
//   std::string one = zhuoyue::gen::GenerateProgramJson(options, 0);  // in memory
//
// Program i is a function of (seed, i) alone: the same bytes in every run, whatever the
// number of programs or threads, so a slice (`first`, `programs`) equals that part of the
// whole. Only the programs being written are held in memory (one per thread), so the
// `nation` size needs disk space, not memory. The functions are thread-safe.
#ifndef ZHUOYUE_BENCHMARKS_GEN_GENERATOR_H_
#define ZHUOYUE_BENCHMARKS_GEN_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace zhuoyue::gen {

// What to generate. Defaults:
//   size      "program"  program (1), university (100), province (1,000), nation (16,284)
//   programs  -1         when >= 1, the number of programs instead of the size's
//   first     0          the index of the first program: a run makes first … first+count-1
//   seed      1          the same seed, the same bytes
//   threads   1          programs generated at once; never changes the output
//   bom       false      CSV files start with a UTF-8 BOM, as Excel writes them
//   progress  empty      called after each program written: (done, total), one at a time
struct GenOptions {
  std::string size = "program";
  int64_t programs = -1;
  int64_t first = 0;
  uint64_t seed = 1;
  int threads = 1;
  bool bom = false;
  std::function<void(int64_t done, int64_t total)> progress;
};

// The named sizes, smallest first: {"program", 1}, {"university", 100}, …
std::vector<std::pair<std::string, int64_t>> NamedSizes();

// The number of programs `options` asks for; InvalidArgument for an unknown size, a count
// below 1 or a negative first index.
absl::StatusOr<int64_t> ProgramCount(const GenOptions& options);

// The dossier of program `index` as zhuoyue.dossier/1 JSON text: one member per line, one
// table row per line, a final newline. Exactly the content of WriteJson's file.
std::string GenerateProgramJson(const GenOptions& options, int64_t index);

// What program `index` is meant to be, computed without generating names, scores or text.
struct ProgramProfile {
  std::string id;                // program id, e.g. "10007-080202"; the file name
  std::string archetype;         // compliant | failing | incomplete | not_passed
  std::string expected_overall;  // passed_and_met | passed_not_met | pending | not_passed
  // The defects (failing, not_passed) or gaps (incomplete) built in, e.g. "short_weeks"
  // (criterion 7.2), "no_judgements"; docs/generator.md lists them.
  std::vector<std::string> defects;
  int64_t students = 0;
  int64_t teachers = 0;
  int64_t courses = 0;
  int64_t assessments = 0;
  int64_t scores = 0;  // rows of the scores table (0 when the table is absent)
};
ProgramProfile DescribeProgram(const GenOptions& options, int64_t index);

// The totals of a run, exact, computed without generating names, scores or files (nation:
// some seconds per thread): for benchmarks to report rates.
struct SizeFigures {
  int64_t programs = 0;
  int64_t students = 0;
  int64_t teachers = 0;
  int64_t courses = 0;
  int64_t assessments = 0;
  int64_t scores = 0;
};
absl::StatusOr<SizeFigures> ComputeSizes(const GenOptions& options);

// Writers. Each file is written whole or not at all (a temporary name, then a rename); an
// error names the path that could not be written.
// JSON: `dir`/<program-id>.json, one per program; `dir` is created if missing.
absl::Status WriteJson(const GenOptions& options, const std::string& dir);
// CSV bundles: `dir`/<program-id>/ with the files of dossier-v1.md "CSV bundle: the exact
// file list"; each bundle folder appears whole (built aside, then renamed).
absl::Status WriteCsv(const GenOptions& options, const std::string& dir);
// One SQLite database at `path` holding every program: one table per CSV file, each with a
// first column `program`; the layout is docs/generator.md "SQLite".
absl::Status WriteSqlite(const GenOptions& options, const std::string& path);

}  // namespace zhuoyue::gen

#endif  // ZHUOYUE_BENCHMARKS_GEN_GENERATOR_H_
