// The long explanations behind `zy explain CODE`, one per code of diagnostic_kinds.def.
#ifndef ZHUOYUE_LIB_BASE_DIAGNOSTIC_EXPLANATIONS_H_
#define ZHUOYUE_LIB_BASE_DIAGNOSTIC_EXPLANATIONS_H_

#include <string_view>

namespace zhuoyue::internal {

struct Explanation {
  std::string_view code;
  std::string_view explanation;
  std::string_view failing_example;
  std::string_view fixed_example;
};

// nullptr when the code has no explanation (a test makes sure every code has one).
const Explanation* FindExplanation(std::string_view code);

}  // namespace zhuoyue::internal

#endif  // ZHUOYUE_LIB_BASE_DIAGNOSTIC_EXPLANATIONS_H_
