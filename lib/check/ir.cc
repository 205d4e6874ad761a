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

namespace {

bool CanBeUnknown(const Node& node) {
  switch (node.op) {
    case Op::kLiteral:
    case Op::kParam:
    case Op::kVariable:  // a bound row or list item is there
      return false;
    case Op::kField:
      if (node.type.field && node.type.field->required) return CanBeUnknown(*node.child(0));
      return true;
    case Op::kSingleton:
    case Op::kTable:
    case Op::kJudgement:
    case Op::kDistinction:
    case Op::kProvided:
    case Op::kMet:
    case Op::kAttainment:
      return true;
    default:
      for (const NodePtr& child : node.children) {
        if (child && CanBeUnknown(*child)) return true;
      }
      return false;
  }
}

// `x in [...]` where x reads a closed set and the list names every one of its values.
bool ListsTheWholeSet(const Node& node) {
  if (node.op != Op::kIn) return false;
  const Node& value = *node.child(0);
  const Node& list = *node.child(1);
  const FieldDecl* field = value.type.field;
  if (value.op != Op::kField || !field || field->type != FieldType::kEnum || field->enum_open ||
      field->is_list || list.op != Op::kListLiteral) {
    return false;
  }
  for (const std::string& allowed : field->enum_values) {
    bool listed = false;
    for (const NodePtr& item : list.children) {
      listed |= item && item->op == Op::kLiteral && item->literal.text == allowed;
    }
    if (!listed) return false;
  }
  return true;
}

}  // namespace

Outcomes PossibleOutcomes(const Node& node) {
  Outcomes outcomes;
  outcomes.can_be_unknown = CanBeUnknown(node);
  if (node.op == Op::kNot && node.child(0)) {
    Outcomes inner = PossibleOutcomes(*node.child(0));
    outcomes.can_be_true = inner.can_be_false;
    outcomes.can_be_false = inner.can_be_true;
  } else if (ListsTheWholeSet(node)) {
    outcomes.can_be_false = false;
  } else if (node.op == Op::kLiteral && node.literal.kind == Kind::kBool) {
    outcomes.can_be_true = node.literal.boolean;
    outcomes.can_be_false = !node.literal.boolean;
  }
  return outcomes;
}

}  // namespace zhuoyue::ir
