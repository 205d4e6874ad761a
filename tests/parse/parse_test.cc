// Stage 1: source text → AST. Shapes of every declaration kind, expression precedence,
// syntax errors with their exact locations, recovery, and the built-in pack.
#include "parse/parse.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "small_stack.h"

namespace zhuoyue {
namespace {

namespace x3 = boost::spirit::x3;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// ------------------------------------------------------------------ helpers

struct Parsed {
  ParsedFile file;
  Diagnostics diagnostics;
};

Parsed ParseText(std::string text, std::string name = "test.zy") {
  Parsed parsed;
  parsed.file =
      Parse(std::make_shared<SourceFile>(std::move(name), std::move(text)), parsed.diagnostics);
  return parsed;
}

std::string Describe(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.Format() + "\n";
  return text;
}

template <typename T>
const T* Get(const ast::Declaration& declaration) {
  return boost::get<T>(&declaration.get());
}

template <typename T>
const T* Get(const ast::Operand& operand) {
  return boost::get<x3::forward_ast<T>>(&operand.get()) == nullptr
             ? nullptr
             : &boost::get<x3::forward_ast<T>>(&operand.get())->get();
}

template <typename T>
const T* GetType(const ast::Type& type) {
  if constexpr (std::is_same_v<T, ast::NumberType> || std::is_same_v<T, ast::ScalarType> ||
                std::is_same_v<T, ast::EnumType> || std::is_same_v<T, ast::RefType>) {
    return boost::get<T>(&type.get());
  } else {
    auto* forward = boost::get<x3::forward_ast<T>>(&type.get());
    return forward ? &forward->get() : nullptr;
  }
}

// The keyword of a scalar type ("string", "key", …), or "<not scalar>".
std::string ScalarKeyword(const ast::Type& type) {
  const auto* scalar = GetType<ast::ScalarType>(type);
  return scalar ? scalar->keyword : "<not scalar>";
}

// The element type of a list type, or Nil.
const ast::Type& ListElement(const ast::Type& type) {
  static const ast::Type kNil;
  const auto* list = GetType<ast::ListType>(type);
  return list ? list->element : kNil;
}

std::string Join(const std::vector<ast::Operand>& items);

// A compact rendering of an expression that shows its structure: every chain with more than
// one operand is parenthesised, quantifiers are `(every x in S where F: P)`, aggregates
// `count{x in S where F: e}` and calls `f(a, b)`.
std::string Show(const ast::Operand& operand) {
  const auto& variant = operand.get();
  if (auto* atom = boost::get<ast::Atom>(&variant)) {
    return atom->kind == "string" ? "\"" + atom->text + "\"" : atom->text;
  }
  if (auto* list = Get<ast::ListLiteral>(operand)) return "[" + Join(*list) + "]";
  if (auto* call = Get<ast::Call>(operand))
    return call->function + "(" + Join(call->arguments) + ")";
  if (auto* a = Get<ast::Aggregate>(operand)) {
    std::string text = a->op + "{" + a->variable + " in " + Show(a->collection);
    if (a->filter) text += " where " + Show(*a->filter);
    if (a->body) text += ": " + Show(*a->body);
    return text + "}";
  }
  if (auto* q = Get<ast::Quantifier>(operand)) {
    std::string text = "(" + q->op + " " + q->variable + " in " + Show(q->collection);
    if (q->filter) text += " where " + Show(*q->filter);
    return text + ": " + Show(q->body) + ")";
  }
  if (auto* unary = Get<ast::Unary>(operand)) {
    return "(" + unary->op + (unary->op == "not" ? " " : "") + Show(unary->operand) + ")";
  }
  if (auto* postfix = Get<ast::Postfix>(operand)) {
    std::string text = Show(postfix->base);
    for (const std::string& member : postfix->members) text += "." + member;
    return text;
  }
  if (auto* chain = Get<ast::Chain>(operand)) {
    if (chain->rest.empty()) return Show(chain->first);
    std::string text = "(" + Show(chain->first);
    for (const ast::Operation& operation : chain->rest) {
      text += " " + operation.op + " " + Show(operation.operand);
    }
    return text + ")";
  }
  return "<nil>";
}

std::string Join(const std::vector<ast::Operand>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + Show(items[i]);
  return text;
}

// The operand without the single-operand chains and member-less postfixes around it.
const ast::Operand& Core(const ast::Operand& operand) {
  if (auto* chain = Get<ast::Chain>(operand); chain && chain->rest.empty()) {
    return Core(chain->first);
  }
  if (auto* postfix = Get<ast::Postfix>(operand); postfix && postfix->members.empty()) {
    return Core(postfix->base);
  }
  return operand;
}

// Parses `expression` as the body of a definition; the whole text must be consumed.
const ast::Def* ParseDef(const Parsed& parsed) {
  EXPECT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  EXPECT_THAT(parsed.file.declarations, SizeIs(1));
  if (parsed.file.declarations.size() != 1) return nullptr;
  return Get<ast::Def>(parsed.file.declarations[0]);
}

std::string ShowExpr(const std::string& expression) {
  Parsed parsed = ParseText("def f() = " + expression);
  const ast::Def* def = ParseDef(parsed);
  return def ? Show(def->body) : "<parse failed>";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80             ? 0
                : (c & 0xE0) == 0xC0 ? 1
                : (c & 0xF0) == 0xE0 ? 2
                : (c & 0xF8) == 0xF0 ? 3
                                     : -1;
    if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

// ------------------------------------------------------------------ declarations

TEST(ParseDeclarations, PackHeader) {
  Parsed parsed = ParseText(
      "pack zhuoyue version \"1.0.0\" \"卓越工程师教育培养计划\"\n"
      "pack bare version \"2\"\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(2));
  const auto* header = Get<ast::PackHeader>(parsed.file.declarations[0]);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->name, "zhuoyue");
  EXPECT_EQ(header->version, "1.0.0");
  ASSERT_TRUE(header->title.has_value());
  EXPECT_EQ(*header->title, "卓越工程师教育培养计划");
  const auto* bare = Get<ast::PackHeader>(parsed.file.declarations[1]);
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->name, "bare");
  EXPECT_EQ(bare->version, "2");
  EXPECT_FALSE(bare->title.has_value());
}

TEST(ParseDeclarations, Params) {
  Parsed parsed = ParseText(
      "param share = 0.5 \"比例下限\"\n"
      "param weeks = 32\n"
      "param delta = -1.5\n"
      "param flag = true\n"
      "param label = \"x\"\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(5));
  std::vector<std::string> names, values;
  for (const ast::Declaration& declaration : parsed.file.declarations) {
    const auto* param = Get<ast::Param>(declaration);
    ASSERT_NE(param, nullptr);
    names.push_back(param->name);
    values.push_back(Show(param->value));
  }
  EXPECT_THAT(names, ElementsAre("share", "weeks", "delta", "flag", "label"));
  EXPECT_THAT(values, ElementsAre("0.5", "32", "(-1.5)", "true", "\"x\""));
  const auto* share = Get<ast::Param>(parsed.file.declarations[0]);
  ASSERT_TRUE(share->description.has_value());
  EXPECT_EQ(*share->description, "比例下限");
  EXPECT_FALSE(Get<ast::Param>(parsed.file.declarations[1])->description.has_value());
  const auto* atom = boost::get<ast::Atom>(&Core(share->value).get());
  ASSERT_NE(atom, nullptr);
  EXPECT_EQ(atom->kind, "number");
  const auto* negative = Get<ast::Unary>(Get<ast::Param>(parsed.file.declarations[2])->value);
  ASSERT_NE(negative, nullptr);
  EXPECT_EQ(negative->op, "-");
  const auto* flag =
      boost::get<ast::Atom>(&Core(Get<ast::Param>(parsed.file.declarations[3])->value).get());
  ASSERT_NE(flag, nullptr);
  EXPECT_EQ(flag->kind, "keyword");
}

TEST(ParseDeclarations, ObjectWithGroupsAndChildTable) {
  Parsed parsed = ParseText(R"(
object program "专业" {
  id: string id required
  accreditation: {
    status: enum(passed, failed, pending)
    validity_years: number >= 0 nullable
  }
  previous: optional { year: number >= 0; result: enum(met, not_met) }
  contributors: table contributors "参与人员" {
    kind: enum(industry_expert, faculty, other),
  }
}
)");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(1));
  const auto* object = Get<ast::TableType>(parsed.file.declarations[0]);
  ASSERT_NE(object, nullptr);
  EXPECT_EQ(object->keyword, "object");
  EXPECT_EQ(object->name, "program");
  EXPECT_EQ(object->description.value_or(""), "专业");
  EXPECT_FALSE(object->ids_global);
  ASSERT_THAT(object->fields, SizeIs(4));

  const ast::Field& id = object->fields[0];
  EXPECT_EQ(id.name, "id");
  EXPECT_EQ(ScalarKeyword(id.type), "string");
  EXPECT_THAT(id.modifiers, ElementsAre("id", "required"));

  const auto* accreditation = GetType<ast::GroupType>(object->fields[1].type);
  ASSERT_NE(accreditation, nullptr);
  EXPECT_FALSE(accreditation->optional);
  ASSERT_THAT(accreditation->fields, SizeIs(2));
  const auto* status = GetType<ast::EnumType>(accreditation->fields[0].type);
  ASSERT_NE(status, nullptr);
  EXPECT_FALSE(status->open);
  EXPECT_THAT(status->values, ElementsAre("passed", "failed", "pending"));
  const auto* validity = GetType<ast::NumberType>(accreditation->fields[1].type);
  ASSERT_NE(validity, nullptr);
  EXPECT_EQ(validity->minimum.value_or(""), "0");
  EXPECT_FALSE(validity->bound_ref.has_value());
  EXPECT_THAT(accreditation->fields[1].modifiers, ElementsAre("nullable"));

  const auto* previous = GetType<ast::GroupType>(object->fields[2].type);
  ASSERT_NE(previous, nullptr);
  EXPECT_TRUE(previous->optional);
  ASSERT_THAT(previous->fields, SizeIs(2));
  EXPECT_EQ(previous->fields[1].name, "result");

  const auto* child = GetType<ast::TableType>(object->fields[3].type);
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(object->fields[3].name, "contributors");
  EXPECT_EQ(child->keyword, "table");
  EXPECT_EQ(child->name, "contributors");
  EXPECT_FALSE(child->parent_key.has_value());
  EXPECT_EQ(child->description.value_or(""), "参与人员");
  ASSERT_THAT(child->fields, SizeIs(1));
  const auto* kind = GetType<ast::EnumType>(child->fields[0].type);
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->values.size(), 3u);
}

TEST(ParseDeclarations, TableWithRefsListsAndNestedTables) {
  Parsed parsed = ParseText(R"(
table courses ids global "课程" {
  id: string id
  weeks: number >= 0
  lecturers: list ref(teachers) inverse lectures
  covers: list ref(general_standard, industry_standard) inverse covered_by
  methods: list enum open(problem, case, project)
  tags: list string
  weight: weight
  code: key
  assessments: table assessments (course) ids global "考核" {
    id: string id
    full_score: number >= 0
    points: table assessment_points (assessment) { point: ref(points) inverse measured_by }
  }
}
table scores {
  assessment: ref(assessments)
  score: number >= 0 <= assessment.full_score
}
)");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(2));
  const auto* courses = Get<ast::TableType>(parsed.file.declarations[0]);
  ASSERT_NE(courses, nullptr);
  EXPECT_EQ(courses->keyword, "table");
  EXPECT_TRUE(courses->ids_global);
  EXPECT_EQ(courses->description.value_or(""), "课程");
  ASSERT_THAT(courses->fields, SizeIs(9));

  const auto* lecturers = GetType<ast::ListType>(courses->fields[2].type);
  ASSERT_NE(lecturers, nullptr);
  const auto* lecturer_ref = GetType<ast::RefType>(lecturers->element);
  ASSERT_NE(lecturer_ref, nullptr);
  EXPECT_THAT(lecturer_ref->targets, ElementsAre("teachers"));
  EXPECT_EQ(lecturer_ref->inverse.value_or(""), "lectures");

  const auto* covers = GetType<ast::RefType>(ListElement(courses->fields[3].type));
  ASSERT_NE(covers, nullptr);
  EXPECT_THAT(covers->targets, ElementsAre("general_standard", "industry_standard"));
  EXPECT_EQ(covers->inverse.value_or(""), "covered_by");

  const auto* methods = GetType<ast::EnumType>(ListElement(courses->fields[4].type));
  ASSERT_NE(methods, nullptr);
  EXPECT_TRUE(methods->open);
  EXPECT_THAT(methods->values, ElementsAre("problem", "case", "project"));

  EXPECT_EQ(ScalarKeyword(ListElement(courses->fields[5].type)), "string");
  EXPECT_EQ(ScalarKeyword(courses->fields[6].type), "weight");
  EXPECT_EQ(ScalarKeyword(courses->fields[7].type), "key");

  const auto* assessments = GetType<ast::TableType>(courses->fields[8].type);
  ASSERT_NE(assessments, nullptr);
  EXPECT_EQ(assessments->name, "assessments");
  EXPECT_EQ(assessments->parent_key.value_or(""), "course");
  EXPECT_TRUE(assessments->ids_global);
  ASSERT_THAT(assessments->fields, SizeIs(3));
  const auto* points = GetType<ast::TableType>(assessments->fields[2].type);
  ASSERT_NE(points, nullptr);
  EXPECT_EQ(assessments->fields[2].name, "points");
  EXPECT_EQ(points->name, "assessment_points");
  EXPECT_EQ(points->parent_key.value_or(""), "assessment");
  EXPECT_FALSE(points->ids_global);
  ASSERT_THAT(points->fields, SizeIs(1));
  const auto* point = GetType<ast::RefType>(points->fields[0].type);
  ASSERT_NE(point, nullptr);
  EXPECT_EQ(point->inverse.value_or(""), "measured_by");

  const auto* scores = Get<ast::TableType>(parsed.file.declarations[1]);
  ASSERT_NE(scores, nullptr);
  ASSERT_THAT(scores->fields, SizeIs(2));
  const auto* score = GetType<ast::NumberType>(scores->fields[1].type);
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(score->minimum.value_or(""), "0");
  EXPECT_EQ(score->bound_ref.value_or(""), "assessment");
  EXPECT_EQ(score->bound_field.value_or(""), "full_score");
}

TEST(ParseDeclarations, IdFieldAfterAnotherField) {
  // `id` is both a modifier and a perfectly good field name: the modifiers of `name` must
  // not swallow the next field's name.
  Parsed parsed = ParseText(
      "table t {\n"
      "  name: string\n"
      "  id: string id\n"
      "}\n");
  bool ok = parsed.diagnostics.empty() && parsed.file.declarations.size() == 1 &&
            Get<ast::TableType>(parsed.file.declarations[0]) != nullptr &&
            Get<ast::TableType>(parsed.file.declarations[0])->fields.size() == 2;
  const auto* table = Get<ast::TableType>(parsed.file.declarations[0]);
  EXPECT_THAT(table->fields[0].modifiers, IsEmpty());
  EXPECT_EQ(table->fields[1].name, "id");
  EXPECT_THAT(table->fields[1].modifiers, ElementsAre("id"));
}

TEST(ParseDeclarations, FieldSeparatorsAreOptional) {
  Parsed parsed = ParseText("table t { a: number; b: bool, c: string d: key }");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  const auto* table = Get<ast::TableType>(parsed.file.declarations[0]);
  ASSERT_NE(table, nullptr);
  std::vector<std::string> names;
  for (const ast::Field& field : table->fields) names.push_back(field.name);
  EXPECT_THAT(names, ElementsAre("a", "b", "c", "d"));
}

TEST(ParseDeclarations, Standard) {
  Parsed parsed = ParseText(
      "standard general_standard \"通用标准\" {\n"
      "  G1 \"职业道德\"\n"
      "  G10 \"应对危机\"\n"
      "}\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  const auto* standard = Get<ast::Standard>(parsed.file.declarations[0]);
  ASSERT_NE(standard, nullptr);
  EXPECT_EQ(standard->name, "general_standard");
  EXPECT_EQ(standard->title, "通用标准");
  ASSERT_THAT(standard->points, SizeIs(2));
  EXPECT_EQ(standard->points[1].id, "G10");
  EXPECT_EQ(standard->points[1].text, "应对危机");
}

TEST(ParseDeclarations, Defs) {
  Parsed parsed = ParseText(
      "def full_time(t: teachers) = t.role == \"full_time\"\n"
      "def both(a: number, b: bool) = a > 1 and b\n"
      "def constant() = true\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(3));
  const auto* full_time = Get<ast::Def>(parsed.file.declarations[0]);
  ASSERT_NE(full_time, nullptr);
  EXPECT_EQ(full_time->name, "full_time");
  ASSERT_THAT(full_time->params, SizeIs(1));
  EXPECT_EQ(full_time->params[0].name, "t");
  EXPECT_EQ(full_time->params[0].type, "teachers");
  EXPECT_EQ(Show(full_time->body), "(t.role == \"full_time\")");
  const auto* both = Get<ast::Def>(parsed.file.declarations[1]);
  ASSERT_THAT(both->params, SizeIs(2));
  EXPECT_EQ(both->params[1].name, "b");
  EXPECT_EQ(both->params[1].type, "bool");
  EXPECT_EQ(Show(both->body), "((a > 1) and b)");
  EXPECT_THAT(Get<ast::Def>(parsed.file.declarations[2])->params, IsEmpty());
}

TEST(ParseDeclarations, Requirement) {
  Parsed parsed = ParseText(R"(
requirement 6 "校企联合培养" {
    text "校企共建工程实践教育中心。"
    pass all
    criterion 6.1 judged "教育教学条件"
    criterion 6.2 computed "组织机构" = some e in enterprise_centers: e.joint_plan
    criterion 6.10 computed+judged "企业学习" = nonempty(enterprise_centers)
    material 6.1 "完整的企业培养方案"
    criterion 6.11 judged "落实"
    material 6.2 "合作教育文本"
}
)");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  const auto* requirement = Get<ast::Requirement>(parsed.file.declarations[0]);
  ASSERT_NE(requirement, nullptr);
  EXPECT_EQ(requirement->id, "6");
  EXPECT_EQ(requirement->title, "校企联合培养");
  EXPECT_EQ(requirement->text.value_or(""), "校企共建工程实践教育中心。");
  EXPECT_EQ(requirement->pass.value_or(""), "all");
  ASSERT_THAT(requirement->items, SizeIs(6));

  std::vector<std::string> ids, kinds;
  int materials = 0;
  for (const ast::RequirementItem& item : requirement->items) {
    if (const auto* criterion = boost::get<ast::Criterion>(&item.get())) {
      ids.push_back(criterion->id);
      kinds.push_back(criterion->kind);
    } else if (const auto* material = boost::get<ast::Material>(&item.get())) {
      ++materials;
      ids.push_back("m" + material->id);
    }
  }
  ASSERT_THAT(ids, ElementsAre("6.1", "6.2", "6.10", "m6.1", "6.11", "m6.2"));
  EXPECT_THAT(kinds, ElementsAre("judged", "computed", "computed+judged", "judged"));
  EXPECT_EQ(materials, 2);

  const auto* judged = boost::get<ast::Criterion>(&requirement->items[0].get());
  EXPECT_FALSE(judged->expression.has_value());
  EXPECT_EQ(judged->text, "教育教学条件");
  const auto* computed = boost::get<ast::Criterion>(&requirement->items[1].get());
  ASSERT_TRUE(computed->expression.has_value());
  EXPECT_EQ(Show(*computed->expression), "(some e in enterprise_centers: e.joint_plan)");
  const auto* both = boost::get<ast::Criterion>(&requirement->items[2].get());
  ASSERT_TRUE(both->expression.has_value());
  EXPECT_EQ(Show(*both->expression), "nonempty(enterprise_centers)");
  const auto* material = boost::get<ast::Material>(&requirement->items[3].get());
  EXPECT_EQ(material->text, "完整的企业培养方案");
}

TEST(ParseDeclarations, RequirementPassAtLeastAndDefaults) {
  Parsed parsed = ParseText(
      "requirement 9 \"面向世界\" { pass at least 3 criterion 9.1 judged \"a\" }\n"
      "requirement 10 \"支持\" { criterion 10.1 judged \"b\" }\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  const auto* nine = Get<ast::Requirement>(parsed.file.declarations[0]);
  ASSERT_NE(nine, nullptr);
  EXPECT_EQ(nine->pass.value_or(""), "3");
  EXPECT_FALSE(nine->text.has_value());
  const auto* ten = Get<ast::Requirement>(parsed.file.declarations[1]);
  ASSERT_NE(ten, nullptr);
  EXPECT_EQ(ten->id, "10");
  EXPECT_FALSE(ten->pass.has_value());
  ASSERT_THAT(ten->items, SizeIs(1));
  const auto* ten_one = boost::get<ast::Criterion>(&ten->items[0].get());
  ASSERT_NE(ten_one, nullptr);
  EXPECT_EQ(ten_one->id, "10.1");
}

TEST(ParseDeclarations, EligibilityLevelsOverall) {
  Parsed parsed = ParseText(R"(
eligibility first_cohort "第一届学生毕业" = program.first <= program.year
levels {
    not_met     "没有达到"
    met         "达到"
    distinction "特色"
}
overall "评价结论" {
    not_passed "未通过" when program.status == "failed"
    passed     "通过"   when met("1") and met("2")
    other      "其他"   otherwise
}
)");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(3));
  const auto* eligibility = Get<ast::Eligibility>(parsed.file.declarations[0]);
  ASSERT_NE(eligibility, nullptr);
  EXPECT_EQ(eligibility->name, "first_cohort");
  EXPECT_EQ(eligibility->message, "第一届学生毕业");
  EXPECT_EQ(Show(eligibility->condition), "(program.first <= program.year)");

  const auto* levels = Get<ast::Levels>(parsed.file.declarations[1]);
  ASSERT_NE(levels, nullptr);
  ASSERT_THAT(levels->levels, SizeIs(3));
  EXPECT_EQ(levels->levels[0].name, "not_met");
  EXPECT_EQ(levels->levels[2].name, "distinction");
  EXPECT_EQ(levels->levels[2].label, "特色");

  const auto* overall = Get<ast::Overall>(parsed.file.declarations[2]);
  ASSERT_NE(overall, nullptr);
  EXPECT_EQ(overall->title, "评价结论");
  ASSERT_THAT(overall->cases, SizeIs(3));
  EXPECT_EQ(overall->cases[0].name, "not_passed");
  EXPECT_EQ(Show(overall->cases[0].when), "(program.status == \"failed\")");
  EXPECT_EQ(Show(overall->cases[1].when), "(met(\"1\") and met(\"2\"))");
  EXPECT_EQ(overall->cases[2].label, "其他");
  EXPECT_EQ(overall->cases[2].when.get().which(), 0);  // Nil: `otherwise`
}

TEST(ParseDeclarations, OverallCaseNeedsWhenOrOtherwise) {
  // GRAMMAR.md: `{ ident string ( "when" expr | "otherwise" ) }`. A case with neither must be
  // a syntax error; read as `otherwise`, it would silently decide every later case.
  Parsed parsed = ParseText(
      "overall \"t\" {\n"
      "  early \"x\"\n"
      "  late \"y\" when true\n"
      "}\n");
  ASSERT_FALSE(parsed.diagnostics.empty());
  EXPECT_EQ(parsed.diagnostics[0].code, "ZY1001");
  EXPECT_EQ(parsed.diagnostics[0].line, 3);
}

TEST(ParseDeclarations, CommentsAndBlankLinesAreIgnored) {
  Parsed parsed = ParseText(
      "# header comment\n"
      "\n"
      "param a = 1  # trailing comment\n"
      "   # indented comment\n"
      "def f(x: number) =  # comment inside a declaration\n"
      "    x > a  # and another\n"
      "    and true\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(2));
  EXPECT_EQ(Show(Get<ast::Def>(parsed.file.declarations[1])->body), "((x > a) and true)");
}

TEST(ParseDeclarations, StringEscapes) {
  Parsed parsed = ParseText(R"(param s = "a\"b\\c\nd" "说明")");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  const auto* param = Get<ast::Param>(parsed.file.declarations[0]);
  ASSERT_NE(param, nullptr);
  const auto* atom = boost::get<ast::Atom>(&Core(param->value).get());
  ASSERT_NE(atom, nullptr);
  EXPECT_EQ(atom->kind, "string");
  EXPECT_EQ(atom->text, "a\"b\\c\nd");
}

TEST(ParseDeclarations, SpansPointAtTheDeclaration) {
  Parsed parsed = ParseText(
      "# comment\n"
      "param a = 1\n"
      "\n"
      "  requirement 1 \"标题\" {\n"
      "    criterion 1.1 computed \"说明\" = a > 0\n"
      "  }\n");
  ASSERT_THAT(parsed.diagnostics, IsEmpty()) << Describe(parsed.diagnostics);
  ASSERT_THAT(parsed.file.declarations, SizeIs(2));
  const SourceFile& source = *parsed.file.source;
  const auto* param = Get<ast::Param>(parsed.file.declarations[0]);
  LineColumn param_at = source.Locate(parsed.file.SpanOf(*param).begin);
  EXPECT_EQ(param_at.line, 2);
  EXPECT_EQ(param_at.column, 1);
  const auto* requirement = Get<ast::Requirement>(parsed.file.declarations[1]);
  LineColumn requirement_at = source.Locate(parsed.file.SpanOf(*requirement).begin);
  EXPECT_EQ(requirement_at.line, 4);
  EXPECT_EQ(requirement_at.column, 3);
  const auto* criterion = boost::get<ast::Criterion>(&requirement->items[0].get());
  Span criterion_span = parsed.file.SpanOf(*criterion);
  LineColumn criterion_at = source.Locate(criterion_span.begin);
  EXPECT_EQ(criterion_at.line, 5);
  EXPECT_EQ(criterion_at.column, 5);
  EXPECT_EQ(source.text().substr(criterion_span.begin, 14), "criterion 1.1 ");
}

// ------------------------------------------------------------------ expressions

TEST(ParseExpressions, AndBindsTighterThanOr) {
  EXPECT_EQ(ShowExpr("a and b or c"), "((a and b) or c)");
  EXPECT_EQ(ShowExpr("a or b and c"), "(a or (b and c))");
  EXPECT_EQ(ShowExpr("a or b or c"), "(a or b or c)");
  EXPECT_EQ(ShowExpr("a and b and c or d and e"), "((a and b and c) or (d and e))");
}

TEST(ParseExpressions, ComparisonBindsTighterThanAnd) {
  EXPECT_EQ(ShowExpr("a == 1 and b"), "((a == 1) and b)");
  EXPECT_EQ(ShowExpr("x.y >= 5 and z < 2 or w != none"),
            "(((x.y >= 5) and (z < 2)) or (w != none))");
  EXPECT_EQ(ShowExpr("a <= b"), "(a <= b)");
  EXPECT_EQ(ShowExpr("a > b"), "(a > b)");
}

TEST(ParseExpressions, NotIsLooserThanComparison) {
  EXPECT_EQ(ShowExpr("not a == b"), "(not (a == b))");
  EXPECT_EQ(ShowExpr("not a and b"), "((not a) and b)");
  EXPECT_EQ(ShowExpr("not not a"), "(not (not a))");
  const ast::Def* def = nullptr;
  Parsed parsed = ParseText("def f() = not a");
  def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* negation = Get<ast::Unary>(Core(def->body));
  ASSERT_NE(negation, nullptr);
  EXPECT_EQ(negation->op, "not");
}

TEST(ParseExpressions, Arithmetic) {
  EXPECT_EQ(ShowExpr("a + b * c == d - e / f"), "((a + (b * c)) == (d - (e / f)))");
  EXPECT_EQ(ShowExpr("(a + b) * c"), "((a + b) * c)");
  EXPECT_EQ(ShowExpr("-a.b * 2"), "((-a.b) * 2)");
  EXPECT_EQ(ShowExpr("a - -1"), "(a - (-1))");
  EXPECT_EQ(ShowExpr("x.year + 3 <= y"), "((x.year + 3) <= y)");
  // A left-associative run is one chain with its operations in order.
  Parsed parsed = ParseText("def f() = a - b - c");
  const ast::Def* def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* chain = Get<ast::Chain>(Core(def->body));
  ASSERT_NE(chain, nullptr);
  ASSERT_THAT(chain->rest, SizeIs(2));
  EXPECT_EQ(chain->rest[0].op, "-");
  EXPECT_EQ(Show(chain->rest[0].operand), "b");
  EXPECT_EQ(Show(chain->rest[1].operand), "c");
}

TEST(ParseExpressions, QuantifierBodyExtendsToTheRight) {
  // The example of GRAMMAR.md.
  EXPECT_EQ(ShowExpr("c.core and every t in c.lecturers: t.industry_years >= 5 and t.trained"),
            "(c.core and (every t in c.lecturers: ((t.industry_years >= 5) and t.trained)))");
  EXPECT_EQ(ShowExpr("every x in s: p and q or r"), "(every x in s: ((p and q) or r))");
  EXPECT_EQ(ShowExpr("some x in s where x.a: x.b"), "(some x in s where x.a: x.b)");
  EXPECT_EQ(ShowExpr("no x in s where x.a and x.b: x.c or x.d"),
            "(no x in s where (x.a and x.b): (x.c or x.d))");
  // Parentheses end it.
  EXPECT_EQ(ShowExpr("(every x in s: p) and q"), "((every x in s: p) and q)");
  EXPECT_EQ(ShowExpr("a or (some x in s: p) or b"), "(a or (some x in s: p) or b)");
  // Nested quantifiers.
  EXPECT_EQ(ShowExpr("every t in [\"a\", \"b\"]: some p in support.policies: t in p.topics"),
            "(every t in [\"a\", \"b\"]: (some p in support.policies: (t in p.topics)))");
}

TEST(ParseExpressions, QuantifierNodeShape) {
  Parsed parsed =
      ParseText("def f() = every g in general_standard where g.x: nonempty(g.covered_by)");
  const ast::Def* def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* quantifier = Get<ast::Quantifier>(Core(def->body));
  ASSERT_NE(quantifier, nullptr);
  EXPECT_EQ(quantifier->op, "every");
  EXPECT_EQ(quantifier->variable, "g");
  EXPECT_EQ(Show(quantifier->collection), "general_standard");
  ASSERT_TRUE(quantifier->filter.has_value());
  EXPECT_EQ(Show(*quantifier->filter), "g.x");
  const auto* call = Get<ast::Call>(Core(quantifier->body));
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->function, "nonempty");
  ASSERT_THAT(call->arguments, SizeIs(1));
  EXPECT_EQ(Show(call->arguments[0]), "g.covered_by");
}

TEST(ParseExpressions, AggregatesVersusCalls) {
  EXPECT_EQ(ShowExpr("count(c in courses where c.core) >= 6"),
            "(count{c in courses where c.core} >= 6)");
  EXPECT_EQ(ShowExpr("count(s.points) >= 1"), "(count(s.points) >= 1)");
  EXPECT_EQ(ShowExpr("sum(f in support.funding: f.amount) > 0"),
            "(sum{f in support.funding: f.amount} > 0)");
  EXPECT_EQ(ShowExpr("ratio(c in courses where c.core: research_methods(c)) >= share"),
            "(ratio{c in courses where c.core: research_methods(c)} >= share)");
  EXPECT_EQ(ShowExpr("mean(t in teachers where experienced(t): t.workload) >= "
                     "mean(t in teachers: t.workload)"),
            "(mean{t in teachers where experienced(t): t.workload} >= "
            "mean{t in teachers: t.workload})");
  EXPECT_EQ(ShowExpr("min(x in s: x.v) + max(x in s: x.v)"),
            "(min{x in s: x.v} + max{x in s: x.v})");
  EXPECT_EQ(ShowExpr("judgement(\"3.2\") and met(\"5\") and provided(\"4.2\")"),
            "(judgement(\"3.2\") and met(\"5\") and provided(\"4.2\"))");
  EXPECT_EQ(ShowExpr("f()"), "f()");
  EXPECT_EQ(ShowExpr("g(a, b.c, 1)"), "g(a, b.c, 1)");

  Parsed parsed = ParseText("def f() = count(x in s)");
  const ast::Def* def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* aggregate = Get<ast::Aggregate>(Core(def->body));
  ASSERT_NE(aggregate, nullptr);
  EXPECT_EQ(aggregate->op, "count");
  EXPECT_EQ(aggregate->variable, "x");
  EXPECT_FALSE(aggregate->filter.has_value());
  EXPECT_FALSE(aggregate->body.has_value());
  EXPECT_EQ(Get<ast::Call>(Core(def->body)), nullptr);

  Parsed call_parsed = ParseText("def f() = count(x)");
  const ast::Def* call_def = ParseDef(call_parsed);
  ASSERT_NE(call_def, nullptr);
  EXPECT_EQ(Get<ast::Aggregate>(Core(call_def->body)), nullptr);
  ASSERT_NE(Get<ast::Call>(Core(call_def->body)), nullptr);
  EXPECT_EQ(Get<ast::Call>(Core(call_def->body))->function, "count");
}

TEST(ParseExpressions, InAndNotIn) {
  EXPECT_EQ(ShowExpr("k.kind in [\"exchange_credit\", \"joint_college\", \"staged\"]"),
            "(k.kind in [\"exchange_credit\", \"joint_college\", \"staged\"])");
  EXPECT_EQ(ShowExpr("c.language not in [\"en\"]"), "(c.language not in [\"en\"])");
  EXPECT_EQ(ShowExpr("t in p.topics and x not in y"), "((t in p.topics) and (x not in y))");
  EXPECT_EQ(ShowExpr("n in [1, 2.5, -3]"), "(n in [1, 2.5, (-3)])");
  EXPECT_EQ(ShowExpr("empty([])"), "empty([])");

  Parsed parsed = ParseText("def f() = a not in [\"x\", \"y\"]");
  const ast::Def* def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* chain = Get<ast::Chain>(Core(def->body));
  ASSERT_NE(chain, nullptr);
  ASSERT_THAT(chain->rest, SizeIs(1));
  EXPECT_EQ(chain->rest[0].op, "not in");
  const auto* list = Get<ast::ListLiteral>(Core(chain->rest[0].operand));
  ASSERT_NE(list, nullptr);
  EXPECT_THAT(*list, SizeIs(2));
}

TEST(ParseExpressions, NestedGroups) {
  EXPECT_EQ(ShowExpr("((a or b) and (c or (d and e)))"), "((a or b) and (c or (d and e)))");
  EXPECT_EQ(ShowExpr("(((x)))"), "x");
  EXPECT_EQ(ShowExpr("(a.b).c"), "a.b.c");
}

TEST(ParseExpressions, Literals) {
  EXPECT_EQ(ShowExpr("x == none"), "(x == none)");
  EXPECT_EQ(ShowExpr("true or false"), "(true or false)");
  EXPECT_EQ(ShowExpr("x >= 1e3 and y < 0.25"), "((x >= 1e3) and (y < 0.25))");
  EXPECT_EQ(ShowExpr("s == \"中文\""), "(s == \"中文\")");
  Parsed parsed = ParseText("def f() = none");
  const ast::Def* def = ParseDef(parsed);
  ASSERT_NE(def, nullptr);
  const auto* atom = boost::get<ast::Atom>(&Core(def->body).get());
  ASSERT_NE(atom, nullptr);
  EXPECT_EQ(atom->kind, "keyword");
  EXPECT_EQ(atom->text, "none");
}

TEST(ParseExpressions, KeywordsAreWholeWords) {
  // Names that begin with a keyword are names.
  EXPECT_EQ(ShowExpr("index in [1] or nonea and order"), "((index in [1]) or (nonea and order))");
  EXPECT_EQ(ShowExpr("notes and nothing"), "(notes and nothing)");
  EXPECT_EQ(ShowExpr("everyone or someone or no_one"), "(everyone or someone or no_one)");
  EXPECT_EQ(ShowExpr("truex == falsey"), "(truex == falsey)");
  EXPECT_EQ(ShowExpr("c.in_enterprise_plan and c.index > 0"),
            "(c.in_enterprise_plan and (c.index > 0))");
  EXPECT_EQ(ShowExpr("where_ + andy + oracle + inner"), "(where_ + andy + oracle + inner)");
  EXPECT_EQ(ShowExpr("counter(x) + summary + ratios"), "(counter(x) + summary + ratios)");

  for (const char* name : {"index", "nonea", "order"}) {
    Parsed parsed = ParseText(std::string("def f() = ") + name);
    const ast::Def* def = ParseDef(parsed);
    ASSERT_NE(def, nullptr) << name;
    const auto* atom = boost::get<ast::Atom>(&Core(def->body).get());
    ASSERT_NE(atom, nullptr) << name;
    EXPECT_EQ(atom->kind, "name") << name;
    EXPECT_EQ(atom->text, name);
  }
  // And the keywords themselves are not names.
  for (const char* keyword : {"in", "or", "and", "not", "every", "where"}) {
    Parsed parsed = ParseText(std::string("def f() = ") + keyword);
    EXPECT_THAT(parsed.diagnostics, SizeIs(1)) << keyword;
  }
}

// ------------------------------------------------------------------ errors

const Diagnostic* Only(const Parsed& parsed) {
  EXPECT_THAT(parsed.diagnostics, SizeIs(1)) << Describe(parsed.diagnostics);
  return parsed.diagnostics.empty() ? nullptr : &parsed.diagnostics[0];
}

TEST(ParseErrors, MissingExpressionAtEndOfFile) {
  Parsed parsed = ParseText("param a = 1\ndef f(x: number) =", "broken.zy");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1001");
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->file, "broken.zy");
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 19);
  EXPECT_THAT(d->message, HasSubstr("expected expression"));
  EXPECT_THAT(d->message, HasSubstr("end of file"));
  ASSERT_THAT(parsed.file.declarations, SizeIs(1));
  EXPECT_NE(Get<ast::Param>(parsed.file.declarations[0]), nullptr);
}

TEST(ParseErrors, ColumnsCountCharactersAfterChineseText) {
  // `}` is the 37th character of its line but its 49th byte.
  Parsed parsed = ParseText(
      "requirement 1 \"学校标准的制定\" {\n"
      "  criterion 1.1 computed \"行业企业专家\" = }\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1001");
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 37);
  EXPECT_THAT(d->message, HasSubstr("expected expression"));
  EXPECT_THAT(d->message, HasSubstr("found `}`"));
}

TEST(ParseErrors, BadPassPolicy) {
  Parsed parsed = ParseText("requirement 1 \"学校标准\" { pass sometimes }");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1001");
  EXPECT_EQ(d->line, 1);
  EXPECT_EQ(d->column, 29);
  EXPECT_THAT(d->message, HasSubstr("expected pass policy (all, at least N)"));
  EXPECT_THAT(d->message, HasSubstr("found `sometimes }`"));
}

TEST(ParseErrors, BadCriterionKind) {
  Parsed parsed = ParseText(
      "requirement 1 \"t\" {\n"
      "    criterion 1.1 compted \"说明\"\n"
      "}\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 19);
  EXPECT_THAT(d->message, HasSubstr("expected criterion kind (computed, judged, computed+judged)"));
  EXPECT_THAT(d->message, HasSubstr("found `compted"));
}

TEST(ParseErrors, MissingType) {
  Parsed parsed = ParseText("table t { x: }");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->line, 1);
  EXPECT_EQ(d->column, 14);
  EXPECT_THAT(d->message, HasSubstr("expected type (number, bool, string"));
}

TEST(ParseErrors, NotADeclaration) {
  Parsed parsed = ParseText("param a = 1\n  hello world\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1001");
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 3);
  EXPECT_THAT(d->message, HasSubstr("expected a declaration (pack, param"));
  EXPECT_THAT(d->message, HasSubstr("found `hello world`"));
}

TEST(ParseErrors, ComparisonsDoNotChain) {
  Parsed parsed = ParseText(
      "requirement 1 \"t\" {\n"
      "  criterion 1.1 computed \"x\" = a < b < c\n"
      "}\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 38);  // the second `<`
  EXPECT_THAT(d->message, HasSubstr("found `< c"));
}

// The parser's list of reserved words for its message must match what the grammar reserves:
// every one of them is refused as a name with that message, and a near word is accepted.
TEST(ParseErrors, EveryReservedWordIsNamedAsSuchWhenUsedAsAName) {
  for (const char* word :
       {"and",    "or",       "not",    "in",          "every",     "some",     "no",
        "where",  "true",     "false",  "none",        "pack",      "param",    "object",
        "table",  "standard", "def",    "requirement", "criterion", "material", "eligibility",
        "levels", "overall",  "import", "extend",      "override"}) {
    Parsed parsed = ParseText(absl::StrCat("def ", word, "(x: number) = x > 0\n"));
    const Diagnostic* d = Only(parsed);
    ASSERT_NE(d, nullptr) << word;
    EXPECT_EQ(d->message,
              absl::StrCat("syntax error: `", word, "` is a reserved word, not a name"));
    EXPECT_EQ(d->end_column - d->column, static_cast<int>(std::strlen(word))) << word;
    EXPECT_TRUE(ParseText(absl::StrCat("def ", word, "s(x: number) = x > 0\n")).diagnostics.empty())
        << word;
  }
}

TEST(ParseErrors, FullWidthPunctuationNamesTheAsciiCharacter) {
  Parsed parsed = ParseText("def f(x: number) = x ＞ 0\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "syntax error: `＞` is full-width punctuation");
  EXPECT_THAT(d->help, HasSubstr("write `>`"));
  EXPECT_EQ(d->column, 22);
  EXPECT_EQ(d->end_column, 23);  // columns count characters: one, however wide
}

TEST(ParseErrors, SingleEqualsSuggestsTheComparison) {
  Parsed parsed = ParseText("def f(x: number) = x = 0\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->column, 22);
  EXPECT_THAT(d->help, HasSubstr("write `==`"));
}

TEST(ParseErrors, UnclosedBlockAtEndOfFile) {
  Parsed parsed = ParseText("requirement 1 \"t\" {\n  criterion 1.1 judged \"x\"\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->line, 3);
  EXPECT_EQ(d->column, 1);
  EXPECT_THAT(d->message, HasSubstr("expected '}'"));
  EXPECT_THAT(d->message, HasSubstr("found end of file"));
}

TEST(ParseErrors, UnterminatedStringIsReportedOnItsLine) {
  Parsed parsed = ParseText("param p = 1 \"未结束\nparam q = 2\n");
  ASSERT_FALSE(parsed.diagnostics.empty());
  const Diagnostic& d = parsed.diagnostics[0];
  EXPECT_EQ(d.code, "ZY1001");
  EXPECT_THAT(d.message, HasSubstr("the string is not closed on its line"));
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.column, 17);
}

TEST(ParseErrors, MissingExpressionBeforeTheNextItem) {
  // Declaration and item keywords are not reserved, so a missing expression takes the next
  // line's `criterion` (or `param`, `def`, …) as a name, and the error lands further on.
  Parsed parsed = ParseText(
      "requirement 1 \"x\" {\n"
      "  criterion 1.1 computed \"a\" =\n"
      "  criterion 1.2 computed \"b\" = true\n"
      "}\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1001");
}

TEST(ParseErrors, MissingParamValueBeforeTheNextDeclaration) {
  Parsed parsed = ParseText("param a =\nparam b = 2\n");
  ASSERT_FALSE(parsed.diagnostics.empty());
  const Diagnostic& d = parsed.diagnostics[0];
  EXPECT_EQ(d.code, "ZY1001");
  bool b_kept = std::any_of(parsed.file.declarations.begin(), parsed.file.declarations.end(),
                            [](const ast::Declaration& x) {
                              return Get<ast::Param>(x) && Get<ast::Param>(x)->name == "b";
                            });
}

TEST(ParseErrors, FoundTextIsValidUtf8) {
  // The excerpt after "found" is cut at 12 bytes; it must not split a character.
  Parsed parsed = ParseText(
      "requirement 1 \"t\" {\n"
      "  criterion 1.1 bogus \"行业企业\"\n"
      "}\n");
  const Diagnostic* d = Only(parsed);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->column, 17);
  EXPECT_THAT(d->message, HasSubstr("found `bogus \"行"));
}

TEST(ParseErrors, RecoveryReportsEveryBrokenDeclaration) {
  Parsed parsed = ParseText(
      "pack demo version \"1\"\n"
      "param a = @\n"
      "def ok(x: number) = x > 1 and\n"
      "    x < 10\n"
      "table t { x: }\n"
      "levels { met \"达到\" }\n");
  ASSERT_THAT(parsed.diagnostics, SizeIs(2)) << Describe(parsed.diagnostics);
  EXPECT_EQ(parsed.diagnostics[0].code, "ZY1001");
  EXPECT_EQ(parsed.diagnostics[0].line, 2);
  EXPECT_EQ(parsed.diagnostics[0].column, 11);
  EXPECT_EQ(parsed.diagnostics[1].code, "ZY1001");
  EXPECT_EQ(parsed.diagnostics[1].line, 5);
  EXPECT_EQ(parsed.diagnostics[1].column, 14);
  ASSERT_THAT(parsed.file.declarations, SizeIs(3));
  EXPECT_NE(Get<ast::PackHeader>(parsed.file.declarations[0]), nullptr);
  const auto* def = Get<ast::Def>(parsed.file.declarations[1]);
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->name, "ok");
  EXPECT_EQ(Show(def->body), "((x > 1) and (x < 10))");
  const auto* levels = Get<ast::Levels>(parsed.file.declarations[2]);
  ASSERT_NE(levels, nullptr);
  ASSERT_THAT(levels->levels, SizeIs(1));
}

TEST(ParseErrors, RecoveryInsideARequirement) {
  Parsed parsed = ParseText(
      "requirement 1 \"一\" {\n"
      "  criterion 1.1 computed \"a\" = every x in : y\n"
      "  criterion 1.2 judged \"b\"\n"
      "}\n"
      "requirement 2 \"二\" {\n"
      "  criterion 2.1 judged \"c\"\n"
      "}\n"
      "requirement 3 \"三\" { criterion 3.1 judged }\n");
  ASSERT_THAT(parsed.diagnostics, SizeIs(2)) << Describe(parsed.diagnostics);
  EXPECT_EQ(parsed.diagnostics[0].line, 2);
  EXPECT_EQ(parsed.diagnostics[0].column, 43);
  EXPECT_EQ(parsed.diagnostics[1].line, 8);
  EXPECT_EQ(parsed.diagnostics[1].column, 42);
  EXPECT_THAT(parsed.diagnostics[1].message, HasSubstr("expected string"));
  ASSERT_THAT(parsed.file.declarations, SizeIs(1));
  const auto* two = Get<ast::Requirement>(parsed.file.declarations[0]);
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->id, "2");
}

// ------------------------------------------------------------------ the built-in pack

// ------------------------------------------------------------------ nesting limit

std::string CriterionOver(const std::string& expression) {
  return "requirement 1 \"r\" {\n  criterion 1.1 computed \"t\" = " + expression + "\n}\n";
}

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(ParseNesting, DeepExpressionsAreALocatedErrorNotACrash) {
  struct Case {
    std::string what, expression;
    int column;  // of the first token inside the 33rd level
  };
  const std::string prefix = "  criterion 1.1 computed \"t\" = ";
  const int start = static_cast<int>(prefix.size()) + 1;
  std::vector<Case> cases = {
      {"parentheses", Repeat("(", 100000) + "1" + Repeat(")", 100000), start + 32},
      {"not", Repeat("not ", 100000) + "true", start + 4 * 33},
      {"minus", Repeat("- ", 100000) + "1 > 0", start + 2 * 33},
      {"quantifiers", Repeat("every c in courses: ", 5000) + "true", 0},
  };
  for (const Case& c : cases) {
    Parsed parsed;
    testing_support::OnSmallStack([&] { parsed = ParseText(CriterionOver(c.expression)); });
    ASSERT_THAT(parsed.diagnostics, SizeIs(1)) << c.what;
    EXPECT_EQ(parsed.diagnostics[0].code, "ZY1002") << c.what;
    EXPECT_EQ(parsed.diagnostics[0].message, "nested more than 32 levels deep") << c.what;
    EXPECT_EQ(parsed.diagnostics[0].line, 2) << c.what;
    if (c.column > 0) EXPECT_EQ(parsed.diagnostics[0].column, c.column) << c.what;
  }
}

TEST(ParseNesting, ThirtyTwoLevelsParse) {
  // The expression, 31 parentheses: 32 levels.
  Parsed parsed = ParseText(CriterionOver(Repeat("(", 31) + "1 > 0" + Repeat(")", 31)));
  EXPECT_THAT(parsed.diagnostics, IsEmpty());
  parsed = ParseText(CriterionOver(Repeat("(", 32) + "1 > 0" + Repeat(")", 32)));
  ASSERT_THAT(parsed.diagnostics, SizeIs(1));
  EXPECT_EQ(parsed.diagnostics[0].code, "ZY1002");
}

TEST(ParseNesting, DeepTypesAreALocatedError) {
  Parsed parsed;
  testing_support::OnSmallStack([&] {
    parsed = ParseText("table t {\n  id: string id\n  x: " + Repeat("list ", 100000) + "bool\n}\n" +
                       "table u {\n  id: string id\n  y: " + Repeat("{ z: ", 100000) + "bool" +
                       Repeat("}", 100000) + "\n}\n");
  });
  ASSERT_THAT(parsed.diagnostics, SizeIs(2));
  EXPECT_EQ(parsed.diagnostics[0].code, "ZY1002");
  EXPECT_EQ(parsed.diagnostics[0].line, 3);
  EXPECT_EQ(parsed.diagnostics[1].code, "ZY1002");
  EXPECT_EQ(parsed.diagnostics[1].line, 7);
}

TEST(ParseBuiltinPack, EveryFileParsesWithoutDiagnostics) {
  std::filesystem::path dir = std::filesystem::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".zy") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  ASSERT_THAT(paths, SizeIs(13));

  int requirements = 0, criteria = 0, materials = 0, defs = 0, params = 0, tables = 0;
  std::vector<std::string> criterion_ids;
  for (const auto& path : paths) {
    std::string text = ReadFile(path);
    ASSERT_FALSE(text.empty()) << path;
    Parsed parsed = ParseText(text, path.filename().string());
    EXPECT_THAT(parsed.diagnostics, IsEmpty()) << path << "\n" << Describe(parsed.diagnostics);
    EXPECT_FALSE(parsed.file.declarations.empty()) << path;
    for (const ast::Declaration& declaration : parsed.file.declarations) {
      EXPECT_EQ(boost::get<ast::Nil>(&declaration.get()), nullptr) << path;
      if (Get<ast::Def>(declaration)) ++defs;
      if (Get<ast::Param>(declaration)) ++params;
      if (Get<ast::TableType>(declaration)) ++tables;
      if (const auto* requirement = Get<ast::Requirement>(declaration)) {
        ++requirements;
        for (const ast::RequirementItem& item : requirement->items) {
          if (const auto* criterion = boost::get<ast::Criterion>(&item.get())) {
            ++criteria;
            criterion_ids.push_back(criterion->id);
            EXPECT_EQ(criterion->expression.has_value(), criterion->kind != "judged")
                << criterion->id;
          } else if (boost::get<ast::Material>(&item.get())) {
            ++materials;
          }
        }
      }
    }
  }
  EXPECT_EQ(requirements, 10);
  EXPECT_EQ(criteria, 64);
  EXPECT_EQ(materials, 43);
  EXPECT_EQ(defs, 9);
  EXPECT_EQ(params, 16);  // 10 thresholds, 6 of the attainment method
  EXPECT_EQ(tables, 12);
  EXPECT_THAT(criterion_ids, ::testing::Contains("6.10"));
  EXPECT_THAT(criterion_ids, ::testing::Contains("10.6"));
}

TEST(ParseBuiltinPack, RequirementsKeepTheirShape) {
  std::filesystem::path dir = std::filesystem::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue";
  Parsed six = ParseText(ReadFile(dir / "r06.zy"), "r06.zy");
  ASSERT_THAT(six.diagnostics, IsEmpty()) << Describe(six.diagnostics);
  ASSERT_THAT(six.file.declarations, SizeIs(1));
  const auto* requirement = Get<ast::Requirement>(six.file.declarations[0]);
  ASSERT_NE(requirement, nullptr);
  EXPECT_EQ(requirement->id, "6");
  EXPECT_EQ(requirement->pass.value_or(""), "all");
  const ast::Criterion* ten = nullptr;
  for (const ast::RequirementItem& item : requirement->items) {
    const auto* criterion = boost::get<ast::Criterion>(&item.get());
    if (criterion && criterion->id == "6.10") ten = criterion;
  }
  ASSERT_NE(ten, nullptr);
  EXPECT_EQ(ten->kind, "judged");
  // Its span is where the text says it is.
  LineColumn at = six.file.source->Locate(six.file.SpanOf(*ten).begin);
  EXPECT_EQ(six.file.source->Line(at.line).substr(at.column - 1, 14), "criterion 6.10");

  Parsed nine = ParseText(ReadFile(dir / "r09.zy"), "r09.zy");
  ASSERT_THAT(nine.diagnostics, IsEmpty()) << Describe(nine.diagnostics);
  const auto* r9 = Get<ast::Requirement>(nine.file.declarations[0]);
  ASSERT_NE(r9, nullptr);
  EXPECT_EQ(r9->pass.value_or(""), "3");

  Parsed general = ParseText(ReadFile(dir / "general_standard.zy"), "general_standard.zy");
  ASSERT_THAT(general.diagnostics, IsEmpty());
  const auto* standard = Get<ast::Standard>(general.file.declarations[0]);
  ASSERT_NE(standard, nullptr);
  ASSERT_THAT(standard->points, SizeIs(11));
  EXPECT_EQ(standard->points[0].id, "G1");
  EXPECT_EQ(standard->points[10].id, "G11");
}

}  // namespace
}  // namespace zhuoyue
