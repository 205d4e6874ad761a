// Escaping for the renderers that write markup (Markdown, HTML): any text from a dossier or
// a pack is shown as written and can never inject markup.
#ifndef ZHUOYUE_LIB_REPORT_MARKUP_H_
#define ZHUOYUE_LIB_REPORT_MARKUP_H_

#include <string>
#include <string_view>

namespace zhuoyue {

// `text` as Markdown that shows it as written. A backslash goes before \ ` * ~ < | always,
// before & when it could start an entity, before _ unless it is inside a word, before ] when
// a link could follow, and, when the text starts a line of a paragraph, quote or list item
// (`line_start`), before what would make it a heading, quote or list ("# ", ">", "- ", "+ ",
// "1. ", "1) "). Control characters are dropped; a line break becomes <br> in a table cell
// (`cell`), a space elsewhere.
std::string MarkdownText(std::string_view text, bool cell = false, bool line_start = false);

// `text` safe in an HTML text node and in a double- or single-quoted attribute value:
// & < > " ' become references; bytes that are not UTF-8, and control characters HTML does
// not allow, become U+FFFD, so the page is always valid UTF-8.
std::string HtmlText(std::string_view text);

// The same, with each line break (\n, \r\n or \r) as <br>.
std::string HtmlLines(std::string_view text);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_MARKUP_H_
