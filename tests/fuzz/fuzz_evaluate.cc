// fuzz_evaluate: the input is a JSON dossier. When it loads with the built-in pack, it is
// evaluated and the report rendered as `zy eval` and `zy report` render it: JSON, the
// terminal text (Chinese, coloured) and Markdown (English).
//
// Findings besides crashes, leaks, UB and hangs: an evaluation that fails (with the pack the
// dossier was loaded with and no parameters it can only fail the step limit), and a JSON
// report that does not read back to itself (ReportFromJson of ReportToJson renders the same
// JSON: `zy diff` compares filed reports so).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "zhuoyue/zhuoyue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zhuoyue;
  const Pack& pack = fuzz::BuiltinPack();
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> diagnostics;
  auto dossier = Dossier::FromJson(pack, json, "fuzz.json", &diagnostics);
  if (!dossier.ok()) {
    fuzz::CheckRefusal(dossier.status(), diagnostics);
    return 0;
  }
  auto report = Evaluate(pack, **dossier);
  // ResourceExhausted: the evaluation step limit (EvaluateOptions::max_steps), a refusal.
  if (!report.ok() && report.status().code() == absl::StatusCode::kResourceExhausted) return 0;
  if (!report.ok()) fuzz::Finding("a loaded dossier does not evaluate", report.status().ToString());

  const std::string report_json = ReportToJson(*report);
  const std::string text = ReportToText(*report, /*color=*/true, Language::kZh);
  const std::string markdown = ReportToMarkdown(*report, Language::kEn);
  if (report_json.empty() || text.empty() || markdown.empty()) {
    fuzz::Finding("a report renders as nothing");
  }
  auto back = ReportFromJson(report_json);
  if (!back.ok()) fuzz::Finding("a report does not read back", back.status().ToString());
  const std::string again = ReportToJson(*back);
  if (again != report_json) {
    fuzz::Finding("a report reads back to another one", report_json + "\n---\n" + again);
  }
  return 0;
}
