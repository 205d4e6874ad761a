// zhuoyue (卓越): evaluates an engineering program against the Excellent Engineer plan
// (卓越工程师教育培养计划) with rules written in a small declarative language.
//
//   std::vector<zhuoyue::Diagnostic> problems;
//   auto pack = zhuoyue::Pack::Builtin();                       // the plan's rules
//   auto dossier = zhuoyue::Dossier::FromFile(**pack, "program.json", &problems);
//   if (!dossier.ok()) { for (auto& d : problems) std::cerr << d.Format() << "\n"; }
//   auto report = zhuoyue::Evaluate(**pack, **dossier);
//   std::cout << zhuoyue::ReportToJson(*report);
//
// Errors: infrastructure failures and misuse come back as absl::Status; problems in the
// user's rule text or dossier also fill a list of Diagnostics (code, location, message).
// A criterion that cannot be decided is not an error: its verdict is `pending`.
// No exception crosses this API.
//
// Thread safety: a Pack and a Dossier are immutable once built and safe to share across
// threads; Evaluate is reentrant.
#ifndef ZHUOYUE_ZHUOYUE_H_
#define ZHUOYUE_ZHUOYUE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

namespace internal {
struct PackImpl;
struct DossierImpl;
struct ApiAccess;
}  // namespace internal

class Pack;
class Dossier;

struct EvaluateOptions {
  // Parameter overrides, name → value as text ("0.3", "true", "\"x\"" or x for text).
  std::vector<std::pair<std::string, std::string>> params;
};

// Evaluates `dossier` (loaded with `pack`) and returns the report. Fails with
// InvalidArgument for an unknown parameter or a value of the wrong type.
absl::StatusOr<Report> Evaluate(const Pack& pack, const Dossier& dossier,
                                const EvaluateOptions& options = {});

// How a pack is checked.
struct PackOptions {
  // Iterations over tables nested deeper than this in a criterion get a ZY1203 warning
  // (the cost of evaluating it grows as rows^nesting).
  int max_nesting = 3;
};

// One rule file: a name for messages and its UTF-8 text.
struct SourceText {
  std::string name;
  std::string text;
};

// A compiled rule pack. Built once, shared by any number of evaluations.
class Pack {
 public:
  // The built-in pack (dsl/zhuoyue/*.zy), embedded in the library at build time. Its
  // warnings (lints) go to `diagnostics` when given.
  static absl::StatusOr<std::shared_ptr<const Pack>> Builtin(
      std::vector<Diagnostic>* diagnostics = nullptr, const PackOptions& options = {});
  // A pack from a directory (all its *.zy files, in name order) or a single .zy file.
  // Problems in the rules go to `diagnostics` (may be null) and fail the status.
  static absl::StatusOr<std::shared_ptr<const Pack>> FromPath(const std::string& path,
                                                              std::vector<Diagnostic>* diagnostics,
                                                              const PackOptions& options = {});
  static absl::StatusOr<std::shared_ptr<const Pack>> FromSources(
      const std::vector<SourceText>& sources, std::vector<Diagnostic>* diagnostics,
      const PackOptions& options = {});

  const std::string& name() const;
  const std::string& version() const;
  // Parameter names and their default values as JSON, in declaration order.
  std::vector<std::pair<std::string, std::string>> Params() const;

  Pack(const Pack&) = delete;  // shared through std::shared_ptr, never copied
  Pack& operator=(const Pack&) = delete;
  ~Pack();

 private:
  friend class Dossier;
  friend struct internal::ApiAccess;
  friend absl::StatusOr<Report> Evaluate(const Pack&, const Dossier&, const EvaluateOptions&);
  explicit Pack(std::shared_ptr<const internal::PackImpl> impl);
  // Sources plus the folder their `import "file"`s resolve in (none: text only).
  static absl::StatusOr<std::shared_ptr<const Pack>> Compile(
      const std::vector<SourceText>& sources, const std::optional<std::string>& directory,
      std::vector<Diagnostic>* diagnostics, const PackOptions& options);
  std::shared_ptr<const internal::PackImpl> impl_;
};

// A program's dossier, loaded and checked against a pack's schema.
class Dossier {
 public:
  // Reads zhuoyue.dossier/1 JSON. Every problem found goes to `diagnostics` (may be null),
  // located by its JSON pointer; the status then fails and nothing is half-loaded.
  static absl::StatusOr<std::shared_ptr<const Dossier>> FromJson(
      const Pack& pack, std::string_view json, std::string_view name,
      std::vector<Diagnostic>* diagnostics);
  static absl::StatusOr<std::shared_ptr<const Dossier>> FromFile(
      const Pack& pack, const std::string& path, std::vector<Diagnostic>* diagnostics);

  Dossier(const Dossier&) = delete;
  Dossier& operator=(const Dossier&) = delete;
  ~Dossier();

 private:
  friend struct internal::ApiAccess;
  friend absl::StatusOr<Report> Evaluate(const Pack&, const Dossier&, const EvaluateOptions&);
  explicit Dossier(std::unique_ptr<internal::DossierImpl> impl);
  std::unique_ptr<internal::DossierImpl> impl_;
};

// --- Rendering a report ------------------------------------------------------------------
//
// Every form renders the one Report. Labels speak `language` — Chinese by default, the
// language the office files in; texts from the pack (criteria, titles) stay verbatim.

// zhuoyue.report/1 JSON (keys are the same in every language).
std::string ReportToJson(const Report& report);
// A readable terminal summary; `color` adds ANSI colours.
std::string ReportToText(const Report& report, bool color, Language language = Language::kZh);
// Markdown, readable on a Git forge.
std::string ReportToMarkdown(const Report& report, Language language = Language::kZh);
// One self-contained HTML file: no network, no external resource, no script.
std::string ReportToHtml(const Report& report, Language language = Language::kZh);
// An XLSX workbook written to `path`: verdicts, criteria, the general standard, the
// realisation matrix, attainment and coverage gaps as sheets. Fails with the path when it
// cannot be written (a partly written file is removed).
absl::Status WriteReportXlsx(const Report& report, const std::string& path,
                             Language language = Language::kZh);

// The draft of the supplementary report (附件3 卓越计划实施情况补充报告): its nine parts,
// filled from `report` and the dossier it was evaluated from where the data can fill them,
// with the outline's pointer text for the parts that need no supplement. `dossier` must be
// the one `report` came from (InvalidArgument when it was loaded with another pack).
enum class DocumentFormat { kMarkdown, kHtml };
absl::StatusOr<std::string> SupplementDraft(const Pack& pack, const Dossier& dossier,
                                            const Report& report, DocumentFormat format,
                                            Language language = Language::kZh);

// --- Change impact between two reports (`zy diff`) ---------------------------------------
//
//   auto old_report = zhuoyue::ReportFromJson(old_json);   // or Evaluate(…) of a dossier
//   auto diff = zhuoyue::DiffReports(*old_report, new_report);
//   std::cout << zhuoyue::DiffToText(diff);                 // "no change" when diff.empty()
//
// Entities are matched by id. An entry present in only one report has the other side absent
// (nullopt, or an empty string for text).
struct ReportDiff {
  std::string old_program, new_program;
  std::string old_overall, new_overall;  // passed_and_met | … | pending
  // Rules in force: "pack", "version" and each parameter by name; values as JSON text.
  struct Setting {
    std::string name;
    std::string old_value, new_value;  // empty: absent on that side
  };
  std::vector<Setting> rules;
  // An eligibility rule, general point or requirement whose verdict or level changed.
  struct VerdictChange {
    std::string id;
    std::string title;  // a requirement's title
    std::optional<Verdict> old_verdict, new_verdict;
    std::string old_level, new_level;  // requirements only
  };
  std::vector<VerdictChange> eligibility;
  std::vector<VerdictChange> general_standard;
  std::vector<VerdictChange> requirements;
  // A criterion whose verdict, value, threshold or witnesses changed.
  struct CriterionChange {
    std::string requirement;
    std::string id;
    std::optional<Verdict> old_verdict, new_verdict;  // nullopt: not in that report
    std::optional<Quantity> old_value, new_value;
    std::optional<Quantity> old_threshold, new_threshold;
    std::string comparison;
    std::vector<std::string> now_failing;        // witnesses only in the new report
    std::vector<std::string> no_longer_failing;  // witnesses only in the old report
    std::string new_message;
    bool verdict_changed() const { return old_verdict != new_verdict; }
  };
  std::vector<CriterionChange> criteria;
  // One coverage list (uncovered_points, unassessed_points, courses_without_assessment,
  // orphan_courses), when it changed: the ids newly listed and those no longer listed.
  struct GapChange {
    std::string list;
    std::vector<std::string> opened;
    std::vector<std::string> closed;
  };
  std::vector<GapChange> coverage;
  // A standard point whose attainment value or level moved, or that is in one report only
  // (`in_old`, `in_new`). A null value (nothing measured the point) is nullopt, never zero;
  // `delta` = new − old when both are known.
  struct AttainmentMove {
    std::string point;
    bool in_old = true, in_new = true;
    std::optional<double> old_value, new_value, delta;
    std::string old_level, new_level;
  };
  std::vector<AttainmentMove> attainment;

  bool overall_changed() const { return old_overall != new_overall; }
  // True when nothing above changed.
  bool empty() const;
};

// What changed from `old_report` to `new_report`.
ReportDiff DiffReports(const Report& old_report, const Report& new_report);
// The diff as text for the terminal ("no change" when empty) …
std::string DiffToText(const ReportDiff& diff, Language language = Language::kZh);
// … or as JSON ("format": "zhuoyue.diff/1").
std::string DiffToJson(const ReportDiff& diff);

// Reads a report back from its JSON (zhuoyue.report/1, as ReportToJson writes it). Fails
// with InvalidArgument naming the JSON pointer of the first problem, or the format found
// when the text is not a report. Keys the reader does not know are ignored.
absl::StatusOr<Report> ReportFromJson(std::string_view json);

// The "format" of a JSON document ("zhuoyue.report/1", "zhuoyue.dossier/1", …): the string
// value of its top-level "format" key; empty when there is none or the text is not JSON.
std::string JsonFormatOf(std::string_view json);

}  // namespace zhuoyue

#endif  // ZHUOYUE_ZHUOYUE_H_
