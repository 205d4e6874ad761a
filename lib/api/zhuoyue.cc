// The public C++ API: the pipeline's stages put together behind Pack, Dossier and Evaluate.
#include "zhuoyue/zhuoyue.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "api/api_access.h"
#include "api/builtin_pack.h"
#include "attain/attainment.h"
#include "base/codes.h"
#include "base/status_macros.h"
#include "check/check.h"
#include "eval/evaluate.h"
#include "graph/coverage.h"
#include "graph/matrix.h"
#include "load/csv_loader.h"
#include "load/json_loader.h"
#include "load/sqlite_loader.h"
#include "parse/parse.h"
#include "plan/plan.h"
#include "report/render.h"

namespace zhuoyue {
namespace internal {

struct PackImpl {
  std::unique_ptr<Plan> plan;
};

struct DossierImpl {
  std::shared_ptr<const PackImpl> pack;  // keeps the schema alive
  std::unique_ptr<DossierTables> tables;
};

}  // namespace internal

using internal::Guarded;

namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read ", path));
  return text.str();
}

// A failed status that carries the first problem, for callers that print only the status.
absl::Status Failure(const char* what, const std::vector<Diagnostic>& diagnostics) {
  size_t errors = std::count_if(diagnostics.begin(), diagnostics.end(),
                                [](const Diagnostic& d) { return d.severity == Severity::kError; });
  return absl::InvalidArgumentError(
      absl::StrCat(what, ": ", errors, " error", errors == 1 ? "" : "s",
                   diagnostics.empty() ? "" : absl::StrCat("; first: ", diagnostics[0].Format())));
}

// Parses an override for a parameter whose default is `current`.
absl::StatusOr<ir::Literal> ParseParam(const ParamDef& param, std::string_view text) {
  ir::Literal value = param.value;
  switch (param.value.kind) {
    case ir::Kind::kNumber: {
      std::optional<Number> number = Number::Parse(text);
      if (!number) {
        return absl::InvalidArgumentError(absl::StrCat(
            "parameter ", param.name, " takes a number, not `", std::string(text), "`"));
      }
      value.number = *number;
      return value;
    }
    case ir::Kind::kBool:
      if (text != "true" && text != "false") {
        return absl::InvalidArgumentError(absl::StrCat(
            "parameter ", param.name, " takes true or false, not `", std::string(text), "`"));
      }
      value.boolean = text == "true";
      return value;
    default:
      if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);
      }
      value.text = std::string(text);
      return value;
  }
}

std::vector<SourceText> BuiltinSources() {
  std::vector<SourceText> sources;
  for (const internal::PackFile& file : internal::BuiltinPackFiles()) {
    sources.push_back({absl::StrCat("<builtin>/", std::string(file.name)), std::string(file.text)});
  }
  return sources;
}

// Parses the pack's own files, then every file they import, each once: `import zhuoyue` is
// the built-in pack; `import "x.zy"` a file relative to the importing one, which must stay
// inside the pack's folder (no absolute paths, no `..`). A pack given as text (no folder)
// can import only the built-in pack.
std::vector<ParsedFile> ReadWithImports(const std::vector<SourceText>& sources,
                                        const std::optional<std::string>& directory,
                                        std::vector<Diagnostic>& found) {
  namespace fs = std::filesystem;
  std::vector<ParsedFile> files;
  absl::flat_hash_set<std::string> loaded;
  auto add = [&](const SourceText& source, bool imported) {
    files.push_back(Parse(std::make_shared<SourceFile>(source.name, source.text), found));
    files.back().imported = imported;
  };
  for (const SourceText& source : sources) {
    loaded.insert(directory ? fs::weakly_canonical(source.name).string() : source.name);
    add(source, false);
  }
  for (size_t f = 0; f < files.size(); ++f) {  // files grows as imports are read
    // Copied out first: adding files moves the vector.
    std::shared_ptr<const SourceFile> from = files[f].source;
    std::vector<std::pair<std::string, Span>> imports;
    for (const ast::Declaration& declaration : files[f].declarations) {
      if (const auto* import = boost::get<ast::Import>(&declaration.get())) {
        imports.emplace_back(import->target, files[f].SpanOf(*import));
      }
    }
    for (const auto& [target, span] : imports) {
      auto fail = [&, &span = span](std::string message, std::string help) {
        found.push_back(MakeDiagnostic(*from, span, codes::kImportNotFound, std::move(message),
                                       std::move(help)));
      };
      if (target == "zhuoyue") {
        if (loaded.insert("<builtin>").second) {
          for (const SourceText& source : BuiltinSources()) add(source, true);
        }
        continue;
      }
      if (target.empty() || target.front() != '"') {
        fail(absl::StrCat("no pack is called `", target, "`"),
             "import the built-in pack with `import zhuoyue`, a file with `import \"file.zy\"`");
        continue;
      }
      fs::path relative(target.substr(1, target.size() - 2));
      bool escapes =
          relative.is_absolute() || std::any_of(relative.begin(), relative.end(),
                                                [](const fs::path& part) { return part == ".."; });
      if (!directory || escapes) {
        fail(absl::StrCat("cannot import ", target),
             !directory ? "a pack given as text can import only `zhuoyue`"
                        : "imports stay inside the pack's folder: no absolute paths, no `..`");
        continue;
      }
      fs::path file = fs::path(from->name()).parent_path() / relative;
      std::string key = fs::weakly_canonical(file).string();
      if (!key.starts_with(fs::weakly_canonical(*directory).string())) {  // a link out
        fail(absl::StrCat("cannot import ", target),
             "imports stay inside the pack's folder: no absolute paths, no `..`");
        continue;
      }
      if (loaded.contains(key)) continue;
      absl::StatusOr<std::string> text = ReadFile(file.string());
      if (!text.ok()) {
        fail(absl::StrCat("cannot find ", target, " (looked for ", file.string(), ")"), "");
        continue;
      }
      loaded.insert(key);
      add({file.string(), *std::move(text)}, true);
    }
  }
  return files;
}

// A broken or hostile pack can have tens of thousands of errors: the first 100 are kept, in
// order, with the warnings among them, and one more diagnostic says how many were left out.
constexpr size_t kMaxRuleErrors = 100;

void KeepFirstErrors(std::vector<Diagnostic>& found) {
  size_t errors = 0, kept = 0;
  for (; kept < found.size(); ++kept) {
    if (found[kept].severity == Severity::kError && ++errors > kMaxRuleErrors) break;
  }
  if (kept == found.size()) return;
  const auto total = std::count_if(found.begin(), found.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  });
  Diagnostic last = found[kept];
  found.resize(kept);
  Diagnostic& stop = found.emplace_back();
  stop.code = std::string(codes::kTooManyRuleErrors);
  stop.severity = Severity::kError;
  stop.file = last.file;
  stop.line = last.line;
  stop.column = last.column;
  stop.source_line = last.source_line;
  stop.message = absl::StrCat("too many errors; stopped after ", kMaxRuleErrors, " (",
                              total - static_cast<long>(kMaxRuleErrors), " more not shown)");
}

// A rule file is text a person writes; anything larger is refused before it is read.
constexpr uintmax_t kMaxRuleFileBytes = 16 << 20;

}  // namespace

namespace internal {

const Plan& ApiAccess::PlanOf(const Pack& pack) { return *pack.impl_->plan; }
const DossierTables& ApiAccess::TablesOf(const Dossier& dossier) { return *dossier.impl_->tables; }
std::shared_ptr<const Dossier> ApiAccess::MakeDossier(const Pack& pack,
                                                      std::unique_ptr<DossierTables> tables) {
  auto impl = std::make_unique<DossierImpl>();
  impl->pack = pack.impl_;
  impl->tables = std::move(tables);
  return std::shared_ptr<const Dossier>(new Dossier(std::move(impl)));
}
bool ApiAccess::LoadedWith(const Dossier& dossier, const Pack& pack) {
  return dossier.impl_->pack == pack.impl_;
}

absl::StatusOr<std::vector<ir::Literal>> ResolveParams(const Plan& plan,
                                                       const EvaluateOptions& options) {
  std::vector<ir::Literal> params;
  for (const ParamDef& param : plan.pack->params) params.push_back(param.value);
  for (const auto& [name, text] : options.params) {
    int index = plan.pack->FindParam(name);
    if (index < 0) {
      std::vector<std::string> names;
      for (const ParamDef& param : plan.pack->params) names.push_back(param.name);
      std::string guess = DidYouMean(name, names);
      return absl::InvalidArgumentError(
          absl::StrCat("unknown parameter `", name, "`",
                       guess.empty() ? "" : absl::StrCat("; did you mean `", guess, "`?")));
    }
    ZY_ASSIGN_OR_RETURN(params[index], ParseParam(plan.pack->params[index], text));
  }
  ZY_RETURN_IF_ERROR(AttainmentSettingsFrom(*plan.pack, params).status());
  return params;
}

}  // namespace internal

Pack::Pack(std::shared_ptr<const internal::PackImpl> impl) : impl_(std::move(impl)) {}
Pack::~Pack() = default;

const std::string& Pack::name() const { return impl_->plan->pack->name; }
const std::string& Pack::version() const { return impl_->plan->pack->version; }

std::vector<std::pair<std::string, std::string>> Pack::Params() const {
  std::vector<std::pair<std::string, std::string>> params;
  for (const ParamDef& param : impl_->plan->pack->params) {
    params.emplace_back(param.name, param.value.ToJson());
  }
  return params;
}

absl::StatusOr<std::shared_ptr<const Pack>> Pack::FromSources(
    const std::vector<SourceText>& sources, std::vector<Diagnostic>* diagnostics,
    const PackOptions& options) {
  return Compile(sources, std::nullopt, diagnostics, options);
}

absl::StatusOr<std::shared_ptr<const Pack>> Pack::Compile(
    const std::vector<SourceText>& sources, const std::optional<std::string>& directory,
    std::vector<Diagnostic>* diagnostics, const PackOptions& options) {
  return Guarded("compiling the rules", [&]() -> absl::StatusOr<std::shared_ptr<const Pack>> {
    std::vector<Diagnostic> found;
    std::vector<ParsedFile> files = ReadWithImports(sources, directory, found);
    std::unique_ptr<Plan> plan;
    if (!HasErrors(found)) {
      if (std::unique_ptr<CheckedPack> checked =
              Check(files, found, {.max_nesting = options.max_nesting})) {
        plan = zhuoyue::Compile(std::move(checked), found);
      }
    }
    KeepFirstErrors(found);
    if (diagnostics) diagnostics->insert(diagnostics->end(), found.begin(), found.end());
    if (!plan) return Failure("the rules could not be compiled", found);
    auto impl = std::make_shared<internal::PackImpl>();
    impl->plan = std::move(plan);
    return std::shared_ptr<const Pack>(new Pack(std::move(impl)));
  });
}

absl::StatusOr<std::shared_ptr<const Pack>> Pack::Builtin(std::vector<Diagnostic>* diagnostics,
                                                          const PackOptions& options) {
  return FromSources(BuiltinSources(), diagnostics, options);
}

absl::StatusOr<std::shared_ptr<const Pack>> Pack::FromPath(const std::string& path,
                                                           std::vector<Diagnostic>* diagnostics,
                                                           const PackOptions& options) {
  std::error_code error;
  std::vector<std::string> paths;
  if (std::filesystem::is_directory(path, error)) {
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.path().extension() == ".zy") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) return absl::NotFoundError(absl::StrCat("no .zy files in ", path));
  } else {
    paths.push_back(path);
  }
  std::vector<SourceText> sources;
  for (const std::string& file : paths) {
    if (uintmax_t size = std::filesystem::file_size(file, error);
        !error && size > kMaxRuleFileBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          file, " is ", size, " bytes; a rule file may be at most ", kMaxRuleFileBytes, " bytes"));
    }
    ZY_ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    sources.push_back({file, std::move(text)});
  }
  // Imports resolve inside the pack's folder (the file's folder for a single file).
  std::filesystem::path root = std::filesystem::is_directory(path, error)
                                   ? std::filesystem::path(path)
                                   : std::filesystem::path(path).parent_path();
  return Compile(sources, root.empty() ? std::string(".") : root.string(), diagnostics, options);
}

Dossier::Dossier(std::unique_ptr<internal::DossierImpl> impl) : impl_(std::move(impl)) {}
Dossier::~Dossier() = default;

namespace {

// Runs `load` (schema, diagnostics -> tables or nullptr) for a dossier of `pack`.
template <typename Load>
absl::StatusOr<std::shared_ptr<const Dossier>> LoadDossier(const Pack& pack,
                                                           std::vector<Diagnostic>* diagnostics,
                                                           Load load) {
  return Guarded("loading the dossier", [&]() -> absl::StatusOr<std::shared_ptr<const Dossier>> {
    std::vector<Diagnostic> found;
    std::unique_ptr<DossierTables> tables =
        load(internal::ApiAccess::PlanOf(pack).pack->schema, found);
    if (diagnostics) diagnostics->insert(diagnostics->end(), found.begin(), found.end());
    if (!tables) return Failure("the dossier could not be read", found);
    return internal::ApiAccess::MakeDossier(pack, std::move(tables));
  });
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Dossier>> Dossier::FromJson(
    const Pack& pack, std::string_view json, std::string_view name,
    std::vector<Diagnostic>* diagnostics) {
  return LoadDossier(pack, diagnostics, [&](const Schema& schema, Diagnostics& found) {
    return LoadJsonDossier(json, name, schema, found);
  });
}

absl::StatusOr<std::shared_ptr<const Dossier>> Dossier::FromFile(
    const Pack& pack, const std::string& path, std::vector<Diagnostic>* diagnostics) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return LoadDossier(pack, diagnostics, [&](const Schema& schema, Diagnostics& found) {
      return LoadCsvBundle(path, schema, found);
    });
  }
  // Only a regular file is read (not a device, a pipe or a link to one, which could be
  // endless), and one over the size limit is refused before it is read into memory.
  if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " is not a regular file (a device, a pipe or a link to one)"));
  }
  if (uintmax_t size = std::filesystem::file_size(path, error);
      !error && size > LoadOptions{}.max_bytes) {
    return LoadDossier(pack, diagnostics, [&](const Schema&, Diagnostics& found) {
      ReportTooLarge(path, size, LoadOptions{}, found);
      return std::unique_ptr<DossierTables>();
    });
  }
  ZY_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return FromJson(pack, text, path, diagnostics);
}

absl::StatusOr<std::shared_ptr<const Dossier>> Dossier::FromSqlite(
    const Pack& pack, const std::string& path, const std::string& program,
    std::vector<Diagnostic>* diagnostics) {
  return LoadDossier(pack, diagnostics, [&](const Schema& schema, Diagnostics& found) {
    return LoadSqliteProgram(path, program, schema, found);
  });
}

absl::StatusOr<std::vector<std::string>> Dossier::SqlitePrograms(const std::string& path) {
  return Guarded("reading the database", [&] { return ListSqlitePrograms(path); });
}

absl::StatusOr<Report> Evaluate(const Pack& pack, const Dossier& dossier,
                                const EvaluateOptions& options) {
  return Guarded("evaluating", [&]() -> absl::StatusOr<Report> {
    if (dossier.impl_->pack != pack.impl_) {
      return absl::InvalidArgumentError("the dossier was loaded with another pack");
    }
    const Plan& plan = *pack.impl_->plan;
    ZY_ASSIGN_OR_RETURN(std::vector<ir::Literal> params, internal::ResolveParams(plan, options));
    Report report;
    try {
      report = Evaluate(plan, *dossier.impl_->tables, params, nullptr, options.max_steps);
    } catch (const StepLimitExceeded& exceeded) {
      return StepLimitStatus(exceeded);
    }
    AddCoverage(*plan.pack, *dossier.impl_->tables, report);
    report.matrix = BuildMatrix(plan.pack->schema, *dossier.impl_->tables);
    return report;
  });
}

std::string ReportToJson(const Report& report) { return RenderJson(report); }
std::string ReportToText(const Report& report, bool color, Language language) {
  return RenderText(report, color, language);
}

}  // namespace zhuoyue
