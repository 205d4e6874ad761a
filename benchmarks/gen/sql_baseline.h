// The baseline the engine is measured against: what a user would write in plain SQL instead
// of zhuoyue, on the SQLite database `zy gen --format sqlite` writes (docs/generator.md,
// "SQLite"). It computes, for every program at once (GROUP BY program), report-v1's coverage
// lists and the default attainment of each standard point (criteria.md "Attainment"), with
// the engine's definitions (lib/graph/coverage.cc, lib/attain/attainment.cc) — the tests
// check that both give the same results — but in double, not exact rationals.
//
//   sqlite3* db = …;  // the generated database
//   absl::Status indexed = zhuoyue::gen::CreateSqlBaselineIndexes(db);  // setup, once
//   auto baseline = zhuoyue::gen::SqlBaseline::Prepare(db);
//   absl::StatusOr<zhuoyue::gen::SqlResults> results = (*baseline)->Run();
#ifndef ZHUOYUE_BENCHMARKS_GEN_SQL_BASELINE_H_
#define ZHUOYUE_BENCHMARKS_GEN_SQL_BASELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace zhuoyue::gen {

// report-v1 "coverage" of one program: ids in dossier order.
struct SqlCoverage {
  std::vector<std::string> uncovered_points;            // points no course supports
  std::vector<std::string> unassessed_points;           // points no assessment measures
  std::vector<std::string> courses_without_assessment;  // courses with no assessment
  std::vector<std::string> orphan_courses;              // courses supporting no point
};

// report-v1 "attainment.points[]" of one standard point, default method.
struct SqlPointAttainment {
  std::string point;
  std::optional<double> value;  // absent: no supporting course has a measured value
  int64_t students = 0;         // distinct students with a score in a contributing assessment
};

struct SqlProgramResult {
  SqlCoverage coverage;
  std::vector<SqlPointAttainment> points;  // every standard point, in dossier order
};

// By program id.
using SqlResults = std::map<std::string, SqlProgramResult>;

// The indexes the statements need, beyond the generator's `<table>_program`, and ANALYZE:
// what a competent user creates once before querying (not part of a timed run).
absl::Status CreateSqlBaselineIndexes(sqlite3* db);

// The statements, prepared once on `db` (which must outlive this object), and run over the
// whole database as often as asked.
class SqlBaseline {
 public:
  static absl::StatusOr<std::unique_ptr<SqlBaseline>> Prepare(sqlite3* db);
  ~SqlBaseline();
  SqlBaseline(const SqlBaseline&) = delete;
  SqlBaseline& operator=(const SqlBaseline&) = delete;

  // Coverage and attainment by program: every program with standard points or a coverage gap.
  absl::StatusOr<SqlResults> Run();

 private:
  explicit SqlBaseline(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  // One statement per coverage list, in SqlCoverage's order, then the attainment one.
  std::vector<sqlite3_stmt*> coverage_;
  sqlite3_stmt* attainment_ = nullptr;
};

}  // namespace zhuoyue::gen

#endif  // ZHUOYUE_BENCHMARKS_GEN_SQL_BASELINE_H_
