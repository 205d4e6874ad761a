// The grammar's entry rule: one top-level declaration of a .zy file. Defined in
// grammar_def.h and instantiated once, in grammar.cc.
#ifndef ZHUOYUE_LIB_PARSE_GRAMMAR_H_
#define ZHUOYUE_LIB_PARSE_GRAMMAR_H_

#include <boost/spirit/home/x3.hpp>

#include "parse/ast.h"

namespace zhuoyue::parse {

namespace x3 = boost::spirit::x3;

struct DeclarationClass;
using DeclarationRule = x3::rule<DeclarationClass, ast::Declaration>;
BOOST_SPIRIT_DECLARE(DeclarationRule)

const DeclarationRule& DeclarationGrammar();

// Expressions nest at most this deep (each `(`, prefix `-` or `not`, and quantifier body is
// a level), and so do field types (`list`, `{…}`): deep enough for any rule a person writes,
// shallow enough to check and evaluate on a 256 KiB stack.
inline constexpr int kMaxExpressionDepth = 32;
// What the parser's expectation failure names when an expression nests deeper.
inline constexpr const char* kTooDeepMarker = "<nested too deeply>";

}  // namespace zhuoyue::parse

#endif  // ZHUOYUE_LIB_PARSE_GRAMMAR_H_
