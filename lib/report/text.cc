#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

struct Palette {
  bool on;
  std::string Paint(const std::string& text, const char* code) const {
    return on ? absl::StrCat("\x1b[", code, "m", text, "\x1b[0m") : text;
  }
  std::string Word(Verdict verdict) const {
    switch (verdict) {
      case Verdict::kMet:
        return Paint("met    ", "32");
      case Verdict::kNotMet:
        return Paint("not_met", "31;1");
      case Verdict::kPending:
        return Paint("pending", "33");
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

std::string Pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

}  // namespace

std::string RenderText(const Report& report, bool color) {
  Palette palette{color};
  std::string out;
  std::string title = report.program_name.empty()
                          ? report.program
                          : absl::StrCat(report.program, " ", report.program_name);
  absl::StrAppend(&out, palette.Paint(title, "1"), "  (rules: ", report.pack, " ",
                  report.pack_version, ")\n");
  Verdict overall = report.overall == "passed_and_met" ? Verdict::kMet
                    : report.overall == "pending"      ? Verdict::kPending
                                                       : Verdict::kNotMet;
  absl::StrAppend(&out, "overall: ", palette.Mark(overall), " ", palette.Paint(report.overall, "1"),
                  report.overall_label.empty() ? "" : "  " + report.overall_label, "\n");

  std::vector<std::string> eligibility;
  for (const EligibilityResult& e : report.eligibility) {
    eligibility.push_back(absl::StrCat(palette.Mark(e.verdict), " ", e.id));
  }
  // A pack without eligibility rules or a standard prints no empty lines for them.
  if (!eligibility.empty()) {
    absl::StrAppend(&out, "eligibility: ", absl::StrJoin(eligibility, "  "), "\n");
  }

  int covered = 0;
  std::vector<std::string> open;
  for (const GeneralPointResult& g : report.general_standard) {
    if (g.verdict == Verdict::kMet) {
      ++covered;
    } else {
      open.push_back(absl::StrCat(g.id, " (", VerdictName(g.verdict), ")"));
    }
  }
  if (!report.general_standard.empty()) {
    absl::StrAppend(&out, "general standard: ", covered, "/", report.general_standard.size(),
                    " covered",
                    open.empty() ? "" : absl::StrCat("; open: ", absl::StrJoin(open, ", ")), "\n");
  }
  const Coverage& c = report.coverage;
  auto list = [&](const char* label, const std::vector<std::string>& ids) {
    if (!ids.empty()) absl::StrAppend(&out, "  ", label, ": ", absl::StrJoin(ids, ", "), "\n");
  };
  list("points no course supports", c.uncovered_points);
  list("points no assessment measures", c.unassessed_points);
  list("courses without assessment", c.courses_without_assessment);
  list("courses supporting no point", c.orphan_courses);

  std::vector<const RequirementResult*> requirements;
  for (const RequirementResult& r : report.requirements) requirements.push_back(&r);
  std::stable_sort(requirements.begin(), requirements.end(),
                   [](auto* a, auto* b) { return Rank(a->verdict) < Rank(b->verdict); });
  for (const RequirementResult* r : requirements) {
    absl::StrAppend(&out, "\n", palette.Mark(r->verdict), " ",
                    palette.Paint(absl::StrCat("requirement ", r->id, " ", r->title), "1"), "  ",
                    palette.Word(r->verdict), r->level_label.empty() ? "" : "  " + r->level_label,
                    r->at_least > 0 ? absl::StrCat("  (at least ", r->at_least, " criteria)") : "",
                    "\n");
    std::vector<const CriterionResult*> criteria;
    for (const CriterionResult& criterion : r->criteria) criteria.push_back(&criterion);
    std::stable_sort(criteria.begin(), criteria.end(),
                     [](auto* a, auto* b) { return Rank(a->verdict) < Rank(b->verdict); });
    for (const CriterionResult* criterion : criteria) {
      absl::StrAppend(&out, "  ", Pad(criterion->id, 5), " ", palette.Word(criterion->verdict),
                      "  ", Pad(criterion->kind, 15), " ", criterion->text, "\n");
      if (criterion->verdict != Verdict::kMet && !criterion->message.empty()) {
        absl::StrAppend(&out, "        ", palette.Paint(criterion->message, "2"), "\n");
      }
    }
    std::vector<std::string> missing;
    for (const MaterialResult& m : r->materials) {
      if (m.provided && !*m.provided) missing.push_back(m.id);
    }
    if (!missing.empty()) {
      absl::StrAppend(&out, "  materials not provided: ", absl::StrJoin(missing, ", "), "\n");
    }
  }
  return out;
}

}  // namespace zhuoyue
