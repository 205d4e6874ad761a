// RenderSupplement: a draft of the supplementary report (附件3 《专业卓越计划实施情况补充报告》).
//
// The outline has nine parts. Parts 四, 五, 七 and 八 need no supplement: the draft prints the
// outline's pointer to the self-evaluation report verbatim. The others carry the outline's
// heading and prompts, then what the dossier can fill — 一 the graduation requirements (the
// school-standard items) × the general standard, 二 the realisation matrix with delivery and
// assessment, 三 the research-learning courses and their teachers, 六 the engineering practice
// centres, 九 internationalisation — and the verdicts of the matching requirement.
//
// The dossier is read through the pack's schema by table and field name, so a pack without a
// table simply gets "not in the dossier". Data the dossier does not give is said to be unknown,
// never shown as zero or no. The draft is built once as a list of blocks and written as
// Markdown or as one self-contained HTML page.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "check/schema.h"
#include "load/dossier.h"
#include "report/labels.h"
#include "report/markup.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

// --- The outline (附件3), verbatim, with an English rendering for Language::kEn. ---

constexpr Bilingual kTitleSuffix{"专业卓越计划实施情况补充报告",
                                 "Supplementary report on the Excellent Engineer plan"};
constexpr Bilingual kNoSupplement{"不需要进行补充说明。", "No supplementary statement is needed."};
constexpr Bilingual kAlreadyInSelfEvaluation{
    "（如本部分内容已在认证自评报告中体现，说明具体位置即可）",
    "(If the self-evaluation report already covers this part, give where.)"};

constexpr Bilingual kPart1{"一、毕业要求对卓越计划通用标准的覆盖情况",
                           "1. Coverage of the plan's general standard by the graduation "
                           "requirements"};
constexpr Bilingual kPrompt1{
    "明确列出本专业对于学生毕业的要求，并注明其中各项与卓越计划通用标准中本科工程型人才培养通用标准"
    "之间的关系，确保通用标准的 11 条要求完全被覆盖。",
    "List the program's graduation requirements and state how each relates to the plan's "
    "general standard for undergraduate engineers, so that all 11 of its points are covered."};

constexpr Bilingual kPart2{"二、课程体系整合情况", "2. Integration of the curriculum"};
constexpr Bilingual kPrompt2{
    "阐述依据毕业要求对专业课程体系和教学内容进行改革和重组的具体做法和实施情况。",
    "Describe how the curriculum and its contents were reformed and reorganised after the "
    "graduation requirements, and how this was carried out."};
constexpr Bilingual kPointer2{"（毕业要求的细化和落实情况应在认证自评报告第 3 部分毕业要求中体现）",
                              "(How the graduation requirements are refined and realised belongs "
                              "in part 3, graduation requirements, of the self-evaluation "
                              "report.)"};

constexpr Bilingual kPart3{"三、教学方法改革情况", "3. Reform of the teaching methods"};
constexpr Bilingual kPrompt3{
    "阐述并用实例说明专业采取哪些措施组织开展教学方法改革，推动基于问题、基于案例、基于项目的学习等"
    "多种"
    "研究性学习方法。需要提供必要的证明材料。",
    "Describe, with examples, the measures the program takes to reform its teaching methods and "
    "promote research learning such as problem-, case- and project-based learning. Supporting "
    "evidence is needed."};

constexpr Bilingual kPart4{"四、企业学习情况", "4. Study in enterprises"};
constexpr Bilingual kPointer4{
    "（根据自评报告撰写指南的要求，应在认证自评报告第 7 "
    "部分“支持条件”中“近三年学生实际进入企业实践基地"
    "的情况”表格中单列卓越计划学生的企业学习经历。）",
    "(Following the guide to the self-evaluation report, the plan students' study in enterprises "
    "is listed separately in the table \"students who went to enterprise practice bases in the "
    "last three years\" of part 7, support conditions, of the self-evaluation report.)"};

constexpr Bilingual kPart5{"五、毕业设计情况", "5. Graduation projects"};
constexpr Bilingual kPointer5{
    "（根据自评报告撰写指南的要求，应在认证自评报告附录要求提供的“毕业设计清单”中单列卓越计划学生的"
    "毕业"
    "设计清单。）",
    "(Following the guide to the self-evaluation report, the plan students' graduation projects "
    "are listed separately in the \"list of graduation projects\" its appendix asks for.)"};

constexpr Bilingual kPart6{"六、工程实践教育中心建设情况",
                           "6. The engineering practice education centres"};
constexpr Bilingual kPrompt6a{
    "1. 组织管理体系。具体说明工程实践教育中心的组织架构、运行和管理机制、质量保障体系等。",
    "1. Organisation and management. The centre's organisational structure, how it is run and "
    "managed, its quality assurance system."};
constexpr Bilingual kPrompt6b{
    "2. "
    "教学改革情况。校企双方联合制定人才培养标准，共同建设课程体系和教学内容，共同实施培养过程，共同"
    "评价"
    "培养质量工作开展情况。",
    "2. Teaching reform. How the school and the enterprises jointly set the training standard, "
    "build the curriculum and its contents, carry out the training and assess its quality."};
constexpr Bilingual kPrompt6c{
    "3. 企业培养方案执行情况。校企双方共同制订的企业学习阶段培养方案的执行情况。",
    "3. The enterprise training plan. How the plan for the enterprise stage, drawn up jointly by "
    "the school and the enterprises, has been carried out."};
constexpr Bilingual kPrompt6d{"4. 成效。概述工程实践教育中心建设以来取得的主要成效和经验。",
                              "4. Results. The main results and lessons since the centre was "
                              "set up."};
constexpr Bilingual kPointer6{
    "（工程实践教育中心建设的基本情况，根据自评报告撰写指南的要求，应在认证自评报告第7部分“支持条件"
    "”中的"
    "“与企业合作建立实践基地的情况”表格中体现）",
    "(Following the guide to the self-evaluation report, the basic facts of the centres belong "
    "in the table \"practice bases built with enterprises\" of part 7, support conditions.)"};

constexpr Bilingual kPart7{"七、专兼职教师队伍建设情况", "7. Full-time and part-time faculty"};
constexpr Bilingual kPointer7{
    "（根据自评报告撰写指南的要求，应分别在第6部分师资队伍和第7部分支持条件中体现。）",
    "(Following the guide to the self-evaluation report, this belongs in part 6, faculty, and "
    "part 7, support conditions.)"};

constexpr Bilingual kPart8{"八、具有企业工作经历教师主讲课程情况",
                           "8. Courses taught by teachers with industry experience"};
constexpr Bilingual kPointer8{
    "（根据自评报告撰写指南的要求，应在第 6 "
    "部分师资队伍“近四年由企业或行业兼职教师承担的课程”表中体现。）",
    "(Following the guide to the self-evaluation report, this belongs in the table \"courses "
    "taught by part-time teachers from enterprises or industry in the last four years\" of part "
    "6, faculty.)"};

constexpr Bilingual kPart9{"九、国际化工程人才培养",
                           "9. Educating engineers for the international stage"};
constexpr Bilingual kPrompt9{"描述并用实例说明专业采取哪些措施推动国际化工程人才培养。",
                             "Describe, with examples, the measures the program takes to "
                             "educate engineers for the international stage."};

// --- The draft's own words. ---

constexpr Bilingual kDraftNote{
    "草稿：由 zhuoyue "
    "根据专业数据与评价结果生成。表格取自专业数据；引用部分为附件3的撰写要求，说明文字由"
    "专业补写。",
    "Draft generated by zhuoyue from the dossier and the evaluation. The tables come from the "
    "dossier; the quoted passages are the outline's instructions (附件3), the statements are for "
    "the program to write."};
constexpr Bilingual kRulesUsed{"评价规则", "Rules"};
constexpr Bilingual kUniversity{"学校", "University"};
constexpr Bilingual kMajor{"专业", "Program"};
constexpr Bilingual kMajorCode{"专业代码", "Major code"};
constexpr Bilingual kProgramId{"专业编号", "Program id"};
constexpr Bilingual kEvaluationYear{"评价年份", "Evaluation year"};
constexpr Bilingual kOverall{"评价结论（初评）", "Overall result (preliminary)"};
constexpr Bilingual kUnknown{"未知", "unknown"};
constexpr Bilingual kNone{"无", "none"};
constexpr Bilingual kFromDossier{"专业数据", "From the dossier"};
constexpr Bilingual kVerdicts{"评价结果：专门要求 ", "Verdicts: requirement "};
constexpr Bilingual kNoRequirement{"评价结果中没有专门要求 ", "The report has no requirement "};
constexpr Bilingual kVerdict{"结论", "Verdict"};
constexpr Bilingual kCriterion{"判断依据", "Criterion"};
constexpr Bilingual kText{"内容", "Text"};
constexpr Bilingual kReason{"说明", "Detail"};
constexpr Bilingual kMaterialsMissing{"未提供的支撑材料", "Materials not provided"};
constexpr Bilingual kId{"编号", "Id"};
constexpr Bilingual kName{"名称", "Name"};
constexpr Bilingual kPersonName{"姓名", "Name"};

constexpr Bilingual kRequirementItem{"毕业要求", "Graduation requirement"};
constexpr Bilingual kOtherCovers{"行业标准等", "Other points covered"};
constexpr Bilingual kGeneralPoint{"通用标准", "General point"};
constexpr Bilingual kCoveredBy{"覆盖它的毕业要求", "Covered by"};
constexpr Bilingual kIndustryPoint{"行业标准", "Industry point"};
constexpr Bilingual kCoverageTable{"毕业要求 × 通用标准",
                                   "Graduation requirements × general points"};
constexpr Bilingual kGeneralList{"通用标准的覆盖", "Coverage of each general point"};
constexpr Bilingual kIndustryList{"行业标准的覆盖", "Coverage of each industry point"};

constexpr Bilingual kMatrix{"学校标准实现矩阵", "Realisation matrix"};
constexpr Bilingual kMatrixLegend{
    "行为标准点，列为课程或教学环节；单元格为支撑强度（H/M/L "
    "或数字），括号内为该课程中衡量该标准点的考核。",
    "Rows are standard points, columns courses; a cell is the support weight (H/M/L or a "
    "number), in brackets the course's assessments that measure the point."};
constexpr Bilingual kPoint{"标准点", "Point"};
constexpr Bilingual kDelivery{"课程实施方式与考核评价方式",
                              "Delivery and assessment of the courses"};
constexpr Bilingual kCourse{"课程", "Course"};
constexpr Bilingual kKind{"类型", "Kind"};
constexpr Bilingual kCore{"核心课程", "Core"};
constexpr Bilingual kSemester{"学期", "Semester"};
constexpr Bilingual kCredits{"学分", "Credits"};
constexpr Bilingual kImplementation{"实施方式", "Delivery"};
constexpr Bilingual kMethods{"教学方法", "Methods"};
constexpr Bilingual kAssessments{"考核评价方式", "Assessment"};
constexpr Bilingual kGaps{"覆盖缺口", "Coverage gaps"};

constexpr Bilingual kResearchCourses{"开展研究性学习的课程", "Courses with research learning"};
constexpr Bilingual kResearchMethods{"研究性学习方法", "Research-learning methods"};
constexpr Bilingual kLecturers{"主讲教师", "Lecturers"};
constexpr Bilingual kResearchTeachers{"开展研究性学习的教师", "Teachers of research learning"};
constexpr Bilingual kTeacher{"教师", "Teacher"};
constexpr Bilingual kRole{"专兼职", "Role"};
constexpr Bilingual kTheirCourses{"主讲的研究性学习课程", "Research-learning courses taught"};

constexpr Bilingual kCentres{"工程实践教育中心", "Engineering practice centres"};
constexpr Bilingual kCompany{"合作企业", "Company"};
constexpr Bilingual kAgreement{"合作教育协议", "Agreement"};
constexpr Bilingual kJointPlan{"校企共同制定企业培养方案", "Joint enterprise plan"};
constexpr Bilingual kLeaderSchool{"负责人（学校）", "Leader (school)"};
constexpr Bilingual kLeaderEnterprise{"负责人（企业）", "Leader (enterprise)"};
constexpr Bilingual kMentors{"指导教师", "Mentors"};
constexpr Bilingual kQuality{"质量保障体系", "Quality assurance"};
constexpr Bilingual kFacilities{"条件与设施", "Facilities"};
constexpr Bilingual kPlanCourses{"企业培养方案中的教学环节或课程",
                                 "Segments of the enterprise plan"};
constexpr Bilingual kWeeks{"周数", "Weeks"};
constexpr Bilingual kVenue{"地点", "Venue"};
constexpr Bilingual kCoDeveloped{"校企共同开发", "Co-developed with industry"};

constexpr Bilingual kIntlTeachers{"具有国际背景的教师",
                                  "Teachers with an international background"};
constexpr Bilingual kBackground{"国际背景", "Background"};
constexpr Bilingual kForeignStudents{"外国留学生", "Foreign students"};
constexpr Bilingual kExchangeStudents{"参加国际交流的学生", "Students in international exchange"};
constexpr Bilingual kForeignLanguageCourses{"外语或双语授课的课程",
                                            "Courses taught in English or bilingually"};
constexpr Bilingual kEquivalentCourses{"与国际接轨的课程（实质等效）",
                                       "Courses internationally equivalent"};
constexpr Bilingual kCooperation{"国际合作办学", "International cooperation in education"};
constexpr Bilingual kPartner{"合作方", "Partner"};
constexpr Bilingual kSince{"起始年份", "Since"};
constexpr Bilingual kIndustryPartners{"国际产学研合作", "International industry partners"};
constexpr Bilingual kCountry{"国家或地区", "Country"};
constexpr Bilingual kActivities{"国际交流活动", "International activities"};
constexpr Bilingual kYear{"年份", "Year"};
constexpr Bilingual kOther{"其他国际交流合作形式", "Other forms of international cooperation"};
constexpr Bilingual kLanguage{"授课语言", "Language"};

const char* Lookup(std::initializer_list<std::pair<std::string_view, Bilingual>> table,
                   std::string_view key, Language language) {
  for (const auto& [name, words] : table) {
    if (name == key) return words.In(language);
  }
  return nullptr;
}

std::string Word(std::initializer_list<std::pair<std::string_view, Bilingual>> table,
                 std::string_view key, Language language) {
  const char* word = Lookup(table, key, language);
  return word ? std::string(word) : std::string(key);
}

std::string AssessmentKindLabel(std::string_view kind, Language language) {
  return Word({{"exam", {"考试", "exam"}},
               {"report", {"报告", "report"}},
               {"project", {"项目", "project"}},
               {"defense", {"答辩", "defence"}},
               {"lab", {"实验", "lab"}}},
              kind, language);
}

std::string BackgroundLabel(std::string_view kind, Language language) {
  return Word(
      {{"foreign_national", {"外籍教师", "foreign national"}},
       {"phd_abroad", {"国外高水平大学博士学位", "doctorate from abroad"}},
       {"abroad_1y", {"在境外高水平大学研修 1 年以上", "a year or more at a university abroad"}},
       {"multinational_1y",
        {"在跨国企业研修 1 年以上", "a year or more at a multinational company"}}},
      kind, language);
}

std::string CooperationLabel(std::string_view kind, Language language) {
  return Word({{"exchange_credit", {"互派学生模式", "student exchange with credits"}},
               {"joint_college", {"合办学院模式", "joint college"}},
               {"staged", {"分段合作模式", "staged cooperation"}}},
              kind, language);
}

std::string PartnerKindLabel(std::string_view kind, Language language) {
  return Word({{"company", {"公司或企业", "company"}}, {"institute", {"研发机构", "institute"}}},
              kind, language);
}

std::string LanguageLabel(std::string_view code, Language language) {
  return Word({{"zh", {"中文", "Chinese"}},
               {"en", {"英语", "English"}},
               {"bilingual", {"双语", "bilingual"}}},
              code, language);
}

std::string RoleLabel(std::string_view role, Language language) {
  return Word({{"full_time", {"专职", "full-time"}}, {"part_time", {"兼职", "part-time"}}}, role,
              language);
}

// --- The draft as blocks, written as Markdown or HTML. ---

struct Block {
  enum class Kind { kHeading, kParagraph, kQuote, kTable, kList };
  Kind kind = Kind::kParagraph;
  int level = 0;
  std::string text;  // plain text; '\n' is a line break
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> items;
};

std::string WriteMarkdown(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    switch (block.kind) {
      case Block::Kind::kHeading:
        absl::StrAppend(&out, std::string(block.level, '#'), " ",
                        MarkdownText(block.text, false, false), "\n\n");
        break;
      case Block::Kind::kParagraph:
        absl::StrAppend(&out, MarkdownText(block.text, false, true), "\n\n");
        break;
      case Block::Kind::kQuote:
        absl::StrAppend(&out, "> ", MarkdownText(block.text, false, true), "\n\n");
        break;
      case Block::Kind::kList:
        for (const std::string& item : block.items)
          absl::StrAppend(&out, "- ", MarkdownText(item, false, true), "\n");
        out += "\n";
        break;
      case Block::Kind::kTable: {
        auto line = [&](const std::vector<std::string>& cells) {
          out += "|";
          for (const std::string& cell : cells)
            absl::StrAppend(&out, " ", MarkdownText(cell, true, false), " |");
          out += "\n";
        };
        line(block.header);
        out += "|";
        for (size_t i = 0; i < block.header.size(); ++i) out += "---|";
        out += "\n";
        for (const std::vector<std::string>& row : block.rows) line(row);
        out += "\n";
        break;
      }
    }
  }
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

constexpr char kStyle[] =
    "body{margin:0 auto;max-width:1200px;padding:24px;color:#1f2328;line-height:1.6;"
    "font:14px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif}"
    "h1{font-size:24px;text-align:center}h2{font-size:19px;border-bottom:1px solid #1f2328;"
    "margin-top:32px}h3{font-size:16px}"
    "blockquote{margin:8px 0;padding:4px 12px;border-left:4px solid #d0d7de;color:#59636e}"
    ".scroll{overflow-x:auto}table{border-collapse:collapse;margin:8px 0}"
    "th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}"
    "th{background:#f6f8fa}"
    "@media print{body{max-width:none;padding:0}.scroll{overflow:visible}"
    "tr{break-inside:avoid}h2,h3{break-after:avoid}}";

std::string WriteHtml(const std::vector<Block>& blocks, std::string_view title, Language language) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", language == Language::kZh ? "zh-CN" : "en",
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      HtmlLines(title), "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n");
  for (const Block& block : blocks) {
    switch (block.kind) {
      case Block::Kind::kHeading:
        absl::StrAppend(&out, "<h", block.level, ">", HtmlLines(block.text), "</h", block.level,
                        ">\n");
        break;
      case Block::Kind::kParagraph:
        absl::StrAppend(&out, "<p>", HtmlLines(block.text), "</p>\n");
        break;
      case Block::Kind::kQuote:
        absl::StrAppend(&out, "<blockquote><p>", HtmlLines(block.text), "</p></blockquote>\n");
        break;
      case Block::Kind::kList:
        out += "<ul>\n";
        for (const std::string& item : block.items)
          absl::StrAppend(&out, "<li>", HtmlLines(item), "</li>\n");
        out += "</ul>\n";
        break;
      case Block::Kind::kTable:
        out += "<div class=\"scroll\"><table>\n<thead><tr>";
        for (const std::string& cell : block.header)
          absl::StrAppend(&out, "<th>", HtmlLines(cell), "</th>");
        out += "</tr></thead>\n<tbody>\n";
        for (const std::vector<std::string>& row : block.rows) {
          out += "<tr>";
          for (const std::string& cell : row)
            absl::StrAppend(&out, "<td>", HtmlLines(cell), "</td>");
          out += "</tr>\n";
        }
        out += "</tbody>\n</table></div>\n";
        break;
    }
  }
  out += "</body>\n</html>\n";
  return out;
}

// --- The dossier, read by table and field name. ---

class DossierReader {
 public:
  DossierReader(const DossierTables& tables, const Schema& schema)
      : tables_(tables), schema_(schema) {}

  // kNoTable when the pack's schema has no such table.
  TableId Find(std::string_view name) const { return schema_.FindTable(name); }
  // Whether the dossier gives the table (an absent table is unknown, not empty).
  bool Present(TableId t) const {
    return t != kNoTable && t < static_cast<TableId>(tables_.tables.size()) &&
           tables_.tables[t].present;
  }
  int Rows(TableId t) const { return Present(t) ? tables_.tables[t].rows : 0; }
  FieldId Field(TableId t, std::string_view name) const {
    return t == kNoTable ? -1 : schema_.tables[t].FindField(name);
  }

  // The rows of child table `child` that belong to row `parent` of its parent table.
  std::vector<int> Children(TableId child, int parent) const {
    std::vector<int> rows;
    if (!Present(child)) return rows;
    const Table& table = tables_.tables[child];
    for (int r = 0; r < table.rows; ++r) {
      if (r < static_cast<int>(table.parent_row.size()) && table.parent_row[r] == parent) {
        rows.push_back(r);
      }
    }
    return rows;
  }
  // The row of the parent table that owns row `row` of child table `child`; -1 if none.
  int Parent(TableId child, int row) const {
    if (!Present(child) || row < 0) return -1;
    const Table& table = tables_.tables[child];
    return row < static_cast<int>(table.parent_row.size()) ? table.parent_row[row] : -1;
  }
  // Whether row `parent` gives the array of child table `child` (even empty).
  bool ChildrenGiven(TableId child, int parent) const {
    if (!Present(child)) return false;
    const Table& table = tables_.tables[child];
    return parent >= 0 && parent < static_cast<int>(table.child_state.size()) &&
           table.child_state[parent] == CellState::kPresent;
  }

  std::string Id(TableId t, int row) const { return std::string(tables_.RowId({t, row})); }

  // A scalar cell as text (a reference as the id it refers to); nullopt when not given.
  std::optional<std::string> Text(TableId t, std::string_view field, int row) const {
    const Column* column = Cell(t, field, row);
    if (!column) return std::nullopt;
    const FieldDecl& decl = schema_.tables[t].fields[Field(t, field)];
    switch (decl.type) {
      case FieldType::kNumber:
        return column->numbers[row].ToString();
      case FieldType::kWeight:
        return WeightText(column->numbers[row]);
      case FieldType::kBool:
        return column->bools[row] ? "true" : "false";
      case FieldType::kString:
      case FieldType::kKey:
        return std::string(tables_.strings.Text(column->symbols[row]));
      case FieldType::kEnum:
        return EnumText(decl, column->symbols[row]);
      case FieldType::kRef:
        return std::string(tables_.RowId(column->refs[row]));
      case FieldType::kGroup:
        return std::nullopt;
    }
    return std::nullopt;
  }

  std::optional<bool> Bool(TableId t, std::string_view field, int row) const {
    const Column* column = Cell(t, field, row);
    if (!column || schema_.tables[t].fields[Field(t, field)].type != FieldType::kBool) {
      return std::nullopt;
    }
    return column->bools[row] != 0;
  }

  // A reference cell: the row it refers to; nullopt when not given.
  std::optional<RowRef> Ref(TableId t, std::string_view field, int row) const {
    const Column* column = Cell(t, field, row);
    if (!column || schema_.tables[t].fields[Field(t, field)].type != FieldType::kRef) {
      return std::nullopt;
    }
    return column->refs[row];
  }

  // A list cell, each item as text; nullopt when not given.
  std::optional<std::vector<std::string>> List(TableId t, std::string_view field, int row) const {
    const Column* column = Cell(t, field, row);
    if (!column) return std::nullopt;
    const FieldDecl& decl = schema_.tables[t].fields[Field(t, field)];
    if (!decl.is_list) return std::nullopt;
    std::vector<std::string> items;
    for (uint32_t i = column->list_begin[row]; i < column->list_begin[row + 1]; ++i) {
      switch (decl.type) {
        case FieldType::kNumber:
          items.push_back(column->list_numbers[i].ToString());
          break;
        case FieldType::kWeight:
          items.push_back(WeightText(column->list_numbers[i]));
          break;
        case FieldType::kBool:
          items.push_back(column->list_bools[i] ? "true" : "false");
          break;
        case FieldType::kString:
        case FieldType::kKey:
          items.emplace_back(tables_.strings.Text(column->list_symbols[i]));
          break;
        case FieldType::kEnum:
          items.push_back(EnumText(decl, column->list_symbols[i]));
          break;
        case FieldType::kRef:
          items.emplace_back(tables_.RowId(column->list_refs[i]));
          break;
        case FieldType::kGroup:
          break;
      }
    }
    return items;
  }

  // A list of references: the rows referred to; nullopt when not given.
  std::optional<std::vector<RowRef>> RefList(TableId t, std::string_view field, int row) const {
    const Column* column = Cell(t, field, row);
    if (!column) return std::nullopt;
    const FieldDecl& decl = schema_.tables[t].fields[Field(t, field)];
    if (!decl.is_list || decl.type != FieldType::kRef) return std::nullopt;
    return std::vector<RowRef>(column->list_refs.begin() + column->list_begin[row],
                               column->list_refs.begin() + column->list_begin[row + 1]);
  }

 private:
  // The column of a given cell, or null when the table, field or value is not there.
  const Column* Cell(TableId t, std::string_view field, int row) const {
    if (!Present(t) || row < 0 || row >= tables_.tables[t].rows) return nullptr;
    FieldId f = Field(t, field);
    if (f < 0) return nullptr;
    const Column& column = tables_.tables[t].columns[f];
    if (row >= static_cast<int>(column.state.size()) || column.state[row] != CellState::kPresent) {
      return nullptr;
    }
    return &column;
  }
  std::string EnumText(const FieldDecl& decl, SymbolId symbol) const {
    if (symbol >= 0 && symbol < static_cast<SymbolId>(decl.enum_values.size())) {
      return decl.enum_values[symbol];
    }
    return symbol < 0 ? std::string(tables_.strings.Text(-(symbol + 1))) : "";
  }
  // H, M, L are stored as 3, 2, 1; other weights are numbers in (0, 1] (a numeric 1 reads L).
  static std::string WeightText(const Number& weight) {
    if (weight == Number(3)) return "H";
    if (weight == Number(2)) return "M";
    if (weight == Number(1)) return "L";
    return weight.ToString();
  }

  const DossierTables& tables_;
  const Schema& schema_;
};

// --- The draft. ---

class SupplementWriter {
 public:
  SupplementWriter(const Report& report, const DossierTables& dossier, const Schema& schema,
                   Language language)
      : report_(report), data_(dossier, schema), language_(language) {}

  std::string Render(SupplementFormat format) {
    Title();
    Part1();
    Part2();
    Part3();
    NoSupplement(kPart4, kPointer4);
    NoSupplement(kPart5, kPointer5);
    Part6();
    NoSupplement(kPart7, kPointer7);
    NoSupplement(kPart8, kPointer8);
    Part9();
    return format == SupplementFormat::kHtml ? WriteHtml(blocks_, title_, language_)
                                             : WriteMarkdown(blocks_);
  }

 private:
  bool zh() const { return language_ == Language::kZh; }
  const char* L(const Bilingual& words) const { return words.In(language_); }
  const char* Colon() const { return zh() ? "：" : ": "; }
  const char* Separator() const { return zh() ? "、" : ", "; }
  std::string Join(const std::vector<std::string>& items) const {
    std::string out;
    for (const std::string& item : items)
      absl::StrAppend(&out, out.empty() ? "" : Separator(), item);
    return out;
  }

  void Heading(int level, std::string text) {
    blocks_.push_back({Block::Kind::kHeading, level, std::move(text)});
  }
  void Paragraph(std::string text) {
    blocks_.push_back({Block::Kind::kParagraph, 0, std::move(text)});
  }
  void Quote(std::string text) { blocks_.push_back({Block::Kind::kQuote, 0, std::move(text)}); }
  void List(std::vector<std::string> items) {
    if (items.empty()) return;
    Block block{Block::Kind::kList};
    block.items = std::move(items);
    blocks_.push_back(std::move(block));
  }
  void Table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    Block block{Block::Kind::kTable};
    block.header = std::move(header);
    block.rows = std::move(rows);
    blocks_.push_back(std::move(block));
  }
  // "The dossier does not give X (unknown)."
  std::string Absent(std::string_view what) const {
    return zh() ? absl::StrCat("专业数据中没有", std::string(what), "（未知）。")
                : absl::StrCat("The dossier does not give ", std::string(what), " (unknown).");
  }
  std::string OrUnknown(const std::optional<std::string>& text) const {
    return text ? *text : std::string(L(kUnknown));
  }

  // "T01 张伟": a row's id with its name when the dossier gives one.
  std::string Named(TableId t, int row) const {
    std::string id = data_.Id(t, row);
    std::optional<std::string> name = data_.Text(t, "name", row);
    if (id.empty()) return name ? *name : std::string(L(kUnknown));
    return name ? absl::StrCat(id, " ", *name) : id;
  }
  std::string NamedRef(const RowRef& ref) const {
    if (ref.row < 0) return std::string(L(kUnknown));
    return Named(ref.table, ref.row);
  }

  void Title() {
    TableId program = data_.Find("program");
    int row = data_.Rows(program) > 0 ? 0 : -1;
    std::optional<std::string> name = data_.Text(program, "name", row);
    if (!name && !report_.program_name.empty()) name = report_.program_name;
    title_ = zh() ? absl::StrCat(name ? *name : "", L(kTitleSuffix))
                  : absl::StrCat(L(kTitleSuffix), name ? ": " + *name : "");
    Heading(1, title_);
    Paragraph(L(kDraftNote));
    std::string id =
        report_.program.empty() ? OrUnknown(data_.Text(program, "id", row)) : report_.program;
    List({absl::StrCat(L(kUniversity), Colon(), OrUnknown(data_.Text(program, "university", row))),
          absl::StrCat(L(kMajor), Colon(), name ? *name : L(kUnknown)),
          absl::StrCat(L(kMajorCode), Colon(), OrUnknown(data_.Text(program, "major_code", row))),
          absl::StrCat(L(kProgramId), Colon(), id),
          absl::StrCat(L(kEvaluationYear), Colon(),
                       OrUnknown(data_.Text(program, "evaluation_year", row))),
          absl::StrCat(L(kRulesUsed), Colon(), report_.pack, " ", report_.pack_version),
          absl::StrCat(L(kOverall), Colon(), Mark(OverallVerdict()), " ", OverallText())});
  }

  Verdict OverallVerdict() const {
    return report_.overall == "passed_and_met" ? Verdict::kMet
           : report_.overall == "pending"      ? Verdict::kPending
                                               : Verdict::kNotMet;
  }
  std::string OverallText() const {
    if (!report_.overall_label.empty()) return report_.overall_label;
    std::string label = OverallLabel(report_.overall, language_);
    return label.empty() ? report_.overall : label;
  }
  static const char* Mark(Verdict verdict) {
    return verdict == Verdict::kMet ? "✓" : verdict == Verdict::kNotMet ? "✗" : "?";
  }
  std::string VerdictText(Verdict verdict) const {
    return absl::StrCat(Mark(verdict), " ", VerdictLabel(verdict, language_));
  }

  void NoSupplement(const Bilingual& heading, const Bilingual& pointer) {
    Heading(2, L(heading));
    Paragraph(L(kNoSupplement));
    Paragraph(L(pointer));
  }

  // The verdicts of requirement `id`: its level, a table of its criteria with their reasons,
  // and the materials not provided.
  void Verdicts(std::string_view id) {
    const RequirementResult* requirement = nullptr;
    for (const RequirementResult& r : report_.requirements) {
      if (r.id == id) requirement = &r;
    }
    Heading(3, absl::StrCat(L(kVerdicts), std::string(id)));
    if (!requirement) {
      Paragraph(absl::StrCat(L(kNoRequirement), std::string(id), zh() ? "。" : "."));
      return;
    }
    std::string level = requirement->level_label;
    // A pending requirement has no level beyond its verdict.
    if (level.empty() && requirement->level != "pending") {
      level = LevelLabel(requirement->level, language_);
    }
    Paragraph(absl::StrCat(L(kVerdict), Colon(), VerdictText(requirement->verdict),
                           level.empty() ? "" : " — ", level));
    std::vector<std::vector<std::string>> rows;
    for (const CriterionResult& c : requirement->criteria) {
      rows.push_back({c.id, VerdictText(c.verdict), c.text, CriterionReason(c, language_)});
    }
    if (!rows.empty()) Table({L(kCriterion), L(kVerdict), L(kText), L(kReason)}, rows);
    std::vector<std::string> missing;
    for (const MaterialResult& m : requirement->materials) {
      if (m.provided && !*m.provided) missing.push_back(absl::StrCat(m.id, " ", m.title));
    }
    if (!missing.empty()) {
      Paragraph(absl::StrCat(L(kMaterialsMissing), Colon()));
      List(missing);
    }
  }

  // 一: the school-standard items × the general standard, the coverage of each general point
  // and of each industry point.
  void Part1() {
    Heading(2, L(kPart1));
    Quote(L(kPrompt1));
    Heading(3, L(kFromDossier));
    TableId items = data_.Find("school_standard");
    std::vector<std::string> general;
    for (const GeneralPointResult& g : report_.general_standard) general.push_back(g.id);
    if (!data_.Present(items)) {
      Paragraph(Absent(zh() ? "学校标准（毕业要求）" : "the school standard"));
    } else {
      std::vector<std::string> header = {L(kRequirementItem), L(kText)};
      header.insert(header.end(), general.begin(), general.end());
      header.push_back(L(kOtherCovers));
      std::vector<std::vector<std::string>> rows;
      for (int r = 0; r < data_.Rows(items); ++r) {
        std::vector<std::string> row = {data_.Id(items, r),
                                        OrUnknown(data_.Text(items, "text", r))};
        std::optional<std::vector<std::string>> covers = data_.List(items, "covers", r);
        std::vector<std::string> others;
        for (const std::string& g : general) {
          bool covered = covers && std::find(covers->begin(), covers->end(), g) != covers->end();
          row.push_back(covered ? "✓" : "");
        }
        if (covers) {
          for (const std::string& covered : *covers) {
            if (std::find(general.begin(), general.end(), covered) == general.end()) {
              others.push_back(covered);
            }
          }
        }
        row.push_back(covers ? Join(others) : std::string(L(kUnknown)));
        rows.push_back(std::move(row));
      }
      Heading(4, L(kCoverageTable));
      Table(std::move(header), std::move(rows));
    }
    if (!report_.general_standard.empty()) {
      Heading(4, L(kGeneralList));
      int covered = 0;
      std::vector<std::string> open, pending;
      std::vector<std::vector<std::string>> rows;
      for (const GeneralPointResult& g : report_.general_standard) {
        if (g.verdict == Verdict::kMet) {
          ++covered;
        } else {
          (g.verdict == Verdict::kPending ? pending : open).push_back(g.id);
        }
        rows.push_back({g.id, g.text, g.covered_by.empty() ? "—" : Join(g.covered_by),
                        VerdictText(g.verdict)});
      }
      size_t total = report_.general_standard.size();
      std::string line =
          zh() ? absl::StrCat("通用标准 ", total, " 条中 ", covered, " 条被毕业要求覆盖")
               : absl::StrCat(covered, " of ", total,
                              " general points are covered by the graduation requirements");
      if (covered == 0 && open.empty()) {
        line = zh() ? absl::StrCat("通用标准 ", total, " 条的覆盖情况待定")
                    : absl::StrCat("Whether the ", total, " general points are covered is pending");
      } else if (open.empty() && pending.empty()) {
        line = zh() ? absl::StrCat("通用标准 ", total, " 条全部被毕业要求覆盖")
                    : absl::StrCat("All ", total,
                                   " general points are covered by the graduation requirements");
      }
      if (!open.empty())
        absl::StrAppend(&line, zh() ? "；未覆盖：" : "; not covered: ", Join(open));
      if (!pending.empty()) {
        absl::StrAppend(&line,
                        zh() ? (covered == 0 && open.empty() ? "：" : "；待定：")
                             : (covered == 0 && open.empty() ? ": " : "; pending: "),
                        Join(pending));
      }
      Paragraph(line + (zh() ? "。" : "."));
      Table({L(kGeneralPoint), L(kText), L(kCoveredBy), L(kVerdict)}, std::move(rows));
    }
    TableId industry = data_.Find("industry_standard");
    if (data_.Present(industry) && data_.Present(items)) {
      std::vector<std::vector<std::string>> rows;
      for (int r = 0; r < data_.Rows(industry); ++r) {
        std::string id = data_.Id(industry, r);
        std::vector<std::string> by;
        bool unknown = false;
        for (int i = 0; i < data_.Rows(items); ++i) {
          std::optional<std::vector<std::string>> covers = data_.List(items, "covers", i);
          if (!covers) {
            unknown = true;
          } else if (std::find(covers->begin(), covers->end(), id) != covers->end()) {
            by.push_back(data_.Id(items, i));
          }
        }
        rows.push_back({id, OrUnknown(data_.Text(industry, "text", r)),
                        by.empty() ? (unknown ? L(kUnknown) : "—") : Join(by)});
      }
      if (!rows.empty()) {
        Heading(4, L(kIndustryList));
        Table({L(kIndustryPoint), L(kText), L(kCoveredBy)}, std::move(rows));
      }
    }
    Verdicts("1");
  }

  // 二: the realisation matrix (points × courses with the support weight and the measuring
  // assessments), the courses' delivery and assessment, and the coverage gaps.
  void Part2() {
    Heading(2, L(kPart2));
    Quote(L(kPrompt2));
    Quote(L(kPointer2));
    Heading(3, L(kFromDossier));
    TableId points = data_.Find("points");
    TableId courses = data_.Find("courses");
    TableId supports = data_.Find("supports");
    TableId assessments = data_.Find("assessments");
    TableId measured = data_.Find("assessment_points");
    if (!data_.Present(points) || !data_.Present(courses)) {
      Paragraph(Absent(zh() ? "标准点或课程" : "the standard points or the courses"));
    } else {
      // (point row, course row) → weight, and → the course's assessments measuring the point.
      std::map<std::pair<int, int>, std::string> weights;
      std::map<std::pair<int, int>, std::vector<std::string>> measuring;
      for (int s = 0; s < data_.Rows(supports); ++s) {
        std::optional<RowRef> point = data_.Ref(supports, "point", s);
        int course = data_.Parent(supports, s);
        if (!point || point->table != points || point->row < 0 || course < 0) continue;
        weights[{point->row, course}] = OrUnknown(data_.Text(supports, "weight", s));
      }
      for (int m = 0; m < data_.Rows(measured); ++m) {
        std::optional<RowRef> point = data_.Ref(measured, "point", m);
        int assessment = data_.Parent(measured, m);
        int course = assessment < 0 ? -1 : data_.Parent(assessments, assessment);
        if (!point || point->table != points || point->row < 0 || course < 0) continue;
        std::vector<std::string>& ids = measuring[{point->row, course}];
        std::string id = data_.Id(assessments, assessment);
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
      Heading(4, L(kMatrix));
      Paragraph(L(kMatrixLegend));
      std::vector<std::string> header = {L(kPoint)};
      for (int c = 0; c < data_.Rows(courses); ++c) header.push_back(data_.Id(courses, c));
      std::vector<std::vector<std::string>> rows;
      for (int p = 0; p < data_.Rows(points); ++p) {
        std::vector<std::string> row = {data_.Id(points, p)};
        for (int c = 0; c < data_.Rows(courses); ++c) {
          auto weight = weights.find({p, c});
          auto ids = measuring.find({p, c});
          std::string cell = weight == weights.end() ? "" : weight->second;
          if (ids != measuring.end()) {
            absl::StrAppend(&cell, cell.empty() ? "" : " ", "(", Join(ids->second), ")");
          }
          row.push_back(std::move(cell));
        }
        rows.push_back(std::move(row));
      }
      Table(std::move(header), std::move(rows));

      std::vector<std::vector<std::string>> points_rows;
      for (int p = 0; p < data_.Rows(points); ++p) {
        int item = data_.Parent(points, p);
        points_rows.push_back({data_.Id(points, p),
                               item < 0 ? "" : data_.Id(data_.Find("school_standard"), item),
                               OrUnknown(data_.Text(points, "text", p))});
      }
      Table({L(kPoint), L(kRequirementItem), L(kText)}, std::move(points_rows));

      Heading(4, L(kDelivery));
      std::vector<std::vector<std::string>> course_rows;
      for (int c = 0; c < data_.Rows(courses); ++c) {
        std::string assessed;
        if (data_.ChildrenGiven(assessments, c)) {
          std::vector<std::string> lines;
          for (int a : data_.Children(assessments, c)) {
            std::string line = data_.Id(assessments, a);
            std::optional<std::string> name = data_.Text(assessments, "name", a);
            std::optional<std::string> kind = data_.Text(assessments, "kind", a);
            if (name) absl::StrAppend(&line, " ", *name);
            if (kind) {
              absl::StrAppend(&line, zh() ? "（" : " (", AssessmentKindLabel(*kind, language_),
                              zh() ? "）" : ")");
            }
            lines.push_back(std::move(line));
          }
          for (const std::string& line : lines) {
            absl::StrAppend(&assessed, assessed.empty() ? "" : "\n", line);
          }
          if (lines.empty()) assessed = L(kNone);
        } else {
          assessed = L(kUnknown);
        }
        std::optional<std::string> kind = data_.Text(courses, "kind", c);
        course_rows.push_back({data_.Id(courses, c), OrUnknown(data_.Text(courses, "name", c)),
                               kind ? CourseKindLabel(*kind, language_) : std::string(L(kUnknown)),
                               YesNoLabel(data_.Bool(courses, "core", c), language_),
                               OrUnknown(data_.Text(courses, "semester", c)),
                               OrUnknown(data_.Text(courses, "credits", c)),
                               OrUnknown(data_.Text(courses, "implementation", c)), Methods(c),
                               assessed});
      }
      Table({L(kCourse), L(kName), L(kKind), L(kCore), L(kSemester), L(kCredits),
             L(kImplementation), L(kMethods), L(kAssessments)},
            std::move(course_rows));
    }
    const Coverage& coverage = report_.coverage;
    std::vector<std::string> gaps;
    auto gap = [&](const char* kind, const std::vector<std::string>& ids) {
      if (!ids.empty())
        gaps.push_back(absl::StrCat(CoverageLabel(kind, language_), Colon(), Join(ids)));
    };
    gap("uncovered_points", coverage.uncovered_points);
    gap("unassessed_points", coverage.unassessed_points);
    gap("courses_without_assessment", coverage.courses_without_assessment);
    gap("orphan_courses", coverage.orphan_courses);
    if (!gaps.empty()) {
      Heading(4, L(kGaps));
      List(std::move(gaps));
    }
    Verdicts("2");
  }

  // A course's teaching methods in words; 未知 when not given.
  std::string Methods(int course) const {
    std::optional<std::vector<std::string>> methods =
        data_.List(data_.Find("courses"), "methods", course);
    if (!methods) return L(kUnknown);
    if (methods->empty()) return L(kNone);
    std::vector<std::string> words;
    for (const std::string& method : *methods) words.push_back(MethodLabel(method, language_));
    return Join(words);
  }

  // A course's lecturers as "T01 张伟"; 未知 when not given.
  std::string Lecturers(int course) const {
    std::optional<std::vector<RowRef>> lecturers =
        data_.RefList(data_.Find("courses"), "lecturers", course);
    if (!lecturers) return L(kUnknown);
    if (lecturers->empty()) return L(kNone);
    std::vector<std::string> names;
    for (const RowRef& ref : *lecturers) names.push_back(NamedRef(ref));
    return Join(names);
  }

  // 三: the courses with a research-learning method (problem, case, project) and their
  // teachers.
  void Part3() {
    Heading(2, L(kPart3));
    Quote(L(kPrompt3));
    Quote(L(kAlreadyInSelfEvaluation));
    Heading(3, L(kFromDossier));
    TableId courses = data_.Find("courses");
    TableId teachers = data_.Find("teachers");
    if (!data_.Present(courses)) {
      Paragraph(Absent(zh() ? "课程" : "the courses"));
      Verdicts("3");
      return;
    }
    static constexpr std::string_view kResearch[] = {"problem", "case", "project"};
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> unknown;
    int core = 0, core_research = 0, core_unknown = 0, unknown_core = 0;
    // Teacher row → the research-learning courses they lecture (first-seen order).
    std::vector<int> teacher_order;
    std::map<int, std::vector<std::string>> taught;
    for (int c = 0; c < data_.Rows(courses); ++c) {
      std::optional<std::vector<std::string>> methods = data_.List(courses, "methods", c);
      std::optional<bool> is_core = data_.Bool(courses, "core", c);
      std::vector<std::string> research;
      if (methods) {
        for (const std::string& method : *methods) {
          if (std::find(std::begin(kResearch), std::end(kResearch), method) !=
              std::end(kResearch)) {
            research.push_back(MethodLabel(method, language_));
          }
        }
      } else {
        unknown.push_back(data_.Id(courses, c));
      }
      if (!is_core) ++unknown_core;
      if (is_core && *is_core) {
        ++core;
        if (!methods) {
          ++core_unknown;
        } else if (!research.empty()) {
          ++core_research;
        }
      }
      if (research.empty()) continue;
      std::string assessed = L(kUnknown);
      TableId assessments = data_.Find("assessments");
      if (data_.ChildrenGiven(assessments, c)) {
        std::vector<std::string> kinds;
        for (int a : data_.Children(assessments, c)) {
          std::optional<std::string> kind = data_.Text(assessments, "kind", a);
          std::string text = data_.Id(assessments, a);
          if (kind) {
            absl::StrAppend(&text, zh() ? "（" : " (", AssessmentKindLabel(*kind, language_),
                            zh() ? "）" : ")");
          }
          kinds.push_back(std::move(text));
        }
        assessed = kinds.empty() ? std::string(L(kNone)) : Join(kinds);
      }
      rows.push_back({data_.Id(courses, c), OrUnknown(data_.Text(courses, "name", c)),
                      YesNoLabel(is_core, language_), OrUnknown(data_.Text(courses, "semester", c)),
                      Join(research), Lecturers(c), assessed});
      if (std::optional<std::vector<RowRef>> lecturers = data_.RefList(courses, "lecturers", c)) {
        for (const RowRef& ref : *lecturers) {
          if (ref.row < 0 || ref.table != teachers) continue;
          if (!taught.contains(ref.row)) teacher_order.push_back(ref.row);
          taught[ref.row].push_back(data_.Id(courses, c));
        }
      }
    }
    // Core courses (专业主要课程) and how many of them use research learning; a course whose
    // `core` is not given is counted apart, never as not core.
    std::string summary;
    if (unknown_core == data_.Rows(courses) && unknown_core > 0) {
      summary = Absent(zh() ? "哪些课程是核心课程" : "which courses are core");
    } else {
      summary =
          zh() ? absl::StrCat(
                     "核心课程 ", core, " 门，其中 ", core_research,
                     " 门采用基于问题、案例或项目的研究性学习方法",
                     core_unknown ? absl::StrCat("，", core_unknown, " 门的教学方法未知") : "",
                     unknown_core
                         ? absl::StrCat("；另有 ", unknown_core, " 门课程是否为核心课程未知")
                         : "",
                     "。")
               : absl::StrCat(core_research, " of ", core,
                              " core courses use problem-, case- or project-based learning",
                              core_unknown
                                  ? absl::StrCat("; the methods of ", core_unknown, " are unknown")
                                  : "",
                              unknown_core ? absl::StrCat("; whether ", unknown_core,
                                                          " more courses are core is unknown")
                                           : "",
                              ".");
    }
    Paragraph(summary);
    if (!unknown.empty()) {
      Paragraph(absl::StrCat(zh() ? "教学方法未知的课程：" : "Courses whose methods are unknown: ",
                             Join(unknown)));
    }
    if (rows.empty()) {
      Paragraph(zh() ? "专业数据中没有采用基于问题、案例或项目的学习方法的课程。"
                     : "No course in the dossier uses problem-, case- or project-based learning.");
    } else {
      Heading(4, L(kResearchCourses));
      Table({L(kCourse), L(kName), L(kCore), L(kSemester), L(kResearchMethods), L(kLecturers),
             L(kAssessments)},
            std::move(rows));
    }
    if (!teacher_order.empty()) {
      Heading(4, L(kResearchTeachers));
      std::vector<std::vector<std::string>> teacher_rows;
      for (int t : teacher_order) {
        std::optional<std::string> role = data_.Text(teachers, "role", t);
        teacher_rows.push_back({data_.Id(teachers, t), OrUnknown(data_.Text(teachers, "name", t)),
                                role ? RoleLabel(*role, language_) : std::string(L(kUnknown)),
                                Join(taught[t])});
      }
      Table({L(kTeacher), L(kPersonName), L(kRole), L(kTheirCourses)}, std::move(teacher_rows));
    }
    Verdicts("3");
  }

  // 六: the centres (organisation, agreement, mentors, quality assurance) and the segments of
  // the enterprise plan.
  void Part6() {
    Heading(2, L(kPart6));
    Quote(L(kPrompt6a));
    Heading(3, L(kFromDossier));
    TableId centres = data_.Find("enterprise_centers");
    if (!data_.Present(centres)) {
      Paragraph(Absent(zh() ? "工程实践教育中心" : "the engineering practice centres"));
    } else if (data_.Rows(centres) == 0) {
      Paragraph(zh() ? "专业数据中的工程实践教育中心为空（无）。"
                     : "The dossier lists no engineering practice centre.");
    } else {
      std::vector<std::vector<std::string>> rows;
      for (int e = 0; e < data_.Rows(centres); ++e) {
        std::optional<bool> signed_ = data_.Bool(centres, "agreement.signed", e);
        std::optional<std::string> years = data_.Text(centres, "agreement.years", e);
        std::string agreement =
            signed_ ? (*signed_ ? (zh() ? "已签署" : "signed") : (zh() ? "未签署" : "not signed"))
                    : std::string(L(kUnknown));
        if (years) {
          absl::StrAppend(&agreement, zh() ? "，期限 " : ", ", *years, zh() ? " 年" : " years");
        }
        std::string mentors = L(kUnknown);
        if (std::optional<std::vector<RowRef>> refs = data_.RefList(centres, "mentors", e)) {
          std::vector<std::string> names;
          for (const RowRef& ref : *refs) {
            std::string name = NamedRef(ref);
            std::optional<std::string> role =
                ref.row < 0 ? std::nullopt : data_.Text(ref.table, "role", ref.row);
            if (role) {
              absl::StrAppend(&name, zh() ? "（" : " (", RoleLabel(*role, language_),
                              zh() ? "）" : ")");
            }
            names.push_back(std::move(name));
          }
          mentors = names.empty() ? std::string(L(kNone)) : Join(names);
        }
        rows.push_back({data_.Id(centres, e), OrUnknown(data_.Text(centres, "name", e)),
                        OrUnknown(data_.Text(centres, "company", e)), agreement,
                        YesNoLabel(data_.Bool(centres, "joint_plan", e), language_),
                        OrUnknown(data_.Text(centres, "leaders.school", e)),
                        OrUnknown(data_.Text(centres, "leaders.enterprise", e)), mentors,
                        YesNoLabel(data_.Bool(centres, "quality_assurance", e), language_),
                        OrUnknown(data_.Text(centres, "facilities", e))});
      }
      Heading(4, L(kCentres));
      Table({L(kId), L(kName), L(kCompany), L(kAgreement), L(kJointPlan), L(kLeaderSchool),
             L(kLeaderEnterprise), L(kMentors), L(kQuality), L(kFacilities)},
            std::move(rows));
    }
    Quote(L(kPrompt6b));
    Quote(L(kAlreadyInSelfEvaluation));
    Quote(L(kPrompt6c));
    PlanSegments();
    Quote(L(kPrompt6d));
    Quote(L(kPointer6));
    Verdicts("6");
  }

  // The courses of the enterprise plan (in_enterprise_plan).
  void PlanSegments() {
    TableId courses = data_.Find("courses");
    if (!data_.Present(courses)) return;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> unknown;
    TableId assessments = data_.Find("assessments");
    for (int c = 0; c < data_.Rows(courses); ++c) {
      std::optional<bool> in_plan = data_.Bool(courses, "in_enterprise_plan", c);
      if (!in_plan) unknown.push_back(data_.Id(courses, c));
      if (!in_plan || !*in_plan) continue;
      std::string assessed = L(kUnknown);
      if (data_.ChildrenGiven(assessments, c)) {
        std::vector<std::string> ids;
        for (int a : data_.Children(assessments, c)) ids.push_back(data_.Id(assessments, a));
        assessed = ids.empty() ? std::string(L(kNone)) : Join(ids);
      }
      std::optional<std::string> kind = data_.Text(courses, "kind", c);
      std::optional<std::string> venue = data_.Text(courses, "venue", c);
      rows.push_back({data_.Id(courses, c), OrUnknown(data_.Text(courses, "name", c)),
                      kind ? CourseKindLabel(*kind, language_) : std::string(L(kUnknown)),
                      OrUnknown(data_.Text(courses, "weeks", c)),
                      venue ? VenueLabel(*venue, language_) : std::string(L(kUnknown)),
                      YesNoLabel(data_.Bool(courses, "co_developed_with_industry", c), language_),
                      Lecturers(c), assessed});
    }
    Heading(4, L(kPlanCourses));
    if (rows.empty()) {
      Paragraph(zh() ? "专业数据中没有列入企业培养方案的教学环节或课程。"
                     : "No course in the dossier is part of the enterprise plan.");
    } else {
      Table({L(kCourse), L(kName), L(kKind), L(kWeeks), L(kVenue), L(kCoDeveloped), L(kLecturers),
             L(kAssessments)},
            std::move(rows));
    }
    if (!unknown.empty()) {
      Paragraph(absl::StrCat(zh() ? "是否列入企业培养方案未知的课程："
                                  : "Courses not known to be in the plan or not: ",
                             Join(unknown)));
    }
  }

  // "教师 20 名中 6 名具有国际背景（另有 2 名情况未知）" / "6 of 20 teachers have … (2
  // unknown)": how many rows hold, of how many, and how many are unknown.
  std::string Tally(int holding, int known, int total, const char* noun_zh,
                    const char* predicate_zh, const char* phrase_en) const {
    int unknown = total - known;
    if (zh()) {
      return absl::StrCat(noun_zh, " ", total, " 名中 ", holding, " 名", predicate_zh,
                          unknown ? absl::StrCat("（另有 ", unknown, " 名情况未知）") : "");
    }
    return absl::StrCat(holding, " of ", total, " ", phrase_en,
                        unknown ? absl::StrCat(" (", unknown, " unknown)") : "");
  }

  // 九: the teachers' international background, foreign students, exchange, courses in a
  // foreign language or internationally equivalent, cooperation, partners, activities, other.
  void Part9() {
    Heading(2, L(kPart9));
    Quote(L(kPrompt9));
    Heading(3, L(kFromDossier));
    TableId teachers = data_.Find("teachers");
    TableId students = data_.Find("students");
    TableId courses = data_.Find("courses");

    Heading(4, L(kIntlTeachers));
    if (!data_.Present(teachers)) {
      Paragraph(Absent(zh() ? "教师" : "the teachers"));
    } else {
      int known = 0;
      std::vector<std::vector<std::string>> rows;
      for (int t = 0; t < data_.Rows(teachers); ++t) {
        std::optional<std::vector<std::string>> background =
            data_.List(teachers, "international", t);
        if (!background) continue;
        ++known;
        if (background->empty()) continue;
        std::vector<std::string> words;
        for (const std::string& kind : *background)
          words.push_back(BackgroundLabel(kind, language_));
        rows.push_back(
            {data_.Id(teachers, t), OrUnknown(data_.Text(teachers, "name", t)), Join(words)});
      }
      if (known == 0 && data_.Rows(teachers) > 0) {
        Paragraph(Absent(zh() ? "教师的国际背景" : "the teachers' international background"));
      } else {
        Paragraph(Tally(static_cast<int>(rows.size()), known, data_.Rows(teachers), "教师",
                        "具有国际背景", "teachers have an international background") +
                  (zh() ? "。" : "."));
      }
      if (!rows.empty()) Table({L(kTeacher), L(kPersonName), L(kBackground)}, std::move(rows));
    }

    // Students for whom `field` holds; with `of_plan_too`, also among the plan's own students
    // (plan_member), whom the criterion counts.
    auto students_with = [&](const char* field, const Bilingual& heading, const char* predicate_zh,
                             const char* phrase_en, bool of_plan_too) {
      Heading(4, L(heading));
      if (!data_.Present(students)) {
        Paragraph(Absent(zh() ? "学生" : "the students"));
        return;
      }
      int known = 0;
      std::vector<std::string> ids;
      for (int s = 0; s < data_.Rows(students); ++s) {
        std::optional<bool> value = data_.Bool(students, field, s);
        if (!value) continue;
        ++known;
        if (*value) ids.push_back(data_.Id(students, s));
      }
      if (known == 0 && data_.Rows(students) > 0) {
        Paragraph(Absent(zh() ? absl::StrCat("学生是否", predicate_zh) : std::string(phrase_en)));
        return;
      }
      int plan = 0, plan_known = 0, plan_holding = 0;
      for (int s = 0; s < data_.Rows(students); ++s) {
        std::optional<bool> member = data_.Bool(students, "plan_member", s);
        if (!member || !*member) continue;
        ++plan;
        std::optional<bool> value = data_.Bool(students, field, s);
        plan_known += value.has_value();
        plan_holding += value.value_or(false);
      }
      std::string of_plan;
      if (of_plan_too && plan > 0) {
        of_plan =
            zh() ? absl::StrCat("；其中", Tally(plan_holding, plan_known, plan, "卓越计划学生",
                                                predicate_zh, phrase_en))
                 : absl::StrCat(
                       "; ", plan_holding, " of the plan's ", plan, " students",
                       plan_known < plan ? absl::StrCat(" (", plan - plan_known, " unknown)") : "");
      }
      Paragraph(absl::StrCat(Tally(static_cast<int>(ids.size()), known, data_.Rows(students),
                                   "学生", predicate_zh, phrase_en),
                             ids.empty() ? "" : absl::StrCat(Colon(), Join(ids)), of_plan,
                             zh() ? "。" : "."));
    };
    students_with("foreign", kForeignStudents, "为外国留学生", "students are foreign", false);
    students_with("exchange", kExchangeStudents, "参加国际交流",
                  "students take part in international exchange", true);

    auto courses_where = [&](const Bilingual& heading, const Bilingual& column, auto holds,
                             auto describe) {
      Heading(4, L(heading));
      if (!data_.Present(courses)) {
        Paragraph(Absent(zh() ? "课程" : "the courses"));
        return;
      }
      std::vector<std::vector<std::string>> rows;
      std::vector<std::string> unknown;
      for (int c = 0; c < data_.Rows(courses); ++c) {
        std::optional<bool> held = holds(c);
        if (!held) unknown.push_back(data_.Id(courses, c));
        if (held && *held) {
          rows.push_back(
              {data_.Id(courses, c), OrUnknown(data_.Text(courses, "name", c)), describe(c)});
        }
      }
      if (rows.empty()) {
        Paragraph(unknown.size() == static_cast<size_t>(data_.Rows(courses)) && !unknown.empty()
                      ? Absent(L(heading))
                      : std::string(L(kNone)) + (zh() ? "。" : "."));
      } else {
        Table({L(kCourse), L(kName), L(column)}, std::move(rows));
      }
      if (!unknown.empty() && unknown.size() != static_cast<size_t>(data_.Rows(courses))) {
        Paragraph(absl::StrCat(zh() ? "情况未知的课程：" : "Unknown for: ", Join(unknown)));
      }
    };
    courses_where(
        kForeignLanguageCourses, kLanguage,
        [&](int c) -> std::optional<bool> {
          std::optional<std::string> language = data_.Text(courses, "language", c);
          if (!language) return std::nullopt;
          return *language == "en" || *language == "bilingual";
        },
        [&](int c) { return LanguageLabel(*data_.Text(courses, "language", c), language_); });
    courses_where(
        kEquivalentCourses, kCore,
        [&](int c) { return data_.Bool(courses, "international_equivalent", c); },
        [&](int c) { return std::string(YesNoLabel(data_.Bool(courses, "core", c), language_)); });

    TableId international = data_.Find("international");
    auto child = [&](const char* table, const Bilingual& heading, std::vector<std::string> header,
                     auto row_of) {
      Heading(4, L(heading));
      TableId t = data_.Find(table);
      if (!data_.Present(international) || data_.Rows(international) == 0 ||
          !data_.ChildrenGiven(t, 0)) {
        Paragraph(Absent(L(heading)));
        return;
      }
      std::vector<std::vector<std::string>> rows;
      for (int r : data_.Children(t, 0)) rows.push_back(row_of(t, r));
      if (rows.empty()) {
        Paragraph(std::string(L(kNone)) + (zh() ? "。" : "."));
      } else {
        Table(std::move(header), std::move(rows));
      }
    };
    child("cooperation", kCooperation, {L(kKind), L(kPartner), L(kSince)},
          [&](TableId t, int r) -> std::vector<std::string> {
            std::optional<std::string> kind = data_.Text(t, "kind", r);
            return {kind ? CooperationLabel(*kind, language_) : std::string(L(kUnknown)),
                    OrUnknown(data_.Text(t, "partner", r)), OrUnknown(data_.Text(t, "since", r))};
          });
    child("industry_partners", kIndustryPartners, {L(kName), L(kCountry), L(kKind)},
          [&](TableId t, int r) -> std::vector<std::string> {
            std::optional<std::string> kind = data_.Text(t, "kind", r);
            return {OrUnknown(data_.Text(t, "name", r)), OrUnknown(data_.Text(t, "country", r)),
                    kind ? PartnerKindLabel(*kind, language_) : std::string(L(kUnknown))};
          });
    child("activities", kActivities, {L(kKind), L(kYear), L(kName)},
          [&](TableId t, int r) -> std::vector<std::string> {
            return {OrUnknown(data_.Text(t, "kind", r)), OrUnknown(data_.Text(t, "year", r)),
                    OrUnknown(data_.Text(t, "title", r))};
          });
    Heading(4, L(kOther));
    std::optional<std::vector<std::string>> other =
        data_.Rows(international) > 0 ? data_.List(international, "other", 0) : std::nullopt;
    if (!other) {
      Paragraph(Absent(L(kOther)));
    } else if (other->empty()) {
      Paragraph(std::string(L(kNone)) + (zh() ? "。" : "."));
    } else {
      List(*other);
    }
    Verdicts("9");
  }

  const Report& report_;
  DossierReader data_;
  Language language_;
  std::vector<Block> blocks_;
  std::string title_;
};

}  // namespace

std::string RenderSupplement(const Report& report, const DossierTables& dossier,
                             const Schema& schema, Language language, SupplementFormat format) {
  return SupplementWriter(report, dossier, schema, language).Render(format);
}

}  // namespace zhuoyue
