// _zhuoyue: the C++ API (zhuoyue.hpp) for Python. The private half of the `zhuoyue` package,
// whose __init__.py adds the conveniences (loading from a path, JSON text or a dict, Python
// parameter values) and defines the types this module raises and returns: Verdict and the
// exceptions. The report and its parts are the C++ structs themselves, read-only.
//
// Compiling, loading, evaluating and rendering run without the GIL: a Pack, a Dossier and a
// Report are immutable, so threads share them freely.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"

namespace py = pybind11;

namespace {

// The Python types defined by the package before it imports this module. Fetched once at
// import and never released: they live as long as the process.
struct PackageTypes {
  py::handle verdict[3];  // Verdict.MET, .NOT_MET, .PENDING, in zhuoyue::Verdict's order
  py::handle error, rule_error, dossier_error, not_found_error;
};
PackageTypes types;

}  // namespace

// zhuoyue::Verdict is the package's Verdict enum in Python.
namespace pybind11::detail {
template <>
struct type_caster<zhuoyue::Verdict> {
  PYBIND11_TYPE_CASTER(zhuoyue::Verdict, const_name("Verdict"));
  bool load(handle, bool) { return false; }  // Python never passes a verdict in
  static handle cast(zhuoyue::Verdict verdict, return_value_policy, handle) {
    return types.verdict[static_cast<int>(verdict)].inc_ref();
  }
};
}  // namespace pybind11::detail

namespace {

using zhuoyue::Diagnostic;
using zhuoyue::Report;

// What a failed call was about, which decides the Python exception (see Translate).
enum class Input { kRules, kDossier, kArguments, kOutput };

// A failed status on its way out of a function that runs without the GIL: thrown there,
// turned into a Python exception by Translate once the GIL is back.
struct Failure : std::exception {
  absl::Status status;
  Input input;
  std::vector<Diagnostic> diagnostics;
  std::string path;  // the file a NotFound status is about

  Failure(absl::Status s, Input i, std::vector<Diagnostic> d = {}, std::string p = {})
      : status(std::move(s)), input(i), diagnostics(std::move(d)), path(std::move(p)) {}
  const char* what() const noexcept override { return "zhuoyue failure"; }
};

// A missing file is NotFoundError (a FileNotFoundError); problems in rules or a dossier are
// RuleError or DossierError with their diagnostics; a bad argument (an unknown parameter, a
// value it does not take) is ValueError; a report that cannot be written is OSError; the
// rest is Error.
void Translate(std::exception_ptr exception) {
  try {
    std::rethrow_exception(exception);
  } catch (const Failure& failure) {
    std::string message(failure.status.message());
    py::object raised;
    if (absl::IsNotFound(failure.status)) {
      raised = types.not_found_error(message, failure.path);
    } else if (absl::IsInvalidArgument(failure.status) && failure.input == Input::kArguments) {
      PyErr_SetString(PyExc_ValueError, message.c_str());
      return;
    } else if (failure.input == Input::kOutput) {
      PyErr_SetString(PyExc_OSError, message.c_str());
      return;
    } else {
      py::handle type = types.error;
      if (absl::IsInvalidArgument(failure.status)) {
        type = failure.input == Input::kRules ? types.rule_error : types.dossier_error;
      }
      raised = type(message, failure.diagnostics);
    }
    PyErr_SetObject(raised.get_type().ptr(), raised.ptr());
  }
}

template <typename T>
T ValueOr(absl::StatusOr<T> result, Input input) {
  if (!result.ok()) throw Failure(result.status(), input);
  return *std::move(result);
}

zhuoyue::Language LanguageOf(const std::string& lang) {
  if (lang == "zh") return zhuoyue::Language::kZh;
  if (lang == "en") return zhuoyue::Language::kEn;
  throw py::value_error("lang must be \"zh\" or \"en\", not \"" + lang + "\"");
}

// The C++ objects behind the package's Pack and Dossier.
struct PackHandle {
  std::shared_ptr<const zhuoyue::Pack> pack;
  std::vector<Diagnostic> warnings;
};

struct DossierHandle {
  std::shared_ptr<const zhuoyue::Dossier> dossier;
};

// Runs `compile`, which reports problems in the rules to the diagnostics it is given; keeps
// the warnings of a pack that compiled.
template <typename Compile>
PackHandle CompilePack(Compile compile, const std::string& path = {}) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::shared_ptr<const zhuoyue::Pack>> pack = compile(&diagnostics);
  if (!pack.ok()) throw Failure(pack.status(), Input::kRules, std::move(diagnostics), path);
  return {*std::move(pack), std::move(diagnostics)};
}

// Runs `load`, which reports problems in the dossier to the diagnostics it is given.
template <typename Load>
DossierHandle LoadDossier(Load load, const std::string& path = {}) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::shared_ptr<const zhuoyue::Dossier>> dossier = load(&diagnostics);
  if (!dossier.ok()) throw Failure(dossier.status(), Input::kDossier, std::move(diagnostics), path);
  return {*std::move(dossier)};
}

// A criterion's value or threshold: a float, or None when absent, undefined or known only
// within a range (as in the report's JSON).
std::optional<double> NumberOf(const std::optional<zhuoyue::Quantity>& q) {
  if (!q || q->undefined || q->range) return std::nullopt;
  return q->value;
}

std::optional<std::string> ExactOf(const std::optional<zhuoyue::Quantity>& q) {
  if (!q || q->exact.empty()) return std::nullopt;
  return q->exact;
}

std::optional<std::pair<std::optional<double>, std::optional<double>>> RangeOf(
    const std::optional<zhuoyue::Quantity>& q) {
  if (!q || !q->range) return std::nullopt;
  return std::make_pair(q->minimum, q->maximum);
}

std::optional<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// A matrix cell names its point and course by id, as in the JSON, not by index.
struct CellView {
  std::string point, course, weight;
  double weight_value;
  std::vector<std::string> assessments;
};

py::object JsonLoads(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

template <typename Item>
const Item& FindById(const std::vector<Item>& items, const std::string& id, const char* what) {
  for (const Item& item : items) {
    if (item.id == id) return item;
  }
  throw py::key_error(std::string("no ") + what + " " + id + " in the report");
}

void BindDiagnostic(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic",
                         "A problem in a rule file or a dossier: a stable code, a severity, a "
                         "location and a message. str() is the one-line form.")
      .def_readonly("code", &Diagnostic::code, "Stable code: \"ZY1001\" (rules), \"ZY2001\" …")
      .def_property_readonly(
          "severity",
          [](const Diagnostic& d) {
            return d.severity == zhuoyue::Severity::kError ? "error" : "warning";
          },
          "\"error\" or \"warning\".")
      .def_readonly("file", &Diagnostic::file, "The rule file or dossier, as it was named.")
      .def_property_readonly(
          "line", [](const Diagnostic& d) { return d.line ? std::optional(d.line) : std::nullopt; },
          "1-based line, or None when the location is a JSON pointer only.")
      .def_property_readonly(
          "column",
          [](const Diagnostic& d) { return d.line ? std::optional(d.column) : std::nullopt; },
          "1-based column in characters, or None with the line.")
      .def_property_readonly(
          "pointer", [](const Diagnostic& d) { return NonEmpty(d.pointer); },
          "JSON pointer into a dossier (\"/courses/3/kind\"), or None.")
      .def_readonly("message", &Diagnostic::message, "Lower-case, no trailing period.")
      .def_property_readonly(
          "help", [](const Diagnostic& d) { return NonEmpty(d.help); }, "A hint, or None.")
      .def_property_readonly(
          "source_line", [](const Diagnostic& d) { return NonEmpty(d.source_line); },
          "The text of the line, or None.")
      .def("render", &Diagnostic::Render, py::arg("color") = false,
           "Several lines for people: message and code, location, the source line with the "
           "span underlined, and the help. `color` adds ANSI colours.")
      .def("__str__", &Diagnostic::Format)
      .def("__repr__", [](const Diagnostic& d) { return "<Diagnostic " + d.Format() + ">"; });
}

void BindReportParts(py::module_& m) {
  using namespace zhuoyue;
  py::class_<EligibilityResult>(m, "Eligibility", "An eligibility rule (申请条件).")
      .def_readonly("id", &EligibilityResult::id)
      .def_readonly("verdict", &EligibilityResult::verdict)
      .def_readonly("message", &EligibilityResult::message);

  py::class_<GeneralPointResult>(m, "GeneralPoint", "A point of the general standard (G1…G11).")
      .def_readonly("id", &GeneralPointResult::id)
      .def_readonly("text", &GeneralPointResult::text)
      .def_readonly("verdict", &GeneralPointResult::verdict)
      .def_readonly("covered_by", &GeneralPointResult::covered_by,
                    "The school-standard items that cover it.");

  py::class_<CriterionResult>(m, "Criterion", "A criterion's verdict and its reason.")
      .def_readonly("id", &CriterionResult::id, "\"5.2\"")
      .def_readonly("kind", &CriterionResult::kind, "computed, judged or computed+judged")
      .def_readonly("text", &CriterionResult::text, "Verbatim from the standard.")
      .def_readonly("verdict", &CriterionResult::verdict)
      .def_property_readonly(
          "value", [](const CriterionResult& c) { return NumberOf(c.value); },
          "The measured value: a float, or None when there is none, it is undefined or only "
          "bounds are known (see value_range).")
      .def_property_readonly(
          "value_exact", [](const CriterionResult& c) { return ExactOf(c.value); },
          "The value as an exact rational (\"0.225\", \"1/3\"), or None.")
      .def_property_readonly(
          "value_range", [](const CriterionResult& c) { return RangeOf(c.value); },
          "(minimum, maximum) when unknown data leaves a range (None: unbounded), else None.")
      .def_property_readonly(
          "threshold", [](const CriterionResult& c) { return NumberOf(c.threshold); },
          "What the value is compared with: a float or None.")
      .def_property_readonly("threshold_exact",
                             [](const CriterionResult& c) { return ExactOf(c.threshold); })
      .def_property_readonly("threshold_range",
                             [](const CriterionResult& c) { return RangeOf(c.threshold); })
      .def_property_readonly(
          "comparison", [](const CriterionResult& c) { return NonEmpty(c.comparison); },
          "\">=\", \"<=\", \"all\" …, or None.")
      .def_readonly("witnesses", &CriterionResult::witnesses,
                    "Ids of the entities that break it, in dossier order.")
      .def_readonly("missing", &CriterionResult::missing, "The data whose absence left it pending.")
      .def_readonly("judgement", &CriterionResult::judgement,
                    "The expert's verdict when one is recorded, else None.")
      .def_property_readonly(
          "what_if", [](const CriterionResult& c) { return NonEmpty(c.what_if); },
          "For a failed threshold: the smallest change that would meet it, or None.")
      .def_readonly("message", &CriterionResult::message, "The reason in one line.")
      .def("__repr__", [](const CriterionResult& c) {
        return "<Criterion " + c.id + ": " + VerdictName(c.verdict) + ">";
      });

  py::class_<MaterialResult>(m, "Material", "A material the requirement asks for.")
      .def_readonly("id", &MaterialResult::id)
      .def_readonly("title", &MaterialResult::title)
      .def_readonly("provided", &MaterialResult::provided,
                    "True or False; None when the dossier has no materials table.");

  py::class_<RequirementResult>(m, "Requirement", "A special requirement (专门要求).")
      .def_readonly("id", &RequirementResult::id)
      .def_readonly("title", &RequirementResult::title)
      .def_readonly("verdict", &RequirementResult::verdict)
      .def_readonly("level", &RequirementResult::level, "not_met, met, distinction or pending")
      .def_readonly("level_label", &RequirementResult::level_label, "The standard's wording.")
      .def_property_readonly(
          "at_least",
          [](const RequirementResult& r) {
            return r.at_least < 0 ? std::nullopt : std::optional(r.at_least);
          },
          "How many criteria must be met; None when all must be.")
      .def_readonly("criteria", &RequirementResult::criteria)
      .def_readonly("materials", &RequirementResult::materials)
      .def("__repr__", [](const RequirementResult& r) {
        return "<Requirement " + r.id + ": " + VerdictName(r.verdict) + " (" + r.level + ")>";
      });

  py::class_<CoverageGap>(m, "CoverageGap", "A hole in the coverage chain, with its path.")
      .def_readonly("kind", &CoverageGap::kind)
      .def_readonly("id", &CoverageGap::id)
      .def_readonly("path", &CoverageGap::path);

  py::class_<Coverage>(m, "Coverage", "The gaps in general point → point → course → assessment.")
      .def_readonly("uncovered_points", &Coverage::uncovered_points)
      .def_readonly("unassessed_points", &Coverage::unassessed_points)
      .def_readonly("courses_without_assessment", &Coverage::courses_without_assessment)
      .def_readonly("orphan_courses", &Coverage::orphan_courses)
      .def_readonly("gaps", &Coverage::gaps);

  py::class_<AttainmentMethod>(m, "AttainmentSettings", "How attainment was computed.")
      .def_readonly("students", &AttainmentMethod::students)
      .def_readonly("courses", &AttainmentMethod::courses)
      .def_readonly("items", &AttainmentMethod::items)
      .def_readonly("weights", &AttainmentMethod::weights)
      .def_readonly("threshold", &AttainmentMethod::threshold)
      .def_readonly("good", &AttainmentMethod::good);

  py::class_<PointAttainment>(m, "PointAttainment",
                              "A standard point's attainment; value is None (never 0) when "
                              "nothing measured it.")
      .def_readonly("id", &PointAttainment::id)
      .def_readonly("item", &PointAttainment::item)
      .def_readonly("value", &PointAttainment::value)
      .def_readonly("exact", &PointAttainment::exact)
      .def_readonly("courses", &PointAttainment::courses)
      .def_readonly("students", &PointAttainment::students)
      .def_readonly("share_at_threshold", &PointAttainment::share_at_threshold)
      .def_readonly("students_at_threshold", &PointAttainment::students_at_threshold)
      .def_readonly("level", &PointAttainment::level, "good, attained, not_attained or unknown");

  py::class_<ItemAttainment>(m, "ItemAttainment", "A school-standard item's attainment.")
      .def_readonly("id", &ItemAttainment::id)
      .def_readonly("value", &ItemAttainment::value)
      .def_readonly("exact", &ItemAttainment::exact)
      .def_readonly("points", &ItemAttainment::points)
      .def_readonly("level", &ItemAttainment::level);

  py::class_<CourseAttainment>(m, "CourseAttainment", "One course's contribution to one point.")
      .def_readonly("course", &CourseAttainment::course)
      .def_readonly("point", &CourseAttainment::point)
      .def_readonly("value", &CourseAttainment::value)
      .def_readonly("exact", &CourseAttainment::exact)
      .def_readonly("weight", &CourseAttainment::weight)
      .def_readonly("assessments", &CourseAttainment::assessments)
      .def_readonly("students", &CourseAttainment::students)
      .def_readonly("scores", &CourseAttainment::scores);

  py::class_<Attainment>(m, "Attainment", "Attainment (达成度) per point and item.")
      .def_readonly("computed", &Attainment::computed,
                    "False when the dossier has no scores (every value is then None).")
      .def_readonly("settings", &Attainment::method)
      .def_readonly("formula", &Attainment::formula, "The method in words.")
      .def_readonly("points", &Attainment::points)
      .def_readonly("items", &Attainment::items)
      .def_readonly("course_points", &Attainment::course_points);

  py::class_<MatrixPoint>(m, "MatrixPoint")
      .def_readonly("id", &MatrixPoint::id)
      .def_readonly("item", &MatrixPoint::item)
      .def_readonly("text", &MatrixPoint::text);
  py::class_<MatrixCourse>(m, "MatrixCourse")
      .def_readonly("id", &MatrixCourse::id)
      .def_readonly("name", &MatrixCourse::name)
      .def_readonly("kind", &MatrixCourse::kind)
      .def_readonly("core", &MatrixCourse::core)
      .def_readonly("semester", &MatrixCourse::semester)
      .def_readonly("credits", &MatrixCourse::credits)
      .def_readonly("venue", &MatrixCourse::venue)
      .def_readonly("methods", &MatrixCourse::methods);
  py::class_<CellView>(m, "MatrixCell", "A course's support of a point.")
      .def_readonly("point", &CellView::point)
      .def_readonly("course", &CellView::course)
      .def_readonly("weight", &CellView::weight, "\"H\", \"M\", \"L\" or a number as written")
      .def_readonly("weight_value", &CellView::weight_value)
      .def_readonly("assessments", &CellView::assessments);
  py::class_<MatrixItem>(m, "MatrixItem")
      .def_readonly("id", &MatrixItem::id)
      .def_readonly("text", &MatrixItem::text)
      .def_readonly("covers", &MatrixItem::covers);
  py::class_<RealisationMatrix>(m, "Matrix", "The realisation matrix (学校标准实现矩阵).")
      .def_readonly("points", &RealisationMatrix::points)
      .def_readonly("courses", &RealisationMatrix::courses)
      .def_property_readonly(
          "cells",
          [](const RealisationMatrix& matrix) {
            std::vector<CellView> cells;
            for (const MatrixCell& c : matrix.cells) {
              cells.push_back({matrix.points[c.point].id, matrix.courses[c.course].id, c.weight,
                               c.weight_value, c.assessments});
            }
            return cells;
          })
      .def_readonly("items", &RealisationMatrix::items);
}

void BindReport(py::module_& m) {
  py::class_<Report>(m, "Report",
                     "An evaluation report (zhuoyue.report/1) as Python objects, and its "
                     "renderings. Immutable.")
      .def_static(
          "from_json",
          [](const std::string& json) {
            return ValueOr(zhuoyue::ReportFromJson(json), Input::kArguments);
          },
          py::arg("text"), py::call_guard<py::gil_scoped_release>(),
          "Reads a report back from its JSON; ValueError names the JSON pointer of the "
          "first problem.")
      .def_readonly("program", &Report::program, "The program's id.")
      .def_readonly("program_name", &Report::program_name)
      .def_readonly("pack", &Report::pack, "The name of the pack used.")
      .def_readonly("pack_version", &Report::pack_version)
      .def_property_readonly(
          "params",
          [](const Report& r) {
            py::dict params;
            for (const auto& [name, value] : r.params) params[py::str(name)] = JsonLoads(value);
            return params;
          },
          "Every parameter's value in force, name → value.")
      .def_readonly("overall", &Report::overall,
                    "passed_and_met, passed_not_met, not_passed or pending (评价结论)")
      .def_readonly("overall_label", &Report::overall_label, "The standard's wording.")
      .def_readonly("eligibility", &Report::eligibility)
      .def_readonly("general_standard", &Report::general_standard)
      .def_readonly("requirements", &Report::requirements)
      .def_readonly("coverage", &Report::coverage)
      .def_readonly("attainment", &Report::attainment)
      .def_readonly("matrix", &Report::matrix)
      .def(
          "requirement",
          [](const Report& r, const std::string& id) -> const zhuoyue::RequirementResult& {
            return FindById(r.requirements, id, "requirement");
          },
          py::arg("id"), py::return_value_policy::reference_internal,
          "The requirement with this id (\"5\"); KeyError when there is none.")
      .def(
          "criterion",
          [](const Report& r, const std::string& id) -> const zhuoyue::CriterionResult& {
            for (const zhuoyue::RequirementResult& requirement : r.requirements) {
              for (const zhuoyue::CriterionResult& criterion : requirement.criteria) {
                if (criterion.id == id) return criterion;
              }
            }
            throw py::key_error("no criterion " + id + " in the report");
          },
          py::arg("id"), py::return_value_policy::reference_internal,
          "The criterion with this id (\"5.2\"); KeyError when there is none.")
      .def("to_json", &zhuoyue::ReportToJson, py::call_guard<py::gil_scoped_release>(),
           "The report as zhuoyue.report/1 JSON text.")
      .def(
          "to_dict",
          [](const Report& r) {
            std::string json;
            {
              py::gil_scoped_release release;
              json = zhuoyue::ReportToJson(r);
            }
            return JsonLoads(json);
          },
          "The report as the zhuoyue.report/1 JSON, decoded.")
      .def(
          "to_text",
          [](const Report& r, const std::string& lang, bool color) {
            zhuoyue::Language language = LanguageOf(lang);
            py::gil_scoped_release release;
            return zhuoyue::ReportToText(r, color, language);
          },
          py::arg("lang") = "zh", py::arg("color") = false,
          "The terminal summary; lang is \"zh\" (default) or \"en\", color adds ANSI colours.")
      .def(
          "to_markdown",
          [](const Report& r, const std::string& lang) {
            zhuoyue::Language language = LanguageOf(lang);
            py::gil_scoped_release release;
            return zhuoyue::ReportToMarkdown(r, language);
          },
          py::arg("lang") = "zh", "The whole report in Markdown.")
      .def(
          "to_html",
          [](const Report& r, const std::string& lang) {
            zhuoyue::Language language = LanguageOf(lang);
            py::gil_scoped_release release;
            return zhuoyue::ReportToHtml(r, language);
          },
          py::arg("lang") = "zh", "One self-contained HTML page.")
      .def(
          "write_xlsx",
          [](const Report& r, const std::filesystem::path& path, const std::string& lang) {
            zhuoyue::Language language = LanguageOf(lang);
            py::gil_scoped_release release;
            absl::Status status = zhuoyue::WriteReportXlsx(r, path.string(), language);
            if (!status.ok()) throw Failure(status, Input::kOutput);
          },
          py::arg("path"), py::arg("lang") = "zh",
          "Writes an XLSX workbook to path, whole or not at all; OSError when it cannot.")
      .def("__repr__",
           [](const Report& r) { return "<Report " + r.program + ": " + r.overall + ">"; });
}

void BindPackAndDossier(py::module_& m) {
  py::class_<DossierHandle>(m, "Dossier", "A loaded dossier (see zhuoyue.Dossier).");

  py::class_<PackHandle>(m, "Pack", "A compiled pack (see zhuoyue.Pack).")
      .def_static(
          "builtin",
          [](int max_nesting) {
            return CompilePack([&](std::vector<Diagnostic>* diagnostics) {
              return zhuoyue::Pack::Builtin(diagnostics, {.max_nesting = max_nesting});
            });
          },
          py::arg("max_nesting"), py::call_guard<py::gil_scoped_release>())
      .def_static(
          "from_path",
          [](const std::filesystem::path& path, int max_nesting) {
            return CompilePack(
                [&](std::vector<Diagnostic>* diagnostics) {
                  return zhuoyue::Pack::FromPath(path.string(), diagnostics,
                                                 {.max_nesting = max_nesting});
                },
                path.string());
          },
          py::arg("path"), py::arg("max_nesting"), py::call_guard<py::gil_scoped_release>())
      .def_static(
          "from_sources",
          [](const std::vector<std::pair<std::string, std::string>>& files, int max_nesting) {
            std::vector<zhuoyue::SourceText> sources;
            for (const auto& [name, text] : files) sources.push_back({name, text});
            return CompilePack([&](std::vector<Diagnostic>* diagnostics) {
              return zhuoyue::Pack::FromSources(sources, diagnostics, {.max_nesting = max_nesting});
            });
          },
          py::arg("sources"), py::arg("max_nesting"), py::call_guard<py::gil_scoped_release>())
      .def_property_readonly("name", [](const PackHandle& p) { return p.pack->name(); })
      .def_property_readonly("version", [](const PackHandle& p) { return p.pack->version(); })
      .def_property_readonly("params", [](const PackHandle& p) { return p.pack->Params(); })
      .def_readonly("warnings", &PackHandle::warnings)
      .def(
          "load_file",
          [](const PackHandle& p, const std::filesystem::path& path) {
            return LoadDossier(
                [&](std::vector<Diagnostic>* diagnostics) {
                  return zhuoyue::Dossier::FromFile(*p.pack, path.string(), diagnostics);
                },
                path.string());
          },
          py::arg("path"), py::call_guard<py::gil_scoped_release>())
      .def(
          "load_json",
          [](const PackHandle& p, const std::string& json, const std::string& name) {
            return LoadDossier([&](std::vector<Diagnostic>* diagnostics) {
              return zhuoyue::Dossier::FromJson(*p.pack, json, name, diagnostics);
            });
          },
          py::arg("json"), py::arg("name"), py::call_guard<py::gil_scoped_release>())
      .def(
          "evaluate",
          [](const PackHandle& p, const DossierHandle& d,
             std::vector<std::pair<std::string, std::string>> params, uint64_t max_steps) {
            return ValueOr(zhuoyue::Evaluate(*p.pack, *d.dossier,
                                             {.params = std::move(params), .max_steps = max_steps}),
                           Input::kArguments);
          },
          py::arg("dossier"), py::arg("params"), py::arg("max_steps"),
          py::call_guard<py::gil_scoped_release>());
}

}  // namespace

PYBIND11_MODULE(_zhuoyue, m) {
  m.doc() = "The C++ API of zhuoyue; use the zhuoyue package, which wraps it.";
  m.attr("__version__") = ZHUOYUE_VERSION;

  // The package defines these before it imports this module.
  py::module_ package = py::module_::import("zhuoyue");
  auto keep = [](const py::object& owner, const char* name) {
    return py::object(owner.attr(name)).release();
  };
  py::object verdict = package.attr("Verdict");
  types.verdict[static_cast<int>(zhuoyue::Verdict::kMet)] = keep(verdict, "MET");
  types.verdict[static_cast<int>(zhuoyue::Verdict::kNotMet)] = keep(verdict, "NOT_MET");
  types.verdict[static_cast<int>(zhuoyue::Verdict::kPending)] = keep(verdict, "PENDING");
  types.error = keep(package, "Error");
  types.rule_error = keep(package, "RuleError");
  types.dossier_error = keep(package, "DossierError");
  types.not_found_error = keep(package, "NotFoundError");
  py::register_exception_translator(&Translate);

  BindDiagnostic(m);
  BindReportParts(m);
  BindReport(m);
  BindPackAndDossier(m);
}
