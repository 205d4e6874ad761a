#include "report/markup.h"

#include <cctype>

namespace zhuoyue {
namespace {

// Whether `text` at `i` starts a well-formed UTF-8 sequence; its length, else 0.
size_t Utf8Length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  auto continuation = [&](size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && byte(i + 1) >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

std::string Html(std::string_view text, bool line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8Length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    char c = text[i];
    if (length == 1) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        case '\r':
          if (!line_breaks) {
            out += c;
          } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
            out += "<br>";  // a lone \r; in \r\n the \n makes the break
          }
          break;
        case '\n':
          out += line_breaks ? "<br>" : "\n";
          break;
        default:
          if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
            out += "\xEF\xBF\xBD";
          } else {
            out += c;
          }
      }
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string MarkdownText(std::string_view text, bool cell, bool line_start) {
  auto word = [&](size_t i) {
    return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0;
  };
  auto space_after = [&](size_t i) {
    return i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t';
  };
  size_t number_end = 0;  // "12." or "12)" at the start would begin an ordered list
  while (number_end < text.size() && std::isdigit(static_cast<unsigned char>(text[number_end]))) {
    ++number_end;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '~':
      case '<':
      case '|':
        escape = true;
        break;
      case '&':
        escape = word(i + 1) || (i + 1 < text.size() && text[i + 1] == '#');
        break;
      case '_':
        escape = !(i > 0 && word(i - 1) && word(i + 1));
        break;
      case ']':
        escape =
            i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == '[' || text[i + 1] == ':');
        break;
      case '>':
        escape = line_start && i == 0;
        break;
      case '#':
      case '+':
      case '-':
        escape = line_start && i == 0 && space_after(i);
        break;
      case '.':
      case ')':
        escape = line_start && i > 0 && i == number_end && space_after(i);
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // \r\n is one break
        [[fallthrough]];
      case '\n':
        out += cell ? "<br>" : " ";
        continue;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) continue;
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

std::string HtmlText(std::string_view text) { return Html(text, /*line_breaks=*/false); }

std::string HtmlLines(std::string_view text) { return Html(text, /*line_breaks=*/true); }

}  // namespace zhuoyue
