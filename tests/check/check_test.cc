// Stage 2: ASTs → CheckedPack. The resolved schema, the typed IR of a small pack, and every
// checker diagnostic with its code and location.
#include "check/check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parse/parse.h"

namespace zhuoyue {
namespace {

using ir::Kind;
using ir::Op;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::IsNull;
using ::testing::NotNull;
using ::testing::SizeIs;

// ------------------------------------------------------------------ helpers

struct Checked {
  std::vector<ParsedFile> files;
  Diagnostics parse_diagnostics;
  Diagnostics diagnostics;  // the checker's errors
  Diagnostics warnings;     // its lints (tests/rules covers them)
  std::unique_ptr<CheckedPack> pack;
};

std::string Describe(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.Format() + "\n";
  return text;
}

Checked CheckSources(const std::vector<std::pair<std::string, std::string>>& sources) {
  Checked checked;
  for (const auto& [name, text] : sources) {
    checked.files.push_back(
        Parse(std::make_shared<SourceFile>(name, text), checked.parse_diagnostics));
  }
  EXPECT_THAT(checked.parse_diagnostics, IsEmpty()) << Describe(checked.parse_diagnostics);
  checked.pack = Check(checked.files, checked.diagnostics);
  auto warning = [](const Diagnostic& d) { return d.severity == Severity::kWarning; };
  std::copy_if(checked.diagnostics.begin(), checked.diagnostics.end(),
               std::back_inserter(checked.warnings), warning);
  std::erase_if(checked.diagnostics, warning);
  return checked;
}

// A small pack in two files: the schema, parameters and definitions, then the rules.
constexpr char kSchema[] = R"(pack demo version "0.1" "演示"

param share = 0.5 "比例"
param min_years = 5
param neg = -2

standard gs "通用标准" {
  G1 "第一"
  G2 "第二"
}

object program "专业" {
  id: string id required
  year: number >= 0
  accreditation: {
    status: enum(passed, failed, pending)
    validity_years: number >= 0 nullable
  }
  previous: optional {
    year: number >= 0
    result: enum(met, not_met)
  }
  contributors: table contributors "贡献者" {
    name: string
    kind: enum(industry_expert, faculty)
  }
}

table teachers "教师" {
  id: string id
  role: enum(full_time, part_time)
  industry_years: number >= 0
  international: list enum(foreign_national, phd_abroad)
  trained: bool
}

table courses ids global "课程" {
  id: string id
  name: string
  core: bool
  weeks: number >= 0
  lecturers: list ref(teachers) inverse lectures
  methods: list enum open(problem, case, project)
  covers: list ref(gs) inverse covered_by
  assessments: table assessments (course) "考核" {
    id: string id
    kind: enum open(exam, report)
    full_score: number >= 0
  }
  segments: table segments { weeks: number }
}

table scores {
  assessment: ref(assessments)
  score: number >= 0 <= assessment.full_score
}

table materials { requirement: key  item: number >= 0 }
table judgements {
  criterion: key
  verdict: enum(met, not_met)
  requirement: key
  distinction: bool
}

def full_time(t: teachers) = t.role == "full_time"
def research(c: courses) = some m in c.methods: m in ["problem", "case"]
def experienced(t: teachers) = full_time(t) and t.industry_years >= min_years
)";

constexpr char kRules[] = R"(requirement 1 "一" {
  pass all
  criterion 1.1 computed "a" = every t in teachers where experienced(t): t.trained
  criterion 1.2 judged "b"
  criterion 1.3 computed+judged "c" = ratio(c in courses where c.core: research(c)) >= share
  material 1.1 "m"
}
requirement 2 "二" {
  pass at least 1
  criterion 2.1 computed "x" = met("1") and provided("1.1") and judgement("1.2") and distinction("1")
  criterion 2.2 computed "y" = program.previous == none or program.accreditation.status in ["passed", "pending"]
  criterion 2.3 computed "z" = every g in gs: nonempty(g.covered_by)
  criterion 2.4 computed "w" = some a in assessments: a.course.core and count(a.course.lecturers) > -neg
}
eligibility ok "msg" = program.accreditation.status != "failed"
levels { not_met "未达" met "达到" }
overall "结论" {
  good "好" when met("1") and met("2")
  bad "差" otherwise
}
)";

Checked CheckDemo() { return CheckSources({{"schema.zy", kSchema}, {"rules.zy", kRules}}); }

// The schema plus one more file, "bad.zy", whose line numbers the error tests use.
Checked CheckWith(const std::string& snippet) {
  return CheckSources({{"schema.zy", kSchema}, {"bad.zy", snippet}});
}

std::vector<std::string> Codes(const Diagnostics& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics) codes.push_back(d.code);
  return codes;
}

// The one diagnostic of the run; fails unless there is exactly one.
const Diagnostic* Single(const Checked& checked) {
  EXPECT_THAT(checked.diagnostics, SizeIs(1)) << Describe(checked.diagnostics);
  EXPECT_THAT(checked.pack, IsNull());
  return checked.diagnostics.size() == 1 ? &checked.diagnostics[0] : nullptr;
}

void ExpectAt(const Diagnostic& d, const std::string& code, const std::string& file, int line,
              int column) {
  EXPECT_EQ(d.code, code) << d.Format();
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, file) << d.Format();
  EXPECT_EQ(d.line, line) << d.Format();
  EXPECT_EQ(d.column, column) << d.Format();
}

const TableDecl& Table(const CheckedPack& pack, const std::string& name) {
  TableId id = pack.schema.FindTable(name);
  EXPECT_NE(id, kNoTable) << name;
  static const TableDecl kMissing;
  return id == kNoTable ? kMissing : pack.schema.tables[id];
}

const FieldDecl& Field(const CheckedPack& pack, const std::string& table, const std::string& name) {
  const TableDecl& decl = Table(pack, table);
  FieldId id = decl.FindField(name);
  EXPECT_NE(id, -1) << table << "." << name;
  static const FieldDecl kMissing;
  return id == -1 ? kMissing : decl.fields[id];
}

const CriterionDef* FindCriterion(const CheckedPack& pack, const std::string& id) {
  for (const RequirementDef& requirement : pack.requirements) {
    for (const CriterionDef& criterion : requirement.criteria) {
      if (criterion.id == id) return &criterion;
    }
  }
  ADD_FAILURE() << "no criterion " << id;
  return nullptr;
}

// A readable rendering of typed IR: tables and fields by name, variables as `$`.
std::string Show(const CheckedPack& pack, const ir::Node* node) {
  if (!node) return "_";
  auto child = [&](size_t i) { return Show(pack, node->child(i)); };
  auto table = [&](TableId id) {
    return id >= 0 && id < static_cast<TableId>(pack.schema.tables.size())
               ? pack.schema.tables[id].name
               : std::string("?");
  };
  auto field = [&]() {
    const TableDecl& decl = pack.schema.tables[node->table];
    return node->field >= 0 && node->field < static_cast<FieldId>(decl.fields.size())
               ? decl.fields[node->field].name
               : std::string("?");
  };
  auto all = [&](const std::string& head) {
    std::string text = head + "(";
    for (size_t i = 0; i < node->children.size(); ++i) text += (i ? ", " : "") + child(i);
    return text + ")";
  };
  switch (node->op) {
    case Op::kLiteral:
      switch (node->literal.kind) {
        case Kind::kNumber:
          return node->literal.number.ToString();
        case Kind::kText:
          return "\"" + node->literal.text + "\"";
        case Kind::kBool:
          return node->literal.boolean ? "true" : "false";
        case Kind::kNone:
          return "none";
        default:
          return "literal?";
      }
    case Op::kParam:
      return "param:" + pack.params[node->index].name;
    case Op::kVariable:
      return "$";
    case Op::kSingleton:
      return "object:" + table(node->table);
    case Op::kTable:
      return "table:" + table(node->table);
    case Op::kField:
      return child(0) + "." + field();
    case Op::kChildRows:
      return child(0) + "/" + table(node->table);
    case Op::kInverse:
      return child(0) + "<-" + table(node->table) + "." + field();
    case Op::kParent:
      return child(0) + "^" + table(node->table);
    case Op::kNot:
      return all("not");
    case Op::kAnd:
      return all("and");
    case Op::kOr:
      return all("or");
    case Op::kNegate:
      return all("neg");
    case Op::kArithmetic:
    case Op::kCompare:
      return "(" + child(0) + " " + node->text + " " + child(1) + ")";
    case Op::kIn:
      return all("in");
    case Op::kListLiteral:
      return all("list");
    case Op::kQuantifier:
    case Op::kAggregate:
      return all(node->text);
    case Op::kCount:
      return all("count");
    case Op::kEmpty:
      return all(node->text);
    case Op::kJudgement:
      return "judgement:" + node->text;
    case Op::kDistinction:
      return "distinction:" + node->text;
    case Op::kProvided:
      return "provided:" + node->text;
    case Op::kMet:
      return "met:" + node->text;
  }
  return "?";
}

// Every node of a tree, depth first.
void Walk(const ir::Node* node, std::vector<const ir::Node*>& out) {
  if (!node) return;
  out.push_back(node);
  for (const ir::NodePtr& child : node->children) Walk(child.get(), out);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ------------------------------------------------------------------ a valid pack

TEST(CheckValidPack, ChecksWithoutDiagnostics) {
  Checked checked = CheckDemo();
  EXPECT_THAT(checked.diagnostics, IsEmpty()) << Describe(checked.diagnostics);
  ASSERT_THAT(checked.pack, NotNull());
  const CheckedPack& pack = *checked.pack;
  EXPECT_EQ(pack.name, "demo");
  EXPECT_EQ(pack.version, "0.1");
  EXPECT_EQ(pack.title, "演示");
  ASSERT_THAT(pack.sources, SizeIs(2));
  EXPECT_EQ(pack.sources[1]->name(), "rules.zy");
  EXPECT_GT(pack.slot_count, 0);
}

TEST(CheckValidPack, TablesAndTheirShape) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const Schema& schema = checked.pack->schema;
  std::vector<std::string> names;
  for (const TableDecl& table : schema.tables) names.push_back(table.name);
  // Standards first, then the tables in order, each followed by its child tables.
  EXPECT_THAT(names, ElementsAre("gs", "program", "contributors", "teachers", "courses",
                                 "assessments", "segments", "scores", "materials", "judgements"));
  for (size_t i = 0; i < schema.tables.size(); ++i) {
    EXPECT_EQ(schema.FindTable(schema.tables[i].name), static_cast<TableId>(i));
  }
  EXPECT_EQ(schema.FindTable("nothing"), kNoTable);

  const TableDecl& program = Table(*checked.pack, "program");
  EXPECT_TRUE(program.singleton);
  EXPECT_EQ(program.parent, kNoTable);
  EXPECT_EQ(program.json_key, "program");
  EXPECT_EQ(program.id_field, 0);
  EXPECT_THAT(program.children, ElementsAre(schema.FindTable("contributors")));
  EXPECT_FALSE(Table(*checked.pack, "teachers").singleton);
  EXPECT_TRUE(Table(*checked.pack, "courses").ids_global);
  EXPECT_FALSE(Table(*checked.pack, "teachers").ids_global);
}

TEST(CheckValidPack, GroupsAreFlattenedIntoDottedFields) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const TableDecl& program = Table(*checked.pack, "program");
  std::vector<std::string> names;
  for (const FieldDecl& field : program.fields) names.push_back(field.name);
  EXPECT_THAT(names, ElementsAre("id", "year", "accreditation", "accreditation.status",
                                 "accreditation.validity_years", "previous", "previous.year",
                                 "previous.result"));
  const FieldDecl& id = Field(*checked.pack, "program", "id");
  EXPECT_TRUE(id.is_id);
  EXPECT_TRUE(id.required);
  EXPECT_EQ(id.type, FieldType::kString);

  FieldId accreditation = program.FindField("accreditation");
  EXPECT_EQ(program.fields[accreditation].type, FieldType::kGroup);
  EXPECT_EQ(program.fields[accreditation].group, -1);
  EXPECT_FALSE(program.fields[accreditation].absent_is_none);
  const FieldDecl& status = Field(*checked.pack, "program", "accreditation.status");
  EXPECT_EQ(status.type, FieldType::kEnum);
  EXPECT_EQ(status.group, accreditation);
  EXPECT_THAT(status.enum_values, ElementsAre("passed", "failed", "pending"));
  EXPECT_FALSE(status.enum_open);
  const FieldDecl& validity = Field(*checked.pack, "program", "accreditation.validity_years");
  EXPECT_TRUE(validity.nullable);
  ASSERT_TRUE(validity.minimum.has_value());
  EXPECT_EQ(*validity.minimum, Number(0));
  EXPECT_FALSE(Field(*checked.pack, "program", "year").nullable);

  const FieldDecl& previous = Field(*checked.pack, "program", "previous");
  EXPECT_EQ(previous.type, FieldType::kGroup);
  EXPECT_TRUE(previous.absent_is_none);
  EXPECT_TRUE(previous.nullable);
  EXPECT_EQ(Field(*checked.pack, "program", "previous.result").group,
            program.FindField("previous"));
}

TEST(CheckValidPack, ChildTablesKnowTheirParent) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const Schema& schema = checked.pack->schema;
  const TableDecl& contributors = Table(*checked.pack, "contributors");
  EXPECT_EQ(contributors.parent, schema.FindTable("program"));
  EXPECT_EQ(contributors.parent_key, "program");  // default: the parent's name
  EXPECT_EQ(contributors.json_key, "contributors");

  const TableDecl& assessments = Table(*checked.pack, "assessments");
  EXPECT_EQ(assessments.parent, schema.FindTable("courses"));
  EXPECT_EQ(assessments.parent_key, "course");  // `(course)`
  EXPECT_EQ(assessments.json_key, "assessments");
  EXPECT_EQ(assessments.id_field, 0);
  const TableDecl& segments = Table(*checked.pack, "segments");
  EXPECT_EQ(segments.parent_key, "courses");
  EXPECT_EQ(segments.id_field, -1);
  EXPECT_THAT(Table(*checked.pack, "courses").children,
              ElementsAre(schema.FindTable("assessments"), schema.FindTable("segments")));
  const FieldDecl& kind = Field(*checked.pack, "assessments", "kind");
  EXPECT_TRUE(kind.enum_open);
  EXPECT_THAT(kind.enum_values, ElementsAre("exam", "report"));
}

TEST(CheckValidPack, RefsListsAndInverses) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const Schema& schema = checked.pack->schema;
  const TableId teachers = schema.FindTable("teachers");
  const TableId courses = schema.FindTable("courses");
  const TableId gs = schema.FindTable("gs");

  const FieldDecl& lecturers = Field(*checked.pack, "courses", "lecturers");
  EXPECT_EQ(lecturers.type, FieldType::kRef);
  EXPECT_TRUE(lecturers.is_list);
  EXPECT_THAT(lecturers.ref_targets, ElementsAre(teachers));
  EXPECT_EQ(lecturers.inverse, "lectures");
  const FieldDecl& methods = Field(*checked.pack, "courses", "methods");
  EXPECT_EQ(methods.type, FieldType::kEnum);
  EXPECT_TRUE(methods.is_list);
  EXPECT_TRUE(methods.enum_open);
  EXPECT_THAT(Field(*checked.pack, "courses", "covers").ref_targets, ElementsAre(gs));
  EXPECT_FALSE(Field(*checked.pack, "scores", "assessment").is_list);

  ASSERT_THAT(schema.inverses, SizeIs(2));
  auto lectures = schema.inverses.find(std::make_pair(teachers, std::string("lectures")));
  ASSERT_NE(lectures, schema.inverses.end());
  EXPECT_EQ(lectures->second.source, courses);
  EXPECT_EQ(lectures->second.field, Table(*checked.pack, "courses").FindField("lecturers"));
  auto covered = schema.inverses.find(std::make_pair(gs, std::string("covered_by")));
  ASSERT_NE(covered, schema.inverses.end());
  EXPECT_EQ(covered->second.source, courses);
  EXPECT_EQ(covered->second.field, Table(*checked.pack, "courses").FindField("covers"));
  EXPECT_EQ(schema.inverses.count(std::make_pair(courses, std::string("lectures"))), 0u);
}

TEST(CheckValidPack, NumberBounds) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const FieldDecl& score = Field(*checked.pack, "scores", "score");
  EXPECT_EQ(score.type, FieldType::kNumber);
  ASSERT_TRUE(score.minimum.has_value());
  EXPECT_EQ(*score.minimum, Number(0));
  EXPECT_EQ(score.maximum_ref, Table(*checked.pack, "scores").FindField("assessment"));
  EXPECT_EQ(score.maximum_field, Table(*checked.pack, "assessments").FindField("full_score"));
  const FieldDecl& weeks = Field(*checked.pack, "segments", "weeks");
  EXPECT_FALSE(weeks.minimum.has_value());
  EXPECT_EQ(weeks.maximum_ref, -1);
  EXPECT_EQ(weeks.maximum_field, -1);
}

TEST(CheckValidPack, StandardsArePackTables) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  ASSERT_THAT(checked.pack->standards, SizeIs(1));
  const StandardDef& standard = checked.pack->standards[0];
  EXPECT_EQ(standard.name, "gs");
  EXPECT_EQ(standard.title, "通用标准");
  EXPECT_EQ(standard.table, checked.pack->schema.FindTable("gs"));
  const TableDecl& gs = Table(*checked.pack, "gs");
  EXPECT_TRUE(gs.from_pack);
  EXPECT_EQ(gs.id_field, 0);
  ASSERT_THAT(gs.fields, SizeIs(2));
  EXPECT_EQ(gs.fields[0].name, "id");
  EXPECT_TRUE(gs.fields[0].is_id);
  EXPECT_EQ(gs.fields[1].name, "text");
  EXPECT_THAT(gs.pack_rows, ElementsAre(std::make_pair(std::string("G1"), std::string("第一")),
                                        std::make_pair(std::string("G2"), std::string("第二"))));
  EXPECT_FALSE(Table(*checked.pack, "teachers").from_pack);
}

TEST(CheckValidPack, ParamsRequirementsAndOutcomes) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const CheckedPack& pack = *checked.pack;
  ASSERT_THAT(pack.params, SizeIs(3));
  EXPECT_EQ(pack.params[0].name, "share");
  EXPECT_EQ(pack.params[0].value.kind, Kind::kNumber);
  EXPECT_EQ(pack.params[0].value.number, Number::Ratio(1, 2));
  EXPECT_EQ(pack.params[0].description, "比例");
  EXPECT_EQ(pack.params[1].value.number, Number(5));
  EXPECT_EQ(pack.params[2].value.number, Number(-2));  // `-2` folds into a literal
  EXPECT_EQ(pack.FindParam("min_years"), 1);
  EXPECT_EQ(pack.FindParam("nope"), -1);

  ASSERT_THAT(pack.requirements, SizeIs(2));
  const RequirementDef& one = pack.requirements[0];
  EXPECT_EQ(one.id, "1");
  EXPECT_EQ(one.title, "一");
  EXPECT_EQ(one.at_least, -1);
  ASSERT_THAT(one.criteria, SizeIs(3));
  EXPECT_EQ(one.criteria[0].id, "1.1");
  EXPECT_EQ(one.criteria[0].kind, CriterionKind::kComputed);
  EXPECT_THAT(one.criteria[0].expression, NotNull());
  EXPECT_EQ(one.criteria[1].kind, CriterionKind::kJudged);
  EXPECT_THAT(one.criteria[1].expression, IsNull());
  EXPECT_EQ(one.criteria[2].kind, CriterionKind::kComputedJudged);
  EXPECT_THAT(one.criteria[2].expression, NotNull());
  ASSERT_THAT(one.materials, SizeIs(1));
  EXPECT_EQ(one.materials[0].id, "1.1");
  EXPECT_EQ(pack.requirements[1].at_least, 1);
  EXPECT_THAT(pack.requirements[1].criteria, SizeIs(4));

  ASSERT_THAT(pack.eligibility, SizeIs(1));
  EXPECT_EQ(pack.eligibility[0].id, "ok");
  EXPECT_EQ(Show(pack, pack.eligibility[0].condition.get()),
            "(object:program.accreditation.status != \"failed\")");
  ASSERT_THAT(pack.levels, SizeIs(2));
  EXPECT_EQ(pack.levels[1].name, "met");
  EXPECT_EQ(pack.overall_title, "结论");
  ASSERT_THAT(pack.overall, SizeIs(2));
  EXPECT_EQ(Show(pack, pack.overall[0].when.get()), "and(met:1, met:2)");
  EXPECT_THAT(pack.overall[1].when, IsNull());
}

TEST(CheckValidPack, RequirementsAreSortedById) {
  Checked checked = CheckSources({{"schema.zy", kSchema},
                                  {"r.zy",
                                   "requirement 10 \"十\" { criterion 10.1 judged \"a\" }\n"
                                   "requirement 9 \"九\" { criterion 9.1 judged \"a\" }\n"
                                   "requirement 2 \"二\" { criterion 2.1 judged \"a\" }\n"}});
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  std::vector<std::string> ids;
  for (const RequirementDef& requirement : checked.pack->requirements)
    ids.push_back(requirement.id);
  EXPECT_THAT(ids, ElementsAre("2", "9", "10"));
}

// ------------------------------------------------------------------ IR

TEST(CheckIr, DefCallsAreInlined) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const CheckedPack& pack = *checked.pack;
  const CriterionDef* one = FindCriterion(pack, "1.1");
  ASSERT_NE(one, nullptr);
  // experienced(t) = full_time(t) and …, full_time(t) = t.role == "full_time"
  ASSERT_EQ(Show(pack, one->expression.get()),
            "every(table:teachers, and(($.role == \"full_time\"), ($.industry_years >= "
            "param:min_years)), $.trained)");
  const ir::Node& every = *one->expression;
  EXPECT_EQ(every.op, Op::kQuantifier);
  EXPECT_EQ(every.type.kind, Kind::kBool);
  // The inlined argument is the quantifier's own variable.
  std::vector<const ir::Node*> nodes;
  Walk(&every, nodes);
  int variables = 0;
  for (const ir::Node* node : nodes) {
    if (node->op == Op::kVariable) {
      ++variables;
      EXPECT_EQ(node->slot, every.slot);
      EXPECT_EQ(node->type.kind, Kind::kEntity);
      EXPECT_EQ(node->type.table, pack.schema.FindTable("teachers"));
    }
  }
  EXPECT_EQ(variables, 3);

  const CriterionDef* three = FindCriterion(pack, "1.3");
  ASSERT_NE(three, nullptr);
  ASSERT_EQ(Show(pack, three->expression.get()),
            "(ratio(table:courses, $.core, some($.methods, _, in($, list(\"problem\", "
            "\"case\")))) >= param:share)");
  const ir::Node* ratio = three->expression->child(0);
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(ratio->op, Op::kAggregate);
  EXPECT_EQ(ratio->type.kind, Kind::kNumber);
  const ir::Node* some = ratio->child(2);
  ASSERT_NE(some, nullptr);
  EXPECT_EQ(some->op, Op::kQuantifier);
  EXPECT_NE(some->slot, ratio->slot);
  const ir::Node* methods = some->child(0);
  EXPECT_EQ(methods->type.kind, Kind::kCollection);
  EXPECT_EQ(methods->type.element, Kind::kText);
  EXPECT_EQ(methods->child(0)->slot, ratio->slot);        // c of the ratio
  EXPECT_EQ(some->child(2)->child(0)->slot, some->slot);  // m of the quantifier
}

TEST(CheckIr, BuiltinsNoneAndIn) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const CheckedPack& pack = *checked.pack;
  const CriterionDef* ids = FindCriterion(pack, "2.1");
  ASSERT_NE(ids, nullptr);
  // `a and b and c and d` is one n-ary node.
  ASSERT_EQ(Show(pack, ids->expression.get()),
            "and(met:1, provided:1.1, judgement:1.2, distinction:1)");
  EXPECT_EQ(ids->expression->children.size(), 4u);
  EXPECT_EQ(ids->expression->child(0)->op, Op::kMet);
  EXPECT_EQ(ids->expression->child(1)->op, Op::kProvided);
  EXPECT_EQ(ids->expression->child(2)->op, Op::kJudgement);
  EXPECT_EQ(ids->expression->child(3)->op, Op::kDistinction);

  const CriterionDef* none = FindCriterion(pack, "2.2");
  ASSERT_NE(none, nullptr);
  ASSERT_EQ(Show(pack, none->expression.get()),
            "or((object:program.previous == none), in(object:program.accreditation.status, "
            "list(\"passed\", \"pending\")))");
  const ir::Node* compare = none->expression->child(0);
  EXPECT_EQ(compare->op, Op::kCompare);
  EXPECT_EQ(compare->text, "==");
  EXPECT_EQ(compare->child(0)->type.kind, Kind::kGroup);
  EXPECT_EQ(compare->child(1)->op, Op::kLiteral);
  EXPECT_EQ(compare->child(1)->type.kind, Kind::kNone);
  const ir::Node* in = none->expression->child(1);
  EXPECT_EQ(in->op, Op::kIn);
  EXPECT_EQ(in->child(0)->type.kind, Kind::kText);
  EXPECT_EQ(in->child(1)->op, Op::kListLiteral);
  EXPECT_EQ(in->child(1)->type.kind, Kind::kCollection);
  EXPECT_EQ(in->child(1)->type.element, Kind::kText);

  const CriterionDef* inverse = FindCriterion(pack, "2.3");
  ASSERT_NE(inverse, nullptr);
  ASSERT_EQ(Show(pack, inverse->expression.get()),
            "every(table:gs, _, nonempty($<-courses.covers))");
  EXPECT_EQ(inverse->expression->child(2)->op, Op::kEmpty);

  const CriterionDef* parent = FindCriterion(pack, "2.4");
  ASSERT_NE(parent, nullptr);
  ASSERT_EQ(Show(pack, parent->expression.get()),
            "some(table:assessments, _, and($^courses.core, (count($^courses.lecturers) > "
            "neg(param:neg))))");
}

TEST(CheckIr, NavigationNodes) {
  Checked checked = CheckWith(
      "requirement 5 \"五\" {\n"
      "  criterion 5.1 computed \"a\" = some c in courses: count(c.assessments) >= 1\n"
      "  criterion 5.2 computed \"b\" = some t in teachers: nonempty(t.lectures)\n"
      "  criterion 5.3 computed \"c\" = some k in program.contributors: k.program.year > 0\n"
      "  criterion 5.4 computed \"d\" = -program.year < program.year * 2 - 1\n"
      "}\n");
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const CheckedPack& pack = *checked.pack;
  const CriterionDef* children = FindCriterion(pack, "5.1");
  ASSERT_NE(children, nullptr);
  ASSERT_EQ(Show(pack, children->expression.get()),
            "some(table:courses, _, (count($/assessments) >= 1))");
  const ir::Node* rows = children->expression->child(2)->child(0)->child(0);
  EXPECT_EQ(rows->op, Op::kChildRows);
  EXPECT_EQ(rows->type.kind, Kind::kCollection);
  EXPECT_EQ(rows->type.element, Kind::kEntity);
  EXPECT_EQ(rows->type.table, pack.schema.FindTable("assessments"));

  const CriterionDef* inverse = FindCriterion(pack, "5.2");
  ASSERT_NE(inverse, nullptr);
  ASSERT_EQ(Show(pack, inverse->expression.get()),
            "some(table:teachers, _, nonempty($<-courses.lecturers))");
  EXPECT_EQ(inverse->expression->child(2)->child(0)->op, Op::kInverse);

  const CriterionDef* parent = FindCriterion(pack, "5.3");
  ASSERT_NE(parent, nullptr);
  ASSERT_EQ(Show(pack, parent->expression.get()),
            "some(object:program/contributors, _, ($^program.year > 0))");

  const CriterionDef* arithmetic = FindCriterion(pack, "5.4");
  ASSERT_NE(arithmetic, nullptr);
  ASSERT_EQ(Show(pack, arithmetic->expression.get()),
            "(neg(object:program.year) < ((object:program.year * 2) - 1))");
}

TEST(CheckIr, NodesCarrySpansInTheirFile) {
  Checked checked = CheckDemo();
  ASSERT_THAT(checked.pack, NotNull()) << Describe(checked.diagnostics);
  const CheckedPack& pack = *checked.pack;
  const CriterionDef* three = FindCriterion(pack, "1.3");
  ASSERT_NE(three, nullptr);
  const ir::Node* ratio = three->expression->child(0);
  ASSERT_EQ(ratio->file, 1);  // rules.zy
  LineColumn at = pack.sources[1]->Locate(ratio->span.begin);
  EXPECT_EQ(at.line, 5);
  EXPECT_EQ(at.column, 39);
  EXPECT_EQ(pack.sources[1]->text().substr(ratio->span.begin, 6), "ratio(");
  // The inlined body of research(c) comes from schema.zy.
  const ir::Node* some = ratio->child(2);
  EXPECT_EQ(some->file, 0);
  EXPECT_EQ(pack.sources[0]->text().substr(some->span.begin, 6), "some m");
}

// ------------------------------------------------------------------ errors

TEST(CheckErrors, UnknownNameWithDidYouMean) {
  Checked checked = CheckWith("eligibility e \"m\" = every t in teacher: t.trained\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1101", "bad.zy", 1, 32);
  EXPECT_THAT(d->message, HasSubstr("unknown name `teacher`"));
  EXPECT_EQ(d->help, "did you mean `teachers`?");
}

TEST(CheckErrors, UnknownNameWithoutGuess) {
  Checked checked = CheckWith("eligibility e \"m\" = zzzzzz\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1101", "bad.zy", 1, 21);
  EXPECT_THAT(d->help, HasSubstr("names are parameters, tables"));
}

TEST(CheckErrors, UnknownFunctionAndUnknownTable) {
  Checked function = CheckWith("eligibility e \"m\" = nonempy(teachers)\n");
  const Diagnostic* d = Single(function);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1101", "bad.zy", 1, 21);
  EXPECT_THAT(d->message, HasSubstr("unknown function `nonempy`"));
  EXPECT_EQ(d->help, "did you mean `nonempty`?");

  Checked table = CheckWith("table extra {\n  who: ref(teacher)\n}\n");
  d = Single(table);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1101", "bad.zy", 2, 8);
  EXPECT_THAT(d->message, HasSubstr("unknown table `teacher`"));
  EXPECT_EQ(d->help, "did you mean `teachers`?");
}

TEST(CheckErrors, UnknownFieldWithDidYouMean) {
  Checked checked = CheckWith("eligibility e \"m\" = every t in teachers: t.trainde\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1102", "bad.zy", 1, 42);
  EXPECT_THAT(d->message, HasSubstr("`teachers` has no field `trainde`"));
  EXPECT_EQ(d->help, "did you mean `trained`?");
}

TEST(CheckErrors, UnknownFieldInAGroup) {
  Checked checked =
      CheckWith("eligibility e \"m\" =\n  program.accreditation.stauts == \"passed\"\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1102", "bad.zy", 2, 3);
  EXPECT_THAT(d->message, HasSubstr("`program` has no field `accreditation.stauts`"));
  EXPECT_EQ(d->help, "did you mean `status`?");
}

TEST(CheckErrors, UnknownFieldListsTheFields) {
  Checked checked = CheckWith("eligibility e \"m\" = some t in teachers: t.qqqqqqqq\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1102");
  EXPECT_THAT(d->help, HasSubstr("its fields: "));
  EXPECT_THAT(d->help, HasSubstr("industry_years"));
  EXPECT_THAT(d->help, HasSubstr("lectures"));  // the inverse is a navigation too
}

TEST(CheckErrors, UnknownFieldInADefIsReportedInTheDefsFile) {
  Checked checked =
      CheckSources({{"schema.zy", kSchema},
                    {"defs.zy", "\ndef broken(t: teachers) =\n    t.rol == \"x\"\n"},
                    {"bad.zy", "eligibility e \"m\" = some t in teachers: broken(t)\n"}});
  ASSERT_FALSE(checked.diagnostics.empty());
  ExpectAt(checked.diagnostics[0], "ZY1102", "defs.zy", 3, 5);
  EXPECT_EQ(checked.diagnostics[0].help, "did you mean `role`?");
}

TEST(CheckErrors, AnErrorInADefIsReportedOnce) {
  // Definitions are checked where they are inlined; three uses must not make three copies
  // of the same diagnostic.
  Checked checked =
      CheckSources({{"schema.zy", kSchema},
                    {"bad.zy",
                     "def broken(t: teachers) = t.rol == \"x\"\n"
                     "eligibility e \"m\" = some t in teachers: broken(t)\n"
                     "eligibility f \"m\" = some t in teachers: broken(t) and broken(t)\n"}});
  ASSERT_FALSE(checked.diagnostics.empty());
  EXPECT_THAT(checked.pack, IsNull());
  ExpectAt(checked.diagnostics[0], "ZY1102", "bad.zy", 1, 27);
}

TEST(CheckErrors, TypeMismatchAndOfNumber) {
  Checked checked = CheckWith("eligibility e \"m\" = count(teachers) and true\n");
  ASSERT_FALSE(checked.diagnostics.empty()) << Describe(checked.diagnostics);
  EXPECT_THAT(checked.pack, IsNull());
  ExpectAt(checked.diagnostics[0], "ZY1103", "bad.zy", 1, 21);
  EXPECT_THAT(checked.diagnostics[0].message, HasSubstr("`and` needs a bool, found a number"));
}

TEST(CheckErrors, TypeMismatchTextWithNumber) {
  Checked checked = CheckWith("eligibility e \"m\" = program.id == 1\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1103", "bad.zy", 1, 21);
  EXPECT_THAT(d->message, HasSubstr("`==` cannot compare a text with a number"));

  Checked ordered = CheckWith("eligibility e \"m\" = program.id < \"x\"\n");
  d = Single(ordered);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1103");
  EXPECT_THAT(d->message, HasSubstr("`<` cannot compare a text with a text"));
}

TEST(CheckErrors, TypeMismatchFieldOfACollection) {
  Checked checked = CheckWith("eligibility e \"m\" = teachers.trained\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1103", "bad.zy", 1, 21);
  EXPECT_THAT(d->message, HasSubstr("`.trained` needs a row, found a collection"));
  EXPECT_THAT(d->help, HasSubstr("every x in"));
}

TEST(CheckErrors, TypeMismatchOtherForms) {
  struct Case {
    const char* expression;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {"1", "an eligibility rule needs a bool, found a number"},
           {"not program.year", "`not` needs a bool, found a number"},
           {"-program.id == 1", "`-` needs a number, found a text"},
           {"program.year + true > 1", "`+` needs a number, found a bool"},
           {"every t in program: true", "`every` ranges over a collection, found a row"},
           {"sum(t in teachers: t.trained) > 1", "the body of `sum` needs a number, found a bool"},
           {"ratio(t in teachers: t.industry_years) > 0",
            "the body of `ratio` needs a bool, found a number"},
           {"mean(t in teachers) > 0", "`mean` needs a body after `:`"},
           {"count(t in teachers: t.trained) > 0", "`count` takes no `: body`"},
           {"count(program.id) > 0", "`count` needs a collection, found a text"},
           {"met(\"1\" + 1)", "`+` needs a number, found a text"},
           {"met(program.id)", "`met` takes an id in quotes"},
           {"program.year in 3", "`in` needs a collection on its right, found a number"},
           {"program.year in [\"a\"]", "`in` compares a number with a collection of text"},
           {"some t in teachers: full_time(program)",
            "argument `t` of `full_time` must be a row of `teachers`, found a row of `program`"},
           {"[program.id] == none", "list items must be text or number literals"},
       }) {
    Checked checked = CheckWith(std::string("eligibility e \"m\" = ") + c.expression + "\n");
    ASSERT_FALSE(checked.diagnostics.empty()) << c.expression;
    EXPECT_EQ(checked.diagnostics[0].code, "ZY1103") << c.expression;
    EXPECT_THAT(checked.diagnostics[0].message, HasSubstr(c.message)) << c.expression;
    EXPECT_EQ(checked.diagnostics[0].file, "bad.zy");
    EXPECT_THAT(checked.pack, IsNull()) << c.expression;
  }
}

TEST(CheckErrors, MixedListLiteralIsRejected) {
  // A list literal is typed by its last item: ["a", 1] is a "collection of number" that holds
  // a text, and a quantifier over it binds a number variable to "a".
  Checked checked = CheckWith("eligibility e \"m\" = every x in [\"a\", 1]: x > 0\n");
  EXPECT_EQ(checked.diagnostics[0].code, "ZY1103");
}

TEST(CheckErrors, Duplicates) {
  struct Case {
    const char* snippet;
    const char* message;
    int line;
    int column;
  };
  for (const Case& c : std::vector<Case>{
           {"param share = 1\n", "parameter `share` is declared twice", 1, 1},
           {"\ndef full_time(t: teachers) = true\n", "definition `full_time` is declared twice", 2,
            1},
           {"table teachers { x: number }\n", "`teachers` is declared twice", 1, 1},
           {"table gs { x: number }\n", "`gs` is declared twice", 1, 1},
           {"table t2 {\n  a: number\n  a: bool\n}\n", "field `a` is declared twice", 3, 3},
           {"table t2 { r: ref(teachers) inverse lectures }\n",
            "inverse `lectures` is declared twice on `teachers`", 1, 15},
           {"requirement 1 \"a\" { criterion 1.1 judged \"x\" }\n"
            "requirement 1 \"b\" { criterion 1.2 judged \"y\" }\n",
            "requirement 1 is declared twice", 2, 1},
           {"requirement 1 \"a\" {\n  criterion 1.1 judged \"x\"\n  criterion 1.1 judged "
            "\"y\"\n}\n",
            "criterion 1.1 is declared twice", 3, 3},
           {"requirement 1 \"a\" {\n  criterion 1.1 judged \"x\"\n  material 1.1 \"m\"\n"
            "  material 1.1 \"n\"\n}\n",
            "material 1.1 is declared twice", 4, 3},
           {"pack again version \"2\"\n", "the pack header is declared twice", 1, 1},
           {"overall \"a\" { x \"x\" otherwise }\noverall \"b\" { y \"y\" otherwise }\n",
            "`overall` is declared twice", 2, 1},
       }) {
    Checked checked = CheckWith(c.snippet);
    ASSERT_FALSE(checked.diagnostics.empty()) << c.snippet;
    ExpectAt(checked.diagnostics[0], "ZY1104", "bad.zy", c.line, c.column);
    EXPECT_THAT(checked.diagnostics[0].message, HasSubstr(c.message)) << c.snippet;
    EXPECT_THAT(checked.pack, IsNull()) << c.snippet;
  }
}

TEST(CheckErrors, DuplicateGroupField) {
  // A nested object whose name is already taken is not reported (the scalar branch checks
  // FindField, the group branch does not).
  Checked checked = CheckWith("table t2 {\n  a: number\n  a: { b: number }\n}\n");
  ExpectAt(checked.diagnostics[0], "ZY1104", "bad.zy", 3, 3);
}

TEST(CheckErrors, RecursiveDefinition) {
  Checked checked = CheckWith(
      "def loop(x: number) = loop(x - 1) > 0\n"
      "eligibility e \"m\" = loop(3)\n");
  ASSERT_FALSE(checked.diagnostics.empty());
  EXPECT_THAT(checked.pack, IsNull());
  ExpectAt(checked.diagnostics[0], "ZY1105", "bad.zy", 1, 23);
  EXPECT_THAT(checked.diagnostics[0].message, HasSubstr("`loop` calls itself (loop → loop)"));
}

TEST(CheckErrors, MutuallyRecursiveDefinitions) {
  Checked checked = CheckWith(
      "def ping(x: number) = pong(x)\n"
      "def pong(x: number) = x > 0 and ping(x)\n"
      "eligibility e \"m\" = ping(1)\n");
  ASSERT_FALSE(checked.diagnostics.empty());
  EXPECT_THAT(checked.pack, IsNull());
  ExpectAt(checked.diagnostics[0], "ZY1105", "bad.zy", 2, 33);
  EXPECT_THAT(checked.diagnostics[0].message, HasSubstr("ping → pong → ping"));
}

TEST(CheckErrors, UnusedRecursiveDefinitionIsReported) {
  // GRAMMAR.md: "definitions cannot call themselves (directly or not)". Definition bodies are
  // only checked where they are inlined, so an unused one escapes every check.
  Checked checked = CheckWith(
      "def ping(x: number) = pong(x)\n"
      "def pong(x: number) = ping(x) and nonsense\n");
  EXPECT_THAT(Codes(checked.diagnostics), ::testing::Contains("ZY1105"));
}

TEST(CheckErrors, WrongArgumentCount) {
  struct Case {
    const char* expression;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {"some t in teachers: full_time()", "`full_time` takes 1 argument, 0 given"},
           {"some t in teachers: full_time(t, t)", "`full_time` takes 1 argument, 2 given"},
           {"met(\"1\", \"2\")", "`met` takes 1 argument, 2 given"},
           {"judgement()", "`judgement` takes 1 argument, 0 given"},
           {"count() > 1", "`count` takes 1 argument, 0 given"},
           {"nonempty(teachers, teachers)", "`nonempty` takes 1 argument, 2 given"},
       }) {
    Checked checked = CheckWith(std::string("eligibility e \"m\" = ") + c.expression + "\n");
    ASSERT_FALSE(checked.diagnostics.empty()) << c.expression;
    EXPECT_EQ(checked.diagnostics[0].code, "ZY1106") << c.expression;
    EXPECT_THAT(checked.diagnostics[0].message, HasSubstr(c.message));
    EXPECT_THAT(checked.pack, IsNull());
  }
  Checked located = CheckWith("eligibility e \"m\" =\n    some t in teachers: full_time(t, 1)\n");
  ASSERT_FALSE(located.diagnostics.empty());
  ExpectAt(located.diagnostics[0], "ZY1106", "bad.zy", 2, 25);
}

TEST(CheckErrors, EnumLiteralNotInClosedSet) {
  Checked checked = CheckWith("eligibility e \"m\" = program.accreditation.status == \"pased\"\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1107", "bad.zy", 1, 53);
  EXPECT_THAT(d->message, HasSubstr("\"pased\" is not a value of `accreditation.status`"));
  EXPECT_EQ(d->help, "did you mean \"passed\"?");

  // Literal first, in a list, through a def, through a list variable.
  for (const char* expression : {
           "\"faild\" == program.accreditation.status",
           "program.accreditation.status in [\"passed\", \"faild\"]",
           "program.accreditation.status not in [\"faild\"]",
           "some t in teachers: t.role == \"fulltime\"",
           "some t in teachers: some i in t.international: i == \"phd\"",
           "some t in teachers: \"phd\" in t.international",
       }) {
    Checked bad = CheckWith(std::string("eligibility e \"m\" = ") + expression + "\n");
    ASSERT_THAT(bad.diagnostics, SizeIs(1)) << expression << "\n" << Describe(bad.diagnostics);
    EXPECT_EQ(bad.diagnostics[0].code, "ZY1107") << expression;
  }
  Checked no_guess =
      CheckWith("eligibility e \"m\" = program.accreditation.status == \"zzzzzzz\"\n");
  ASSERT_THAT(no_guess.diagnostics, SizeIs(1));
  EXPECT_EQ(no_guess.diagnostics[0].help, "its values: passed, failed, pending");
}

TEST(CheckErrors, OpenEnumsAcceptAnyValue) {
  Checked checked = CheckWith(
      "eligibility e \"m\" = some c in courses: some m in c.methods: m == \"flipped\"\n"
      "eligibility f \"m\" = some a in assessments: a.kind in [\"hackathon\", \"exam\"]\n"
      "eligibility g \"m\" = program.accreditation.status == \"passed\"\n");
  EXPECT_THAT(checked.diagnostics, IsEmpty()) << Describe(checked.diagnostics);
  EXPECT_THAT(checked.pack, NotNull());
}

TEST(CheckErrors, UnknownIds) {
  struct Case {
    const char* expression;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {"judgement(\"9.9\")", "no criterion has the id \"9.9\""},
           {"provided(\"1.9\")", "no material has the id \"1.9\""},
           {"met(\"7\")", "no criterion or requirement has the id \"7\""},
           {"distinction(\"1.1\")", "has the id \"1.1\""},  // a criterion, not a requirement
           {"judgement(\"1\")", "has the id \"1\""},        // a requirement, not a criterion
       }) {
    Checked checked = CheckWith(
        "requirement 1 \"一\" {\n  criterion 1.1 judged \"a\"\n  material 1.1 \"m\"\n}\n"
        "eligibility e \"m\" = " +
        std::string(c.expression) + "\n");
    const Diagnostic* d = Single(checked);
    ASSERT_NE(d, nullptr) << c.expression;
    ExpectAt(*d, "ZY1108", "bad.zy", 5, 21 + static_cast<int>(std::string(c.expression).find('"')));
    EXPECT_THAT(d->message, HasSubstr(c.message)) << c.expression;
  }
  // Known ids are fine.
  Checked good = CheckWith(
      "requirement 1 \"一\" {\n  criterion 1.1 judged \"a\"\n  material 1.1 \"m\"\n}\n"
      "eligibility e \"m\" = judgement(\"1.1\") and provided(\"1.1\") and met(\"1\") and "
      "met(\"1.1\") and distinction(\"1\")\n");
  EXPECT_THAT(good.diagnostics, IsEmpty()) << Describe(good.diagnostics);
}

TEST(CheckErrors, CriterionIdOutsideItsRequirement) {
  Checked checked = CheckWith("requirement 3 \"三\" {\n  criterion 4.1 judged \"a\"\n}\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1108", "bad.zy", 2, 3);
  EXPECT_THAT(d->message, HasSubstr("its id must start with `3.`"));
}

TEST(CheckErrors, PassAtLeastMoreThanCriteria) {
  Checked checked = CheckWith(
      "requirement 3 \"三\" {\n"
      "  pass at least 5\n"
      "  criterion 3.1 judged \"a\"\n"
      "  criterion 3.2 judged \"b\"\n"
      "  criterion 3.3 judged \"c\"\n"
      "}\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1109", "bad.zy", 1, 1);
  EXPECT_THAT(d->message, HasSubstr("`pass at least 5` but requirement 3 has 3 criteria"));

  Checked zero = CheckWith("requirement 3 \"三\" { pass at least 0 criterion 3.1 judged \"a\" }\n");
  ASSERT_THAT(zero.diagnostics, SizeIs(1));
  EXPECT_EQ(zero.diagnostics[0].code, "ZY1109");

  Checked exact = CheckWith(
      "requirement 3 \"三\" { pass at least 2 criterion 3.1 judged \"a\" criterion 3.2 judged "
      "\"b\" }\n");
  EXPECT_THAT(exact.diagnostics, IsEmpty()) << Describe(exact.diagnostics);
  ASSERT_THAT(exact.pack, NotNull());
  EXPECT_EQ(exact.pack->requirements[0].at_least, 2);
}

TEST(CheckErrors, PassAtLeastHugeNumber) {
  // The grammar accepts any run of digits; a count beyond `int` must still be ZY1109, and the
  // message should quote the count that was written.
  Checked checked =
      CheckWith("requirement 3 \"三\" { pass at least 99999999999 criterion 3.1 judged \"a\" }\n");
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1109", "bad.zy", 1, 1);
}

TEST(CheckErrors, MissingPackHeader) {
  Checked checked =
      CheckSources({{"first.zy", "param a = 1\n"}, {"second.zy", "eligibility e \"m\" = a > 0\n"}});
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1110", "first.zy", 1, 1);
  EXPECT_THAT(d->message, HasSubstr("no `pack NAME version"));
}

TEST(CheckErrors, JudgementsNeedTheirTable) {
  Checked checked = CheckSources({{"p.zy",
                                   "pack p version \"1\"\n"
                                   "requirement 1 \"一\" { criterion 1.1 judged \"a\" }\n"}});
  const Diagnostic* d = Single(checked);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1110");
  EXPECT_THAT(
      d->message,
      HasSubstr("an expert's judgement reads the table `judgements`, which is not declared"));

  Checked materials = CheckSources({{"p.zy",
                                     "pack p version \"1\"\n"
                                     "requirement 1 \"一\" { criterion 1.1 computed \"a\" = "
                                     "provided(\"1.1\") material 1.1 \"m\" }\n"}});
  d = Single(materials);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "ZY1110");
  EXPECT_THAT(d->message,
              HasSubstr("`provided()` reads the table `materials`, which is not declared"));

  // Without judged criteria nor built-ins, no such table is needed.
  Checked plain =
      CheckSources({{"p.zy",
                     "pack p version \"1\"\n"
                     "requirement 1 \"一\" { criterion 1.1 computed \"a\" = true }\n"}});
  EXPECT_THAT(plain.diagnostics, IsEmpty()) << Describe(plain.diagnostics);
  EXPECT_THAT(plain.pack, NotNull());
}

TEST(CheckErrors, JudgedAndComputedCriteriaExpressions) {
  Checked judged = CheckWith("requirement 3 \"三\" {\n  criterion 3.1 judged \"a\" = true\n}\n");
  const Diagnostic* d = Single(judged);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1103", "bad.zy", 2, 3);
  EXPECT_THAT(d->message, HasSubstr("criterion 3.1 is judged; it takes no expression"));
  EXPECT_THAT(d->help, HasSubstr("computed+judged"));

  for (const char* kind : {"computed", "computed+judged"}) {
    Checked computed =
        CheckWith(std::string("requirement 3 \"三\" {\n  criterion 3.1 ") + kind + " \"a\"\n}\n");
    d = Single(computed);
    ASSERT_NE(d, nullptr) << kind;
    ExpectAt(*d, "ZY1103", "bad.zy", 2, 3);
    EXPECT_THAT(d->message, HasSubstr("criterion 3.1 needs `= expression`"));
  }

  Checked number = CheckWith("requirement 3 \"三\" {\n  criterion 3.1 computed \"a\" = 1 + 1\n}\n");
  d = Single(number);
  ASSERT_NE(d, nullptr);
  ExpectAt(*d, "ZY1103", "bad.zy", 2, 32);
  EXPECT_THAT(d->message, HasSubstr("a criterion needs a bool, found a number"));
}

TEST(CheckErrors, SchemaErrors) {
  Checked bound = CheckWith("table t2 { n: number <= nothing.full_score }\n");
  ASSERT_THAT(bound.diagnostics, SizeIs(1)) << Describe(bound.diagnostics);
  EXPECT_EQ(bound.diagnostics[0].code, "ZY1111");
  EXPECT_THAT(bound.diagnostics[0].message, HasSubstr("an upper bound must read a number"));

  Checked bound_field = CheckWith("table t2 { a: ref(assessments)  n: number <= a.ful_score }\n");
  ASSERT_THAT(bound_field.diagnostics, SizeIs(1)) << Describe(bound_field.diagnostics);
  EXPECT_EQ(bound_field.diagnostics[0].code, "ZY1102");
  EXPECT_THAT(bound_field.diagnostics[0].message,
              HasSubstr("`assessments` has no number field `ful_score`"));

  Checked two_ids = CheckWith("table t2 { a: string id  b: string id }\n");
  ASSERT_THAT(two_ids.diagnostics, SizeIs(1)) << Describe(two_ids.diagnostics);
  EXPECT_EQ(two_ids.diagnostics[0].code, "ZY1111");
  EXPECT_THAT(two_ids.diagnostics[0].message, HasSubstr("has two id fields"));

  Checked list_table = CheckWith("table t2 { a: list table t3 { x: number } }\n");
  ASSERT_THAT(list_table.diagnostics, SizeIs(1)) << Describe(list_table.diagnostics);
  EXPECT_EQ(list_table.diagnostics[0].code, "ZY1111");
}

TEST(CheckErrors, SeveralErrorsInOneRun) {
  Checked checked = CheckWith(
      "param share = 2\n"                                                        // ZY1104
      "eligibility a \"m\" = every t in teacher: t.trained\n"                    // ZY1101
      "eligibility b \"m\" = some t in teachers: t.rol == \"x\"\n"               // ZY1102
      "eligibility c \"m\" = program.id == 1\n"                                  // ZY1103
      "eligibility d \"m\" = program.accreditation.status == \"pased\"\n"        // ZY1107
      "eligibility e \"m\" = met(\"42\")\n"                                      // ZY1108
      "requirement 7 \"七\" { pass at least 2 criterion 7.1 judged \"a\" }\n");  // ZY1109
  EXPECT_THAT(checked.pack, IsNull());
  EXPECT_THAT(Codes(checked.diagnostics),
              ::testing::UnorderedElementsAre("ZY1104", "ZY1101", "ZY1102", "ZY1103", "ZY1107",
                                              "ZY1108", "ZY1109"))
      << Describe(checked.diagnostics);
  for (const Diagnostic& d : checked.diagnostics) {
    EXPECT_EQ(d.file, "bad.zy") << d.Format();
    EXPECT_GE(d.line, 1);
  }
}

TEST(CheckErrors, DiagnosticsFormat) {
  Checked checked = CheckWith("eligibility e \"m\" = every t in teacher: t.trained\n");
  ASSERT_THAT(checked.diagnostics, SizeIs(1));
  EXPECT_EQ(checked.diagnostics[0].Format(),
            "bad.zy:1:32: error: unknown name `teacher` [ZY1101]\n"
            "  help: did you mean `teachers`?");
}

// ------------------------------------------------------------------ DidYouMean

TEST(DidYouMean, PicksTheClosestCandidate) {
  std::vector<std::string> candidates = {"teachers", "courses", "students", "scores"};
  EXPECT_EQ(DidYouMean("teacher", candidates), "teachers");
  EXPECT_EQ(DidYouMean("corses", candidates), "courses");
  EXPECT_EQ(DidYouMean("studnets", candidates), "students");  // transposition: distance 2
  EXPECT_EQ(DidYouMean("score", candidates), "scores");
  EXPECT_EQ(DidYouMean("TEACHERS", candidates), "");  // case counts: 8 substitutions
}

TEST(DidYouMean, RejectsFarAndExactNames) {
  std::vector<std::string> candidates = {"teachers", "courses"};
  EXPECT_EQ(DidYouMean("xyz", candidates), "");
  EXPECT_EQ(DidYouMean("teachers", candidates), "");  // the name itself is no suggestion
  EXPECT_EQ(DidYouMean("anything", {}), "");
  // The allowed distance grows with the name: max(1, n / 3).
  EXPECT_EQ(DidYouMean("ab", {"xy"}), "");
  EXPECT_EQ(DidYouMean("ab", {"ax"}), "ax");
  EXPECT_EQ(DidYouMean("abcdef", {"abcxyz"}), "");        // distance 3 > 6 / 3
  EXPECT_EQ(DidYouMean("abcdef", {"abcdxy"}), "abcdxy");  // distance 2
}

TEST(DidYouMean, PrefersTheFirstOfEqualCandidates) {
  EXPECT_EQ(DidYouMean("met", {"set", "net"}), "set");
  EXPECT_EQ(DidYouMean("met", {"mets", "set"}), "mets");
  EXPECT_EQ(DidYouMean("met", {"zzz", "meet", "mat"}), "meet");
}

// ------------------------------------------------------------------ the built-in pack

TEST(CheckBuiltinPack, ChecksCleanly) {
  std::filesystem::path dir = std::filesystem::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".zy") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& path : paths) sources.emplace_back(path.filename().string(), ReadFile(path));
  Checked checked = CheckSources(sources);
  EXPECT_THAT(checked.diagnostics, IsEmpty()) << Describe(checked.diagnostics);
  EXPECT_THAT(checked.warnings, IsEmpty()) << Describe(checked.warnings);
  ASSERT_THAT(checked.pack, NotNull());
  const CheckedPack& pack = *checked.pack;
  EXPECT_EQ(pack.name, "zhuoyue");
  EXPECT_EQ(pack.version, "1.0.0");
  EXPECT_THAT(pack.params, SizeIs(16));  // 10 thresholds, 6 of the attainment method
  EXPECT_THAT(pack.schema.tables, SizeIs(25));
  std::vector<std::string> ids;
  int criteria = 0;
  for (const RequirementDef& requirement : pack.requirements) {
    ids.push_back(requirement.id);
    criteria += static_cast<int>(requirement.criteria.size());
  }
  EXPECT_THAT(ids, ElementsAre("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
  EXPECT_EQ(criteria, 64);
  EXPECT_EQ(pack.requirements[8].at_least, 3);
  ASSERT_THAT(pack.standards, SizeIs(1));
  EXPECT_THAT(Table(pack, "general_standard").pack_rows, SizeIs(11));
  const TableDecl& points = Table(pack, "assessment_points");
  EXPECT_EQ(points.json_key, "points");
  EXPECT_EQ(points.parent_key, "assessment");
  EXPECT_EQ(points.parent, pack.schema.FindTable("assessments"));
  EXPECT_EQ(Field(pack, "students", "thesis.venue").type, FieldType::kEnum);
  EXPECT_EQ(Field(pack, "students", "thesis.venue").group,
            Table(pack, "students").FindField("thesis"));
  const CriterionDef* cooperation = FindCriterion(pack, "9.4");
  ASSERT_NE(cooperation, nullptr);
  EXPECT_EQ(Show(pack, cooperation->expression.get()),
            "some(object:international/cooperation, _, in($.kind, list(\"exchange_credit\", "
            "\"joint_college\", \"staged\")))");
}

}  // namespace
}  // namespace zhuoyue

namespace zhuoyue {
namespace {

// The outcomes a criterion's expression can take at all, read off its IR.
ir::Outcomes OutcomesOf(const std::string& expression) {
  Checked checked = CheckSources(
      {{"schema.zy", kSchema},
       {"rules.zy",
        "requirement 1 \"r\" {\n  criterion 1.1 computed \"c\" = " + expression + "\n}\n"}});
  EXPECT_THAT(checked.diagnostics, IsEmpty()) << Describe(checked.diagnostics);
  if (!checked.pack) return {};
  return ir::PossibleOutcomes(*checked.pack->requirements[0].criteria[0].expression);
}

TEST(PossibleOutcomes, DataCanBeAnything) {
  ir::Outcomes o = OutcomesOf("some t in teachers: t.trained");
  EXPECT_TRUE(o.can_be_true && o.can_be_false && o.can_be_unknown);
}

TEST(PossibleOutcomes, AListItemIsNeverUnknown) {
  // The quantifier may be unknown (an absent list); the item test on a member may not.
  ir::Outcomes o = OutcomesOf("some c in courses: some m in c.methods: m in [\"case\"]");
  EXPECT_TRUE(o.can_be_unknown);
  Checked checked = CheckSources(
      {{"schema.zy", kSchema},
       {"rules.zy",
        "requirement 1 \"r\" {\n  criterion 1.1 computed \"c\" = some m in [\"a\", \"b\"]: m in "
        "[\"a\"]\n}\n"}});
  ASSERT_TRUE(checked.pack);
  const ir::Node& body = *checked.pack->requirements[0].criteria[0].expression->child(2);
  ir::Outcomes item = ir::PossibleOutcomes(body);
  EXPECT_FALSE(item.can_be_unknown);
  EXPECT_TRUE(item.can_be_true && item.can_be_false);
}

TEST(PossibleOutcomes, ListingAWholeClosedSetIsNeverFalse) {
  ir::Outcomes all = OutcomesOf("every t in teachers: t.role in [\"full_time\", \"part_time\"]");
  EXPECT_TRUE(all.can_be_false);  // `every` over data: the analysis stays at the root
  Checked checked = CheckSources(
      {{"schema.zy", kSchema},
       {"rules.zy",
        "requirement 1 \"r\" {\n  criterion 1.1 computed \"c\" = every t in teachers: t.role in "
        "[\"full_time\", \"part_time\"]\n  criterion 1.2 computed \"d\" = every t in teachers: "
        "t.role not in [\"full_time\", \"part_time\"]\n  criterion 1.3 computed \"e\" = every t "
        "in teachers: t.role in [\"full_time\"]\n}\n"}});
  ASSERT_TRUE(checked.pack);
  auto body = [&](int i) {
    return ir::PossibleOutcomes(*checked.pack->requirements[0].criteria[i].expression->child(2));
  };
  EXPECT_FALSE(body(0).can_be_false);
  EXPECT_TRUE(body(0).can_be_true && body(0).can_be_unknown);  // the role may be absent
  EXPECT_FALSE(body(1).can_be_true);                           // `not in` the whole set
  EXPECT_TRUE(body(2).can_be_false);
}

TEST(PossibleOutcomes, ARequiredFieldOfAPresentRowIsNeverUnknown) {
  ir::Outcomes o = OutcomesOf("program.id == \"P1\"");
  EXPECT_TRUE(o.can_be_unknown);  // the program object itself may be absent
  ir::Outcomes literal = OutcomesOf("true");
  EXPECT_FALSE(literal.can_be_false || literal.can_be_unknown);
}

}  // namespace
}  // namespace zhuoyue
