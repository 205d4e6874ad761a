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

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_REPORT_LABELS_H_
