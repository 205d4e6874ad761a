#include "check/ir.h"

#include <cstdio>

namespace zhuoyue::ir {

std::string Literal::ToJson() const {
  switch (kind) {
    case Kind::kNumber:
      return number.ToString();
    case Kind::kBool:
      return boolean ? "true" : "false";
    case Kind::kNone:
      return "null";
    default:
      break;
  }
  std::string json = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      json += '\\';
      json += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      json += escape;
    } else {
      json += c;
    }
  }
  return json + "\"";
}

}  // namespace zhuoyue::ir
