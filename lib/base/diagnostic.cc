#include "zhuoyue/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "base/diagnostic_explanations.h"

namespace zhuoyue {
namespace {

// Decodes the UTF-8 character at `i` and advances past it (a stray byte counts as one).
char32_t NextCodePoint(std::string_view text, size_t& i) {
  unsigned char c = text[i++];
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t point = extra == 0 ? c : (c & (0x3F >> extra));
  for (; extra > 0 && i < text.size() && (text[i] & 0xC0) == 0x80; --extra) {
    point = (point << 6) | (text[i++] & 0x3F);
  }
  return point;
}

// Columns a character takes in a terminal: East Asian wide and full-width forms take two.
int DisplayWidth(char32_t c) {
  bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
              (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
              (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
              (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::string Paint(bool color, const char* code, std::string_view text) {
  return color ? absl::StrCat("\x1b[", code, "m", std::string(text), "\x1b[0m") : std::string(text);
}

}  // namespace

std::string Diagnostic::Format() const {
  std::string where = file;
  if (line > 0) absl::StrAppend(&where, ":", line, ":", column);
  if (!pointer.empty() || line == 0) absl::StrAppend(&where, "#", pointer);
  std::string text = absl::StrCat(where, ": ", severity == Severity::kError ? "error" : "warning",
                                  ": ", message, " [", code, "]");
  if (!help.empty()) absl::StrAppend(&text, "\n  help: ", help);
  return text;
}

std::string Diagnostic::Render(bool color) const {
  bool error = severity == Severity::kError;
  const char* tone = error ? "31;1" : "33;1";
  std::string out =
      absl::StrCat(Paint(color, tone, absl::StrCat(error ? "error" : "warning", "[", code, "]")),
                   Paint(color, "1", absl::StrCat(": ", message)), "\n");
  std::string where = file;
  if (line > 0) absl::StrAppend(&where, ":", line, ":", column);
  if (!pointer.empty() || line == 0) absl::StrAppend(&where, "#", pointer);
  std::string gutter(std::to_string(std::max(line, 1)).size(), ' ');
  absl::StrAppend(&out, gutter, Paint(color, "34;1", "--> "), where, "\n");
  if (line > 0 && !source_line.empty()) {
    // The carets go under the span, however wide its characters are; tabs stay tabs.
    std::string padding;
    int carets = 0, character = 1;
    for (size_t i = 0; i < source_line.size();) {
      char tab = source_line[i];
      int width = DisplayWidth(NextCodePoint(source_line, i));
      if (character < column) {
        padding += tab == '\t' ? std::string("\t") : std::string(width, ' ');
      } else if (character < std::max(end_column, column + 1)) {
        carets += width;
      }
      ++character;
    }
    carets = std::max(carets, 1);
    std::string bar = Paint(color, "34;1", " |");
    absl::StrAppend(&out, gutter, bar, "\n");
    absl::StrAppend(&out, Paint(color, "34;1", absl::StrCat(line, " |")), " ", source_line, "\n");
    absl::StrAppend(&out, gutter, bar, " ", padding, Paint(color, tone, std::string(carets, '^')),
                    label.empty() ? "" : " " + Paint(color, tone, label), "\n");
  }
  if (!help.empty())
    absl::StrAppend(&out, gutter, " = ", Paint(color, "1", "help"), ": ", help, "\n");
  return out;
}

std::string DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::ordered_json item;
    item["code"] = d.code;
    item["severity"] = d.severity == Severity::kError ? "error" : "warning";
    item["file"] = d.file;
    if (d.line > 0) {
      item["line"] = d.line;
      item["column"] = d.column;
      if (d.end_column > 0) item["end_column"] = d.end_column;
    }
    if (!d.pointer.empty()) item["pointer"] = d.pointer;
    item["message"] = d.message;
    if (!d.label.empty()) item["label"] = d.label;
    if (!d.help.empty()) item["help"] = d.help;
    list.push_back(std::move(item));
  }
  return list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

const std::vector<DiagnosticInfo>& DiagnosticRegistry() {
  static const std::vector<DiagnosticInfo> registry = [] {
    std::vector<DiagnosticInfo> infos;
#define ZY_DIAGNOSTIC(name, code, severity, title) \
  infos.push_back({code, Severity::severity, title, "", "", ""});
#include "base/diagnostic_kinds.def"
#undef ZY_DIAGNOSTIC
    for (DiagnosticInfo& info : infos) {
      if (const internal::Explanation* e = internal::FindExplanation(info.code)) {
        info.explanation = e->explanation;
        info.failing_example = e->failing_example;
        info.fixed_example = e->fixed_example;
      }
    }
    return infos;
  }();
  return registry;
}

const DiagnosticInfo* FindDiagnosticInfo(std::string_view code) {
  for (const DiagnosticInfo& info : DiagnosticRegistry()) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace zhuoyue
