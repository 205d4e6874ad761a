// Stage 7: renderers, one per output form, all from the one Report model.
#ifndef ZHUOYUE_LIB_REPORT_RENDER_H_
#define ZHUOYUE_LIB_REPORT_RENDER_H_

#include <string>

#include "absl/status/status.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

struct DossierTables;
struct Schema;

// zhuoyue.report/1 (shared/spec/report-v1.md), pretty-printed, UTF-8, ending in a newline.
// Keys are the same in every language.
std::string RenderJson(const Report& report);

// A terminal summary: the overall result, then one table per requirement with its failing
// criteria first. `color` adds ANSI colours (for a TTY); labels in `language` (texts from
// the pack verbatim).
std::string RenderText(const Report& report, bool color, Language language);

// Markdown, readable on a Git forge (`--format md`).
std::string RenderMarkdown(const Report& report, Language language);

// One self-contained HTML file: no network, no external file (`--format html`).
std::string RenderHtml(const Report& report, Language language);

// An XLSX workbook written to `path` (`--format xlsx`): verdicts, the realisation matrix
// and attainment as sheets.
absl::Status WriteXlsx(const Report& report, Language language, const std::string& path);

// The supplementary-report draft (附件3 补充报告): its nine parts, filled from the report and
// the dossier where the data can fill them.
enum class SupplementFormat { kMarkdown, kHtml };
std::string RenderSupplement(const Report& report, const DossierTables& dossier,
                             const Schema& schema, Language language, SupplementFormat format);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_RENDER_H_
