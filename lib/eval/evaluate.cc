#include "eval/evaluate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "attain/attainment.h"
#include "eval/trace.h"
#include "eval/values.h"

namespace zhuoyue {
namespace {

using ir::Kind;
using ir::Node;
using ir::Op;

enum class State : uint8_t { kValue, kUnknown, kNone };

struct TextValue {
  State state = State::kUnknown;
  std::string_view text;
};

struct EntityValue {
  State state = State::kUnknown;
  RowRef row;
};

// A member of a collection, with whether it belongs (unknown membership comes from an
// inverse whose source field is absent).
struct Item {
  Tri member = Tri::kTrue;
  RowRef row;
  std::string_view text;
  Number number;
};

struct Collection {
  bool known = true;  // false: an absent table or list — any members at all
  std::vector<Item> items;
};

// ---------------------------------------------------------------- bounds arithmetic

Bound Add(const Bound& a, const Bound& b) {
  if (!a || !b) return std::nullopt;
  return *a + *b;
}
Bound Negated(const Bound& a) {
  if (!a) return std::nullopt;
  return -*a;
}
// Whether some x of `a` and y of `b` have x < y (`or_equal`: x ≤ y). An absent lower end
// is −∞, an absent upper end +∞.
bool CanBeBelow(const Interval& a, const Interval& b, bool or_equal) {
  if (!a.lo || !b.hi || *a.lo < *b.hi) return true;
  return or_equal && *a.lo == *b.hi && !a.lo_open && !b.hi_open;
}
Bound MinLower(const Bound& a, const Bound& b) {
  if (!a || !b) return std::nullopt;
  return std::min(*a, *b);
}
Bound MaxUpper(const Bound& a, const Bound& b) {
  if (!a || !b) return std::nullopt;
  return std::max(*a, *b);
}

// An end of an interval on the extended real line: a number, or ±∞.
struct Extended {
  int infinite = 0;  // -1: −∞, +1: +∞, 0: `value`
  Number value;
  bool open = false;
};
Extended LowerEnd(const Interval& i) { return i.lo ? Extended{0, *i.lo, i.lo_open} : Extended{-1}; }
Extended UpperEnd(const Interval& i) { return i.hi ? Extended{0, *i.hi, i.hi_open} : Extended{+1}; }
int Sign(const Extended& e) {
  if (e.infinite != 0) return e.infinite;
  return e.value > Number(0) ? 1 : (e.value < Number(0) ? -1 : 0);
}
// The values are finite, so a zero end times an infinite one is zero.
Extended Times(const Extended& a, const Extended& b) {
  bool open = a.open || b.open;
  if (a.infinite == 0 && b.infinite == 0) return {0, a.value * b.value, open};
  int sign = Sign(a) * Sign(b);
  return sign == 0 ? Extended{0, Number(0), open} : Extended{sign};
}
bool Less(const Extended& a, const Extended& b) {
  if (a.infinite != b.infinite) return a.infinite < b.infinite;
  return a.infinite == 0 && a.value < b.value;
}

// The product of two intervals: the extremes of its four corners. An extreme is open only
// when every corner that reaches it is.
void MultiplyInto(const Interval& a, const Interval& b, Interval& result) {
  Extended corners[] = {Times(LowerEnd(a), LowerEnd(b)), Times(LowerEnd(a), UpperEnd(b)),
                        Times(UpperEnd(a), LowerEnd(b)), Times(UpperEnd(a), UpperEnd(b))};
  auto extreme = [&](bool lowest, Bound& end, bool& open) {
    Extended best = corners[0];
    for (const Extended& c : corners) {
      if (lowest ? Less(c, best) : Less(best, c)) best = c;
    }
    end = best.infinite ? Bound() : Bound(best.value);
    open = std::all_of(std::begin(corners), std::end(corners), [&](const Extended& c) {
      return c.infinite != best.infinite || (best.infinite == 0 && c.value != best.value) || c.open;
    });
  };
  extreme(true, result.lo, result.lo_open);
  extreme(false, result.hi, result.hi_open);
}

// 1 / b for an interval that excludes zero; 1/±∞ is an open 0.
Interval Reciprocal(const Interval& b) {
  Interval r;
  r.lo = b.hi ? *Divide(Number(1), *b.hi) : Number(0);
  r.lo_open = !b.hi || b.hi_open;
  r.hi = b.lo ? *Divide(Number(1), *b.lo) : Number(0);
  r.hi_open = !b.lo || b.lo_open;
  return r;
}

Tri CompareIntervals(const std::string& op, const Interval& a, const Interval& b) {
  bool both = a.may_value && b.may_value;
  bool undefined = a.may_undefined || b.may_undefined;  // compares false, whatever the op
  bool can_true = false, can_false = false;
  if (op == ">=") {
    can_true = CanBeBelow(b, a, true);
    can_false = CanBeBelow(a, b, false);
  } else if (op == ">") {
    can_true = CanBeBelow(b, a, false);
    can_false = CanBeBelow(a, b, true);
  } else if (op == "<=") {
    can_true = CanBeBelow(a, b, true);
    can_false = CanBeBelow(b, a, false);
  } else if (op == "<") {
    can_true = CanBeBelow(a, b, false);
    can_false = CanBeBelow(b, a, true);
  } else {  // == and !=
    bool can_equal = CanBeBelow(a, b, true) && CanBeBelow(b, a, true);
    bool can_differ = !(a.IsExact() && b.IsExact() && *a.lo == *b.lo);
    can_true = op == "==" ? can_equal : can_differ;
    can_false = op == "==" ? can_differ : can_equal;
  }
  return FromPossible(both && can_true, undefined || (both && can_false));
}

Quantity ToQuantity(const Interval& interval) {
  Quantity q;
  q.undefined = !interval.may_value;
  if (interval.IsExact()) {
    q.value = interval.lo->ToDouble();
    if (interval.lo->exact()) q.exact = interval.lo->ToExactString();
    return q;
  }
  if (interval.may_value) {
    q.range = true;
    if (interval.lo) q.minimum = interval.lo->ToDouble();
    if (interval.hi) q.maximum = interval.hi->ToDouble();
    q.value = q.minimum && q.maximum ? (*q.minimum + *q.maximum) / 2
                                     : q.minimum.value_or(q.maximum.value_or(0));
  }
  return q;
}

// Four significant digits are enough to read a share; the JSON report keeps full precision.
std::string Short(double value) { return absl::StrFormat("%.4g", value); }

std::string DescribeQuantity(const Quantity& q) {
  if (q.undefined) return "undefined (nothing to measure)";
  if (!q.range) return Short(q.value);
  return absl::StrCat("between ", q.minimum ? Short(*q.minimum) : "-inf", " and ",
                      q.maximum ? Short(*q.maximum) : "+inf");
}

// "/school_standard/0/points/2" → "school_standard[0].points[2]".
std::string PointerToPath(std::string_view pointer) {
  std::string path;
  size_t start = 1;
  while (start <= pointer.size()) {
    size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    std::string_view token = pointer.substr(start, end - start);
    bool index = !token.empty() && std::all_of(token.begin(), token.end(),
                                               [](unsigned char c) { return std::isdigit(c); });
    if (index) {
      absl::StrAppend(&path, "[", std::string(token), "]");
    } else if (!token.empty()) {
      absl::StrAppend(&path, path.empty() ? "" : ".", std::string(token));
    }
    start = end + 1;
  }
  return path;
}

// Whitespace-only text counts as empty (semantics 11), the full-width space U+3000 included.
bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
      ++i;
    } else if (text.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// How the values read in a trace (eval/trace.h).
std::string Describe(Tri value) { return TriText(value); }
std::string Describe(const Interval& value) { return IntervalText(value); }
std::string Describe(const TextValue& value) {
  if (value.state != State::kValue) return value.state == State::kNone ? "none" : "unknown";
  return absl::StrCat("\"", std::string(value.text), "\"");
}
std::string Describe(const Collection& value) {
  long long uncertain = std::count_if(value.items.begin(), value.items.end(),
                                      [](const Item& item) { return item.member != Tri::kTrue; });
  if (!value.known && value.items.empty()) return "unknown";
  std::string text =
      absl::StrCat(value.items.size(), value.items.size() == 1 ? " member" : " members");
  if (uncertain > 0) absl::StrAppend(&text, " (", uncertain, " uncertain)");
  if (!value.known) absl::StrAppend(&text, ", maybe more");
  return text;
}

class Evaluator {
 public:
  Evaluator(const Plan& plan, const DossierTables& dossier, const std::vector<ir::Literal>& params,
            const AttainmentValues& attainment, TraceRecorder* recorder, uint64_t max_steps)
      : max_steps_(max_steps),
        recorder_(recorder),
        attainment_(attainment),
        plan_(plan),
        pack_(*plan.pack),
        schema_(pack_.schema),
        dossier_(dossier),
        params_(params),
        slots_(pack_.slot_count) {}

  Report Run();

 private:
  struct Measure {
    std::optional<Quantity> value, threshold;
    std::string comparison;
  };

  // The cell a kField node reads: the owner row's state, else the cell's (an unknown cell
  // is recorded as missing).
  struct Cell {
    State state = State::kUnknown;
    RowRef row;
    const Column* column = nullptr;
  };
  Cell ReadCell(const Node& node);

  // The typed evaluations, recorded when tracing (`trace_`); the *Of functions compute.
  Tri EvalBool(const Node& node) {
    return Traced(node, [&] { return BoolOf(node); });
  }
  Interval EvalNumber(const Node& node) {
    return Traced(node, [&] { return NumberOf(node); });
  }
  TextValue EvalText(const Node& node) {
    return Traced(node, [&] { return TextOf(node); });
  }
  Collection EvalCollection(const Node& node) {
    return Traced(node, [&] { return CollectionOf(node); });
  }
  template <typename Compute>
  auto Traced(const Node& node, Compute compute) -> decltype(compute()) {
    if (++steps_ > max_steps_) throw StepLimitExceeded{where_, max_steps_};
    if (!trace_) return compute();
    trace_->Enter(node);
    auto value = compute();
    trace_->Leave(Describe(value));
    return value;
  }
  Tri BoolOf(const Node& node);
  Interval NumberOf(const Node& node);
  TextValue TextOf(const Node& node);
  EntityValue EvalEntity(const Node& node);
  Collection CollectionOf(const Node& node);
  Tri IsNone(const Node& node);
  Tri Equal(const Node& lhs, const Node& rhs);
  // How many members of an `every` hold, out of how many (members certainly in it).
  struct EveryCounts {
    bool known = false;  // the collection's extent
    long long members = 0, holding = 0;
  };
  // With `counts`, an `every` counts its members and those that hold, for MeasureOf.
  Tri Quantify(const Node& node, std::vector<std::string>* witnesses,
               EveryCounts* counts = nullptr);
  Interval Aggregate(const Node& node);
  Tri Membership(const Node& node);
  Tri Criterion(const Node& node, std::vector<std::string>* witnesses);
  Measure MeasureOf(const Node& node);
  std::string WhatIf(const Node& node);

  // Built-in functions over the judgements and materials tables.
  Tri Judgement(const std::string& criterion);
  Tri Distinction(const std::string& requirement);
  Tri Provided(const std::string& material);
  void IndexJudgements();

  void Bind(int slot, const Item& item) { slots_[slot] = item; }
  void Missing(std::string what);
  // Records the absent arrays that leave a child table incomplete ("school_standard[1].points").
  void MissingArrays(TableId table);
  void MissingCell(RowRef row, const FieldDecl& field);
  std::string_view CellText(RowRef row, FieldId field_id, const Column& column) const;
  std::string ItemName(const Item& item, Kind kind) const;
  const Column* ColumnOf(RowRef row, FieldId field) const {
    return &dossier_.tables[row.table].columns[field];
  }

  // Whether every row of a table is in the dossier: a child table misses the rows of
  // parents whose array is absent, so quantifiers over it cannot be sure of "no more".
  bool Complete(TableId table) {
    if (complete_.empty()) complete_.assign(schema_.tables.size(), -1);
    if (complete_[table] < 0) {
      const Table& rows = dossier_.tables[table];
      TableId parent = schema_.tables[table].parent;
      complete_[table] =
          rows.present && (parent == kNoTable ||
                           (std::all_of(rows.child_state.begin(), rows.child_state.end(),
                                        [](CellState s) { return s == CellState::kPresent; }) &&
                            Complete(parent)));
    }
    return complete_[table] == 1;
  }
  std::vector<int8_t> complete_;  // per table: -1 not yet known

  struct InverseIndex {
    bool known = false;
    std::vector<int32_t> unknown_rows;  // source rows whose reference is absent
    absl::flat_hash_map<int64_t, std::vector<int32_t>> rows_by_target;
  };
  const InverseIndex& Inverse(TableId source, FieldId field);

  // Every evaluation step counts against the limit; `where_` names the rule being evaluated.
  uint64_t steps_ = 0;
  const uint64_t max_steps_;
  std::string where_;
  // The `every` quantifiers of criteria's `and` spines, counted as Criterion evaluates them.
  absl::flat_hash_map<const Node*, EveryCounts> every_counts_;
  TraceRecorder* recorder_;  // null: no tracing at all
  const AttainmentValues& attainment_;
  TraceRecorder* trace_ = nullptr;  // the recorder, while its criterion is evaluated
  const Plan& plan_;
  const CheckedPack& pack_;
  const Schema& schema_;
  const DossierTables& dossier_;
  const std::vector<ir::Literal>& params_;
  std::vector<Item> slots_;
  std::vector<std::string>* missing_ = nullptr;
  absl::flat_hash_map<std::string, Tri> verdicts_;  // for `met`
  absl::flat_hash_map<int64_t, InverseIndex> inverses_;

  bool judgements_indexed_ = false;
  bool judgements_present_ = false;
  absl::flat_hash_map<std::string, Tri> judgement_by_criterion_;
  absl::flat_hash_map<std::string, Tri> distinction_by_requirement_;
  bool materials_present_ = false;
  absl::flat_hash_set<std::string> materials_provided_;
};

int64_t Key(RowRef row) { return (static_cast<int64_t>(row.table) << 32) | uint32_t(row.row); }

void Evaluator::Missing(std::string what) {
  if (!missing_ || missing_->size() >= 20) return;
  if (std::find(missing_->begin(), missing_->end(), what) == missing_->end()) {
    missing_->push_back(std::move(what));
  }
}

void Evaluator::MissingArrays(TableId table) {
  if (!missing_) return;
  const Table& rows = dossier_.tables[table];
  TableId parent = schema_.tables[table].parent;
  if (!rows.present || parent == kNoTable) {
    Missing(schema_.tables[table].name);
    return;
  }
  if (!Complete(parent)) MissingArrays(parent);
  for (size_t row = 0; row < rows.child_state.size(); ++row) {
    if (rows.child_state[row] != CellState::kPresent) {
      Missing(absl::StrCat(PointerToPath(dossier_.tables[parent].row_pointer[row]), ".",
                           schema_.tables[table].json_key));
    }
  }
}

void Evaluator::MissingCell(RowRef row, const FieldDecl& field) {
  if (!missing_) return;
  const Table& table = dossier_.tables[row.table];
  std::string base = PointerToPath(table.row_pointer[row.row]);
  Missing(absl::StrCat(base, ".", field.name));
}

std::string_view Evaluator::CellText(RowRef row, FieldId field_id, const Column& column) const {
  const FieldDecl& field = schema_.tables[row.table].fields[field_id];
  SymbolId symbol = column.symbols[row.row];
  if (field.type == FieldType::kEnum) {
    return symbol >= 0 ? std::string_view(field.enum_values[symbol])
                       : dossier_.strings.Text(-(symbol + 1));
  }
  return dossier_.strings.Text(symbol);
}

std::string Evaluator::ItemName(const Item& item, Kind kind) const {
  if (kind == Kind::kEntity) return std::string(dossier_.RowId(item.row));
  if (kind == Kind::kNumber) return item.number.ToString();
  return std::string(item.text);
}

const Evaluator::InverseIndex& Evaluator::Inverse(TableId source, FieldId field) {
  int64_t key = (static_cast<int64_t>(source) << 32) | uint32_t(field);
  auto [it, inserted] = inverses_.try_emplace(key);
  InverseIndex& index = it->second;
  if (!inserted) return index;
  const Table& table = dossier_.tables[source];
  index.known = table.present;
  const Column& column = table.columns[field];
  bool is_list = schema_.tables[source].fields[field].is_list;
  for (int32_t row = 0; row < table.rows; ++row) {
    if (column.state[row] != CellState::kPresent) {
      if (column.state[row] == CellState::kUnknown) index.unknown_rows.push_back(row);
      continue;
    }
    if (is_list) {
      for (uint32_t i = column.list_begin[row]; i < column.list_begin[row + 1]; ++i) {
        if (column.list_refs[i].row >= 0) {
          index.rows_by_target[Key(column.list_refs[i])].push_back(row);
        }
      }
    } else {
      index.rows_by_target[Key(column.refs[row])].push_back(row);
    }
  }
  return index;
}

// ---------------------------------------------------------------- typed evaluation

Evaluator::Cell Evaluator::ReadCell(const Node& node) {
  EntityValue owner = EvalEntity(*node.child(0));
  if (owner.state != State::kValue) return {owner.state};
  const Column& column = *ColumnOf(owner.row, node.field);
  switch (column.state[owner.row.row]) {
    case CellState::kPresent:
      return {State::kValue, owner.row, &column};
    case CellState::kNone:
      return {State::kNone, owner.row, &column};
    case CellState::kUnknown:
      break;
  }
  MissingCell(owner.row, schema_.tables[owner.row.table].fields[node.field]);
  return {State::kUnknown, owner.row, &column};
}

EntityValue Evaluator::EvalEntity(const Node& node) {
  switch (node.op) {
    case Op::kVariable: {
      RowRef row = slots_[node.slot].row;
      if (row.row >= 0) return {State::kValue, row};
      Missing(schema_.tables[row.table].name);  // a row of a table the dossier does not give
      return {};
    }
    case Op::kSingleton: {
      const Table& table = dossier_.tables[node.table];
      if (!table.present || table.rows == 0) {
        Missing(schema_.tables[node.table].name);
        return {};
      }
      return {State::kValue, RowRef{node.table, 0}};
    }
    case Op::kParent: {
      EntityValue child = EvalEntity(*node.child(0));
      if (child.state != State::kValue) return child;
      return {State::kValue,
              RowRef{node.table, dossier_.tables[child.row.table].parent_row[child.row.row]}};
    }
    case Op::kField: {
      Cell cell = ReadCell(node);
      if (cell.state != State::kValue) return {cell.state};
      if (node.type.kind == Kind::kGroup) return {State::kValue, cell.row};  // its holder
      return {State::kValue, cell.column->refs[cell.row.row]};
    }
    default:
      return {};
  }
}

TextValue Evaluator::TextOf(const Node& node) {
  switch (node.op) {
    case Op::kLiteral:
      return {State::kValue, node.literal.text};
    case Op::kParam:
      return {State::kValue, params_[node.index].text};
    case Op::kVariable:
      return {State::kValue, slots_[node.slot].text};
    case Op::kField: {
      Cell cell = ReadCell(node);
      if (cell.state != State::kValue) return {cell.state};
      return {State::kValue, CellText(cell.row, node.field, *cell.column)};
    }
    default:
      return {};
  }
}

Interval Evaluator::NumberOf(const Node& node) {
  switch (node.op) {
    case Op::kLiteral:
      return Interval::Exact(node.literal.number);
    case Op::kParam:
      return Interval::Exact(params_[node.index].number);
    case Op::kVariable:
      return Interval::Exact(slots_[node.slot].number);
    case Op::kField: {
      const FieldDecl* field = node.type.field;
      Interval unknown = Interval::Between(
          field && field->minimum ? Bound(*field->minimum) : std::nullopt, std::nullopt);
      unknown.may_undefined = field && field->nullable;
      Cell cell = ReadCell(node);
      if (cell.state == State::kNone) return Interval::Undefined();
      if (cell.state == State::kUnknown) return unknown;
      return Interval::Exact(cell.column->numbers[cell.row.row]);
    }
    case Op::kNegate: {
      Interval a = EvalNumber(*node.child(0));
      return Interval{Negated(a.hi),   Negated(a.lo), a.may_value,
                      a.may_undefined, a.hi_open,     a.lo_open};
    }
    case Op::kArithmetic: {
      Interval a = EvalNumber(*node.child(0)), b = EvalNumber(*node.child(1));
      Interval result{std::nullopt, std::nullopt, a.may_value && b.may_value,
                      a.may_undefined || b.may_undefined};
      const std::string& op = node.text;
      if (op == "+") {
        result.lo = Add(a.lo, b.lo);
        result.hi = Add(a.hi, b.hi);
        result.lo_open = a.lo_open || b.lo_open;
        result.hi_open = a.hi_open || b.hi_open;
      } else if (op == "-") {
        result.lo = Add(a.lo, Negated(b.hi));
        result.hi = Add(a.hi, Negated(b.lo));
        result.lo_open = a.lo_open || b.hi_open;
        result.hi_open = a.hi_open || b.lo_open;
      } else if (op == "*") {
        MultiplyInto(a, b, result);
      } else if (CanBeBelow(b, Interval::Exact(Number(0)), true) &&
                 CanBeBelow(Interval::Exact(Number(0)), b, true)) {
        // The divisor may be zero: the quotient may be undefined, and is unbounded.
        result.may_undefined = true;
        if (b.IsExact()) result.may_value = false;
      } else {
        MultiplyInto(a, Reciprocal(b), result);  // a / b = a × (1 / b)
      }
      return result;
    }
    case Op::kAttainment: {
      EntityValue entity = EvalEntity(*node.child(0));
      // Without scores (or without the row) it may be any share, or null.
      Interval unknown = Interval::Between(Number(0), Number(1));
      unknown.may_undefined = true;
      if (entity.state != State::kValue || !attainment_.available) {
        if (!attainment_.available) Missing("scores");
        return unknown;
      }
      const auto& values = entity.row.table == attainment_.points_table ? attainment_.point_values
                                                                        : attainment_.item_values;
      if (entity.row.row < 0 || entity.row.row >= static_cast<int32_t>(values.size())) {
        return unknown;
      }
      const std::optional<Number>& value = values[entity.row.row];
      return value ? Interval::Exact(*value) : Interval::Undefined();
    }
    case Op::kCount: {
      Collection collection = EvalCollection(*node.child(0));
      long long sure = 0, maybe = 0;
      for (const Item& item : collection.items) {
        sure += item.member == Tri::kTrue;
        maybe += item.member == Tri::kUnknown;
      }
      // An incompletely known collection may hold any number of further members.
      return Interval::Between(Number(sure),
                               collection.known ? Bound(Number(sure + maybe)) : Bound());
    }
    case Op::kAggregate:
      return Aggregate(node);
    default:
      return Interval::Undefined();
  }
}

Collection Evaluator::CollectionOf(const Node& node) {
  Collection result;
  auto rows_of = [&](TableId table_id) {
    const Table& table = dossier_.tables[table_id];
    if (!table.present) {
      result.known = false;
      Missing(schema_.tables[table_id].name);
      return;
    }
    result.known = Complete(table_id);
    if (!result.known) MissingArrays(table_id);
    result.items.reserve(table.rows);
    for (int32_t row = 0; row < table.rows; ++row) {
      result.items.push_back({Tri::kTrue, RowRef{table_id, row}});
    }
  };
  switch (node.op) {
    case Op::kTable:
      rows_of(node.table);
      break;
    case Op::kListLiteral:
      for (const ir::NodePtr& item : node.children) {
        result.items.push_back({Tri::kTrue, {}, item->literal.text, item->literal.number});
      }
      break;
    case Op::kChildRows: {
      EntityValue owner = EvalEntity(*node.child(0));
      if (owner.state != State::kValue) {
        result.known = owner.state == State::kNone;
        break;
      }
      const Table& children = dossier_.tables[node.table];
      if (!children.present || children.child_state[owner.row.row] != CellState::kPresent) {
        result.known = false;
        if (missing_) {
          Missing(absl::StrCat(
              PointerToPath(dossier_.tables[owner.row.table].row_pointer[owner.row.row]), ".",
              schema_.tables[node.table].json_key));
        }
        break;
      }
      for (uint32_t i = children.child_begin[owner.row.row];
           i < children.child_begin[owner.row.row + 1]; ++i) {
        result.items.push_back({Tri::kTrue, RowRef{node.table, children.child_rows[i]}});
      }
      break;
    }
    case Op::kInverse: {
      EntityValue target = EvalEntity(*node.child(0));
      if (target.state != State::kValue) {
        result.known = target.state == State::kNone;
        break;
      }
      const InverseIndex& index = Inverse(node.table, node.field);
      if (!index.known) {
        result.known = false;
        Missing(schema_.tables[node.table].name);
        break;
      }
      if (!Complete(node.table)) {  // rows under absent arrays may refer to it too
        result.known = false;
        MissingArrays(node.table);
      }
      // DossierTables order: definite members and possible ones (absent references) interleaved.
      std::vector<Item> items;
      if (auto it = index.rows_by_target.find(Key(target.row)); it != index.rows_by_target.end()) {
        for (int32_t row : it->second) items.push_back({Tri::kTrue, RowRef{node.table, row}});
      }
      for (int32_t row : index.unknown_rows) {
        items.push_back({Tri::kUnknown, RowRef{node.table, row}});
        if (missing_)
          MissingCell(RowRef{node.table, row}, schema_.tables[node.table].fields[node.field]);
      }
      std::sort(items.begin(), items.end(),
                [](const Item& a, const Item& b) { return a.row.row < b.row.row; });
      result.items = std::move(items);
      break;
    }
    case Op::kField: {  // a list field
      Cell cell = ReadCell(node);
      if (cell.state != State::kValue) {
        result.known = cell.state == State::kNone;
        break;
      }
      const Column& column = *cell.column;
      RowRef owner{cell.row};
      const FieldDecl& field = schema_.tables[owner.table].fields[node.field];
      for (uint32_t i = column.list_begin[owner.row]; i < column.list_begin[owner.row + 1]; ++i) {
        Item item;
        if (field.type == FieldType::kRef) {
          item.row = column.list_refs[i];
        } else if (field.type == FieldType::kNumber || field.type == FieldType::kWeight) {
          item.number = column.list_numbers[i];
        } else if (field.type == FieldType::kEnum) {
          SymbolId symbol = column.list_symbols[i];
          item.text = symbol >= 0 ? std::string_view(field.enum_values[symbol])
                                  : dossier_.strings.Text(-(symbol + 1));
        } else {
          item.text = dossier_.strings.Text(column.list_symbols[i]);
        }
        result.items.push_back(item);
      }
      break;
    }
    default:
      result.known = false;
  }
  return result;
}

Tri Evaluator::IsNone(const Node& node) {
  switch (node.type.kind) {
    case Kind::kNone:
      return Tri::kTrue;
    case Kind::kNumber: {
      Interval value = EvalNumber(node);
      return FromPossible(value.may_undefined, value.may_value);
    }
    case Kind::kText: {
      TextValue value = EvalText(node);
      if (value.state == State::kUnknown) {
        return node.type.field && node.type.field->nullable ? Tri::kUnknown : Tri::kFalse;
      }
      return MakeTri(value.state == State::kNone);
    }
    case Kind::kEntity:
    case Kind::kGroup: {
      EntityValue value = EvalEntity(node);
      if (value.state == State::kUnknown) {
        return node.type.field && node.type.field->nullable ? Tri::kUnknown : Tri::kFalse;
      }
      return MakeTri(value.state == State::kNone);
    }
    default:
      return Tri::kFalse;
  }
}

Tri Evaluator::Equal(const Node& lhs, const Node& rhs) {
  if (lhs.type.kind == Kind::kNone) return IsNone(rhs);
  if (rhs.type.kind == Kind::kNone) return IsNone(lhs);
  switch (lhs.type.kind) {
    case Kind::kNumber: {
      Interval a = EvalNumber(lhs);
      Interval b = EvalNumber(rhs);
      return CompareIntervals("==", a, b);
    }
    case Kind::kText: {
      TextValue a = EvalText(lhs), b = EvalText(rhs);
      if (a.state == State::kUnknown || b.state == State::kUnknown) return Tri::kUnknown;
      if (a.state == State::kNone || b.state == State::kNone) return MakeTri(a.state == b.state);
      return MakeTri(a.text == b.text);
    }
    case Kind::kEntity: {
      EntityValue a = EvalEntity(lhs), b = EvalEntity(rhs);
      if (a.state == State::kUnknown || b.state == State::kUnknown) return Tri::kUnknown;
      if (a.state == State::kNone || b.state == State::kNone) return MakeTri(a.state == b.state);
      return MakeTri(a.row == b.row);
    }
    case Kind::kBool: {
      Tri a = EvalBool(lhs), b = EvalBool(rhs);
      if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
      return MakeTri(a == b);
    }
    default:
      return Tri::kUnknown;
  }
}

Tri Evaluator::Membership(const Node& node) {
  const Node& value = *node.child(0);
  Collection collection = EvalCollection(*node.child(1));
  Kind kind = value.type.kind;
  TextValue text;
  EntityValue entity;
  Interval number;
  bool value_known = true;
  if (kind == Kind::kText) {
    text = EvalText(value);
    value_known = text.state == State::kValue;
  } else if (kind == Kind::kEntity) {
    entity = EvalEntity(value);
    value_known = entity.state == State::kValue;
  } else {
    number = EvalNumber(value);
  }
  Tri result = Tri::kFalse;
  for (const Item& item : collection.items) {
    Tri equal = Tri::kUnknown;
    if (kind == Kind::kNumber) {
      equal = CompareIntervals("==", number, Interval::Exact(item.number));
    } else if (value_known) {
      equal =
          kind == Kind::kText ? MakeTri(item.text == text.text) : MakeTri(item.row == entity.row);
    }
    result = Or(result, And(item.member, equal));
    if (result == Tri::kTrue) return result;
  }
  return collection.known ? result : Or(result, Tri::kUnknown);
}

Tri Evaluator::Quantify(const Node& node, std::vector<std::string>* witnesses,
                        EveryCounts* counts) {
  Collection collection = EvalCollection(*node.child(0));
  const Node* filter = node.child(1);
  const Node* body = node.child(2);
  Kind element = node.child(0)->type.element;
  const std::string& op = node.text;
  bool every = op == "every";
  // every: AND over members of (filter → body); some/no: OR of (filter and body).
  Tri result = every ? Tri::kTrue : Tri::kFalse;
  if (counts) counts->known = collection.known;
  for (const Item& item : collection.items) {
    Bind(node.slot, item);
    if (trace_) trace_->Member(ItemName(item, element), item.member);
    Tri member = item.member;
    if (filter && member != Tri::kFalse) member = And(member, EvalBool(*filter));
    if (member == Tri::kFalse) continue;
    if (!witnesses && (every ? result == Tri::kFalse : result == Tri::kTrue)) break;
    Tri holds = EvalBool(*body);
    if (counts && member == Tri::kTrue) {
      ++counts->members;
      counts->holding += holds == Tri::kTrue;
    }
    if (every) {
      result = And(result, Or(Not(member), holds));
      if (witnesses && member == Tri::kTrue && holds == Tri::kFalse) {
        witnesses->push_back(ItemName(item, element));
      }
    } else {
      result = Or(result, And(member, holds));
    }
  }
  if (!collection.known) result = every ? And(result, Tri::kUnknown) : Or(result, Tri::kUnknown);
  return op == "no" ? Not(result) : result;
}

// What an unknown value of `body` may be, from its declaration alone: `number >= 0` fields
// are [0, ∞), anything else (−∞, ∞).
Interval StaticBounds(const Node& body) {
  const FieldDecl* field = body.op == Op::kField ? body.type.field : nullptr;
  return Interval::Between(field && field->minimum ? Bound(*field->minimum) : std::nullopt,
                           std::nullopt);
}

Interval Evaluator::Aggregate(const Node& node) {
  Collection collection = EvalCollection(*node.child(0));
  const Node* filter = node.child(1);
  const Node* body = node.child(2);
  const std::string& op = node.text;
  // Members: definite or uncertain (unknown membership, or a value that may be none).
  struct Member {
    Tri member;
    Interval value;
    Tri holds;
  };
  std::vector<Member> members;
  for (const Item& item : collection.items) {
    Bind(node.slot, item);
    if (trace_) trace_->Member(ItemName(item, node.child(0)->type.element), item.member);
    Tri member = item.member;
    if (filter && member != Tri::kFalse) member = And(member, EvalBool(*filter));
    if (member == Tri::kFalse) continue;
    Member m{member, Interval::Exact(Number(0)), Tri::kTrue};
    if (op == "ratio") {
      m.holds = EvalBool(*body);
    } else if (body) {
      m.value = EvalNumber(*body);
      if (!m.value.may_value) continue;  // none: nothing to aggregate
      if (m.value.may_undefined) m.member = And(m.member, Tri::kUnknown);
    }
    members.push_back(m);
  }
  // An incompletely known collection (an absent table, a parent's absent array) may hold
  // any number of further members, each with any value its declaration allows.
  bool open_ended = !collection.known;
  Interval unseen = body && op != "ratio" ? StaticBounds(*body) : Interval::Exact(Number(0));

  long long sure = 0, maybe = 0;
  for (const Member& m : members) (m.member == Tri::kTrue ? sure : maybe) += 1;
  if (op == "count") {
    return Interval::Between(Number(sure), open_ended ? Bound() : Bound(Number(sure + maybe)));
  }

  if (op == "ratio") {
    // Minimum: uncertain members join only when they can count against; maximum: only
    // when they can count for. Exact over all completions (see dsl/GRAMMAR.md).
    long long min_num = 0, min_den = 0, max_num = 0, max_den = 0;
    for (const Member& m : members) {
      bool can_hold = m.holds != Tri::kFalse, can_fail = m.holds != Tri::kTrue;
      if (m.member == Tri::kTrue) {
        min_den += 1;
        max_den += 1;
        min_num += m.holds == Tri::kTrue;
        max_num += can_hold;
      } else {
        if (can_fail) min_den += 1;
        if (can_hold) {
          max_den += 1;
          max_num += 1;
        }
      }
    }
    if (members.empty() && !open_ended) return Interval::Undefined();
    Interval result;
    result.may_undefined = sure == 0;
    result.lo = min_den > 0 ? *Divide(Number(min_num), Number(min_den)) : Number(1);
    result.hi = max_den > 0 ? *Divide(Number(max_num), Number(max_den)) : Number(0);
    if (open_ended) {
      // Enough unseen members pull the share toward 0 or 1, reaching neither while some
      // member is known to hold (fail).
      result.lo = Number(0);
      result.hi = Number(1);
      result.lo_open = min_num > 0;
      result.hi_open = max_den > max_num;
    }
    return result;
  }

  if (op == "sum") {
    Interval result = Interval::Exact(Number(0));
    for (const Member& m : members) {
      bool certain = m.member == Tri::kTrue;
      result.lo = Add(result.lo, certain ? m.value.lo : MinLower(m.value.lo, Number(0)));
      result.hi = Add(result.hi, certain ? m.value.hi : MaxUpper(m.value.hi, Number(0)));
    }
    if (open_ended) {
      if (!unseen.lo || *unseen.lo < Number(0)) result.lo = std::nullopt;
      if (!unseen.hi || *unseen.hi > Number(0)) result.hi = std::nullopt;
    }
    return result;
  }

  std::vector<const Member*> definite, uncertain;
  for (const Member& m : members) (m.member == Tri::kTrue ? definite : uncertain).push_back(&m);
  if (members.empty() && !open_ended) return Interval::Undefined();
  Interval result;
  result.may_undefined = definite.empty();
  if (members.empty()) return Interval{unseen.lo, unseen.hi, true, true};

  if (op == "min" || op == "max") {
    bool is_min = op == "min";
    // Outward (below a min, above a max) any member can pull; inward only a definite one
    // holds it back, and with none definite a single uncertain member may be alone.
    auto outward = [&](const Member* m) { return is_min ? m->value.lo : m->value.hi; };
    auto inward = [&](const Member* m) { return is_min ? m->value.hi : m->value.lo; };
    Bound out = outward(&members[0]);
    for (const Member& m : members) {
      out = is_min ? MinLower(out, outward(&m)) : MaxUpper(out, outward(&m));
    }
    if (open_ended) out = is_min ? MinLower(out, unseen.lo) : MaxUpper(out, unseen.hi);
    Bound in;
    if (!definite.empty()) {
      in = inward(definite[0]);  // the tightest: min of uppers (max of lowers)
      for (const Member* m : definite) {
        Bound end = inward(m);
        if (is_min) {
          in = !in ? end : (!end ? in : std::min(*in, *end));
        } else {
          in = !in ? end : (!end ? in : std::max(*in, *end));
        }
      }
    } else {
      in = inward(uncertain[0]);  // the loosest single member
      for (const Member* m : uncertain)
        in = is_min ? MaxUpper(in, inward(m)) : MinLower(in, inward(m));
      if (open_ended) in = is_min ? MaxUpper(in, unseen.hi) : MinLower(in, unseen.lo);
    }
    result.lo = is_min ? out : in;
    result.hi = is_min ? in : out;
    return result;
  }

  // mean: start from the definite members at their lowest (highest) and add uncertain ones
  // greedily while they pull the mean further down (up); one that can be unbounded that
  // way makes the mean unbounded.
  auto extreme_mean = [&](bool lowest) -> Bound {
    auto end_of = [&](const Member* m) { return lowest ? m->value.lo : m->value.hi; };
    for (const Member& m : members) {
      if (!end_of(&m)) return std::nullopt;
    }
    std::vector<const Member*> extra = uncertain;
    std::sort(extra.begin(), extra.end(), [&](const Member* a, const Member* b) {
      return lowest ? *end_of(a) < *end_of(b) : *end_of(a) > *end_of(b);
    });
    Number sum(0);
    long long count = 0;
    for (const Member* m : definite) {
      sum = sum + *end_of(m);
      ++count;
    }
    for (const Member* m : extra) {
      if (count > 0) {
        Number mean = *Divide(sum, Number(count));
        if (lowest ? !(*end_of(m) < mean) : !(*end_of(m) > mean)) break;
      }
      sum = sum + *end_of(m);
      ++count;
    }
    return *Divide(sum, Number(count));
  };
  result.lo = extreme_mean(true);
  result.hi = extreme_mean(false);
  if (open_ended) {
    // Many unseen members pull the mean toward their own bounds, without reaching them
    // while a definite member stands apart.
    if (!unseen.lo || (result.lo && *unseen.lo < *result.lo)) {
      result.lo = unseen.lo;
      result.lo_open = !definite.empty();
    }
    if (!unseen.hi || (result.hi && *unseen.hi > *result.hi)) {
      result.hi = unseen.hi;
      result.hi_open = !definite.empty();
    }
  }
  return result;
}

Tri Evaluator::BoolOf(const Node& node) {
  switch (node.op) {
    case Op::kLiteral:
      return MakeTri(node.literal.boolean);
    case Op::kParam:
      return MakeTri(params_[node.index].boolean);
    case Op::kField: {
      Cell cell = ReadCell(node);
      if (cell.state != State::kValue) return Tri::kUnknown;
      return MakeTri(cell.column->bools[cell.row.row] != 0);
    }
    case Op::kNot:
      return Not(EvalBool(*node.child(0)));
    case Op::kAnd: {
      Tri result = Tri::kTrue;
      for (const ir::NodePtr& child : node.children) {
        result = And(result, EvalBool(*child));
        if (result == Tri::kFalse) break;
      }
      return result;
    }
    case Op::kOr: {
      Tri result = Tri::kFalse;
      for (const ir::NodePtr& child : node.children) {
        result = Or(result, EvalBool(*child));
        if (result == Tri::kTrue) break;
      }
      return result;
    }
    case Op::kCompare: {
      const Node& lhs = *node.child(0);
      const Node& rhs = *node.child(1);
      if (lhs.type.kind == Kind::kNumber && rhs.type.kind == Kind::kNumber) {
        Interval a = EvalNumber(lhs);  // left first, so `missing` reads left to right
        Interval b = EvalNumber(rhs);
        return CompareIntervals(node.text, a, b);
      }
      Tri equal = Equal(lhs, rhs);
      return node.text == "==" ? equal : Not(equal);
    }
    case Op::kIn:
      return Membership(node);
    case Op::kQuantifier:
      return Quantify(node, nullptr);
    case Op::kEmpty: {
      const Node& argument = *node.child(0);
      Tri empty;
      if (argument.type.kind == Kind::kText) {
        TextValue text = EvalText(argument);
        empty = text.state == State::kUnknown
                    ? Tri::kUnknown
                    : MakeTri(text.state == State::kNone || IsBlank(text.text));
      } else {
        Collection collection = EvalCollection(argument);
        empty = Tri::kTrue;
        for (const Item& item : collection.items) empty = And(empty, Not(item.member));
        if (!collection.known) empty = And(empty, Tri::kUnknown);
      }
      return node.text == "empty" ? empty : Not(empty);
    }
    case Op::kJudgement:
      return Judgement(node.text);
    case Op::kDistinction:
      return Distinction(node.text);
    case Op::kProvided:
      return Provided(node.text);
    case Op::kMet: {
      auto it = verdicts_.find(node.text);
      return it == verdicts_.end() ? Tri::kUnknown : it->second;
    }
    default:
      return Tri::kUnknown;
  }
}

// ---------------------------------------------------------------- judgements, materials

void Evaluator::IndexJudgements() {
  if (judgements_indexed_) return;
  judgements_indexed_ = true;
  auto key_text = [&](RowRef row, FieldId field) -> std::optional<std::string> {
    if (field < 0) return std::nullopt;
    const Column& column = dossier_.tables[row.table].columns[field];
    if (column.state[row.row] != CellState::kPresent) return std::nullopt;
    return std::string(CellText(row, field, column));
  };
  if (TableId table = schema_.FindTable("judgements"); table != kNoTable) {
    const TableDecl& decl = schema_.tables[table];
    const Table& rows = dossier_.tables[table];
    judgements_present_ = rows.present;
    FieldId criterion = decl.FindField("criterion"), verdict = decl.FindField("verdict");
    FieldId requirement = decl.FindField("requirement");
    FieldId distinction = decl.FindField("distinction");
    for (int32_t row = 0; row < rows.rows; ++row) {
      RowRef ref{table, row};
      if (auto id = key_text(ref, criterion)) {
        std::optional<std::string> said = key_text(ref, verdict);
        judgement_by_criterion_[*id] =
            !said ? Tri::kUnknown : MakeTri(*said == "met");  // the last one wins
      }
      if (auto id = key_text(ref, requirement); id && distinction >= 0) {
        const Column& column = rows.columns[distinction];
        Tri value = column.state[row] == CellState::kPresent ? MakeTri(column.bools[row] != 0)
                                                             : Tri::kUnknown;
        auto [it, inserted] = distinction_by_requirement_.try_emplace(*id, value);
        if (!inserted) it->second = Or(it->second, value);
      }
    }
  }
  if (TableId table = schema_.FindTable("materials"); table != kNoTable) {
    const TableDecl& decl = schema_.tables[table];
    const Table& rows = dossier_.tables[table];
    materials_present_ = rows.present;
    FieldId requirement = decl.FindField("requirement"), item = decl.FindField("item");
    for (int32_t row = 0; row < rows.rows; ++row) {
      auto id = key_text(RowRef{table, row}, requirement);
      const Column& items = rows.columns[item];
      if (!id || items.state[row] != CellState::kPresent) continue;
      materials_provided_.insert(absl::StrCat(*id, ".", items.numbers[row].ToString()));
    }
  }
}

Tri Evaluator::Judgement(const std::string& criterion) {
  IndexJudgements();
  if (!judgements_present_) {
    Missing("judgements");
    return Tri::kUnknown;
  }
  auto it = judgement_by_criterion_.find(criterion);
  if (it == judgement_by_criterion_.end()) {
    Missing(absl::StrCat("judgements[criterion=", criterion, "]"));
    return Tri::kUnknown;
  }
  if (it->second == Tri::kUnknown) {  // the last judgement gives no verdict
    Missing(absl::StrCat("judgements[criterion=", criterion, "].verdict"));
  }
  return it->second;
}

Tri Evaluator::Distinction(const std::string& requirement) {
  IndexJudgements();
  if (!judgements_present_) return Tri::kUnknown;
  auto it = distinction_by_requirement_.find(requirement);
  return it == distinction_by_requirement_.end() ? Tri::kFalse : it->second;
}

Tri Evaluator::Provided(const std::string& material) {
  IndexJudgements();
  if (!materials_present_) {
    Missing("materials");
    return Tri::kUnknown;
  }
  return MakeTri(materials_provided_.contains(material));
}

// ---------------------------------------------------------------- criteria

// The criterion's own spine: an `and` of parts, where a part that is `every` names the
// members that break it (all of them, for the report, so no short-circuit here).
Tri Evaluator::Criterion(const Node& node, std::vector<std::string>* witnesses) {
  if (node.op == Op::kAnd) {
    return Traced(node, [&] {
      Tri result = Tri::kTrue;
      for (const ir::NodePtr& child : node.children) {
        result = And(result, Criterion(*child, witnesses));
      }
      return result;
    });
  }
  if (node.op == Op::kQuantifier && node.text == "every") {
    // Counted on the way, so that MeasureOf need not walk the members again.
    return Traced(node, [&] { return Quantify(node, witnesses, &every_counts_[&node]); });
  }
  return EvalBool(node);
}

Evaluator::Measure Evaluator::MeasureOf(const Node& node) {
  Measure measure;
  if (node.op == Op::kAnd) {
    for (const ir::NodePtr& child : node.children) {
      measure = MeasureOf(*child);
      if (measure.value) return measure;
    }
    return measure;
  }
  if (node.op == Op::kCompare && node.child(0)->type.kind == Kind::kNumber &&
      node.child(1)->type.kind == Kind::kNumber) {
    measure.value = ToQuantity(EvalNumber(*node.child(0)));
    measure.threshold = ToQuantity(EvalNumber(*node.child(1)));
    measure.comparison = node.text;
    return measure;
  }
  if (node.op == Op::kQuantifier && node.text == "every") {
    // How many members hold, out of how many: counted by Criterion (the members of a
    // collection of unknown extent give no measure).
    auto counts = every_counts_.find(&node);
    if (counts == every_counts_.end() || !counts->second.known) return measure;
    measure.value = ToQuantity(Interval::Exact(Number(counts->second.holding)));
    measure.threshold = ToQuantity(Interval::Exact(Number(counts->second.members)));
    measure.comparison = "all";
  }
  return measure;
}

// The smallest change that would meet a failed threshold on a count, sum or share (the
// first such comparison of the criterion's `and` spine that fails): how many more members,
// how much more in total. Empty where no such change is computable.
std::string Evaluator::WhatIf(const Node& node) {
  if (node.op == Op::kAnd) {
    for (const ir::NodePtr& child : node.children) {
      if (std::string change = WhatIf(*child); !change.empty()) return change;
    }
    return "";
  }
  if (node.op != Op::kCompare || node.child(0)->type.kind != Kind::kNumber ||
      node.child(1)->type.kind != Kind::kNumber || EvalBool(node) != Tri::kFalse) {
    return "";
  }
  const Node& measured = *node.child(0);
  Interval threshold_range = EvalNumber(*node.child(1));
  Interval value_range = EvalNumber(measured);
  if (!threshold_range.IsExact() || !value_range.IsExact()) return "";
  Number threshold = *threshold_range.lo, value = *value_range.lo;
  const std::string& op = node.text;
  bool at_least = op == ">=" || op == ">";
  if (!at_least && op != "<=" && op != "<") return "";
  // The smallest whole number m for which `reaches(m)` holds, searched from a guess.
  auto smallest = [](long long guess, auto reaches) -> long long {
    long long m = std::max(0LL, guess - 1);
    while (!reaches(m) && m < guess + 3) ++m;
    return reaches(m) ? m : -1;
  };
  auto meets = [&](const Number& x) {
    return op == ">="   ? x >= threshold
           : op == ">"  ? x > threshold
           : op == "<=" ? x <= threshold
                        : x < threshold;
  };
  bool is_count =
      measured.op == Op::kCount || (measured.op == Op::kAggregate && measured.text == "count");
  if (is_count) {
    long long guess = static_cast<long long>(std::ceil(std::fabs((threshold - value).ToDouble())));
    long long m = smallest(guess, [&](long long k) {
      return meets(at_least ? value + Number(k) : value - Number(k));
    });
    if (m <= 0) return "";
    return absl::StrCat("what if: ", m, at_least ? " more" : " fewer", " would meet it");
  }
  if (measured.op == Op::kAggregate && measured.text == "sum" && at_least) {
    return absl::StrCat("what if: ", (threshold - value).ToExactString(), " more in total",
                        op == ">" ? " and a little more" : "", " would meet it");
  }
  if (measured.op != Op::kAggregate || measured.text != "ratio") return "";
  // The share k/n: how many more of its members would have to satisfy it, or how many new
  // members that hold would lift (or dilute) it enough.
  Collection collection = EvalCollection(*measured.child(0));
  long long holding = 0, members = 0;
  for (const Item& item : collection.items) {
    Bind(measured.slot, item);
    Tri member = item.member;
    if (measured.child(1)) member = And(member, EvalBool(*measured.child(1)));
    if (member != Tri::kTrue) continue;
    ++members;
    holding += EvalBool(*measured.child(2)) == Tri::kTrue;
  }
  if (members == 0) return "";
  auto share = [&](long long k, long long n) { return *Divide(Number(k), Number(n)); };
  double t = threshold.ToDouble();
  if (at_least) {
    long long convert = smallest(static_cast<long long>(std::ceil(t * members)) - holding,
                                 [&](long long m) { return meets(share(holding + m, members)); });
    std::string text =
        absl::StrCat("what if: ", convert, " more of the ", members, " satisfying it");
    if (t < 1) {
      long long add = smallest(static_cast<long long>(std::ceil((t * members - holding) / (1 - t))),
                               [&](long long m) { return meets(share(holding + m, members + m)); });
      if (add > 0) {
        absl::StrAppend(&text, ", or ", add, add == 1 ? " new one that does" : " new ones that do");
      }
    }
    return convert > 0 && convert <= members - holding ? text : "";
  }
  long long convert = smallest(holding - static_cast<long long>(std::floor(t * members)),
                               [&](long long m) { return meets(share(holding - m, members)); });
  if (convert <= 0 || convert > holding) return "";
  return absl::StrCat("what if: ", convert, " fewer of the ", members, " satisfying it");
}

std::string KindName(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::kComputed:
      return "computed";
    case CriterionKind::kJudged:
      return "judged";
    case CriterionKind::kComputedJudged:
      return "computed+judged";
  }
  return "";
}

Report Evaluator::Run() {
  Report report;
  report.pack = pack_.name;
  report.pack_version = pack_.version;
  for (size_t i = 0; i < pack_.params.size(); ++i) {
    report.params.emplace_back(pack_.params[i].name, params_[i].ToJson());
  }
  if (TableId program = schema_.FindTable("program"); program != kNoTable) {
    const Table& table = dossier_.tables[program];
    if (table.present && table.rows > 0) {
      report.program = std::string(dossier_.RowId({program, 0}));
      FieldId name = schema_.tables[program].FindField("name");
      if (name >= 0 && table.columns[name].state[0] == CellState::kPresent) {
        report.program_name = std::string(dossier_.strings.Text(table.columns[name].symbols[0]));
      }
    }
  }

  // Requirements and criteria, in the plan's dependency order, reported in pack order.
  report.requirements.resize(pack_.requirements.size());
  for (const PlanStep& step : plan_.order) {
    const RequirementDef& requirement = pack_.requirements[step.requirement];
    RequirementResult& result = report.requirements[step.requirement];
    if (step.criterion >= 0) {
      const CriterionDef& criterion = requirement.criteria[step.criterion];
      CriterionResult c;
      c.id = criterion.id;
      c.kind = KindName(criterion.kind);
      c.text = criterion.text;
      missing_ = &c.missing;
      Tri data = Tri::kTrue;
      where_ = absl::StrCat("criterion ", criterion.id);
      if (criterion.expression) {
        if (recorder_ && recorder_->criterion() == criterion.id) trace_ = recorder_;
        data = Criterion(*criterion.expression, &c.witnesses);
        trace_ = nullptr;
        Measure measure = MeasureOf(*criterion.expression);
        c.value = measure.value;
        c.threshold = measure.threshold;
        c.comparison = measure.comparison;
      }
      Tri verdict = data;
      if (criterion.kind != CriterionKind::kComputed) {
        Tri judged = Judgement(criterion.id);
        if (judged != Tri::kUnknown) c.judgement = ToVerdict(judged);
        verdict = And(data, judged);
      }
      missing_ = nullptr;
      c.verdict = ToVerdict(verdict);
      if (c.verdict != Verdict::kPending) c.missing.clear();
      // The message says why, in the terms of the data.
      std::vector<std::string> parts;
      if (c.value && c.comparison == "all") {
        parts.push_back(absl::StrCat(c.value->exact, " of ", c.threshold->exact, " hold"));
      } else if (c.value) {
        std::string value = DescribeQuantity(*c.value), threshold = DescribeQuantity(*c.threshold);
        // Rounded to the same text, unequal values are shown exactly: the reason must not
        // read "measured 302.1, needs >= 302.1" for a criterion that is not met.
        if (value == threshold && !c.value->exact.empty() && !c.threshold->exact.empty() &&
            c.value->exact != c.threshold->exact) {
          value = c.value->exact;
          threshold = c.threshold->exact;
        }
        parts.push_back(absl::StrCat("measured ", value, ", needs ", c.comparison, " ", threshold));
      }
      if (!c.witnesses.empty()) {
        parts.push_back(absl::StrCat("failing: ", absl::StrJoin(c.witnesses, ", ")));
      }
      if (c.verdict == Verdict::kNotMet && criterion.expression) {
        c.what_if = WhatIf(*criterion.expression);
        if (!c.what_if.empty()) parts.push_back(c.what_if);
      }
      if (criterion.kind != CriterionKind::kComputed) {
        parts.push_back(c.judgement ? absl::StrCat("expert judgement: ", VerdictName(*c.judgement))
                                    : "no expert judgement recorded");
      }
      if (c.verdict == Verdict::kPending && !c.missing.empty()) {
        parts.push_back(absl::StrCat("missing: ", absl::StrJoin(c.missing, ", ")));
      }
      c.message = absl::StrJoin(parts, "; ");
      verdicts_[criterion.id] = verdict;
      if (result.criteria.size() < requirement.criteria.size()) {
        result.criteria.resize(requirement.criteria.size());
      }
      result.criteria[step.criterion] = std::move(c);
      continue;
    }
    result.id = requirement.id;
    result.title = requirement.title;
    result.at_least = requirement.at_least;
    result.criteria.resize(requirement.criteria.size());
    Tri verdict = Tri::kTrue;
    if (requirement.at_least < 0) {
      for (const CriterionDef& criterion : requirement.criteria) {
        verdict = And(verdict, verdicts_[criterion.id]);
      }
    } else {
      int met = 0, open = 0;
      for (const CriterionDef& criterion : requirement.criteria) {
        Tri t = verdicts_[criterion.id];
        met += t == Tri::kTrue;
        open += t == Tri::kUnknown;
      }
      verdict = met >= requirement.at_least         ? Tri::kTrue
                : met + open < requirement.at_least ? Tri::kFalse
                                                    : Tri::kUnknown;
    }
    verdicts_[requirement.id] = verdict;
    result.verdict = ToVerdict(verdict);
    std::string level = verdict == Tri::kUnknown                    ? "pending"
                        : verdict == Tri::kFalse                    ? "not_met"
                        : Distinction(requirement.id) == Tri::kTrue ? "distinction"
                                                                    : "met";
    result.level = level;
    for (const LevelDef& def : pack_.levels) {
      if (def.name == level) result.level_label = def.label;
    }
    IndexJudgements();
    for (const MaterialDef& material : requirement.materials) {
      MaterialResult m{material.id, material.text, std::nullopt};
      if (materials_present_) m.provided = materials_provided_.contains(material.id);
      result.materials.push_back(m);
    }
  }

  for (const EligibilityDef& rule : pack_.eligibility) {
    EligibilityResult e{rule.id, Verdict::kPending, rule.message};
    where_ = absl::StrCat("eligibility rule ", rule.id);
    if (rule.condition) e.verdict = ToVerdict(EvalBool(*rule.condition));
    report.eligibility.push_back(e);
  }

  report.overall = "pending";
  for (const OutcomeDef& outcome : pack_.overall) {
    where_ = absl::StrCat("overall outcome ", outcome.name);
    Tri when = outcome.when ? EvalBool(*outcome.when) : Tri::kTrue;
    if (when == Tri::kFalse) continue;
    if (when == Tri::kTrue) report.overall = outcome.name;
    break;
  }
  for (const OutcomeDef& outcome : pack_.overall) {
    if (outcome.name == report.overall) report.overall_label = outcome.label;
  }
  return report;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kMet:
      return "met";
    case Verdict::kNotMet:
      return "not_met";
    case Verdict::kPending:
      return "pending";
  }
  return "pending";
}

absl::Status StepLimitStatus(const StepLimitExceeded& exceeded) {
  return absl::ResourceExhaustedError(
      absl::StrCat("evaluation stopped after ", exceeded.limit, " steps, in ", exceeded.where,
                   ": the rules cost more than the step limit (EvaluateOptions::max_steps) ",
                   "allows; iterations over tables nested in each other cost rows^depth"));
}

Report Evaluate(const Plan& plan, const DossierTables& dossier,
                const std::vector<ir::Literal>& params, TraceRecorder* recorder,
                uint64_t max_steps) {
  // The method names were checked with the pack and its parameter overrides.
  absl::StatusOr<AttainmentSettings> settings = AttainmentSettingsFrom(*plan.pack, params);
  AttainmentResult attainment = ComputeAttainment(plan.pack->schema, dossier,
                                                  settings.ok() ? *settings : AttainmentSettings{});
  Evaluator evaluator(plan, dossier, params, attainment.values, recorder, max_steps);
  Report report = evaluator.Run();
  report.attainment = std::move(attainment.report);
  return report;
}

}  // namespace zhuoyue
