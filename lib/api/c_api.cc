// The C ABI (include/zhuoyue/zhuoyue.h) over the C++ API. Each handle holds the C++ object;
// each `int` function runs guarded (no exception leaves), resets this thread's error state
// first, and fills it on failure.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "zhuoyue/zhuoyue.h"
#include "zhuoyue/zhuoyue.hpp"

struct zy_pack {
  std::shared_ptr<const zhuoyue::Pack> pack;
};

struct zy_dossier {
  std::shared_ptr<const zhuoyue::Dossier> dossier;
};

// The report and, built once when it is made (so readers on many threads need no lock),
// the zy_item view of its verdicts with the pointer arrays the items refer to.
struct zy_report {
  zhuoyue::Report report;
  std::vector<zy_item> items[4];  // by zy_item_kind
  std::vector<std::vector<const char*>> lists;
};

namespace {

using zhuoyue::Diagnostic;

// The error state of one thread: what zy_error_last() and zy_diagnostic_at() read.
struct ThreadError {
  int code = ZY_OK;
  std::string message;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> texts;  // Format() of each diagnostic, for zy_diagnostic::text
  std::vector<zy_diagnostic> views;

  void Clear() {
    code = ZY_OK;
    message.clear();
    diagnostics.clear();
    texts.clear();
    views.clear();
  }
};

ThreadError& Error() {
  thread_local ThreadError error;
  return error;
}

// Publishes `diagnostics` (this call's warnings, or its errors) for zy_diagnostic_at().
void SetDiagnostics(std::vector<Diagnostic> diagnostics) {
  ThreadError& error = Error();
  error.diagnostics = std::move(diagnostics);
  error.texts.clear();
  error.views.clear();
  for (const Diagnostic& d : error.diagnostics) error.texts.push_back(d.Format());
  for (size_t i = 0; i < error.diagnostics.size(); ++i) {
    const Diagnostic& d = error.diagnostics[i];
    error.views.push_back(zy_diagnostic{
        d.code.c_str(),
        d.severity == zhuoyue::Severity::kError ? ZY_SEVERITY_ERROR : ZY_SEVERITY_WARNING,
        d.file.c_str(), d.line, d.column, d.pointer.c_str(), d.message.c_str(), d.help.c_str(),
        error.texts[i].c_str()});
  }
}

int Fail(int code, std::string message) {
  ThreadError& error = Error();
  error.code = code;
  error.message = std::move(message);
  for (size_t i = 0; i < error.diagnostics.size(); ++i) {
    if (error.diagnostics[i].severity == zhuoyue::Severity::kError) {
      absl::StrAppend(&error.message, "\n", error.texts[i]);
    }
  }
  return code;
}

// The C code of a failed status. `input_error` is the code for problems in the user's input
// (rules or dossier) when the status carries diagnostics.
int CodeOf(const absl::Status& status, int input_error) {
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kPermissionDenied:
      return ZY_EIO;
    case absl::StatusCode::kInvalidArgument:
      return zhuoyue::HasErrors(Error().diagnostics) ? input_error : ZY_EINVALID;
    default:
      return ZY_ERROR;
  }
}

int FailWith(const absl::Status& status, int input_error) {
  return Fail(CodeOf(status, input_error), std::string(status.message()));
}

// Runs the body of an `int` function: resets this thread's error state first and turns any
// exception into ZY_ERROR.
template <typename Body>
int Guard(Body body) {
  Error().Clear();
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(ZY_ERROR, "out of memory");
  } catch (const std::exception& e) {
    return Fail(ZY_ERROR, absl::StrCat("internal error: ", e.what()));
  } catch (...) {
    return Fail(ZY_ERROR, "internal error");
  }
}

// Guard for a function with a result: `*out` is NULL unless the body succeeds.
template <typename Out, typename Body>
int Run(Out** out, Body body) {
  return Guard([&]() -> int {
    if (out == nullptr) return Fail(ZY_EINVALID, "the out pointer is NULL");
    *out = nullptr;
    return body();
  });
}

int Missing(const char* what) { return Fail(ZY_EINVALID, absl::StrCat(what, " is NULL")); }

// Options: NULL means the defaults; a version this library does not know is misuse.
template <typename Options>
int CheckVersion(const Options* options, unsigned int current, const char* type) {
  if (options == nullptr || (options->version >= 1 && options->version <= current)) return ZY_OK;
  return Fail(ZY_EINVALID, absl::StrCat("unknown ", type, " version ", options->version));
}

// The body of zy_*_options_init: the defaults of `version`, when it is known.
template <typename Options>
int InitOptions(Options* options, unsigned int version, unsigned int current, const char* type,
                const Options& defaults) {
  Error().Clear();
  if (options == nullptr) return Missing("options");
  if (version < 1 || version > current) {
    return Fail(ZY_EINVALID, absl::StrCat("unknown ", type, " version ", version));
  }
  *options = defaults;
  options->version = version;
  return ZY_OK;
}

zhuoyue::PackOptions PackOptionsOf(const zy_pack_options* options) {
  zhuoyue::PackOptions result;
  if (options != nullptr) result.max_nesting = options->max_nesting;
  return result;
}

int PackResult(zy_pack** out, absl::StatusOr<std::shared_ptr<const zhuoyue::Pack>> pack,
               std::vector<Diagnostic> diagnostics) {
  SetDiagnostics(std::move(diagnostics));
  if (!pack.ok()) return FailWith(pack.status(), ZY_ERULES);
  *out = new zy_pack{*std::move(pack)};
  return ZY_OK;
}

int DossierResult(zy_dossier** out, absl::StatusOr<std::shared_ptr<const zhuoyue::Dossier>> dossier,
                  std::vector<Diagnostic> diagnostics) {
  SetDiagnostics(std::move(diagnostics));
  if (!dossier.ok()) return FailWith(dossier.status(), ZY_EDOSSIER);
  *out = new zy_dossier{*std::move(dossier)};
  return ZY_OK;
}

zy_verdict VerdictOf(zhuoyue::Verdict verdict) {
  switch (verdict) {
    case zhuoyue::Verdict::kMet:
      return ZY_MET;
    case zhuoyue::Verdict::kNotMet:
      return ZY_NOT_MET;
    case zhuoyue::Verdict::kPending:
      break;
  }
  return ZY_PENDING;
}

// A blank item: every string "", nothing measured, no lists.
zy_item BlankItem(zy_item_kind kind, const std::string& id, zhuoyue::Verdict verdict) {
  static const char* const kNone[] = {nullptr};
  return zy_item{kind, id.c_str(), "", "",   VerdictOf(verdict), "", "", 0, 0, 0, 0, "",
                 0,    kNone,      0,  kNone};
}

const char* const* ListOf(zy_report& owner, const std::vector<std::string>& strings) {
  std::vector<const char*>& list = owner.lists.emplace_back();
  for (const std::string& s : strings) list.push_back(s.c_str());
  list.push_back(nullptr);  // NULL-terminated as well as counted
  return list.data();
}

std::unique_ptr<zy_report> MakeReport(zhuoyue::Report report) {
  auto owner = std::make_unique<zy_report>();
  owner->report = std::move(report);
  const zhuoyue::Report& r = owner->report;
  for (const auto& e : r.eligibility) {
    zy_item item = BlankItem(ZY_ITEM_ELIGIBILITY, e.id, e.verdict);
    item.message = e.message.c_str();
    owner->items[ZY_ITEM_ELIGIBILITY].push_back(item);
  }
  for (const auto& g : r.general_standard) {
    zy_item item = BlankItem(ZY_ITEM_GENERAL_POINT, g.id, g.verdict);
    item.title = g.text.c_str();
    owner->items[ZY_ITEM_GENERAL_POINT].push_back(item);
  }
  // Sized up front: items point into `lists`, whose inner vectors must not move.
  size_t lists = 0;
  for (const auto& requirement : r.requirements) lists += 2 * requirement.criteria.size();
  owner->lists.reserve(lists);
  for (const auto& requirement : r.requirements) {
    zy_item item = BlankItem(ZY_ITEM_REQUIREMENT, requirement.id, requirement.verdict);
    item.title = requirement.title.c_str();
    item.level = requirement.level.c_str();
    item.message = requirement.level_label.c_str();
    owner->items[ZY_ITEM_REQUIREMENT].push_back(item);
    for (const auto& criterion : requirement.criteria) {
      zy_item c = BlankItem(ZY_ITEM_CRITERION, criterion.id, criterion.verdict);
      c.requirement = requirement.id.c_str();
      c.title = criterion.text.c_str();
      c.message = criterion.message.c_str();
      c.has_value = criterion.value && !criterion.value->undefined;
      if (c.has_value) c.value = criterion.value->value;
      c.has_threshold = criterion.threshold && !criterion.threshold->undefined;
      if (c.has_threshold) c.threshold = criterion.threshold->value;
      c.comparison = criterion.comparison.c_str();
      c.witness_count = criterion.witnesses.size();
      c.witnesses = ListOf(*owner, criterion.witnesses);
      c.missing_count = criterion.missing.size();
      c.missing = ListOf(*owner, criterion.missing);
      owner->items[ZY_ITEM_CRITERION].push_back(c);
    }
  }
  return owner;
}

int ReportResult(zy_report** out, absl::StatusOr<zhuoyue::Report> report) {
  if (!report.ok()) return FailWith(report.status(), ZY_EINVALID);
  *out = MakeReport(*std::move(report)).release();
  return ZY_OK;
}

// The value a C caller passed for an enum parameter, as the int it is. C lets an enum hold
// any int; C++ only the values its enumerators' bits can represent, and reading another one
// through the enum type is undefined behaviour (UBSan: invalid-enum-load). So the parameter
// is read once, as bytes, and only the int is used.
template <typename Enum>
int FromC(const Enum& value) {
  static_assert(sizeof(Enum) == sizeof(int));
  int copy;
  std::memcpy(&copy, &value, sizeof copy);
  return copy;
}

bool KindKnown(int kind) { return kind >= ZY_ITEM_ELIGIBILITY && kind <= ZY_ITEM_CRITERION; }

// A copy of `text` the caller frees with zy_free().
char* Duplicate(std::string_view text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

}  // namespace

extern "C" {

const char* zy_version(void) { return ZHUOYUE_VERSION; }
int zy_abi_version(void) { return ZY_ABI_VERSION; }

const char* zy_error_last(void) { return Error().message.c_str(); }
int zy_error_last_code(void) { return Error().code; }
size_t zy_diagnostic_count(void) { return Error().views.size(); }
const zy_diagnostic* zy_diagnostic_at(size_t index) {
  const ThreadError& error = Error();
  return index < error.views.size() ? &error.views[index] : nullptr;
}

void zy_free(void* string) { std::free(string); }

int zy_pack_options_init(zy_pack_options* options, unsigned int version) {
  return InitOptions(options, version, ZY_PACK_OPTIONS_VERSION, "zy_pack_options",
                     zy_pack_options ZY_PACK_OPTIONS_INIT);
}

int zy_pack_builtin(zy_pack** out, const zy_pack_options* options) {
  return Run(out, [&]() -> int {
    if (int code = CheckVersion(options, ZY_PACK_OPTIONS_VERSION, "zy_pack_options")) {
      return code;
    }
    std::vector<Diagnostic> diagnostics;
    auto pack = zhuoyue::Pack::Builtin(&diagnostics, PackOptionsOf(options));
    return PackResult(out, std::move(pack), std::move(diagnostics));
  });
}

int zy_pack_open(zy_pack** out, const char* path, const zy_pack_options* options) {
  return Run(out, [&]() -> int {
    if (path == nullptr) return Missing("path");
    if (int code = CheckVersion(options, ZY_PACK_OPTIONS_VERSION, "zy_pack_options")) {
      return code;
    }
    std::vector<Diagnostic> diagnostics;
    auto pack = zhuoyue::Pack::FromPath(path, &diagnostics, PackOptionsOf(options));
    return PackResult(out, std::move(pack), std::move(diagnostics));
  });
}

int zy_pack_compile(zy_pack** out, const char* name, const char* text, size_t length,
                    const zy_pack_options* options) {
  return Run(out, [&]() -> int {
    if (name == nullptr) return Missing("name");
    if (text == nullptr && length > 0) return Missing("text");
    if (int code = CheckVersion(options, ZY_PACK_OPTIONS_VERSION, "zy_pack_options")) {
      return code;
    }
    std::vector<Diagnostic> diagnostics;
    auto pack = zhuoyue::Pack::FromSources({{name, std::string(text ? text : "", length)}},
                                           &diagnostics, PackOptionsOf(options));
    return PackResult(out, std::move(pack), std::move(diagnostics));
  });
}

const char* zy_pack_name(const zy_pack* pack) { return pack ? pack->pack->name().c_str() : ""; }
const char* zy_pack_version(const zy_pack* pack) {
  return pack ? pack->pack->version().c_str() : "";
}
void zy_pack_free(zy_pack* pack) { delete pack; }

int zy_dossier_open(zy_dossier** out, const zy_pack* pack, const char* path) {
  return Run(out, [&]() -> int {
    if (pack == nullptr) return Missing("pack");
    if (path == nullptr) return Missing("path");
    std::vector<Diagnostic> diagnostics;
    auto dossier = zhuoyue::Dossier::FromFile(*pack->pack, path, &diagnostics);
    return DossierResult(out, std::move(dossier), std::move(diagnostics));
  });
}

int zy_dossier_parse(zy_dossier** out, const zy_pack* pack, const char* json, size_t length,
                     const char* name) {
  return Run(out, [&]() -> int {
    if (pack == nullptr) return Missing("pack");
    if (json == nullptr && length > 0) return Missing("json");
    if (name == nullptr) return Missing("name");
    std::vector<Diagnostic> diagnostics;
    auto dossier = zhuoyue::Dossier::FromJson(
        *pack->pack, std::string_view(json ? json : "", length), name, &diagnostics);
    return DossierResult(out, std::move(dossier), std::move(diagnostics));
  });
}

void zy_dossier_free(zy_dossier* dossier) { delete dossier; }

int zy_evaluate_options_init(zy_evaluate_options* options, unsigned int version) {
  return InitOptions(options, version, ZY_EVALUATE_OPTIONS_VERSION, "zy_evaluate_options",
                     zy_evaluate_options ZY_EVALUATE_OPTIONS_INIT);
}

namespace {

// The C++ options, or a failure already recorded (returned as its code).
int EvaluateOptionsOf(const zy_evaluate_options* options, zhuoyue::EvaluateOptions& result) {
  if (int code = CheckVersion(options, ZY_EVALUATE_OPTIONS_VERSION, "zy_evaluate_options")) {
    return code;
  }
  if (options == nullptr || options->param_count == 0) return ZY_OK;
  if (options->param_names == nullptr || options->param_values == nullptr) {
    return Missing("param_names or param_values");
  }
  for (size_t i = 0; i < options->param_count; ++i) {
    if (options->param_names[i] == nullptr || options->param_values[i] == nullptr) {
      return Fail(ZY_EINVALID, absl::StrCat("parameter ", i, " has a NULL name or value"));
    }
    result.params.emplace_back(options->param_names[i], options->param_values[i]);
  }
  return ZY_OK;
}

int EvaluateLoaded(zy_report** out, const zy_pack& pack, const zhuoyue::Dossier& dossier,
                   const zy_evaluate_options* options) {
  zhuoyue::EvaluateOptions cpp_options;
  if (int code = EvaluateOptionsOf(options, cpp_options); code != ZY_OK) return code;
  return ReportResult(out, zhuoyue::Evaluate(*pack.pack, dossier, cpp_options));
}

}  // namespace

int zy_evaluate(zy_report** out, const zy_pack* pack, const zy_dossier* dossier,
                const zy_evaluate_options* options) {
  return Run(out, [&]() -> int {
    if (pack == nullptr) return Missing("pack");
    if (dossier == nullptr) return Missing("dossier");
    return EvaluateLoaded(out, *pack, *dossier->dossier, options);
  });
}

namespace {

// zy_evaluate of a dossier just loaded (`loaded` is how that went), which lives only for it:
// what zy_evaluate_file and zy_evaluate_json are.
int EvaluateOnce(zy_report** out, int loaded, zy_dossier* dossier, const zy_pack* pack,
                 const zy_evaluate_options* options) {
  if (loaded != ZY_OK) {
    if (out != nullptr) *out = nullptr;
    return loaded;
  }
  int code = zy_evaluate(out, pack, dossier, options);
  zy_dossier_free(dossier);
  return code;
}

}  // namespace

int zy_evaluate_file(zy_report** out, const zy_pack* pack, const char* path,
                     const zy_evaluate_options* options) {
  zy_dossier* dossier = nullptr;
  int loaded = zy_dossier_open(&dossier, pack, path);
  return EvaluateOnce(out, loaded, dossier, pack, options);
}

int zy_evaluate_json(zy_report** out, const zy_pack* pack, const char* json, size_t length,
                     const char* name, const zy_evaluate_options* options) {
  zy_dossier* dossier = nullptr;
  int loaded = zy_dossier_parse(&dossier, pack, json, length, name);
  return EvaluateOnce(out, loaded, dossier, pack, options);
}

void zy_report_free(zy_report* report) { delete report; }

const char* zy_verdict_name(zy_verdict verdict) {
  switch (FromC(verdict)) {
    case ZY_MET:
      return "met";
    case ZY_NOT_MET:
      return "not_met";
    case ZY_PENDING:
      return "pending";
  }
  return nullptr;
}

const char* zy_report_program(const zy_report* report) {
  return report ? report->report.program.c_str() : "";
}
const char* zy_report_overall(const zy_report* report) {
  return report ? report->report.overall.c_str() : "";
}

size_t zy_report_count(const zy_report* report, zy_item_kind kind) {
  const int k = FromC(kind);
  return report && KindKnown(k) ? report->items[k].size() : 0;
}

const zy_item* zy_report_item(const zy_report* report, zy_item_kind kind, size_t index) {
  const int k = FromC(kind);
  if (!report || !KindKnown(k) || index >= report->items[k].size()) return nullptr;
  return &report->items[k][index];
}

const zy_item* zy_report_find(const zy_report* report, zy_item_kind kind, const char* id) {
  const int k = FromC(kind);
  if (id == nullptr || !report || !KindKnown(k)) return nullptr;
  for (const zy_item& item : report->items[k]) {
    if (std::strcmp(item.id, id) == 0) return &item;
  }
  return nullptr;
}

int zy_report_render(const zy_report* report, zy_format format, zy_language language, char** out,
                     size_t* length) {
  const int format_id = FromC(format), language_id = FromC(language);
  return Run(out, [&]() -> int {
    if (report == nullptr) return Missing("report");
    if (language_id != ZY_LANGUAGE_ZH && language_id != ZY_LANGUAGE_EN) {
      return Fail(ZY_EINVALID, absl::StrCat("unknown zy_language ", language_id));
    }
    zhuoyue::Language lang =
        language_id == ZY_LANGUAGE_EN ? zhuoyue::Language::kEn : zhuoyue::Language::kZh;
    std::string text;
    switch (format_id) {
      case ZY_FORMAT_JSON:
        text = zhuoyue::ReportToJson(report->report);
        break;
      case ZY_FORMAT_TEXT:
        text = zhuoyue::ReportToText(report->report, /*color=*/false, lang);
        break;
      case ZY_FORMAT_MARKDOWN:
        text = zhuoyue::ReportToMarkdown(report->report, lang);
        break;
      case ZY_FORMAT_HTML:
        text = zhuoyue::ReportToHtml(report->report, lang);
        break;
      default:
        return Fail(ZY_EINVALID, absl::StrCat("unknown zy_format ", format_id));
    }
    *out = Duplicate(text);
    if (length != nullptr) *length = text.size();
    return ZY_OK;
  });
}

int zy_report_write_xlsx(const zy_report* report, const char* path, zy_language language) {
  const int language_id = FromC(language);
  return Guard([&]() -> int {
    if (report == nullptr) return Missing("report");
    if (path == nullptr) return Missing("path");
    if (language_id != ZY_LANGUAGE_ZH && language_id != ZY_LANGUAGE_EN) {
      return Fail(ZY_EINVALID, absl::StrCat("unknown zy_language ", language_id));
    }
    absl::Status written = zhuoyue::WriteReportXlsx(
        report->report, path,
        language_id == ZY_LANGUAGE_EN ? zhuoyue::Language::kEn : zhuoyue::Language::kZh);
    if (!written.ok()) return Fail(ZY_EIO, std::string(written.message()));
    return ZY_OK;
  });
}

int zy_report_parse(zy_report** out, const char* json, size_t length) {
  return Run(out, [&]() -> int {
    if (json == nullptr && length > 0) return Missing("json");
    absl::StatusOr<zhuoyue::Report> report =
        zhuoyue::ReportFromJson(std::string_view(json ? json : "", length));
    if (!report.ok()) return Fail(ZY_EDOSSIER, std::string(report.status().message()));
    *out = MakeReport(*std::move(report)).release();
    return ZY_OK;
  });
}

}  // extern "C"
