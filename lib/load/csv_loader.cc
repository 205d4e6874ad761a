// The CSV bundle loader: CSV files -> the DOM of a JSON dossier (load/dom.h) -> LoadDom.
//
// 1. Each file is split into records (RFC 4180), every cell keeping its line and column.
// 2. The DOM is built table by table, parents before children: a row becomes an object
//    whose members are its non-empty cells, typed by the schema; a child row is appended to
//    the list of the parent row its key names.
// 3. LoadDom checks and fills the tables; the reporter's locator turns the JSON pointer of
//    each diagnostic back into file:line:column through the node each cell became.
#include "load/csv_loader.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "base/codes.h"
#include "load/dom.h"
#include "load/text_tables.h"

namespace zhuoyue {
namespace {

using namespace codes;  // NOLINT: the codes are this file's vocabulary.
using namespace load;   // NOLINT: the DOM is what this file builds.

// ---------------------------------------------------------------------------------------
// 1. Records

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The bytes a CSV file may hold: well-formed UTF-8 (no overlong form, surrogate or code point
// past U+10FFFF), no NUL, and a byte-order mark only as its first three bytes — a second one
// means two exports pasted together and would end up inside an id. False, with the first
// offending byte located, otherwise.
bool ValidText(std::string_view text, const std::string& file, Reporter& reporter) {
  int line = 1, column = 1;
  auto fail = [&](std::string message) {
    reporter.ErrorIn(kMalformedCsv, file, line, column, std::move(message));
    return false;
  };
  for (size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return fail("a NUL byte; a CSV file holds text");
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        column = 0;
      }
      ++i;
      ++column;
      continue;
    }
    const int length = c >= 0xC2 && c <= 0xDF   ? 2
                       : c >= 0xE0 && c <= 0xEF ? 3
                       : c >= 0xF0 && c <= 0xF4 ? 4
                                                : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (valid && length >= 3) {  // no overlong form, surrogate or code point past U+10FFFF
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      valid = !(c == 0xE0 && next < 0xA0) && !(c == 0xED && next >= 0xA0) &&
              !(c == 0xF0 && next < 0x90) && !(c == 0xF4 && next >= 0x90);
    }
    if (!valid) return fail("bytes that are not UTF-8; save the file as \"CSV UTF-8\"");
    if (text.substr(i, 3) == "\xEF\xBB\xBF") {
      return fail("a byte-order mark inside the file; were two files pasted together?");
    }
    i += length;
    ++column;
  }
  return true;
}

// Splits `text` into records. Problems (an unterminated quote, a quote inside an unquoted
// field) are reported at their line:column; false when the file cannot be used.
bool ParseCsv(std::string_view text, const std::string& file, size_t max_text_bytes,
              Reporter& reporter, std::vector<Record>& records) {
  if (!ValidText(text, file, reporter)) return false;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  size_t i = text.starts_with(kBom) ? kBom.size() : 0;
  int line = 1, column = 1;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if (!IsContinuationByte(c)) {
      ++column;
    }
  };
  auto error = [&](int at_line, int at_column, std::string message) {
    reporter.ErrorIn(kMalformedCsv, file, at_line, at_column, std::move(message));
  };
  while (i < text.size()) {
    Record record;
    record.line = line;
    record.cells.reserve(records.empty() ? 8 : records.back().cells.size());
    bool end_of_record = false;
    while (!end_of_record) {
      Cell cell{"", line, column};
      if (i < text.size() && text[i] == '"') {
        cell.quoted = true;
        const int quote_line = line, quote_column = column;
        advance(text[i++]);
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell.text += '"';
              advance(text[i++]);
              advance(text[i++]);
              continue;
            }
            advance(text[i++]);
            closed = true;
            break;
          }
          if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') cell.text += c;
          advance(text[i++]);
        }
        if (!closed) {
          error(quote_line, quote_column, "the quoted field never ends (no closing `\"`)");
          return false;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          error(line, column,
                "text after a closing quote; a quote inside a field is written `\"\"`");
          return false;
        }
      } else {
        const size_t start = i;
        while (i < text.size() && text[i] != ',' && text[i] != '\n' &&
               !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
          if (text[i] == '"') {
            error(line, column, "a quote inside an unquoted field; quote the whole field");
            return false;
          }
          advance(text[i++]);
        }
        cell.text.assign(text.substr(start, i - start));
      }
      if (cell.text.size() > max_text_bytes) {
        reporter.ErrorIn(
            kTooLarge, file, cell.line, cell.column,
            Cat("a cell of ", cell.text.size(), " bytes; the limit is ", max_text_bytes));
        return false;
      }
      record.cells.push_back(std::move(cell));
      if (i >= text.size()) {
        end_of_record = true;
      } else if (text[i] == ',') {
        advance(text[i++]);
      } else {
        if (text[i] == '\r') ++i;  // CRLF
        advance(text[i++]);        // '\n'
        end_of_record = true;
      }
    }
    // A blank line is a row of one empty cell (RFC 4180): in a one-column file such as
    // international.csv, the empty list; elsewhere a row with too few cells.
    records.push_back(std::move(record));
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// 2. The DOM

// Where a node came from: a cell, a row, or a file.
struct Location {
  int file = -1;
  int line = 0;
  int column = 0;
};

bool IsNumberLiteral(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    const size_t fraction = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == fraction) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t exponent = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exponent) return false;
  }
  return i == s.size();
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class BundleReader {
 public:
  BundleReader(std::vector<SourceTable> sources, const Schema& schema, Reporter& reporter, Dom& dom)
      : sources_(std::move(sources)), schema_(schema), reporter_(reporter), dom_(dom) {}

  // Builds the DOM. A row that joins no parent is reported and left out, and the rest is
  // still checked.
  void Run() {
    root_ = NewNode(Kind::kObject, {}, {}, Location{});
    for (size_t i = 0; i < sources_.size(); ++i) tables_[sources_[i].table] = static_cast<int>(i);
    for (TableId t : TablesParentsFirst()) BuildTable(t);
  }

  // The locator of the reporter: JSON pointer -> the file, line and column it came from.
  void Locate(Diagnostic& d) const {
    uint32_t node = root_;
    std::string_view rest = d.pointer;
    while (!rest.empty() && rest.front() == '/') {
      rest.remove_prefix(1);
      const size_t end = rest.find('/');
      const std::string token = Unescape(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
      const std::optional<uint32_t> next = Child(node, token);
      if (!next) break;
      node = *next;
    }
    const Location& at = locations_[node];
    if (at.file < 0) return;
    d.file = FilePath(at.file);
    d.line = at.line;
    d.column = std::max(at.column, 1);
    d.pointer.clear();
  }

 private:
  const std::string& FilePath(int source) const { return sources_[source].where; }

  // Tables in an order where every parent comes before its children.
  std::vector<TableId> TablesParentsFirst() const {
    std::vector<std::pair<int, TableId>> by_depth;
    for (size_t t = 0; t < schema_.tables.size(); ++t) {
      int depth = 0;
      for (TableId p = schema_.tables[t].parent; p != kNoTable; p = schema_.tables[p].parent) {
        ++depth;
      }
      by_depth.emplace_back(depth, static_cast<TableId>(t));
    }
    std::stable_sort(by_depth.begin(), by_depth.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<TableId> order;
    for (const auto& [depth, t] : by_depth) order.push_back(t);
    return order;
  }

  // --- Tables ---

  void BuildTable(TableId t) {
    const TableDecl& decl = schema_.tables[t];
    if (decl.from_pack) return;
    auto found = tables_.find(t);
    if (found == tables_.end()) {
      // No file: the table is absent (unknown). A singleton whose child tables have files
      // still needs its object to hold them.
      if (decl.singleton && HasChildFile(t)) SingletonObject(t);
      return;
    }
    const SourceTable& table = sources_[found->second];
    if (decl.singleton) {
      // Header only: the object is given, without fields of its own (`international` with
      // only its tables).
      if (table.rows.empty()) {
        SingletonObject(t);
        return;
      }
      if (table.rows.size() > 1) {
        const int line = table.rows.size() > 1 ? table.rows[1].line : 1;
        reporter_.ErrorIn(
            kMalformedCsv, FilePath(FileOf(table)), line, 1,
            Cat("`", schema_.tables[t].name, "` is one object: its table holds one row, found ",
                table.rows.size()));
        return;
      }
      const uint32_t object = SingletonObject(t);
      locations_[object] = Location{FileOf(table), table.rows[0].line, 1};
      FillRow(t, table, table.rows[0], object);
      return;
    }
    if (decl.parent == kNoTable) {
      const uint32_t array = NewNode(Kind::kArray, decl.json_key, {}, FileLocation(FileOf(table)));
      Append(root_, array);
      for (const Record& record : table.rows) AppendRow(t, table, record, array);
      return;
    }
    if (schema_.tables[decl.parent].singleton) {
      const uint32_t array = NewNode(Kind::kArray, decl.json_key, {}, FileLocation(FileOf(table)));
      Append(SingletonObject(decl.parent), array);
      for (const Record& record : table.rows) AppendRow(t, table, record, array);
      return;
    }
    BuildChildRows(t, table);
  }

  // Rows of a table nested in another table's rows: each joins the parent row its key names.
  void BuildChildRows(TableId t, const SourceTable& table) {
    const TableDecl& decl = schema_.tables[t];
    const std::string& parent_name = schema_.tables[decl.parent].name;
    const int key = ColumnIndex(table, decl.parent_key);
    if (key < 0) {
      reporter_.ErrorIn(kMalformedCsv, FilePath(FileOf(table)), 1, 1,
                        Cat("no column `", decl.parent_key, "`: each row must name the ",
                            parent_name, " row it belongs to"));
      return;
    }
    // Every row of the parent gets the list, even empty: the file says which are empty.
    absl::flat_hash_map<uint32_t, uint32_t> lists;
    if (auto rows = parent_rows_.find(decl.parent); rows != parent_rows_.end()) {
      for (uint32_t parent_row : rows->second) {
        const uint32_t array =
            NewNode(Kind::kArray, decl.json_key, {}, FileLocation(FileOf(table)));
        Append(parent_row, array);
        lists[parent_row] = array;
      }
    }
    for (const Record& record : table.rows) {
      const Cell& cell = record.cells[key];
      uint32_t parent_row = kNoNode;
      // Looked up for each row: AppendRow adds this table's own ids to rows_by_id_, which may
      // rehash it and move the parent's entry.
      if (auto ids = rows_by_id_.find(decl.parent); ids != rows_by_id_.end()) {
        if (auto it = ids->second.find(cell.text); it != ids->second.end()) parent_row = it->second;
      }
      if (parent_row == kNoNode) {
        reporter_.ErrorIn(
            kDanglingReference, FilePath(FileOf(table)), cell.line, cell.column,
            Cat(decl.parent_key, " `", cell.text, "` is not a row of ", parent_name,
                tables_.contains(decl.parent) ? "" : Cat(" (", parent_name, ".csv is absent)")));
        continue;
      }
      AppendRow(t, table, record, lists[parent_row]);
    }
  }

  void AppendRow(TableId t, const SourceTable& table, const Record& record, uint32_t array) {
    const uint32_t row = NewNode(Kind::kObject, {}, {}, Location{FileOf(table), record.line, 1});
    Append(array, row);
    FillRow(t, table, record, row);
    parent_rows_[t].push_back(row);
    const TableDecl& decl = schema_.tables[t];
    if (decl.id_field >= 0 && !decl.children.empty()) {
      const int id = ColumnIndex(table, decl.fields[decl.id_field].name);
      if (id >= 0) rows_by_id_[t].emplace(record.cells[id].text, row);
    }
  }

  // The members of `object` from the non-empty cells of `record`.
  void FillRow(TableId t, const SourceTable& table, const Record& record, uint32_t object) {
    const TableDecl& decl = schema_.tables[t];
    absl::flat_hash_map<std::string, uint32_t> groups;  // dotted prefix -> its object
    for (size_t c = 0; c < table.header.size(); ++c) {
      const std::string& column = table.header[c].text;
      const Cell& cell = record.cells[c];
      const FieldId f = decl.FindField(column);
      // An empty cell is unknown, except `""` (empty text) and in a list column, where it
      // is the empty list: the only way to write one (the column says the field is given).
      const bool list = f >= 0 && decl.fields[f].is_list;
      if ((cell.text.empty() && !cell.quoted && !list) ||
          (decl.parent != kNoTable && column == decl.parent_key &&
           !schema_.tables[decl.parent].singleton)) {
        continue;
      }
      // "a.b.c": member c of object b of object a of the row.
      uint32_t parent = object;
      size_t start = 0;
      for (size_t dot = column.find('.'); dot != std::string::npos; dot = column.find('.', start)) {
        const std::string prefix = column.substr(0, dot);
        auto [it, added] = groups.try_emplace(prefix, 0);
        if (added) {
          it->second = NewNode(Kind::kObject, column.substr(start, dot - start), {},
                               Location{FileOf(table), record.line, 1});
          Append(parent, it->second);
        }
        parent = it->second;
        start = dot + 1;
      }
      Append(parent, TypedNode(f < 0 ? nullptr : &decl.fields[f], column.substr(start), cell,
                               FileOf(table)));
    }
  }

  // A cell as the JSON value its field expects; text that does not fit stays a string, for
  // LoadDom to report as a value of the wrong type.
  uint32_t TypedNode(const FieldDecl* field, std::string_view key, const Cell& cell, int file) {
    const Location at{file, cell.line, cell.column};
    if (field == nullptr) return NewNode(Kind::kString, key, cell.text, at);
    if (field->nullable && cell.text == "null") return NewNode(Kind::kNull, key, {}, at);
    if (!field->is_list) return ScalarNode(*field, key, cell.text, at);
    const uint32_t list = NewNode(Kind::kArray, key, {}, at);
    std::string_view rest = cell.text;
    while (true) {
      const size_t end = rest.find(';');
      const std::string_view item = Trim(rest.substr(0, end));
      if (!item.empty()) Append(list, ScalarNode(*field, {}, item, at));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    return list;
  }

  uint32_t ScalarNode(const FieldDecl& field, std::string_view key, std::string_view text,
                      const Location& at) {
    switch (field.type) {
      case FieldType::kNumber:
      case FieldType::kWeight:
        if (IsNumberLiteral(text)) return NewNode(Kind::kNumber, key, text, at);
        break;
      case FieldType::kBool:
        // true/false in any case (Excel writes TRUE), or 1/0 as SQLite stores booleans.
        if (EqualsIgnoringCase(text, "true") || EqualsIgnoringCase(text, "false") || text == "1" ||
            text == "0") {
          const uint32_t node = NewNode(Kind::kBool, key, {}, at);
          dom_.nodes[node].boolean = EqualsIgnoringCase(text, "true") || text == "1";
          return node;
        }
        break;
      default:
        break;
    }
    return NewNode(Kind::kString, key, text, at);
  }

  uint32_t SingletonObject(TableId t) {
    auto [it, added] = singletons_.try_emplace(t, 0);
    if (added) {
      auto source = tables_.find(t);
      it->second = NewNode(Kind::kObject, schema_.tables[t].json_key, {},
                           source == tables_.end() ? Location{} : FileLocation(source->second));
      Append(root_, it->second);
    }
    return it->second;
  }

  bool HasChildFile(TableId t) const {
    for (TableId c : schema_.tables[t].children) {
      if (tables_.contains(c)) return true;
    }
    return false;
  }

  int FileOf(const SourceTable& table) const { return static_cast<int>(&table - sources_.data()); }

  static int ColumnIndex(const SourceTable& table, std::string_view name) {
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (table.header[c].text == name) return static_cast<int>(c);
    }
    return -1;
  }

  static Location FileLocation(int file) { return Location{file, 1, 1}; }

  // --- Nodes ---

  uint32_t NewNode(Kind kind, std::string_view key, std::string_view text, Location at) {
    Node n;
    n.kind = kind;
    n.key_begin = dom_.arena.size();
    n.key_size = key.size();
    dom_.arena += key;
    n.text_begin = dom_.arena.size();
    n.text_size = text.size();
    dom_.arena += text;
    dom_.nodes.push_back(n);
    locations_.push_back(at);
    last_child_.push_back(kNoNode);
    return static_cast<uint32_t>(dom_.nodes.size() - 1);
  }

  void Append(uint32_t parent, uint32_t child) {
    Node& p = dom_.nodes[parent];
    if (last_child_[parent] == kNoNode) {
      p.first_child = child;
    } else {
      dom_.nodes[last_child_[parent]].next_sibling = child;
    }
    last_child_[parent] = child;
    ++p.size;
  }

  std::optional<uint32_t> Child(uint32_t node, const std::string& token) const {
    const Node& n = dom_.nodes[node];
    if (n.kind == Kind::kObject) {
      for (uint32_t m = n.first_child; m != kNoNode; m = dom_.nodes[m].next_sibling) {
        if (dom_.Key(dom_.nodes[m]) == token) return m;
      }
    } else if (n.kind == Kind::kArray) {
      size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + (c - '0');
      }
      uint32_t m = n.first_child;
      for (size_t i = 0; i < index && m != kNoNode; ++i) m = dom_.nodes[m].next_sibling;
      if (m != kNoNode) return m;
    }
    return std::nullopt;
  }

  static std::string Unescape(std::string_view token) {
    std::string out;
    for (size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) {
        out += token[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        out += token[i];
      }
    }
    return out;
  }

  std::vector<SourceTable> sources_;
  const Schema& schema_;
  Reporter& reporter_;
  Dom& dom_;
  uint32_t root_ = 0;
  std::vector<Location> locations_;           // per node
  std::vector<uint32_t> last_child_;          // per node, for appending in O(1)
  absl::flat_hash_map<TableId, int> tables_;  // -> index into sources_
  absl::flat_hash_map<TableId, uint32_t> singletons_;
  absl::flat_hash_map<TableId, std::vector<uint32_t>> parent_rows_;
  absl::flat_hash_map<TableId, absl::flat_hash_map<std::string, uint32_t>> rows_by_id_;
};

// The files of a bundle as tables; false when one cannot be read as a table (then its rows
// cannot be trusted, and nothing more is checked).
bool ReadFiles(const std::vector<CsvFile>& files, std::string_view folder, const Schema& schema,
               size_t max_text_bytes, Reporter& reporter, std::vector<SourceTable>& tables) {
  for (const CsvFile& file : files) {
    const std::string where = folder.empty() ? file.name : Cat(folder, "/", file.name);
    const std::string_view name = std::string_view(file.name).substr(0, file.name.size() - 4);
    const TableId t = file.name.ends_with(".csv") ? schema.FindTable(name) : kNoTable;
    if (t == kNoTable || schema.tables[t].from_pack) {
      reporter.ErrorIn(kMalformedCsv, where, 1, 1,
                       Cat("`", file.name, "` is not a table of the dossier; a bundle holds one ",
                           "file per table, named after it (`courses.csv`)"));
      continue;
    }
    std::vector<Record> records;
    if (!ParseCsv(file.text, where, max_text_bytes, reporter, records)) continue;
    if (records.empty()) {
      reporter.ErrorIn(kMalformedCsv, where, 1, 1, "the file is empty; it needs a header row");
      continue;
    }
    SourceTable& table = tables.emplace_back();
    table.table = t;
    table.where = where;
    table.header = std::move(records.front().cells);
    if (table.header.size() == 1 && table.header[0].text.empty()) {
      reporter.ErrorIn(kMalformedCsv, where, 1, 1, "the header row is empty; it names the columns");
      continue;
    }
    absl::flat_hash_set<std::string_view> names;
    for (const Cell& name : table.header) {
      if (!name.text.empty() && !names.insert(name.text).second) {
        reporter.ErrorIn(kDuplicateKey, where, name.line, name.column,
                         Cat("column `", name.text, "` is named twice in the header"));
      }
    }
    for (size_t r = 1; r < records.size(); ++r) {
      if (records[r].cells.size() != table.header.size()) {
        reporter.ErrorIn(kMalformedCsv, where, records[r].line, 1,
                         Cat("the row has ", records[r].cells.size(), " cells, the header ",
                             table.header.size()));
        continue;
      }
      table.rows.push_back(std::move(records[r]));
    }
  }
  return !reporter.failed();
}

}  // namespace

std::unique_ptr<DossierTables> load::LoadTextTables(std::vector<SourceTable> tables,
                                                    std::string_view name, const Schema& schema,
                                                    Reporter& reporter) {
  Dom dom;
  BundleReader reader(std::move(tables), schema, reporter, dom);
  reporter.set_locator([&reader](Diagnostic& d) { reader.Locate(d); });
  reader.Run();
  auto dossier = std::make_unique<DossierTables>();
  dossier->source_name = std::string(name);
  LoadDom(dom, schema, reporter, *dossier);
  reporter.set_locator(nullptr);
  if (reporter.failed()) return nullptr;
  return dossier;
}

std::unique_ptr<DossierTables> LoadCsvFiles(const std::vector<CsvFile>& files,
                                            std::string_view folder, const Schema& schema,
                                            Diagnostics& diagnostics, const LoadOptions& options) {
  uint64_t bytes = 0;
  for (const CsvFile& file : files) bytes += file.text.size();
  if (bytes > options.max_bytes) {
    ReportTooLarge(folder, bytes, options, diagnostics);
    return nullptr;
  }
  Reporter reporter(folder, diagnostics, options.max_errors);
  try {
    std::vector<SourceTable> tables;
    if (!ReadFiles(files, folder, schema, options.max_text_bytes, reporter, tables)) {
      return nullptr;
    }
    return LoadTextTables(std::move(tables), folder, schema, reporter);
  } catch (const std::exception& e) {
    reporter.Error(kMalformedCsv, "", Cat("could not read the bundle: ", e.what()));
  } catch (...) {
    reporter.Error(kMalformedCsv, "", "could not read the bundle");
  }
  return nullptr;
}

std::unique_ptr<DossierTables> LoadCsvBundle(const std::string& folder, const Schema& schema,
                                             Diagnostics& diagnostics, const LoadOptions& options) {
  namespace fs = std::filesystem;
  Reporter reporter(folder, diagnostics, options.max_errors);
  std::vector<fs::path> paths;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".csv") paths.push_back(entry.path());
  }
  if (error) {
    reporter.Error(kMalformedCsv, "", Cat("cannot read the folder: ", error.message()));
    return nullptr;
  }
  // Directory order is the file system's; messages come in name order.
  std::sort(paths.begin(), paths.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  // Every file is checked, and the sizes added up, before any is read: a link to a device
  // or a bundle over the size limit is refused without reading it.
  uint64_t bytes = 0;
  for (const fs::path& path : paths) {
    const std::string where = Cat(folder, "/", path.filename().string());
    fs::file_status status = fs::status(path, error);
    if (error || !fs::is_regular_file(status)) {
      reporter.ErrorIn(kMalformedCsv, where, 1, 1,
                       error ? Cat("cannot read the file: ", error.message())
                             : "not a regular file (a folder, a device, a pipe or a link to one)");
      continue;
    }
    bytes += fs::file_size(path, error);
  }
  if (reporter.failed()) return nullptr;
  if (bytes > options.max_bytes) {
    ReportTooLarge(folder, bytes, options, diagnostics);
    return nullptr;
  }
  std::vector<CsvFile> files;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      reporter.ErrorIn(kMalformedCsv, Cat(folder, "/", path.filename().string()), 1, 1,
                       "cannot read the file");
      return nullptr;
    }
    files.push_back({path.filename().string(), text.str()});
  }
  return LoadCsvFiles(files, folder, schema, diagnostics, options);
}

}  // namespace zhuoyue
