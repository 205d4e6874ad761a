// The CSV bundle loader (lib/load/csv_loader.h) with the built-in pack's schema: RFC 4180
// details, typing of cells, joining child rows to their parents, and every problem located
// as file:line:column.
#include "load/csv_loader.h"

#include <memory>
#include <string>
#include <vector>

#include "api/api_access.h"
#include "base/codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using ::testing::HasSubstr;

const Schema& BuiltinSchema() {
  static const std::shared_ptr<const Pack> pack = *Pack::Builtin();
  return internal::ApiAccess::PlanOf(*pack).pack->schema;
}

constexpr char kProgram[] =
    "id,name,accreditation.status,accreditation.validity_years\n"
    "P1,机械工程,passed,6\n";

struct Loaded {
  std::unique_ptr<DossierTables> tables;
  Diagnostics diagnostics;

  const Diagnostic& Only() const {
    EXPECT_EQ(diagnostics.size(), 1u);
    return diagnostics.front();
  }
  std::string Describe() const {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.Format() + "\n";
    return out;
  }
};

Loaded Load(std::vector<CsvFile> files) {
  Loaded loaded;
  loaded.tables = LoadCsvFiles(files, "bundle", BuiltinSchema(), loaded.diagnostics);
  return loaded;
}

const Table& TableNamed(const DossierTables& tables, std::string_view name) {
  return tables.table(BuiltinSchema().FindTable(name));
}

const Column& ColumnNamed(const DossierTables& tables, std::string_view table,
                          std::string_view field) {
  const TableId t = BuiltinSchema().FindTable(table);
  return tables.table(t).columns[BuiltinSchema().tables[t].FindField(field)];
}

TEST(CsvLoaderTest, ReadsQuotingBomCrlfAndTypesCellsByTheSchema) {
  Loaded loaded = Load({
      {"program.csv",
       "\xEF\xBB\xBFid,name,plan_joined,accreditation.status,accreditation.validity_years\r\n"
       "P1,\"机械, \"\"卓越\"\"\n工程\",2010,passed,null\r\n"},
      {"courses.csv",
       "id,kind,core,credits,methods\n"
       "C1,course,TRUE,3.5,讲授; 研讨\n"
       "C2,lab,false,1,\n"},
      {"teachers.csv", "id,international\nT1,phd_abroad;abroad_1y\nT2,\n"},
  });
  ASSERT_TRUE(loaded.tables) << loaded.Describe();
  const DossierTables& t = *loaded.tables;
  const Column& name = ColumnNamed(t, "program", "name");
  EXPECT_EQ(t.strings.Text(name.symbols[0]), "机械, \"卓越\"\n工程");
  EXPECT_EQ(ColumnNamed(t, "program", "plan_joined").numbers[0], *Number::Parse("2010"));
  // `null` on a nullable field: known to be none.
  EXPECT_EQ(ColumnNamed(t, "program", "accreditation.validity_years").state[0], CellState::kNone);
  const Column& core = ColumnNamed(t, "courses", "core");
  EXPECT_EQ(core.bools[0], 1);
  EXPECT_EQ(core.bools[1], 0);
  EXPECT_EQ(ColumnNamed(t, "courses", "credits").numbers[0], *Number::Parse("3.5"));
  const Column& methods = ColumnNamed(t, "courses", "methods");
  EXPECT_EQ(methods.list_begin[1] - methods.list_begin[0], 2u);  // trimmed items
  // `methods` is an open enum: a value outside its names is stored as -(1 + symbol).
  EXPECT_EQ(t.strings.Text(-1 - methods.list_symbols[1]), "研讨");
  // An empty list cell is the empty list, known; a column that is not there stays unknown.
  const Column& international = ColumnNamed(t, "teachers", "international");
  EXPECT_EQ(international.state[1], CellState::kPresent);
  EXPECT_EQ(international.list_begin[2] - international.list_begin[1], 0u);
  EXPECT_EQ(ColumnNamed(t, "teachers", "workload").state[0], CellState::kUnknown);
  EXPECT_EQ(ColumnNamed(t, "courses", "semester").state[0], CellState::kUnknown);
}

TEST(CsvLoaderTest, QuotedEmptyIsEmptyTextAndABlankLineIsARowOfOneEmptyCell) {
  Loaded loaded = Load({
      {"program.csv", kProgram},
      {"courses.csv", "id,implementation\nC1,\"\"\nC2,\n"},
      {"international.csv", "other\r\n\r\n"},
  });
  ASSERT_TRUE(loaded.tables) << loaded.Describe();
  const Column& implementation = ColumnNamed(*loaded.tables, "courses", "implementation");
  EXPECT_EQ(implementation.state[0], CellState::kPresent);
  EXPECT_EQ(loaded.tables->strings.Text(implementation.symbols[0]), "");
  EXPECT_EQ(implementation.state[1], CellState::kUnknown);
  // international.csv: its one row has an empty `other`, the empty list.
  const Column& other = ColumnNamed(*loaded.tables, "international", "other");
  EXPECT_EQ(other.state[0], CellState::kPresent);
  EXPECT_EQ(other.list_begin[1] - other.list_begin[0], 0u);
}

TEST(CsvLoaderTest, ChildRowsJoinTheirParentsAndAnEmptyChildFileMeansNone) {
  Loaded loaded = Load({
      {"program.csv", kProgram},
      {"courses.csv", "id,kind\nC1,course\nC2,course\n"},
      {"supports.csv", "course,point,weight\nC2,S1,H\nC1,S1,M\nC2,S2,L\n"},
      {"school_standard.csv", "id,covers\nK1,G1\n"},
      {"points.csv", "school_standard,id\nK1,S1\nK1,S2\n"},
      {"assessments.csv", "course,id,full_score\nC1,A1,100\n"},
  });
  ASSERT_TRUE(loaded.tables) << loaded.Describe();
  const Table& supports = TableNamed(*loaded.tables, "supports");
  EXPECT_EQ(supports.rows, 3);
  // Rows sit under their parent: C1's one, then C2's two.
  EXPECT_EQ(supports.parent_row, (std::vector<int32_t>{0, 1, 1}));
  // assessments.csv has a row for C1 only: C2 has none (known), not unknown.
  const Table& assessments = TableNamed(*loaded.tables, "assessments");
  EXPECT_EQ(assessments.child_state,
            (std::vector<CellState>{CellState::kPresent, CellState::kPresent}));
  // No assessment_points.csv: A1's points are unknown, not none.
  EXPECT_EQ(TableNamed(*loaded.tables, "assessment_points").child_state,
            (std::vector<CellState>{CellState::kUnknown}));
}

TEST(CsvLoaderTest, CellsAndBundlesOverTheSizeLimitsAreRefused) {
  std::vector<CsvFile> files = {{"program.csv", "id,name\nP1,\"机械工程\"\n"}};
  LoadOptions options;
  options.max_text_bytes = 11;
  Diagnostics diagnostics;
  EXPECT_FALSE(LoadCsvFiles(files, "bundle", BuiltinSchema(), diagnostics, options));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].Format(),
            "bundle/program.csv:2:4: error: a cell of 12 bytes; the limit is 11 [ZY2013]");

  options = {};
  options.max_bytes = files[0].text.size() - 1;
  diagnostics.clear();
  EXPECT_FALSE(LoadCsvFiles(files, "bundle", BuiltinSchema(), diagnostics, options));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, codes::kTooLarge);
  options.max_bytes = files[0].text.size();
  diagnostics.clear();
  EXPECT_TRUE(LoadCsvFiles(files, "bundle", BuiltinSchema(), diagnostics, options));
}

TEST(CsvLoaderTest, AnUnterminatedQuoteIsLocated) {
  Loaded loaded = Load({{"program.csv", "id,name\nP1,\"机械工程\n"}});
  EXPECT_FALSE(loaded.tables);
  const Diagnostic& d = loaded.Only();
  EXPECT_EQ(d.code, codes::kMalformedCsv);
  EXPECT_EQ(d.Format(),
            "bundle/program.csv:2:4: error: the quoted field never ends (no closing `\"`) "
            "[ZY2012]");
}

TEST(CsvLoaderTest, FilesThatAreNotTablesAreLocated) {
  Loaded loaded = Load({
      {"program.csv", kProgram},
      {"courses.csv", "id,kind\nC1,course,extra\n"},
      {"course.csv", "id\nC1\n"},
      {"teachers.csv", ""},
      {"students.csv", "id,name\nST1,a\"b\n"},
  });
  EXPECT_FALSE(loaded.tables);
  std::vector<std::string> lines;
  for (const Diagnostic& d : loaded.diagnostics) lines.push_back(d.Format());
  EXPECT_THAT(lines,
              ::testing::ElementsAre(
                  "bundle/courses.csv:2:1: error: the row has 3 cells, the header 2 [ZY2012]",
                  "bundle/course.csv:1:1: error: `course.csv` is not a table of the "
                  "dossier; a bundle holds one file per table, named after it "
                  "(`courses.csv`) [ZY2012]",
                  "bundle/teachers.csv:1:1: error: the file is empty; it needs a header row "
                  "[ZY2012]",
                  "bundle/students.csv:2:6: error: a quote inside an unquoted field; quote "
                  "the whole field [ZY2012]"))
      << loaded.Describe();
}

TEST(CsvLoaderTest, RowsThatCannotBePlacedAreLocated) {
  Loaded loaded = Load({
      {"program.csv", "id,name\nP1,a\nP2,b\n"},
      {"courses.csv", "id,kind\nC1,course\n"},
      {"supports.csv", "point,weight\nS1,H\n"},
  });
  EXPECT_FALSE(loaded.tables);
  std::vector<std::string> lines;
  for (const Diagnostic& d : loaded.diagnostics) lines.push_back(d.Format());
  EXPECT_THAT(lines, ::testing::ElementsAre(
                         "bundle/program.csv:3:1: error: `program` is one object: its table "
                         "holds one row, found 2 [ZY2012]",
                         "bundle/supports.csv:1:1: error: no column `course`: each row must name "
                         "the courses row it belongs to [ZY2012]"))
      << loaded.Describe();
}

TEST(CsvLoaderTest, SchemaErrorsPointAtTheCell) {
  Loaded loaded = Load({
      {"program.csv", kProgram},
      {"courses.csv", "id,kind,credits\nC1,course,3\nC2,lecture,abc\n"},
      {"supports.csv", "course,point,weight\nC9,S1,H\n"},
  });
  EXPECT_FALSE(loaded.tables);
  std::vector<std::string> lines;
  for (const Diagnostic& d : loaded.diagnostics) lines.push_back(d.Format());
  EXPECT_THAT(lines,
              ::testing::UnorderedElementsAre(
                  HasSubstr("bundle/courses.csv:3:4: error:"),   // lecture: not a kind
                  HasSubstr("bundle/courses.csv:3:12: error:"),  // abc: not a number
                  "bundle/supports.csv:2:1: error: course `C9` is not a row of courses "
                  "[ZY2005]"))
      << loaded.Describe();
  for (const Diagnostic& d : loaded.diagnostics) EXPECT_TRUE(d.pointer.empty()) << d.Format();
}

TEST(CsvLoaderTest, AMissingRequiredFieldIsLocatedAtItsRow) {
  Loaded loaded = Load({{"program.csv", "name\n机械工程\n"}});
  EXPECT_FALSE(loaded.tables);
  const Diagnostic& d = loaded.Only();
  EXPECT_EQ(d.code, codes::kMissingRequired);
  EXPECT_EQ(d.file, "bundle/program.csv");
  EXPECT_EQ(d.line, 2);
}

// examples/bundles/ holds the example dossiers as CSV bundles (tools/json_to_csv.py; ctest
// example_bundles_in_sync keeps them current): each evaluates exactly as its JSON.
class ExampleBundleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleBundleTest, EvaluatesExactlyAsItsJson) {
  auto pack = Pack::Builtin();
  ASSERT_TRUE(pack.ok());
  const std::string examples = std::string(ZHUOYUE_SOURCE_DIR) + "/examples/";
  std::vector<Diagnostic> problems;
  auto bundle = Dossier::FromFile(**pack, examples + "bundles/" + GetParam(), &problems);
  ASSERT_TRUE(bundle.ok()) << bundle.status();
  auto json = Dossier::FromFile(**pack, examples + GetParam() + ".json", nullptr);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(ReportToJson(*Evaluate(**pack, **bundle)), ReportToJson(*Evaluate(**pack, **json)));
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleBundleTest,
                         ::testing::Values("compliant", "failing", "incomplete"));

}  // namespace
}  // namespace zhuoyue
