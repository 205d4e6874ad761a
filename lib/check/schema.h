// The dossier schema a rule pack declares, resolved by the checker.
//
// The loader reads dossiers through it and the evaluator addresses columns through it, so
// the engine itself knows no table or field of the plan: everything comes from the pack.
//
// Shape: every array of objects in a dossier is a *table* (struct of arrays once loaded).
// Nested objects are flattened into dotted field names ("thesis.venue"). An array nested in
// a row becomes a child table whose rows point to their parent row; an array nested in a
// singleton object (program, international, support) is a child table of that singleton.
#ifndef ZHUOYUE_LIB_CHECK_SCHEMA_H_
#define ZHUOYUE_LIB_CHECK_SCHEMA_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/number.h"

namespace zhuoyue {

using TableId = int;
using FieldId = int;
inline constexpr TableId kNoTable = -1;

enum class FieldType {
  kNumber,
  kBool,
  kString,
  kKey,     // a string that may be written as an integer in JSON (requirement ids)
  kEnum,    // a closed (or open) set of names
  kWeight,  // "H" / "M" / "L" (stored 3 / 2 / 1) or a number in (0, 1]
  kRef,     // id of a row of one of `ref_targets`
  kGroup,   // a nested object; its members are the fields named "<group>.<member>"
};

struct FieldDecl {
  std::string name;  // dotted path inside the row: "thesis.venue"
  FieldType type = FieldType::kString;
  bool is_list = false;  // list of the element type
  // kEnum: the allowed names; `open` accepts any string (methods, assessment kinds).
  std::vector<std::string> enum_values;
  bool enum_open = false;
  // kRef: tables whose ids are valid targets, and the name of the inverse navigation that
  // the target rows get ("lectures" on teachers for courses.lecturers), if declared.
  std::vector<TableId> ref_targets;
  std::string inverse;
  // kNumber: inclusive lower bound checked at load time, e.g. 0 for weeks.
  std::optional<Number> minimum;
  // kNumber: an upper bound read through a reference of the same row, checked at load time:
  // `score: number >= 0 <= assessment.full_score` (both -1 when there is none).
  FieldId maximum_ref = -1;    // the kRef field of this table
  FieldId maximum_field = -1;  // the number field of the referenced table
  bool required = false;
  bool is_id = false;  // the row's id; at most one per table
  // JSON `null` means "known to be none" (accreditation.validity_years).
  bool nullable = false;
  // Absent also means "known to be none" (previous_evaluation).
  bool absent_is_none = false;
  FieldId group = -1;  // the enclosing kGroup field, for dotted members
};

struct TableDecl {
  std::string name;           // "courses", "points", "program"
  bool singleton = false;     // a JSON object rather than an array (program, support)
  TableId parent = kNoTable;  // for nested arrays: the table whose rows own these rows
  std::string parent_key;     // CSV parent key column, also a navigation to the parent row
  std::string json_key;       // key under the parent (or the dossier root)
  bool ids_global = false;    // ids unique across the dossier, not just the table
  std::vector<FieldDecl> fields;
  std::vector<TableId> children;
  FieldId id_field = -1;
  // A table whose rows come from the pack, not the dossier: a `standard` (G1..G11) is one,
  // so that dossier fields can refer to its points. Fields: id, text.
  bool from_pack = false;
  std::vector<std::pair<std::string, std::string>> pack_rows;  // (id, text)

  FieldId FindField(std::string_view field) const {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name == field) return static_cast<FieldId>(i);
    }
    return -1;
  }
};

// An inverse navigation: rows of `source` whose `field` refers to a row of the target.
struct InverseDecl {
  TableId source = kNoTable;
  FieldId field = -1;
};

struct Schema {
  std::vector<TableDecl> tables;
  absl::flat_hash_map<std::string, TableId> table_by_name;
  // (target table, inverse name) -> where it comes from.
  absl::flat_hash_map<std::pair<TableId, std::string>, InverseDecl> inverses;

  TableId FindTable(std::string_view name) const {
    // Debian's Abseil has its own string_view type, not std::string_view.
    auto it = table_by_name.find(absl::string_view(name.data(), name.size()));
    return it == table_by_name.end() ? kNoTable : it->second;
  }
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_CHECK_SCHEMA_H_
