// Reads dossiers from a SQLite database holding many programs (docs/dossier.md, "SQLite"):
// one table per CSV file of a bundle, with the same columns, preceded by a `program` column;
// a table `_tables(program, name, rows)` says which tables each program has.
//
// A program's rows are its CSV bundle, cell for cell (sqlite3_column_text of each; NULL is
// the empty cell, '' empty text), read by the same code as a bundle; a problem is located
// as `db.sqlite:courses:ROWID:COLUMN`.
//
// Thread safety: each call opens its own read-only connection, so threads may load
// programs of one database at once.
#ifndef ZHUOYUE_LIB_LOAD_SQLITE_LOADER_H_
#define ZHUOYUE_LIB_LOAD_SQLITE_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "check/schema.h"
#include "load/dossier.h"
#include "load/json_loader.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

// The ids of the programs in the database at `path`, in the order of its `program` table.
// NotFound when there is no such file, InvalidArgument when it is not such a database.
absl::StatusOr<std::vector<std::string>> ListSqlitePrograms(const std::string& path);

// Loads program `program` from the database at `path`. Returns nullptr when any error was
// found (each appended to `diagnostics`), including a program the database does not hold.
std::unique_ptr<DossierTables> LoadSqliteProgram(const std::string& path, std::string_view program,
                                                 const Schema& schema, Diagnostics& diagnostics,
                                                 const LoadOptions& options = {});

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_LOAD_SQLITE_LOADER_H_
