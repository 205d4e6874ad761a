#include "base/source.h"

#include <algorithm>

namespace zhuoyue {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
  }
}

LineColumn SourceFile::Locate(int offset) const {
  offset = std::clamp(offset, 0, static_cast<int>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line_index = static_cast<int>(it - line_starts_.begin()) - 1;
  int start = line_starts_[line_index];
  return {line_index + 1,
          1 + CountCharacters(std::string_view(text_).substr(start, offset - start))};
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  int start = line_starts_[line - 1];
  int end = line < static_cast<int>(line_starts_.size()) ? line_starts_[line] - 1
                                                         : static_cast<int>(text_.size());
  std::string_view view = std::string_view(text_).substr(start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

int CountCharacters(std::string_view utf8) {
  int count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace zhuoyue
