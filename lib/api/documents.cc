// The filed documents of the public API: Markdown, HTML and XLSX reports, and the
// supplementary-report draft. Each is a renderer of lib/report behind the API's guard.
#include <cstdio>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "api/api_access.h"
#include "report/render.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {

std::string ReportToMarkdown(const Report& report, Language language) {
  return RenderMarkdown(report, language);
}

std::string ReportToHtml(const Report& report, Language language) {
  return RenderHtml(report, language);
}

absl::Status WriteReportXlsx(const Report& report, const std::string& path, Language language) {
  absl::Status status =
      internal::Guarded("writing the workbook", [&] { return WriteXlsx(report, language, path); });
  if (!status.ok()) {
    // WriteXlsx works in `path`.tmp; `path` itself is untouched until the final rename.
    std::error_code ignored;
    std::filesystem::remove(path + ".tmp", ignored);
  }
  return status;
}

absl::StatusOr<std::string> SupplementDraft(const Pack& pack, const Dossier& dossier,
                                            const Report& report, DocumentFormat format,
                                            Language language) {
  if (!internal::ApiAccess::LoadedWith(dossier, pack)) {
    return absl::InvalidArgumentError("the dossier was loaded with another pack");
  }
  return internal::Guarded("writing the supplement", [&]() -> absl::StatusOr<std::string> {
    return RenderSupplement(
        report, internal::ApiAccess::TablesOf(dossier),
        internal::ApiAccess::PlanOf(pack).pack->schema, language,
        format == DocumentFormat::kHtml ? SupplementFormat::kHtml : SupplementFormat::kMarkdown);
  });
}

}  // namespace zhuoyue
