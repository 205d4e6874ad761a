// Fusion adaptations of the AST, kept apart so that only the grammar sees them.
#ifndef ZHUOYUE_LIB_PARSE_AST_ADAPTED_H_
#define ZHUOYUE_LIB_PARSE_AST_ADAPTED_H_

#include <boost/fusion/include/adapt_struct.hpp>

#include "parse/ast.h"

BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Atom, text, kind)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Call, function, arguments)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Aggregate, op, variable, collection, filter, body)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Quantifier, op, variable, collection, filter, body)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Unary, op, operand)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Postfix, base, members)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Chain, first, rest)

BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::NumberType, keyword, minimum, bound_ref, bound_field)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::EnumType, open, values)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::RefType, targets, inverse)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::ScalarType, keyword, unused)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::ListType, keyword, element)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Field, name, type, modifiers)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::GroupType, optional, fields)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::TableType, keyword, name, parent_key, ids_global,
                          description, fields)

BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::PackHeader, name, version, title)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Param, override, name, value, description)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::StandardPoint, id, text)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Standard, name, title, points)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::DefParam, name, type)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Def, name, params, body)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Criterion, id, kind, text, expression)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Material, id, text)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Requirement, id, title, text, pass, items)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Eligibility, name, message, condition)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Level, name, label)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Levels, keyword, levels)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::OverallCase, name, label, when)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Overall, override, title, cases)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Import, keyword, target)
BOOST_FUSION_ADAPT_STRUCT(zhuoyue::ast::Extension, table, fields)

#endif  // ZHUOYUE_LIB_PARSE_AST_ADAPTED_H_
