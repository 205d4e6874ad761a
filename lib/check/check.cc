#include "check/check.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "attain/attainment.h"
#include "base/codes.h"

namespace zhuoyue {
namespace {

namespace x3 = boost::spirit::x3;
using ir::Kind;
using ir::Node;
using ir::NodePtr;
using ir::Op;
using ir::Type;

using namespace codes;  // NOLINT: the codes are this file's vocabulary.

// How deeply iterations over whole tables nest in an expression: a quantifier or aggregate
// over a table multiplies the work by its rows. Navigation does not: a row's child rows, its
// inverse (an index lookup) and its list fields add up to their table once over all rows.
int TableNesting(const Node& node) {
  int inner = 0;
  for (const NodePtr& child : node.children) {
    if (child) inner = std::max(inner, TableNesting(*child));
  }
  if (node.op != Op::kQuantifier && node.op != Op::kAggregate) return inner;
  Op over = node.child(0)->op;
  return inner + (over == Op::kTable ? 1 : 0);
}

// Whether an expression can depend on the dossier: it reads a table, an object, an expert's
// record or another verdict. Parameters, literals and variables bound over list literals
// do not.
bool ReadsDossier(const Node& node) {
  switch (node.op) {
    case Op::kSingleton:
    case Op::kTable:
    case Op::kJudgement:
    case Op::kDistinction:
    case Op::kProvided:
    case Op::kMet:
    case Op::kAttainment:
      return true;
    default:
      return std::any_of(node.children.begin(), node.children.end(),
                         [](const NodePtr& child) { return child && ReadsDossier(*child); });
  }
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kBool:
      return "bool";
    case Kind::kNumber:
      return "number";
    case Kind::kText:
      return "text";
    case Kind::kEntity:
      return "row";
    case Kind::kGroup:
      return "object";
    case Kind::kCollection:
      return "collection";
    case Kind::kNone:
      return "none";
  }
  return "?";
}

// The most IR nodes a pack may expand to, every def inlined: about 30 MB; the built-in pack
// has about ten thousand.
constexpr int64_t kMaxExpandedNodes = 200'000;

int64_t CountNodes(const Node& node) {
  int64_t count = 1;
  for (const NodePtr& child : node.children) count += child ? CountNodes(*child) : 0;
  return count;
}

NodePtr Clone(const Node& node) {
  auto copy = std::make_unique<Node>();
  copy->op = node.op;
  copy->type = node.type;
  copy->span = node.span;
  copy->file = node.file;
  copy->literal = node.literal;
  copy->text = node.text;
  copy->table = node.table;
  copy->field = node.field;
  copy->index = node.index;
  copy->slot = node.slot;
  for (const NodePtr& child : node.children) {
    copy->children.push_back(child ? Clone(*child) : nullptr);
  }
  return copy;
}

class Checker {
 public:
  Checker(const std::vector<ParsedFile>& files, Diagnostics& diagnostics,
          const CheckOptions& options)
      : files_(files), diagnostics_(diagnostics), options_(options) {}

  std::unique_ptr<CheckedPack> Run();

 private:
  // ---- declarations collected from every file, with the file they came from
  template <typename T>
  struct At {
    const T* node;
    int file;
  };

  void Collect();
  void BuildSchema();
  TableId DeclareTable(const ast::TableType& table, TableId parent, std::string json_key, int file);
  void DeclareFields(TableId table, const std::vector<ast::Field>& fields,
                     const std::string& prefix, FieldId group, int file);
  void ResolveReferences();
  void CheckParams();
  void CheckRequirements();
  void CheckEligibilityAndOutcomes();
  void CheckDefinitions();

  // ---- expressions
  struct Scope {
    std::string name;
    std::function<NodePtr(Span)> make;  // a variable or an inlined argument
  };
  NodePtr Expr(const ast::Operand& operand);
  NodePtr Atom(const ast::Atom& atom);
  NodePtr Chain(const ast::Chain& chain);
  NodePtr Postfix(const ast::Postfix& postfix);
  NodePtr Member(NodePtr base, const std::string& member, Span span);
  NodePtr Call(const ast::Call& call);
  NodePtr Binder(const std::string& op, const std::string& variable, const ast::Operand& collection,
                 const boost::optional<ast::Operand>& filter, const ast::Operand* body, Span span,
                 bool is_quantifier);
  NodePtr Combine(Op op, std::string text, NodePtr lhs, NodePtr rhs, Span span);
  NodePtr Compare(const std::string& op, NodePtr lhs, NodePtr rhs, Span span);
  NodePtr ExpectKind(NodePtr node, Kind kind, const char* what);
  void CheckEnumLiteral(const Node& value, const Node& literal);
  NodePtr MakeNode(Op op, Type type, Span span);
  // False, with one error for the whole pack, once the inlined rules exceed
  // kMaxExpandedNodes.
  bool WithinExpansionLimit(Span span);
  NodePtr Bool(const ast::Operand& operand, const char* what);

  void Error(int file, Span span, std::string_view code, std::string message,
             std::string help = "");
  void Error(Span span, std::string_view code, std::string message, std::string help = "") {
    Error(file_, span, code, std::move(message), std::move(help));
  }
  void Warn(Span span, std::string_view code, std::string message, std::string help = "") {
    Error(span, code, std::move(message), std::move(help));
    diagnostics_.back().severity = Severity::kWarning;
  }
  Span SpanOf(const x3::position_tagged& node) const { return files_[file_].SpanOf(node); }

  const std::vector<ParsedFile>& files_;
  Diagnostics& diagnostics_;
  const CheckOptions& options_;
  std::unique_ptr<CheckedPack> pack_;
  int file_ = 0;  // the file whose nodes are being checked

  std::vector<At<ast::PackHeader>> headers_;
  std::vector<At<ast::Param>> params_;
  std::vector<At<ast::TableType>> tables_;
  std::vector<At<ast::Standard>> standards_;
  absl::flat_hash_map<std::string, At<ast::Def>> defs_;
  std::vector<At<ast::Requirement>> requirements_;
  std::vector<At<ast::Eligibility>> eligibility_;
  std::vector<At<ast::Levels>> levels_;
  std::vector<At<ast::Overall>> overall_;
  std::vector<At<ast::Extension>> extensions_;

  struct PendingRef {
    TableId table;
    FieldId field;
    const ast::RefType* ref;
    int file;
  };
  std::vector<PendingRef> pending_refs_;
  struct PendingBound {
    TableId table;
    FieldId field;
    const ast::NumberType* number;
    int file;
  };
  std::vector<PendingBound> pending_bounds_;

  std::vector<Scope> scopes_;
  absl::flat_hash_set<int> used_params_;
  std::vector<std::pair<int, Span>> param_spans_;  // (file, span) per pack_->params entry
  std::vector<std::string> expanding_defs_;
  // Calls are inlined, so a def that calls another twice, thirty deep, would expand to 2^30
  // nodes: the nodes made are counted, and the pack's expansion is bounded.
  int64_t expanded_nodes_ = 0;
  bool expansion_reported_ = false;
  absl::flat_hash_set<std::string> criterion_ids_;
  absl::flat_hash_set<std::string> requirement_ids_;
  absl::flat_hash_set<std::string> material_ids_;
  struct PendingId {
    std::string id;
    Op op;
    int file;
    Span span;
  };
  std::vector<PendingId> pending_ids_;
};

void Checker::Error(int file, Span span, std::string_view code, std::string message,
                    std::string help) {
  diagnostics_.push_back(
      MakeDiagnostic(*files_[file].source, span, code, std::move(message), std::move(help)));
}

bool Checker::WithinExpansionLimit(Span span) {
  if (expanded_nodes_ <= kMaxExpandedNodes) return true;
  if (!expansion_reported_) {
    Error(span, kExpansionTooLarge,
          absl::StrCat("the rules grow past ", kMaxExpandedNodes,
                       " operations here once every definition is inlined (inlining ",
                       absl::StrJoin(expanding_defs_, " → "), ")"),
          "a definition that uses another more than once multiplies its size at each level; "
          "compute the shared part once, in one definition, and use it");
    expansion_reported_ = true;
  }
  return false;
}

NodePtr Checker::MakeNode(Op op, Type type, Span span) {
  ++expanded_nodes_;
  auto node = std::make_unique<Node>();
  node->op = op;
  node->type = type;
  node->span = span;
  node->file = file_;
  return node;
}

// ------------------------------------------------------------------ collection

void Checker::Collect() {
  // Imported files first, so that a clash is reported in the file that imports them.
  std::vector<size_t> order;
  for (bool imported : {true, false}) {
    for (size_t f = 0; f < files_.size(); ++f) {
      if (files_[f].imported == imported) order.push_back(f);
    }
  }
  for (size_t f : order) {
    int file = static_cast<int>(f);
    for (const ast::Declaration& declaration : files_[f].declarations) {
      const auto& variant = declaration.get();
      if (auto* header = boost::get<ast::PackHeader>(&variant)) {
        // An imported pack lends its rules, not its name: the importing pack's header wins.
        if (!files_[f].imported) headers_.push_back({header, file});
      } else if (auto* extension = boost::get<ast::Extension>(&variant)) {
        extensions_.push_back({extension, file});
      } else if (auto* param = boost::get<ast::Param>(&variant)) {
        params_.push_back({param, file});
      } else if (auto* table = boost::get<ast::TableType>(&variant)) {
        tables_.push_back({table, file});
      } else if (auto* standard = boost::get<ast::Standard>(&variant)) {
        standards_.push_back({standard, file});
      } else if (auto* def = boost::get<ast::Def>(&variant)) {
        if (!defs_.emplace(def->name, At<ast::Def>{def, file}).second) {
          Error(file, files_[f].SpanOf(*def), kDuplicate,
                absl::StrCat("definition `", def->name, "` is declared twice"));
        }
      } else if (auto* requirement = boost::get<ast::Requirement>(&variant)) {
        requirements_.push_back({requirement, file});
      } else if (auto* eligibility = boost::get<ast::Eligibility>(&variant)) {
        eligibility_.push_back({eligibility, file});
      } else if (auto* levels = boost::get<ast::Levels>(&variant)) {
        levels_.push_back({levels, file});
      } else if (auto* overall = boost::get<ast::Overall>(&variant)) {
        overall_.push_back({overall, file});
      }
    }
  }
}

// ------------------------------------------------------------------ schema

TableId Checker::DeclareTable(const ast::TableType& table, TableId parent, std::string json_key,
                              int file) {
  Schema& schema = pack_->schema;
  if (schema.FindTable(table.name) != kNoTable) {
    Error(file, files_[file].SpanOf(table), kDuplicate,
          absl::StrCat("`", table.name, "` is declared twice"));
    return kNoTable;
  }
  TableId id = static_cast<TableId>(schema.tables.size());
  TableDecl decl;
  decl.name = table.name;
  decl.singleton = table.keyword == "object";
  decl.parent = parent;
  decl.json_key = std::move(json_key);
  decl.ids_global = table.ids_global;
  if (parent != kNoTable) {
    decl.parent_key = table.parent_key ? *table.parent_key : "";
    schema.tables[parent].children.push_back(id);
  }
  schema.tables.push_back(std::move(decl));
  schema.table_by_name[table.name] = id;
  DeclareFields(id, table.fields, "", -1, file);
  return id;
}

void Checker::DeclareFields(TableId table, const std::vector<ast::Field>& fields,
                            const std::string& prefix, FieldId group, int file) {
  Schema& schema = pack_->schema;
  for (const ast::Field& field : fields) {
    Span span = files_[file].SpanOf(field);
    const ast::Type* type = &field.type;
    FieldDecl decl;
    decl.name = prefix + field.name;
    decl.group = group;
    if (auto* list = boost::get<x3::forward_ast<ast::ListType>>(&type->get())) {
      decl.is_list = true;
      type = &list->get().element;
    }
    const auto& variant = type->get();
    if (auto* child = boost::get<x3::forward_ast<ast::TableType>>(&variant)) {
      if (decl.is_list || !prefix.empty()) {
        Error(file, span, kBadSchema, "a nested table must be a direct field of its table");
        continue;
      }
      const ast::TableType& child_table = child->get();
      TableId child_id = DeclareTable(child_table, table, field.name, file);
      if (child_id != kNoTable && schema.tables[child_id].parent_key.empty()) {
        schema.tables[child_id].parent_key = schema.tables[table].name;
      }
      continue;
    }
    if (schema.tables[table].FindField(decl.name) != -1) {
      Error(file, span, kDuplicate, absl::StrCat("field `", decl.name, "` is declared twice"));
      continue;
    }
    if (auto* nested = boost::get<x3::forward_ast<ast::GroupType>>(&variant)) {
      decl.type = FieldType::kGroup;
      decl.absent_is_none = nested->get().optional;
      decl.nullable = nested->get().optional;
      if (decl.is_list) {
        Error(file, span, kBadSchema, "a list of objects must be declared as a `table`");
        continue;
      }
      FieldId id = static_cast<FieldId>(schema.tables[table].fields.size());
      std::string group_prefix = decl.name + ".";
      schema.tables[table].fields.push_back(std::move(decl));
      DeclareFields(table, nested->get().fields, group_prefix, id, file);
      continue;
    }
    // References and bounds resolve once every table is declared (and this field accepted).
    const ast::NumberType* bound = nullptr;
    const ast::RefType* reference = nullptr;
    if (auto* number = boost::get<ast::NumberType>(&variant)) {
      decl.type = FieldType::kNumber;
      if (number->minimum) decl.minimum = Number::Parse(*number->minimum);
      if (number->bound_ref) bound = number;
    } else if (auto* scalar = boost::get<ast::ScalarType>(&variant)) {
      decl.type = scalar->keyword == "bool"     ? FieldType::kBool
                  : scalar->keyword == "key"    ? FieldType::kKey
                  : scalar->keyword == "weight" ? FieldType::kWeight
                                                : FieldType::kString;
    } else if (auto* enumeration = boost::get<ast::EnumType>(&variant)) {
      decl.type = FieldType::kEnum;
      decl.enum_values = enumeration->values;
      decl.enum_open = enumeration->open;
    } else if (auto* ref = boost::get<ast::RefType>(&variant)) {
      decl.type = FieldType::kRef;
      reference = ref;
    } else {
      Error(file, span, kBadSchema, "unsupported field type");
      continue;
    }
    for (const std::string& modifier : field.modifiers) {
      if (modifier == "id") {
        decl.is_id = true;
      } else if (modifier == "required") {
        decl.required = true;
      } else if (modifier == "nullable") {
        decl.nullable = true;
      }
    }
    FieldId id = static_cast<FieldId>(schema.tables[table].fields.size());
    if (decl.is_id) {
      if (schema.tables[table].id_field != -1) {
        Error(file, span, kBadSchema,
              absl::StrCat("table `", schema.tables[table].name, "` has two id fields"));
        continue;
      }
      schema.tables[table].id_field = id;
    }
    schema.tables[table].fields.push_back(std::move(decl));
    if (bound) pending_bounds_.push_back({table, id, bound, file});
    if (reference) pending_refs_.push_back({table, id, reference, file});
  }
}

void Checker::BuildSchema() {
  Schema& schema = pack_->schema;
  for (const auto& [standard, file] : standards_) {
    if (schema.FindTable(standard->name) != kNoTable) {
      Error(file, files_[file].SpanOf(*standard), kDuplicate,
            absl::StrCat("`", standard->name, "` is declared twice"));
      continue;
    }
    TableId id = static_cast<TableId>(schema.tables.size());
    TableDecl decl;
    decl.name = standard->name;
    decl.from_pack = true;
    FieldDecl id_field{.name = "id", .type = FieldType::kString};
    id_field.is_id = true;
    decl.fields.push_back(id_field);
    decl.fields.push_back(FieldDecl{.name = "text", .type = FieldType::kString});
    decl.id_field = 0;
    for (const ast::StandardPoint& point : standard->points) {
      decl.pack_rows.emplace_back(point.id, point.text);
    }
    schema.tables.push_back(std::move(decl));
    schema.table_by_name[standard->name] = id;
    pack_->standards.push_back({standard->name, standard->title, id});
  }
  for (const auto& [table, file] : tables_) DeclareTable(*table, kNoTable, table->name, file);
  for (const auto& [extension, file] : extensions_) {
    TableId table = schema.FindTable(extension->table);
    if (table == kNoTable || schema.tables[table].from_pack) {
      std::vector<std::string> names;
      for (const TableDecl& decl : schema.tables) {
        if (!decl.from_pack) names.push_back(decl.name);
      }
      std::string guess = DidYouMean(extension->table, names);
      Error(file, files_[file].SpanOf(*extension), kUnknownName,
            absl::StrCat("`extend table ", extension->table, "`: no such table"),
            guess.empty() ? "extend a table the pack or an imported pack declares"
                          : absl::StrCat("did you mean `", guess, "`?"));
      continue;
    }
    DeclareFields(table, extension->fields, "", -1, file);
  }
  ResolveReferences();
}

void Checker::ResolveReferences() {
  Schema& schema = pack_->schema;
  std::vector<std::string> table_names;
  for (const TableDecl& table : schema.tables) table_names.push_back(table.name);
  for (const PendingRef& pending : pending_refs_) {
    FieldDecl& field = schema.tables[pending.table].fields[pending.field];
    Span span = files_[pending.file].SpanOf(*pending.ref);
    for (const std::string& target : pending.ref->targets) {
      TableId target_id = schema.FindTable(target);
      if (target_id == kNoTable) {
        std::string guess = DidYouMean(target, table_names);
        Error(pending.file, span, kUnknownName, absl::StrCat("unknown table `", target, "`"),
              guess.empty() ? "" : absl::StrCat("did you mean `", guess, "`?"));
        continue;
      }
      field.ref_targets.push_back(target_id);
      if (pending.ref->inverse) {
        field.inverse = *pending.ref->inverse;
        auto key = std::make_pair(target_id, *pending.ref->inverse);
        if (!schema.inverses.emplace(key, InverseDecl{pending.table, pending.field}).second) {
          Error(pending.file, span, kDuplicate,
                absl::StrCat("inverse `", *pending.ref->inverse, "` is declared twice on `", target,
                             "`"));
        }
      }
    }
  }
  for (const PendingBound& pending : pending_bounds_) {
    TableDecl& table = schema.tables[pending.table];
    Span span = files_[pending.file].SpanOf(*pending.number);
    FieldId ref = table.FindField(*pending.number->bound_ref);
    if (ref == -1 || table.fields[ref].type != FieldType::kRef || table.fields[ref].is_list ||
        table.fields[ref].ref_targets.size() != 1 || !pending.number->bound_field) {
      Error(pending.file, span, kBadSchema,
            "an upper bound must read a number through a single reference of the same row");
      continue;
    }
    const TableDecl& target = schema.tables[table.fields[ref].ref_targets[0]];
    FieldId bound = target.FindField(*pending.number->bound_field);
    if (bound == -1 || target.fields[bound].type != FieldType::kNumber) {
      Error(pending.file, span, kUnknownField,
            absl::StrCat("`", target.name, "` has no number field `", *pending.number->bound_field,
                         "`"));
      continue;
    }
    table.fields[pending.field].maximum_ref = ref;
    table.fields[pending.field].maximum_field = bound;
  }
}

// ------------------------------------------------------------------ expressions

Type FieldValueType(const Schema& schema, TableId table, FieldId field_id) {
  const FieldDecl& field = schema.tables[table].fields[field_id];
  Kind kind = Kind::kText;
  TableId target = kNoTable;
  switch (field.type) {
    case FieldType::kNumber:
    case FieldType::kWeight:
      kind = Kind::kNumber;
      break;
    case FieldType::kBool:
      kind = Kind::kBool;
      break;
    case FieldType::kRef:
      kind = Kind::kEntity;
      if (field.ref_targets.size() == 1) target = field.ref_targets[0];
      break;
    case FieldType::kGroup:
      return Type{Kind::kGroup, table, Kind::kBool, &field};
    default:
      break;
  }
  Type type = field.is_list ? Type::Collection(kind, target) : Type{kind, target};
  type.field = &field;
  return type;
}

NodePtr Checker::Expr(const ast::Operand& operand) {
  const auto& variant = operand.get();
  if (auto* atom = boost::get<ast::Atom>(&variant)) return Atom(*atom);
  if (auto* chain = boost::get<x3::forward_ast<ast::Chain>>(&variant)) return Chain(chain->get());
  if (auto* postfix = boost::get<x3::forward_ast<ast::Postfix>>(&variant)) {
    return Postfix(postfix->get());
  }
  if (auto* list = boost::get<x3::forward_ast<ast::ListLiteral>>(&variant)) {
    const ast::ListLiteral& items = list->get();
    Span span = SpanOf(items);
    auto node = MakeNode(Op::kListLiteral, Type::Collection(Kind::kText), span);
    for (const ast::Operand& item : items) {
      NodePtr value = Expr(item);
      if (!value) return nullptr;
      if (value->op != Op::kLiteral ||
          (value->type.kind != Kind::kText && value->type.kind != Kind::kNumber)) {
        Error(value->span, kTypeMismatch, "list items must be text or number literals");
        return nullptr;
      }
      if (!node->children.empty() && value->type.kind != node->type.element) {
        Error(value->span, kTypeMismatch,
              absl::StrCat("a list holds one kind of item: this ", KindName(value->type.kind),
                           " follows a ", KindName(node->type.element)));
        return nullptr;
      }
      node->type.element = value->type.kind;
      node->children.push_back(std::move(value));
    }
    return node;
  }
  if (auto* call = boost::get<x3::forward_ast<ast::Call>>(&variant)) return Call(call->get());
  if (auto* aggregate = boost::get<x3::forward_ast<ast::Aggregate>>(&variant)) {
    const ast::Aggregate& a = aggregate->get();
    return Binder(a.op, a.variable, a.collection, a.filter, a.body ? &*a.body : nullptr, SpanOf(a),
                  false);
  }
  if (auto* quantifier = boost::get<x3::forward_ast<ast::Quantifier>>(&variant)) {
    const ast::Quantifier& q = quantifier->get();
    return Binder(q.op, q.variable, q.collection, q.filter, &q.body, SpanOf(q), true);
  }
  if (auto* unary = boost::get<x3::forward_ast<ast::Unary>>(&variant)) {
    const ast::Unary& u = unary->get();
    Span span = SpanOf(u);
    NodePtr operand_node = Expr(u.operand);
    if (!operand_node) return nullptr;
    if (u.op == "not") {
      operand_node = ExpectKind(std::move(operand_node), Kind::kBool, "`not`");
      if (!operand_node) return nullptr;
      auto node = MakeNode(Op::kNot, Type::Of(Kind::kBool), span);
      node->children.push_back(std::move(operand_node));
      return node;
    }
    operand_node = ExpectKind(std::move(operand_node), Kind::kNumber, "`-`");
    if (!operand_node) return nullptr;
    if (operand_node->op == Op::kLiteral) {  // fold, so that `-1` stays a literal
      operand_node->literal.number = -operand_node->literal.number;
      operand_node->span = span;
      return operand_node;
    }
    auto node = MakeNode(Op::kNegate, Type::Of(Kind::kNumber), span);
    node->children.push_back(std::move(operand_node));
    return node;
  }
  return nullptr;  // a Nil left by a recovered syntax error, already reported
}

NodePtr Checker::Atom(const ast::Atom& atom) {
  Span span = SpanOf(atom);
  if (atom.kind == "number") {
    auto node = MakeNode(Op::kLiteral, Type::Of(Kind::kNumber), span);
    std::optional<Number> number = Number::Parse(atom.text);
    if (!number) {
      Error(span, kTypeMismatch, absl::StrCat("`", atom.text, "` is not a finite number"));
      return nullptr;
    }
    node->literal.kind = Kind::kNumber;
    node->literal.number = *number;
    return node;
  }
  if (atom.kind == "string") {
    auto node = MakeNode(Op::kLiteral, Type::Of(Kind::kText), span);
    node->literal.kind = Kind::kText;
    node->literal.text = atom.text;
    return node;
  }
  if (atom.kind == "keyword" && atom.text != "none") {
    auto node = MakeNode(Op::kLiteral, Type::Of(Kind::kBool), span);
    node->literal.kind = Kind::kBool;
    node->literal.boolean = atom.text == "true";
    return node;
  }
  if (atom.kind == "keyword") {
    auto node = MakeNode(Op::kLiteral, Type::Of(Kind::kNone), span);
    node->literal.kind = Kind::kNone;
    return node;
  }
  const std::string& name = atom.text;
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
    if (scope->name == name) return scope->make(span);
  }
  if (int param = pack_->FindParam(name); param != -1) {
    auto node = MakeNode(Op::kParam, Type::Of(pack_->params[param].value.kind), span);
    node->index = param;
    used_params_.insert(param);
    return node;
  }
  if (TableId table = pack_->schema.FindTable(name); table != kNoTable) {
    const TableDecl& decl = pack_->schema.tables[table];
    if (decl.singleton) {
      auto node = MakeNode(Op::kSingleton, Type::Entity(table), span);
      node->table = table;
      return node;
    }
    auto node = MakeNode(Op::kTable, Type::Collection(Kind::kEntity, table), span);
    node->table = table;
    return node;
  }
  std::vector<std::string> candidates;
  for (const Scope& scope : scopes_) candidates.push_back(scope.name);
  for (const ParamDef& param : pack_->params) candidates.push_back(param.name);
  for (const TableDecl& table : pack_->schema.tables) candidates.push_back(table.name);
  std::string guess = DidYouMean(name, candidates);
  Error(span, kUnknownName, absl::StrCat("unknown name `", name, "`"),
        guess.empty() ? "names are parameters, tables, objects and bound variables"
                      : absl::StrCat("did you mean `", guess, "`?"));
  return nullptr;
}

NodePtr Checker::Postfix(const ast::Postfix& postfix) {
  NodePtr node = Expr(postfix.base);
  Span span = SpanOf(postfix);
  for (const std::string& member : postfix.members) {
    if (!node) return nullptr;
    node = Member(std::move(node), member, span);
  }
  return node;
}

NodePtr Checker::Member(NodePtr base, const std::string& member, Span span) {
  const Schema& schema = pack_->schema;
  if (base->type.kind != Kind::kEntity && base->type.kind != Kind::kGroup) {
    Error(
        span, kTypeMismatch,
        absl::StrCat("`.", member, "` needs a row, found a ", KindName(base->type.kind)),
        base->type.kind == Kind::kCollection ? "quantify over the collection: `every x in …`" : "");
    return nullptr;
  }
  TableId table = base->type.table;
  if (table == kNoTable) {
    Error(
        span, kTypeMismatch,
        absl::StrCat("`.", member, "`: the row may come from several tables; compare it instead"));
    return nullptr;
  }
  const TableDecl& decl = schema.tables[table];
  std::string name = member;
  NodePtr entity = std::move(base);
  bool in_group = entity->type.kind == Kind::kGroup;
  if (in_group) {
    name = absl::StrCat(entity->type.field->name, ".", member);
    entity = std::move(entity->children[0]);  // read the member straight off the row
  }
  if (FieldId field = decl.FindField(name); field != -1) {
    auto node = MakeNode(Op::kField, FieldValueType(schema, table, field), span);
    node->table = table;
    node->field = field;
    node->children.push_back(std::move(entity));
    return node;
  }
  if (!in_group) {  // a nested object holds only fields
    for (TableId child : decl.children) {
      if (schema.tables[child].json_key == name) {
        auto node = MakeNode(Op::kChildRows, Type::Collection(Kind::kEntity, child), span);
        node->table = child;
        node->children.push_back(std::move(entity));
        return node;
      }
    }
    if (auto it = schema.inverses.find(std::make_pair(table, name)); it != schema.inverses.end()) {
      auto node = MakeNode(Op::kInverse, Type::Collection(Kind::kEntity, it->second.source), span);
      node->table = it->second.source;
      node->field = it->second.field;
      node->children.push_back(std::move(entity));
      return node;
    }
    if (decl.parent != kNoTable && decl.parent_key == name) {
      auto node = MakeNode(Op::kParent, Type::Entity(decl.parent), span);
      node->table = decl.parent;
      node->children.push_back(std::move(entity));
      return node;
    }
  }
  std::vector<std::string> candidates;
  std::string prefix = name.substr(0, name.size() - member.size());
  for (const FieldDecl& field : decl.fields) {
    if (field.name.starts_with(prefix)) candidates.push_back(field.name.substr(prefix.size()));
  }
  for (TableId child : decl.children) candidates.push_back(schema.tables[child].json_key);
  for (const auto& [key, inverse] : schema.inverses) {
    if (key.first == table) candidates.push_back(key.second);
  }
  if (decl.parent != kNoTable) candidates.push_back(decl.parent_key);
  std::string guess = DidYouMean(member, candidates);
  Error(span, kUnknownField, absl::StrCat("`", decl.name, "` has no field `", name, "`"),
        guess.empty() ? absl::StrCat("its fields: ", absl::StrJoin(candidates, ", "))
                      : absl::StrCat("did you mean `", guess, "`?"));
  return nullptr;
}

NodePtr Checker::ExpectKind(NodePtr node, Kind kind, const char* what) {
  if (!node) return nullptr;
  if (node->type.kind != kind) {
    Error(node->span, kTypeMismatch,
          absl::StrCat(what, " needs a ", KindName(kind), ", found a ", KindName(node->type.kind)));
    return nullptr;
  }
  return node;
}

NodePtr Checker::Bool(const ast::Operand& operand, const char* what) {
  return ExpectKind(Expr(operand), Kind::kBool, what);
}

void Checker::CheckEnumLiteral(const Node& value, const Node& literal) {
  const FieldDecl* field = value.type.field;
  if (!field || field->type != FieldType::kEnum || field->enum_open) return;
  if (literal.op != Op::kLiteral || literal.literal.kind != Kind::kText) return;
  const auto& values = field->enum_values;
  if (std::find(values.begin(), values.end(), literal.literal.text) != values.end()) return;
  std::string guess = DidYouMean(literal.literal.text, values);
  Error(literal.span, kNotInEnum,
        absl::StrCat("\"", literal.literal.text, "\" is not a value of `", field->name, "`"),
        guess.empty() ? absl::StrCat("its values: ", absl::StrJoin(values, ", "))
                      : absl::StrCat("did you mean \"", guess, "\"?"));
}

NodePtr Checker::Compare(const std::string& op, NodePtr lhs, NodePtr rhs, Span span) {
  if (!lhs || !rhs) return nullptr;
  if (op == "in" || op == "not in") {
    if (rhs->type.kind != Kind::kCollection) {
      Error(rhs->span, kTypeMismatch,
            absl::StrCat("`", op, "` needs a collection on its right, found a ",
                         KindName(rhs->type.kind)));
      return nullptr;
    }
    if (rhs->type.element != lhs->type.kind) {
      Error(span, kTypeMismatch,
            absl::StrCat("`", op, "` compares a ", KindName(lhs->type.kind),
                         " with a collection of ", KindName(rhs->type.element)));
      return nullptr;
    }
    if (rhs->op == Op::kListLiteral) {
      for (const NodePtr& item : rhs->children) CheckEnumLiteral(*lhs, *item);
    }
    if (lhs->op == Op::kListLiteral || lhs->op == Op::kLiteral) CheckEnumLiteral(*rhs, *lhs);
    auto node = MakeNode(Op::kIn, Type::Of(Kind::kBool), span);
    node->children.push_back(std::move(lhs));
    node->children.push_back(std::move(rhs));
    if (op == "in") return node;
    auto negation = MakeNode(Op::kNot, Type::Of(Kind::kBool), span);
    negation->children.push_back(std::move(node));
    return negation;
  }
  Kind l = lhs->type.kind, r = rhs->type.kind;
  bool equality = op == "==" || op == "!=";
  bool ok = (l == Kind::kNumber && r == Kind::kNumber) ||
            (equality && (l == r || l == Kind::kNone || r == Kind::kNone) &&
             l != Kind::kCollection && r != Kind::kCollection);
  if (!ok) {
    Error(span, kTypeMismatch,
          absl::StrCat("`", op, "` cannot compare a ", KindName(l), " with a ", KindName(r)));
    return nullptr;
  }
  CheckEnumLiteral(*lhs, *rhs);
  CheckEnumLiteral(*rhs, *lhs);
  auto node = MakeNode(Op::kCompare, Type::Of(Kind::kBool), span);
  node->text = op;
  node->children.push_back(std::move(lhs));
  node->children.push_back(std::move(rhs));
  return node;
}

NodePtr Checker::Combine(Op op, std::string text, NodePtr lhs, NodePtr rhs, Span span) {
  if (!lhs || !rhs) return nullptr;
  if (op == Op::kAnd || op == Op::kOr) {
    const char* what = op == Op::kAnd ? "`and`" : "`or`";
    lhs = ExpectKind(std::move(lhs), Kind::kBool, what);
    rhs = ExpectKind(std::move(rhs), Kind::kBool, what);
    if (!lhs || !rhs) return nullptr;
    // n-ary: `a and b and c` is one node, so witnesses of its `every` parts concatenate.
    if (lhs->op == op) {
      lhs->children.push_back(std::move(rhs));
      lhs->span.end = span.end;
      return lhs;
    }
    auto node = MakeNode(op, Type::Of(Kind::kBool), span);
    node->children.push_back(std::move(lhs));
    node->children.push_back(std::move(rhs));
    return node;
  }
  lhs = ExpectKind(std::move(lhs), Kind::kNumber, absl::StrCat("`", text, "`").c_str());
  rhs = ExpectKind(std::move(rhs), Kind::kNumber, absl::StrCat("`", text, "`").c_str());
  if (!lhs || !rhs) return nullptr;
  auto node = MakeNode(Op::kArithmetic, Type::Of(Kind::kNumber), span);
  node->text = std::move(text);
  node->children.push_back(std::move(lhs));
  node->children.push_back(std::move(rhs));
  return node;
}

NodePtr Checker::Chain(const ast::Chain& chain) {
  NodePtr result = Expr(chain.first);
  Span span = SpanOf(chain);
  for (const ast::Operation& operation : chain.rest) {
    NodePtr rhs = Expr(operation.operand);
    if (!result || !rhs) return nullptr;
    Span whole{result->span.begin, std::max(rhs->span.end, span.end)};
    const std::string& op = operation.op;
    if (op == "and") {
      result = Combine(Op::kAnd, op, std::move(result), std::move(rhs), whole);
    } else if (op == "or") {
      result = Combine(Op::kOr, op, std::move(result), std::move(rhs), whole);
    } else if (op == "+" || op == "-" || op == "*" || op == "/") {
      result = Combine(Op::kArithmetic, op, std::move(result), std::move(rhs), whole);
    } else {
      result = Compare(op, std::move(result), std::move(rhs), whole);
    }
  }
  return result;
}

NodePtr Checker::Binder(const std::string& op, const std::string& variable,
                        const ast::Operand& collection_ast,
                        const boost::optional<ast::Operand>& filter_ast,
                        const ast::Operand* body_ast, Span span, bool is_quantifier) {
  NodePtr collection = Expr(collection_ast);
  if (!collection) return nullptr;
  if (collection->type.kind != Kind::kCollection) {
    Error(collection->span, kTypeMismatch,
          absl::StrCat("`", op, "` ranges over a collection, found a ",
                       KindName(collection->type.kind)));
    return nullptr;
  }
  int slot = pack_->slot_count++;
  Type element{collection->type.element, collection->type.table};
  if (collection->type.field) element.field = collection->type.field;
  bool shadows_variable = std::any_of(scopes_.begin(), scopes_.end(),
                                      [&](const Scope& scope) { return scope.name == variable; });
  if (shadows_variable || pack_->FindParam(variable) != -1 ||
      pack_->schema.FindTable(variable) != kNoTable) {
    Warn(span, kShadowedName,
         absl::StrCat("`", variable, "` hides the ",
                      shadows_variable                   ? "variable"
                      : pack_->FindParam(variable) != -1 ? "parameter"
                                                         : "table",
                      " of the same name inside this expression"),
         "choose another name for the variable");
  }
  scopes_.push_back({variable, [this, slot, element](Span at) {
                       auto node = MakeNode(Op::kVariable, element, at);
                       node->slot = slot;
                       return node;
                     }});
  NodePtr filter = filter_ast ? Bool(*filter_ast, "`where`") : nullptr;
  bool filter_failed = filter_ast && !filter;
  NodePtr body;
  bool body_failed = false;
  if (is_quantifier) {
    body = Bool(*body_ast, "the body of a quantifier");
    body_failed = !body;
  } else if (op == "count") {
    if (body_ast) {
      Error(span, kTypeMismatch, "`count` takes no `: body`; filter with `where`");
      body_failed = true;
    }
  } else if (!body_ast) {
    Error(span, kTypeMismatch, absl::StrCat("`", op, "` needs a body after `:`"));
    body_failed = true;
  } else if (op == "ratio") {
    body = Bool(*body_ast, "the body of `ratio`");
    body_failed = !body;
  } else {
    body =
        ExpectKind(Expr(*body_ast), Kind::kNumber, absl::StrCat("the body of `", op, "`").c_str());
    body_failed = !body;
  }
  scopes_.pop_back();
  if (filter_failed || body_failed) return nullptr;
  Kind result = is_quantifier ? Kind::kBool : Kind::kNumber;
  auto node = MakeNode(is_quantifier ? Op::kQuantifier : Op::kAggregate, Type::Of(result), span);
  node->text = op;
  node->slot = slot;
  node->children.push_back(std::move(collection));
  node->children.push_back(std::move(filter));
  node->children.push_back(std::move(body));
  return node;
}

NodePtr Checker::Call(const ast::Call& call) {
  Span span = SpanOf(call);
  const std::string& name = call.function;
  auto arguments_are = [&](size_t count) {
    if (call.arguments.size() == count) return true;
    Error(span, kArgumentCount,
          absl::StrCat("`", name, "` takes ", count, " argument", count == 1 ? "" : "s", ", ",
                       call.arguments.size(), " given"));
    return false;
  };
  static const std::vector<std::string> kIdFunctions = {"judgement", "distinction", "provided",
                                                        "met"};
  if (std::find(kIdFunctions.begin(), kIdFunctions.end(), name) != kIdFunctions.end()) {
    if (!arguments_are(1)) return nullptr;
    NodePtr id = Expr(call.arguments[0]);
    if (!id) return nullptr;
    if (id->op != Op::kLiteral || id->literal.kind != Kind::kText) {
      Error(id->span, kTypeMismatch,
            absl::StrCat("`", name, "` takes an id in quotes, such as \"5.2\""));
      return nullptr;
    }
    Op op = name == "judgement"     ? Op::kJudgement
            : name == "distinction" ? Op::kDistinction
            : name == "provided"    ? Op::kProvided
                                    : Op::kMet;
    auto node = MakeNode(op, Type::Of(Kind::kBool), span);
    node->text = id->literal.text;
    pending_ids_.push_back({node->text, op, file_, id->span});
    return node;
  }
  if (name == "attainment") {
    if (!arguments_are(1)) return nullptr;
    NodePtr argument = Expr(call.arguments[0]);
    if (!argument) return nullptr;
    TableId points = pack_->schema.FindTable("points");
    TableId items = pack_->schema.FindTable("school_standard");
    if (argument->type.kind != Kind::kEntity || argument->type.table == kNoTable ||
        (argument->type.table != points && argument->type.table != items)) {
      Error(argument->span, kTypeMismatch,
            "`attainment` takes a standard point (a row of `points`) or a school-standard item "
            "(a row of `school_standard`)",
            "write `every p in points: attainment(p) >= 0.7`");
      return nullptr;
    }
    auto node = MakeNode(Op::kAttainment, Type::Of(Kind::kNumber), span);
    node->children.push_back(std::move(argument));
    return node;
  }
  if (name == "count" || name == "empty" || name == "nonempty") {
    if (!arguments_are(1)) return nullptr;
    NodePtr argument = Expr(call.arguments[0]);
    if (!argument) return nullptr;
    Kind kind = argument->type.kind;
    if (kind != Kind::kCollection && (name == "count" || kind != Kind::kText)) {
      Error(argument->span, kTypeMismatch,
            absl::StrCat("`", name, "` needs a collection", name == "count" ? "" : " or a text",
                         ", found a ", KindName(kind)));
      return nullptr;
    }
    auto node = MakeNode(name == "count" ? Op::kCount : Op::kEmpty,
                         Type::Of(name == "count" ? Kind::kNumber : Kind::kBool), span);
    node->text = name;
    node->children.push_back(std::move(argument));
    return node;
  }
  auto def = defs_.find(name);
  if (def == defs_.end()) {
    std::vector<std::string> candidates = {"count",       "empty",    "nonempty", "judgement",
                                           "distinction", "provided", "met",      "attainment"};
    for (const auto& [def_name, unused] : defs_) candidates.push_back(def_name);
    std::string guess = DidYouMean(name, candidates);
    Error(span, kUnknownName, absl::StrCat("unknown function `", name, "`"),
          guess.empty() ? "" : absl::StrCat("did you mean `", guess, "`?"));
    return nullptr;
  }
  const ast::Def& definition = *def->second.node;
  if (std::find(expanding_defs_.begin(), expanding_defs_.end(), name) != expanding_defs_.end()) {
    Error(span, kRecursiveDefinition,
          absl::StrCat("`", name, "` calls itself (", absl::StrJoin(expanding_defs_, " → "), " → ",
                       name, "); definitions cannot recurse"));
    return nullptr;
  }
  if (!arguments_are(definition.params.size())) return nullptr;
  if (!WithinExpansionLimit(span)) return nullptr;
  std::vector<NodePtr> arguments;
  for (size_t i = 0; i < call.arguments.size(); ++i) {
    NodePtr argument = Expr(call.arguments[i]);
    if (!argument) return nullptr;
    const ast::DefParam& param = definition.params[i];
    TableId table = pack_->schema.FindTable(param.type);
    bool scalar = param.type == "number" || param.type == "bool" || param.type == "string";
    if (table == kNoTable && !scalar) return nullptr;  // reported once, with the definition
    bool ok = table != kNoTable
                  ? argument->type.kind == Kind::kEntity && argument->type.table == table
                  : std::string(KindName(argument->type.kind)) ==
                        (param.type == "string" ? "text" : param.type);
    if (!ok) {
      TableId found = argument->type.table;
      Error(argument->span, kTypeMismatch,
            absl::StrCat("argument `", param.name, "` of `", name, "` must be a row of `",
                         param.type, "`, found a ", KindName(argument->type.kind),
                         found != kNoTable && argument->type.kind == Kind::kEntity
                             ? absl::StrCat(" of `", pack_->schema.tables[found].name, "`")
                             : ""));
      return nullptr;
    }
    arguments.push_back(std::move(argument));
  }
  // Inline: check the body in the definition's file with its parameters bound to the
  // arguments (copied at each use; expressions have no side effects).
  std::vector<Scope> saved_scopes = std::move(scopes_);
  scopes_.clear();
  for (size_t i = 0; i < arguments.size(); ++i) {
    const Node* argument = arguments[i].get();
    scopes_.push_back({definition.params[i].name, [this, argument](Span use) -> NodePtr {
                         expanded_nodes_ += CountNodes(*argument);
                         return WithinExpansionLimit(use) ? Clone(*argument) : nullptr;
                       }});
  }
  int saved_file = file_;
  file_ = def->second.file;
  expanding_defs_.push_back(name);
  NodePtr body = Expr(definition.body);
  expanding_defs_.pop_back();
  file_ = saved_file;
  scopes_ = std::move(saved_scopes);
  return body;
}

// ------------------------------------------------------------------ declarations

// Every definition is checked on its own too, with its parameters as variables of their
// declared types, so that an unused one cannot hide an error.
void Checker::CheckDefinitions() {
  std::vector<std::pair<std::string, At<ast::Def>>> defs(defs_.begin(), defs_.end());
  std::sort(defs.begin(), defs.end(), [&](const auto& a, const auto& b) {
    return std::make_pair(a.second.file, files_[a.second.file].SpanOf(*a.second.node).begin) <
           std::make_pair(b.second.file, files_[b.second.file].SpanOf(*b.second.node).begin);
  });
  for (const auto& [name, def] : defs) {
    file_ = def.file;
    scopes_.clear();
    bool params_ok = true;
    for (const ast::DefParam& param : def.node->params) {
      Type type;
      if (TableId table = pack_->schema.FindTable(param.type); table != kNoTable) {
        type = Type::Entity(table);
      } else if (param.type == "number" || param.type == "bool" || param.type == "string") {
        type = Type::Of(param.type == "number" ? Kind::kNumber
                        : param.type == "bool" ? Kind::kBool
                                               : Kind::kText);
      } else {
        Error(SpanOf(param), kUnknownName,
              absl::StrCat("unknown type `", param.type, "` for parameter `", param.name, "`"),
              "a parameter's type is a table name, number, bool or string");
        params_ok = false;
        continue;
      }
      int slot = pack_->slot_count++;
      scopes_.push_back({param.name, [this, slot, type](Span at) {
                           auto node = MakeNode(Op::kVariable, type, at);
                           node->slot = slot;
                           return node;
                         }});
    }
    if (!params_ok) continue;
    expanding_defs_ = {name};
    Expr(def.node->body);
    expanding_defs_.clear();
  }
  scopes_.clear();
}

void Checker::CheckParams() {
  absl::flat_hash_set<std::string> seen;
  // Declarations first, then `override param`s, which give an existing one a new default.
  for (bool overrides : {false, true}) {
    for (const auto& [param, file] : params_) {
      if (param->override != overrides) continue;
      file_ = file;
      NodePtr value = Expr(param->value);
      if (!value) continue;
      if (value->op != Op::kLiteral) {
        Error(value->span, kTypeMismatch, "a parameter's default must be a literal");
        continue;
      }
      if (overrides) {
        int index = pack_->FindParam(param->name);
        if (index < 0) {
          std::vector<std::string> names;
          for (const ParamDef& existing : pack_->params) names.push_back(existing.name);
          std::string guess = DidYouMean(param->name, names);
          Error(SpanOf(*param), kUnknownName,
                absl::StrCat("`override param ", param->name, "`: no such parameter"),
                guess.empty() ? "" : absl::StrCat("did you mean `", guess, "`?"));
        } else if (pack_->params[index].value.kind != value->literal.kind) {
          Error(value->span, kTypeMismatch,
                absl::StrCat("parameter `", param->name, "` is a ",
                             KindName(pack_->params[index].value.kind), ", not a ",
                             KindName(value->literal.kind)));
        } else {
          pack_->params[index].value = value->literal;
          if (param->description) pack_->params[index].description = *param->description;
        }
        continue;
      }
      if (!seen.insert(param->name).second) {
        Error(SpanOf(*param), kDuplicate,
              absl::StrCat("parameter `", param->name, "` is declared twice"),
              "to change an imported parameter, write `override param`");
        continue;
      }
      pack_->params.push_back({param->name, value->literal, param->description.value_or("")});
      param_spans_.push_back({file, SpanOf(*param)});
    }
  }
}

void Checker::CheckRequirements() {
  for (const auto& [requirement, file] : requirements_) {
    file_ = file;
    if (!requirement_ids_.insert(requirement->id).second) {
      Error(SpanOf(*requirement), kDuplicate,
            absl::StrCat("requirement ", requirement->id, " is declared twice"));
      continue;
    }
    RequirementDef def;
    def.id = requirement->id;
    def.title = requirement->title;
    def.text = requirement->text.value_or("");
    for (const ast::RequirementItem& item : requirement->items) {
      if (auto* criterion = boost::get<ast::Criterion>(&item.get())) {
        Span span = SpanOf(*criterion);
        if (!criterion->id.starts_with(requirement->id + ".")) {
          Error(span, kUnknownId,
                absl::StrCat("criterion ", criterion->id, " is inside requirement ",
                             requirement->id, "; its id must start with `", requirement->id, ".`"));
        }
        if (!criterion_ids_.insert(criterion->id).second) {
          Error(span, kDuplicate, absl::StrCat("criterion ", criterion->id, " is declared twice"));
          continue;
        }
        CriterionDef c;
        c.id = criterion->id;
        c.file = file_;
        c.span = span;
        c.text = criterion->text;
        c.kind = criterion->kind == "judged"     ? CriterionKind::kJudged
                 : criterion->kind == "computed" ? CriterionKind::kComputed
                                                 : CriterionKind::kComputedJudged;
        if (c.kind == CriterionKind::kJudged && criterion->expression) {
          Error(span, kTypeMismatch,
                absl::StrCat("criterion ", c.id, " is judged; it takes no expression"),
                "make it `computed+judged` to combine data with the expert's judgement");
        } else if (c.kind != CriterionKind::kJudged && !criterion->expression) {
          Error(span, kTypeMismatch, absl::StrCat("criterion ", c.id, " needs `= expression`"));
        } else if (criterion->expression) {
          c.expression = Bool(*criterion->expression, "a criterion");
          // A bare `true` or `false` is a deliberate placeholder; anything else that
          // reads no data is almost always a forgotten count or field.
          if (c.expression && c.expression->op != Op::kLiteral && !ReadsDossier(*c.expression)) {
            Warn(c.expression->span, kConstantCriterion,
                 absl::StrCat("criterion ", c.id,
                              " never reads the dossier: its verdict is the same for every "
                              "program"),
                 "compare the program's data with the parameter, such as "
                 "`count(c in courses where c.core) >= min_core_courses`");
          }
          if (c.expression) {
            int nesting = TableNesting(*c.expression);
            if (nesting > options_.max_nesting) {
              Warn(span, kCostlyNesting,
                   absl::StrCat("criterion ", c.id, " nests ", nesting,
                                " iterations over tables: its cost grows as rows^", nesting),
                   absl::StrCat("the limit is ", options_.max_nesting,
                                "; navigate (t.lectures) instead of searching a whole table"));
            }
          }
        }
        def.criteria.push_back(std::move(c));
      } else if (auto* material = boost::get<ast::Material>(&item.get())) {
        if (!material_ids_.insert(material->id).second) {
          Error(SpanOf(*material), kDuplicate,
                absl::StrCat("material ", material->id, " is declared twice"));
          continue;
        }
        def.materials.push_back({material->id, material->text});
      }
    }
    if (requirement->pass && *requirement->pass != "all") {
      if (!absl::SimpleAtoi(*requirement->pass, &def.at_least) || def.at_least < 1 ||
          def.at_least > static_cast<int>(def.criteria.size())) {
        Error(SpanOf(*requirement), kBadPassPolicy,
              absl::StrCat("`pass at least ", *requirement->pass, "` but requirement ", def.id,
                           " has ", def.criteria.size(),
                           def.criteria.size() == 1 ? " criterion" : " criteria"),
              "the number is between 1 and the number of criteria");
      }
    }
    pack_->requirements.push_back(std::move(def));
  }
  std::sort(pack_->requirements.begin(), pack_->requirements.end(),
            [](const RequirementDef& a, const RequirementDef& b) {
              return a.id.size() != b.id.size() ? a.id.size() < b.id.size() : a.id < b.id;
            });
}

void Checker::CheckEligibilityAndOutcomes() {
  for (const auto& [eligibility, file] : eligibility_) {
    file_ = file;
    NodePtr condition = Bool(eligibility->condition, "an eligibility rule");
    pack_->eligibility.push_back({eligibility->name, eligibility->message, std::move(condition)});
  }
  for (const auto& [levels, file] : levels_) {
    for (const ast::Level& level : levels->levels) {
      pack_->levels.push_back({level.name, level.label});
    }
  }
  // An `override overall` replaces the imported decision list; two plain ones clash.
  std::vector<At<ast::Overall>> chosen;
  for (const At<ast::Overall>& overall : overall_) {
    if (overall.node->override) chosen = {overall};
  }
  if (chosen.empty()) chosen = overall_;
  if (chosen.size() > 1) {
    Error(chosen[1].file, files_[chosen[1].file].SpanOf(*chosen[1].node), kDuplicate,
          "`overall` is declared twice", "to replace an imported one, write `override overall`");
  }
  for (const auto& [overall, file] : chosen) {
    file_ = file;
    pack_->overall_title = overall->title;
    for (size_t i = 0; i < overall->cases.size(); ++i) {
      const ast::OverallCase& outcome = overall->cases[i];
      bool otherwise = outcome.when.get().which() == 0;  // Nil
      if (otherwise && i + 1 != overall->cases.size()) {
        Error(SpanOf(outcome), kTypeMismatch,
              absl::StrCat("outcome `", outcome.name, "` is `otherwise`, so it must come last"));
      }
      NodePtr when = otherwise ? nullptr : Bool(outcome.when, "an outcome condition");
      pack_->overall.push_back({outcome.name, outcome.label, std::move(when)});
    }
    break;
  }
}

std::unique_ptr<CheckedPack> Checker::Run() {
  size_t first_diagnostic = diagnostics_.size();
  pack_ = std::make_unique<CheckedPack>();
  for (const ParsedFile& file : files_) pack_->sources.push_back(file.source);
  Collect();
  if (headers_.empty()) {
    diagnostics_.push_back(
        Diagnostic{.code = std::string(kMissingDeclaration),
                   .file = files_.empty() ? "" : files_[0].source->name(),
                   .line = 1,
                   .column = 1,
                   .message = "the pack has no `pack NAME version \"…\"` header"});
  } else {
    pack_->name = headers_[0].node->name;
    pack_->version = headers_[0].node->version;
    pack_->title = headers_[0].node->title.value_or("");
    if (headers_.size() > 1) {
      Error(headers_[1].file, files_[headers_[1].file].SpanOf(*headers_[1].node), kDuplicate,
            "the pack header is declared twice");
    }
  }
  BuildSchema();
  CheckParams();
  CheckRequirements();
  CheckEligibilityAndOutcomes();
  CheckDefinitions();
  for (const PendingId& pending : pending_ids_) {
    bool known = pending.op == Op::kProvided      ? material_ids_.contains(pending.id)
                 : pending.op == Op::kDistinction ? requirement_ids_.contains(pending.id)
                 : pending.op == Op::kJudgement
                     ? criterion_ids_.contains(pending.id)
                     : criterion_ids_.contains(pending.id) || requirement_ids_.contains(pending.id);
    if (!known) {
      const char* what = pending.op == Op::kProvided      ? "material"
                         : pending.op == Op::kDistinction ? "requirement"
                         : pending.op == Op::kJudgement   ? "criterion"
                                                          : "criterion or requirement";
      Error(pending.file, pending.span, kUnknownId,
            absl::StrCat("no ", what, " has the id \"", pending.id, "\""),
            pending.op == Op::kJudgement ? "experts judge criteria, such as \"3.2\"" : "");
    }
  }
  // The built-in functions read these tables; a pack that uses them must declare them. The
  // problem is located where they are first needed: a call, or a judged criterion.
  auto require_table = [&](Op op, const char* function, const char* table,
                           std::vector<const char*> fields) {
    std::optional<std::pair<int, Span>> use;
    for (const PendingId& p : pending_ids_) {
      if (p.op == op && !use) use = std::make_pair(p.file, p.span);
    }
    for (const RequirementDef& r : pack_->requirements) {
      for (const CriterionDef& c : r.criteria) {
        if (op == Op::kJudgement && c.kind != CriterionKind::kComputed && !use) {
          use = std::make_pair(c.file, c.span);
        }
      }
    }
    if (!use) return;
    TableId id = pack_->schema.FindTable(table);
    for (const char* field : fields) {
      if (id == kNoTable || pack_->schema.tables[id].FindField(field) == -1) {
        Error(use->first, use->second, kMissingDeclaration,
              absl::StrCat(
                  function, " reads the table `", table, "`, which ",
                  id == kNoTable ? "is not declared" : absl::StrCat("has no field `", field, "`")),
              absl::StrCat("declare `table ", table, " { … ", field, ": … }` in the schema"));
        return;
      }
    }
  };
  require_table(Op::kJudgement, "an expert's judgement", "judgements", {"criterion", "verdict"});
  require_table(Op::kDistinction, "`distinction()`", "judgements", {"requirement", "distinction"});
  require_table(Op::kProvided, "`provided()`", "materials", {"requirement", "item"});
  for (size_t i = 0; i < pack_->params.size(); ++i) {
    file_ = param_spans_[i].first;
    // The attainment method's parameters are read by the engine, not by rules.
    const ParamDef& param = pack_->params[i];
    auto engine = std::find_if(AttainmentParams().begin(), AttainmentParams().end(),
                               [&](const AttainmentParam& p) { return param.name == p.name; });
    if (engine != AttainmentParams().end()) {
      if (!engine->Accepts(param.value)) {
        Error(param_spans_[i].second, kTypeMismatch,
              absl::StrCat("parameter `", param.name, "` chooses the attainment method; ",
                           param.value.ToJson(), " is not one of its values"),
              absl::StrCat("it takes ", engine->Expected()));
      }
      continue;
    }
    if (used_params_.contains(static_cast<int>(i))) continue;
    Warn(param_spans_[i].second, kUnusedParameter,
         absl::StrCat("parameter `", pack_->params[i].name, "` is never used"),
         "use it in a rule, or remove it");
  }
  // A definition is checked at each call and on its own: report each problem once.
  std::vector<Diagnostic> unique;
  for (size_t i = first_diagnostic; i < diagnostics_.size(); ++i) {
    const Diagnostic& d = diagnostics_[i];
    bool seen = std::any_of(unique.begin(), unique.end(), [&](const Diagnostic& u) {
      return u.code == d.code && u.file == d.file && u.line == d.line && u.column == d.column &&
             u.message == d.message;
    });
    if (!seen) unique.push_back(d);
  }
  diagnostics_.resize(first_diagnostic);
  diagnostics_.insert(diagnostics_.end(), unique.begin(), unique.end());
  if (HasErrors(diagnostics_)) return nullptr;
  return std::move(pack_);
}

}  // namespace

std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  int best_distance = std::max<int>(1, static_cast<int>(name.size()) / 3) + 1;
  for (const std::string& candidate : candidates) {
    int distance = EditDistance(name, candidate);
    if (distance < best_distance && candidate != name) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::unique_ptr<CheckedPack> Check(const std::vector<ParsedFile>& files, Diagnostics& diagnostics,
                                   const CheckOptions& options) {
  Checker checker(files, diagnostics, options);
  return checker.Run();
}

}  // namespace zhuoyue
