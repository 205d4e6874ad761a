// The words the renderers share, in the two languages reports speak. Chinese is the
// default: it is the language the office files in. Texts from the pack (criterion texts,
// requirement titles, level and outcome labels) are never translated.
#ifndef ZHUOYUE_LIB_REPORT_LABELS_H_
#define ZHUOYUE_LIB_REPORT_LABELS_H_

#include <string>
#include <string_view>

#include "zhuoyue/report.h"

namespace zhuoyue {

// "zh" or "en"; false for anything else.
bool ParseLanguage(std::string_view text, Language& language);

// A label in both languages, for renderer-specific words kept next to their renderer.
struct Bilingual {
  const char* zh;
  const char* en;
  const char* In(Language language) const { return language == Language::kZh ? zh : en; }
};

// 达到 / met, 未达到 / not met, 待定 / pending.
const char* VerdictLabel(Verdict verdict, Language language);

// An overall outcome (passed_and_met, passed_not_met, not_passed, pending) when the pack
// gives no label of its own.
const char* OverallLabel(std::string_view outcome, Language language);

// A requirement level: not_met, met, distinction, pending.
const char* LevelLabel(std::string_view level, Language language);

// An attainment level: good, attained, not_attained, unknown.
const char* AttainmentLevelLabel(std::string_view level, Language language);

// A coverage list or gap kind: uncovered_points, unassessed_points, … orphan_course.
const char* CoverageLabel(std::string_view kind, Language language);

// The attainment method in words, with its inputs (threshold, cut-offs).
std::string AttainmentFormula(const AttainmentMethod& method, Language language);

// --- Added with the HTML renderer (lib/report/html.cc); for any renderer. ---

// A comparison as a reader writes it: ">=" → "≥", "<=" → "≤", "==" → "=", "!=" → "≠", ">" and
// "<" as they are, "all" → 全部 / all; "" for anything else.
const char* ComparisonLabel(std::string_view comparison, Language language);

// A criterion kind: computed, judged, computed+judged; "" for anything else.
const char* CriterionKindLabel(std::string_view kind, Language language);

// Whether a material was provided (std::optional from zhuoyue/report.h): 已提供 / provided,
// 未提供 / not provided, 未知 / unknown.
const char* MaterialLabel(std::optional<bool> provided, Language language);

// --- End of the HTML renderer's labels. ---

// --- Added with the Markdown, text and supplement renderers (lib/report/markdown.cc,
// text.cc, supplement.cc); for any renderer. ---

// A number for a reader: a whole number without decimals, else the shortest text that reads
// back (at most 10 significant digits, then 6): 302.5, 0.0666667.
std::string FormatNumber(double value);

// A measured quantity: exact when known ("0.225"; a fraction with its decimal, "1/15
// (≈0.06667)"), a range as "[292, 302.5]" ("−∞" / "+∞" for an open end), and 无定义 /
// undefined for a value over nothing.
std::string FormatQuantity(const Quantity& quantity, Language language);

// What a criterion measured against what it needs: "测得 1/15 (≈0.06667)，要求 ≥ 0.1" /
// "measured 1/15 (≈0.06667), needs ≥ 0.1"; for a rule over every member "11 项中 10 项成立" /
// "10 of 11 hold"; "" when nothing was measured.
std::string CriterionMeasure(const CriterionResult& criterion, Language language);

// The evaluator's what-if ("what if: 1 more of the 30 satisfying it, or 2 new ones that do")
// in `language`; English, and any wording it does not know, come back unchanged.
std::string WhatIfSentence(std::string_view what_if, Language language);

// Why a criterion got its verdict, in one line: the measure, the entities that break it, the
// what-if, the expert judgement (judged kinds) and, when pending, the missing data. In
// English it reads like the evaluator's own message.
std::string CriterionReason(const CriterionResult& criterion, Language language);

// A course's kind: course, lab, practice, internship, design, thesis → 课程, 实验, …; anything
// else as it is.
std::string CourseKindLabel(std::string_view kind, Language language);

// Where a course is taught: school → 学校, enterprise → 企业; anything else as it is.
std::string VenueLabel(std::string_view venue, Language language);

// A teaching method: problem → 基于问题的学习, case, project, lecture, lab, seminar; a method
// the pack's open list does not name comes back as it is.
std::string MethodLabel(std::string_view method, Language language);

// 是 / yes, 否 / no, 未知 / unknown.
const char* YesNoLabel(std::optional<bool> value, Language language);

// --- End of the Markdown, text and supplement renderers' labels. ---

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_LABELS_H_
