// The public face of the formatter (lib/format).
#include "zhuoyue/format.h"

#include <exception>
#include <memory>

#include "absl/strings/str_cat.h"
#include "base/source.h"
#include "format/format.h"

namespace zhuoyue {

absl::StatusOr<std::string> FormatRules(std::string_view text, std::string_view name,
                                        std::vector<Diagnostic>* diagnostics) {
  try {
    Diagnostics found;
    auto source = std::make_shared<const SourceFile>(std::string(name), std::string(text));
    absl::StatusOr<std::string> formatted = format::Format(std::move(source), found);
    if (diagnostics != nullptr) {
      diagnostics->insert(diagnostics->end(), found.begin(), found.end());
    }
    return formatted;
  } catch (const std::exception& e) {  // std::bad_alloc, or a parser failure not caught
    return absl::InternalError(absl::StrCat("formatting ", std::string(name), ": ", e.what()));
  } catch (...) {
    return absl::InternalError(absl::StrCat("formatting ", std::string(name), ": unknown failure"));
  }
}

}  // namespace zhuoyue
