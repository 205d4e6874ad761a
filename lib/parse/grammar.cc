// The only translation unit that compiles the grammar.
#include "parse/config.h"
#include "parse/grammar_def.h"

namespace zhuoyue::parse {

BOOST_SPIRIT_INSTANTIATE(DeclarationRule, Iterator, Context)

}  // namespace zhuoyue::parse
