// `zy fmt`: the canonical layout of rule files (exact outputs for each rule of the layout),
// comments kept, idempotence on every rule file of the repository and on tricky inputs,
// syntax errors, and the command itself run on temporary copies.
#include "format/format.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zhuoyue/format.h"

namespace zhuoyue {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// Formats `text`, expecting success, and checks that formatting the result changes nothing.
std::string Fmt(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::string> once = FormatRules(text, "test.zy", &diagnostics);
  EXPECT_TRUE(once.ok()) << once.status();
  EXPECT_THAT(diagnostics, IsEmpty());
  if (!once.ok()) return "";
  absl::StatusOr<std::string> twice = FormatRules(*once, "test.zy", nullptr);
  EXPECT_TRUE(twice.ok()) << twice.status();
  if (twice.ok()) EXPECT_EQ(*twice, *once) << "not idempotent on:\n" << text;
  return *once;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// ------------------------------------------------------------------ lexer

TEST(Lex, TokensKeepTheirText) {
  absl::StatusOr<std::vector<format::Token>> tokens =
      format::Lex("criterion 6.10 computed+judged \"a \\\"b\\\" # c\" = x>=1e3 # note  \n");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  std::vector<std::string> texts;
  for (const format::Token& token : *tokens) texts.emplace_back(token.text);
  EXPECT_THAT(texts, testing::ElementsAre("criterion", "6.10", "computed+judged",
                                          "\"a \\\"b\\\" # c\"", "=", "x", ">=", "1e3", "# note"));
  EXPECT_EQ(tokens->back().kind, format::TokenKind::kComment);
}

TEST(Lex, ComputedPlusJudgedIsOneWordOnlyAsACriterionKind) {
  absl::StatusOr<std::vector<format::Token>> tokens = format::Lex("x = computed+judged");
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(tokens->size(), 5u);
}

TEST(Lex, RejectsWhatNoTokenStartsWith) {
  EXPECT_FALSE(format::Lex("a ! b").ok());
  EXPECT_FALSE(format::Lex("\"open\nstring\"").ok());
}

// ------------------------------------------------------------------ layout

TEST(Format, SpacingIsNormalized) {
  EXPECT_EQ(Fmt("param  limit=-1   \"the limit\"\n"
                "def f( t : teachers,n:number )=count( c in t.lectures where c.core:c.credits*2 )"
                ">=n+limit and not(t.trained)\n"
                "eligibility e \"m\" = x . y==[ 1,2 ]and -x<=3 or - ( 2 ) / y in [ \"a\" ]\n"),
            "param limit = -1 \"the limit\"\n"
            "\n"
            "def f(t: teachers, n: number) = count(c in t.lectures where c.core: c.credits * 2) "
            ">= n + limit and not (t.trained)\n"
            "\n"
            "eligibility e \"m\" = x.y == [1, 2] and -x <= 3 or -(2) / y in [\"a\"]\n");
}

TEST(Format, NestedSchemaBlocksAreIndentedTwoPerLevel) {
  EXPECT_EQ(Fmt("object program \"p\" { id: string id required; name: string,\n"
                "accreditation: { status: enum( passed , failed ); years: number>=0 nullable }\n"
                "    previous: optional {year: number >= 0}\n"
                "  contributors: table contributors (program) ids global \"c\" { name: string\n"
                "kind: enum open(a,b) } }\n"
                "table scores \"s\"\n"
                "{\n"
                "score: number >= 0 <= assessment . full_score\n"
                "nothing: {\n"
                "}\n"
                "}\n"),
            "object program \"p\" {\n"
            "  id: string id required\n"
            "  name: string\n"
            "  accreditation: {\n"
            "    status: enum(passed, failed)\n"
            "    years: number >= 0 nullable\n"
            "  }\n"
            "  previous: optional {\n"
            "    year: number >= 0\n"
            "  }\n"
            "  contributors: table contributors (program) ids global \"c\" {\n"
            "    name: string\n"
            "    kind: enum open(a, b)\n"
            "  }\n"
            "}\n"
            "\n"
            "table scores \"s\" {\n"
            "  score: number >= 0 <= assessment.full_score\n"
            "  nothing: {}\n"
            "}\n");
}

TEST(Format, RequirementWithCriteriaAndMaterials) {
  EXPECT_EQ(Fmt("requirement 6 \"校企联合培养\" {\n"
                "    text \"中心能够提供满足学生在企业学习的教育教学条件。\"\n"
                "    pass at least 2\n"
                "    criterion 6.1 judged \"企业提供的各种教育教学条件\"\n"
                "    criterion 6.2 computed \"中心设置了组织机构\" =\n"
                "        some e in enterprise_centers:\n"
                "            nonempty(e.leaders.school) and nonempty(e.leaders.enterprise)\n"
                "    criterion 6.10 computed+judged \"有充分的证据\" = "
                "some e in enterprise_centers: e.quality_assurance\n"
                "    material 6.1 \"完整的企业培养方案\"   material 6.2 \"合作教育文本\"\n"
                "}\n"),
            "requirement 6 \"校企联合培养\" {\n"
            "  text \"中心能够提供满足学生在企业学习的教育教学条件。\"\n"
            "  pass at least 2\n"
            "  criterion 6.1 judged \"企业提供的各种教育教学条件\"\n"
            "  criterion 6.2 computed \"中心设置了组织机构\" =\n"
            "      some e in enterprise_centers:\n"
            "        nonempty(e.leaders.school) and nonempty(e.leaders.enterprise)\n"
            "  criterion 6.10 computed+judged \"有充分的证据\" = "
            "some e in enterprise_centers: e.quality_assurance\n"
            "  material 6.1 \"完整的企业培养方案\"\n"
            "  material 6.2 \"合作教育文本\"\n"
            "}\n");
}

TEST(Format, TextAndPassAreItemsOnlyWhereTheGrammarAllowsThem) {
  // `text` is not reserved: after the first item it is a name like any other.
  EXPECT_EQ(Fmt("requirement 1 \"r\" { pass all criterion 1.1 computed \"c\" = text\n"
                "  and pass }\n"),
            "requirement 1 \"r\" {\n"
            "  pass all\n"
            "  criterion 1.1 computed \"c\" = text\n"
            "      and pass\n"
            "}\n");
}

TEST(Format, ExpressionsBrokenOverLinesKeepTheirBreaks) {
  EXPECT_EQ(Fmt("eligibility accreditation \"m\" =\n"
                "program.status == \"pending\"\n"
                "        or (program.status == \"passed\"\n"
                " and (program.validity == 6\n"
                "                  or (program.validity == 3\n"
                "  and program.year >= program.since + 3)))\n"
                "def topics(p: policies) =\n"
                "  every t in [\n"
                "              \"curriculum\",\n"
                "     \"evaluation\"\n"
                "  ]: t in p.topics\n"
                "def counted(c: courses) = count(\n"
                "  x in c.assessments where x.kind != \"exam\"\n"
                ") >= 1\n"),
            "eligibility accreditation \"m\" =\n"
            "    program.status == \"pending\"\n"
            "    or (program.status == \"passed\"\n"
            "      and (program.validity == 6\n"
            "        or (program.validity == 3\n"
            "          and program.year >= program.since + 3)))\n"
            "\n"
            "def topics(p: policies) =\n"
            "    every t in [\n"
            "      \"curriculum\",\n"
            "      \"evaluation\"\n"
            "    ]: t in p.topics\n"
            "\n"
            "def counted(c: courses) = count(\n"
            "      x in c.assessments where x.kind != \"exam\"\n"
            "    ) >= 1\n");
}

TEST(Format, QuantifierBodiesAreIndentedAsAGroup) {
  // The body of `every` runs to the end of its bracket: the indentation shows it.
  EXPECT_EQ(Fmt("requirement 4 \"t\" {\n"
                "criterion 4.2 computed \"c\" =\n"
                "every t in teachers where t.years < 1:\n"
                "t.planned >= 12\n"
                "or t.completed >= 12\n"
                "criterion 4.3 computed \"d\" =\n"
                "(some e in centers: some t in e.mentors:\n"
                "full_time(t))\n"
                "and (some e in centers: part_time(e))\n"
                "}\n"),
            "requirement 4 \"t\" {\n"
            "  criterion 4.2 computed \"c\" =\n"
            "      every t in teachers where t.years < 1:\n"
            "        t.planned >= 12\n"
            "        or t.completed >= 12\n"
            "  criterion 4.3 computed \"d\" =\n"
            "      (some e in centers: some t in e.mentors:\n"
            "            full_time(t))\n"
            "      and (some e in centers: part_time(e))\n"
            "}\n");
}

TEST(Format, LabelledBlocksOneItemPerLineWithoutAlignment) {
  EXPECT_EQ(Fmt("standard g \"G\" { G1  \"a\"  G10 \"b\" }\n"
                "levels { not_met \"n\" met \"m\" }\n"
                "overall \"o\" {\n"
                "    fail \"f\" when x == \"failed\"\n"
                "    passed   \"p\"\n"
                "        when met(\"1\")\n"
                "            and met(\"2\")\n"
                "    other \"x\" otherwise\n"
                "}\n"),
            "standard g \"G\" {\n"
            "  G1 \"a\"\n"
            "  G10 \"b\"\n"
            "}\n"
            "\n"
            "levels {\n"
            "  not_met \"n\"\n"
            "  met \"m\"\n"
            "}\n"
            "\n"
            "overall \"o\" {\n"
            "  fail \"f\" when x == \"failed\"\n"
            "  passed \"p\"\n"
            "      when met(\"1\")\n"
            "      and met(\"2\")\n"
            "  other \"x\" otherwise\n"
            "}\n");
}

TEST(Format, CommentsStayInPlace) {
  EXPECT_EQ(Fmt("# header comment\n"
                "\n"
                "# attached to the table\n"
                "table t \"x\" # trailing after the header\n"
                "{\n"
                "    # first field\n"
                "  a: number   # trailing after a field\n"
                "  b: string;  # after a dropped separator\n"
                "        # last in the block\n"
                "}\n"
                "def f(t: t) =   # after =\n"
                "    # before the body\n"
                "    t.a > 0   # end\n"
                "      # odd indent\n"
                "      and t.b == \"#not a comment\"\n"
                "# at the end"),
            "# header comment\n"
            "\n"
            "# attached to the table\n"
            "table t \"x\" { # trailing after the header\n"
            "  # first field\n"
            "  a: number # trailing after a field\n"
            "  b: string # after a dropped separator\n"
            "  # last in the block\n"
            "}\n"
            "\n"
            "def f(t: t) = # after =\n"
            "    # before the body\n"
            "    t.a > 0 # end\n"
            "    # odd indent\n"
            "    and t.b == \"#not a comment\"\n"
            "# at the end\n");
}

TEST(Format, CommentsBetweenDeclarations) {
  // A comment block directly above a declaration stays attached to it; the blank line
  // between declarations goes above the block.
  EXPECT_EQ(Fmt("param a = 1 # one\n"
                "# about b\n"
                "# more about b\n"
                "param b = 2\n"
                "# under b, apart from c\n"
                "\n"
                "param c = 3\n"
                "table t {\n"
                "  x: number\n"
                "}\n"
                "# the end\n"),
            "param a = 1 # one\n"
            "\n"
            "# about b\n"
            "# more about b\n"
            "param b = 2\n"
            "# under b, apart from c\n"
            "\n"
            "param c = 3\n"
            "\n"
            "table t {\n"
            "  x: number\n"
            "}\n"
            "# the end\n");
}

TEST(Format, CommentsBeforeAnOpeningBraceMoveAfterIt) {
  EXPECT_EQ(Fmt("table t # why\n"
                "# and how\n"
                "{ # inside\n"
                "  x: number\n"
                "}\n"
                "levels { # none\n"
                "}\n"),
            "table t { # why\n"
            "  # and how\n"
            "  # inside\n"
            "  x: number\n"
            "}\n"
            "\n"
            "levels { # none\n"
            "}\n");
}

TEST(Format, BlankLinesAreCollapsed) {
  EXPECT_EQ(Fmt("\n\n\npack p version \"1\"   \n"
                "param a = 1\n"
                "param b = 2\t\n"
                "\n\n\n"
                "# about c\n"
                "\n\n"
                "param c = 3\n"
                "requirement 1 \"r\" {\n"
                "\n"
                "  criterion 1.1 judged \"x\"\n"
                "\n\n\n"
                "  criterion 1.2 judged \"y\"\n"
                "\n"
                "}\n\n\n\n"),
            "pack p version \"1\"\n"
            "\n"
            "param a = 1\n"
            "\n"
            "param b = 2\n"
            "\n"
            "# about c\n"
            "\n"
            "param c = 3\n"
            "\n"
            "requirement 1 \"r\" {\n"
            "  criterion 1.1 judged \"x\"\n"
            "\n"
            "  criterion 1.2 judged \"y\"\n"
            "}\n");
}

TEST(Format, FieldSeparatorsAreRemoved) {
  EXPECT_EQ(Fmt("table t { a: number; b: string, c: enum(x, y); d: ref(t, u) inverse v; }\n"),
            "table t {\n"
            "  a: number\n"
            "  b: string\n"
            "  c: enum(x, y)\n"
            "  d: ref(t, u) inverse v\n"
            "}\n");
}

TEST(Format, CjkTextAndLineEnds) {
  EXPECT_EQ(Fmt("requirement 9 \"工程教育面向世界\" {\r\n"
                "  text \"多种形式面向世界开展工程教育。如: 建立具有国际背景的教师队伍, ……\"   \r\n"
                "  # 【专门要求 9】 仅要求达到以下任意 3 条.   \r\n"
                "  pass at least 3\r\n"
                "}"),
            "requirement 9 \"工程教育面向世界\" {\n"
            "  text \"多种形式面向世界开展工程教育。如: 建立具有国际背景的教师队伍, ……\"\n"
            "  # 【专门要求 9】 仅要求达到以下任意 3 条.\n"
            "  pass at least 3\n"
            "}\n");
}

TEST(Format, EmptyAndCommentOnlyFiles) {
  EXPECT_EQ(Fmt(""), "");
  EXPECT_EQ(Fmt("\n \n\t\n"), "");
  EXPECT_EQ(Fmt("   # only\n\n\n# two  \n\n"), "# only\n\n# two\n");
}

TEST(Format, TrickyInputsAreIdempotent) {
  const char* inputs[] = {
      "table t \"x\" # a\n# b\n\n# c\n{ # d\n\n# e\na: number # f\n\n\n# g\n}# h\n# i",
      "def f(x: number) = -(-x) - -1 * (x\n+ 2\n) / [\n1,\n[2, 3\n]\n]",
      "def g(c: courses) =\n  ((c.a\n   and (c.b\n  or c.c))\n) # deep\n",
      "param p = 0.25 \"中文，含“引号”与 #\" # 注释\nparam q = true\n\n\nparam r = none",
      "object o {\n  id: string id\n  id2: string id required; nested: table n (o) {\n"
      "    table: number; object: bool }\n  required\n}",
      "requirement 10 \"学校\" { text \"t\" pass at least 2\n# c\ncriterion 10.1 computed \"x\" "
      "=\n every t in [\"a\", \"b\",\n \"c\"]:\n some p in s.policies: t in p.topics\n"
      "material 10.1 \"m\" }",
      "overall \"o\" { a \"x\" when j.criterion == \"1\" and (some x in y: x.no)\n"
      "# between\nb \"y\"\notherwise }",
      "eligibility e \"m\" = x not in [1, 2] and not x in [3] # t\n# own\n",
      "levels {}\nstandard s \"t\" {\n}\n",
      "def h() = count(c in courses where\n c.core\n: c.credits)",
      "table t {\n  a: number # x\n  ;\n  b: number\n}\n",
  };
  for (const char* input : inputs) {
    SCOPED_TRACE(input);
    std::string once = Fmt(input);
    EXPECT_FALSE(once.empty());
    EXPECT_EQ(once.back(), '\n');
    EXPECT_EQ(once.find(" \n"), std::string::npos) << "trailing blank in:\n" << once;
    EXPECT_EQ(once.find("\n\n\n"), std::string::npos) << "two blank lines in:\n" << once;
  }
}

TEST(Format, EveryCommentIsKeptInOrder) {
  std::string input =
      "# 1\ntable t # 2\n# 3\n{ # 4\n a: number; # 5\n# 6\n}\n# 7\ndef f() = 1 # 8\n# 9";
  std::string output = Fmt(input);
  size_t at = 0;
  for (int n = 1; n <= 9; ++n) {
    size_t found = output.find("# " + std::to_string(n), at);
    ASSERT_NE(found, std::string::npos) << "comment " << n << " missing or out of order:\n"
                                        << output;
    at = found;
  }
}

TEST(Format, EveryRuleFileOfTheRepositoryIsIdempotent) {
  int files = 0;
  for (const char* folder : {"dsl", "tests", "examples"}) {
    fs::path root = fs::path(ZHUOYUE_SOURCE_DIR) / folder;
    if (!fs::exists(root)) continue;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".zy") continue;
      SCOPED_TRACE(entry.path().string());
      ++files;
      std::string text = ReadFile(entry.path());
      std::vector<Diagnostic> diagnostics;
      absl::StatusOr<std::string> once = FormatRules(text, entry.path().string(), &diagnostics);
      if (!once.ok()) {  // a deliberately broken test file
        EXPECT_EQ(once.status().code(), absl::StatusCode::kInvalidArgument) << once.status();
        EXPECT_FALSE(diagnostics.empty());
        continue;
      }
      absl::StatusOr<std::string> twice = FormatRules(*once, entry.path().string(), nullptr);
      ASSERT_TRUE(twice.ok()) << twice.status();
      EXPECT_EQ(*twice, *once);
    }
  }
  EXPECT_GE(files, 13);
}

// The repository's rule files that parse, with their text.
std::vector<std::pair<std::string, std::string>> RepositoryRuleFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* folder : {"dsl", "tests/tools/testdata"}) {
    for (const fs::directory_entry& entry :
         fs::recursive_directory_iterator(fs::path(ZHUOYUE_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".zy") continue;
      std::string text = ReadFile(entry.path());
      if (FormatRules(text, "x.zy", nullptr).ok()) files.emplace_back(entry.path(), text);
    }
  }
  return files;
}

// `text` with the blanks between its tokens replaced by `separator(original blanks)`.
template <typename Separator>
std::string Respace(const std::string& text, Separator separator) {
  absl::StatusOr<std::vector<format::Token>> tokens = format::Lex(text);
  EXPECT_TRUE(tokens.ok()) << tokens.status();
  if (!tokens.ok()) return text;
  std::string out;
  size_t end = 0;
  for (const format::Token& token : *tokens) {
    size_t begin = token.text.data() - text.data();
    out += separator(text.substr(end, begin - end), token);
    out += token.text;
    end = begin + token.text.size();
  }
  return out + "\n";
}

TEST(Format, LayoutDoesNotDependOnBlanksWithinLines) {
  std::mt19937 random(20240601);
  for (const auto& [path, text] : RepositoryRuleFiles()) {
    SCOPED_TRACE(path);
    std::string respaced = Respace(text, [&](const std::string& blanks, const format::Token&) {
      std::string newlines(std::count(blanks.begin(), blanks.end(), '\n'), '\n');
      const char* choices[] = {" ", "   ", "\t", " \t  "};
      return choices[random() % 4] + newlines + choices[random() % 4];
    });
    EXPECT_EQ(Fmt(respaced), Fmt(text));
  }
}

TEST(Format, LineBreaksAnywhereBetweenTokensAreSafeAndStable) {
  std::mt19937 random(7);
  for (const auto& [path, text] : RepositoryRuleFiles()) {
    SCOPED_TRACE(path);
    std::string broken = Respace(text, [&](const std::string& blanks, const format::Token&) {
      if (blanks.find('\n') != std::string::npos) return blanks;  // a comment may end there
      return random() % 3 == 0 ? std::string(1 + random() % 3, '\n') : std::string(" ");
    });
    std::string once = Fmt(broken);  // also checks idempotence
    // The same tokens and comments, in the same order (these files have no `;` to drop).
    absl::StatusOr<std::vector<format::Token>> a = format::Lex(once), b = format::Lex(text);
    ASSERT_TRUE(a.ok() && b.ok());
    std::vector<std::string_view> ta, tb;
    for (const format::Token& t : *a) ta.push_back(t.text);
    for (const format::Token& t : *b) tb.push_back(t.text);
    EXPECT_EQ(ta, tb);
  }
}

TEST(Format, TheBuiltInPackIsFormatted) {
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue")) {
    if (entry.path().extension() != ".zy") continue;
    std::string text = ReadFile(entry.path());
    absl::StatusOr<std::string> formatted = FormatRules(text, entry.path().string(), nullptr);
    ASSERT_TRUE(formatted.ok()) << formatted.status();
    EXPECT_EQ(*formatted, text) << entry.path() << " is not formatted: run zy fmt dsl/zhuoyue";
  }
}

TEST(Format, TextThatDoesNotParseIsAnErrorWithItsDiagnostics) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::string> result =
      FormatRules("param a = 1\nrequirement 1 \"x\" {\n  criterion 1.1 bogus \"y\"\n}\n", "bad.zy",
                  &diagnostics);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].code, "ZY1001");
  EXPECT_EQ(diagnostics[0].file, "bad.zy");
  EXPECT_EQ(diagnostics[0].line, 3);
  EXPECT_THAT(diagnostics[0].Format(), StartsWith("bad.zy:3:"));
  // A null diagnostics list is allowed.
  EXPECT_FALSE(FormatRules("table {", "bad.zy", nullptr).ok());
}

// ------------------------------------------------------------------ zy fmt

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

// A fresh temporary directory, removed at the end of the test.
class ZyFmt : public testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("zy_fmt_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "run");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `zy fmt ARGS` from the repository root.
  Outcome Run(const std::string& args) {
    fs::path out = dir_ / "run" / "out", err = dir_ / "run" / "err";
    std::string command = "cd '" ZHUOYUE_SOURCE_DIR "' && '" ZY_BINARY "' fmt " + args + " >'" +
                          out.string() + "' 2>'" + err.string() + "'";
    int raw = std::system(command.c_str());
    Outcome run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = ReadFile(out);
    run.err = ReadFile(err);
    return run;
  }

  fs::path dir_;
};

constexpr char kUnformatted[] =
    "table courses \"courses\" { id: string id; credits: number>=0 }\n"
    "requirement 1 \"enough\" {\n"
    "    criterion 1.1 computed \"credits\" =\n"
    "        sum(c in courses: c.credits)>=10 # the threshold\n"
    "}\n";
constexpr char kFormatted[] =
    "table courses \"courses\" {\n"
    "  id: string id\n"
    "  credits: number >= 0\n"
    "}\n"
    "\n"
    "requirement 1 \"enough\" {\n"
    "  criterion 1.1 computed \"credits\" =\n"
    "      sum(c in courses: c.credits) >= 10 # the threshold\n"
    "}\n";

TEST_F(ZyFmt, CheckOnTheBuiltInPackPassesSilently) {
  Outcome run = Run("--check dsl/zhuoyue");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, IsEmpty());
}

TEST_F(ZyFmt, CheckOnFormattedCopiesPassesAndChangesNothing) {
  fs::copy(fs::path(ZHUOYUE_SOURCE_DIR) / "dsl" / "zhuoyue", dir_ / "pack");
  WriteFile(dir_ / "pack" / "extra.zy", kFormatted);
  Outcome run = Run("--check '" + (dir_ / "pack").string() + "'");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, IsEmpty());
  EXPECT_EQ(ReadFile(dir_ / "pack" / "extra.zy"), kFormatted);
}

TEST_F(ZyFmt, CheckNamesUnformattedFilesWithoutChangingThem) {
  fs::create_directories(dir_ / "rules" / "sub");
  WriteFile(dir_ / "rules" / "a.zy", kFormatted);
  WriteFile(dir_ / "rules" / "sub" / "b.zy", kUnformatted);
  WriteFile(dir_ / "rules" / "c.zy", kUnformatted);
  WriteFile(dir_ / "rules" / "notes.txt", kUnformatted);  // not a .zy file: ignored
  Outcome run = Run("--check '" + (dir_ / "rules").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, (dir_ / "rules" / "c.zy").string() + "\n" +
                         (dir_ / "rules" / "sub" / "b.zy").string() + "\n");
  EXPECT_THAT(run.err, IsEmpty());
  EXPECT_EQ(ReadFile(dir_ / "rules" / "sub" / "b.zy"), kUnformatted);
  EXPECT_EQ(ReadFile(dir_ / "rules" / "c.zy"), kUnformatted);
}

TEST_F(ZyFmt, RewritesFilesInPlace) {
  fs::path file = dir_ / "rules.zy";
  WriteFile(file, kUnformatted);
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  Outcome run = Run("'" + file.string() + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, IsEmpty());
  EXPECT_EQ(ReadFile(file), kFormatted);
  struct stat info;
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);
  // No temporary file is left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 2);  // rules.zy and run/

  Outcome again = Run("--check '" + file.string() + "'");
  EXPECT_EQ(again.status, 0);
  EXPECT_THAT(again.out, IsEmpty());
}

TEST_F(ZyFmt, ABrokenFileIsLocatedAndLeftUntouched) {
  fs::path broken = dir_ / "broken.zy", good = dir_ / "good.zy";
  const std::string text = "param a = 1\nrequirement 1 \"x\" {\n  criterion 1.1 bogus \"y\"\n}\n";
  WriteFile(broken, text);
  WriteFile(good, kUnformatted);
  Outcome run = Run("'" + broken.string() + "' '" + good.string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.err, HasSubstr(broken.string() + ":3:"));
  EXPECT_THAT(run.err, HasSubstr("[ZY1001]"));
  EXPECT_EQ(ReadFile(broken), text);
  EXPECT_EQ(ReadFile(good), kFormatted);  // the other files are still formatted

  Outcome check = Run("--check '" + broken.string() + "'");
  EXPECT_EQ(check.status, 1);
  EXPECT_THAT(check.out, IsEmpty());
  EXPECT_THAT(check.err, HasSubstr(broken.string() + ":3:"));
}

TEST_F(ZyFmt, UsageErrorsExitTwo) {
  for (const char* args : {"", "--check", "--bogus x.zy", "-x"}) {
    SCOPED_TRACE(args);
    Outcome run = Run(args);
    EXPECT_EQ(run.status, 2);
    EXPECT_THAT(run.err, HasSubstr("usage: zy fmt"));
  }
  Outcome help = Run("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_THAT(help.out, StartsWith("usage: zy fmt [--check] PATH..."));
}

TEST_F(ZyFmt, AMissingPathExitsOne) {
  Outcome run = Run("'" + (dir_ / "nowhere").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.err, HasSubstr("nowhere"));
}

}  // namespace
}  // namespace zhuoyue
