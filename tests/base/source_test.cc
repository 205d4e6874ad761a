// Source files: byte offsets → line:column in characters, and line text.
#include "base/source.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zhuoyue {
namespace {

// Byte offset of the first occurrence of `needle` in the file's text.
int OffsetOf(const SourceFile& file, std::string_view needle) {
  size_t at = file.text().find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return static_cast<int>(at);
}

void ExpectAt(const SourceFile& file, int offset, int line, int column) {
  LineColumn at = file.Locate(offset);
  EXPECT_EQ(at.line, line) << "offset " << offset;
  EXPECT_EQ(at.column, column) << "offset " << offset;
}

TEST(SourceFile, KeepsNameAndText) {
  SourceFile file("r01.zy", "pack x version \"1\"\n");
  EXPECT_EQ(file.name(), "r01.zy");
  EXPECT_EQ(file.text(), "pack x version \"1\"\n");
}

TEST(SourceFileLocate, AsciiLines) {
  SourceFile file("a.zy", "abc\ndef\n\nxyz");
  ExpectAt(file, 0, 1, 1);
  ExpectAt(file, 2, 1, 3);
  ExpectAt(file, 3, 1, 4);  // the newline itself ends line 1
  ExpectAt(file, 4, 2, 1);
  ExpectAt(file, 6, 2, 3);
  ExpectAt(file, 8, 3, 1);  // the empty line
  ExpectAt(file, 9, 4, 1);
  ExpectAt(file, 11, 4, 3);
  ExpectAt(file, 12, 4, 4);  // end of file
}

TEST(SourceFileLocate, ChineseCharactersAreOneColumnEach) {
  // Each of 学校标准 is 3 bytes in UTF-8 but one column.
  SourceFile file("r01.zy", "requirement 1 \"学校标准\" { pass }\n  \"中文\" x");
  int brace = OffsetOf(file, "{");
  EXPECT_EQ(brace, 29);  // 14 + 1 + 12 + 1 + 1 bytes
  ExpectAt(file, brace, 1, 22);
  ExpectAt(file, OffsetOf(file, "pass"), 1, 24);
  ExpectAt(file, OffsetOf(file, "标"), 1, 18);
  ExpectAt(file, OffsetOf(file, "x"), 2, 8);
}

TEST(SourceFileLocate, OtherMultibyteCharacters) {
  // é (2 bytes), 𝑥 (4 bytes), “ and ” (3 bytes each): one column each.
  SourceFile file("u.zy", "é𝑥“a”b");
  ExpectAt(file, OffsetOf(file, "a"), 1, 4);
  ExpectAt(file, OffsetOf(file, "b"), 1, 6);
  ExpectAt(file, static_cast<int>(file.text().size()), 1, 7);
}

TEST(SourceFileLocate, CrLfLines) {
  SourceFile file("w.zy", "ab\r\n中文x\r\nyz\r\n");
  ExpectAt(file, 0, 1, 1);
  ExpectAt(file, 2, 1, 3);  // the \r
  ExpectAt(file, 4, 2, 1);
  ExpectAt(file, OffsetOf(file, "x"), 2, 3);
  ExpectAt(file, OffsetOf(file, "yz"), 3, 1);
  ExpectAt(file, OffsetOf(file, "z"), 3, 2);
  ExpectAt(file, static_cast<int>(file.text().size()), 4, 1);
}

TEST(SourceFileLocate, OutOfRangeOffsetsAreClamped) {
  SourceFile file("a.zy", "ab\ncd");
  ExpectAt(file, -5, 1, 1);
  ExpectAt(file, 1000, 2, 3);
  SourceFile empty("e.zy", "");
  ExpectAt(empty, 0, 1, 1);
  ExpectAt(empty, 7, 1, 1);
}

TEST(SourceFileLine, ReturnsLinesWithoutTheirEnds) {
  SourceFile file("w.zy", "ab\r\n中文x\nyz\r\n\nlast");
  EXPECT_EQ(file.Line(1), "ab");
  EXPECT_EQ(file.Line(2), "中文x");
  EXPECT_EQ(file.Line(3), "yz");
  EXPECT_EQ(file.Line(4), "");
  EXPECT_EQ(file.Line(5), "last");
  EXPECT_EQ(file.Line(6), "");
  EXPECT_EQ(file.Line(0), "");
  EXPECT_EQ(file.Line(-1), "");
}

TEST(SourceFileLine, TrailingNewlineMakesAnEmptyLastLine) {
  SourceFile file("a.zy", "one\ntwo\n");
  EXPECT_EQ(file.Line(1), "one");
  EXPECT_EQ(file.Line(2), "two");
  EXPECT_EQ(file.Line(3), "");
  EXPECT_EQ(file.Locate(8).line, 3);
}

TEST(SourceFileLine, LineAndLocateAgree) {
  SourceFile file("r.zy", "pack a version \"1\"\r\n# 注释\r\nparam 比例 = 1\r\n");
  int offset = OffsetOf(file, "= 1");
  LineColumn at = file.Locate(offset);
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.column, 10);
  std::string_view line = file.Line(at.line);
  EXPECT_EQ(line, "param 比例 = 1");
  // The column, counted in characters, points at the same character in the line.
  EXPECT_EQ(CountCharacters(line.substr(0, line.find('='))) + 1, at.column);
}

TEST(CountCharacters, CountsCodePoints) {
  EXPECT_EQ(CountCharacters(""), 0);
  EXPECT_EQ(CountCharacters("abc"), 3);
  EXPECT_EQ(CountCharacters("中文abc"), 5);
  EXPECT_EQ(CountCharacters("卓越工程师"), 5);
  EXPECT_EQ(CountCharacters("𝑥"), 1);
  EXPECT_EQ(CountCharacters("“a”"), 3);
  // A stray continuation byte counts as nothing.
  EXPECT_EQ(CountCharacters("a\x80"
                            "b"),
            2);
}

}  // namespace
}  // namespace zhuoyue
