// Pass 2 of every dossier loader: the DOM (dom.h) -> DossierTables, along the schema.
//
// Error codes are declared in base/diagnostic_kinds.def.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/codes.h"
#include "load/dom.h"

namespace zhuoyue::load {

// Appends `token` to a JSON pointer, escaped as RFC 6901 requires.
void AppendPointerToken(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

// 1-based line and column of byte `offset`; columns count UTF-8 characters, not bytes.
std::pair<int, int> LineColumn(std::string_view text, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = 1;
  // A byte-order mark is not a character of the first line.
  if (line_start == 0 && text.starts_with("\xEF\xBB\xBF") && offset >= 3) line_start = 3;
  for (size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // not a continuation
  }
  return {line, column};
}

std::string Abridged(std::string_view text) {
  constexpr size_t kShown = 40;
  if (text.size() <= kShown) return std::string(text);
  size_t end = kShown;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return Cat(text.substr(0, end), "… (", text.size(), " bytes)");
}

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "a boolean";
    case Kind::kNumber:
      return "a number";
    case Kind::kString:
      return "a string";
    case Kind::kArray:
      return "an array";
    case Kind::kObject:
      return "an object";
  }
  return "a value";
}

void AppendQuoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Compact JSON text of a value, for members the schema does not declare.
void AppendJson(const Dom& dom, uint32_t id, std::string& out) {
  const Node& n = dom.nodes[id];
  switch (n.kind) {
    case Kind::kNull:
      out += "null";
      return;
    case Kind::kBool:
      out += n.boolean ? "true" : "false";
      return;
    case Kind::kNumber:
      out += dom.Text(n);
      return;
    case Kind::kString:
      AppendQuoted(out, dom.Text(n));
      return;
    case Kind::kArray:
    case Kind::kObject: {
      const bool object = n.kind == Kind::kObject;
      out += object ? '{' : '[';
      for (uint32_t c = n.first_child; c != kNoNode; c = dom.nodes[c].next_sibling) {
        if (c != n.first_child) out += ',';
        if (object) {
          AppendQuoted(out, dom.Key(dom.nodes[c]));
          out += ':';
        }
        AppendJson(dom, c, out);
      }
      out += object ? '}' : ']';
      return;
    }
  }
}

std::string ToJson(const Dom& dom, uint32_t id) {
  std::string out;
  AppendJson(dom, id, out);
  return out;
}

namespace {

using namespace codes;  // NOLINT: the codes are this file's vocabulary.

constexpr std::string_view kFormatKey = "format";
constexpr std::string_view kFormatVersion = "zhuoyue.dossier/1";

class Loader {
 public:
  Loader(const Schema& schema, const Dom& dom, Reporter& reporter, DossierTables& dossier)
      : schema_(schema), dom_(dom), reporter_(reporter), dossier_(dossier) {}

  void Run() {
    dossier_.schema = &schema_;
    const size_t table_count = schema_.tables.size();
    dossier_.tables.resize(table_count);
    plans_.resize(table_count);
    for (size_t t = 0; t < table_count; ++t) Prepare(static_cast<TableId>(t));
    for (size_t t = 0; t < table_count; ++t) {
      if (schema_.tables[t].from_pack) FillFromPack(static_cast<TableId>(t));
    }
    ReadRoot();
    FinishChildTables();  // references need to know which tables are present
    ResolveReferences();
    CheckReferencedMaxima();
  }

 private:
  // A member of a row object: a field, or the array of a child table.
  struct Member {
    bool child = false;
    int id = -1;  // FieldId, or TableId when `child`
  };

  // What the walk needs of a table, prepared once per load.
  struct TablePlan {
    // (enclosing kGroup field or -1, member name) -> what it is.
    absl::flat_hash_map<std::pair<FieldId, std::string_view>, Member> members;
    std::vector<CellState> absent_state;  // per field: kNone when absent_is_none
    std::vector<FieldId> lists;
    std::vector<FieldId> grouped;  // fields inside a group
    std::vector<FieldId> required;
    std::vector<TableId> children;
    std::vector<uint8_t> seen;  // per field, for the row being read: a non-null value came
  };

  // A reference waiting for every table to be read.
  struct PendingRef {
    TableId table;
    FieldId field;
    int32_t row;
    int32_t item;  // index into list_refs, or -1 for a scalar reference
    SymbolId id;
  };

  // --- Preparation ---

  void Prepare(TableId t) {
    const TableDecl& decl = schema_.tables[t];
    TablePlan& plan = plans_[t];
    Table& table = dossier_.tables[t];
    table.columns.resize(decl.fields.size());
    plan.absent_state.resize(decl.fields.size(), CellState::kUnknown);
    plan.seen.resize(decl.fields.size(), 0);
    for (size_t i = 0; i < decl.fields.size(); ++i) {
      const FieldDecl& field = decl.fields[i];
      const auto f = static_cast<FieldId>(i);
      const size_t dot = field.name.rfind('.');
      const std::string_view member =
          dot == std::string::npos ? field.name : std::string_view(field.name).substr(dot + 1);
      plan.members[{field.group, member}] = Member{false, f};
      if (field.absent_is_none) plan.absent_state[i] = CellState::kNone;
      if (field.is_list) {
        plan.lists.push_back(f);
        table.columns[i].list_begin.push_back(0);
      }
      if (field.group >= 0) plan.grouped.push_back(f);
      if (field.required) plan.required.push_back(f);
    }
    if (decl.parent != kNoTable) {
      table.child_begin.push_back(0);
      // A child table belongs to its parent's rows; registering it there keeps one lookup
      // per member whatever order the schema lists tables in.
      plans_[decl.parent].members[{-1, decl.json_key}] = Member{true, t};
      plans_[decl.parent].children.push_back(t);
    } else if (!decl.from_pack) {
      root_tables_[decl.json_key] = t;
    }
  }

  void FillFromPack(TableId t) {
    const TableDecl& decl = schema_.tables[t];
    Table& table = dossier_.tables[t];
    table.present = true;
    const FieldId id_field = decl.FindField("id");
    const FieldId text_field = decl.FindField("text");
    Reserve(t, decl.pack_rows.size());
    for (const auto& [id, text] : decl.pack_rows) {
      // Pack rows have no place in the dossier, hence no pointer.
      const int32_t row = AppendRow(t, std::string(), -1);
      if (id_field >= 0) {
        const SymbolId symbol = dossier_.strings.Intern(id);
        table.columns[id_field].symbols[row] = symbol;
        table.columns[id_field].state[row] = CellState::kPresent;
        table.row_by_id.try_emplace(symbol, row);
      }
      if (text_field >= 0) {
        table.columns[text_field].symbols[row] = dossier_.strings.Intern(text);
        table.columns[text_field].state[row] = CellState::kPresent;
      }
      for (FieldId f : plans_[t].lists) table.columns[f].list_begin.push_back(0);
    }
  }

  // --- Rows ---

  void Reserve(TableId t, size_t rows) {
    const TableDecl& decl = schema_.tables[t];
    Table& table = dossier_.tables[t];
    for (size_t i = 0; i < decl.fields.size(); ++i) {
      const FieldDecl& field = decl.fields[i];
      Column& column = table.columns[i];
      column.state.reserve(rows);
      if (field.is_list) {
        column.list_begin.reserve(rows + 1);
        continue;
      }
      switch (field.type) {
        case FieldType::kNumber:
        case FieldType::kWeight:
          column.numbers.reserve(rows);
          break;
        case FieldType::kBool:
          column.bools.reserve(rows);
          break;
        case FieldType::kString:
        case FieldType::kKey:
        case FieldType::kEnum:
          column.symbols.reserve(rows);
          break;
        case FieldType::kRef:
          column.refs.reserve(rows);
          break;
        case FieldType::kGroup:
          break;
      }
    }
    table.row_pointer.reserve(rows);
    table.extra_fields.reserve(rows);
  }

  // Adds a row whose every cell is absent.
  int32_t AppendRow(TableId t, std::string pointer, int32_t parent_row) {
    const TableDecl& decl = schema_.tables[t];
    TablePlan& plan = plans_[t];
    Table& table = dossier_.tables[t];
    const int32_t row = table.rows++;
    for (size_t i = 0; i < decl.fields.size(); ++i) {
      const FieldDecl& field = decl.fields[i];
      Column& column = table.columns[i];
      column.state.push_back(plan.absent_state[i]);
      if (field.is_list) continue;  // items are appended as they are read
      switch (field.type) {
        case FieldType::kNumber:
        case FieldType::kWeight:
          column.numbers.emplace_back();
          break;
        case FieldType::kBool:
          column.bools.push_back(0);
          break;
        case FieldType::kString:
        case FieldType::kKey:
        case FieldType::kEnum:
          column.symbols.push_back(-1);
          break;
        case FieldType::kRef:
          column.refs.emplace_back();
          break;
        case FieldType::kGroup:
          break;
      }
    }
    table.row_pointer.push_back(std::move(pointer));
    table.extra_fields.emplace_back();
    if (decl.parent != kNoTable) table.parent_row.push_back(parent_row);
    for (TableId c : plan.children) dossier_.tables[c].child_state.push_back(CellState::kUnknown);
    if (!plan.required.empty()) std::fill(plan.seen.begin(), plan.seen.end(), 0);
    return row;
  }

  // Reads one row object of table `t`. Rows of one table never interleave: a row and all
  // its child rows are read before the next row starts, which keeps list items and child
  // rows contiguous per row.
  void ReadRow(TableId t, uint32_t node, std::string pointer, int32_t parent_row) {
    if (reporter_.stopped()) return;
    const Node& n = dom_.nodes[node];
    if (n.kind != Kind::kObject) {
      WrongType(std::move(pointer), "an object", n.kind);
      return;
    }
    const int32_t row = AppendRow(t, std::move(pointer), parent_row);
    ReadMembers(t, row, node, -1);
    FinishRow(t, row);
  }

  void FinishRow(TableId t, int32_t row) {
    const TableDecl& decl = schema_.tables[t];
    TablePlan& plan = plans_[t];
    Table& table = dossier_.tables[t];
    for (FieldId f : plan.lists) {
      Column& column = table.columns[f];
      column.list_begin.push_back(static_cast<uint32_t>(ListSize(decl.fields[f], column)));
    }
    // A member of a group that is none is none; of an unknown group, unknown. The
    // outermost group that is not present decides.
    for (FieldId f : plan.grouped) {
      CellState state = CellState::kPresent;
      for (FieldId g = decl.fields[f].group; g >= 0; g = decl.fields[g].group) {
        if (table.columns[g].state[row] != CellState::kPresent) state = table.columns[g].state[row];
      }
      if (state != CellState::kPresent) table.columns[f].state[row] = state;
    }
    for (FieldId f : plan.required) {
      // A value of the wrong type was reported already; only absence is reported here.
      if (table.columns[f].state[row] == CellState::kUnknown && !plan.seen[f]) {
        Error(kMissingRequired, table.row_pointer[row],
              Cat("missing required field \"", decl.fields[f].name, "\""));
      }
    }
    if (decl.id_field >= 0 && table.columns[decl.id_field].state[row] == CellState::kPresent) {
      const SymbolId id = table.columns[decl.id_field].symbols[row];
      auto [it, inserted] = table.row_by_id.try_emplace(id, row);
      if (!inserted) {
        Error(kDuplicateId, CellPointer(t, row, decl.id_field, -1),
              Cat("duplicate id \"", dossier_.strings.Text(id), "\" in ", decl.name, "; first at ",
                  CellPointer(t, it->second, decl.id_field, -1)));
      }
    }
    for (TableId c : plan.children) {
      Table& child = dossier_.tables[c];
      child.child_begin.push_back(static_cast<uint32_t>(child.rows));
    }
  }

  static size_t ListSize(const FieldDecl& field, const Column& column) {
    switch (field.type) {
      case FieldType::kNumber:
      case FieldType::kWeight:
        return column.list_numbers.size();
      case FieldType::kBool:
        return column.list_bools.size();
      case FieldType::kRef:
        return column.list_refs.size();
      default:
        return column.list_symbols.size();
    }
  }

  // --- Members and values ---

  void ReadRoot() {
    const Node& root = dom_.nodes[0];
    if (root.kind != Kind::kObject) {
      Error(kWrongType, "", Cat("expected an object at the root, found ", KindName(root.kind)));
      return;
    }
    for (uint32_t m = root.first_child; m != kNoNode; m = dom_.nodes[m].next_sibling) {
      if (reporter_.stopped()) return;
      const std::string_view key = dom_.Key(dom_.nodes[m]);
      if (key == kFormatKey) {
        CheckFormat(m);
      } else if (auto it = root_tables_.find(key); it != root_tables_.end()) {
        ReadTopLevel(it->second, m);
      } else {
        dossier_.extra_root.emplace_back(std::string(key), ToJson(dom_, m));
      }
    }
  }

  void CheckFormat(uint32_t node) {
    const Node& n = dom_.nodes[node];
    if (n.kind != Kind::kString) {
      WrongType("/format", "a string", n.kind);
    } else if (dom_.Text(n) != kFormatVersion) {
      Error(kUnsupportedFormat, "/format",
            Cat("unsupported format \"", dom_.Text(n), "\"; expected \"", kFormatVersion, "\""));
    }
  }

  // A top-level table (an array of rows) or singleton (one object). Null = absent.
  void ReadTopLevel(TableId t, uint32_t node) {
    const TableDecl& decl = schema_.tables[t];
    Table& table = dossier_.tables[t];
    const Node& n = dom_.nodes[node];
    std::string pointer;
    AppendPointerToken(pointer, decl.json_key);
    if (n.kind == Kind::kNull) return;
    if (decl.singleton) {
      if (n.kind != Kind::kObject) {
        WrongType(std::move(pointer), "an object", n.kind);
        return;
      }
      table.present = true;
      Reserve(t, 1);
      ReadRow(t, node, std::move(pointer), -1);
      return;
    }
    if (n.kind != Kind::kArray) {
      WrongType(std::move(pointer), "an array", n.kind);
      return;
    }
    table.present = true;
    Reserve(t, n.size);
    size_t index = 0;
    for (uint32_t item = n.first_child; item != kNoNode; item = dom_.nodes[item].next_sibling) {
      ReadRow(t, item, Cat(pointer, "/", index++), -1);
    }
  }

  // The members of a row object (scope -1) or of the object of group field `scope`.
  void ReadMembers(TableId t, int32_t row, uint32_t node, FieldId scope) {
    const TablePlan& plan = plans_[t];
    for (uint32_t m = dom_.nodes[node].first_child; m != kNoNode; m = dom_.nodes[m].next_sibling) {
      const std::string_view key = dom_.Key(dom_.nodes[m]);
      auto it = plan.members.find(std::make_pair(scope, key));
      if (it == plan.members.end()) {
        std::string name =
            scope < 0 ? std::string(key) : Cat(schema_.tables[t].fields[scope].name, ".", key);
        dossier_.tables[t].extra_fields[row][std::move(name)] = ToJson(dom_, m);
      } else if (it->second.child) {
        ReadChildRows(t, row, it->second.id, m);
      } else {
        ReadField(t, row, it->second.id, m);
      }
    }
  }

  // The array of child table `c` inside row `row` of its parent `t`.
  void ReadChildRows(TableId t, int32_t row, TableId c, uint32_t node) {
    const Node& n = dom_.nodes[node];
    std::string pointer = dossier_.tables[t].row_pointer[row];
    AppendPointerToken(pointer, schema_.tables[c].json_key);
    if (n.kind == Kind::kNull) return;  // stays unknown, like an absent array
    if (n.kind != Kind::kArray) {
      WrongType(std::move(pointer), "an array", n.kind);
      return;
    }
    dossier_.tables[c].child_state[row] = CellState::kPresent;
    size_t index = 0;
    for (uint32_t item = n.first_child; item != kNoNode; item = dom_.nodes[item].next_sibling) {
      ReadRow(c, item, Cat(pointer, "/", index++), row);
    }
  }

  void ReadField(TableId t, int32_t row, FieldId f, uint32_t node) {
    const FieldDecl& field = schema_.tables[t].fields[f];
    Column& column = dossier_.tables[t].columns[f];
    const Node& n = dom_.nodes[node];
    if (n.kind == Kind::kNull) {
      // Null is absent, unless the field says it means "known to be none".
      column.state[row] =
          field.nullable || field.absent_is_none ? CellState::kNone : CellState::kUnknown;
      return;
    }
    plans_[t].seen[f] = 1;
    if (field.type == FieldType::kGroup) {
      if (n.kind != Kind::kObject) {
        WrongType(CellPointer(t, row, f, -1), "an object", n.kind);
        return;
      }
      column.state[row] = CellState::kPresent;
      ReadMembers(t, row, node, f);
      return;
    }
    if (field.is_list) {
      if (n.kind != Kind::kArray) {
        WrongType(CellPointer(t, row, f, -1), "an array", n.kind);
        return;
      }
      int index = 0;
      for (uint32_t item = n.first_child; item != kNoNode; item = dom_.nodes[item].next_sibling) {
        ReadValue(t, row, f, item, index++);
      }
      column.state[row] = CellState::kPresent;
      return;
    }
    if (ReadValue(t, row, f, node, -1)) column.state[row] = CellState::kPresent;
  }

  // Checks and stores one scalar: the value of field `f` (index -1) or item `index` of the
  // list field `f`. False (after reporting) when the value does not fit.
  bool ReadValue(TableId t, int32_t row, FieldId f, uint32_t node, int index) {
    const FieldDecl& field = schema_.tables[t].fields[f];
    Column& column = dossier_.tables[t].columns[f];
    const Node& n = dom_.nodes[node];
    const bool item = index >= 0;
    auto store_symbol = [&](SymbolId symbol) {
      (item ? column.list_symbols.emplace_back() : column.symbols[row]) = symbol;
    };
    auto store_number = [&](const Number& number) {
      (item ? column.list_numbers.emplace_back() : column.numbers[row]) = number;
    };
    switch (field.type) {
      case FieldType::kNumber: {
        if (n.kind != Kind::kNumber) {
          return WrongType(CellPointer(t, row, f, index), "a number", n.kind);
        }
        std::optional<Number> number = ParseNumber(t, row, f, index, n);
        if (!number) return false;
        if (field.minimum && *number < *field.minimum) {
          Error(kBadNumber, CellPointer(t, row, f, index),
                Cat(dom_.Text(n), " is below the minimum ", field.minimum->ToString()));
          return false;
        }
        store_number(*number);
        return true;
      }
      case FieldType::kWeight: {
        if (n.kind == Kind::kString) {
          const std::string_view text = dom_.Text(n);
          const int level = text == "H" ? 3 : text == "M" ? 2 : text == "L" ? 1 : 0;
          if (level == 0) {
            Error(kNotInSet, CellPointer(t, row, f, index),
                  Cat("\"", text, "\" is not a weight; expected H, M, L or a number in (0, 1]"));
            return false;
          }
          store_number(Number(level));
          return true;
        }
        if (n.kind != Kind::kNumber) {
          return WrongType(CellPointer(t, row, f, index), "a string or a number", n.kind);
        }
        std::optional<Number> number = ParseNumber(t, row, f, index, n);
        if (!number) return false;
        if (*number <= Number(0) || *number > Number(1)) {
          Error(kBadNumber, CellPointer(t, row, f, index),
                Cat("weight ", dom_.Text(n), " is outside (0, 1]"));
          return false;
        }
        store_number(*number);
        return true;
      }
      case FieldType::kBool:
        if (n.kind != Kind::kBool) {
          return WrongType(CellPointer(t, row, f, index), "a boolean", n.kind);
        }
        (item ? column.list_bools.emplace_back() : column.bools[row]) = n.boolean ? 1 : 0;
        return true;
      case FieldType::kString:
        if (n.kind != Kind::kString) {
          return WrongType(CellPointer(t, row, f, index), "a string", n.kind);
        }
        store_symbol(dossier_.strings.Intern(dom_.Text(n)));
        return true;
      case FieldType::kKey: {
        if (n.kind == Kind::kString) {
          store_symbol(dossier_.strings.Intern(dom_.Text(n)));
          return true;
        }
        // An integer reads as its decimal text: 4 and "4" are the same key. A fraction is
        // refused rather than guessed at ("3.10" and 3.1 would collide).
        std::optional<Number> number =
            n.kind == Kind::kNumber ? Number::Parse(dom_.Text(n)) : std::nullopt;
        if (!number || !number->IsInteger()) {
          return WrongType(CellPointer(t, row, f, index), "a string or an integer",
                           n.kind == Kind::kNumber ? "a fraction" : KindName(n.kind));
        }
        store_symbol(dossier_.strings.Intern(number->ToString()));
        return true;
      }
      case FieldType::kEnum: {
        if (n.kind != Kind::kString) {
          return WrongType(CellPointer(t, row, f, index), "a string", n.kind);
        }
        const std::string_view text = dom_.Text(n);
        auto known = std::find(field.enum_values.begin(), field.enum_values.end(), text);
        if (known != field.enum_values.end()) {
          store_symbol(static_cast<SymbolId>(known - field.enum_values.begin()));
          return true;
        }
        if (field.enum_open) {
          store_symbol(-1 - dossier_.strings.Intern(text));
          return true;
        }
        Error(kNotInSet, CellPointer(t, row, f, index),
              Cat("\"", text, "\" is not one of ", Join(field.enum_values, ", ")));
        return false;
      }
      case FieldType::kRef: {
        if (n.kind != Kind::kString) {
          return WrongType(CellPointer(t, row, f, index), "a string", n.kind);
        }
        int32_t slot = -1;
        if (item) {
          slot = static_cast<int32_t>(column.list_refs.size());
          column.list_refs.emplace_back();
        }
        pending_refs_.push_back({t, f, row, slot, dossier_.strings.Intern(dom_.Text(n))});
        return true;
      }
      case FieldType::kGroup:
        break;  // read by ReadField; a list of objects is a child table, not a field
    }
    return WrongType(CellPointer(t, row, f, index), "a scalar", n.kind);
  }

  std::optional<Number> ParseNumber(TableId t, int32_t row, FieldId f, int index, const Node& n) {
    std::optional<Number> number = Number::Parse(dom_.Text(n));
    if (!number) {
      Error(kBadNumber, CellPointer(t, row, f, index), "number is not finite");
    } else if (!number->exact()) {
      // Held as a double it would compare inexactly, and could flip a verdict unseen.
      Error(kBadNumber, CellPointer(t, row, f, index),
            Cat("number ", Abridged(dom_.Text(n)), " cannot be held exactly: it has more than ",
                "36 significant digits or lies beyond ±10^36"));
      return std::nullopt;
    }
    return number;
  }

  // --- After all rows are read ---

  void ResolveReferences() {
    std::vector<std::pair<TableId, FieldId>> unknown_lists;
    for (const PendingRef& ref : pending_refs_) {
      const FieldDecl& field = schema_.tables[ref.table].fields[ref.field];
      Column& column = dossier_.tables[ref.table].columns[ref.field];
      RowRef target;
      TableId absent_target = kNoTable;
      for (TableId candidate : field.ref_targets) {
        const Table& table = dossier_.tables[candidate];
        if (!table.present) {
          if (absent_target == kNoTable) absent_target = candidate;
          continue;
        }
        if (auto it = table.row_by_id.find(ref.id); it != table.row_by_id.end()) {
          target = {candidate, it->second};
          break;
        }
      }
      if (target.table != kNoTable) {
        (ref.item >= 0 ? column.list_refs[ref.item] : column.refs[ref.row]) = target;
        continue;
      }
      // The id may well be in a table the dossier did not give: unknown, not an error
      // (criteria.md, pinned semantics 20). A list keeps such an item as a row it cannot see,
      // {table, -1}, so its other items stay known (`covers` naming G3 and an industry point
      // still covers G3); a single reference becomes unknown. Otherwise it is dangling, an
      // error, and the cell becomes unknown so that no present cell holds an unresolved one.
      if (absent_target != kNoTable && ref.item >= 0) {
        column.list_refs[ref.item] = RowRef{absent_target, -1};
        continue;
      }
      if (absent_target == kNoTable) {
        std::vector<std::string_view> names;
        for (TableId candidate : field.ref_targets) names.push_back(schema_.tables[candidate].name);
        const int index =
            ref.item >= 0 ? ref.item - static_cast<int>(column.list_begin[ref.row]) : -1;
        Error(kDanglingReference, CellPointer(ref.table, ref.row, ref.field, index),
              Cat("\"", dossier_.strings.Text(ref.id), "\" is not an id of ", Join(names, " or ")));
      }
      column.state[ref.row] = CellState::kUnknown;
      if (ref.item >= 0) unknown_lists.emplace_back(ref.table, ref.field);
    }
    std::sort(unknown_lists.begin(), unknown_lists.end());
    unknown_lists.erase(std::unique(unknown_lists.begin(), unknown_lists.end()),
                        unknown_lists.end());
    for (auto [t, f] : unknown_lists) DropItemsOfUnknownLists(dossier_.tables[t].columns[f]);
  }

  // Keeps list_begin consistent: a list cell that is not present has no items.
  static void DropItemsOfUnknownLists(Column& column) {
    std::vector<RowRef> kept;
    kept.reserve(column.list_refs.size());
    uint32_t begin = column.list_begin[0];
    for (size_t row = 0; row < column.state.size(); ++row) {
      const uint32_t end = column.list_begin[row + 1];
      if (column.state[row] == CellState::kPresent) {
        kept.insert(kept.end(), column.list_refs.begin() + begin, column.list_refs.begin() + end);
      }
      begin = end;
      column.list_begin[row + 1] = static_cast<uint32_t>(kept.size());
    }
    column.list_refs = std::move(kept);
  }

  // `score: number <= assessment.full_score`: the bound is read through the row's reference.
  void CheckReferencedMaxima() {
    for (size_t t = 0; t < schema_.tables.size(); ++t) {
      const TableDecl& decl = schema_.tables[t];
      const Table& table = dossier_.tables[t];
      for (size_t f = 0; f < decl.fields.size(); ++f) {
        const FieldDecl& field = decl.fields[f];
        if (field.maximum_ref < 0 || field.maximum_field < 0 || field.is_list) continue;
        const FieldDecl& ref_field = decl.fields[field.maximum_ref];
        if (ref_field.type != FieldType::kRef || ref_field.is_list) continue;
        const Column& values = table.columns[f];
        const Column& refs = table.columns[field.maximum_ref];
        for (int32_t row = 0; row < table.rows; ++row) {
          if (values.state[row] != CellState::kPresent || refs.state[row] != CellState::kPresent) {
            continue;
          }
          const RowRef target = refs.refs[row];
          const TableDecl& target_decl = schema_.tables[target.table];
          if (field.maximum_field >= static_cast<FieldId>(target_decl.fields.size())) continue;
          const FieldDecl& bound_field = target_decl.fields[field.maximum_field];
          const Column& bounds = dossier_.tables[target.table].columns[field.maximum_field];
          if (bound_field.type != FieldType::kNumber || bound_field.is_list ||
              bounds.state[target.row] != CellState::kPresent) {
            continue;
          }
          const Number& bound = bounds.numbers[target.row];
          if (values.numbers[row] > bound) {
            Error(kBadNumber,
                  CellPointer(static_cast<TableId>(t), row, static_cast<FieldId>(f), -1),
                  Cat(values.numbers[row].ToString(), " exceeds ", bound_field.name, " ",
                      bound.ToString(), " of ",
                      dossier_.tables[target.table].row_pointer[target.row]));
          }
        }
      }
    }
  }

  // A child table is present iff its parent is; its rows were read in parent order, so the
  // rows of each parent row are one contiguous run.
  void FinishChildTables() {
    for (size_t t = 0; t < schema_.tables.size(); ++t) {
      if (schema_.tables[t].parent == kNoTable) continue;
      TableId top = static_cast<TableId>(t);
      while (schema_.tables[top].parent != kNoTable) top = schema_.tables[top].parent;
      Table& table = dossier_.tables[t];
      table.present = dossier_.tables[top].present;
      table.child_rows.resize(table.rows);
      std::iota(table.child_rows.begin(), table.child_rows.end(), 0);
    }
  }

  // --- Locations and errors ---

  // "/courses/3/thesis/venue", "/courses/3/lecturers/1" (index >= 0: an item of a list).
  std::string CellPointer(TableId t, int32_t row, FieldId f, int index) const {
    std::string pointer = dossier_.tables[t].row_pointer[row];
    const std::string_view name = schema_.tables[t].fields[f].name;
    for (size_t begin = 0;;) {
      const size_t dot = name.find('.', begin);
      AppendPointerToken(pointer, name.substr(begin, dot - begin));
      if (dot == std::string_view::npos) break;
      begin = dot + 1;
    }
    if (index >= 0) AppendPointerToken(pointer, std::to_string(index));
    return pointer;
  }

  void Error(std::string_view code, std::string pointer, std::string message) {
    reporter_.Error(code, std::move(pointer), std::move(message));
  }

  // Always false, so that value readers can `return WrongType(…)`.
  bool WrongType(std::string pointer, std::string_view expected, std::string_view found) {
    Error(kWrongType, std::move(pointer), Cat("expected ", expected, ", found ", found));
    return false;
  }
  bool WrongType(std::string pointer, std::string_view expected, Kind found) {
    return WrongType(std::move(pointer), expected, KindName(found));
  }

  const Schema& schema_;
  const Dom& dom_;
  Reporter& reporter_;
  DossierTables& dossier_;
  std::vector<TablePlan> plans_;
  absl::flat_hash_map<std::string_view, TableId> root_tables_;  // json_key -> table
  std::vector<PendingRef> pending_refs_;
};

}  // namespace

void LoadDom(const Dom& dom, const Schema& schema, Reporter& reporter, DossierTables& dossier) {
  Loader(schema, dom, reporter, dossier).Run();
}

}  // namespace zhuoyue::load
