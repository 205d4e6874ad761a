// Stage 7: renderers, one per output form, all from the one Report model.
#ifndef ZHUOYUE_LIB_REPORT_RENDER_H_
#define ZHUOYUE_LIB_REPORT_RENDER_H_

#include <string>

#include "zhuoyue/report.h"

namespace zhuoyue {

// zhuoyue.report/1 (shared/spec/report-v1.md), pretty-printed, UTF-8, ending in a newline.
std::string RenderJson(const Report& report);

// A terminal summary: the overall result, then one table per requirement with its failing
// criteria first. `color` adds ANSI colours (for a TTY).
std::string RenderText(const Report& report, bool color);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_RENDER_H_
