// The SQLite reader: a program's rows of every table, as text cells, into LoadTextTables.
#include "load/sqlite_loader.h"

#include <sqlite3.h>

#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/codes.h"
#include "base/status_macros.h"
#include "load/dom.h"
#include "load/text_tables.h"

namespace zhuoyue {
namespace {

using namespace codes;  // NOLINT: the codes are this file's vocabulary.
using namespace load;   // NOLINT: the tables are what this file reads.

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

absl::StatusOr<Database> Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int opened =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  Database owned(db);
  if (opened != SQLITE_OK) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path, ": ", sqlite3_errstr(opened)));
  }
  return owned;
}

absl::StatusOr<Statement> Prepare(sqlite3* db, const std::string& sql, const std::string& path) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " is not a database of dossiers: ", sqlite3_errmsg(db)));
  }
  return Statement(statement);
}

std::string Text(sqlite3_stmt* statement, int column) {
  const unsigned char* text = sqlite3_column_text(statement, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            sqlite3_column_bytes(statement, column))
              : std::string();
}

std::string Quoted(std::string_view name) { return absl::StrCat("\"", std::string(name), "\""); }

// The program's rows of SQL table `name`, as a table of text cells; a column NULL in every
// row of the program is left out (its bundle has no such column).
absl::Status ReadTable(sqlite3* db, const std::string& path, TableId t, const std::string& name,
                       std::string_view program, std::vector<SourceTable>& tables) {
  ZY_ASSIGN_OR_RETURN(Statement rows, Prepare(db,
                                              absl::StrCat("SELECT rowid, * FROM ", Quoted(name),
                                                           " WHERE program = ?1 ORDER BY rowid"),
                                              path));
  sqlite3_bind_text(rows.get(), 1, program.data(), static_cast<int>(program.size()),
                    SQLITE_TRANSIENT);
  const int columns = sqlite3_column_count(rows.get());  // rowid, program, then the fields
  SourceTable table;
  table.table = t;
  table.where = absl::StrCat(path, ":", name);
  std::vector<bool> used(columns, false);
  for (int c = 2; c < columns; ++c) {
    table.header.push_back(Cell{sqlite3_column_name(rows.get(), c), 0, c - 1, false});
  }
  int step;
  while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
    Record& record = table.rows.emplace_back();
    record.line = static_cast<int>(sqlite3_column_int64(rows.get(), 0));
    for (int c = 2; c < columns; ++c) {
      const bool null = sqlite3_column_type(rows.get(), c) == SQLITE_NULL;
      if (!null) used[c] = true;
      // '' is empty text, as `""` in a CSV cell.
      record.cells.push_back(Cell{Text(rows.get(), c), record.line, c - 1, !null});
    }
  }
  if (step != SQLITE_DONE) {
    return absl::InvalidArgumentError(absl::StrCat("cannot read ", path, ": ", sqlite3_errmsg(db)));
  }
  // Keep the columns some row of the program fills (and all of them for an empty table).
  if (!table.rows.empty()) {
    std::vector<int> kept;
    for (int c = 2; c < columns; ++c) {
      if (used[c]) kept.push_back(c - 2);
    }
    auto keep = [&](std::vector<Cell>& cells) {
      std::vector<Cell> out;
      for (int k : kept) out.push_back(std::move(cells[k]));
      cells = std::move(out);
    };
    keep(table.header);
    for (Record& record : table.rows) keep(record.cells);
  }
  tables.push_back(std::move(table));
  return absl::OkStatus();
}

// Every table program `program` has, per `_tables`.
absl::Status ReadProgram(sqlite3* db, const std::string& path, std::string_view program,
                         const Schema& schema, std::vector<SourceTable>& tables,
                         Reporter& reporter) {
  ZY_ASSIGN_OR_RETURN(
      Statement names,
      Prepare(db, "SELECT name FROM _tables WHERE program = ?1 ORDER BY rowid", path));
  sqlite3_bind_text(names.get(), 1, program.data(), static_cast<int>(program.size()),
                    SQLITE_TRANSIENT);
  bool any = false;
  while (sqlite3_step(names.get()) == SQLITE_ROW) {
    any = true;
    const std::string name = Text(names.get(), 0);
    const TableId t = schema.FindTable(name);
    if (t == kNoTable || schema.tables[t].from_pack) {
      reporter.ErrorIn(kMalformedCsv, absl::StrCat(path, ":", name), 1, 1,
                       absl::StrCat("`", name, "` is not a table of the dossier"));
      continue;
    }
    ZY_RETURN_IF_ERROR(ReadTable(db, path, t, name, program, tables));
  }
  if (!any) {
    reporter.ErrorIn(kMalformedCsv, path, 1, 1,
                     absl::StrCat("the database holds no program `", std::string(program), "`"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ListSqlitePrograms(const std::string& path) {
  ZY_ASSIGN_OR_RETURN(Database db, Open(path));
  ZY_ASSIGN_OR_RETURN(Statement ids,
                      Prepare(db.get(), "SELECT program FROM program ORDER BY rowid", path));
  std::vector<std::string> programs;
  int step;
  while ((step = sqlite3_step(ids.get())) == SQLITE_ROW) programs.push_back(Text(ids.get(), 0));
  if (step != SQLITE_DONE) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", path, ": ", sqlite3_errmsg(db.get())));
  }
  return programs;
}

std::unique_ptr<DossierTables> LoadSqliteProgram(const std::string& path, std::string_view program,
                                                 const Schema& schema, Diagnostics& diagnostics,
                                                 const LoadOptions& options) {
  Reporter reporter(path, diagnostics, options.max_errors);
  try {
    absl::StatusOr<Database> db = Open(path);
    std::vector<SourceTable> tables;
    absl::Status read =
        db.ok() ? ReadProgram(db->get(), path, program, schema, tables, reporter) : db.status();
    if (!read.ok()) {
      reporter.ErrorIn(kMalformedCsv, path, 1, 1, std::string(read.message()));
      return nullptr;
    }
    if (reporter.failed()) return nullptr;
    return LoadTextTables(std::move(tables), absl::StrCat(path, ":", std::string(program)), schema,
                          reporter);
  } catch (const std::exception& e) {
    reporter.Error(kMalformedCsv, "", absl::StrCat("could not read the database: ", e.what()));
  } catch (...) {
    reporter.Error(kMalformedCsv, "", "could not read the database");
  }
  return nullptr;
}

}  // namespace zhuoyue
