#include "load/dossier.h"

namespace zhuoyue {

SymbolId Interner::Intern(std::string_view text) {
  auto it = ids_.find(text);
  if (it != ids_.end()) return it->second;
  // A deque never moves its elements, so the key may view the stored string.
  const std::string& stored = texts_.emplace_back(text);
  const auto id = static_cast<SymbolId>(texts_.size() - 1);
  ids_.emplace(stored, id);
  return id;
}

SymbolId Interner::Find(std::string_view text) const {
  auto it = ids_.find(text);
  return it == ids_.end() ? -1 : it->second;
}

std::string_view DossierTables::RowId(RowRef ref) const {
  if (schema == nullptr || ref.table == kNoTable || ref.row < 0) return {};
  const FieldId id_field = schema->tables[ref.table].id_field;
  if (id_field < 0) return {};
  const Column& column = tables[ref.table].columns[id_field];
  if (column.state[ref.row] != CellState::kPresent) return {};
  return strings.Text(column.symbols[ref.row]);
}

}  // namespace zhuoyue
