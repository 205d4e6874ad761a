// What the API's other translation units (explain.cc) need of Pack and Dossier internals.
#ifndef ZHUOYUE_LIB_API_API_ACCESS_H_
#define ZHUOYUE_LIB_API_API_ACCESS_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "check/ir.h"
#include "load/dossier.h"
#include "plan/plan.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue::internal {

struct ApiAccess {
  static const Plan& PlanOf(const Pack& pack);
  static const DossierTables& TablesOf(const Dossier& dossier);
  static bool LoadedWith(const Dossier& dossier, const Pack& pack);
  // A dossier of `pack` holding `tables`.
  static std::shared_ptr<const Dossier> MakeDossier(const Pack& pack,
                                                    std::unique_ptr<DossierTables> tables);
};

// The value of every pack parameter: its default, or the override in `options`.
// InvalidArgument for an unknown parameter (with a did-you-mean) or a malformed value.
absl::StatusOr<std::vector<ir::Literal>> ResolveParams(const Plan& plan,
                                                       const EvaluateOptions& options);

// Runs `body`, turning any exception (out of memory, a library bug) into a status: no
// exception crosses the API.
template <typename Body>
auto Guarded(const char* what, Body body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat(what, ": ", e.what()));
  } catch (...) {
    return absl::InternalError(absl::StrCat(what, ": unexpected failure"));
  }
}

}  // namespace zhuoyue::internal

#endif  // ZHUOYUE_LIB_API_API_ACCESS_H_
