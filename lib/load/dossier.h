// A loaded dossier: columnar tables (struct of arrays) shaped by the pack's schema.
//
// Every cell has a state: unknown (absent in the input), none (known to be empty: JSON
// null on a nullable field) or present. Strings are interned once per dossier; references
// are resolved to (table, row) at load time, so evaluation never looks an id up.
#ifndef ZHUOYUE_LIB_LOAD_DOSSIER_H_
#define ZHUOYUE_LIB_LOAD_DOSSIER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/number.h"
#include "check/schema.h"

namespace zhuoyue {

using SymbolId = int32_t;

// Owns every distinct string of a dossier; ids are dense and stable.
class Interner {
 public:
  SymbolId Intern(std::string_view text);
  // -1 when the text never occurs in the dossier.
  SymbolId Find(std::string_view text) const;
  std::string_view Text(SymbolId id) const { return texts_[id]; }

 private:
  std::deque<std::string> texts_;
  absl::flat_hash_map<std::string_view, SymbolId> ids_;
};

enum class CellState : uint8_t { kUnknown = 0, kPresent = 1, kNone = 2 };

// A row of a table. In a list of references, {table, -1} is a row of an absent table: it
// exists, but the dossier does not show it.
struct RowRef {
  TableId table = kNoTable;
  int32_t row = -1;
  friend bool operator==(const RowRef&, const RowRef&) = default;
};

// One field of one table. Only the vectors that fit the field's type are filled; each has
// one entry per row (lists: `list_begin[row]`..`list_begin[row + 1]` into the items).
struct Column {
  std::vector<CellState> state;
  std::vector<Number> numbers;  // kNumber, kWeight
  std::vector<uint8_t> bools;   // kBool
  // kString, kKey; kEnum: index into enum_values, or -(1 + symbol) for a value of an open enum
  // that is not in enum_values.
  std::vector<SymbolId> symbols;
  std::vector<RowRef> refs;  // kRef
  // Lists.
  std::vector<uint32_t> list_begin;    // rows + 1 entries
  std::vector<SymbolId> list_symbols;  // kString, kKey, kEnum (encoded as `symbols`)
  std::vector<RowRef> list_refs;
  std::vector<Number> list_numbers;  // kNumber, kWeight
  std::vector<uint8_t> list_bools;   // kBool
};

struct Table {
  bool present = false;  // false: the table (or its singleton object) is absent = unknown
  int32_t rows = 0;
  std::vector<Column> columns;      // parallel to TableDecl::fields
  std::vector<int32_t> parent_row;  // child tables: owning row in the parent table
  // Child tables: rows of this table per parent row, CSR (`child_begin` has parent rows + 1).
  std::vector<uint32_t> child_begin;
  std::vector<int32_t> child_rows;
  // Child tables: per parent row, kPresent when that row carries the array (even empty),
  // kUnknown when it is absent or null, so `[]` and "not given" stay apart.
  std::vector<CellState> child_state;
  // JSON pointer of each row ("/courses/3"), for located messages and `missing` lists;
  // empty for the rows of a pack table, which are not in the dossier.
  std::vector<std::string> row_pointer;
  // Fields the schema does not declare, kept verbatim (JSON text) per row; inside a nested
  // object the name is dotted ("thesis.note").
  std::vector<absl::flat_hash_map<std::string, std::string>> extra_fields;
  absl::flat_hash_map<SymbolId, int32_t> row_by_id;
};

struct DossierTables {
  const Schema* schema = nullptr;
  Interner strings;
  std::vector<Table> tables;  // parallel to Schema::tables
  std::string source_name;    // file name or "<memory>"
  // Members of the root object the schema does not declare: (name, JSON text), in order.
  std::vector<std::pair<std::string, std::string>> extra_root;

  const Table& table(TableId id) const { return tables[id]; }
  // The id of a row as text ("" when the table has no id field or it is unknown).
  std::string_view RowId(RowRef ref) const;
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_LOAD_DOSSIER_H_
