// fuzz_csv_bundle: the input is a whole CSV bundle (a folder of files, docs/dossier.md), so
// that the fuzzer reaches what joins the files: child rows to their parents, references
// across tables. Each file begins with a line `=== NAME` (`=== courses.csv`); the lines up
// to the next such line are its text. Bytes before the first are ignored. A name given twice
// keeps its first file, as a folder cannot hold two. tests/fuzz/make_csv_seeds.py writes
// bundle folders in this form.
//
// The bundle is loaded from memory with the built-in pack's schema (LoadCsvFiles, what
// `zy eval FOLDER` does after reading the folder); when it loads, it is evaluated and its
// report rendered as JSON. A refusal is fine when it comes with its located errors.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_access.h"
#include "fuzz_util.h"
#include "load/csv_loader.h"
#include "zhuoyue/zhuoyue.hpp"

namespace {

std::vector<zhuoyue::CsvFile> SplitBundle(std::string_view input) {
  std::vector<zhuoyue::CsvFile> files;
  size_t at = 0;
  while (at < input.size()) {
    size_t end = input.find('\n', at);
    end = end == std::string_view::npos ? input.size() : end + 1;
    std::string_view line = input.substr(at, end - at);
    if (line.starts_with("=== ")) {
      std::string_view name = line.substr(4);
      while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
      files.push_back({std::string(name), ""});
    } else if (!files.empty()) {
      files.back().text.append(line);
    }
    at = end;
  }
  // In name order, as LoadCsvBundle reads a folder; of two files of one name, the first.
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const auto& a, const auto& b) { return a.name == b.name; }),
              files.end());
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zhuoyue;
  const Pack& pack = fuzz::BuiltinPack();
  const Schema& schema = internal::ApiAccess::PlanOf(pack).pack->schema;
  const std::vector<CsvFile> files =
      SplitBundle(std::string_view(reinterpret_cast<const char*>(data), size));

  Diagnostics diagnostics;
  std::unique_ptr<DossierTables> tables = LoadCsvFiles(files, "fuzz", schema, diagnostics);
  fuzz::CheckDiagnostics(diagnostics);
  if (!tables) {
    if (!fuzz::HasError(diagnostics)) fuzz::Finding("a bundle refused without an error");
    return 0;
  }
  if (fuzz::HasError(diagnostics)) fuzz::Finding("a bundle loaded despite an error");
  std::shared_ptr<const Dossier> dossier =
      internal::ApiAccess::MakeDossier(pack, std::move(tables));
  auto report = Evaluate(pack, *dossier);
  // ResourceExhausted: the evaluation step limit (EvaluateOptions::max_steps), a refusal.
  if (!report.ok() && report.status().code() == absl::StatusCode::kResourceExhausted) return 0;
  if (!report.ok()) fuzz::Finding("a loaded bundle does not evaluate", report.status().ToString());
  if (ReportToJson(*report).empty()) fuzz::Finding("a report renders as nothing");
  return 0;
}
