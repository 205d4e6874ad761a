// fuzz_rules: the input is one rule file (.zy). It is compiled as a pack given as text, as
// `zy check` compiles a file: parsed, its imports read (`import zhuoyue` is the built-in
// pack; files cannot be imported from text), checked and planned. Then `zy fmt` lays it out.
//
// Findings besides crashes, leaks, UB and hangs: an internal failure, a refusal without an
// error diagnostic, a pack that compiles despite an error, and a layout that is not
// idempotent (FormatRules of its own output must return it unchanged: format.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "zhuoyue/format.h"
#include "zhuoyue/zhuoyue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zhuoyue;
  const std::string text(reinterpret_cast<const char*>(data), size);

  std::vector<Diagnostic> diagnostics;
  auto pack = Pack::FromSources({{"fuzz.zy", text}}, &diagnostics);
  if (pack.ok()) {
    if (fuzz::HasError(diagnostics)) fuzz::Finding("a pack compiled despite an error");
    (void)(*pack)->Params();
  } else {
    fuzz::CheckRefusal(pack.status(), diagnostics);
  }
  fuzz::CheckDiagnostics(diagnostics);

  std::vector<Diagnostic> syntax;
  auto formatted = FormatRules(text, "fuzz.zy", &syntax);
  if (formatted.ok()) {
    if (*formatted != text) {  // (when equal, the call itself showed it idempotent)
      auto again = FormatRules(*formatted, "fuzz.zy", nullptr);
      if (!again.ok()) fuzz::Finding("zy fmt refuses its own output", again.status().ToString());
      if (*again != *formatted) {
        fuzz::Finding("zy fmt is not idempotent", *formatted + "\n---\n" + *again);
      }
    }
  } else if (formatted.status().code() == absl::StatusCode::kInvalidArgument) {
    if (!fuzz::HasError(syntax)) fuzz::Finding("zy fmt refused without a syntax error");
    fuzz::CheckDiagnostics(syntax);
  }
  // Internal: the layout would not hold the same tokens, and zy fmt refuses to write it.
  return 0;
}
