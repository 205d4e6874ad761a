// Runs the built `zy` (ZY_BINARY) from the repository root, for tests of the command.
#ifndef ZHUOYUE_TESTS_ZY_PROCESS_H_
#define ZHUOYUE_TESTS_ZY_PROCESS_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

struct ZyResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

inline ZyResult Zy(const std::string& args) {
  std::string command =
      std::string("cd '") + ZHUOYUE_SOURCE_DIR + "' && '" + ZY_BINARY + "' " + args + " 2>&1";
  ZyResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

#endif  // ZHUOYUE_TESTS_ZY_PROCESS_H_
