/// @file zhuoyue.hpp
/// @brief The C++ API of zhuoyue (卓越): evaluates an engineering program against the
/// Excellent Engineer plan (卓越工程师教育培养计划) with rules written in a small declarative
/// language.
///
/// @code
///   std::vector<zhuoyue::Diagnostic> problems;
///   auto pack = zhuoyue::Pack::Builtin();                       // the plan's rules
///   auto dossier = zhuoyue::Dossier::FromFile(**pack, "program.json", &problems);
///   if (!dossier.ok()) { for (auto& d : problems) std::cerr << d.Format() << "\n"; }
///   auto report = zhuoyue::Evaluate(**pack, **dossier);
///   std::cout << zhuoyue::ReportToJson(*report);
/// @endcode
///
/// Errors: infrastructure failures and misuse come back as absl::Status; problems in the
/// user's rule text or dossier also fill a list of Diagnostics (code, location, message).
/// A criterion that cannot be decided is not an error: its verdict is `pending`.
/// No exception crosses this API: a function that can fail returns an absl::Status or
/// absl::StatusOr, and turns an unexpected exception inside the library into a failed status
/// (Internal). A function that returns a plain value (a renderer, DiffReports()) has no
/// failure to report; only memory exhaustion (std::bad_alloc) could escape it.
///
/// Ownership: a Pack and a Dossier come as `std::shared_ptr<const …>`, shared by the caller
/// and whatever else holds them; everything else (Report, strings, ReportDiff) is a value
/// the caller owns.
///
/// Thread safety: a Pack and a Dossier are immutable once built and safe to share across
/// threads; Evaluate is reentrant.
///
/// This API is source-stable, not binary-stable: rebuild C++ programs for a new release
/// (zhuoyue/zhuoyue.h is the binary contract).
#ifndef ZHUOYUE_ZHUOYUE_HPP_
#define ZHUOYUE_ZHUOYUE_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "zhuoyue/diagnostic.h"
#include "zhuoyue/export.h"
#include "zhuoyue/report.h"

/// The zhuoyue library's C++ API: rule packs, dossiers, evaluation, and the report and its
/// renderings.
namespace zhuoyue {

namespace internal {
struct PackImpl;
struct DossierImpl;
struct ApiAccess;
}  // namespace internal

class Pack;
class Dossier;

/// How an evaluation runs (Evaluate(), ExplainCriterion()).
struct EvaluateOptions {
  /// Parameter overrides, name → value as text ("0.3", "true", "\"x\"" or x for text).
  /// Each name must be a parameter of the pack (Pack::Params()); of two overrides of the
  /// same name, the later wins.
  std::vector<std::pair<std::string, std::string>> params;
  /// The most evaluation steps (expression nodes evaluated, over the whole pack) an
  /// evaluation may take before it stops with ResourceExhausted. The rule language has no
  /// loops, so every evaluation ends; this bounds how long a costly rule (iterations over
  /// tables nested in each other) may run on a large dossier. The default, 10^9, is about a
  /// minute on one core; the built-in pack takes about 10^4 steps per program.
  uint64_t max_steps = 1'000'000'000;
};

/// Evaluates `dossier` (loaded with `pack`) and returns the report. Fails with
/// InvalidArgument for an unknown parameter or a value of the wrong type.
///
/// A criterion that cannot be decided is not an error: its verdict is pending. Reentrant:
/// any number of threads may evaluate at once, sharing the pack and the dossier.
/// @param pack     the pack `dossier` was loaded with
/// @param dossier  the dossier to evaluate
/// @param options  parameter overrides; none by default
/// @return the report, a value the caller owns (it does not refer to `pack` or `dossier`);
///         or InvalidArgument for an unknown parameter (with a did-you-mean), a value of the
///         wrong type or one the parameter does not take, or a dossier loaded with another
///         pack; ResourceExhausted when the rules take more than `options.max_steps` steps
///         (the message names the rule); Internal for an internal failure. No exception is
///         thrown.
ZY_EXPORT absl::StatusOr<Report> Evaluate(const Pack& pack, const Dossier& dossier,
                                          const EvaluateOptions& options = {});

/// How a pack is checked.
struct PackOptions {
  /// Iterations over tables nested deeper than this in a criterion get a ZY1203 warning
  /// (the cost of evaluating it grows as rows^nesting).
  int max_nesting = 3;
};

/// One rule file: a name for messages and its UTF-8 text.
struct SourceText {
  std::string name;  ///< the file's name in diagnostics, e.g. "rules.zy"
  std::string text;  ///< its UTF-8 text
};

/// A compiled rule pack. Built once, shared by any number of evaluations.
///
/// Made only by the factories below, which return a `std::shared_ptr<const Pack>`: the
/// caller shares it, and keeps it as long as it loads or evaluates dossiers with it.
/// Immutable: any number of threads may use one pack at the same time.
class ZY_EXPORT Pack {
 public:
  /// The built-in pack (dsl/zhuoyue/*.zy), embedded in the library at build time. Its
  /// warnings (lints) go to `diagnostics` when given.
  /// @param diagnostics  receives the pack's warnings, appended; may be null
  /// @param options      how the pack is checked
  /// @return the pack, shared; fails as FromSources() — in practice only with Internal
  ///         (memory exhausted), as the built-in pack compiles. No exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Pack>> Builtin(
      std::vector<Diagnostic>* diagnostics = nullptr, const PackOptions& options = {});
  /// A pack from a directory (all its *.zy files, in name order) or a single .zy file.
  /// Problems in the rules go to `diagnostics` (may be null) and fail the status.
  ///
  /// `import "file"` resolves inside that directory (a single file's directory) and may not
  /// leave it; `import zhuoyue` is the built-in pack.
  /// @param path         the directory or the file
  /// @param diagnostics  receives every error and warning found, appended; may be null
  /// @param options      how the pack is checked
  /// @return the pack, shared; or NotFound when `path` cannot be opened or a directory holds
  ///         no .zy file, DataLoss when a file cannot be read, InvalidArgument when the rules
  ///         have errors (the message gives their count and the first; all are in
  ///         `diagnostics`), Internal for an internal failure. No exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Pack>> FromPath(const std::string& path,
                                                              std::vector<Diagnostic>* diagnostics,
                                                              const PackOptions& options = {});
  /// A pack from rule texts in memory, compiled together as the files of one pack. They can
  /// import only the built-in pack (`import zhuoyue`), not files.
  /// @param sources      the rule files: each a name for messages and its text
  /// @param diagnostics  receives every error and warning found, appended; may be null
  /// @param options      how the pack is checked
  /// @return the pack, shared; or InvalidArgument when the rules have errors (the message
  ///         gives their count and the first; all are in `diagnostics`), Internal for an
  ///         internal failure. No exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Pack>> FromSources(
      const std::vector<SourceText>& sources, std::vector<Diagnostic>* diagnostics,
      const PackOptions& options = {});

  /// The pack's name, as declared in its rules.
  /// @return a reference valid as long as this pack
  const std::string& name() const;
  /// The pack's version, as declared in its rules.
  /// @return a reference valid as long as this pack
  const std::string& version() const;
  /// Parameter names and their default values as JSON, in declaration order.
  /// @return (name, JSON value) pairs, e.g. ("industry_years_min", "5"); the caller's copy
  std::vector<std::pair<std::string, std::string>> Params() const;

  Pack(const Pack&) = delete;             ///< shared through std::shared_ptr, never copied
  Pack& operator=(const Pack&) = delete;  ///< never assigned either
  /// Destroys the pack when its last std::shared_ptr goes. Dossiers loaded with it stay
  /// valid (each keeps the schema it was checked against).
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

/// A program's dossier, loaded and checked against a pack's schema.
///
/// Made only by the factories below, which return a `std::shared_ptr<const Dossier>` the
/// caller shares. Immutable: any number of threads may use one dossier at the same time.
/// It is evaluated with the Pack it was loaded with, and only with that one.
class ZY_EXPORT Dossier {
 public:
  /// Reads zhuoyue.dossier/1 JSON. Every problem found goes to `diagnostics` (may be null),
  /// located by its JSON pointer; the status then fails and nothing is half-loaded.
  /// @param pack         the pack whose schema the dossier is checked against; evaluate the
  ///                     dossier with this pack
  /// @param json         the JSON text, UTF-8
  /// @param name         names the text in diagnostics (Diagnostic::file), e.g. its path
  /// @param diagnostics  receives every problem found, appended; may be null
  /// @return the dossier, shared; or InvalidArgument when it has errors (the message gives
  ///         their count and the first; all are in `diagnostics`), Internal for an internal
  ///         failure. No exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Dossier>> FromJson(
      const Pack& pack, std::string_view json, std::string_view name,
      std::vector<Diagnostic>* diagnostics);
  /// Reads the dossier at `path`: a zhuoyue.dossier/1 JSON file (FromJson() of its text,
  /// named `path`), or a folder holding a CSV bundle — one CSV file per table, named after
  /// it (`program.csv`, `courses.csv`, `supports.csv`, …; docs/dossier.md). A bundle is
  /// checked exactly as the JSON it was exported from, and its problems are located as
  /// `folder/file.csv:line:column`.
  /// @param pack         the pack whose schema the dossier is checked against
  /// @param path         the JSON file or the bundle's folder
  /// @param diagnostics  receives every problem found, appended; may be null
  /// @return the dossier, shared; or NotFound when `path` cannot be opened, DataLoss when it
  ///         cannot be read, InvalidArgument when the dossier has errors (all in
  ///         `diagnostics`), Internal for an internal failure. No exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Dossier>> FromFile(
      const Pack& pack, const std::string& path, std::vector<Diagnostic>* diagnostics);
  /// Reads program `program` from a SQLite database of many programs (docs/dossier.md,
  /// "SQLite": the tables of a CSV bundle, each with a `program` column, and `_tables`
  /// naming the tables each program has), checked like the same program as a CSV bundle.
  /// Problems are located as `db.sqlite:table:ROWID:COLUMN`.
  /// @param pack         the pack whose schema the dossier is checked against
  /// @param path         the database file
  /// @param program      the program's id
  /// @param diagnostics  receives every problem found, appended; may be null
  /// @return the dossier, shared; or InvalidArgument when it has errors or the database does
  ///         not hold `program` (all in `diagnostics`), Internal for an internal failure. No
  ///         exception is thrown.
  static absl::StatusOr<std::shared_ptr<const Dossier>> FromSqlite(
      const Pack& pack, const std::string& path, const std::string& program,
      std::vector<Diagnostic>* diagnostics);
  /// The ids of the programs a SQLite database of dossiers holds, in its order.
  /// @param path  the database file
  /// @return the ids; NotFound when the file cannot be opened, InvalidArgument when it is
  ///         not such a database. No exception is thrown.
  static absl::StatusOr<std::vector<std::string>> SqlitePrograms(const std::string& path);

  Dossier(const Dossier&) = delete;             ///< shared through std::shared_ptr, never copied
  Dossier& operator=(const Dossier&) = delete;  ///< never assigned either
  /// Destroys the dossier when its last std::shared_ptr goes. Reports made from it stay
  /// valid: a Report is a value.
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

/// zhuoyue.report/1 JSON (keys are the same in every language).
/// @param report  the report
/// @return the JSON, pretty-printed, with a final newline; ReportFromJson() reads it back
ZY_EXPORT std::string ReportToJson(const Report& report);
/// A readable terminal summary; `color` adds ANSI colours.
/// @param report    the report
/// @param color     whether to add ANSI colour escapes (for a terminal)
/// @param language  the language of the labels; texts from the pack stay verbatim
/// @return the summary, for a terminal
ZY_EXPORT std::string ReportToText(const Report& report, bool color,
                                   Language language = Language::kZh);
/// Markdown, readable on a Git forge.
/// @param report    the report
/// @param language  the language of the labels; texts from the pack stay verbatim
/// @return the Markdown document
ZY_EXPORT std::string ReportToMarkdown(const Report& report, Language language = Language::kZh);
/// One self-contained HTML file: no network, no external resource, no script.
/// @param report    the report
/// @param language  the language of the labels; texts from the pack stay verbatim
/// @return the HTML document
ZY_EXPORT std::string ReportToHtml(const Report& report, Language language = Language::kZh);
/// An XLSX workbook written to `path`: verdicts, criteria, the general standard, the
/// realisation matrix, attainment and coverage gaps as sheets. Fails with the path when it
/// cannot be written (a partly written file is removed).
///
/// The workbook is written to `path` + ".tmp" and renamed into place, so a reader never
/// sees half a workbook.
/// @param report    the report
/// @param path      the file to write; replaced whole
/// @param language  the language of the labels; texts from the pack stay verbatim
/// @return OK; or Internal, naming `path` and the reason, when it cannot be written — then
///         a file already at `path` is left as it was, and no temporary file remains. No
///         exception is thrown.
ZY_EXPORT absl::Status WriteReportXlsx(const Report& report, const std::string& path,
                                       Language language = Language::kZh);

/// The form of a document SupplementDraft() writes.
enum class DocumentFormat {
  kMarkdown,  ///< Markdown
  kHtml       ///< one self-contained HTML page
};
/// The draft of the supplementary report (附件3 卓越计划实施情况补充报告): its nine parts,
/// filled from `report` and the dossier it was evaluated from where the data can fill them,
/// with the outline's pointer text for the parts that need no supplement. `dossier` must be
/// the one `report` came from (InvalidArgument when it was loaded with another pack).
/// @param pack      the pack `dossier` was loaded with
/// @param dossier   the dossier `report` was evaluated from
/// @param report    the report of `dossier`
/// @param format    Markdown or HTML
/// @param language  the language of the outline and labels
/// @return the document, the caller's; or InvalidArgument when `dossier` was loaded with
///         another pack than `pack`; Internal for an internal failure. No exception is
///         thrown.
ZY_EXPORT absl::StatusOr<std::string> SupplementDraft(const Pack& pack, const Dossier& dossier,
                                                      const Report& report, DocumentFormat format,
                                                      Language language = Language::kZh);

// --- Change impact between two reports (`zy diff`) ---------------------------------------

/// Change impact between two reports (`zy diff`): what DiffReports() finds.
///
/// @code
///   auto old_report = zhuoyue::ReportFromJson(old_json);   // or Evaluate(…) of a dossier
///   auto diff = zhuoyue::DiffReports(*old_report, new_report);
///   std::cout << zhuoyue::DiffToText(diff);                 // "no change" when diff.empty()
/// @endcode
///
/// Entities are matched by id. An entry present in only one report has the other side absent
/// (nullopt, or an empty string for text). Each list holds only what changed; a list matched
/// by id has the entries of the new report in its order, then those only in the old one.
struct ZY_EXPORT ReportDiff {
  /// The program ids of the old and the new report.
  ///@{
  std::string old_program, new_program;
  ///@}
  /// The overall verdicts of the old and the new report: passed_and_met | … | pending.
  ///@{
  std::string old_overall, new_overall;
  ///@}
  /// A rule in force whose value changed: "pack", "version" or a parameter; values as JSON
  /// text.
  struct Setting {
    std::string name;  ///< "pack", "version" or the parameter's name
    /// The value in the old and in the new report, as JSON text (parameters are compared as
    /// JSON values: 0.5 and 0.50 are the same); empty: absent on that side.
    ///@{
    std::string old_value, new_value;
    ///@}
  };
  /// Rules in force: "pack", "version" and each parameter by name; values as JSON text.
  std::vector<Setting> rules;
  /// An eligibility rule, general point or requirement whose verdict or level changed.
  struct VerdictChange {
    std::string id;     ///< "accreditation", "G3", "5", …
    std::string title;  ///< a requirement's title; empty for the other kinds
    /// The verdict in the old and in the new report; nullopt: not in that report.
    ///@{
    std::optional<Verdict> old_verdict, new_verdict;
    ///@}
    /// The level in the old and in the new report (requirements only; else empty).
    ///@{
    std::string old_level, new_level;
    ///@}
  };
  std::vector<VerdictChange> eligibility;       ///< eligibility rules that changed
  std::vector<VerdictChange> general_standard;  ///< general points (G1…G11) that changed
  std::vector<VerdictChange> requirements;      ///< requirements whose verdict or level changed
  /// A criterion whose verdict, value, threshold or witnesses changed.
  struct CriterionChange {
    std::string requirement;  ///< the id of its requirement
    std::string id;           ///< "5.2"
    /// The verdict in the old and in the new report; nullopt: not in that report.
    ///@{
    std::optional<Verdict> old_verdict, new_verdict;
    ///@}
    /// The measured value in the old and in the new report; nullopt: none, or not in that
    /// report.
    ///@{
    std::optional<Quantity> old_value, new_value;
    ///@}
    /// The threshold in the old and in the new report; nullopt: none, or not in that report.
    ///@{
    std::optional<Quantity> old_threshold, new_threshold;
    ///@}
    std::string comparison;  ///< ">=", "<=", "all" … (the new report's, when it has one)
    std::vector<std::string> now_failing;        ///< witnesses only in the new report
    std::vector<std::string> no_longer_failing;  ///< witnesses only in the old report
    std::string new_message;                     ///< the new report's message; empty when not in it
    /// Whether the verdict changed (also when the criterion is in one report only).
    /// @return old_verdict != new_verdict
    bool verdict_changed() const { return old_verdict != new_verdict; }
  };
  std::vector<CriterionChange> criteria;  ///< criteria that changed, by requirement
  /// One coverage list (uncovered_points, unassessed_points, courses_without_assessment,
  /// orphan_courses), when it changed: the ids newly listed and those no longer listed.
  struct GapChange {
    std::string list;                 ///< the list's name, e.g. "uncovered_points"
    std::vector<std::string> opened;  ///< ids newly listed, in the new report's order
    std::vector<std::string> closed;  ///< ids no longer listed, in the old report's order
  };
  std::vector<GapChange> coverage;  ///< the coverage lists that changed, in the order above
  /// A standard point whose attainment value or level moved, or that is in one report only
  /// (`in_old`, `in_new`). A null value (nothing measured the point) is nullopt, never zero;
  /// `delta` = new − old when both are known.
  struct AttainmentMove {
    std::string point;  ///< the standard point's id
    /// Whether the point is in the old and in the new report.
    ///@{
    bool in_old = true, in_new = true;
    ///@}
    /// The attainment value in the old and in the new report, and new − old when both are
    /// known; nullopt: null (nothing measured it) or absent.
    ///@{
    std::optional<double> old_value, new_value, delta;
    ///@}
    /// The level in the old and in the new report: good | attained | not_attained | unknown;
    /// empty when absent.
    ///@{
    std::string old_level, new_level;
    ///@}
  };
  std::vector<AttainmentMove> attainment;  ///< standard points whose attainment moved

  /// Whether the overall verdict changed.
  /// @return old_overall != new_overall
  bool overall_changed() const { return old_overall != new_overall; }
  /// True when nothing changed: the same program and overall verdict, every list empty.
  /// @return whether the diff is empty (DiffToText() then says "no change")
  bool empty() const;
};

/// What changed from `old_report` to `new_report`.
/// @param old_report  the earlier report (e.g. a filed one read with ReportFromJson())
/// @param new_report  the later report
/// @return the changes, a value the caller owns (it does not refer to the reports)
ZY_EXPORT ReportDiff DiffReports(const Report& old_report, const Report& new_report);
/// The diff as text for the terminal ("no change" when empty) …
/// @param diff      the changes
/// @param language  the language of the labels: "无变化" (Chinese) or "no change" (English)
///                  when the diff is empty
/// @return the text, one section per kind of change, with a final newline
ZY_EXPORT std::string DiffToText(const ReportDiff& diff, Language language = Language::kZh);
/// … or as JSON ("format": "zhuoyue.diff/1").
/// @param diff  the changes
/// @return the JSON, pretty-printed, with a final newline
ZY_EXPORT std::string DiffToJson(const ReportDiff& diff);

/// Reads a report back from its JSON (zhuoyue.report/1, as ReportToJson writes it). Fails
/// with InvalidArgument naming the JSON pointer of the first problem, or the format found
/// when the text is not a report. Keys the reader does not know are ignored.
///
/// Keys other than format, program, overall and requirements may be absent (a report written
/// before `attainment` and `matrix` existed reads with them empty).
/// @param json  the JSON text
/// @return the report, a value the caller owns; or InvalidArgument (also for text that is
///         not JSON: the byte of the syntax error). No exception is thrown.
ZY_EXPORT absl::StatusOr<Report> ReportFromJson(std::string_view json);

/// The "format" of a JSON document ("zhuoyue.report/1", "zhuoyue.dossier/1", …): the string
/// value of its top-level "format" key; empty when there is none or the text is not JSON.
/// @param json  the text to look at
/// @return the format, or an empty string; never fails
ZY_EXPORT std::string JsonFormatOf(std::string_view json);

}  // namespace zhuoyue

#endif  // ZHUOYUE_ZHUOYUE_HPP_
