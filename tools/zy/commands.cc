#include "tools/zy/commands.h"

#include <algorithm>
#include <iostream>

namespace zy {

absl::StatusOr<std::shared_ptr<const zhuoyue::Pack>> LoadPack(
    const std::string& rules, std::vector<zhuoyue::Diagnostic>* diagnostics,
    const zhuoyue::PackOptions& options) {
  return rules.empty() ? zhuoyue::Pack::Builtin(diagnostics, options)
                       : zhuoyue::Pack::FromPath(rules, diagnostics, options);
}

int UsageError(std::string_view usage, const std::string& problem) {
  std::cerr << "zy: " << problem << "\n\n" << usage;
  return kExitUsage;
}

std::optional<int> ReadCommonOption(const std::vector<std::string>& args, size_t& i,
                                    bool accepts_params, std::string_view usage,
                                    CommonOptions& common, bool& taken) {
  const std::string& arg = args[i];
  auto value = [&](std::string& into) {
    if (i + 1 >= args.size()) return false;
    into = args[++i];
    return true;
  };
  taken = true;
  if (arg == "--help" || arg == "-h") {
    std::cout << usage;
    return kExitOk;
  }
  if (arg == "--rules") {
    if (!value(common.rules)) return UsageError(usage, "--rules needs a path");
  } else if (arg == "--format") {
    if (!value(common.format) || std::find(common.formats.begin(), common.formats.end(),
                                           common.format) == common.formats.end()) {
      std::string choices;
      for (size_t k = 0; k < common.formats.size(); ++k) {
        choices += (k == 0                           ? ""
                    : k + 1 == common.formats.size() ? " or "
                                                     : ", ") +
                   common.formats[k];
      }
      return UsageError(usage, "--format is " + choices);
    }
  } else if (arg == "--param" && accepts_params) {
    std::string assignment;
    size_t equals = std::string::npos;
    if (!value(assignment) || (equals = assignment.find('=')) == std::string::npos || equals == 0) {
      return UsageError(usage,
                        "--param needs NAME=VALUE" +
                            (assignment.empty() ? std::string() : ", got `" + assignment + "`"));
    }
    common.evaluate.params.emplace_back(assignment.substr(0, equals),
                                        assignment.substr(equals + 1));
  } else {
    taken = false;
  }
  return std::nullopt;
}

}  // namespace zy
