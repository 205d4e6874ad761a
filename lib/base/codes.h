// The diagnostic codes as constants, from diagnostic_kinds.def: codes::kUnknownField is
// "ZY1102". Emitting code names the constant, never a literal.
#ifndef ZHUOYUE_LIB_BASE_CODES_H_
#define ZHUOYUE_LIB_BASE_CODES_H_

#include <string_view>

namespace zhuoyue::codes {

#define ZY_DIAGNOSTIC(name, code, severity, title) inline constexpr std::string_view k##name = code;
#include "base/diagnostic_kinds.def"
#undef ZY_DIAGNOSTIC

}  // namespace zhuoyue::codes

#endif  // ZHUOYUE_LIB_BASE_CODES_H_
