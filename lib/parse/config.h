// The one iterator and context type of the grammar. Rule definitions and their explicit
// instantiation must agree on it exactly, or linking fails (spirit PR #347).
#ifndef ZHUOYUE_LIB_PARSE_CONFIG_H_
#define ZHUOYUE_LIB_PARSE_CONFIG_H_

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <functional>
#include <vector>

namespace zhuoyue::parse {

namespace x3 = boost::spirit::x3;

using Iterator = const char*;
using PositionCache = x3::position_cache<std::vector<Iterator>>;
struct PositionCacheTag;

// Whitespace and `#` comments between tokens.
inline const auto kSkipper = x3::ascii::space | (x3::lit('#') >> *(x3::char_ - x3::eol));
using Skipper = std::remove_cv_t<decltype(kSkipper)>;
using PhraseContext = x3::phrase_parse_context<Skipper>::type;
using Context = x3::context<PositionCacheTag, std::reference_wrapper<PositionCache>, PhraseContext>;

}  // namespace zhuoyue::parse

#endif  // ZHUOYUE_LIB_PARSE_CONFIG_H_
