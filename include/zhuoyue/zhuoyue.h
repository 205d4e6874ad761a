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

// zhuoyue.report/1 JSON.
std::string ReportToJson(const Report& report);
// A readable terminal summary; `color` adds ANSI colours.
std::string ReportToText(const Report& report, bool color);

}  // namespace zhuoyue

#endif  // ZHUOYUE_ZHUOYUE_H_
