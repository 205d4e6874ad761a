// The grammar of .zy files (dsl/GRAMMAR.md is its documentation). Included by grammar.cc
// only: Spirit X3 grammars are expensive to compile, so there is one instantiation.
//
// Expectation points (`>`) follow only committing tokens (a keyword, an opening bracket
// after a known form), so a failure there is a real error with a precise location.
#ifndef ZHUOYUE_LIB_PARSE_GRAMMAR_DEF_H_
#define ZHUOYUE_LIB_PARSE_GRAMMAR_DEF_H_

#include <boost/spirit/home/x3.hpp>
#include <type_traits>

#include "parse/ast.h"
#include "parse/ast_adapted.h"
#include "parse/config.h"
#include "parse/grammar.h"

namespace zhuoyue::parse {
namespace grammar {

using x3::attr;
using x3::char_;
using x3::eol;
using x3::lexeme;
using x3::lit;
using x3::matches;
using x3::raw;

// The character classes of ASCII: identifiers and numbers are ASCII (dsl/GRAMMAR.md). The
// `standard` ones (x3::alnum …) pass a non-ASCII byte, a negative char, to std::isalnum:
// undefined behaviour, and an assertion failure in Boost when NDEBUG is not defined.
using x3::ascii::alnum;
using x3::ascii::alpha;
using x3::ascii::digit;

// Records the source range of every position-tagged node a rule produces.
struct Annotate {
  template <typename T, typename It, typename Ctx>
  void on_success(const It& first, const It& last, T& node, const Ctx& context) {
    if constexpr (std::is_base_of_v<x3::position_tagged, T>) {
      x3::get<PositionCacheTag>(context).get().annotate(node, first, last);
    }
  }
};

// Bounds the parser's recursion: `nested[p]` counts the expression (or type) levels open
// on this thread and, past kMaxExpressionDepth, fails with kTooDeepMarker at the nesting token, so
// that `((((…` or `not not not …` gets a located error instead of exhausting the stack.
template <typename Subject>
struct NestingGuard : x3::unary_parser<Subject, NestingGuard<Subject>> {
  using x3::unary_parser<Subject, NestingGuard<Subject>>::unary_parser;
  static constexpr bool is_pass_through_unary = true;

  template <typename It, typename Ctx, typename RuleCtx, typename Attribute>
  bool parse(It& first, const It& last, const Ctx& context, RuleCtx& rule_context,
             Attribute& attribute) const {
    static thread_local int depth = 0;
    if (depth >= kMaxExpressionDepth) {
      x3::skip_over(first, last, context);
      throw x3::expectation_failure<It>(first, kTooDeepMarker);
    }
    struct Level {
      Level() { ++depth; }
      ~Level() { --depth; }  // also while an expectation failure unwinds
    } level;
    return this->subject.parse(first, last, context, rule_context, attribute);
  }
};

struct NestingGuardGen {
  template <typename Subject>
  NestingGuard<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr NestingGuardGen nested{};

// A keyword matched as a whole word: `in` does not match the start of `index`.
inline auto Keyword(const char* word) { return lexeme[lit(word) >> !(alnum | '_')]; }

// ------------------------------------------------------------------ rules

#define ZY_RULE(name, type, readable) \
  struct name##_class : Annotate {};  \
  const x3::rule<name##_class, type> name = readable;

ZY_RULE(identifier, std::string, "name")
ZY_RULE(word, std::string, "field name")
ZY_RULE(string_literal, std::string, "string")
ZY_RULE(number_text, std::string, "number")
ZY_RULE(dotted_id, std::string, "id such as 5 or 5.2")
ZY_RULE(number_atom, ast::Atom, "number")
ZY_RULE(string_atom, ast::Atom, "string")
ZY_RULE(keyword_atom, ast::Atom, "true, false or none")
ZY_RULE(name_atom, ast::Atom, "name")
ZY_RULE(atom, ast::Atom, "value")
ZY_RULE(list_literal, ast::ListLiteral, "list")
ZY_RULE(call, ast::Call, "call")
ZY_RULE(aggregate, ast::Aggregate, "aggregate")
ZY_RULE(quantifier, ast::Quantifier, "quantifier")
ZY_RULE(primary, ast::Operand, "value")
ZY_RULE(postfix, ast::Postfix, "value")
ZY_RULE(negation, ast::Unary, "negation")
ZY_RULE(unary, ast::Operand, "value")
ZY_RULE(multiplicative_operation, ast::Operation, "value")
ZY_RULE(additive_operation, ast::Operation, "value")
ZY_RULE(comparison_operation, ast::Operation, "value")
ZY_RULE(and_operation, ast::Operation, "expression")
ZY_RULE(or_operation, ast::Operation, "expression")
ZY_RULE(multiplicative, ast::Chain, "expression")
ZY_RULE(additive, ast::Chain, "expression")
ZY_RULE(comparison_op, std::string, "comparison")
ZY_RULE(comparison, ast::Chain, "expression")
ZY_RULE(logical_not, ast::Unary, "expression")
ZY_RULE(not_expr, ast::Operand, "expression")
ZY_RULE(and_expr, ast::Chain, "expression")
ZY_RULE(or_expr, ast::Chain, "expression")
ZY_RULE(expression, ast::Operand, "expression")

ZY_RULE(number_type, ast::NumberType, "type")
ZY_RULE(scalar_type, ast::ScalarType, "type")
ZY_RULE(enum_type, ast::EnumType, "enum type")
ZY_RULE(ref_type, ast::RefType, "ref type")
ZY_RULE(list_type, ast::ListType, "list type")
ZY_RULE(group_type, ast::GroupType, "nested object")
ZY_RULE(table_type, ast::TableType, "table")
ZY_RULE(type, ast::Type, "type (number, bool, string, key, weight, enum, ref, list, {…}, table)")
ZY_RULE(modifier, std::string, "modifier")
ZY_RULE(field, ast::Field, "field")

ZY_RULE(pack_header, ast::PackHeader, "pack header")
ZY_RULE(param, ast::Param, "parameter")
ZY_RULE(standard_point, ast::StandardPoint, "standard point")
ZY_RULE(standard, ast::Standard, "standard")
ZY_RULE(def_param, ast::DefParam, "parameter")
ZY_RULE(def, ast::Def, "definition")
ZY_RULE(criterion_kind, std::string, "criterion kind (computed, judged, computed+judged)")
ZY_RULE(criterion, ast::Criterion, "criterion")
ZY_RULE(material, ast::Material, "material")
ZY_RULE(requirement_item, ast::RequirementItem, "criterion or material")
ZY_RULE(pass_policy, std::string, "pass policy (all, at least N)")
ZY_RULE(requirement, ast::Requirement, "requirement")
ZY_RULE(eligibility, ast::Eligibility, "eligibility rule")
ZY_RULE(level, ast::Level, "level")
ZY_RULE(levels, ast::Levels, "levels")
ZY_RULE(outcome_when, ast::Operand, "condition")
ZY_RULE(overall_case, ast::OverallCase, "outcome")
ZY_RULE(overall, ast::Overall, "overall")
ZY_RULE(import, ast::Import, "import")
ZY_RULE(extension, ast::Extension, "extend table")

#undef ZY_RULE

// ------------------------------------------------------------------ lexical

// Operators and literals, and the words that open a declaration or a requirement's item:
// reserving those lets a missing expression end at the next declaration instead of
// swallowing its keyword as a name.
const auto reserved =
    Keyword("and") | Keyword("or") | Keyword("not") | Keyword("in") | Keyword("every") |
    Keyword("some") | Keyword("no") | Keyword("where") | Keyword("true") | Keyword("false") |
    Keyword("none") | Keyword("pack") | Keyword("param") | Keyword("object") | Keyword("table") |
    Keyword("standard") | Keyword("def") | Keyword("requirement") | Keyword("criterion") |
    Keyword("material") | Keyword("eligibility") | Keyword("levels") | Keyword("overall") |
    Keyword("import") | Keyword("extend") | Keyword("override");

const auto identifier_def = raw[lexeme[!reserved >> (alpha | char_('_')) >> *(alnum | '_')]];
// Field names may be any word (`requirement: key`): they only occur before `:` in a schema
// and after `.` in an expression.
const auto word_def = raw[lexeme[(alpha | char_('_')) >> *(alnum | '_')]];

const auto escape = lit('\\') > (char_('"') | char_('\\') | (lit('n') >> attr('\n')));
const auto string_literal_def = lexeme['"' > *(escape | (char_ - '"' - '\\' - eol)) > '"'];

const auto number_text_def =
    raw[lexeme[+digit >> -('.' >> +digit) >> -(char_("eE") >> -char_("+-") >> +digit)]];

const auto dotted_id_def = raw[lexeme[+digit >> *('.' >> +digit)]];

// ------------------------------------------------------------------ expressions

// The alternatives share one attribute (X3 does not reset it while backtracking), so each
// writes its kind only after its text has matched.
const auto number_atom_def = number_text >> attr(std::string("number"));
const auto string_atom_def = string_literal >> attr(std::string("string"));
const auto keyword_atom_def = raw[Keyword("true") | Keyword("false") | Keyword("none")] >>
                              attr(std::string("keyword"));
const auto name_atom_def = identifier >> attr(std::string("name"));
const auto atom_def = number_atom | string_atom | keyword_atom | name_atom;

const auto list_literal_def = '[' > -(expression % ',') > ']';

const auto call_def = identifier >> '(' > -(expression % ',') > ')';

const auto aggregate_op = raw[Keyword("count") | Keyword("sum") | Keyword("mean") | Keyword("min") |
                              Keyword("max") | Keyword("ratio")];
const auto aggregate_def = aggregate_op >> '(' >> identifier >> Keyword("in") > postfix >
                           -(Keyword("where") > expression) > -(':' > expression) > ')';

const auto quantifier_op = raw[Keyword("every") | Keyword("some") | Keyword("no")];
const auto quantifier_def = quantifier_op > identifier > Keyword("in") > postfix >
                            -(Keyword("where") > expression) > ':' > expression;

const auto primary_def = list_literal | aggregate | call | atom | ('(' > expression > ')');

const auto postfix_def = primary >> *('.' > word);

const auto negation_def = x3::string("-") >> nested[unary];
const auto unary_def = negation | postfix;

// Each precedence level is a chain `first (op operand)*`; the operations are rules of their
// own, as X3 cannot parse an inline (op, operand) sequence into a container of structs.
const auto multiplicative_operation_def = (x3::string("*") | x3::string("/")) > unary;
const auto multiplicative_def = unary >> *multiplicative_operation;
const auto additive_operation_def = (x3::string("+") | x3::string("-")) > multiplicative;
const auto additive_def = multiplicative >> *additive_operation;

const auto comparison_op_def = x3::string("==") | x3::string("!=") | x3::string("<=") |
                               x3::string(">=") | x3::string("<") | x3::string(">") |
                               (Keyword("not") >> Keyword("in") >> attr(std::string("not in"))) |
                               (Keyword("in") >> attr(std::string("in")));
const auto comparison_operation_def = comparison_op > additive;
const auto comparison_def = additive >> x3::repeat(0, 1)[comparison_operation];

const auto logical_not_def = raw[Keyword("not")] > nested[not_expr];
const auto not_expr_def = logical_not | quantifier | comparison;
const auto and_operation_def = raw[Keyword("and")] > not_expr;
const auto and_expr_def = not_expr >> *and_operation;
const auto or_operation_def = raw[Keyword("or")] > and_expr;
const auto or_expr_def = and_expr >> *or_operation;
const auto expression_def = nested[quantifier | or_expr];

// ------------------------------------------------------------------ schema

const auto number_type_def = raw[Keyword("number")] >> -(lit(">=") > number_text) >>
                             -(lit("<=") > identifier) >> -('.' > identifier);
const auto scalar_type_def =
    raw[Keyword("bool") | Keyword("string") | Keyword("key") | Keyword("weight")] >> attr(false);
// Enum values, inverse and parent-key names are read after `.` or compared as text, so
// any word will do.
const auto enum_type_def = Keyword("enum") >> matches[Keyword("open")] > '(' > (word % ',') > ')';
const auto ref_type_def = Keyword("ref") > '(' > (identifier % ',') > ')' >
                          -(Keyword("inverse") > word);
const auto list_type_def = raw[Keyword("list")] > nested[type];
const auto group_type_def = matches[Keyword("optional")] >> '{' > nested[*field] > '}';
const auto table_type_def = raw[Keyword("table") | Keyword("object")] > identifier >
                            -('(' > word > ')') > matches[Keyword("ids") > Keyword("global")] >
                            -string_literal > '{' > *field > '}';
const auto type_def =
    number_type | scalar_type | enum_type | ref_type | list_type | group_type | table_type;
// `id` followed by `:` starts the next field (a field may be called `id`).
const auto modifier_def =
    raw[(Keyword("id") | Keyword("required") | Keyword("nullable")) >> !lit(':')];
const auto field_def = word >> ':' > type > *modifier > -(lit(';') | ',');

// ------------------------------------------------------------------ declarations

const auto pack_header_def = Keyword("pack") > identifier > Keyword("version") > string_literal >
                             -string_literal;
const auto param_def = matches[Keyword("override")] >> Keyword("param") > identifier > '=' > unary >
                       -string_literal;
const auto standard_point_def = identifier > string_literal;
const auto standard_def =
    Keyword("standard") > identifier > string_literal > '{' > *standard_point > '}';
const auto def_param_def = identifier > ':' > identifier;
const auto def_def = Keyword("def") > identifier > '(' > -(def_param % ',') > ')' >
                     '=' > expression;
const auto criterion_kind_def =
    raw[lexeme[(lit("computed+judged") | lit("computed") | lit("judged")) >> !(alnum | '_')]];
const auto criterion_def = Keyword("criterion") > dotted_id > criterion_kind > string_literal >
                           -('=' > expression);
const auto material_def = Keyword("material") > dotted_id > string_literal;
const auto requirement_item_def = criterion | material;
const auto pass_policy_def =
    raw[Keyword("all")] | (Keyword("at") > Keyword("least") > raw[lexeme[+digit]]);
const auto requirement_def = Keyword("requirement") > dotted_id > string_literal > '{' >
                             -(Keyword("text") > string_literal) >
                             -(Keyword("pass") > pass_policy) > *requirement_item > '}';
const auto eligibility_def =
    Keyword("eligibility") > identifier > string_literal > '=' > expression;
const auto level_def = identifier > string_literal;
const auto levels_def = raw[Keyword("levels")] > '{' > *level > '}';
const auto outcome_when_def = Keyword("when") > expression;
const auto overall_case_def = identifier > string_literal >
                              (outcome_when | (Keyword("otherwise") >> attr(ast::Operand())));
const auto overall_def = matches[Keyword("override")] >> Keyword("overall") > string_literal > '{' >
                         *overall_case > '}';
const auto import_def = raw[Keyword("import")] > raw[string_literal | identifier];
const auto extension_def = Keyword("extend") > Keyword("table") > identifier > '{' > *field > '}';

const auto declaration_def = import | extension | pack_header | param | table_type | standard |
                             def | requirement | eligibility | levels | overall;

BOOST_SPIRIT_DEFINE(identifier, word, string_literal, number_text, dotted_id, number_atom,
                    string_atom, keyword_atom, name_atom, atom, list_literal, call, aggregate,
                    quantifier, primary, postfix, negation, unary, multiplicative_operation,
                    additive_operation, comparison_operation, and_operation, or_operation,
                    multiplicative, additive, comparison_op, comparison, logical_not, not_expr,
                    and_expr, or_expr, expression)
BOOST_SPIRIT_DEFINE(number_type, scalar_type, enum_type, ref_type, list_type, group_type,
                    table_type, type, modifier, field)
BOOST_SPIRIT_DEFINE(pack_header, param, standard_point, standard, def_param, def, criterion_kind,
                    criterion, material, requirement_item, pass_policy, requirement, eligibility,
                    level, levels, outcome_when, overall_case, overall, import, extension)

}  // namespace grammar

struct DeclarationClass : grammar::Annotate {};
const DeclarationRule declaration = "declaration";
const auto declaration_def = grammar::declaration_def;
BOOST_SPIRIT_DEFINE(declaration)

const DeclarationRule& DeclarationGrammar() { return declaration; }

}  // namespace zhuoyue::parse

#endif  // ZHUOYUE_LIB_PARSE_GRAMMAR_DEF_H_
