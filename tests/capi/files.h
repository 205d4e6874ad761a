// The files the C ABI tests read: the example dossiers and the golden reports.
#ifndef ZHUOYUE_TESTS_CAPI_FILES_H_
#define ZHUOYUE_TESTS_CAPI_FILES_H_

#include <fstream>
#include <sstream>
#include <string>

namespace zhuoyue::testing {

// examples/<name>.json in the source tree.
inline std::string Example(const std::string& name) {
  return std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json";
}

// The whole file, bytes as they are; empty when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace zhuoyue::testing

#endif  // ZHUOYUE_TESTS_CAPI_FILES_H_
