// The abstract syntax tree of a .zy file, exactly as written: names are not resolved and
// types not checked (that is the checker's job). Every node that can carry a diagnostic
// derives from x3::position_tagged; ParsedFile::SpanOf() turns its tag into a byte span.
#ifndef ZHUOYUE_LIB_PARSE_AST_H_
#define ZHUOYUE_LIB_PARSE_AST_H_

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace zhuoyue::ast {

namespace x3 = boost::spirit::x3;

// The first alternative of every variant: what a failed or recovered parse leaves behind.
struct Nil {};

// ---------------------------------------------------------------- expressions

struct ListLiteral;
struct Call;
struct Aggregate;
struct Quantifier;
struct Unary;
struct Postfix;
struct Chain;

// A leaf: kind is "number", "string", "keyword" (true, false, none) or "name"; text is the
// number's digits, the string's decoded contents, the keyword or the name. The text comes
// first so that the grammar writes the kind only once the text has matched.
struct Atom : x3::position_tagged {
  std::string text;
  std::string kind;
};

using Operand =
    x3::variant<Nil, Atom, x3::forward_ast<ListLiteral>, x3::forward_ast<Call>,
                x3::forward_ast<Aggregate>, x3::forward_ast<Quantifier>, x3::forward_ast<Unary>,
                x3::forward_ast<Postfix>, x3::forward_ast<Chain>>;

struct ListLiteral : x3::position_tagged, std::vector<Operand> {};

struct Call : x3::position_tagged {
  std::string function;
  std::vector<Operand> arguments;
};

// `op(var in collection [where filter] [: body])`, op in count|sum|mean|min|max|ratio.
struct Aggregate : x3::position_tagged {
  std::string op;
  std::string variable;
  Operand collection;
  boost::optional<Operand> filter;
  boost::optional<Operand> body;
};

// `op var in collection [where filter]: body`, op in every|some|no.
struct Quantifier : x3::position_tagged {
  std::string op;
  std::string variable;
  Operand collection;
  boost::optional<Operand> filter;
  Operand body;
};

struct Unary : x3::position_tagged {
  std::string op;  // "-" or "not"
  Operand operand;
};

// `base.member.member…`
struct Postfix : x3::position_tagged {
  Operand base;
  std::vector<std::string> members;
};

struct Operation : x3::position_tagged {
  std::string op;  // "or", "and", "==", "in", "not in", "+", "*", …
  Operand operand;
};

// A left-associative run of one precedence level: first op1 x op2 y …
struct Chain : x3::position_tagged {
  Operand first;
  std::vector<Operation> rest;
};

// ---------------------------------------------------------------- schema

struct Field;
struct GroupType;
struct TableType;
struct ListType;

struct NumberType : x3::position_tagged {
  std::string keyword;                     // "number"
  boost::optional<std::string> minimum;    // `>= 0`
  boost::optional<std::string> bound_ref;  // `<= assessment.full_score`
  boost::optional<std::string> bound_field;
};

struct EnumType : x3::position_tagged {
  bool open = false;
  std::vector<std::string> values;
};

struct RefType : x3::position_tagged {
  std::vector<std::string> targets;
  boost::optional<std::string> inverse;
};

struct ScalarType : x3::position_tagged {
  std::string keyword;  // bool | string | key | weight
  bool unused = false;  // X3 cannot adapt single-member structs (spirit #463)
};

using Type = x3::variant<Nil, NumberType, ScalarType, EnumType, RefType, x3::forward_ast<ListType>,
                         x3::forward_ast<GroupType>, x3::forward_ast<TableType>>;

struct ListType : x3::position_tagged {
  std::string keyword;  // "list"
  Type element;
};

struct Field : x3::position_tagged {
  std::string name;
  Type type;
  std::vector<std::string> modifiers;  // id | required | nullable
};

struct GroupType : x3::position_tagged {
  bool optional = false;
  std::vector<Field> fields;
};

// Also the top-level `object`/`table` declarations (keyword tells which).
struct TableType : x3::position_tagged {
  std::string keyword;  // "table" | "object"
  std::string name;
  boost::optional<std::string> parent_key;
  bool ids_global = false;
  boost::optional<std::string> description;
  std::vector<Field> fields;
};

// ---------------------------------------------------------------- declarations

struct PackHeader : x3::position_tagged {
  std::string name;
  std::string version;
  boost::optional<std::string> title;
};

struct Param : x3::position_tagged {
  bool override = false;  // `override param`: a new default for an imported parameter
  std::string name;
  Operand value;  // a literal, possibly negated
  boost::optional<std::string> description;
};

struct StandardPoint : x3::position_tagged {
  std::string id;
  std::string text;
};

struct Standard : x3::position_tagged {
  std::string name;
  std::string title;
  std::vector<StandardPoint> points;
};

struct DefParam : x3::position_tagged {
  std::string name;
  std::string type;  // a table name, or number | bool | string
};

struct Def : x3::position_tagged {
  std::string name;
  std::vector<DefParam> params;
  Operand body;
};

struct Criterion : x3::position_tagged {
  std::string id;    // "5.2"
  std::string kind;  // computed | judged | computed+judged
  std::string text;
  boost::optional<Operand> expression;
};

struct Material : x3::position_tagged {
  std::string id;  // "4.2"
  std::string text;
};

using RequirementItem = x3::variant<Nil, Criterion, Material>;

struct Requirement : x3::position_tagged {
  std::string id;
  std::string title;
  boost::optional<std::string> text;
  boost::optional<std::string> pass;  // "all" or the N of `at least N`
  std::vector<RequirementItem> items;
};

struct Eligibility : x3::position_tagged {
  std::string name;
  std::string message;
  Operand condition;
};

struct Level : x3::position_tagged {
  std::string name;
  std::string label;
};

struct Levels : x3::position_tagged {
  std::string keyword;  // "levels"
  std::vector<Level> levels;
};

struct OverallCase : x3::position_tagged {
  std::string name;
  std::string label;
  Operand when;  // Nil: `otherwise`
};

struct Overall : x3::position_tagged {
  bool override = false;  // `override overall`: replaces an imported decision list
  std::string title;
  std::vector<OverallCase> cases;
};

// `import zhuoyue` (the built-in pack) or `import "rules/extra.zy"` (a file beside this one);
// `target` keeps the quotes of a path.
struct Import : x3::position_tagged {
  std::string keyword;  // "import"
  std::string target;
};

// `extend table courses { … }`: more fields for a table declared elsewhere (an imported pack).
struct Extension : x3::position_tagged {
  std::string table;
  std::vector<Field> fields;
};

using Declaration = x3::variant<Nil, PackHeader, Param, TableType, Standard, Def, Requirement,
                                Eligibility, Levels, Overall, Import, Extension>;

}  // namespace zhuoyue::ast

#endif  // ZHUOYUE_LIB_PARSE_AST_H_
