// RenderText: the terminal summary. The English form is what `zy eval` prints and the golden
// files keep (tests/golden/*.txt); the Chinese form has the same shape with the renderers'
// shared labels (report/labels.h), its columns aligned by display width (a Chinese character
// takes two columns).
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/labels.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

// Columns a UTF-8 text takes in a terminal: two for East Asian wide characters.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                (code >= 0xFFE0 && code <= 0xFFE6) || code >= 0x20000;
    width += wide ? 2 : 1;
    i += length;
  }
  return width;
}

std::string Pad(std::string text, size_t width) {
  size_t used = DisplayWidth(text);
  if (used < width) text.append(width - used, ' ');
  return text;
}

// The terminal's short words for a criterion's kind (the shared labels are longer).
const char* KindWord(std::string_view kind, Language language) {
  if (kind == "computed") return Bilingual{"计算", "computed"}.In(language);
  if (kind == "judged") return Bilingual{"判断", "judged"}.In(language);
  if (kind == "computed+judged") return Bilingual{"计算+判断", "computed+judged"}.In(language);
  return "";
}

struct Palette {
  bool on;
  Language language;
  std::string Paint(const std::string& text, const char* code) const {
    return on ? absl::StrCat("\x1b[", code, "m", text, "\x1b[0m") : text;
  }
  // The verdict as a word of one width, so that the columns after it align; in Chinese
  // unpadded when nothing follows (`last`), so that no line ends in blanks.
  std::string Word(Verdict verdict, bool last = false) const {
    bool en = language == Language::kEn;
    std::string zh =
        last ? VerdictLabel(verdict, language) : Pad(VerdictLabel(verdict, language), 6);
    switch (verdict) {
      case Verdict::kMet:
        return Paint(en ? "met    " : zh, "32");
      case Verdict::kNotMet:
        return Paint(en ? "not_met" : zh, "31;1");
      case Verdict::kPending:
        return Paint(en ? "pending" : zh, "33");
    }
    return "";
  }
  std::string Mark(Verdict verdict) const {
    switch (verdict) {
      case Verdict::kMet:
        return Paint("✓", "32");
      case Verdict::kNotMet:
        return Paint("✗", "31;1");
      case Verdict::kPending:
        return Paint("?", "33");
    }
    return "";
  }
};

int Rank(Verdict verdict) {  // failures first, then pending, then met
  return verdict == Verdict::kNotMet ? 0 : (verdict == Verdict::kPending ? 1 : 2);
}

}  // namespace

std::string RenderText(const Report& report, bool color, Language language) {
  const bool en = language == Language::kEn;
  const char* list_separator = en ? ", " : "、";
  Palette palette{color, language};
  std::string out;
  std::string title = report.program_name.empty()
                          ? report.program
                          : absl::StrCat(report.program, " ", report.program_name);
  absl::StrAppend(&out, palette.Paint(title, "1"), en ? "  (rules: " : "  （规则：", report.pack,
                  " ", report.pack_version, en ? ")\n" : "）\n");
  Verdict overall = report.overall == "passed_and_met" ? Verdict::kMet
                    : report.overall == "pending"      ? Verdict::kPending
                                                       : Verdict::kNotMet;
  if (en) {
    absl::StrAppend(&out, "overall: ", palette.Mark(overall), " ",
                    palette.Paint(report.overall, "1"),
                    report.overall_label.empty() ? "" : "  " + report.overall_label, "\n");
  } else {
    std::string label = report.overall_label.empty()
                            ? std::string(OverallLabel(report.overall, language))
                            : report.overall_label;
    if (label.empty()) label = report.overall;
    absl::StrAppend(&out, "评价结论：", palette.Mark(overall), " ", palette.Paint(label, "1"),
                    "\n");
  }

  std::vector<std::string> eligibility;
  for (const EligibilityResult& e : report.eligibility) {
    eligibility.push_back(absl::StrCat(palette.Mark(e.verdict), " ", e.id));
  }
  // A pack without eligibility rules or a standard prints no empty lines for them.
  if (!eligibility.empty()) {
    absl::StrAppend(&out, en ? "eligibility: " : "申请条件：", absl::StrJoin(eligibility, "  "),
                    "\n");
  }

  int covered = 0;
  std::vector<std::string> open;
  for (const GeneralPointResult& g : report.general_standard) {
    if (g.verdict == Verdict::kMet) {
      ++covered;
    } else if (en) {
      open.push_back(absl::StrCat(g.id, " (", VerdictName(g.verdict), ")"));
    } else {
      open.push_back(absl::StrCat(g.id, "（", VerdictLabel(g.verdict, language), "）"));
    }
  }
  if (!report.general_standard.empty() && en) {
    absl::StrAppend(&out, "general standard: ", covered, "/", report.general_standard.size(),
                    " covered",
                    open.empty() ? "" : absl::StrCat("; open: ", absl::StrJoin(open, ", ")), "\n");
  } else if (!report.general_standard.empty()) {
    absl::StrAppend(&out, "通用标准：已覆盖 ", covered, "/", report.general_standard.size(),
                    open.empty() ? "" : absl::StrCat("；未覆盖：", absl::StrJoin(open, "、")),
                    "\n");
  }
  const Coverage& c = report.coverage;
  auto list = [&](const char* kind, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    absl::StrAppend(&out, "  ", CoverageLabel(kind, language), en ? ": " : "：",
                    absl::StrJoin(ids, list_separator), "\n");
  };
  list("uncovered_points", c.uncovered_points);
  list("unassessed_points", c.unassessed_points);
  list("courses_without_assessment", c.courses_without_assessment);
  list("orphan_courses", c.orphan_courses);

  std::vector<const RequirementResult*> requirements;
  for (const RequirementResult& r : report.requirements) requirements.push_back(&r);
  std::stable_sort(requirements.begin(), requirements.end(),
                   [](auto* a, auto* b) { return Rank(a->verdict) < Rank(b->verdict); });
  for (const RequirementResult* r : requirements) {
    std::string heading = en ? absl::StrCat("requirement ", r->id, " ", r->title)
                             : absl::StrCat("专门要求 ", r->id, " ", r->title);
    std::string at_least;
    if (r->at_least > 0) {
      at_least = en ? absl::StrCat("  (at least ", r->at_least, " criteria)")
                    : absl::StrCat("  （至少 ", r->at_least, " 条判断依据达到）");
    }
    absl::StrAppend(&out, "\n", palette.Mark(r->verdict), " ", palette.Paint(heading, "1"), "  ",
                    palette.Word(r->verdict, r->level_label.empty() && at_least.empty()),
                    r->level_label.empty() ? "" : "  " + r->level_label, at_least, "\n");
    std::vector<const CriterionResult*> criteria;
    for (const CriterionResult& criterion : r->criteria) criteria.push_back(&criterion);
    std::stable_sort(criteria.begin(), criteria.end(),
                     [](auto* a, auto* b) { return Rank(a->verdict) < Rank(b->verdict); });
    for (const CriterionResult* criterion : criteria) {
      std::string kind = en ? criterion->kind : KindWord(criterion->kind, language);
      if (kind.empty()) kind = criterion->kind;
      absl::StrAppend(&out, "  ", Pad(criterion->id, 5), " ", palette.Word(criterion->verdict),
                      "  ", Pad(kind, en ? 15 : 9), " ", criterion->text, "\n");
      if (criterion->verdict == Verdict::kMet) continue;
      // English keeps the evaluator's message; Chinese says the same from the result's parts.
      std::string reason = en ? criterion->message : CriterionReason(*criterion, language);
      if (!reason.empty()) absl::StrAppend(&out, "        ", palette.Paint(reason, "2"), "\n");
    }
    std::vector<std::string> missing;
    for (const MaterialResult& m : r->materials) {
      if (m.provided && !*m.provided) missing.push_back(m.id);
    }
    if (!missing.empty()) {
      absl::StrAppend(&out, en ? "  materials not provided: " : "  未提供的材料：",
                      absl::StrJoin(missing, list_separator), "\n");
    }
  }
  return out;
}

}  // namespace zhuoyue
