#include <nlohmann/json.hpp>

#include "absl/strings/numbers.h"
#include "report/render.h"

namespace zhuoyue {
namespace {

using Json = nlohmann::ordered_json;

// `key` is a number, or null when undefined or known only within a range; the range then
// goes to `key_range` ({min, max}, null = unbounded), so `value` keeps its type.
void PutQuantity(Json& json, const std::string& key, const Quantity& q) {
  bool ranged = q.range;
  int64_t integer = 0;
  bool is_integer = !q.exact.empty() && absl::SimpleAtoi(q.exact, &integer);
  json[key] = q.undefined || ranged ? Json(nullptr) : is_integer ? Json(integer) : Json(q.value);
  if (ranged) {
    json[key + "_range"] = {{"min", q.minimum ? Json(*q.minimum) : Json(nullptr)},
                            {"max", q.maximum ? Json(*q.maximum) : Json(nullptr)}};
  }
}

Json Optional(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json AttainmentJson(const Attainment& attainment) {
  const AttainmentMethod& m = attainment.method;
  Json json;
  json["method"] = attainment.formula;
  json["settings"] = {{"students", m.students}, {"courses", m.courses},     {"items", m.items},
                      {"weights", m.weights},   {"threshold", m.threshold}, {"good", m.good}};
  json["computed"] = attainment.computed;
  json["points"] = Json::array();
  for (const PointAttainment& p : attainment.points) {
    json["points"].push_back({{"id", p.id},
                              {"value", Optional(p.value)},
                              {"students", p.students},
                              {"share_at_threshold", Optional(p.share_at_threshold)},
                              {"students_at_threshold", p.students_at_threshold},
                              {"item", p.item},
                              {"exact", p.exact},
                              {"courses", p.courses},
                              {"level", p.level}});
  }
  json["items"] = Json::array();
  for (const ItemAttainment& i : attainment.items) {
    json["items"].push_back({{"id", i.id},
                             {"value", Optional(i.value)},
                             {"exact", i.exact},
                             {"points", i.points},
                             {"level", i.level}});
  }
  json["course_points"] = Json::array();
  for (const CourseAttainment& c : attainment.course_points) {
    json["course_points"].push_back({{"course", c.course},
                                     {"point", c.point},
                                     {"value", Optional(c.value)},
                                     {"exact", c.exact},
                                     {"weight", c.weight},
                                     {"assessments", c.assessments},
                                     {"students", c.students},
                                     {"scores", c.scores}});
  }
  return json;
}

Json MatrixJson(const RealisationMatrix& matrix) {
  Json json;
  json["points"] = Json::array();
  for (const MatrixPoint& p : matrix.points) {
    json["points"].push_back({{"id", p.id}, {"item", p.item}, {"text", p.text}});
  }
  json["courses"] = Json::array();
  for (const MatrixCourse& c : matrix.courses) {
    json["courses"].push_back({{"id", c.id},
                               {"name", c.name},
                               {"kind", c.kind},
                               {"core", c.core ? Json(*c.core) : Json(nullptr)},
                               {"semester", c.semester},
                               {"credits", c.credits},
                               {"venue", c.venue},
                               {"methods", c.methods}});
  }
  json["cells"] = Json::array();
  for (const MatrixCell& cell : matrix.cells) {
    json["cells"].push_back({{"point", matrix.points[cell.point].id},
                             {"course", matrix.courses[cell.course].id},
                             {"weight", cell.weight},
                             {"assessments", cell.assessments}});
  }
  json["items"] = Json::array();
  for (const MatrixItem& i : matrix.items) {
    json["items"].push_back({{"id", i.id}, {"text", i.text}, {"covers", i.covers}});
  }
  return json;
}

}  // namespace

std::string RenderJson(const Report& report) {
  Json json;
  json["format"] = "zhuoyue.report/1";
  json["program"] = report.program;
  Json params = Json::object();
  for (const auto& [name, value] : report.params) params[name] = Json::parse(value);
  json["rules"] = {{"pack", report.pack}, {"version", report.pack_version}, {"params", params}};
  json["overall"] = report.overall;
  json["overall_label"] = report.overall_label;
  json["eligibility"] = Json::array();
  for (const EligibilityResult& e : report.eligibility) {
    json["eligibility"].push_back(
        {{"id", e.id}, {"verdict", VerdictName(e.verdict)}, {"message", e.message}});
  }
  json["general_standard"] = Json::array();
  for (const GeneralPointResult& g : report.general_standard) {
    json["general_standard"].push_back(
        {{"id", g.id}, {"verdict", VerdictName(g.verdict)}, {"covered_by", g.covered_by}});
  }
  json["requirements"] = Json::array();
  for (const RequirementResult& r : report.requirements) {
    Json requirement;
    requirement["id"] = r.id;
    requirement["title"] = r.title;
    requirement["verdict"] = VerdictName(r.verdict);
    requirement["level"] = r.level;
    requirement["level_label"] = r.level_label;
    requirement["pass"] = r.at_least < 0 ? Json("all") : Json({{"at_least", r.at_least}});
    requirement["criteria"] = Json::array();
    for (const CriterionResult& c : r.criteria) {
      Json criterion;
      criterion["id"] = c.id;
      criterion["kind"] = c.kind;
      criterion["verdict"] = VerdictName(c.verdict);
      if (c.value) PutQuantity(criterion, "value", *c.value);
      if (c.threshold) PutQuantity(criterion, "threshold", *c.threshold);
      if (!c.comparison.empty()) criterion["comparison"] = c.comparison;
      criterion["witnesses"] = c.witnesses;
      criterion["missing"] = c.missing;
      if (c.judgement) criterion["judgement"] = VerdictName(*c.judgement);
      if (!c.what_if.empty()) criterion["what_if"] = c.what_if;
      criterion["message"] = c.message;
      criterion["text"] = c.text;
      requirement["criteria"].push_back(std::move(criterion));
    }
    requirement["materials"] = Json::array();
    for (const MaterialResult& m : r.materials) {
      requirement["materials"].push_back(
          {{"id", m.id},
           {"provided", m.provided ? Json(*m.provided) : Json(nullptr)},
           {"title", m.title}});
    }
    json["requirements"].push_back(std::move(requirement));
  }
  Json coverage;
  coverage["uncovered_points"] = report.coverage.uncovered_points;
  coverage["unassessed_points"] = report.coverage.unassessed_points;
  coverage["courses_without_assessment"] = report.coverage.courses_without_assessment;
  coverage["orphan_courses"] = report.coverage.orphan_courses;
  coverage["gaps"] = Json::array();
  for (const CoverageGap& gap : report.coverage.gaps) {
    coverage["gaps"].push_back({{"kind", gap.kind}, {"id", gap.id}, {"path", gap.path}});
  }
  json["coverage"] = std::move(coverage);
  json["attainment"] = AttainmentJson(report.attainment);
  json["matrix"] = MatrixJson(report.matrix);
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zhuoyue
