// The typed intermediate representation the checker produces: every name resolved to a
// table, field, parameter or bound variable, every node typed, definitions inlined (they
// cannot recurse, so inlining terminates). The evaluator walks it directly.
#ifndef ZHUOYUE_LIB_CHECK_IR_H_
#define ZHUOYUE_LIB_CHECK_IR_H_

#include <memory>
#include <string>
#include <vector>

#include "base/number.h"
#include "base/source.h"
#include "check/schema.h"

namespace zhuoyue::ir {

// Static types. Text covers string, key and enum values (compared by their text).
enum class Kind { kBool, kNumber, kText, kEntity, kGroup, kCollection, kNone };

struct Type {
  Kind kind = Kind::kBool;
  TableId table = kNoTable;          // kEntity, kGroup, kCollection of entities
  Kind element = Kind::kBool;        // kCollection: kEntity, kText or kNumber
  const FieldDecl* field = nullptr;  // values read from a field: for enum literal checks

  static Type Of(Kind kind) { return Type{kind}; }
  static Type Entity(TableId table) { return Type{Kind::kEntity, table}; }
  static Type Collection(Kind element, TableId table = kNoTable) {
    return Type{Kind::kCollection, table, element};
  }
};

enum class Op {
  // Leaves.
  kLiteral,    // number, text, bool or none, in `literal`
  kParam,      // parameter `index`
  kVariable,   // bound variable `slot`
  kSingleton,  // the one row of singleton `table`
  kTable,      // every row of `table`
  // Navigation from the entity in children[0].
  kField,      // `field` of `table`
  kChildRows,  // rows of child `table` owned by the entity
  kInverse,    // rows of `table` whose `field` refers to the entity
  kParent,     // the owning row
  // Operators.
  kNot,
  kAnd,
  kOr,
  kNegate,
  kArithmetic,  // `text`: + - * /
  kCompare,     // `text`: == != < <= > >=
  kIn,          // children[0] in children[1]
  kListLiteral,
  // Binders: `slot` is the variable; children: collection, filter (or null), body (or null).
  kQuantifier,  // `text`: every | some | no
  kAggregate,   // `text`: count | sum | mean | min | max | ratio
  // Built-in functions.
  kCount,        // number of members of children[0]
  kEmpty,        // `text`: empty | nonempty
  kJudgement,    // `text`: criterion id
  kDistinction,  // `text`: requirement id
  kProvided,     // `text`: material id "4.2"
  kMet,          // `text`: requirement or criterion id
  kAttainment,   // attainment of the point or school-standard item in children[0]
};

struct Literal {
  Kind kind = Kind::kBool;
  bool boolean = false;
  Number number;
  std::string text;

  // As a JSON value: 0.25, true, "text" (escaped).
  std::string ToJson() const;
};

struct Node {
  Op op = Op::kLiteral;
  Type type;
  Span span;
  int file = 0;                                 // index into the pack's sources
  std::vector<std::unique_ptr<Node>> children;  // null entries allowed (absent filter/body)
  Literal literal;
  std::string text;
  TableId table = kNoTable;
  FieldId field = -1;
  int index = -1;  // parameter index
  int slot = -1;   // variable slot

  const Node* child(size_t i) const { return i < children.size() ? children[i].get() : nullptr; }
};

using NodePtr = std::unique_ptr<Node>;

// Which truth values a boolean expression can take over every dossier, from the pack alone.
// Conservative: an outcome is impossible only when the schema rules it out — a bound list
// item is never unknown, a required field is never absent, and `x in [...]` listing every
// value of a closed set is never false.
struct Outcomes {
  bool can_be_true = true;
  bool can_be_false = true;
  bool can_be_unknown = true;
};
Outcomes PossibleOutcomes(const Node& node);

}  // namespace zhuoyue::ir

#endif  // ZHUOYUE_LIB_CHECK_IR_H_
