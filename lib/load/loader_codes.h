// Diagnostic codes of dossier loading, one per kind of problem. They are stable: tools and
// users match on them, so a code is never reused for another meaning.
#ifndef ZHUOYUE_LIB_LOAD_LOADER_CODES_H_
#define ZHUOYUE_LIB_LOAD_LOADER_CODES_H_

#include <string_view>

namespace zhuoyue::load_codes {

// The input is not well-formed JSON (located by line:column) or could not be read at all.
inline constexpr std::string_view kMalformedJson = "ZY2001";
// A value has the wrong JSON type for its field ("expected a boolean, found a string").
inline constexpr std::string_view kWrongType = "ZY2002";
// A value is outside the closed set of its field (enum, H/M/L weight).
inline constexpr std::string_view kNotInSet = "ZY2003";
// An id occurs twice in its table; reported at the second occurrence.
inline constexpr std::string_view kDuplicateId = "ZY2004";
// A reference names an id that no row of its (present) target tables has.
inline constexpr std::string_view kDanglingReference = "ZY2005";
// A number is not finite, below its minimum, above its bound, or a weight outside (0, 1].
inline constexpr std::string_view kBadNumber = "ZY2006";
// A field declared `required` is absent (or null).
inline constexpr std::string_view kMissingRequired = "ZY2007";
// The root `format` member names another version than zhuoyue.dossier/1.
inline constexpr std::string_view kUnsupportedFormat = "ZY2008";
// An object has the same key twice; reported at the second one.
inline constexpr std::string_view kDuplicateKey = "ZY2009";
// Arrays and objects are nested deeper than LoadOptions::max_depth.
inline constexpr std::string_view kTooDeep = "ZY2010";
// LoadOptions::max_errors errors were reported; the load stopped looking for more.
inline constexpr std::string_view kTooManyErrors = "ZY2011";

}  // namespace zhuoyue::load_codes

#endif  // ZHUOYUE_LIB_LOAD_LOADER_CODES_H_
