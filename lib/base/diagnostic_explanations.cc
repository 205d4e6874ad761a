#include "base/diagnostic_explanations.h"

#include <vector>

namespace zhuoyue::internal {
namespace {

// One entry per code of diagnostic_kinds.def, in code order: what the diagnostic means, why
// the engine insists, how to fix it (one paragraph each, separated by a blank line), then a
// failing example and the same example mended. A ZY1xxx example is a whole rule pack on its
// own; a ZY2xxx example is a dossier checked against the built-in pack's schema
// (dsl/zhuoyue/schema.zy). tests/base/diagnostic_test.cc runs every example: the failing one
// must get its code, the fixed one no error at all (and no warning of its code).
const std::vector<Explanation>& Explanations() {
  static const std::vector<Explanation> explanations = {
      {"ZY1001",
       "The rule text does not follow the grammar of the rule language (dsl/GRAMMAR.md) at the "
       "place the caret shows: the parser expected one thing, named in the message, and found "
       "another. Common causes are a criterion whose `=` is not followed by an expression, a `{` "
       "or `(` that is never closed, a string whose closing `\"` is missing on its line, a "
       "criterion kind other than `computed`, `judged` or `computed+judged`, and a stray word "
       "between two declarations.\n\n"
       "The engine never guesses what a half-written rule means: a guess could turn a failing "
       "program into a passing one. After a syntax error the parser skips to the next line that "
       "begins a declaration (`pack`, `param`, `table`, `requirement` …) and reads on, so one file "
       "can show several syntax errors. Names and types are checked only once every syntax error "
       "is mended.\n\n"
       "To fix it, look at the caret: the mistake is there or just before it. Complete the "
       "expression, close the brace, parenthesis or string, or remove the stray text.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 10 学分" =
      sum(c in courses: c.credits) >=
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 10 学分" =
      sum(c in courses: c.credits) >= 10
}
)zy"},
      {"ZY1002",
       "An expression is nested more than 32 levels deep: the expression itself is the first "
       "level, and each parenthesis, prefix `-` or `not`, and body of `every`, `some` or `no` "
       "opens another. A field's type nests the same way, a level for each `list` and `{`. A "
       "rule a person writes nests a handful of levels; hundreds come from generated or hostile "
       "text.\n\n"
       "The limit keeps the parser's recursion, and so its use of the stack, bounded on any "
       "thread that compiles a pack, including the small stacks of a host application's "
       "threads. The caret shows the first token inside the 33rd level.\n\n"
       "To fix it, give the inner parts names with `def` and use the names, or drop "
       "parentheses that change nothing.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "每门课程不少于 2 学分" =
      every c in courses: ((((((((((((((((((((((((((((((((((((((((c.credits >= 2))))))))))))))))))))))))))))))))))))))))
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "每门课程不少于 2 学分" =
      every c in courses: c.credits >= 2
}
)zy"},
      {"ZY1003",
       "The rules have more than 100 errors: the first 100 are shown, in the order found, "
       "then this one, at the first error left out, with how many more there are.\n\n"
       "Thousands of errors come from one cause far more often than from thousands of "
       "mistakes: a file that is not a rule file at all, a brace opened early and never "
       "closed, a table renamed that every criterion reads. Printing them all would hide that "
       "cause and, for a hostile file, fill a log.\n\n"
       "Mend the first errors — usually the very first — and check again.",
       R"zy(pack demo version "1"
param p0 =
param p1 =
param p2 =
param p3 =
param p4 =
param p5 =
param p6 =
param p7 =
param p8 =
param p9 =
param p10 =
param p11 =
param p12 =
param p13 =
param p14 =
param p15 =
param p16 =
param p17 =
param p18 =
param p19 =
param p20 =
param p21 =
param p22 =
param p23 =
param p24 =
param p25 =
param p26 =
param p27 =
param p28 =
param p29 =
param p30 =
param p31 =
param p32 =
param p33 =
param p34 =
param p35 =
param p36 =
param p37 =
param p38 =
param p39 =
param p40 =
param p41 =
param p42 =
param p43 =
param p44 =
param p45 =
param p46 =
param p47 =
param p48 =
param p49 =
param p50 =
param p51 =
param p52 =
param p53 =
param p54 =
param p55 =
param p56 =
param p57 =
param p58 =
param p59 =
param p60 =
param p61 =
param p62 =
param p63 =
param p64 =
param p65 =
param p66 =
param p67 =
param p68 =
param p69 =
param p70 =
param p71 =
param p72 =
param p73 =
param p74 =
param p75 =
param p76 =
param p77 =
param p78 =
param p79 =
param p80 =
param p81 =
param p82 =
param p83 =
param p84 =
param p85 =
param p86 =
param p87 =
param p88 =
param p89 =
param p90 =
param p91 =
param p92 =
param p93 =
param p94 =
param p95 =
param p96 =
param p97 =
param p98 =
param p99 =
param p100 =
)zy",
       R"zy(pack demo version "1"
param p0 = 8
table courses {
  id: string id
}
requirement 1 "课程" {
  criterion 1.1 computed "课程不少于 8 门" = count(courses) >= p0
}
)zy"},
      {"ZY1101",
       "A name is used that the pack does not declare. In an expression a name is a parameter "
       "(`param`), a table or object (`table`, `object`, `standard`), a variable bound by a "
       "quantifier or an aggregate (`every c in …`, `count(c in …)`), a parameter of the enclosing "
       "`def`, or, before `(`, a definition or a built-in function (count, empty, nonempty, "
       "judgement, distinction, provided, met). In the schema, `ref(…)` names tables, and a "
       "definition's parameter type is a table name or `number`, `bool`, `string`.\n\n"
       "A misspelt name never reads as missing data: the criterion would stay pending however "
       "complete the dossier is, or be decided on nothing. So it is an error, found before any "
       "dossier is read.\n\n"
       "Check the spelling against the declarations; the help line suggests the closest declared "
       "name. Table names of the built-in schema are plural: `courses`, `teachers`, `students`.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 10 学分" =
      sum(c in course: c.credits) >= 10
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 10 学分" =
      sum(c in courses: c.credits) >= 10
}
)zy"},
      {"ZY1102",
       "A field was read that the table does not declare. Field names come from the pack's schema "
       "(`table … { … }`): its fields, the fields of its nested objects "
       "(`t.secondment.completed_months`), its child tables (`c.assessments`), the inverses "
       "declared on references to it (`t.lectures`) and the parent of a child table. The message "
       "names the table and the field that was not found.\n\n"
       "A misspelt field is an error, never a silent unknown: otherwise a criterion reading it "
       "would stay pending for every dossier, and nobody would notice why.\n\n"
       "Check the spelling against the schema; the help line suggests the closest field, or lists "
       "the fields when none is close.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credit) >= 120
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy"},
      {"ZY1103",
       "A value is used where a value of another kind is needed. Every expression has a kind: "
       "bool, number, text (a string), row, collection or none. Criteria, eligibility rules, "
       "outcome conditions, `where`, `and`, `or` and `not` need bools; `+ - * /`, `<`, `>=`, "
       "`sum`, `mean`, `min` and `max` need numbers; `==` and `!=` compare two values of the same "
       "kind; `in` needs a collection on its right; `.field` needs a row; `every`, `some`, `no` "
       "and the aggregates range over a collection; a definition's argument must be of the "
       "declared table or kind. The same code also marks a construct used the wrong way: a "
       "`judged` criterion with an expression, a `computed` one without, an `otherwise` outcome "
       "that is not the last, a parameter whose default is not a literal.\n\n"
       "The engine converts nothing silently: the text \"6\" is not the number 6, and a comparison "
       "between them could only ever be false, failing a program over a typing slip.\n\n"
       "Write the value in the kind the operator needs (numbers without quotes, text in quotes), "
       "read the intended field, or use the construct as the message says.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "核心课程" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= "6"
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "核心课程" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
}
)zy"},
      {"ZY1104",
       "Something is declared twice: a table or object, a field of a table, a parameter, a "
       "definition, a requirement, a criterion, a material, an inverse name on a table, the pack "
       "header or `overall`. Names of tables, parameters and definitions, and the ids of "
       "requirements, criteria and materials, are unique across the whole pack, all its files "
       "together.\n\n"
       "Verdicts, the experts' judgements (`judgement(\"3.2\")`), materials and the report are "
       "keyed by these ids and names; with two declarations nobody could tell which one a "
       "judgement or a `met()` refers to. The message points at the second declaration.\n\n"
       "Renumber or rename one of the two, or delete the copy.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy"},
      {"ZY1105",
       "A definition (`def`) calls itself, directly or through other definitions; the message "
       "shows the chain of calls, such as `a → b → a`.\n\n"
       "Every rule must finish with an answer. Definitions are therefore expanded where they are "
       "used, and the only repetition in the language is a quantifier or an aggregate over the "
       "dossier's finite tables: a definition that calls itself would never finish expanding.\n\n"
       "Arrange the definitions so that the calls form a tree: write one of them with fields only, "
       "and build the other on it.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  industry_taught: bool
}
def industry_core(c: courses) = c.core and industry_course(c)
def industry_course(c: courses) = c.industry_taught and industry_core(c)
requirement 1 "企业参与" {
  criterion 1.1 computed "至少 6 门核心课程由企业教师主讲" =
      count(c in courses where industry_core(c)) >= 6
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  industry_taught: bool
}
def industry_course(c: courses) = c.industry_taught
def industry_core(c: courses) = c.core and industry_course(c)
requirement 1 "企业参与" {
  criterion 1.1 computed "至少 6 门核心课程由企业教师主讲" =
      count(c in courses where industry_core(c)) >= 6
}
)zy"},
      {"ZY1106",
       "A function or a definition is called with more or fewer arguments than it takes. The "
       "built-in functions `judgement`, `distinction`, `provided`, `met`, `count`, `empty` and "
       "`nonempty` take one argument each; a `def` takes exactly the parameters it declares, in "
       "order.\n\n"
       "An extra argument cannot mean anything: a threshold passed to a definition that does not "
       "declare it would be silently ignored, so it is an error.\n\n"
       "Call the function with one argument per parameter. For a threshold, write it inside the "
       "definition or, better, declare a `param` and read it there.",
       R"zy(pack demo version "1"
table teachers {
  id: string id
  industry_years: number >= 0
}
def experienced(t: teachers) = t.industry_years >= 5
requirement 1 "教师队伍" {
  criterion 1.1 computed "每位教师具有 5 年及以上企业工作经历" =
      every t in teachers: experienced(t, 5)
}
)zy",
       R"zy(pack demo version "1"
table teachers {
  id: string id
  industry_years: number >= 0
}
def experienced(t: teachers) = t.industry_years >= 5
requirement 1 "教师队伍" {
  criterion 1.1 computed "每位教师具有 5 年及以上企业工作经历" =
      every t in teachers: experienced(t)
}
)zy"},
      {"ZY1107",
       "A text is compared with a field of a closed set (`enum(…)` in the schema), or listed in "
       "`[…]` against it with `in`, but the text is not one of the field's values.\n\n"
       "The loader accepts no other value for the field in any dossier (that would be ZY2003), so "
       "the comparison would be false for every dossier, or always true with `!=`: the criterion "
       "would be decided by a typing slip.\n\n"
       "Use one of the field's values; the help line suggests the closest one or lists them all. "
       "Values are the schema's English codes (`enterprise`), not Chinese labels (企业). If the "
       "set really needs another value, add it to the `enum(…)` in the schema, or declare the "
       "field `enum open(…)`, which accepts any text.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  venue: enum(school, enterprise)
  weeks: number >= 0
}
requirement 1 "企业学习" {
  criterion 1.1 computed "在企业学习累计不少于 32 周" =
      sum(c in courses where c.venue == "company": c.weeks) >= 32
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  venue: enum(school, enterprise)
  weeks: number >= 0
}
requirement 1 "企业学习" {
  criterion 1.1 computed "在企业学习累计不少于 32 周" =
      sum(c in courses where c.venue == "enterprise": c.weeks) >= 32
}
)zy"},
      {"ZY1108",
       "An id in `met(\"…\")`, `judgement(\"…\")`, `distinction(\"…\")` or `provided(\"…\")` names "
       "nothing the pack declares, or a criterion's id does not begin with the id of its "
       "requirement. `met` takes the id of a requirement or a criterion, `judgement` that of a "
       "criterion, `distinction` that of a requirement, `provided` that of a material; criterion "
       "5.2 must be inside requirement 5.\n\n"
       "A reference to an id that does not exist would be unknown forever: every verdict that "
       "reads it would stay pending however complete the dossier is.\n\n"
       "Correct the id (in quotes: `met(\"5.2\")`), or declare the criterion or material it names; "
       "number each criterion after its requirement.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
requirement 2 "毕业设计" {
  criterion 2.1 computed "学分要求达标后方可评价毕业设计" = met("1.2")
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
requirement 2 "毕业设计" {
  criterion 2.1 computed "学分要求达标后方可评价毕业设计" = met("1.1")
}
)zy"},
      {"ZY1109",
       "A requirement says `pass at least N`, but N is 0 or larger than the number of its "
       "criteria. Materials do not count: only criteria have verdicts.\n\n"
       "With more required criteria than there are, the requirement could never be met, whatever "
       "the program did; with 0 it would always be. Either way the verdict would not depend on the "
       "evaluation.\n\n"
       "Make N at most the number of criteria, add the criteria that are missing, or write `pass "
       "all`.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  pass at least 3
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  pass at least 1
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy"},
      {"ZY1110",
       "Something a pack cannot do without is not declared at all. Every pack needs a header, "
       "`pack NAME version \"…\"`, naming it in reports. A pack with expert judgements (`judged` "
       "or `computed+judged` criteria, `judgement()`) must declare a table `judgements` with "
       "fields `criterion` and `verdict`; `distinction()` needs fields `requirement` and "
       "`distinction` in it; `provided()` needs a table `materials` with fields `requirement` and "
       "`item`.\n\n"
       "The experts' verdicts and the list of submitted materials come from these tables of the "
       "dossier: without them such criteria could never be decided.\n\n"
       "Add the declaration. The built-in pack's schema, dsl/zhuoyue/schema.zy, shows the complete "
       "`judgements` and `materials` tables.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 judged "课程内容源于工程实际"
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
}
table judgements {
  criterion: key
  verdict: enum(met, not_met)
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 judged "课程内容源于工程实际"
}
)zy"},
      {"ZY1111",
       "A declaration in the schema cannot describe a dossier: a table with two `id` fields, a "
       "child `table` inside a `list` or inside a nested object `{ … }`, a `list { … }`, or an "
       "upper bound `number <= r.f` whose `r` is not a single `ref(…)` field of the same row.\n\n"
       "The loader checks every dossier against the schema, so the schema must say exactly what "
       "each value is: a row has one id, by which references find it; a list of objects is a child "
       "table, so that its rows can be counted, referenced and named in messages; a bound must "
       "lead to exactly one row.\n\n"
       "Keep one `id` per table and make the other candidates plain fields; declare a list of "
       "objects as a child `table` directly inside its table; bound a number through a single "
       "reference of the same row.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  code: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  code: string
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy"},
      {"ZY1112",
       "Verdicts depend on each other in a circle through `met(…)`: criterion 1.1 needs the "
       "verdict of criterion 1.2, and 1.2 needs that of 1.1, perhaps through a requirement, which "
       "depends on all its criteria. The message shows the circle.\n\n"
       "The engine decides each criterion after everything it depends on; a circle has no such "
       "order and no answer.\n\n"
       "Decide which of the two comes first and remove the `met()` from it, or write out the data "
       "condition instead of referring to the other verdict. A criterion cannot refer to its own "
       "requirement.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6 and met("1.2")
  criterion 1.2 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120 and met("1.1")
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
  credits: number >= 0
}
requirement 1 "课程体系" {
  criterion 1.1 computed "核心课程不少于 6 门" =
      count(c in courses where c.core) >= 6
  criterion 1.2 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120 and met("1.1")
}
)zy"},
      {"ZY1113",
       "An `import` names something that cannot be read. `import zhuoyue` brings in the "
       "built-in pack (its schema, standard, requirements and parameters), so a provincial "
       "or school pack can extend it; `import \"file.zy\"` reads a file relative to the "
       "importing one.\n\n"
       "Imports never leave the pack's folder: absolute paths and `..` are refused, so a rule "
       "file cannot make the engine read files elsewhere. A pack given as text (not read from "
       "a folder) can import only `zhuoyue`.\n\n"
       "Check the spelling of the file name and that the file sits in the pack's folder.",
       R"(pack province version "1"
import "../shared/common.zy"
)",
       R"(pack province version "1"
import zhuoyue

override param industry_years_min = 6
)"},
      {"ZY1114",
       "Every call of a `def` is replaced by the definition's body, so the rules grow with each "
       "call. A definition that uses another twice doubles its size; thirty such levels would "
       "make a billion operations, and checking the pack would never end. The checker stops "
       "once the rules pass 200,000 operations, at the call where they do, and names the "
       "chain of definitions being inlined. The built-in pack is a few percent of that.\n\n"
       "To fix it, compute the shared part once: write the definition so that it uses the "
       "other one once, or give the repeated part its own definition and combine the results "
       "in the criterion.",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
}
def d0(c: courses) = c.core
def d1(c: courses) = d0(c) and d0(c)
def d2(c: courses) = d1(c) and d1(c)
def d3(c: courses) = d2(c) and d2(c)
def d4(c: courses) = d3(c) and d3(c)
def d5(c: courses) = d4(c) and d4(c)
def d6(c: courses) = d5(c) and d5(c)
def d7(c: courses) = d6(c) and d6(c)
def d8(c: courses) = d7(c) and d7(c)
def d9(c: courses) = d8(c) and d8(c)
def d10(c: courses) = d9(c) and d9(c)
def d11(c: courses) = d10(c) and d10(c)
def d12(c: courses) = d11(c) and d11(c)
def d13(c: courses) = d12(c) and d12(c)
def d14(c: courses) = d13(c) and d13(c)
def d15(c: courses) = d14(c) and d14(c)
def d16(c: courses) = d15(c) and d15(c)
requirement 1 "核心课程" {
  criterion 1.1 computed "课程均为核心课程" = every c in courses: d16(c)
}
)zy",
       R"zy(pack demo version "1"
table courses {
  id: string id
  core: bool
}
def d0(c: courses) = c.core
requirement 1 "核心课程" {
  criterion 1.1 computed "课程均为核心课程" = every c in courses: d0(c)
}
)zy"},
      {"ZY1201",
       "A parameter (`param`) is declared, but no rule reads it. This is a warning: the pack still "
       "works.\n\n"
       "It usually means a threshold was written as a number in a rule instead of by the "
       "parameter's name. Changing the parameter (`zy eval --param`) would then have no effect on "
       "any verdict, and its description would document a rule that does not use it.\n\n"
       "Use the parameter's name where the threshold is meant, or remove the parameter.",
       R"zy(pack demo version "1"
param min_credits = 120 "课程总学分下限"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= 120
}
)zy",
       R"zy(pack demo version "1"
param min_credits = 120 "课程总学分下限"
table courses {
  id: string id
  credits: number >= 0
}
requirement 1 "学分要求" {
  criterion 1.1 computed "课程总学分不少于 120 学分" =
      sum(c in courses: c.credits) >= min_credits
}
)zy"},
      {"ZY1202",
       "A variable bound by a quantifier or an aggregate (`every x in …`, `count(x in …)`) has the "
       "name of a table, a parameter or an enclosing variable. Inside its body the name then means "
       "the variable, and the table, parameter or outer variable cannot be reached. This is a "
       "warning: the pack still works.\n\n"
       "Readers, and whoever edits the rule next, will easily take the variable for the thing it "
       "hides: `teachers` inside the body is one teacher, not the table.\n\n"
       "Give the variable a name of its own, usually a short one: `t` for a teacher, `c` for a "
       "course, `s` for a student.",
       R"zy(pack demo version "1"
table teachers {
  id: string id
  industry_years: number >= 0
}
table courses {
  id: string id
  lecturers: list ref(teachers)
}
requirement 1 "教师队伍" {
  criterion 1.1 computed "每门课程的主讲教师都有 5 年及以上企业工作经历" =
      every c in courses: every teachers in c.lecturers: teachers.industry_years >= 5
}
)zy",
       R"zy(pack demo version "1"
table teachers {
  id: string id
  industry_years: number >= 0
}
table courses {
  id: string id
  lecturers: list ref(teachers)
}
requirement 1 "教师队伍" {
  criterion 1.1 computed "每门课程的主讲教师都有 5 年及以上企业工作经历" =
      every c in courses: every t in c.lecturers: t.industry_years >= 5
}
)zy"},
      {"ZY1203",
       "A criterion nests iterations over whole tables more deeply than the limit (3 by "
       "default; `zy check --max-nesting N` sets it). Each `every`, `some`, `no`, `count`, "
       "`sum`, `mean`, `min`, `max` or `ratio` over a table multiplies the work by that "
       "table's rows, so four nested tables of 10,000 rows mean 10^16 steps for one program.\n\n"
       "Navigate instead of searching: `c.assessments` (a course's own assessments), "
       "`a.results` (the scores that refer to an assessment, through an `inverse`) and "
       "`t.lectures` cost no more than their table in total, however deeply they nest.\n\n"
       "This is a warning: the pack still runs.",
       R"(pack demo version "1"
table students {
  id: string id
}
table courses {
  id: string id
  core: bool
}
table assessments {
  id: string id
  course: ref(courses)
}
table scores {
  student: ref(students)
  assessment: ref(assessments)
  score: number >= 0
}
requirement 1 "成绩" {
  criterion 1.1 computed "每位学生在每门核心课程都有及格成绩" =
      every s in students: every c in courses where c.core:
          some a in assessments where a.course == c:
              some r in scores where r.student == s and r.assessment == a: r.score >= 60
}
)",
       R"(pack demo version "1"
table students {
  id: string id
}
table courses {
  id: string id
  core: bool
}
table assessments {
  id: string id
  course: ref(courses) inverse assessments
}
table scores {
  student: ref(students)
  assessment: ref(assessments) inverse results
  score: number >= 0
}
requirement 1 "成绩" {
  criterion 1.1 computed "每位学生在每门核心课程都有及格成绩" =
      every s in students: every c in courses where c.core:
          some a in c.assessments: some r in a.results: r.student == s and r.score >= 60
}
)"},
      {"ZY1204",
       "A criterion's expression reads nothing from the dossier: no table, no object, no "
       "expert's judgement, no material and no other verdict. It compares only parameters and "
       "constants, so every program gets the same verdict, whatever it hands in. This is "
       "almost always a slip: a parameter compared with a number where the program's own "
       "count or field was meant.\n\n"
       "A bare `true` or `false` is taken as a deliberate placeholder and not reported. This "
       "is a warning: the pack still runs.",
       R"(pack demo version "1"
param min_core_courses = 8
table courses {
  id: string id
  core: bool
}
requirement 1 "课程" {
  criterion 1.1 computed "专业核心课程不少于 8 门" = min_core_courses >= 8
}
)",
       R"(pack demo version "1"
param min_core_courses = 8
table courses {
  id: string id
  core: bool
}
requirement 1 "课程" {
  criterion 1.1 computed "专业核心课程不少于 8 门" =
      count(c in courses where c.core) >= min_core_courses
}
)"},
      {"ZY2001",
       "The dossier is not well-formed JSON, so nothing in it can be read. The location is the "
       "line and column where the text stops making sense; the mistake is often just before it: a "
       "comma after the last item of a list or an object, a missing comma between two items, "
       "single quotes instead of double quotes, a comment (JSON has none), or a file that was cut "
       "short. Exports from word processors sometimes bring Chinese quotation marks (“…”) or "
       "full-width commas (，) where JSON needs the plain ASCII ones.\n\n"
       "A dossier is read whole or not at all: a half-read dossier would lack data that the "
       "criteria then count as missing.\n\n"
       "Mend the text at or just before the location and load the file again.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4},
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4}
  ]
}
)zy"},
      {"ZY2002",
       "A value in the dossier has the wrong JSON type for its field in the schema: text where a "
       "number is expected (\"4\" instead of 4), a number where text is expected, a single value "
       "where a list `[…]` is expected, an object `{…}` where an array of rows is expected, and so "
       "on. The pointer shows where: `#/courses/0/credits` is the field `credits` of the first "
       "course (rows count from 0).\n\n"
       "The engine converts nothing: \"4\" might be a code rather than a quantity, and \"是\" is "
       "not `true`. A guess could change a verdict.\n\n"
       "Write the value with the type the schema gives: numbers and `true`/`false` without quotes, "
       "text in double quotes, lists in brackets, rows as objects in an array.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": "4", "core": true}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4, "core": true}
  ]
}
)zy"},
      {"ZY2003",
       "A field with a closed set of values (`enum(…)` in the schema, or a `weight`) has a value "
       "outside the set. The message lists the values the field accepts.\n\n"
       "Criteria compare such fields with exact values (`c.venue == \"enterprise\"`): a value "
       "outside the set would silently match nothing, and the course would count as neither at "
       "school nor in an enterprise.\n\n"
       "Use one of the listed values. They are the schema's English codes (`enterprise`), not "
       "Chinese labels (企业); a weight is H, M, L or a number in (0, 1].",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "kind": "course", "venue": "school"},
    {"id": "C02", "name": "生产实习", "kind": "internship", "venue": "factory"}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "kind": "course", "venue": "school"},
    {"id": "C02", "name": "生产实习", "kind": "internship", "venue": "enterprise"}
  ]
}
)zy"},
      {"ZY2004",
       "Two rows of one table have the same id. For a child table (the assessments of the courses, "
       "say) ids are compared across all its rows, whichever row they belong to. The message gives "
       "the pointer of the first row that has the id.\n\n"
       "References (a course's lecturers, a score's assessment) name rows by their id, so an id "
       "must name exactly one row.\n\n"
       "Give each row its own id; if the two rows describe the same thing, merge them into one.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4},
    {"id": "C01", "name": "机械制造技术基础", "credits": 3}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4},
    {"id": "C02", "name": "机械制造技术基础", "credits": 3}
  ]
}
)zy"},
      {"ZY2005",
       "A reference names an id that no row of the referenced table has: a course's lecturer "
       "\"T02\" while `teachers` has no T02.\n\n"
       "When the referenced table is left out of the dossier altogether, the reference is merely "
       "unknown; but when the table is given, a reference to a row that is not in it is a mistake, "
       "and the criteria reading it would count a teacher who does not exist.\n\n"
       "Correct the id (ids are exact and case-sensitive: \"T2\" is not \"T02\"), or add the "
       "missing row.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "teachers": [
    {"id": "T01", "name": "王建国", "role": "full_time"}
  ],
  "courses": [
    {"id": "C01", "name": "机械设计", "lecturers": ["T01", "T02"]}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "teachers": [
    {"id": "T01", "name": "王建国", "role": "full_time"},
    {"id": "T02", "name": "李明", "role": "part_time", "employer": "徐工集团"}
  ],
  "courses": [
    {"id": "C01", "name": "机械设计", "lecturers": ["T01", "T02"]}
  ]
}
)zy"},
      {"ZY2006",
       "A number is outside the range its field allows: below the minimum of a `number >= 0` field "
       "(negative credits or years), a score above the full score that its `<=` bound reads from "
       "another row, a weight outside (0, 1], a number too large to be finite, or one that cannot "
       "be held exactly (more than 36 significant digits, or beyond 10^36: as the nearest "
       "double it could turn a threshold's verdict unseen).\n\n"
       "Such a number is almost always a typing or export error, and it would distort every sum, "
       "mean and ratio built on it.\n\n"
       "Correct the value. For a value that is not known, leave the field out (or write null) "
       "rather than a placeholder such as -1 or 999.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "teachers": [
    {"id": "T01", "name": "王建国", "role": "full_time", "industry_years": -3}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "teachers": [
    {"id": "T01", "name": "王建国", "role": "full_time", "industry_years": 3}
  ]
}
)zy"},
      {"ZY2007",
       "A field the schema marks `required` is missing (or null) in a row. In the built-in schema "
       "that is the program's `id`, which names the program in every report.\n\n"
       "A row without its required fields means nothing, so the engine refuses the dossier rather "
       "than report on an unnamed program.\n\n"
       "Add the field with its value.",
       R"zy({
  "program": {"name": "机械工程", "university": "某某大学"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程", "university": "某某大学"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4}
  ]
}
)zy"},
      {"ZY2008",
       "The dossier's `format` member names a format this version of zhuoyue does not read. The "
       "member may be left out; when present, it must be exactly \"zhuoyue.dossier/1\".\n\n"
       "Another value means the file was written for another version of the dossier format, whose "
       "fields may mean something else, or is not a dossier at all.\n\n"
       "Check that it is the right file; convert it to zhuoyue.dossier/1, or correct the value.",
       R"zy({
  "format": "zhuoyue.dossier/2",
  "program": {"id": "10698-080202", "name": "机械工程"}
}
)zy",
       R"zy({
  "format": "zhuoyue.dossier/1",
  "program": {"id": "10698-080202", "name": "机械工程"}
}
)zy"},
      {"ZY2009",
       "An object in the dossier has the same key twice, such as two `credits` in one course.\n\n"
       "JSON readers disagree on which of the two values counts (most keep the last one silently); "
       "one of them is a mistake, and zhuoyue does not guess which.\n\n"
       "Keep the right one and delete the other.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 4, "credits": 3.5}
  ]
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "courses": [
    {"id": "C01", "name": "机械设计", "credits": 3.5}
  ]
}
)zy"},
      {"ZY2010",
       "Arrays and objects are nested more than 128 levels deep. A real dossier is at most a few "
       "levels deep: the program, its courses, their assessments, their standard points.\n\n"
       "Such nesting comes from a broken export or a hostile file; the limit keeps loading fast "
       "and its memory bounded.\n\n"
       "Check the program that wrote the file; the pointer shows where the nesting runs on.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "international": {"other":
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
    [[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]
    ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
  }
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "international": {"other": ["与德国亚琛工业大学的暑期交流项目"]}
}
)zy"},
      {"ZY2011",
       "The loader stopped after reporting 100 errors; the dossier has more, not shown.\n\n"
       "A list of thousands of errors hides their cause, which is usually one systematic mistake, "
       "such as a column exported as numbers instead of text.\n\n"
       "Fix the errors shown (often one change to the export mends them all) and load the file "
       "again to see what remains.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "international": {"other": [
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019, 2019,
    2019
  ]}
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"},
  "international": {"other": ["2019 年中德工程教育论坛", "2019 年赴亚琛工业大学暑期交流"]}
}
)zy"},
      {"ZY2012",
       "A file of a CSV bundle cannot be read as a table: a quoted field never ends, a quote "
       "stands inside an unquoted field, a row has more or fewer cells than the header, the "
       "file is empty, a one-row table such as program.csv has another number of rows, a "
       "child table lacks its parent key column, or the file is named after no table of the "
       "dossier.\n\n"
       "A bundle is one folder with one CSV file per table, as RFC 4180 writes it: a header "
       "row, cells separated by commas, a cell with a comma, a quote or a line break quoted "
       "(`\"a, b\"`, a quote inside written `\"\"`). Each problem names the file, line and "
       "column.\n\n"
       "Export again with quoting on (Excel: save as \"CSV UTF-8\"), or mend the line named. "
       "A SQLite database of dossiers gets the same code when it is not one (no `program` or "
       "`_tables` table) or does not hold the program asked for. The examples are the "
       "program.csv of a bundle.",
       "id,name,university\n10698-080202,机械工程,\"西安交通大学\n",
       "id,name,university\n10698-080202,机械工程,\"西安交通大学\"\n"},
      {"ZY2013",
       "The input is over one of the loader's size limits: a dossier (a JSON file, or a CSV "
       "bundle's files together) larger than 1 GiB, or one text — a string, a key, a CSV cell — "
       "longer than 1 MiB. A program's dossier is a few megabytes even with a large cohort's "
       "scores; a single name or note is at most a few kilobytes.\n\n"
       "Loading takes several times the input's size in memory, so the limits keep one "
       "upload from exhausting a server that evaluates many programs; a file over the size "
       "limit is refused before it is read. Such input is a broken export (a column of "
       "binary data, a whole file pasted into one cell) or a hostile one.\n\n"
       "Check the program that wrote the file; for a text, the pointer or the line and column "
       "show where it is. The failing example below is abridged: its name is meant to be "
       "two megabytes long.",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程机械工程机械工程……（2 MiB）"}
}
)zy",
       R"zy({
  "program": {"id": "10698-080202", "name": "机械工程"}
}
)zy"},
  };
  return explanations;
}

}  // namespace

const Explanation* FindExplanation(std::string_view code) {
  for (const Explanation& e : Explanations()) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

}  // namespace zhuoyue::internal
