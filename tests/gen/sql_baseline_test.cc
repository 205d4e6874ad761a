// The plain-SQL baseline (benchmarks/gen/sql_baseline.h) computes what the engine computes:
// on generated programs in one SQLite database, the coverage lists are the engine's and the
// attainment of every point agrees to 1e-9 — including programs whose tables are unknown.
#include "benchmarks/gen/sql_baseline.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "benchmarks/gen/generator.h"
#include "zhuoyue/zhuoyue.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kPrograms = 12;

class SqlBaselineTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("zy_sql_baseline_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_path_ = (dir_ / "programs.db").string();
    ASSERT_TRUE(zhuoyue::gen::WriteSqlite(options_, db_path_).ok());
    ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db_), SQLITE_OK);
  }
  void TearDown() override {
    sqlite3_close(db_);
    fs::remove_all(dir_);
  }

  void Exec(const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
  }
  std::string Id(int64_t index) const { return zhuoyue::gen::DescribeProgram(options_, index).id; }

  const zhuoyue::gen::GenOptions options_{.programs = kPrograms, .seed = 1, .threads = 2};
  fs::path dir_;
  std::string db_path_;
  sqlite3* db_ = nullptr;
};

bool Near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), 1.0); }

TEST_F(SqlBaselineTest, ComputesTheEnginesCoverageAndAttainment) {
  // Edits the engine reads as unknown data, never listed as a gap: program 1 without a
  // supports table (no uncovered point, no orphan course, no attainment), program 2 without
  // assessment points (no unassessed point); programs 3 and 4 with a point no course
  // supports (measures) that would be a gap, were another support (measure) not of an
  // unknown point. Program 6 without scores (every value null); missing scores in program 7
  // (left out of the means), scores of unknown students in program 8 and of the students of
  // an absent table in program 9 (in the means, no student credited).
  auto where = [&](int64_t index) { return " WHERE program = '" + Id(index) + "'"; };
  Exec("DELETE FROM supports" + where(1) + "; DELETE FROM _tables" + where(1) +
       " AND name = 'supports';");
  Exec("DELETE FROM assessment_points" + where(2) + "; DELETE FROM _tables" + where(2) +
       " AND name = 'assessment_points';");
  for (const auto& [index, table] :
       std::vector<std::pair<int, std::string>>{{3, "supports"}, {4, "assessment_points"}}) {
    const std::string rows = table + where(index);
    Exec("DELETE FROM " + rows + " AND point = (SELECT point FROM " + rows + " LIMIT 1);");
    Exec("UPDATE " + table + " SET point = NULL WHERE rowid = (SELECT MIN(rowid) FROM " + rows +
         ");");
  }
  Exec("DELETE FROM scores" + where(6) + "; DELETE FROM _tables" + where(6) +
       " AND name = 'scores';");
  Exec("UPDATE scores SET score = NULL" + where(7) + " AND rowid % 3 = 0;");
  Exec("UPDATE scores SET student = NULL" + where(8) + " AND rowid % 5 = 0;");
  Exec("DELETE FROM students" + where(9) + "; DELETE FROM _tables" + where(9) +
       " AND name = 'students';");
  ASSERT_TRUE(zhuoyue::gen::CreateSqlBaselineIndexes(db_).ok());
  auto baseline = zhuoyue::gen::SqlBaseline::Prepare(db_);
  ASSERT_TRUE(baseline.ok()) << baseline.status();
  absl::StatusOr<zhuoyue::gen::SqlResults> results = (*baseline)->Run();
  ASSERT_TRUE(results.ok()) << results.status();
  // A second run gives the same: the statements are reset after each.
  absl::StatusOr<zhuoyue::gen::SqlResults> again = (*baseline)->Run();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), results->size());

  auto pack = zhuoyue::Pack::Builtin();
  ASSERT_TRUE(pack.ok());
  auto programs = zhuoyue::Dossier::SqlitePrograms(db_path_);
  ASSERT_TRUE(programs.ok());
  ASSERT_EQ(programs->size(), static_cast<size_t>(kPrograms));
  ASSERT_EQ(results->size(), static_cast<size_t>(kPrograms));

  // What makes the comparison bite: each list non-empty somewhere, values that vary.
  std::set<std::string> nonempty_lists;
  std::set<double> values;
  int null_values = 0;
  for (const std::string& id : *programs) {
    SCOPED_TRACE(id);
    std::vector<zhuoyue::Diagnostic> problems;
    auto dossier = zhuoyue::Dossier::FromSqlite(**pack, db_path_, id, &problems);
    ASSERT_TRUE(dossier.ok()) << dossier.status();
    auto report = zhuoyue::Evaluate(**pack, **dossier);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(results->contains(id));
    const zhuoyue::gen::SqlProgramResult& sql = results->at(id);

    const zhuoyue::Coverage& coverage = report->coverage;
    EXPECT_EQ(sql.coverage.uncovered_points, coverage.uncovered_points);
    EXPECT_EQ(sql.coverage.unassessed_points, coverage.unassessed_points);
    EXPECT_EQ(sql.coverage.courses_without_assessment, coverage.courses_without_assessment);
    EXPECT_EQ(sql.coverage.orphan_courses, coverage.orphan_courses);
    if (!coverage.uncovered_points.empty()) nonempty_lists.insert("uncovered_points");
    if (!coverage.unassessed_points.empty()) nonempty_lists.insert("unassessed_points");
    if (!coverage.courses_without_assessment.empty()) {
      nonempty_lists.insert("courses_without_assessment");
    }
    if (!coverage.orphan_courses.empty()) nonempty_lists.insert("orphan_courses");

    const std::vector<zhuoyue::PointAttainment>& points = report->attainment.points;
    ASSERT_EQ(sql.points.size(), points.size());
    for (size_t p = 0; p < points.size(); ++p) {
      SCOPED_TRACE(points[p].id);
      EXPECT_EQ(sql.points[p].point, points[p].id);
      EXPECT_EQ(sql.points[p].students, points[p].students);
      ASSERT_EQ(sql.points[p].value.has_value(), points[p].value.has_value());
      if (!points[p].value) {
        ++null_values;
        continue;
      }
      EXPECT_TRUE(Near(*sql.points[p].value, *points[p].value))
          << *sql.points[p].value << " vs " << *points[p].value;
      values.insert(*points[p].value);
    }
  }
  EXPECT_TRUE(results->at(Id(1)).coverage.orphan_courses.empty());
  EXPECT_TRUE(results->at(Id(2)).coverage.unassessed_points.empty());
  EXPECT_TRUE(results->at(Id(3)).coverage.uncovered_points.empty());
  EXPECT_TRUE(results->at(Id(4)).coverage.unassessed_points.empty());
  for (const zhuoyue::gen::SqlPointAttainment& point : results->at(Id(9)).points) {
    EXPECT_EQ(point.students, 0) << point.point;  // its scores credit no known student
  }
  EXPECT_EQ(nonempty_lists.size(), 4u);
  EXPECT_GT(values.size(), 100u);
  EXPECT_GT(null_values, 0);  // programs 1 and 6
}

}  // namespace
