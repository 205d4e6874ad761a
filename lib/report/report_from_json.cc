// zhuoyue.report/1 back into a Report: the inverse of RenderJson (json.cc) for every key it
// writes, so that a filed report can be compared with another (`zy diff`).
#include <cmath>
#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "report/diff.h"

namespace zhuoyue {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kFormat[] = "zhuoyue.report/1";

absl::Status Problem(const std::string& at, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(
      "not a valid ", kFormat, " report: ", at.empty() ? "/" : at, ": ", std::string(what)));
}

// JSON pointer escaping of one key.
std::string Child(const std::string& at, std::string_view key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return absl::StrCat(at, "/", escaped);
}
std::string Child(const std::string& at, size_t index) { return absl::StrCat(at, "/", index); }

// Lookups of an object's members. A member that is absent is left as it is unless
// `required`; a member of the wrong type is an error.
class Object {
 public:
  Object(const Json& json, std::string at) : json_(json), at_(std::move(at)) {}

  const Json* Find(std::string_view key) const {
    auto it = json_.find(std::string(key));
    return it == json_.end() ? nullptr : &*it;
  }
  std::string At(std::string_view key) const { return Child(at_, key); }

  absl::Status String(std::string_view key, std::string& out, bool required = false) const {
    const Json* member = Find(key);
    if (!member) return required ? Missing(key) : absl::OkStatus();
    if (!member->is_string()) return Problem(At(key), "expected a string");
    out = member->get<std::string>();
    return absl::OkStatus();
  }

  absl::Status Strings(std::string_view key, std::vector<std::string>& out) const {
    const Json* member = Find(key);
    if (!member) return absl::OkStatus();
    if (!member->is_array()) return Problem(At(key), "expected an array of strings");
    out.clear();
    for (size_t i = 0; i < member->size(); ++i) {
      if (!(*member)[i].is_string()) return Problem(Child(At(key), i), "expected a string");
      out.push_back((*member)[i].get<std::string>());
    }
    return absl::OkStatus();
  }

  absl::Status Verdict(std::string_view key, zhuoyue::Verdict& out, bool required) const {
    std::string text;
    ZY_RETURN_IF_ERROR(String(key, text, required));
    if (!Find(key)) return absl::OkStatus();
    if (text == "met") {
      out = Verdict::kMet;
    } else if (text == "not_met") {
      out = Verdict::kNotMet;
    } else if (text == "pending") {
      out = Verdict::kPending;
    } else {
      return Problem(At(key), absl::StrCat("expected met, not_met or pending, got \"", text, "\""));
    }
    return absl::OkStatus();
  }

  // A number or null (nullopt).
  absl::Status Number(std::string_view key, std::optional<double>& out) const {
    const Json* member = Find(key);
    if (!member || member->is_null()) {
      out.reset();
      return absl::OkStatus();
    }
    if (!member->is_number()) return Problem(At(key), "expected a number or null");
    out = member->get<double>();
    return absl::OkStatus();
  }

  absl::Status Double(std::string_view key, double& out) const {
    std::optional<double> value;
    ZY_RETURN_IF_ERROR(Number(key, value));
    if (value) out = *value;
    return absl::OkStatus();
  }

  absl::Status Int(std::string_view key, int& out) const {
    const Json* member = Find(key);
    if (!member) return absl::OkStatus();
    if (!member->is_number_integer()) return Problem(At(key), "expected an integer");
    out = member->get<int>();
    return absl::OkStatus();
  }

  // The exact text of a number member, as RenderJson wrote it ("" for null or absent).
  std::string NumberText(std::string_view key) const {
    const Json* member = Find(key);
    if (!member || !member->is_number()) return "";
    return member->dump();
  }

  // An array member whose elements are objects; calls `each(Object)`.
  template <typename Each>
  absl::Status Objects(std::string_view key, Each each, bool required = false) const {
    const Json* member = Find(key);
    if (!member) return required ? Missing(key) : absl::OkStatus();
    if (!member->is_array()) return Problem(At(key), "expected an array");
    for (size_t i = 0; i < member->size(); ++i) {
      const Json& element = (*member)[i];
      std::string at = Child(At(key), i);
      if (!element.is_object()) return Problem(at, "expected an object");
      ZY_RETURN_IF_ERROR(each(Object(element, at)));
    }
    return absl::OkStatus();
  }

  // An object member (nullopt when absent).
  absl::StatusOr<std::optional<Object>> Member(std::string_view key) const {
    const Json* member = Find(key);
    if (!member) return std::optional<Object>();
    if (!member->is_object()) return Problem(At(key), "expected an object");
    return std::optional<Object>(Object(*member, At(key)));
  }

  const Json& json() const { return json_; }

 private:
  absl::Status Missing(std::string_view key) const {
    return Problem(at_, absl::StrCat("no \"", std::string(key), "\""));
  }
  const Json& json_;
  std::string at_;
};

// `key` (a number, or null) and `key_range` ({min, max}) as PutQuantity wrote them; absent
// when the report has neither.
absl::Status ReadQuantity(const Object& object, const std::string& key,
                          std::optional<Quantity>& out) {
  const Json* value = object.Find(key);
  const Json* range = object.Find(key + "_range");
  if (!value && !range) return absl::OkStatus();
  Quantity q;
  std::optional<double> number;
  ZY_RETURN_IF_ERROR(object.Number(key, number));
  if (number) {
    q.value = *number;
    if (value->is_number_integer()) q.exact = value->dump();
  } else if (range) {
    if (!range->is_object()) return Problem(object.At(key + "_range"), "expected {min, max}");
    Object bounds(*range, object.At(key + "_range"));
    q.range = true;
    ZY_RETURN_IF_ERROR(bounds.Number("min", q.minimum));
    ZY_RETURN_IF_ERROR(bounds.Number("max", q.maximum));
    if (q.minimum && q.maximum) {
      q.value = (*q.minimum + *q.maximum) / 2;
    } else if (q.minimum || q.maximum) {
      q.value = q.minimum ? *q.minimum : *q.maximum;
    }
  } else {
    q.undefined = true;
  }
  out = q;
  return absl::OkStatus();
}

absl::Status ReadCriterion(const Object& c, CriterionResult& out) {
  ZY_RETURN_IF_ERROR(c.String("id", out.id, /*required=*/true));
  ZY_RETURN_IF_ERROR(c.String("kind", out.kind));
  ZY_RETURN_IF_ERROR(c.Verdict("verdict", out.verdict, /*required=*/true));
  ZY_RETURN_IF_ERROR(ReadQuantity(c, "value", out.value));
  ZY_RETURN_IF_ERROR(ReadQuantity(c, "threshold", out.threshold));
  ZY_RETURN_IF_ERROR(c.String("comparison", out.comparison));
  ZY_RETURN_IF_ERROR(c.Strings("witnesses", out.witnesses));
  ZY_RETURN_IF_ERROR(c.Strings("missing", out.missing));
  if (c.Find("judgement")) {
    Verdict judgement = Verdict::kPending;
    ZY_RETURN_IF_ERROR(c.Verdict("judgement", judgement, /*required=*/true));
    out.judgement = judgement;
  }
  ZY_RETURN_IF_ERROR(c.String("what_if", out.what_if));
  ZY_RETURN_IF_ERROR(c.String("message", out.message));
  ZY_RETURN_IF_ERROR(c.String("text", out.text));
  return absl::OkStatus();
}

absl::Status ReadRequirement(const Object& r, RequirementResult& out) {
  ZY_RETURN_IF_ERROR(r.String("id", out.id, /*required=*/true));
  ZY_RETURN_IF_ERROR(r.String("title", out.title));
  ZY_RETURN_IF_ERROR(r.Verdict("verdict", out.verdict, /*required=*/true));
  ZY_RETURN_IF_ERROR(r.String("level", out.level));
  ZY_RETURN_IF_ERROR(r.String("level_label", out.level_label));
  if (const Json* pass = r.Find("pass")) {
    if (pass->is_object() && pass->contains("at_least") &&
        (*pass)["at_least"].is_number_integer()) {
      out.at_least = (*pass)["at_least"].get<int>();
    } else if (!(pass->is_string() && *pass == "all")) {
      return Problem(r.At("pass"), "expected \"all\" or {\"at_least\": N}");
    }
  }
  ZY_RETURN_IF_ERROR(r.Objects("criteria", [&](const Object& c) {
    out.criteria.emplace_back();
    return ReadCriterion(c, out.criteria.back());
  }));
  ZY_RETURN_IF_ERROR(r.Objects("materials", [&](const Object& m) -> absl::Status {
    MaterialResult material;
    ZY_RETURN_IF_ERROR(m.String("id", material.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(m.String("title", material.title));
    if (const Json* provided = m.Find("provided"); provided && !provided->is_null()) {
      if (!provided->is_boolean()) return Problem(m.At("provided"), "expected true, false or null");
      material.provided = provided->get<bool>();
    }
    out.materials.push_back(std::move(material));
    return absl::OkStatus();
  }));
  return absl::OkStatus();
}

// The attainment key (docs/report.md, "Attainment").
absl::Status ReadAttainment(const Object& a, Attainment& out) {
  if (const Json* computed = a.Find("computed")) {
    if (!computed->is_boolean()) return Problem(a.At("computed"), "expected true or false");
    out.computed = computed->get<bool>();
  }
  // `method` is the formula in words; `settings` the method as data.
  ZY_RETURN_IF_ERROR(a.String("method", out.formula));
  ZY_ASSIGN_OR_RETURN(std::optional<Object> settings, a.Member("settings"));
  if (settings) {
    ZY_RETURN_IF_ERROR(settings->String("students", out.method.students));
    ZY_RETURN_IF_ERROR(settings->String("courses", out.method.courses));
    ZY_RETURN_IF_ERROR(settings->String("items", out.method.items));
    ZY_RETURN_IF_ERROR(settings->String("weights", out.method.weights));
    ZY_RETURN_IF_ERROR(settings->Double("threshold", out.method.threshold));
    ZY_RETURN_IF_ERROR(settings->Double("good", out.method.good));
  }
  ZY_RETURN_IF_ERROR(a.Objects("points", [&](const Object& p) -> absl::Status {
    PointAttainment point;
    ZY_RETURN_IF_ERROR(p.String("id", point.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(p.String("item", point.item));
    ZY_RETURN_IF_ERROR(p.Number("value", point.value));
    ZY_RETURN_IF_ERROR(p.String("exact", point.exact));
    ZY_RETURN_IF_ERROR(p.Int("courses", point.courses));
    ZY_RETURN_IF_ERROR(p.Int("students", point.students));
    ZY_RETURN_IF_ERROR(p.Number("share_at_threshold", point.share_at_threshold));
    ZY_RETURN_IF_ERROR(p.Int("students_at_threshold", point.students_at_threshold));
    ZY_RETURN_IF_ERROR(p.String("level", point.level));
    out.points.push_back(std::move(point));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(a.Objects("items", [&](const Object& i) -> absl::Status {
    ItemAttainment item;
    ZY_RETURN_IF_ERROR(i.String("id", item.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(i.Number("value", item.value));
    ZY_RETURN_IF_ERROR(i.String("exact", item.exact));
    ZY_RETURN_IF_ERROR(i.Int("points", item.points));
    ZY_RETURN_IF_ERROR(i.String("level", item.level));
    out.items.push_back(std::move(item));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(a.Objects("course_points", [&](const Object& c) -> absl::Status {
    CourseAttainment pair;
    ZY_RETURN_IF_ERROR(c.String("course", pair.course, /*required=*/true));
    ZY_RETURN_IF_ERROR(c.String("point", pair.point, /*required=*/true));
    ZY_RETURN_IF_ERROR(c.Number("value", pair.value));
    ZY_RETURN_IF_ERROR(c.String("exact", pair.exact));
    ZY_RETURN_IF_ERROR(c.Double("weight", pair.weight));
    ZY_RETURN_IF_ERROR(c.Strings("assessments", pair.assessments));
    ZY_RETURN_IF_ERROR(c.Int("students", pair.students));
    ZY_RETURN_IF_ERROR(c.Int("scores", pair.scores));
    out.course_points.push_back(std::move(pair));
    return absl::OkStatus();
  }));
  return absl::OkStatus();
}

// H/M/L weigh 3/2/1; a number weighs itself.
double WeightValue(const std::string& weight) {
  if (weight == "H") return 3;
  if (weight == "M") return 2;
  if (weight == "L") return 1;
  double value = 0;
  return absl::SimpleAtod(weight, &value) ? value : 0;
}

// The matrix key (docs/report.md, "The realisation matrix"); cells name their point and
// course by id.
absl::Status ReadMatrix(const Object& m, RealisationMatrix& out) {
  absl::flat_hash_map<std::string, int> point_index, course_index;
  ZY_RETURN_IF_ERROR(m.Objects("points", [&](const Object& p) -> absl::Status {
    MatrixPoint point;
    ZY_RETURN_IF_ERROR(p.String("id", point.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(p.String("item", point.item));
    ZY_RETURN_IF_ERROR(p.String("text", point.text));
    point_index.emplace(point.id, static_cast<int>(out.points.size()));
    out.points.push_back(std::move(point));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(m.Objects("courses", [&](const Object& c) -> absl::Status {
    MatrixCourse course;
    ZY_RETURN_IF_ERROR(c.String("id", course.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(c.String("name", course.name));
    ZY_RETURN_IF_ERROR(c.String("kind", course.kind));
    if (const Json* core = c.Find("core"); core && !core->is_null()) {
      if (!core->is_boolean()) return Problem(c.At("core"), "expected true, false or null");
      course.core = core->get<bool>();
    }
    ZY_RETURN_IF_ERROR(c.String("semester", course.semester));
    ZY_RETURN_IF_ERROR(c.String("credits", course.credits));
    ZY_RETURN_IF_ERROR(c.String("venue", course.venue));
    ZY_RETURN_IF_ERROR(c.Strings("methods", course.methods));
    course_index.emplace(course.id, static_cast<int>(out.courses.size()));
    out.courses.push_back(std::move(course));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(m.Objects("cells", [&](const Object& c) -> absl::Status {
    std::string point, course;
    ZY_RETURN_IF_ERROR(c.String("point", point, /*required=*/true));
    ZY_RETURN_IF_ERROR(c.String("course", course, /*required=*/true));
    auto p = point_index.find(point);
    if (p == point_index.end()) return Problem(c.At("point"), "not a point of the matrix");
    auto k = course_index.find(course);
    if (k == course_index.end()) return Problem(c.At("course"), "not a course of the matrix");
    MatrixCell cell{.point = p->second, .course = k->second};
    ZY_RETURN_IF_ERROR(c.String("weight", cell.weight));
    cell.weight_value = WeightValue(cell.weight);
    ZY_RETURN_IF_ERROR(c.Strings("assessments", cell.assessments));
    out.cells.push_back(std::move(cell));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(m.Objects("items", [&](const Object& i) -> absl::Status {
    MatrixItem item;
    ZY_RETURN_IF_ERROR(i.String("id", item.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(i.String("text", item.text));
    ZY_RETURN_IF_ERROR(i.Strings("covers", item.covers));
    out.items.push_back(std::move(item));
    return absl::OkStatus();
  }));
  return absl::OkStatus();
}

absl::StatusOr<Report> Read(const Json& json) {
  if (!json.is_object()) return Problem("", "expected a JSON object");
  Object root(json, "");
  const Json* format = root.Find("format");
  if (!format || !format->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a report: no \"format\": \"", kFormat, "\" key"));
  }
  if (*format != kFormat) {
    return absl::InvalidArgumentError(absl::StrCat("not a report: its format is \"",
                                                   format->get<std::string>(), "\", expected \"",
                                                   kFormat, "\""));
  }
  Report report;
  ZY_RETURN_IF_ERROR(root.String("program", report.program, /*required=*/true));
  ZY_RETURN_IF_ERROR(root.String("program_name", report.program_name));
  ZY_ASSIGN_OR_RETURN(std::optional<Object> rules, root.Member("rules"));
  if (rules) {
    ZY_RETURN_IF_ERROR(rules->String("pack", report.pack));
    ZY_RETURN_IF_ERROR(rules->String("version", report.pack_version));
    ZY_ASSIGN_OR_RETURN(std::optional<Object> params, rules->Member("params"));
    if (params) {
      for (const auto& [name, value] : params->json().items()) {
        report.params.emplace_back(name, value.dump());
      }
    }
  }
  ZY_RETURN_IF_ERROR(root.String("overall", report.overall, /*required=*/true));
  ZY_RETURN_IF_ERROR(root.String("overall_label", report.overall_label));
  ZY_RETURN_IF_ERROR(root.Objects("eligibility", [&](const Object& e) -> absl::Status {
    EligibilityResult result;
    ZY_RETURN_IF_ERROR(e.String("id", result.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(e.Verdict("verdict", result.verdict, /*required=*/true));
    ZY_RETURN_IF_ERROR(e.String("message", result.message));
    report.eligibility.push_back(std::move(result));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(root.Objects("general_standard", [&](const Object& g) -> absl::Status {
    GeneralPointResult point;
    ZY_RETURN_IF_ERROR(g.String("id", point.id, /*required=*/true));
    ZY_RETURN_IF_ERROR(g.String("text", point.text));
    ZY_RETURN_IF_ERROR(g.Verdict("verdict", point.verdict, /*required=*/true));
    ZY_RETURN_IF_ERROR(g.Strings("covered_by", point.covered_by));
    report.general_standard.push_back(std::move(point));
    return absl::OkStatus();
  }));
  ZY_RETURN_IF_ERROR(root.Objects(
      "requirements",
      [&](const Object& r) {
        report.requirements.emplace_back();
        return ReadRequirement(r, report.requirements.back());
      },
      /*required=*/true));
  ZY_ASSIGN_OR_RETURN(std::optional<Object> coverage, root.Member("coverage"));
  if (coverage) {
    ZY_RETURN_IF_ERROR(coverage->Strings("uncovered_points", report.coverage.uncovered_points));
    ZY_RETURN_IF_ERROR(coverage->Strings("unassessed_points", report.coverage.unassessed_points));
    ZY_RETURN_IF_ERROR(coverage->Strings("courses_without_assessment",
                                         report.coverage.courses_without_assessment));
    ZY_RETURN_IF_ERROR(coverage->Strings("orphan_courses", report.coverage.orphan_courses));
    ZY_RETURN_IF_ERROR(coverage->Objects("gaps", [&](const Object& g) -> absl::Status {
      CoverageGap gap;
      ZY_RETURN_IF_ERROR(g.String("kind", gap.kind, /*required=*/true));
      ZY_RETURN_IF_ERROR(g.String("id", gap.id, /*required=*/true));
      ZY_RETURN_IF_ERROR(g.Strings("path", gap.path));
      report.coverage.gaps.push_back(std::move(gap));
      return absl::OkStatus();
    }));
  }
  ZY_ASSIGN_OR_RETURN(std::optional<Object> attainment, root.Member("attainment"));
  if (attainment) ZY_RETURN_IF_ERROR(ReadAttainment(*attainment, report.attainment));
  ZY_ASSIGN_OR_RETURN(std::optional<Object> matrix, root.Member("matrix"));
  if (matrix) ZY_RETURN_IF_ERROR(ReadMatrix(*matrix, report.matrix));
  return report;
}

}  // namespace

absl::StatusOr<Report> ParseReportJson(std::string_view text) {
  Json json;
  try {
    json = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a report: not valid JSON (syntax error at byte ", e.byte, ")"));
  }
  try {
    return Read(json);
  } catch (const std::exception& e) {  // a value out of range for its C++ type
    return absl::InvalidArgumentError(absl::StrCat("not a valid ", kFormat, " report: ", e.what()));
  }
}

std::string FormatOfJson(std::string_view text) {
  Json json = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return "";
  auto format = json.find("format");
  return format != json.end() && format->is_string() ? format->get<std::string>() : "";
}

}  // namespace zhuoyue
