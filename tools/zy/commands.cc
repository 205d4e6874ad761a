#include "tools/zy/commands.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"

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

int EvaluationFailure(std::string_view usage, const absl::Status& status) {
  if (absl::IsInvalidArgument(status) || absl::IsNotFound(status)) {
    return UsageError(usage, std::string(status.message()));
  }
  std::cerr << "zy: " << status.message() << "\n";
  return kExitInput;
}

bool OptionValue(const std::vector<std::string>& args, size_t& i, std::string& into) {
  if (i + 1 >= args.size()) return false;
  into = args[++i];
  return true;
}

std::optional<int> ReadCommonOption(const std::vector<std::string>& args, size_t& i,
                                    bool accepts_params, std::string_view usage,
                                    CommonOptions& common, bool& taken) {
  const std::string& arg = args[i];
  auto value = [&](std::string& into) { return OptionValue(args, i, into); };
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
  } else if (arg == "--max-steps" && accepts_params) {
    std::string steps;
    char* end = nullptr;
    if (!value(steps) || steps.empty() || steps[0] == '-' ||
        (common.evaluate.max_steps = std::strtoull(steps.c_str(), &end, 10), *end != '\0') ||
        common.evaluate.max_steps == 0) {
      return UsageError(usage, "--max-steps needs a positive whole number");
    }
  } else {
    taken = false;
  }
  return std::nullopt;
}

// Writes `path` through a temporary file and a rename, so a reader never sees half a
// report; `write` fills the temporary file. The error names `path`, the file the user gave.
absl::Status WriteAtomically(const std::string& path,
                             const std::function<absl::Status(const std::string&)>& write) {
  std::string temporary = path + ".tmp";
  absl::Status written = write(temporary);
  std::error_code error;
  if (written.ok()) std::filesystem::rename(temporary, path, error);
  if (written.ok() && !error) return absl::OkStatus();
  std::remove(temporary.c_str());
  std::string reason = written.ok() ? error.message() : std::string(written.message());
  std::string prefix = "cannot write " + temporary + ": ";  // how the library names it
  if (reason.starts_with(prefix)) reason.erase(0, prefix.size());
  return absl::UnavailableError(absl::StrCat("cannot write ", path, ": ", reason));
}

absl::Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (out.flush()) return absl::OkStatus();
  return absl::UnavailableError(std::strerror(errno));
}

}  // namespace zy
