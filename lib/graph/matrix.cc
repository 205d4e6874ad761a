#include "graph/matrix.h"

#include <string>

#include "absl/container/flat_hash_map.h"

namespace zhuoyue {
namespace {

// Reads the cells of one row by field name; absent fields and unknown cells read as empty.
class RowReader {
 public:
  RowReader(const Schema& schema, const DossierTables& dossier, TableId table)
      : schema_(schema), dossier_(dossier), table_(table) {}

  const Column* ColumnOf(std::string_view field, int32_t row) const {
    if (table_ == kNoTable) return nullptr;
    FieldId id = schema_.tables[table_].FindField(field);
    if (id < 0) return nullptr;
    const Column& column = dossier_.tables[table_].columns[id];
    return column.state[row] == CellState::kPresent ? &column : nullptr;
  }
  FieldType TypeOf(std::string_view field) const {
    return schema_.tables[table_].fields[schema_.tables[table_].FindField(field)].type;
  }
  std::string Text(std::string_view field, int32_t row) const {
    const Column* column = ColumnOf(field, row);
    if (!column) return "";
    switch (TypeOf(field)) {
      case FieldType::kNumber:
      case FieldType::kWeight:
        return column->numbers[row].ToString();
      case FieldType::kEnum:
        return EnumText(field, column->symbols[row]);
      case FieldType::kString:
      case FieldType::kKey:
        return std::string(dossier_.strings.Text(column->symbols[row]));
      case FieldType::kRef:
        return std::string(dossier_.RowId(column->refs[row]));
      default:
        return "";
    }
  }
  std::optional<bool> Bool(std::string_view field, int32_t row) const {
    const Column* column = ColumnOf(field, row);
    if (!column) return std::nullopt;
    return column->bools[row] != 0;
  }
  std::vector<std::string> EnumList(std::string_view field, int32_t row) const {
    std::vector<std::string> values;
    const Column* column = ColumnOf(field, row);
    if (!column || column->list_begin.empty()) return values;
    for (uint32_t i = column->list_begin[row]; i < column->list_begin[row + 1]; ++i) {
      values.push_back(EnumText(field, column->list_symbols[i]));
    }
    return values;
  }

 private:
  // Enum cells hold an index into the declared values, or -(1 + symbol) for a value of an
  // open set outside them.
  std::string EnumText(std::string_view field, SymbolId code) const {
    const FieldDecl& decl = schema_.tables[table_].fields[schema_.tables[table_].FindField(field)];
    if (code >= 0) return decl.enum_values[code];
    return std::string(dossier_.strings.Text(-(code + 1)));
  }

  const Schema& schema_;
  const DossierTables& dossier_;
  TableId table_;
};

// H/M/L are stored as 3/2/1; numeric weights lie in (0, 1], so 3 and 2 can only be letters.
// A numeric 1 weighs the same as L and is shown as L.
std::string WeightText(const Number& weight) {
  if (weight == Number(3)) return "H";
  if (weight == Number(2)) return "M";
  if (weight == Number(1)) return "L";
  return weight.ToString();
}

}  // namespace

RealisationMatrix BuildMatrix(const Schema& schema, const DossierTables& dossier) {
  RealisationMatrix matrix;
  TableId items = schema.FindTable("school_standard");
  TableId points = schema.FindTable("points");
  TableId courses = schema.FindTable("courses");
  TableId supports = schema.FindTable("supports");
  TableId assessments = schema.FindTable("assessments");
  TableId measures = schema.FindTable("assessment_points");

  if (items != kNoTable && dossier.tables[items].present) {
    RowReader item(schema, dossier, items);
    FieldId covers = schema.tables[items].FindField("covers");
    for (int32_t row = 0; row < dossier.tables[items].rows; ++row) {
      MatrixItem entry{std::string(dossier.RowId({items, row})), item.Text("text", row), {}};
      const Column* column = covers >= 0 ? item.ColumnOf("covers", row) : nullptr;
      if (column) {
        for (uint32_t i = column->list_begin[row]; i < column->list_begin[row + 1]; ++i) {
          entry.covers.emplace_back(dossier.RowId(column->list_refs[i]));
        }
      }
      matrix.items.push_back(std::move(entry));
    }
  }
  if (points == kNoTable || courses == kNoTable || !dossier.tables[points].present ||
      !dossier.tables[courses].present) {
    return matrix;
  }
  RowReader point(schema, dossier, points);
  const Table& point_rows = dossier.tables[points];
  TableId item_table = schema.tables[points].parent;
  for (int32_t row = 0; row < point_rows.rows; ++row) {
    std::string item_id = item_table != kNoTable && point_rows.parent_row[row] >= 0
                              ? std::string(dossier.RowId({item_table, point_rows.parent_row[row]}))
                              : "";
    matrix.points.push_back(
        {std::string(dossier.RowId({points, row})), std::move(item_id), point.Text("text", row)});
  }
  RowReader course(schema, dossier, courses);
  for (int32_t row = 0; row < dossier.tables[courses].rows; ++row) {
    matrix.courses.push_back({std::string(dossier.RowId({courses, row})), course.Text("name", row),
                              course.Text("kind", row), course.Bool("core", row),
                              course.Text("semester", row), course.Text("credits", row),
                              course.Text("venue", row), course.EnumList("methods", row)});
  }
  if (supports == kNoTable || !dossier.tables[supports].present) return matrix;

  // (course, point) → the course's assessments that measure the point, in dossier order.
  absl::flat_hash_map<std::pair<int32_t, int32_t>, std::vector<std::string>> measuring;
  if (assessments != kNoTable && measures != kNoTable && dossier.tables[measures].present) {
    FieldId measured = schema.tables[measures].FindField("point");
    const Table& rows = dossier.tables[measures];
    for (int32_t row = 0; measured >= 0 && row < rows.rows; ++row) {
      const Column& column = rows.columns[measured];
      if (column.state[row] != CellState::kPresent || column.refs[row].row < 0) continue;
      int32_t assessment = rows.parent_row[row];
      int32_t owner = dossier.tables[assessments].parent_row[assessment];
      auto& ids = measuring[{owner, column.refs[row].row}];
      std::string id(dossier.RowId({assessments, assessment}));
      if (ids.empty() || ids.back() != id) ids.push_back(std::move(id));
    }
  }
  const Table& support_rows = dossier.tables[supports];
  FieldId support_point = schema.tables[supports].FindField("point");
  FieldId support_weight = schema.tables[supports].FindField("weight");
  for (int32_t row = 0; support_point >= 0 && row < support_rows.rows; ++row) {
    const Column& column = support_rows.columns[support_point];
    if (column.state[row] != CellState::kPresent || column.refs[row].row < 0) continue;
    MatrixCell cell;
    cell.course = support_rows.parent_row[row];
    cell.point = column.refs[row].row;
    if (support_weight >= 0 &&
        support_rows.columns[support_weight].state[row] == CellState::kPresent) {
      const Number& weight = support_rows.columns[support_weight].numbers[row];
      cell.weight = WeightText(weight);
      cell.weight_value = weight.ToDouble();
    }
    auto it = measuring.find(std::make_pair(cell.course, cell.point));
    if (it != measuring.end()) cell.assessments = it->second;
    matrix.cells.push_back(std::move(cell));
  }
  return matrix;
}

}  // namespace zhuoyue
