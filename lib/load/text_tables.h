// Tables of text cells — the files of a CSV bundle, a program's rows in a SQLite database —
// turned into a dossier: built into the DOM of a JSON dossier (load/dom.h), checked by the
// same pass, each problem located at its table, row and column. Internal to lib/load; the
// readers are csv_loader.cc and sqlite_loader.cc, the rules of the cells are csv_loader.h's.
#ifndef ZHUOYUE_LIB_LOAD_TEXT_TABLES_H_
#define ZHUOYUE_LIB_LOAD_TEXT_TABLES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "check/schema.h"
#include "load/dom.h"
#include "load/dossier.h"

namespace zhuoyue::load {

// A cell: its text, where it stands (a CSV line and column in characters; a SQLite rowid
// and column number), and whether it was quoted.
struct Cell {
  std::string text;
  int line = 0;
  int column = 0;
  bool quoted = false;  // `""` is empty text; an unquoted empty cell is an absent value
};

// A row and the line (or rowid) it starts at.
struct Record {
  std::vector<Cell> cells;
  int line = 0;
};

// One table of the input, in text cells: a CSV file, or a program's rows of a SQLite table.
struct SourceTable {
  TableId table = kNoTable;
  std::string where;  // names it in messages: "folder/courses.csv", "db.sqlite:courses"
  std::vector<Cell> header;
  std::vector<Record> rows;
};

// The dossier the tables make, or nullptr when `reporter` got an error. Tables of the schema
// that are not among them are absent.
std::unique_ptr<DossierTables> LoadTextTables(std::vector<SourceTable> tables,
                                              std::string_view name, const Schema& schema,
                                              Reporter& reporter);

}  // namespace zhuoyue::load

#endif  // ZHUOYUE_LIB_LOAD_TEXT_TABLES_H_
