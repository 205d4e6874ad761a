// fuzz_json_dossier: the input is a JSON dossier, loaded with the built-in pack
// (Dossier::FromJson, as `zy eval FILE.json` loads one). A refusal is fine when it is
// InvalidArgument with its located errors; the diagnostics are rendered as `zy` prints them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "zhuoyue/zhuoyue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zhuoyue;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(fuzz::BuiltinPack(), json, "fuzz.json", &diagnostics);
  if (dossier.ok()) {
    if (fuzz::HasError(diagnostics)) fuzz::Finding("a dossier loaded despite an error");
  } else {
    fuzz::CheckRefusal(dossier.status(), diagnostics);
  }
  fuzz::CheckDiagnostics(diagnostics);
  return 0;
}
