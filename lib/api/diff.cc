// The public face of `zy diff`: comparing two reports and reading a filed report back.
#include "report/diff.h"

#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {

ReportDiff DiffReports(const Report& old_report, const Report& new_report) {
  return CompareReports(old_report, new_report);
}

std::string DiffToText(const ReportDiff& diff, Language language) {
  return RenderDiffText(diff, language);
}

std::string DiffToJson(const ReportDiff& diff) { return RenderDiffJson(diff); }

absl::StatusOr<Report> ReportFromJson(std::string_view json) { return ParseReportJson(json); }

std::string JsonFormatOf(std::string_view json) { return FormatOfJson(json); }

}  // namespace zhuoyue
