// A source text with its name and a line-start table, so that byte offsets turn into
// line:column (columns counted in characters, as editors and terminals count them).
#ifndef ZHUOYUE_LIB_BASE_SOURCE_H_
#define ZHUOYUE_LIB_BASE_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace zhuoyue {

struct Span {
  int begin = 0;  // byte offsets into the source text
  int end = 0;
};

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in UTF-8 characters
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  LineColumn Locate(int offset) const;
  // The text of a 1-based line, without its line end.
  std::string_view Line(int line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<int> line_starts_;
};

// Number of characters (code points) in UTF-8 text; stray continuation bytes count as none.
int CountCharacters(std::string_view utf8);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_BASE_SOURCE_H_
