// What the fuzz targets share: the built-in pack, compiled once, and the checks that turn a
// wrong answer into a finding. A loader or compiler refusing an input is fine; what is not:
// - an internal failure (absl::StatusCode::kInternal: an exception caught inside the
//   library, a bug behind a "could not read" message) instead of a located error;
// - a failure without an error diagnostic, or a success with one;
// - a crash, a leak, undefined behaviour, a hang or runaway memory (the sanitizers and
//   libFuzzer's -timeout and -rss_limit_mb catch those).
#ifndef ZHUOYUE_TESTS_FUZZ_FUZZ_UTIL_H_
#define ZHUOYUE_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue::fuzz {

// Reports a wrong answer and aborts: libFuzzer saves the input as a crash.
[[noreturn]] inline void Finding(std::string_view what, std::string_view detail = "") {
  std::fprintf(stderr, "FUZZ FINDING: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// The built-in pack, compiled on first use and kept (reachable: not a leak).
inline const Pack& BuiltinPack() {
  static const std::shared_ptr<const Pack> pack = [] {
    auto built = Pack::Builtin();
    if (!built.ok()) Finding("the built-in pack does not compile", built.status().ToString());
    return *std::move(built);
  }();
  return *pack;
}

inline bool HasError(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

// Renders every diagnostic in each of its forms (what `zy` prints), and checks that none
// reports an exception caught inside a loader ("could not read the dossier: …").
inline void CheckDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics) {
    all += d.Format();
    all += d.Render(/*color=*/true);
    if (std::string_view(d.message).starts_with("could not read the ")) {
      Finding("a loader caught an exception", d.Format());
    }
  }
  all += DiagnosticsToJson(diagnostics);
  if (!diagnostics.empty() && all.empty()) Finding("diagnostics render as nothing");
}

// A status of a call that refused its input: InvalidArgument with an error diagnostic.
inline void CheckRefusal(const absl::Status& status, const std::vector<Diagnostic>& diagnostics) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    Finding("a refusal that is not InvalidArgument", status.ToString());
  }
  if (!HasError(diagnostics)) Finding("a refusal without an error diagnostic", status.ToString());
}

}  // namespace zhuoyue::fuzz

#endif  // ZHUOYUE_TESTS_FUZZ_FUZZ_UTIL_H_
