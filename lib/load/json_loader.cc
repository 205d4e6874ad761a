// The JSON dossier loader, in two passes:
//
// 1. Parse: nlohmann's SAX reader feeds DomBuilder, which builds a small flat DOM (objects
//    keep their members in order, numbers keep their literal text) and checks what only the
//    text can tell: well-formedness, duplicate keys, nesting depth, finite numbers.
// 2. Load: Loader walks the DOM along the schema, filling the columnar DossierTables row by row,
//    then resolves references, checks bounds that go through references, and finishes the
//    child-table indexes.
//
// Error codes are declared in base/diagnostic_kinds.def.
#include "load/json_loader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/codes.h"

namespace zhuoyue {
namespace {

using namespace codes;  // NOLINT: the codes are this file's vocabulary.

constexpr std::string_view kFormatKey = "format";
constexpr std::string_view kFormatVersion = "zhuoyue.dossier/1";

// ---------------------------------------------------------------------------------------
// Diagnostics

// absl::StrCat and StrJoin take absl::string_view, which Debian's Abseil does not alias to
// std::string_view; these cover what messages need.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  auto append = [&out](const auto& part) {
    if constexpr (std::is_integral_v<std::decay_t<decltype(part)>>) {
      out += std::to_string(part);
    } else {
      out += std::string_view(part);
    }
  };
  (append(parts), ...);
  return out;
}

template <typename Strings>
std::string Join(const Strings& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    first = false;
    out += std::string_view(part);
  }
  return out;
}

// Appends the load's errors to the caller's list and enforces `max_errors`.
class Reporter {
 public:
  Reporter(std::string_view file, Diagnostics& out, size_t max_errors)
      : file_(file), out_(out), max_errors_(max_errors) {}

  void Error(std::string_view code, std::string pointer, std::string message, int line = 0,
             int column = 0) {
    if (stopped_) return;
    if (count_ == max_errors_) {
      stopped_ = true;
      Add(kTooManyErrors, "", Cat("too many errors; stopped after ", count_), 0, 0);
      return;
    }
    ++count_;
    Add(code, std::move(pointer), std::move(message), line, column);
  }

  // True once anything was reported (even with max_errors == 0).
  bool failed() const { return count_ > 0 || stopped_; }
  // True once the limit was hit: callers stop walking, nothing more would be reported.
  bool stopped() const { return stopped_; }

 private:
  void Add(std::string_view code, std::string pointer, std::string message, int line, int column) {
    Diagnostic& d = out_.emplace_back();
    d.code = std::string(code);
    d.file = file_;
    d.line = line;
    d.column = column;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
  }

  std::string file_;
  Diagnostics& out_;
  size_t max_errors_;
  size_t count_ = 0;
  bool stopped_ = false;
};

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
  for (size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // not a continuation
  }
  return {line, column};
}

// ---------------------------------------------------------------------------------------
// The DOM

enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

constexpr uint32_t kNoNode = UINT32_MAX;

// One JSON value. Containers link their children (first_child, then next_sibling), so the
// whole document is one vector and one text arena.
struct Node {
  Kind kind = Kind::kNull;
  bool boolean = false;
  uint32_t first_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t size = 0;  // members or items
  // As a member of an object: its key in the arena.
  size_t key_begin = 0;
  size_t key_size = 0;
  // kString: the decoded text; kNumber: the literal as written (integers: their decimal).
  size_t text_begin = 0;
  size_t text_size = 0;
};

struct Dom {
  std::vector<Node> nodes;  // nodes[0] is the root
  std::string arena;        // keys, strings and number literals, back to back

  std::string_view Key(const Node& n) const { return {arena.data() + n.key_begin, n.key_size}; }
  std::string_view Text(const Node& n) const { return {arena.data() + n.text_begin, n.text_size}; }
};

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

// ---------------------------------------------------------------------------------------
// Pass 1: JSON text -> DOM (a SAX handler for nlohmann::json::sax_parse)

class DomBuilder {
 public:
  using json = nlohmann::json;

  DomBuilder(std::string_view input, int max_depth, Dom& dom, Reporter& reporter)
      : input_(input), max_depth_(max_depth), dom_(dom), reporter_(reporter) {
    // Decoded text is never longer than its source, so the arena never reallocates; a
    // dossier has roughly one value per eight bytes of text.
    dom_.arena.reserve(input.size());
    dom_.nodes.reserve(input.size() / 8 + 1);
  }

  bool null() {
    Add(Kind::kNull);
    return true;
  }
  bool boolean(bool value) {
    dom_.nodes[Add(Kind::kBool)].boolean = value;
    return true;
  }
  bool number_integer(json::number_integer_t value) { return Integer(value); }
  bool number_unsigned(json::number_unsigned_t value) { return Integer(value); }
  // `text` is the literal as written: the value stays exact (Number::Parse reads it later).
  bool number_float(json::number_float_t, const json::string_t& text) {
    AddText(Kind::kNumber, text);
    return true;
  }
  bool string(json::string_t& text) {
    AddText(Kind::kString, text);
    return true;
  }
  bool binary(json::binary_t&) { return true; }  // only binary formats produce it, not JSON
  bool start_object(std::size_t) { return Open(Kind::kObject); }
  bool key(json::string_t& key) {
    pending_key_ = Append(key);
    return true;
  }
  bool end_object() {
    CheckDuplicateKeys();
    stack_.pop_back();
    return !reporter_.stopped();
  }
  bool start_array(std::size_t) { return Open(Kind::kArray); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) {
    // `position` counts the bytes read, the failing one included (the end of input counts
    // as one more), so the text stopped making sense at `position - 1`. `last_token` may
    // include earlier text, so it only serves to clean the message.
    size_t offset = std::min(position, input_.size() + 1);
    offset = offset == 0 ? 0 : offset - 1;
    if (error.id == 406) {  // out_of_range.406: a literal that overflows to infinity
      while (offset > 0 && IsNumberChar(input_[offset - 1])) --offset;
      auto [line, column] = LineColumn(input_, offset);
      reporter_.Error(kBadNumber, NextPointer(), "number is not finite", line, column);
      return false;
    }
    auto [line, column] = LineColumn(input_, offset);
    reporter_.Error(kMalformedJson, "",
                    Cat("malformed json: ", ParseErrorDetail(error.what(), last_token)), line,
                    column);
    return false;
  }

 private:
  struct Frame {
    uint32_t node;
    uint32_t last_child;
  };
  struct Span {
    size_t begin = 0;
    size_t size = 0;
  };

  static bool IsNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  // nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1, column 7:
  // syntax error while parsing value - invalid literal; last read: '…'; expected …". Keep
  // what follows " - ", without the last-read part: our location is better, and the token
  // may hold invalid UTF-8.
  static std::string ParseErrorDetail(std::string_view what, const std::string& last_token) {
    size_t syntax = what.find("syntax error");
    size_t dash = syntax == std::string_view::npos ? syntax : what.find(" - ", syntax);
    std::string detail(dash == std::string_view::npos ? what : what.substr(dash + 3));
    const std::string last_read = Cat("; last read: '", last_token, "'");
    if (size_t at = detail.find(last_read); at != std::string::npos) {
      detail.erase(at, last_read.size());
    }
    return detail;
  }

  Span Append(std::string_view text) {
    Span span{dom_.arena.size(), text.size()};
    dom_.arena.append(text);
    return span;
  }

  template <typename Int>
  bool Integer(Int value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    AddText(Kind::kNumber, std::string_view(buffer, end - buffer));
    return true;
  }

  void AddText(Kind kind, std::string_view text) {
    Span span = Append(text);
    Node& n = dom_.nodes[Add(kind)];
    n.text_begin = span.begin;
    n.text_size = span.size;
  }

  // Adds a value to the innermost open container (as the member named by the pending key,
  // or as the next item) and returns its index.
  uint32_t Add(Kind kind) {
    const auto id = static_cast<uint32_t>(dom_.nodes.size());
    Node& n = dom_.nodes.emplace_back();
    n.kind = kind;
    if (!stack_.empty()) {
      Frame& frame = stack_.back();
      Node& parent = dom_.nodes[frame.node];
      if (parent.kind == Kind::kObject) {
        n.key_begin = pending_key_.begin;
        n.key_size = pending_key_.size;
      }
      if (frame.last_child == kNoNode) {
        parent.first_child = id;
      } else {
        dom_.nodes[frame.last_child].next_sibling = id;
      }
      frame.last_child = id;
      ++parent.size;
    }
    return id;
  }

  bool Open(Kind kind) {
    if (stack_.size() >= static_cast<size_t>(std::max(max_depth_, 0))) {
      reporter_.Error(kTooDeep, NextPointer(), Cat("nesting deeper than ", max_depth_, " levels"));
      return false;
    }
    stack_.push_back({Add(kind), kNoNode});
    return true;
  }

  // Pointer of the innermost open container: each frame is the last child of the one below.
  std::string OpenPointer() const {
    std::string pointer;
    for (size_t i = 1; i < stack_.size(); ++i) {
      const Node& parent = dom_.nodes[stack_[i - 1].node];
      if (parent.kind == Kind::kObject) {
        AppendPointerToken(pointer, dom_.Key(dom_.nodes[stack_[i].node]));
      } else {
        AppendPointerToken(pointer, Cat(parent.size - 1));
      }
    }
    return pointer;
  }

  // Pointer of the value about to be added.
  std::string NextPointer() const {
    std::string pointer = OpenPointer();
    if (stack_.empty()) return pointer;
    const Node& top = dom_.nodes[stack_.back().node];
    if (top.kind == Kind::kObject) {
      AppendPointerToken(pointer, {dom_.arena.data() + pending_key_.begin, pending_key_.size});
    } else {
      AppendPointerToken(pointer, Cat(top.size));
    }
    return pointer;
  }

  // Reports every key of the closing object that an earlier member already used. Sorting
  // (stably, so the first occurrence stays first) keeps large objects O(n log n).
  void CheckDuplicateKeys() {
    const Node& object = dom_.nodes[stack_.back().node];
    if (object.size < 2) return;
    members_.clear();
    for (uint32_t c = object.first_child; c != kNoNode; c = dom_.nodes[c].next_sibling) {
      members_.push_back(c);
    }
    auto key = [this](uint32_t id) { return dom_.Key(dom_.nodes[id]); };
    std::stable_sort(members_.begin(), members_.end(),
                     [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    for (size_t i = 1; i < members_.size(); ++i) {
      if (key(members_[i]) != key(members_[i - 1])) continue;
      std::string pointer = OpenPointer();
      AppendPointerToken(pointer, key(members_[i]));
      std::string message = Cat("duplicate key \"", key(members_[i]), "\"");
      reporter_.Error(kDuplicateKey, std::move(pointer), std::move(message));
    }
  }

  std::string_view input_;
  int max_depth_;
  Dom& dom_;
  Reporter& reporter_;
  std::vector<Frame> stack_;
  Span pending_key_;
  std::vector<uint32_t> members_;  // scratch of CheckDuplicateKeys
};

// Parses `input` into `dom`; false when the text could not be read to its end.
bool ParseJson(std::string_view input, int max_depth, Dom& dom, Reporter& reporter) {
  DomBuilder builder(input, max_depth, dom, reporter);
  return nlohmann::json::sax_parse(input.data(), input.data() + input.size(), &builder);
}

// ---------------------------------------------------------------------------------------
// Pass 2: DOM -> DossierTables

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
    if (!number) Error(kBadNumber, CellPointer(t, row, f, index), "number is not finite");
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

std::unique_ptr<DossierTables> LoadJsonDossier(std::string_view json, std::string_view source_name,
                                               const Schema& schema, Diagnostics& diagnostics,
                                               const LoadOptions& options) {
  Reporter reporter(source_name, diagnostics, options.max_errors);
  // nlohmann reports syntax errors through the handler, but allocation failures and the like
  // still throw; nothing may cross this boundary.
  try {
    Dom dom;
    if (!ParseJson(json, options.max_depth, dom, reporter)) return nullptr;
    auto dossier = std::make_unique<DossierTables>();
    dossier->source_name = std::string(source_name);
    Loader(schema, dom, reporter, *dossier).Run();
    if (reporter.failed()) return nullptr;
    return dossier;
  } catch (const std::exception& e) {
    reporter.Error(kMalformedJson, "", Cat("could not read the dossier: ", e.what()));
  } catch (...) {
    reporter.Error(kMalformedJson, "", "could not read the dossier");
  }
  return nullptr;
}

}  // namespace zhuoyue
