#include "zhuoyue/diagnostic.h"

#include "absl/strings/str_cat.h"

namespace zhuoyue {

std::string Diagnostic::Format() const {
  std::string where = file;
  if (line > 0) absl::StrAppend(&where, ":", line, ":", column);
  if (!pointer.empty() || line == 0) absl::StrAppend(&where, "#", pointer);
  std::string text = absl::StrCat(where, ": ", severity == Severity::kError ? "error" : "warning",
                                  ": ", message, " [", code, "]");
  if (!help.empty()) absl::StrAppend(&text, "\n  help: ", help);
  return text;
}

}  // namespace zhuoyue
