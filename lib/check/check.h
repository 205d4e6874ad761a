// Stage 2: the ASTs of a pack's files → a CheckedPack. Names are resolved against the
// schema the pack declares, expressions are typed, definitions are inlined. Problems are
// diagnostics; the result is null when any is an error.
#ifndef ZHUOYUE_LIB_CHECK_CHECK_H_
#define ZHUOYUE_LIB_CHECK_CHECK_H_

#include <memory>
#include <vector>

#include "check/checked_pack.h"
#include "parse/parse.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

struct CheckOptions {
  // Iterations over tables nested deeper than this get a ZY1203 warning: evaluation cost
  // grows as rows^nesting (`every t in teachers: count(c in t.lectures …)` nests 2).
  int max_nesting = 3;
};

std::unique_ptr<CheckedPack> Check(const std::vector<ParsedFile>& files, Diagnostics& diagnostics,
                                   const CheckOptions& options = {});

// The closest of `candidates` to a misspelled `name`, or "" when none is close.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_CHECK_CHECK_H_
