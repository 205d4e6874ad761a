// Diagnostics: the registry of codes with their explanations and examples (each example is
// run: the failing one gets its code, the fixed one no error), the rendering of a
// diagnostic for people (Render), for one line (Format) and for tools (DiagnosticsToJson).
#include "zhuoyue/diagnostic.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/zhuoyue.hpp"

namespace zhuoyue {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Describe(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.Render(false);
  return text;
}

std::vector<std::string> CodesOf(const Diagnostics& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics) codes.push_back(d.code);
  return codes;
}

// Compiles one rule file alone, as a pack.
Diagnostics CompileRules(std::string_view text, bool* ok = nullptr) {
  Diagnostics diagnostics;
  bool compiled = Pack::FromSources({{"example.zy", std::string(text)}}, &diagnostics).ok();
  if (ok) *ok = compiled;
  return diagnostics;
}

// Loads a dossier with the built-in pack's schema.
Diagnostics LoadDossier(std::string_view json, bool* ok = nullptr) {
  static const std::shared_ptr<const Pack> builtin = *Pack::Builtin();
  Diagnostics diagnostics;
  bool loaded = Dossier::FromJson(*builtin, json, "example.json", &diagnostics).ok();
  if (ok) *ok = loaded;
  return diagnostics;
}

// The examples of ZY2012 (malformed CSV bundle) are the program.csv of a bundle.
bool IsCsvExample(std::string_view code) { return code == "ZY2012"; }

// Loads `program_csv` as a one-file bundle with the built-in pack's schema.
Diagnostics LoadBundle(std::string_view program_csv, bool* ok) {
  static const std::shared_ptr<const Pack> builtin = *Pack::Builtin();
  char folder[] = "/tmp/zy_bundle_XXXXXX";  // mkdtemp template: a fresh folder per call
  EXPECT_NE(mkdtemp(folder), nullptr);
  std::ofstream(std::string(folder) + "/program.csv") << program_csv;
  Diagnostics diagnostics;
  *ok = Dossier::FromFile(*builtin, folder, &diagnostics).ok();
  std::filesystem::remove_all(folder);
  return diagnostics;
}

// The codes declared in diagnostic_kinds.def, read from the file itself.
std::vector<std::string> DeclaredCodes() {
  std::ifstream in(std::string(ZHUOYUE_SOURCE_DIR) + "/lib/base/diagnostic_kinds.def");
  std::stringstream text;
  text << in.rdbuf();
  std::string def = text.str();
  std::vector<std::string> codes;
  std::regex declaration(R"re(ZY_DIAGNOSTIC\(\w+, "(ZY\d{4})")re");
  for (std::sregex_iterator it(def.begin(), def.end(), declaration), end; it != end; ++it) {
    codes.push_back((*it)[1]);
  }
  return codes;
}

// A rule example is a whole pack: it begins with its header `pack NAME version "1"`.
bool IsWholePack(std::string_view example) {
  static const std::regex header(R"re(^pack [A-Za-z_][A-Za-z0-9_]* version "1"\n)re");
  return std::regex_search(std::string(example), header);
}

// ------------------------------------------------------------------ the registry

TEST(DiagnosticRegistry, HoldsEveryDeclaredCodeInOrder) {
  std::vector<std::string> declared = DeclaredCodes();
  ASSERT_FALSE(declared.empty());
  std::vector<std::string> registered;
  for (const DiagnosticInfo& info : DiagnosticRegistry()) registered.emplace_back(info.code);
  EXPECT_EQ(registered, declared);
  EXPECT_TRUE(std::is_sorted(registered.begin(), registered.end()));
  EXPECT_EQ(std::set<std::string>(registered.begin(), registered.end()).size(), registered.size());
}

TEST(DiagnosticRegistry, FindsCodes) {
  const DiagnosticInfo* info = FindDiagnosticInfo("ZY1102");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "ZY1102");
  EXPECT_EQ(info->title, "unknown field");
  EXPECT_EQ(info->severity, Severity::kError);
  EXPECT_EQ(FindDiagnosticInfo("ZY1201")->severity, Severity::kWarning);
  EXPECT_EQ(FindDiagnosticInfo("ZY9999"), nullptr);
  EXPECT_EQ(FindDiagnosticInfo("zy1102"), nullptr);
  EXPECT_EQ(FindDiagnosticInfo(""), nullptr);
}

class RegistryEntry : public ::testing::TestWithParam<DiagnosticInfo> {};

TEST_P(RegistryEntry, IsExplained) {
  const DiagnosticInfo& info = GetParam();
  EXPECT_FALSE(info.title.empty());
  EXPECT_GT(info.explanation.size(), 200u) << info.code << " needs a real explanation";
  EXPECT_FALSE(info.failing_example.empty()) << info.code;
  EXPECT_FALSE(info.fixed_example.empty()) << info.code;
  EXPECT_NE(info.failing_example, info.fixed_example) << info.code;
  // Printed one after the other by `zy explain`: each ends its last line.
  EXPECT_TRUE(info.failing_example.ends_with("\n")) << info.code;
  EXPECT_TRUE(info.fixed_example.ends_with("\n")) << info.code;
  EXPECT_FALSE(info.explanation.ends_with("\n")) << info.code;
}

TEST_P(RegistryEntry, FailingExampleGetsItsCode) {
  const DiagnosticInfo& info = GetParam();
  // A size limit's example would be megabytes long: it is abridged in the explanation, and
  // the limits are tested in json_loader_test.cc and csv_loader_test.cc.
  if (info.code == "ZY2013") GTEST_SKIP() << "abridged example";
  bool ok = false;
  Diagnostics diagnostics;
  if (info.code.starts_with("ZY1")) {
    EXPECT_TRUE(IsWholePack(info.failing_example)) << info.code;
    diagnostics = CompileRules(info.failing_example, &ok);
  } else if (IsCsvExample(info.code)) {
    diagnostics = LoadBundle(info.failing_example, &ok);
  } else {
    diagnostics = LoadDossier(info.failing_example, &ok);
  }
  EXPECT_THAT(CodesOf(diagnostics), Contains(std::string(info.code))) << Describe(diagnostics);
  for (const Diagnostic& d : diagnostics) {
    if (d.code == info.code) EXPECT_EQ(d.severity, info.severity) << d.Format();
  }
  // An error fails the pack or the dossier; a warning alone does not.
  EXPECT_EQ(ok, info.severity == Severity::kWarning) << Describe(diagnostics);
}

TEST_P(RegistryEntry, FixedExampleIsClean) {
  const DiagnosticInfo& info = GetParam();
  bool ok = false;
  Diagnostics diagnostics;
  if (info.code.starts_with("ZY1")) {
    EXPECT_TRUE(IsWholePack(info.fixed_example)) << info.code;
    diagnostics = CompileRules(info.fixed_example, &ok);
  } else if (IsCsvExample(info.code)) {
    diagnostics = LoadBundle(info.fixed_example, &ok);
  } else {
    EXPECT_TRUE(nlohmann::json::accept(info.fixed_example)) << info.code;
    diagnostics = LoadDossier(info.fixed_example, &ok);
  }
  EXPECT_TRUE(ok) << Describe(diagnostics);
  EXPECT_FALSE(HasErrors(diagnostics)) << Describe(diagnostics);
  EXPECT_THAT(CodesOf(diagnostics), Not(Contains(std::string(info.code)))) << Describe(diagnostics);
}

INSTANTIATE_TEST_SUITE_P(Codes, RegistryEntry, ::testing::ValuesIn(DiagnosticRegistry()),
                         [](const ::testing::TestParamInfo<DiagnosticInfo>& info) {
                           return std::string(info.param.code);
                         });

// ------------------------------------------------------------------ Render

// A diagnostic in a rule file, as the checker makes it.
Diagnostic RuleDiagnostic(int line, int column, int end_column, std::string source_line) {
  Diagnostic d;
  d.code = "ZY1102";
  d.file = "rules/r01.zy";
  d.line = line;
  d.column = column;
  d.end_column = end_column;
  d.source_line = std::move(source_line);
  d.message = "`courses` has no field `credit`";
  return d;
}

TEST(Render, UnderlinesTheSpanUnderTheSourceLine) {
  //                                        col 25 ↓, `c.credit` ends before col 33
  Diagnostic d = RuleDiagnostic(8, 25, 33, "      sum(c in courses: c.credit) >= 120");
  EXPECT_EQ(d.Render(false),
            "error[ZY1102]: `courses` has no field `credit`\n"
            " --> rules/r01.zy:8:25\n"
            "  |\n"
            "8 |       sum(c in courses: c.credit) >= 120\n"
            "  |                         ^^^^^^^^\n");
}

TEST(Render, GutterGrowsWithTheLineNumber) {
  Diagnostic d = RuleDiagnostic(128, 1, 4, "def x() = 1");
  EXPECT_EQ(d.Render(false),
            "error[ZY1102]: `courses` has no field `credit`\n"
            "   --> rules/r01.zy:128:1\n"
            "    |\n"
            "128 | def x() = 1\n"
            "    | ^^^\n");
}

TEST(Render, PointSpanGetsOneCaret) {
  Diagnostic d = RuleDiagnostic(3, 5, 0, "    }");
  EXPECT_THAT(d.Render(false), HasSubstr("\n3 |     }\n  |     ^\n"));
  // An end before the start is a point too.
  d.end_column = 2;
  EXPECT_THAT(d.Render(false), HasSubstr("\n3 |     }\n  |     ^\n"));
}

TEST(Render, SpanAtTheEndOfTheLine) {
  // A syntax error at the end of a line points just past its last character.
  Diagnostic d = RuleDiagnostic(2, 8, 0, "  x = (");
  EXPECT_THAT(d.Render(false), HasSubstr("\n2 |   x = (\n  |        ^\n"));
}

TEST(Render, AlignsCaretsAfterWideCharacters) {
  // `c.credit` follows Chinese text on the same line: 学 and 分 take two columns each.
  //        column: 1   5         15        25 26-29   33
  std::string line = "  criterion 1.1 computed \"学分\" = c.credit >= 10";
  Diagnostic d = RuleDiagnostic(7, 33, 41, line);
  std::string padding(32 - 2 + 2 * 2, ' ');  // 30 narrow characters, 2 wide ones
  std::string expected =
      "error[ZY1102]: `courses` has no field `credit`\n"
      " --> rules/r01.zy:7:33\n"
      "  |\n";
  expected += "7 | " + line + "\n";
  expected += "  | " + padding + "^^^^^^^^\n";
  EXPECT_EQ(d.Render(false), expected);
}

TEST(Render, CaretCountIsTheDisplayWidthOfTheSpan) {
  // The span `"课程总学分"`: two quotes and five wide characters, 12 columns.
  std::string line = "  criterion 1.1 judged \"课程总学分\"";
  Diagnostic d = RuleDiagnostic(4, 24, 31, line);
  std::string rendered = d.Render(false);
  EXPECT_THAT(rendered, HasSubstr("\n  | " + std::string(23, ' ') + std::string(12, '^') + "\n"));
  // Full-width punctuation is wide too: `，` and `（` in the padding and the span.
  line = "x，（y）";
  d = RuleDiagnostic(4, 3, 6, line);  // span `（y）`
  EXPECT_THAT(d.Render(false), HasSubstr("\n  | " + std::string(3, ' ') + "^^^^^\n"));
}

TEST(Render, KeepsTabsInThePadding) {
  // A tab's width depends on the terminal: the padding repeats it, so the carets line up.
  std::string line = "\tcriterion 1.1 computed \"x\" = c.credit";
  Diagnostic d = RuleDiagnostic(5, 31, 39, line);
  EXPECT_THAT(d.Render(false),
              HasSubstr("\n5 | " + line + "\n  | \t" + std::string(29, ' ') + "^^^^^^^^\n"));
  // Two tabs, the second after text.
  line = "\tx\ty";
  d = RuleDiagnostic(5, 4, 5, line);
  EXPECT_THAT(d.Render(false), HasSubstr("\n  | \t \t^\n"));
}

TEST(Render, ShowsLabelAndHelp) {
  Diagnostic d = RuleDiagnostic(8, 25, 33, "      sum(c in courses: c.credit) >= 120");
  d.label = "not a field of `courses`";
  d.help = "did you mean `credits`?";
  EXPECT_EQ(d.Render(false),
            "error[ZY1102]: `courses` has no field `credit`\n"
            " --> rules/r01.zy:8:25\n"
            "  |\n"
            "8 |       sum(c in courses: c.credit) >= 120\n"
            "  |                         ^^^^^^^^ not a field of `courses`\n"
            "  = help: did you mean `credits`?\n");
}

TEST(Render, Warning) {
  Diagnostic d = RuleDiagnostic(2, 1, 24, "param min_credits = 120");
  d.code = "ZY1201";
  d.severity = Severity::kWarning;
  d.message = "parameter `min_credits` is never used";
  d.help = "use it in a rule, or remove it";
  EXPECT_EQ(d.Render(false),
            "warning[ZY1201]: parameter `min_credits` is never used\n"
            " --> rules/r01.zy:2:1\n"
            "  |\n"
            "2 | param min_credits = 120\n"
            "  | ^^^^^^^^^^^^^^^^^^^^^^^\n"
            "  = help: use it in a rule, or remove it\n");
}

TEST(Render, LineWithoutSourceShowsOnlyTheLocation) {
  // A pack-wide problem (no header) is placed at 1:1 of the first file, without a span.
  Diagnostic d;
  d.code = "ZY1110";
  d.file = "rules/pack.zy";
  d.line = 1;
  d.column = 1;
  d.message = "the pack has no `pack NAME version \"…\"` header";
  EXPECT_EQ(d.Render(false),
            "error[ZY1110]: the pack has no `pack NAME version \"…\"` header\n"
            " --> rules/pack.zy:1:1\n");
}

TEST(Render, PointerOnlyDossierDiagnostic) {
  Diagnostic d;
  d.code = "ZY2002";
  d.file = "10698-080202.json";
  d.pointer = "/courses/0/credits";
  d.message = "expected a number, found a string";
  EXPECT_EQ(d.Render(false),
            "error[ZY2002]: expected a number, found a string\n"
            " --> 10698-080202.json#/courses/0/credits\n");
  d.help = "write numbers without quotes";
  EXPECT_EQ(d.Render(false),
            "error[ZY2002]: expected a number, found a string\n"
            " --> 10698-080202.json#/courses/0/credits\n"
            "  = help: write numbers without quotes\n");
  // The whole dossier: an empty pointer.
  d.pointer.clear();
  d.help.clear();
  d.code = "ZY2011";
  d.message = "too many errors; stopped after 100";
  EXPECT_EQ(d.Render(false),
            "error[ZY2011]: too many errors; stopped after 100\n"
            " --> 10698-080202.json#\n");
}

TEST(Render, MalformedJsonHasLineAndColumn) {
  // The `]` after the trailing comma, column 17 of line 2.
  Diagnostics diagnostics = LoadDossier("{\n  \"courses\": [1,]\n}\n");
  ASSERT_EQ(diagnostics.size(), 1u) << Describe(diagnostics);
  EXPECT_EQ(diagnostics[0].code, "ZY2001");
  EXPECT_THAT(diagnostics[0].Render(false), HasSubstr("\n --> example.json:2:17\n"));
}

TEST(Render, DossierDiagnosticFromTheLoader) {
  Diagnostics diagnostics =
      LoadDossier(R"({"courses": [{"id": "C01", "name": "机械设计", "credits": "4"}]})");
  ASSERT_EQ(diagnostics.size(), 1u) << Describe(diagnostics);
  EXPECT_EQ(diagnostics[0].Render(false),
            "error[ZY2002]: expected a number, found a string\n"
            " --> example.json#/courses/0/credits\n");
}

TEST(Render, ColorWrapsTheSameText) {
  Diagnostic d = RuleDiagnostic(7, 33, 41, "  criterion 1.1 computed \"学分\" = c.credit >= 10");
  d.help = "did you mean `credits`?";
  d.label = "here";
  std::string colored = d.Render(true);
  EXPECT_THAT(colored, HasSubstr("\x1b[31;1merror[ZY1102]\x1b[0m"));
  EXPECT_EQ(std::regex_replace(colored, std::regex("\x1b\\[[0-9;]*m"), ""), d.Render(false));
  d.severity = Severity::kWarning;
  EXPECT_THAT(d.Render(true), HasSubstr("\x1b[33;1mwarning[ZY1102]\x1b[0m"));
}

// The columns the checker computes and the padding Render draws agree: a real diagnostic
// after Chinese text on its line.
TEST(Render, RealDiagnosticAfterChineseText) {
  constexpr char kRules[] = R"(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分" {
  criterion 1.1 computed "总学分不少于一百二十" = sum(c in courses: c.credit) >= 120
}
)";
  Diagnostics diagnostics = CompileRules(kRules);
  ASSERT_EQ(diagnostics.size(), 1u) << Describe(diagnostics);
  const Diagnostic& d = diagnostics[0];
  EXPECT_EQ(d.code, "ZY1102");
  EXPECT_EQ(d.line, 7);
  // Before `c.credit`: `  criterion 1.1 computed "` (26 characters), 10 wide ones, then
  // `" = sum(c in courses: ` (22 characters).
  EXPECT_EQ(d.column, 26 + 10 + 22 + 1);
  EXPECT_EQ(d.end_column, d.column + 8);
  std::string padding(26 + 2 * 10 + 22, ' ');
  std::string expected =
      "error[ZY1102]: `courses` has no field `credit`\n"
      " --> example.zy:7:59\n"
      "  |\n"
      "7 |   criterion 1.1 computed \"总学分不少于一百二十\" = sum(c in courses: c.credit) >= "
      "120\n";
  expected += "  | " + padding + "^^^^^^^^\n";
  expected += "  = help: did you mean `credits`?\n";
  EXPECT_EQ(d.Render(false), expected);
}

// ------------------------------------------------------------------ Format

TEST(Format, OneLinePerDiagnostic) {
  Diagnostic d = RuleDiagnostic(8, 25, 33, "      sum(c in courses: c.credit) >= 120");
  EXPECT_EQ(d.Format(), "rules/r01.zy:8:25: error: `courses` has no field `credit` [ZY1102]");
  d.help = "did you mean `credits`?";
  EXPECT_EQ(d.Format(),
            "rules/r01.zy:8:25: error: `courses` has no field `credit` [ZY1102]\n"
            "  help: did you mean `credits`?");
  Diagnostic pointer;
  pointer.code = "ZY2005";
  pointer.file = "d.json";
  pointer.pointer = "/courses/0/lecturers/1";
  pointer.message = "\"T02\" is not an id of teachers";
  EXPECT_EQ(pointer.Format(),
            "d.json#/courses/0/lecturers/1: error: \"T02\" is not an id of teachers [ZY2005]");
}

// ------------------------------------------------------------------ DiagnosticsToJson

TEST(DiagnosticsToJson, FieldsOfRuleAndDossierDiagnostics) {
  Diagnostic rule = RuleDiagnostic(8, 25, 33, "      sum(c in courses: c.credit) >= 120");
  rule.help = "did you mean `credits`?";
  rule.label = "not a field";
  Diagnostic warning = RuleDiagnostic(2, 1, 0, "param x = 1");
  warning.code = "ZY1201";
  warning.severity = Severity::kWarning;
  warning.message = "parameter `x` is never used";
  Diagnostic dossier;
  dossier.code = "ZY2003";
  dossier.file = "10698-080202.json";
  dossier.pointer = "/courses/1/venue";
  dossier.message = "\"工厂\" is not one of school, enterprise";

  nlohmann::json json = nlohmann::json::parse(DiagnosticsToJson({rule, warning, dossier}));
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);

  const nlohmann::json& r = json[0];
  EXPECT_EQ(r["code"], "ZY1102");
  EXPECT_EQ(r["severity"], "error");
  EXPECT_EQ(r["file"], "rules/r01.zy");
  EXPECT_EQ(r["line"], 8);
  EXPECT_EQ(r["column"], 25);
  EXPECT_EQ(r["end_column"], 33);
  EXPECT_EQ(r["message"], "`courses` has no field `credit`");
  EXPECT_EQ(r["help"], "did you mean `credits`?");
  EXPECT_EQ(r["label"], "not a field");
  EXPECT_FALSE(r.contains("pointer"));
  EXPECT_FALSE(r.contains("source_line"));

  const nlohmann::json& w = json[1];
  EXPECT_EQ(w["code"], "ZY1201");
  EXPECT_EQ(w["severity"], "warning");
  EXPECT_EQ(w["line"], 2);
  EXPECT_FALSE(w.contains("end_column"));  // a point
  EXPECT_FALSE(w.contains("help"));
  EXPECT_FALSE(w.contains("label"));

  const nlohmann::json& d = json[2];
  EXPECT_EQ(d["code"], "ZY2003");
  EXPECT_EQ(d["file"], "10698-080202.json");
  EXPECT_EQ(d["pointer"], "/courses/1/venue");
  EXPECT_EQ(d["message"], "\"工厂\" is not one of school, enterprise");
  EXPECT_FALSE(d.contains("line"));
  EXPECT_FALSE(d.contains("column"));
}

TEST(DiagnosticsToJson, EmptyListAndFieldOrder) {
  EXPECT_EQ(nlohmann::json::parse(DiagnosticsToJson({})), nlohmann::json::array());
  Diagnostic d = RuleDiagnostic(1, 2, 3, "ab");
  std::string text = DiagnosticsToJson({d});
  EXPECT_TRUE(text.ends_with("\n"));
  // Fields in a fixed order, for stable output.
  size_t code = text.find("\"code\""), severity = text.find("\"severity\""),
         file = text.find("\"file\""), message = text.find("\"message\"");
  EXPECT_LT(code, severity);
  EXPECT_LT(severity, file);
  EXPECT_LT(file, message);
}

TEST(DiagnosticsToJson, InvalidUtf8StaysValidJson) {
  Diagnostic d;
  d.code = "ZY2001";
  d.file = "bad\xff.json";
  d.message = "malformed json: \xe5\xad";
  nlohmann::json json = nlohmann::json::parse(DiagnosticsToJson({d}));
  EXPECT_EQ(json[0]["code"], "ZY2001");
  EXPECT_THAT(json[0]["file"].get<std::string>(), StartsWith("bad"));
}

TEST(DiagnosticsToJson, OfARealCompile) {
  Diagnostics diagnostics = CompileRules(FindDiagnosticInfo("ZY1101")->failing_example);
  nlohmann::json json = nlohmann::json::parse(DiagnosticsToJson(diagnostics));
  ASSERT_EQ(json.size(), diagnostics.size());
  ASSERT_FALSE(json.empty());
  EXPECT_EQ(json[0]["code"], "ZY1101");
  EXPECT_EQ(json[0]["file"], "example.zy");
  EXPECT_EQ(json[0]["line"], diagnostics[0].line);
  EXPECT_EQ(json[0]["column"], diagnostics[0].column);
  EXPECT_EQ(json[0]["end_column"], diagnostics[0].end_column);
  EXPECT_EQ(json[0]["help"], "did you mean `courses`?");
}

}  // namespace
}  // namespace zhuoyue
