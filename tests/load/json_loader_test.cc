#include "load/json_loader.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace zhuoyue {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;

// A schema built by hand (the checker builds it from schema.zy), mirroring a slice of the
// zhuoyue pack: a singleton with groups, a pack standard, nested tables, every field type.
class SchemaBuilder {
 public:
  TableId AddTable(std::string name, TableId parent = kNoTable) {
    TableDecl& table = schema_.tables.emplace_back();
    table.json_key = name;
    table.name = std::move(name);
    table.parent = parent;
    return static_cast<TableId>(schema_.tables.size() - 1);
  }

  // Adds a field; a dotted name belongs to the group field named by its prefix.
  FieldDecl& AddField(TableId t, std::string name, FieldType type) {
    TableDecl& table = schema_.tables[t];
    const size_t dot = name.rfind('.');
    FieldDecl& field = table.fields.emplace_back();
    if (dot != std::string::npos) field.group = table.FindField(name.substr(0, dot));
    field.name = std::move(name);
    field.type = type;
    return field;
  }

  TableDecl& table(TableId t) { return schema_.tables[t]; }

  Schema Build() {
    for (size_t t = 0; t < schema_.tables.size(); ++t) {
      TableDecl& table = schema_.tables[t];
      schema_.table_by_name[table.name] = static_cast<TableId>(t);
      if (table.parent != kNoTable) {
        schema_.tables[table.parent].children.push_back(static_cast<TableId>(t));
      }
      for (size_t f = 0; f < table.fields.size(); ++f) {
        if (table.fields[f].is_id) table.id_field = static_cast<FieldId>(f);
      }
    }
    return schema_;
  }

 private:
  Schema schema_;
};

Schema TestSchema() {
  SchemaBuilder b;
  const TableId program = b.AddTable("program");
  b.table(program).singleton = true;
  b.AddField(program, "id", FieldType::kString).is_id = true;
  b.table(program).fields.back().required = true;
  b.AddField(program, "name", FieldType::kString);
  b.AddField(program, "accreditation", FieldType::kGroup);
  b.AddField(program, "accreditation.status", FieldType::kEnum).enum_values = {"passed", "failed",
                                                                               "pending"};
  FieldDecl& validity = b.AddField(program, "accreditation.validity_years", FieldType::kNumber);
  validity.minimum = Number(0);
  validity.nullable = true;
  b.AddField(program, "accreditation.year", FieldType::kNumber).minimum = Number(0);
  FieldDecl& previous = b.AddField(program, "previous_evaluation", FieldType::kGroup);
  previous.absent_is_none = true;
  previous.nullable = true;
  b.AddField(program, "previous_evaluation.year", FieldType::kNumber).minimum = Number(0);
  b.AddField(program, "previous_evaluation.result", FieldType::kEnum).enum_values = {"met",
                                                                                     "not_met"};

  const TableId general = b.AddTable("general_standard");
  b.table(general).from_pack = true;
  b.table(general).pack_rows = {{"G1", "知识"}, {"G2", "能力"}, {"G3", "素质"}};
  b.AddField(general, "id", FieldType::kString).is_id = true;
  b.AddField(general, "text", FieldType::kString);

  const TableId industry = b.AddTable("industry_standard");
  b.AddField(industry, "id", FieldType::kString).is_id = true;
  b.AddField(industry, "text", FieldType::kString);

  const TableId school = b.AddTable("school_standard");
  b.AddField(school, "id", FieldType::kString).is_id = true;
  b.AddField(school, "text", FieldType::kString);
  FieldDecl& covers = b.AddField(school, "covers", FieldType::kRef);
  covers.is_list = true;
  covers.ref_targets = {general, industry};

  const TableId points = b.AddTable("points", school);
  b.table(points).parent_key = "school_standard";
  b.table(points).ids_global = true;
  b.AddField(points, "id", FieldType::kString).is_id = true;
  b.AddField(points, "text", FieldType::kString);

  const TableId teachers = b.AddTable("teachers");
  b.AddField(teachers, "id", FieldType::kString).is_id = true;
  b.AddField(teachers, "name", FieldType::kString);
  b.AddField(teachers, "role", FieldType::kEnum).enum_values = {"full_time", "part_time"};
  b.AddField(teachers, "industry_years", FieldType::kNumber).minimum = Number(0);
  FieldDecl& international = b.AddField(teachers, "international", FieldType::kEnum);
  international.is_list = true;
  international.enum_values = {"foreign_national", "phd_abroad", "abroad_1y", "multinational_1y"};

  const TableId courses = b.AddTable("courses");
  b.AddField(courses, "id", FieldType::kString).is_id = true;
  b.AddField(courses, "name", FieldType::kString);
  b.AddField(courses, "kind", FieldType::kEnum).enum_values = {"course",     "lab",    "practice",
                                                               "internship", "design", "thesis"};
  b.AddField(courses, "core", FieldType::kBool);
  b.AddField(courses, "weeks", FieldType::kNumber).minimum = Number(0);
  FieldDecl& lecturers = b.AddField(courses, "lecturers", FieldType::kRef);
  lecturers.is_list = true;
  lecturers.ref_targets = {teachers};
  lecturers.inverse = "lectures";
  FieldDecl& methods = b.AddField(courses, "methods", FieldType::kEnum);
  methods.is_list = true;
  methods.enum_open = true;
  methods.enum_values = {"problem", "case", "project"};

  const TableId supports = b.AddTable("supports", courses);
  b.table(supports).parent_key = "course";
  b.AddField(supports, "point", FieldType::kRef).ref_targets = {points};
  b.AddField(supports, "weight", FieldType::kWeight);

  const TableId assessments = b.AddTable("assessments", courses);
  b.table(assessments).parent_key = "course";
  b.table(assessments).ids_global = true;
  b.AddField(assessments, "id", FieldType::kString).is_id = true;
  FieldDecl& kind = b.AddField(assessments, "kind", FieldType::kEnum);
  kind.enum_open = true;
  kind.enum_values = {"exam", "report"};
  b.AddField(assessments, "full_score", FieldType::kNumber).minimum = Number(0);

  const TableId scores = b.AddTable("scores");
  b.AddField(scores, "student", FieldType::kString);
  b.AddField(scores, "assessment", FieldType::kRef).ref_targets = {assessments};
  FieldDecl& score = b.AddField(scores, "score", FieldType::kNumber);
  score.minimum = Number(0);
  score.maximum_ref = 1;    // assessment
  score.maximum_field = 2;  // assessments.full_score

  const TableId materials = b.AddTable("materials");
  b.AddField(materials, "requirement", FieldType::kKey);
  b.AddField(materials, "item", FieldType::kNumber).minimum = Number(0);
  return b.Build();
}

constexpr std::string_view kValidDossier = R"json({
  "format": "zhuoyue.dossier/1",
  "program": {
    "id": "10698-080202",
    "name": "机械工程",
    "accreditation": {"status": "passed", "validity_years": null, "year": 2019, "body": "CEEAA"},
    "contact": {"email": "a@b.c", "phones": [1, 2.50]}
  },
  "industry_standard": [{"id": "I1", "text": "行业标准一"}],
  "school_standard": [
    {"id": "S1", "text": "学校标准一", "covers": ["G1", "I1"],
     "points": [{"id": "S1.1", "text": "p"}, {"id": "S1.2", "text": "q"}]},
    {"id": "S2", "text": "two", "covers": [], "points": []},
    {"id": "S3", "text": "three"}
  ],
  "teachers": [
    {"id": "T1", "name": "张三", "role": "full_time", "industry_years": 6,
     "international": ["phd_abroad"]},
    {"id": "T2", "name": "李四", "role": "part_time", "industry_years": 2.5}
  ],
  "courses": [
    {"id": "C1", "name": "机械设计", "kind": "course", "core": true, "weeks": 0,
     "lecturers": ["T1", "T2"], "methods": ["project", "flipped"],
     "supports": [{"point": "S1.1", "weight": "H"}, {"point": "S1.2", "weight": 0.5}],
     "assessments": [{"id": "A1", "kind": "exam", "full_score": 100},
                     {"id": "A2", "kind": "hackathon", "full_score": 50}]},
    {"id": "C2", "name": "企业实习", "kind": "internship", "core": false, "weeks": 12,
     "lecturers": [], "supports": []}
  ],
  "scores": [{"student": "s1", "assessment": "A1", "score": 87.5},
             {"student": "s1", "assessment": "A2", "score": 50}],
  "materials": [{"requirement": 4, "item": 2}, {"requirement": "4", "item": 3}],
  "vendor": {"exported_by": "教务系统", "version": 3, "note": "line\nbreak \"quoted\""}
})json";

class JsonLoaderTest : public ::testing::Test {
 protected:
  std::unique_ptr<DossierTables> Load(std::string_view json, const LoadOptions& options = {}) {
    diagnostics_.clear();
    return LoadJsonDossier(json, "dossier.json", schema_, diagnostics_, options);
  }

  // Loads `json`, expecting it to fail with exactly one error: returns that error.
  Diagnostic LoadOneError(std::string_view json, const LoadOptions& options = {}) {
    std::unique_ptr<DossierTables> dossier = Load(json, options);
    EXPECT_EQ(dossier, nullptr);
    EXPECT_EQ(diagnostics_.size(), 1u) << Formatted();
    return diagnostics_.empty() ? Diagnostic{} : diagnostics_.front();
  }

  std::string Formatted() const {
    std::string text;
    for (const Diagnostic& d : diagnostics_) text += d.Format() + "\n";
    return text;
  }

  TableId T(std::string_view name) const { return schema_.FindTable(name); }
  FieldId F(std::string_view table, std::string_view field) const {
    return schema_.tables[T(table)].FindField(field);
  }
  static const Column& Col(const DossierTables& d, const Schema& s, std::string_view table,
                           std::string_view field) {
    const TableId t = s.FindTable(table);
    return d.tables[t].columns[s.tables[t].FindField(field)];
  }
  const Column& C(const DossierTables& d, std::string_view table, std::string_view field) const {
    return Col(d, schema_, table, field);
  }
  static std::string_view Symbol(const DossierTables& d, const Column& c, int row) {
    return d.strings.Text(c.symbols[row]);
  }

  Schema schema_ = TestSchema();
  Diagnostics diagnostics_;
};

TEST_F(JsonLoaderTest, ValidDossierFillsColumns) {
  std::unique_ptr<DossierTables> d = Load(kValidDossier);
  ASSERT_NE(d, nullptr) << Formatted();
  EXPECT_THAT(diagnostics_, IsEmpty());
  EXPECT_EQ(d->schema, &schema_);
  EXPECT_EQ(d->source_name, "dossier.json");

  const Table& program = d->table(T("program"));
  EXPECT_TRUE(program.present);
  EXPECT_EQ(program.rows, 1);
  EXPECT_THAT(program.row_pointer, ElementsAre("/program"));
  EXPECT_EQ(Symbol(*d, C(*d, "program", "id"), 0), "10698-080202");
  EXPECT_EQ(Symbol(*d, C(*d, "program", "name"), 0), "机械工程");
  EXPECT_EQ(C(*d, "program", "accreditation").state[0], CellState::kPresent);
  EXPECT_EQ(C(*d, "program", "accreditation.status").symbols[0], 0);  // passed
  EXPECT_EQ(C(*d, "program", "accreditation.year").numbers[0], Number(2019));

  const Table& teachers = d->table(T("teachers"));
  EXPECT_EQ(teachers.rows, 2);
  EXPECT_EQ(C(*d, "teachers", "industry_years").numbers[1], Number::Ratio(5, 2));
  EXPECT_TRUE(C(*d, "teachers", "industry_years").numbers[1].exact());
  EXPECT_EQ(C(*d, "teachers", "role").symbols[1], 1);  // part_time
  const Column& international = C(*d, "teachers", "international");
  EXPECT_THAT(international.list_begin, ElementsAre(0, 1, 1));
  EXPECT_THAT(international.list_symbols, ElementsAre(1));  // phd_abroad

  const TableId teachers_id = T("teachers");
  const Column& lecturers = C(*d, "courses", "lecturers");
  EXPECT_THAT(lecturers.state, ElementsAre(CellState::kPresent, CellState::kPresent));
  EXPECT_THAT(lecturers.list_begin, ElementsAre(0, 2, 2));
  EXPECT_THAT(lecturers.list_refs, ElementsAre(RowRef{teachers_id, 0}, RowRef{teachers_id, 1}));
  EXPECT_EQ(d->RowId(lecturers.list_refs[1]), "T2");
  EXPECT_EQ(C(*d, "courses", "kind").symbols[1], 3);  // internship
  EXPECT_THAT(C(*d, "courses", "core").bools, ElementsAre(1, 0));
  EXPECT_THAT(C(*d, "courses", "weeks").numbers, ElementsAre(Number(0), Number(12)));

  // An open enum keeps a value outside its list as -(1 + symbol).
  const Column& methods = C(*d, "courses", "methods");
  EXPECT_THAT(methods.list_begin, ElementsAre(0, 2, 2));
  EXPECT_THAT(methods.list_symbols, ElementsAre(2, -1 - d->strings.Find("flipped")));
  EXPECT_EQ(methods.state[1], CellState::kUnknown);

  EXPECT_EQ(d->table(T("courses")).row_by_id.at(d->strings.Find("C2")), 1);
}

TEST_F(JsonLoaderTest, ChildTablesGetParentsAndCsr) {
  std::unique_ptr<DossierTables> d = Load(kValidDossier);
  ASSERT_NE(d, nullptr) << Formatted();

  const Table& points = d->table(T("points"));
  EXPECT_TRUE(points.present);
  EXPECT_EQ(points.rows, 2);
  EXPECT_THAT(points.parent_row, ElementsAre(0, 0));
  EXPECT_THAT(points.child_begin, ElementsAre(0, 2, 2, 2));
  EXPECT_THAT(points.child_rows, ElementsAre(0, 1));
  // S2 gave `points: []`, S3 gave nothing: empty and unknown stay apart.
  EXPECT_THAT(points.child_state,
              ElementsAre(CellState::kPresent, CellState::kPresent, CellState::kUnknown));
  EXPECT_THAT(points.row_pointer,
              ElementsAre("/school_standard/0/points/0", "/school_standard/0/points/1"));

  const Table& supports = d->table(T("supports"));
  EXPECT_EQ(supports.rows, 2);
  EXPECT_THAT(supports.child_begin, ElementsAre(0, 2, 2));
  EXPECT_THAT(supports.child_state, ElementsAre(CellState::kPresent, CellState::kPresent));
  EXPECT_THAT(C(*d, "supports", "weight").numbers, ElementsAre(Number(3), Number::Ratio(1, 2)));
  EXPECT_THAT(C(*d, "supports", "point").refs,
              ElementsAre(RowRef{T("points"), 0}, RowRef{T("points"), 1}));

  const Table& assessments = d->table(T("assessments"));
  EXPECT_EQ(assessments.rows, 2);
  EXPECT_THAT(assessments.parent_row, ElementsAre(0, 0));
  EXPECT_THAT(assessments.child_begin, ElementsAre(0, 2, 2));
  EXPECT_THAT(assessments.child_state, ElementsAre(CellState::kPresent, CellState::kUnknown));
  EXPECT_EQ(C(*d, "assessments", "kind").symbols[1], -1 - d->strings.Find("hackathon"));

  EXPECT_THAT(C(*d, "scores", "assessment").refs,
              ElementsAre(RowRef{T("assessments"), 0}, RowRef{T("assessments"), 1}));
  EXPECT_EQ(C(*d, "scores", "score").numbers[0], Number::Ratio(175, 2));
}

TEST_F(JsonLoaderTest, ReferencesReachPackTablesAndOtherTargets) {
  std::unique_ptr<DossierTables> d = Load(kValidDossier);
  ASSERT_NE(d, nullptr) << Formatted();
  const Table& general = d->table(T("general_standard"));
  EXPECT_TRUE(general.present);
  EXPECT_EQ(general.rows, 3);
  EXPECT_EQ(Symbol(*d, C(*d, "general_standard", "text"), 1), "能力");

  const Column& covers = C(*d, "school_standard", "covers");
  EXPECT_THAT(covers.state,
              ElementsAre(CellState::kPresent, CellState::kPresent, CellState::kUnknown));
  EXPECT_THAT(covers.list_begin, ElementsAre(0, 2, 2, 2));
  EXPECT_THAT(covers.list_refs,
              ElementsAre(RowRef{T("general_standard"), 0}, RowRef{T("industry_standard"), 0}));
  EXPECT_EQ(d->RowId(covers.list_refs[0]), "G1");
}

TEST_F(JsonLoaderTest, KeyReadsIntegersAsText) {
  std::unique_ptr<DossierTables> d = Load(kValidDossier);
  ASSERT_NE(d, nullptr) << Formatted();
  const Column& requirement = C(*d, "materials", "requirement");
  EXPECT_EQ(Symbol(*d, requirement, 0), "4");
  EXPECT_EQ(requirement.symbols[0], requirement.symbols[1]);
}

TEST_F(JsonLoaderTest, KeyRejectsFractions) {
  Diagnostic e = LoadOneError(R"({"materials": [{"requirement": 4.5}]})");
  EXPECT_EQ(e.code, codes::kWrongType);
  EXPECT_EQ(e.pointer, "/materials/0/requirement");
  EXPECT_EQ(e.message, "expected a string or an integer, found a fraction");
}

TEST_F(JsonLoaderTest, UnknownMembersAreKeptVerbatim) {
  std::unique_ptr<DossierTables> d = Load(kValidDossier);
  ASSERT_NE(d, nullptr) << Formatted();
  const auto& extra = d->table(T("program")).extra_fields[0];
  EXPECT_EQ(extra.size(), 2u);
  EXPECT_EQ(extra.at("contact"), R"({"email":"a@b.c","phones":[1,2.50]})");
  EXPECT_EQ(extra.at("accreditation.body"), R"("CEEAA")");
  EXPECT_THAT(d->extra_root, ElementsAre(Pair("vendor", R"({"exported_by":"教务系统","version":3,)"
                                                        R"("note":"line\nbreak \"quoted\""})")));
}

TEST_F(JsonLoaderTest, AbsentMeansUnknown) {
  std::unique_ptr<DossierTables> d = Load(R"({"program": {"id": "p"}, "courses": [{"id": "C1"}]})");
  ASSERT_NE(d, nullptr) << Formatted();
  // Absent tables: not present, no rows, indexes still consistent.
  for (std::string_view name : {"teachers", "scores", "school_standard", "points"}) {
    const Table& table = d->table(T(name));
    EXPECT_FALSE(table.present) << name;
    EXPECT_EQ(table.rows, 0) << name;
  }
  EXPECT_THAT(d->table(T("points")).child_begin, ElementsAre(0));
  EXPECT_THAT(C(*d, "school_standard", "covers").list_begin, ElementsAre(0));
  // Child tables of a present parent are present, even when no row carries them.
  EXPECT_TRUE(d->table(T("supports")).present);
  EXPECT_THAT(d->table(T("supports")).child_state, ElementsAre(CellState::kUnknown));

  EXPECT_EQ(C(*d, "courses", "core").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "courses", "weeks").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "courses", "lecturers").state[0], CellState::kUnknown);
  EXPECT_THAT(C(*d, "courses", "lecturers").list_begin, ElementsAre(0, 0));
  // An absent group is unknown, and so are its members; an optional one is none.
  EXPECT_EQ(C(*d, "program", "accreditation").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "program", "accreditation.validity_years").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "program", "previous_evaluation").state[0], CellState::kNone);
  EXPECT_EQ(C(*d, "program", "previous_evaluation.result").state[0], CellState::kNone);
}

TEST_F(JsonLoaderTest, NullIsNoneOnlyWhereDeclared) {
  std::unique_ptr<DossierTables> d = Load(R"({
    "program": {"id": "p", "name": null, "previous_evaluation": null,
                "accreditation": {"status": "passed", "validity_years": null, "year": null}},
    "courses": [{"id": "C1", "core": null, "lecturers": null}],
    "teachers": null
  })");
  ASSERT_NE(d, nullptr) << Formatted();
  EXPECT_EQ(C(*d, "program", "name").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "program", "accreditation.validity_years").state[0], CellState::kNone);
  EXPECT_EQ(C(*d, "program", "accreditation.year").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "program", "previous_evaluation").state[0], CellState::kNone);
  EXPECT_EQ(C(*d, "program", "previous_evaluation.year").state[0], CellState::kNone);
  EXPECT_EQ(C(*d, "courses", "core").state[0], CellState::kUnknown);
  EXPECT_EQ(C(*d, "courses", "lecturers").state[0], CellState::kUnknown);
  EXPECT_FALSE(d->table(T("teachers")).present);
}

TEST_F(JsonLoaderTest, PresentOptionalGroupHasItsMembers) {
  std::unique_ptr<DossierTables> d = Load(
      R"({"program": {"id": "p", "previous_evaluation": {"year": 2015, "result": "not_met"}}})");
  ASSERT_NE(d, nullptr) << Formatted();
  EXPECT_EQ(C(*d, "program", "previous_evaluation").state[0], CellState::kPresent);
  EXPECT_EQ(C(*d, "program", "previous_evaluation.result").symbols[0], 1);
  EXPECT_EQ(C(*d, "program", "previous_evaluation.year").numbers[0], Number(2015));
}

TEST_F(JsonLoaderTest, ReferenceIntoAbsentTableIsUnknownNotAnError) {
  std::unique_ptr<DossierTables> d = Load(R"({
    "courses": [{"id": "C1", "lecturers": ["T1"]}, {"id": "C2", "lecturers": []}],
    "school_standard": [{"id": "S1", "covers": ["G2"]}, {"id": "S2", "covers": ["G1", "I9"]}]
  })");
  ASSERT_NE(d, nullptr) << Formatted();
  // A list keeps an item it cannot resolve in an absent table as {table, -1}.
  const Column& lecturers = C(*d, "courses", "lecturers");
  EXPECT_THAT(lecturers.state, ElementsAre(CellState::kPresent, CellState::kPresent));
  EXPECT_THAT(lecturers.list_begin, ElementsAre(0, 1, 1));
  EXPECT_THAT(lecturers.list_refs, ElementsAre(RowRef{T("teachers"), -1}));
  // G2 and G1 are found in the pack; I9 might be in the absent industry standard.
  const Column& covers = C(*d, "school_standard", "covers");
  EXPECT_THAT(covers.state, ElementsAre(CellState::kPresent, CellState::kPresent));
  EXPECT_THAT(covers.list_begin, ElementsAre(0, 1, 3));
  EXPECT_THAT(covers.list_refs,
              ElementsAre(RowRef{T("general_standard"), 1}, RowRef{T("general_standard"), 0},
                          RowRef{T("industry_standard"), -1}));
}

TEST_F(JsonLoaderTest, MalformedJsonIsLocatedByLineAndCharacterColumn) {
  // The offending ',' is the 12th character of line 3 but its 16th byte.
  Diagnostic e = LoadOneError("{\n  \"program\": {\n  \"名称\": tru,\n}}");
  EXPECT_EQ(e.code, codes::kMalformedJson);
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 12);
  EXPECT_EQ(e.message, "malformed json: invalid literal");
  EXPECT_EQ(e.Format(), "dossier.json:3:12: error: malformed json: invalid literal [ZY2001]");
}

TEST_F(JsonLoaderTest, MalformedJsonAtEndOfInput) {
  Diagnostic e = LoadOneError("{\"courses\": [");
  EXPECT_EQ(e.code, codes::kMalformedJson);
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 14);
  EXPECT_THAT(e.message, HasSubstr("unexpected end of input"));

  e = LoadOneError("");
  EXPECT_EQ(e.code, codes::kMalformedJson);
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 1);
}

TEST_F(JsonLoaderTest, MalformedJsonVariants) {
  for (std::string_view text : {"{\"a\": 1,}", "{\"a\" 1}", "[1, 2] 3", "{\"a\": NaN}",
                                "{\"a\": \"\xff\"}", "{\"a\": \"x\ny\"}", "{'a': 1}"}) {
    Diagnostic e = LoadOneError(text);
    EXPECT_EQ(e.code, codes::kMalformedJson) << text;
    EXPECT_EQ(e.line, 1) << text;
    EXPECT_GT(e.column, 0) << text;
  }
}

TEST_F(JsonLoaderTest, RootMustBeAnObject) {
  Diagnostic e = LoadOneError("[]");
  EXPECT_EQ(e.code, codes::kWrongType);
  EXPECT_EQ(e.pointer, "");
  EXPECT_EQ(e.message, "expected an object at the root, found an array");
}

TEST_F(JsonLoaderTest, WrongTypeIsLocated) {
  Diagnostic e = LoadOneError(R"({"courses": [{"id": "C1"}, {"id": "C2", "core": "yes"}]})");
  EXPECT_EQ(e.code, codes::kWrongType);
  EXPECT_EQ(e.pointer, "/courses/1/core");
  EXPECT_EQ(e.message, "expected a boolean, found a string");
  EXPECT_EQ(e.Format(),
            "dossier.json#/courses/1/core: error: expected a boolean, found a string [ZY2002]");
}

TEST_F(JsonLoaderTest, WrongTypesOfContainers) {
  EXPECT_EQ(LoadOneError(R"({"courses": {"id": "C1"}})").pointer, "/courses");
  EXPECT_EQ(LoadOneError(R"({"courses": [1]})").pointer, "/courses/0");
  EXPECT_EQ(LoadOneError(R"({"program": []})").pointer, "/program");
  EXPECT_EQ(LoadOneError(R"({"program": {"id": "p", "accreditation": 3}})").pointer,
            "/program/accreditation");
  EXPECT_EQ(LoadOneError(R"({"courses": [{"supports": {}}]})").pointer, "/courses/0/supports");
  Diagnostic e = LoadOneError(R"({"courses": [{"methods": ["case", 7]}]})");
  EXPECT_EQ(e.pointer, "/courses/0/methods/1");
  EXPECT_EQ(e.message, "expected a string, found a number");
  EXPECT_EQ(e.code, codes::kWrongType);
}

TEST_F(JsonLoaderTest, ValueOutsideClosedSet) {
  Diagnostic e = LoadOneError(R"({"courses": [{"kind": "seminar"}]})");
  EXPECT_EQ(e.code, codes::kNotInSet);
  EXPECT_EQ(e.pointer, "/courses/0/kind");
  EXPECT_EQ(e.message,
            "\"seminar\" is not one of course, lab, practice, internship, design, thesis");

  e = LoadOneError(R"({"teachers": [{"international": ["phd_abroad", "mars"]}]})");
  EXPECT_EQ(e.code, codes::kNotInSet);
  EXPECT_EQ(e.pointer, "/teachers/0/international/1");
}

TEST_F(JsonLoaderTest, DuplicateIdIsReportedAtTheSecond) {
  Diagnostic e = LoadOneError(R"({"teachers": [{"id": "T1"}, {"id": "T2"}, {"id": "T1"}]})");
  EXPECT_EQ(e.code, codes::kDuplicateId);
  EXPECT_EQ(e.pointer, "/teachers/2/id");
  EXPECT_EQ(e.message, "duplicate id \"T1\" in teachers; first at /teachers/0/id");

  // Child-table ids are unique across all parents.
  e = LoadOneError(R"({"school_standard": [{"id": "S1", "points": [{"id": "P"}]},
                                          {"id": "S2", "points": [{"id": "P"}]}]})");
  EXPECT_EQ(e.code, codes::kDuplicateId);
  EXPECT_EQ(e.pointer, "/school_standard/1/points/0/id");
  EXPECT_THAT(e.message, HasSubstr("first at /school_standard/0/points/0/id"));
}

TEST_F(JsonLoaderTest, DanglingReference) {
  Diagnostic e = LoadOneError(R"({"teachers": [{"id": "T1"}],
                                  "courses": [{"id": "C1", "lecturers": ["T1", "T9"]}]})");
  EXPECT_EQ(e.code, codes::kDanglingReference);
  EXPECT_EQ(e.pointer, "/courses/0/lecturers/1");
  EXPECT_EQ(e.message, "\"T9\" is not an id of teachers");

  e = LoadOneError(R"({"industry_standard": [], "school_standard": [{"covers": ["G12"]}]})");
  EXPECT_EQ(e.code, codes::kDanglingReference);
  EXPECT_EQ(e.pointer, "/school_standard/0/covers/0");
  EXPECT_EQ(e.message, "\"G12\" is not an id of general_standard or industry_standard");

  e = LoadOneError(R"({"school_standard": [{"id": "S1", "points": []}],
                       "courses": [{"supports": [{"point": "S1.9", "weight": "L"}]}]})");
  EXPECT_EQ(e.pointer, "/courses/0/supports/0/point");
  EXPECT_EQ(e.message, "\"S1.9\" is not an id of points");
}

TEST_F(JsonLoaderTest, NegativeNumber) {
  Diagnostic e = LoadOneError(R"({"courses": [{"weeks": -2}]})");
  EXPECT_EQ(e.code, codes::kBadNumber);
  EXPECT_EQ(e.pointer, "/courses/0/weeks");
  EXPECT_EQ(e.message, "-2 is below the minimum 0");
}

TEST_F(JsonLoaderTest, WeightOutsideRange) {
  for (std::string_view weight : {"1.5", "0", "-0.2"}) {
    Diagnostic e = LoadOneError(std::string(R"({"courses": [{"supports": [{"weight": )") +
                                std::string(weight) + "}]}]}");
    EXPECT_EQ(e.code, codes::kBadNumber) << weight;
    EXPECT_EQ(e.pointer, "/courses/0/supports/0/weight");
    EXPECT_EQ(e.message, "weight " + std::string(weight) + " is outside (0, 1]");
  }
  Diagnostic e = LoadOneError(R"({"courses": [{"supports": [{"weight": "X"}]}]})");
  EXPECT_EQ(e.code, codes::kNotInSet);
  e = LoadOneError(R"({"courses": [{"supports": [{"weight": true}]}]})");
  EXPECT_EQ(e.code, codes::kWrongType);
}

TEST_F(JsonLoaderTest, NumbersStayExact) {
  std::unique_ptr<DossierTables> d = Load(
      R"({"courses": [{"weeks": 0.1}, {"weeks": 1E2}, {"weeks": 123456789012345678901234567}]})");
  ASSERT_NE(d, nullptr) << Formatted();
  const Column& weeks = C(*d, "courses", "weeks");
  EXPECT_EQ(weeks.numbers[0], Number::Ratio(1, 10));
  EXPECT_TRUE(weeks.numbers[0].exact());
  EXPECT_EQ(weeks.numbers[1], Number(100));
  EXPECT_EQ(weeks.numbers[2].ToString(), "123456789012345678901234567");
}

TEST_F(JsonLoaderTest, NumberOverflowingToInfinity) {
  Diagnostic e = LoadOneError("{\"courses\": [{\"weeks\": 1e999}]}");
  EXPECT_EQ(e.code, codes::kBadNumber);
  EXPECT_EQ(e.pointer, "/courses/0/weeks");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 24);  // where the literal starts
  EXPECT_EQ(e.message, "number is not finite");

  e = LoadOneError("{\"courses\": [-1e400]}");
  EXPECT_EQ(e.code, codes::kBadNumber);
  EXPECT_EQ(e.pointer, "/courses/0");
}

TEST_F(JsonLoaderTest, ScoreAboveReferencedMaximum) {
  Diagnostic e = LoadOneError(R"({
    "courses": [{"id": "C1", "assessments": [{"id": "A1", "full_score": 100}]}],
    "scores": [{"assessment": "A1", "score": 100}, {"assessment": "A1", "score": 100.5}]
  })");
  EXPECT_EQ(e.code, codes::kBadNumber);
  EXPECT_EQ(e.pointer, "/scores/1/score");
  EXPECT_EQ(e.message, "100.5 exceeds full_score 100 of /courses/0/assessments/0");
}

TEST_F(JsonLoaderTest, DuplicateKey) {
  Diagnostic e = LoadOneError(R"({"courses": [{"id": "C1", "core": true, "core": true}]})");
  EXPECT_EQ(e.code, codes::kDuplicateKey);
  EXPECT_EQ(e.pointer, "/courses/0/core");
  EXPECT_EQ(e.message, "duplicate key \"core\"");

  // Keys are escaped in pointers; unknown members are checked too.
  e = LoadOneError(R"({"vendor": {"a/b~": 1, "x": 0, "a/b~": 2}})");
  EXPECT_EQ(e.code, codes::kDuplicateKey);
  EXPECT_EQ(e.pointer, "/vendor/a~1b~0");
}

TEST_F(JsonLoaderTest, UnsupportedFormat) {
  Diagnostic e = LoadOneError(R"({"format": "zhuoyue.dossier/2", "courses": []})");
  EXPECT_EQ(e.code, codes::kUnsupportedFormat);
  EXPECT_EQ(e.pointer, "/format");
  EXPECT_EQ(e.message, "unsupported format \"zhuoyue.dossier/2\"; expected \"zhuoyue.dossier/1\"");

  e = LoadOneError(R"({"format": 1})");
  EXPECT_EQ(e.code, codes::kWrongType);
  EXPECT_EQ(e.pointer, "/format");
}

TEST_F(JsonLoaderTest, MissingRequired) {
  Diagnostic e = LoadOneError(R"({"program": {"name": "x"}})");
  EXPECT_EQ(e.code, codes::kMissingRequired);
  EXPECT_EQ(e.pointer, "/program");
  EXPECT_EQ(e.message, "missing required field \"id\"");

  e = LoadOneError(R"({"program": {"id": null}})");
  EXPECT_EQ(e.code, codes::kMissingRequired);

  // A required field of the wrong type is reported once, as a wrong type.
  e = LoadOneError(R"({"program": {"id": 7}})");
  EXPECT_EQ(e.code, codes::kWrongType);
  EXPECT_EQ(e.pointer, "/program/id");
}

TEST_F(JsonLoaderTest, TooDeep) {
  std::string deep = "{\"vendor\": " + std::string(200, '[') + std::string(200, ']') + "}";
  Diagnostic e = LoadOneError(deep);
  EXPECT_EQ(e.code, codes::kTooDeep);
  EXPECT_EQ(e.message, "nesting deeper than 128 levels");
  // The root is level 1 and "vendor" level 2, so level 129, the 127th array inside
  // "vendor", is the first refused.
  std::string expected = "/vendor";
  for (int i = 0; i < 127; ++i) expected += "/0";
  EXPECT_EQ(e.pointer, expected);

  LoadOptions shallow;
  shallow.max_depth = 3;
  e = LoadOneError(R"({"courses": [{"methods": ["case"]}]})", shallow);
  EXPECT_EQ(e.code, codes::kTooDeep);
  EXPECT_EQ(e.pointer, "/courses/0/methods");
  EXPECT_NE(Load(R"({"courses": [{"kind": "lab"}]})", shallow), nullptr);
}

// The size limits: a whole input over max_bytes is refused before it is parsed; a string or
// a key over max_text_bytes stops the load at its pointer. At the limit both load.
TEST_F(JsonLoaderTest, RefusesInputAndTextsOverTheSizeLimits) {
  const std::string json = R"({"program": {"id": "P1", "name": "机械工程"}})";
  LoadOptions small;
  small.max_bytes = json.size() - 1;
  Diagnostic e = LoadOneError(json, small);
  EXPECT_EQ(e.code, codes::kTooLarge);
  EXPECT_EQ(e.message, "the input is " + std::to_string(json.size()) + " bytes; the limit is " +
                           std::to_string(json.size() - 1) + " bytes");
  EXPECT_EQ(e.file, "dossier.json");
  small.max_bytes = json.size();
  EXPECT_NE(Load(json, small), nullptr) << Formatted();

  LoadOptions short_texts;
  short_texts.max_text_bytes = 11;  // 机械工程 is 12 bytes of UTF-8
  e = LoadOneError(json, short_texts);
  EXPECT_EQ(e.code, codes::kTooLarge);
  EXPECT_EQ(e.pointer, "/program/name");
  EXPECT_EQ(e.message, "a text of 12 bytes; the limit is 11");
  short_texts.max_text_bytes = 12;
  EXPECT_NE(Load(json, short_texts), nullptr) << Formatted();
  short_texts.max_text_bytes = 3;  // the key "program" is 7 bytes
  e = LoadOneError(json, short_texts);
  EXPECT_EQ(e.code, codes::kTooLarge);
  EXPECT_EQ(e.message, "a text of 7 bytes; the limit is 3");
}

// The default limit on a text, 1 MiB: a 2 MiB name is refused, not loaded.
TEST_F(JsonLoaderTest, DefaultTextLimitIsOneMebibyte) {
  std::string name(2 << 20, 'x');
  Diagnostic e = LoadOneError(R"({"program": {"id": "P1", "name": ")" + name + R"("}})");
  EXPECT_EQ(e.code, codes::kTooLarge);
  EXPECT_EQ(e.message, "a text of 2097152 bytes; the limit is 1048576");
  EXPECT_EQ(e.pointer, "/program/name");
}

TEST_F(JsonLoaderTest, CollectsEveryError) {
  std::unique_ptr<DossierTables> d = Load(R"({
    "format": "zhuoyue.dossier/0",
    "teachers": [{"id": "T1", "role": "visitor"}, {"id": "T1", "industry_years": -1}],
    "courses": [{"id": "C1", "core": 1, "lecturers": ["T1", "nobody"]}],
    "program": {}
  })");
  EXPECT_EQ(d, nullptr);
  std::vector<std::pair<std::string, std::string>> found;
  for (const Diagnostic& e : diagnostics_) found.emplace_back(e.code, e.pointer);
  EXPECT_THAT(found,
              ElementsAre(Pair("ZY2008", "/format"), Pair("ZY2003", "/teachers/0/role"),
                          Pair("ZY2006", "/teachers/1/industry_years"),
                          Pair("ZY2004", "/teachers/1/id"), Pair("ZY2002", "/courses/0/core"),
                          Pair("ZY2007", "/program"), Pair("ZY2005", "/courses/0/lecturers/1")))
      << Formatted();
}

TEST_F(JsonLoaderTest, StopsAfterMaxErrors) {
  LoadOptions options;
  options.max_errors = 2;
  std::unique_ptr<DossierTables> d =
      Load(R"({"courses": [{"core": 1}, {"core": 2}, {"core": 3}, {"core": 4}]})", options);
  EXPECT_EQ(d, nullptr);
  ASSERT_EQ(diagnostics_.size(), 3u) << Formatted();
  EXPECT_EQ(diagnostics_[1].pointer, "/courses/1/core");
  EXPECT_EQ(diagnostics_[2].code, codes::kTooManyErrors);
  EXPECT_EQ(diagnostics_[2].message, "too many errors; stopped after 2");

  options.max_errors = 0;
  EXPECT_EQ(Load(R"({"courses": [{"core": 1}]})", options), nullptr);
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].code, codes::kTooManyErrors);
}

TEST_F(JsonLoaderTest, KeepsEarlierDiagnostics) {
  Diagnostic earlier;
  earlier.code = "ZY1001";
  earlier.message = "from the rules";
  diagnostics_.push_back(earlier);
  std::unique_ptr<DossierTables> d =
      LoadJsonDossier(R"({"courses": []})", "x.json", schema_, diagnostics_);
  EXPECT_NE(d, nullptr);
  EXPECT_EQ(diagnostics_.size(), 1u);
}

TEST_F(JsonLoaderTest, AcceptsByteOrderMark) {
  std::unique_ptr<DossierTables> d = Load("\xEF\xBB\xBF{\"courses\": []}");
  ASSERT_NE(d, nullptr) << Formatted();
  EXPECT_TRUE(d->table(T("courses")).present);
  EXPECT_EQ(d->table(T("courses")).rows, 0);
}

TEST(InternerTest, InternsOnce) {
  Interner interner;
  const SymbolId a = interner.Intern("课程");
  const SymbolId b = interner.Intern("b");
  EXPECT_NE(a, b);
  EXPECT_EQ(interner.Intern(std::string("课程")), a);
  EXPECT_EQ(interner.Find("b"), b);
  EXPECT_EQ(interner.Find("c"), -1);
  EXPECT_EQ(interner.Text(a), "课程");
  // Stored texts stay put as the interner grows.
  for (int i = 0; i < 1000; ++i) interner.Intern("s" + std::to_string(i));
  EXPECT_EQ(interner.Find("课程"), a);
  EXPECT_EQ(interner.Text(b), "b");
}

}  // namespace
}  // namespace zhuoyue
