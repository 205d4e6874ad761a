// The commands of `zy`, one file each; main.cc dispatches on the first argument.
#ifndef ZHUOYUE_TOOLS_ZY_COMMANDS_H_
#define ZHUOYUE_TOOLS_ZY_COMMANDS_H_

#include <string>
#include <vector>

namespace zy {

// Exit statuses shared by every command (shared/spec/report-v1.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailOn = 3;

int RunEval(const std::vector<std::string>& args);
int RunFmt(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunExplainVerdict(const std::vector<std::string>& args);
int RunTest(const std::vector<std::string>& args);

}  // namespace zy

#endif  // ZHUOYUE_TOOLS_ZY_COMMANDS_H_
