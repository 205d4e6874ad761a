#include "tools/zy/commands.h"

namespace zy {

absl::StatusOr<std::shared_ptr<const zhuoyue::Pack>> LoadPack(
    const std::string& rules, std::vector<zhuoyue::Diagnostic>* diagnostics,
    const zhuoyue::PackOptions& options) {
  return rules.empty() ? zhuoyue::Pack::Builtin(diagnostics, options)
                       : zhuoyue::Pack::FromPath(rules, diagnostics, options);
}

bool AddParam(const std::string& assignment, zhuoyue::EvaluateOptions& options) {
  size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) return false;
  options.params.emplace_back(assignment.substr(0, equals), assignment.substr(equals + 1));
  return true;
}

}  // namespace zy
