// Reads a dossier from a CSV bundle (shared/spec/dossier-v1.md, "CSV bundle"): one folder,
// one CSV file per table, named after the table (`courses.csv`, `supports.csv`, …).
//
//   Diagnostics diagnostics;
//   std::unique_ptr<DossierTables> dossier = LoadCsvBundle("programs/10698-080202", schema,
//                                                          diagnostics);
//
// The files are read into the same DOM as a JSON dossier (load/dom.h) and checked by the
// same pass, so a bundle and the JSON it was exported from load to the same tables. What
// the CSV form adds:
// - RFC 4180: quoted fields (with "" for a quote, and line breaks inside quotes), CRLF or
//   LF line ends, a header row, an optional UTF-8 BOM as Excel writes it.
// - A cell is typed by the schema field its column names: numbers keep their literal text,
//   booleans are `true`/`false` (any case, as Excel writes TRUE), lists are `a;b;c`, dotted
//   columns (`thesis.venue`) fill nested objects, `null` on a nullable field means none.
//   An empty cell is unknown, like an absent field; `""` is empty text (as PostgreSQL's CSV
//   tells NULL from ''); in a list column an empty cell is the empty list.
// - A child table's file has its parent key column (`supports.csv`: `course`); each row
//   joins the parent row with that id. When the file exists, a parent row without children
//   has an empty list (known), not an unknown one.
// - Every problem is located as `file.csv:line:column` (columns in characters).
// - A file that names no table of the schema, a row with more or fewer cells than the
//   header, an unterminated quote, or a one-row table (`program.csv`) with another number
//   of rows is an error (ZY2012).
#ifndef ZHUOYUE_LIB_LOAD_CSV_LOADER_H_
#define ZHUOYUE_LIB_LOAD_CSV_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "check/schema.h"
#include "load/dossier.h"
#include "load/json_loader.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

// One file of a bundle: its name in the folder ("courses.csv") and its bytes.
struct CsvFile {
  std::string name;
  std::string text;
};

// Loads the bundle made of `files`; `folder` names it in messages ("folder/courses.csv").
// Returns nullptr when any error was found (each appended to `diagnostics`).
std::unique_ptr<DossierTables> LoadCsvFiles(const std::vector<CsvFile>& files,
                                            std::string_view folder, const Schema& schema,
                                            Diagnostics& diagnostics,
                                            const LoadOptions& options = {});

// Reads every `*.csv` file of `folder` and loads them. A folder that cannot be read is a
// diagnostic too (the caller checks that it exists).
std::unique_ptr<DossierTables> LoadCsvBundle(const std::string& folder, const Schema& schema,
                                             Diagnostics& diagnostics,
                                             const LoadOptions& options = {});

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_LOAD_CSV_LOADER_H_
