// Change impact between two reports (`zy diff`), and reading a report back from its JSON so
// that a filed report can be compared with a fresh evaluation.
#ifndef ZHUOYUE_LIB_REPORT_DIFF_H_
#define ZHUOYUE_LIB_REPORT_DIFF_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "zhuoyue/report.h"
#include "zhuoyue/zhuoyue.hpp"  // ReportDiff

namespace zhuoyue {

// Entities are matched by id; both reports' orders are kept (the new one's first).
ReportDiff CompareReports(const Report& old_report, const Report& new_report);

// "no change\n" for an empty diff; otherwise one section per kind of change.
std::string RenderDiffText(const ReportDiff& diff, Language language);

// {"format": "zhuoyue.diff/1", "changed": …, "overall": {old, new}, …}, pretty-printed.
std::string RenderDiffJson(const ReportDiff& diff);

// zhuoyue.report/1 back into a Report (report_from_json.cc). The inverse of RenderJson for
// every key it writes: RenderJson(*ParseReportJson(RenderJson(r))) == RenderJson(r). Keys
// other than format, program, overall and requirements may be absent (a report written
// before `attainment` and `matrix` existed reads with them empty). InvalidArgument names the
// JSON pointer of the first problem.
absl::StatusOr<Report> ParseReportJson(std::string_view json);

// The string value of the top-level "format" key; empty when absent or not JSON.
std::string FormatOfJson(std::string_view json);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_DIFF_H_
