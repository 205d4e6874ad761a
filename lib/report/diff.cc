#include "report/diff.h"

#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/labels.h"

namespace zhuoyue {
namespace {

using Json = nlohmann::ordered_json;

// Pairs the entries of two lists by id: those of the new list in its order (with their old
// counterpart, or null), then those only in the old list. `Each(old, new)`.
template <typename T, typename Id, typename Each>
void Match(const std::vector<T>& old_list, const std::vector<T>& new_list, Id id, Each each) {
  absl::flat_hash_map<std::string, const T*> old_by_id;
  for (const T& entry : old_list) old_by_id.emplace(id(entry), &entry);
  absl::flat_hash_set<std::string> seen;
  for (const T& entry : new_list) {
    auto it = old_by_id.find(id(entry));
    seen.insert(id(entry));
    each(it == old_by_id.end() ? nullptr : it->second, &entry);
  }
  for (const T& entry : old_list) {
    if (!seen.contains(id(entry))) each(&entry, nullptr);
  }
}

// Ids in `a` that are not in `b`, in `a`'s order.
std::vector<std::string> Minus(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  absl::flat_hash_set<std::string> in_b(b.begin(), b.end());
  std::vector<std::string> out;
  for (const std::string& id : a) {
    if (!in_b.contains(id)) out.push_back(id);
  }
  return out;
}

// Two quantities are the same when a report would print them the same: the value, or null
// with the same range. (A fresh evaluation keeps "1/3" exact; a report read back has only
// the double, so `exact` is not compared.)
bool SameQuantity(const std::optional<Quantity>& a, const std::optional<Quantity>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (a->undefined != b->undefined || a->range != b->range) return false;
  if (a->range) return a->minimum == b->minimum && a->maximum == b->maximum;
  return a->undefined || a->value == b->value;
}

}  // namespace

bool ReportDiff::empty() const {
  return old_program == new_program && !overall_changed() && rules.empty() && eligibility.empty() &&
         general_standard.empty() && requirements.empty() && criteria.empty() && coverage.empty() &&
         attainment.empty();
}

ReportDiff CompareReports(const Report& old_report, const Report& new_report) {
  ReportDiff diff;
  diff.old_program = old_report.program;
  diff.new_program = new_report.program;
  diff.old_overall = old_report.overall;
  diff.new_overall = new_report.overall;

  auto setting = [&](const std::string& name, const std::string& old_value,
                     const std::string& new_value) {
    if (old_value != new_value) diff.rules.push_back({name, old_value, new_value});
  };
  setting("pack", old_report.pack, new_report.pack);
  setting("version", old_report.pack_version, new_report.pack_version);
  using Param = std::pair<std::string, std::string>;
  Match(
      old_report.params, new_report.params, [](const Param& p) { return p.first; },
      [&](const Param* o, const Param* n) {
        // Parameters are compared as JSON values: 0.5 and 0.50 are the same.
        std::string old_value = o ? Json::parse(o->second, nullptr, false).dump() : "";
        std::string new_value = n ? Json::parse(n->second, nullptr, false).dump() : "";
        setting(n ? n->first : o->first, old_value, new_value);
      });

  Match(
      old_report.eligibility, new_report.eligibility,
      [](const EligibilityResult& e) { return e.id; },
      [&](const EligibilityResult* o, const EligibilityResult* n) {
        std::optional<Verdict> old_verdict, new_verdict;
        if (o) old_verdict = o->verdict;
        if (n) new_verdict = n->verdict;
        if (old_verdict == new_verdict) return;
        diff.eligibility.push_back(
            {.id = n ? n->id : o->id, .old_verdict = old_verdict, .new_verdict = new_verdict});
      });
  Match(
      old_report.general_standard, new_report.general_standard,
      [](const GeneralPointResult& g) { return g.id; },
      [&](const GeneralPointResult* o, const GeneralPointResult* n) {
        std::optional<Verdict> old_verdict, new_verdict;
        if (o) old_verdict = o->verdict;
        if (n) new_verdict = n->verdict;
        if (old_verdict == new_verdict) return;
        diff.general_standard.push_back(
            {.id = n ? n->id : o->id, .old_verdict = old_verdict, .new_verdict = new_verdict});
      });

  Match(
      old_report.requirements, new_report.requirements,
      [](const RequirementResult& r) { return r.id; },
      [&](const RequirementResult* o, const RequirementResult* n) {
        const RequirementResult& either = n ? *n : *o;
        ReportDiff::VerdictChange change{.id = either.id, .title = either.title};
        if (o) change.old_verdict = o->verdict, change.old_level = o->level;
        if (n) change.new_verdict = n->verdict, change.new_level = n->level;
        if (change.old_verdict != change.new_verdict || change.old_level != change.new_level) {
          diff.requirements.push_back(change);
        }
        static const std::vector<CriterionResult> kNone;
        Match(
            o ? o->criteria : kNone, n ? n->criteria : kNone,
            [](const CriterionResult& c) { return c.id; },
            [&](const CriterionResult* oc, const CriterionResult* nc) {
              const CriterionResult& c = nc ? *nc : *oc;
              ReportDiff::CriterionChange change{
                  .requirement = either.id, .id = c.id, .comparison = c.comparison};
              if (oc) {
                change.old_verdict = oc->verdict;
                change.old_value = oc->value;
                change.old_threshold = oc->threshold;
              }
              if (nc) {
                change.new_verdict = nc->verdict;
                change.new_value = nc->value;
                change.new_threshold = nc->threshold;
                change.new_message = nc->message;
              }
              static const std::vector<std::string> kNoWitness;
              const auto& old_witnesses = oc ? oc->witnesses : kNoWitness;
              const auto& new_witnesses = nc ? nc->witnesses : kNoWitness;
              change.now_failing = Minus(new_witnesses, old_witnesses);
              change.no_longer_failing = Minus(old_witnesses, new_witnesses);
              if (change.verdict_changed() || !SameQuantity(change.old_value, change.new_value) ||
                  !SameQuantity(change.old_threshold, change.new_threshold) ||
                  !change.now_failing.empty() || !change.no_longer_failing.empty()) {
                diff.criteria.push_back(std::move(change));
              }
            });
      });

  const std::pair<const char*, std::vector<std::string> Coverage::*> kLists[] = {
      {"uncovered_points", &Coverage::uncovered_points},
      {"unassessed_points", &Coverage::unassessed_points},
      {"courses_without_assessment", &Coverage::courses_without_assessment},
      {"orphan_courses", &Coverage::orphan_courses}};
  for (const auto& [name, list] : kLists) {
    ReportDiff::GapChange change{
        .list = name,
        .opened = Minus(new_report.coverage.*list, old_report.coverage.*list),
        .closed = Minus(old_report.coverage.*list, new_report.coverage.*list)};
    if (!change.opened.empty() || !change.closed.empty()) diff.coverage.push_back(change);
  }

  Match(
      old_report.attainment.points, new_report.attainment.points,
      [](const PointAttainment& p) { return p.id; },
      [&](const PointAttainment* o, const PointAttainment* n) {
        ReportDiff::AttainmentMove move{
            .point = n ? n->id : o->id, .in_old = o != nullptr, .in_new = n != nullptr};
        if (o) move.old_value = o->value, move.old_level = o->level;
        if (n) move.new_value = n->value, move.new_level = n->level;
        if (move.old_value && move.new_value) move.delta = *move.new_value - *move.old_value;
        if (move.in_old != move.in_new || move.old_value != move.new_value ||
            move.old_level != move.new_level) {
          diff.attainment.push_back(move);
        }
      });
  return diff;
}

namespace {

std::string VerdictText(const std::optional<Verdict>& verdict) {
  return verdict ? VerdictName(*verdict) : "absent";
}

// A quantity as a reader writes it: 10, 0.0666667, [292, 302.5], null. From the double, so
// that a fresh evaluation and a report read back print the same.
std::string QuantityText(const std::optional<Quantity>& q) {
  if (!q) return "none";
  if (q->range) {
    return absl::StrCat("[", q->minimum ? FormatNumber(*q->minimum) : "−∞", ", ",
                        q->maximum ? FormatNumber(*q->maximum) : "+∞", "]");
  }
  if (q->undefined) return "null";
  return FormatNumber(q->value);
}

// "A → B", or "A" when both read the same.
std::string Move(const std::string& old_text, const std::string& new_text) {
  return old_text == new_text ? old_text : absl::StrCat(old_text, " → ", new_text);
}

std::string AttainmentText(const std::optional<double>& value, bool present) {
  if (!present) return "absent";
  return value ? absl::StrFormat("%.3f", *value) : "null";
}

// As the report writes a quantity: `key` a number, or null (undefined or a range), and the
// range in `key_range`.
void PutQuantity(Json& json, const std::string& key, const std::optional<Quantity>& q) {
  if (!q || q->undefined || q->range) {
    json[key] = nullptr;
  } else if (int64_t integer = 0; !q->exact.empty() && absl::SimpleAtoi(q->exact, &integer)) {
    json[key] = integer;
  } else {
    json[key] = q->value;
  }
  if (q && q->range) {
    json[key + "_range"] = {{"min", q->minimum ? Json(*q->minimum) : Json(nullptr)},
                            {"max", q->maximum ? Json(*q->maximum) : Json(nullptr)}};
  }
}

Json VerdictJson(const std::optional<Verdict>& verdict) {
  return verdict ? Json(VerdictName(*verdict)) : Json(nullptr);
}

Json TextJson(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json OptionalJson(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

std::string RenderDiffText(const ReportDiff& diff, Language language) {
  auto say = [&](const char* zh, const char* en) { return Bilingual{zh, en}.In(language); };
  auto verdict = [&](const std::optional<Verdict>& v) {
    if (!v) return std::string(say("无", "absent"));
    return std::string(language == Language::kZh ? VerdictLabel(*v, language) : VerdictName(*v));
  };
  if (diff.empty()) return absl::StrCat(say("无变化", "no change"), "\n");
  std::string out;
  if (diff.old_program != diff.new_program) {
    absl::StrAppend(&out, say("专业：", "program: "), diff.old_program, " → ", diff.new_program,
                    "\n");
  } else {
    absl::StrAppend(&out, say("专业：", "program: "), diff.new_program, "\n");
  }
  if (diff.overall_changed()) {
    absl::StrAppend(&out, say("评价结论：", "overall: "), diff.old_overall, " → ", diff.new_overall,
                    "\n");
  } else {
    absl::StrAppend(&out, say("评价结论：", "overall: "), diff.new_overall,
                    say("（未变）", " (unchanged)"), "\n");
  }
  auto value_or_absent = [&](const std::string& v) { return v.empty() ? say("无", "absent") : v; };
  if (!diff.rules.empty()) {
    absl::StrAppend(&out, "\n", say("评价规则", "rules"), say("：\n", ":\n"));
    for (const auto& s : diff.rules) {
      absl::StrAppend(&out, "  ", s.name, ": ", value_or_absent(s.old_value), " → ",
                      value_or_absent(s.new_value), "\n");
    }
  }
  auto verdicts = [&](std::string title, const std::vector<ReportDiff::VerdictChange>& list) {
    if (list.empty()) return;
    absl::StrAppend(&out, "\n", title, say("：\n", ":\n"));
    for (const auto& c : list) {
      absl::StrAppend(&out, "  ", c.id, c.title.empty() ? "" : " ", c.title, "  ",
                      verdict(c.old_verdict));
      if (!c.old_level.empty() && c.old_level != VerdictText(c.old_verdict)) {
        absl::StrAppend(&out, say("（等级 ", " (level "), c.old_level, say("）", ")"));
      }
      absl::StrAppend(&out, " → ", verdict(c.new_verdict));
      if (!c.new_level.empty() && c.new_level != VerdictText(c.new_verdict)) {
        absl::StrAppend(&out, say("（等级 ", " (level "), c.new_level, say("）", ")"));
      }
      absl::StrAppend(&out, "\n");
    }
  };
  verdicts(say("申请条件", "eligibility"), diff.eligibility);
  verdicts(say("通用标准", "general standard"), diff.general_standard);
  verdicts(say("专门要求", "requirements"), diff.requirements);
  if (!diff.criteria.empty()) {
    absl::StrAppend(&out, "\n", say("判断依据", "criteria"), say("：\n", ":\n"));
    for (const auto& c : diff.criteria) {
      absl::StrAppend(&out, "  ", c.id, "  ");
      if (c.verdict_changed()) {
        absl::StrAppend(&out, verdict(c.old_verdict), " → ", verdict(c.new_verdict));
      } else {
        absl::StrAppend(&out, verdict(c.new_verdict), say("（未变）", " (unchanged)"));
      }
      std::string old_value = QuantityText(c.old_value), new_value = QuantityText(c.new_value);
      std::string old_threshold = QuantityText(c.old_threshold);
      std::string new_threshold = QuantityText(c.new_threshold);
      if (c.comparison == "all" && c.old_value && c.new_value) {
        // A rule over every member: how many of how many hold.
        auto holds = [&](const std::string& value, const std::string& of) {
          return language == Language::kZh ? absl::StrCat(of, " 项中 ", value, " 项成立")
                                           : absl::StrCat(value, " of ", of);
        };
        absl::StrAppend(&out, say("  ", "  holds "),
                        Move(holds(old_value, old_threshold), holds(new_value, new_threshold)));
      } else {
        if (c.old_value || c.new_value) {
          absl::StrAppend(&out, say("  值 ", "  value "), Move(old_value, new_value));
        }
        if (c.old_threshold || c.new_threshold) {
          absl::StrAppend(&out, c.old_value || c.new_value ? say("，", ", ") : "  ",
                          say("要求 ", "needs "), c.comparison.empty() ? "" : c.comparison + " ",
                          Move(old_threshold, new_threshold));
        }
      }
      absl::StrAppend(&out, "\n");
      if (!c.now_failing.empty()) {
        absl::StrAppend(&out, say("      新增不满足：", "      now failing: "),
                        absl::StrJoin(c.now_failing, ", "), "\n");
      }
      if (!c.no_longer_failing.empty()) {
        absl::StrAppend(&out, say("      不再不满足：", "      no longer failing: "),
                        absl::StrJoin(c.no_longer_failing, ", "), "\n");
      }
    }
  }
  if (!diff.coverage.empty()) {
    absl::StrAppend(&out, "\n", say("覆盖缺口", "coverage gaps"), say("：\n", ":\n"));
    for (const auto& g : diff.coverage) {
      absl::StrAppend(&out, "  ",
                      language == Language::kZh ? CoverageLabel(g.list, language) : g.list,
                      say("：", ":"));
      if (!g.opened.empty())
        absl::StrAppend(&out, say(" 新增 ", " new "), absl::StrJoin(g.opened, ", "));
      if (!g.opened.empty() && !g.closed.empty()) absl::StrAppend(&out, ";");
      if (!g.closed.empty())
        absl::StrAppend(&out, say(" 已关闭 ", " closed "), absl::StrJoin(g.closed, ", "));
      absl::StrAppend(&out, "\n");
    }
  }
  if (!diff.attainment.empty()) {
    absl::StrAppend(&out, "\n", say("达成度", "attainment"), say("：\n", ":\n"));
    for (const auto& m : diff.attainment) {
      absl::StrAppend(&out, "  ", m.point, "  ", AttainmentText(m.old_value, m.in_old), " → ",
                      AttainmentText(m.new_value, m.in_new));
      if (m.delta) absl::StrAppend(&out, absl::StrFormat("  (%+.3f)", *m.delta));
      if (m.old_level != m.new_level && !m.old_level.empty() && !m.new_level.empty()) {
        absl::StrAppend(&out, "  ", m.old_level, " → ", m.new_level);
      }
      absl::StrAppend(&out, "\n");
    }
  }
  return out;
}

std::string RenderDiffJson(const ReportDiff& diff) {
  Json json;
  json["format"] = "zhuoyue.diff/1";
  json["changed"] = !diff.empty();
  json["program"] = {{"old", diff.old_program}, {"new", diff.new_program}};
  json["overall"] = {
      {"old", diff.old_overall}, {"new", diff.new_overall}, {"changed", diff.overall_changed()}};
  json["rules"] = Json::array();
  for (const auto& s : diff.rules) {
    auto value = [](const std::string& v) {
      return v.empty() ? Json(nullptr) : Json::parse(v, nullptr, false);
    };
    json["rules"].push_back(
        {{"name", s.name}, {"old", value(s.old_value)}, {"new", value(s.new_value)}});
  }
  auto verdicts = [&](const char* key, const std::vector<ReportDiff::VerdictChange>& list,
                      bool levels) {
    json[key] = Json::array();
    for (const auto& c : list) {
      Json entry = {{"id", c.id}};
      if (levels) entry["title"] = c.title;
      entry["old"] = VerdictJson(c.old_verdict);
      entry["new"] = VerdictJson(c.new_verdict);
      if (levels) {
        entry["old_level"] = TextJson(c.old_level);
        entry["new_level"] = TextJson(c.new_level);
      }
      json[key].push_back(std::move(entry));
    }
  };
  verdicts("eligibility", diff.eligibility, false);
  verdicts("general_standard", diff.general_standard, false);
  verdicts("requirements", diff.requirements, true);
  json["criteria"] = Json::array();
  for (const auto& c : diff.criteria) {
    Json entry = {
        {"requirement", c.requirement}, {"id", c.id}, {"verdict_changed", c.verdict_changed()}};
    auto side = [](const std::optional<Verdict>& verdict, const std::optional<Quantity>& value,
                   const std::optional<Quantity>& threshold) {
      Json json = {{"verdict", VerdictJson(verdict)}};
      PutQuantity(json, "value", value);
      PutQuantity(json, "threshold", threshold);
      return json;
    };
    entry["old"] = side(c.old_verdict, c.old_value, c.old_threshold);
    entry["new"] = side(c.new_verdict, c.new_value, c.new_threshold);
    if (!c.comparison.empty()) entry["comparison"] = c.comparison;
    entry["now_failing"] = c.now_failing;
    entry["no_longer_failing"] = c.no_longer_failing;
    if (!c.new_message.empty()) entry["message"] = c.new_message;
    json["criteria"].push_back(std::move(entry));
  }
  Json coverage = Json::object();
  for (const char* list :
       {"uncovered_points", "unassessed_points", "courses_without_assessment", "orphan_courses"}) {
    coverage[list] = {{"new", Json::array()}, {"closed", Json::array()}};
  }
  for (const auto& g : diff.coverage) coverage[g.list] = {{"new", g.opened}, {"closed", g.closed}};
  json["coverage"] = std::move(coverage);
  json["attainment"] = Json::array();
  for (const auto& m : diff.attainment) {
    json["attainment"].push_back({{"point", m.point},
                                  {"in_old", m.in_old},
                                  {"in_new", m.in_new},
                                  {"old", OptionalJson(m.old_value)},
                                  {"new", OptionalJson(m.new_value)},
                                  {"delta", OptionalJson(m.delta)},
                                  {"old_level", TextJson(m.old_level)},
                                  {"new_level", TextJson(m.new_level)}});
  }
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zhuoyue
