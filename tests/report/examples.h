// The example dossiers (examples/*.json) evaluated with the built-in pack, for the renderer
// tests, and reading a file whole.
#ifndef ZHUOYUE_TESTS_REPORT_EXAMPLES_H_
#define ZHUOYUE_TESTS_REPORT_EXAMPLES_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue::report_test {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The report of examples/<name>.json; a failure (and nullopt) when it cannot be made.
inline std::optional<Report> EvaluateExample(const std::string& name) {
  static auto* pack = new absl::StatusOr<std::shared_ptr<const Pack>>(Pack::Builtin());
  if (!pack->ok()) {
    ADD_FAILURE() << pack->status();
    return std::nullopt;
  }
  std::vector<Diagnostic> problems;
  auto dossier = Dossier::FromFile(
      ***pack, std::string(ZHUOYUE_SOURCE_DIR) + "/examples/" + name + ".json", &problems);
  if (!dossier.ok()) {
    ADD_FAILURE() << dossier.status();
    return std::nullopt;
  }
  auto report = Evaluate(***pack, **dossier);
  if (!report.ok()) {
    ADD_FAILURE() << report.status();
    return std::nullopt;
  }
  return *std::move(report);
}

}  // namespace zhuoyue::report_test

#endif  // ZHUOYUE_TESTS_REPORT_EXAMPLES_H_
