// The SQLite reader (lib/load/sqlite_loader.h): programs listed, one read as its CSV bundle
// would be, problems located at table:rowid:column, a program the database lacks named.
#include "load/sqlite_loader.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "api/api_access.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

const Schema& BuiltinSchema() {
  static const std::shared_ptr<const Pack> pack = *Pack::Builtin();
  return internal::ApiAccess::PlanOf(*pack).pack->schema;
}

// A database of two programs, P1 and P2, in the layout of docs/generator.md.
class SqliteLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/zy_sqlite_XXXXXX";  // mkstemp template: a fresh file per test
    close(mkstemp(name));
    path_ = name;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const char* sql =
        "CREATE TABLE program (program TEXT NOT NULL, id TEXT, name TEXT, plan_joined);"
        "CREATE TABLE courses (program TEXT NOT NULL, id TEXT, kind TEXT, core INTEGER, "
        "  credits, implementation TEXT);"
        "CREATE TABLE _tables (program TEXT NOT NULL, name TEXT NOT NULL, rows INTEGER);"
        "INSERT INTO program VALUES ('P1', 'P1', '机械工程', 2010), ('P2', 'P2', NULL, NULL);"
        "INSERT INTO courses VALUES ('P1', 'C1', 'course', 1, '3.5', ''),"
        "  ('P2', 'C1', 'lecture', 0, 2, NULL), ('P1', 'C2', 'lab', 0, 1, NULL);"
        "INSERT INTO _tables VALUES ('P1', 'program', 1), ('P1', 'courses', 2),"
        "  ('P2', 'program', 1), ('P2', 'courses', 1);";
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::string path_;
};

TEST_F(SqliteLoaderTest, ListsTheProgramsAndReadsOneAsItsBundle) {
  auto programs = ListSqlitePrograms(path_);
  ASSERT_TRUE(programs.ok()) << programs.status();
  EXPECT_EQ(*programs, (std::vector<std::string>{"P1", "P2"}));
  Diagnostics diagnostics;
  auto tables = LoadSqliteProgram(path_, "P1", BuiltinSchema(), diagnostics);
  ASSERT_TRUE(tables) << (diagnostics.empty() ? "" : diagnostics[0].Format());
  const Schema& schema = BuiltinSchema();
  const TableId courses = schema.FindTable("courses");
  const Table& table = tables->table(courses);
  EXPECT_EQ(table.rows, 2);  // P1's rows only
  const auto column = [&](std::string_view field) -> const Column& {
    return table.columns[schema.tables[courses].FindField(field)];
  };
  EXPECT_EQ(column("core").bools[0], 1);  // INTEGER 1 is true
  EXPECT_EQ(column("credits").numbers[0], *Number::Parse("3.5"));
  EXPECT_EQ(column("implementation").state[0], CellState::kPresent);  // '' is empty text
  EXPECT_EQ(column("implementation").state[1], CellState::kUnknown);  // NULL is absent
  // Tables the program does not have (in _tables) are absent.
  EXPECT_FALSE(tables->table(schema.FindTable("teachers")).present);
}

TEST_F(SqliteLoaderTest, AProblemIsLocatedAtItsTableRowidAndColumn) {
  Diagnostics diagnostics;
  EXPECT_FALSE(LoadSqliteProgram(path_, "P2", BuiltinSchema(), diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].file, path_ + ":courses");
  EXPECT_EQ(diagnostics[0].line, 2);    // rowid
  EXPECT_EQ(diagnostics[0].column, 2);  // kind, after id
  EXPECT_EQ(diagnostics[0].code, "ZY2003");
}

TEST_F(SqliteLoaderTest, AProgramTheDatabaseLacksOrAFileThatIsNotOneIsNamed) {
  Diagnostics diagnostics;
  EXPECT_FALSE(LoadSqliteProgram(path_, "P9", BuiltinSchema(), diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_THAT(diagnostics[0].message, ::testing::HasSubstr("no program `P9`"));
  auto listed = ListSqlitePrograms(std::string(ZHUOYUE_SOURCE_DIR) + "/examples/failing.json");
  EXPECT_FALSE(listed.ok());
}

}  // namespace
}  // namespace zhuoyue
