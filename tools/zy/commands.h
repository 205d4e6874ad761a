// The commands of `zy`, one file each; main.cc dispatches on the first argument.
#ifndef ZHUOYUE_TOOLS_ZY_COMMANDS_H_
#define ZHUOYUE_TOOLS_ZY_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/zhuoyue.h"

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
// Adds `--param NAME=VALUE` to `options`; false when it is not of that shape.
bool AddParam(const std::string& assignment, zhuoyue::EvaluateOptions& options);

int RunEval(const std::vector<std::string>& args);
int RunFmt(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunExplainVerdict(const std::vector<std::string>& args);
int RunTest(const std::vector<std::string>& args);

}  // namespace zy

#endif  // ZHUOYUE_TOOLS_ZY_COMMANDS_H_
