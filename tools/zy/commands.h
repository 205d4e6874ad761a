// The commands of `zy`, one file each; main.cc dispatches on the first argument.
#ifndef ZHUOYUE_TOOLS_ZY_COMMANDS_H_
#define ZHUOYUE_TOOLS_ZY_COMMANDS_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zy {

// Exit statuses shared by every command (shared/spec/report-v1.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailOn = 3;

// Helpers the commands share (commands.cc).
// The pack of `--rules PATH`, or the built-in one when `rules` is empty.
absl::StatusOr<std::shared_ptr<const zhuoyue::Pack>> LoadPack(
    const std::string& rules, std::vector<zhuoyue::Diagnostic>* diagnostics,
    const zhuoyue::PackOptions& options = {});
// The options several commands share: --rules PATH, --format text|json, and (where the
// command evaluates) --param NAME=VALUE and --max-steps N.
struct CommonOptions {
  std::string rules;
  std::string format = "text";
  std::vector<std::string> formats = {"text", "json"};  // what the command's --format takes
  zhuoyue::EvaluateOptions evaluate;
};

// Prints "zy: PROBLEM" and the command's usage text; returns kExitUsage.
int UsageError(std::string_view usage, const std::string& problem);

// The exit status for an evaluation that failed: a usage error for a bad --param or an
// unknown criterion (InvalidArgument, NotFound), else the message and kExitInput (the step
// limit, an internal failure).
int EvaluationFailure(std::string_view usage, const absl::Status& status);

// The value of the option at args[i]: args[i + 1], with `i` advanced past it; false when
// the option is the last argument.
bool OptionValue(const std::vector<std::string>& args, size_t& i, std::string& into);

// Handles args[i] if it is a shared option, advancing `i` past its value and setting
// `taken`. Returns an exit status when the command must stop: --help (after printing
// `usage`) or a malformed option; otherwise nullopt, and args[i] is the command's own.
std::optional<int> ReadCommonOption(const std::vector<std::string>& args, size_t& i,
                                    bool accepts_params, std::string_view usage,
                                    CommonOptions& common, bool& taken);

// Writes `path` through a temporary file (`path`.tmp) and a rename, so a reader never sees
// half a report; `write` fills the temporary file. The error names `path`.
absl::Status WriteAtomically(const std::string& path,
                             const std::function<absl::Status(const std::string&)>& write);
// Writes `text` to `path` as it is.
absl::Status WriteText(const std::string& path, const std::string& text);

int RunEval(const std::vector<std::string>& args);
int RunReport(const std::vector<std::string>& args);
int RunFmt(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunExplainVerdict(const std::vector<std::string>& args);
int RunTest(const std::vector<std::string>& args);
int RunDiff(const std::vector<std::string>& args);
int RunGen(const std::vector<std::string>& args);
int RunBatch(const std::vector<std::string>& args);

}  // namespace zy

#endif  // ZHUOYUE_TOOLS_ZY_COMMANDS_H_
