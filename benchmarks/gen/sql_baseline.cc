#include "benchmarks/gen/sql_baseline.h"

#include <sqlite3.h>

#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace zhuoyue::gen {
namespace {

// Indexes for the joins and NOT EXISTS probes below: every lookup is by (program, key).
// scores' index covers (assessment, score, student) so that the per-assessment means and the
// students' count read the index alone. `points` and `courses` are read in dossier order
// through the generator's `<table>_program` index (program, then rowid).
constexpr std::string_view kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS supports_program_point ON supports (program, point);
CREATE INDEX IF NOT EXISTS supports_program_course ON supports (program, course);
CREATE INDEX IF NOT EXISTS assessments_program_id ON assessments (program, id);
CREATE INDEX IF NOT EXISTS assessments_program_course ON assessments (program, course);
CREATE INDEX IF NOT EXISTS assessment_points_program_point ON assessment_points (program, point);
CREATE INDEX IF NOT EXISTS assessment_points_program_assessment
  ON assessment_points (program, assessment, point);
CREATE INDEX IF NOT EXISTS scores_program_assessment
  ON scores (program, assessment, score, student);
CREATE INDEX IF NOT EXISTS students_program_id ON students (program, id);
ANALYZE;
)sql";

// Whether the dossier of the program of row `alias` has `table`. Absent from `_tables`, the
// table is unknown, and the engine decides no gap from it.
std::string Has(const char* alias, const char* table) {
  return absl::StrCat("EXISTS (SELECT 1 FROM _tables t WHERE t.program = ", alias,
                      ".program AND t.name = '", table, "')");
}

// A support or assessment-point weight as a number: H/M/L = 3/2/1, else the number written.
std::string Weight(const char* column) {
  return absl::StrCat("(CASE ", column, " WHEN 'H' THEN 3.0 WHEN 'M' THEN 2.0 WHEN 'L' THEN 1.0",
                      " ELSE CAST(", column, " AS REAL) END)");
}

// The coverage lists, in SqlCoverage's order; each yields (program, id) in dossier order.
// A point's gap needs its tables known: a NULL reference (an unknown cell) leaves every
// point of the program undecided, as in the engine.
std::vector<std::string> CoverageSql() {
  return {
      // uncovered_points
      absl::StrCat("SELECT p.program, p.id FROM points p WHERE ", Has("p", "courses"), " AND ",
                   Has("p", "supports"),
                   " AND NOT EXISTS (SELECT 1 FROM supports s"
                   "   WHERE s.program = p.program AND s.point IS NULL)"
                   " AND NOT EXISTS (SELECT 1 FROM supports s"
                   "   WHERE s.program = p.program AND s.point = p.id)"
                   " ORDER BY p.program, p.rowid"),
      // unassessed_points
      absl::StrCat("SELECT p.program, p.id FROM points p WHERE ", Has("p", "assessments"), " AND ",
                   Has("p", "assessment_points"),
                   " AND NOT EXISTS (SELECT 1 FROM assessment_points m"
                   "   WHERE m.program = p.program AND m.point IS NULL)"
                   " AND NOT EXISTS (SELECT 1 FROM assessment_points m"
                   "   WHERE m.program = p.program AND m.point = p.id)"
                   " ORDER BY p.program, p.rowid"),
      // courses_without_assessment
      absl::StrCat("SELECT c.program, c.id FROM courses c WHERE ", Has("c", "assessments"),
                   " AND NOT EXISTS (SELECT 1 FROM assessments a"
                   "   WHERE a.program = c.program AND a.course = c.id)"
                   " ORDER BY c.program, c.rowid"),
      // orphan_courses
      absl::StrCat("SELECT c.program, c.id FROM courses c WHERE ", Has("c", "supports"),
                   " AND NOT EXISTS (SELECT 1 FROM supports s"
                   "   WHERE s.program = c.program AND s.course = c.id)"
                   " ORDER BY c.program, c.rowid"),
  };
}

// Default attainment of every point: (program, point, value or NULL, students).
// - An assessment's share is its mean score (the scores given; a missing one is no row or
//   NULL) over its full score; it enters only with a score and a full score > 0.
// - value(course, point) = Σ w·share / Σ w over the course's assessments measuring the point,
//   w = assessment weight × point weight (> 0; an unknown weight leaves the pair out).
// - value(point) = Σ W·value(course, point) / Σ W over the supporting courses with a value
//   and a known support weight W; no such course: NULL.
// - students: distinct students (rows of `students`) with a score in an assessment that
//   entered one of those course values.
std::string AttainmentSql() {
  return absl::StrReplaceAll(
      R"sql(
WITH assessment_mean AS (
  SELECT program, assessment, AVG(CAST(score AS REAL)) AS mean_score
  FROM scores WHERE score IS NOT NULL
  GROUP BY program, assessment),
contribution AS (
  SELECT a.program, a.course, m.point, a.id AS assessment,
         CAST(a.weight AS REAL) * $MEASURE_WEIGHT AS w,
         am.mean_score / CAST(a.full_score AS REAL) AS share
  FROM assessment_points m
  JOIN assessments a ON a.program = m.program AND a.id = m.assessment
  JOIN assessment_mean am ON am.program = a.program AND am.assessment = a.id
  WHERE CAST(a.full_score AS REAL) > 0 AND CAST(a.weight AS REAL) * $MEASURE_WEIGHT > 0),
course_point AS (
  SELECT program, course, point, SUM(w * share) / SUM(w) AS value
  FROM contribution GROUP BY program, course, point),
point_value AS (
  SELECT s.program, s.point,
         SUM($SUPPORT_WEIGHT * cp.value) / SUM($SUPPORT_WEIGHT) AS value
  FROM supports s
  JOIN course_point cp ON cp.program = s.program AND cp.course = s.course AND cp.point = s.point
  WHERE s.weight IS NOT NULL
  GROUP BY s.program, s.point),
point_students AS (
  SELECT s.program, s.point, COUNT(DISTINCT sc.student) AS students
  FROM supports s
  JOIN contribution c ON c.program = s.program AND c.course = s.course AND c.point = s.point
  JOIN scores sc ON sc.program = c.program AND sc.assessment = c.assessment
  JOIN students st ON st.program = sc.program AND st.id = sc.student
  WHERE s.weight IS NOT NULL AND sc.score IS NOT NULL
  GROUP BY s.program, s.point)
SELECT p.program, p.id, pv.value, COALESCE(ps.students, 0)
FROM points p
LEFT JOIN point_value pv ON pv.program = p.program AND pv.point = p.id
LEFT JOIN point_students ps ON ps.program = p.program AND ps.point = p.id
ORDER BY p.program, p.rowid
)sql",
      {{"$MEASURE_WEIGHT", Weight("m.weight")}, {"$SUPPORT_WEIGHT", Weight("s.weight")}});
}

absl::Status SqlError(sqlite3* db, const char* what) {
  return absl::InternalError(absl::StrCat(what, ": ", sqlite3_errmsg(db)));
}

std::string Text(sqlite3_stmt* statement, int column) {
  const unsigned char* text = sqlite3_column_text(statement, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            sqlite3_column_bytes(statement, column))
              : std::string();
}

// Steps `statement` to its end, calling `row` on each row; leaves it reset for the next run.
template <typename Row>
absl::Status EachRow(sqlite3* db, sqlite3_stmt* statement, Row row) {
  int step;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) row(statement);
  sqlite3_reset(statement);
  return step == SQLITE_DONE ? absl::OkStatus() : SqlError(db, "running the SQL baseline");
}

}  // namespace

absl::Status CreateSqlBaselineIndexes(sqlite3* db) {
  if (sqlite3_exec(db, std::string(kIndexes).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqlError(db, "creating the SQL baseline's indexes");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<SqlBaseline>> SqlBaseline::Prepare(sqlite3* db) {
  std::unique_ptr<SqlBaseline> baseline(new SqlBaseline(db));
  auto prepare = [db](const std::string& sql, sqlite3_stmt** statement) {
    return sqlite3_prepare_v2(db, sql.c_str(), -1, statement, nullptr) == SQLITE_OK
               ? absl::OkStatus()
               : SqlError(db, "preparing the SQL baseline");
  };
  for (const std::string& sql : CoverageSql()) {
    baseline->coverage_.push_back(nullptr);
    if (absl::Status status = prepare(sql, &baseline->coverage_.back()); !status.ok()) {
      return status;
    }
  }
  if (absl::Status status = prepare(AttainmentSql(), &baseline->attainment_); !status.ok()) {
    return status;
  }
  return baseline;
}

SqlBaseline::~SqlBaseline() {
  for (sqlite3_stmt* statement : coverage_) sqlite3_finalize(statement);
  sqlite3_finalize(attainment_);
}

absl::StatusOr<SqlResults> SqlBaseline::Run() {
  SqlResults results;
  // Rows come grouped by program: look each program up once per run of its rows.
  std::string program;
  SqlProgramResult* current = nullptr;
  auto result_of = [&](sqlite3_stmt* statement) -> SqlProgramResult& {
    const unsigned char* id = sqlite3_column_text(statement, 0);
    std::string_view id_view(reinterpret_cast<const char*>(id), sqlite3_column_bytes(statement, 0));
    if (current == nullptr || id_view != program) {
      program = id_view;
      current = &results[program];
    }
    return *current;
  };
  std::vector<std::string> SqlCoverage::*const lists[] = {
      &SqlCoverage::uncovered_points, &SqlCoverage::unassessed_points,
      &SqlCoverage::courses_without_assessment, &SqlCoverage::orphan_courses};
  for (size_t k = 0; k < coverage_.size(); ++k) {
    current = nullptr;
    absl::Status status = EachRow(db_, coverage_[k], [&](sqlite3_stmt* row) {
      (result_of(row).coverage.*lists[k]).push_back(Text(row, 1));
    });
    if (!status.ok()) return status;
  }
  current = nullptr;
  absl::Status status = EachRow(db_, attainment_, [&](sqlite3_stmt* row) {
    SqlPointAttainment point;
    point.point = Text(row, 1);
    if (sqlite3_column_type(row, 2) != SQLITE_NULL) point.value = sqlite3_column_double(row, 2);
    point.students = sqlite3_column_int64(row, 3);
    result_of(row).points.push_back(std::move(point));
  });
  if (!status.ok()) return status;
  return results;
}

}  // namespace zhuoyue::gen
