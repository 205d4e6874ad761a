/**
 * @file zhuoyue.h
 * @brief The C ABI of zhuoyue (卓越): evaluate an engineering program against the Excellent
 * Engineer plan from C, or from any language that calls C (Java through JNA, C#, Python
 * through ctypes).
 *
 * @code
 *   zy_pack *pack = NULL;
 *   zy_report *report = NULL;
 *   if (zy_pack_builtin(&pack, NULL) != ZY_OK ||
 *       zy_evaluate_file(&report, pack, "program.json", NULL) != ZY_OK) {
 *     fprintf(stderr, "%s\n", zy_error_last());
 *   } else {
 *     printf("%s\n", zy_report_overall(report));          // "passed_not_met"
 *     const zy_item *c = zy_report_find(report, ZY_ITEM_CRITERION, "5.2");
 *     if (c) printf("%s %s\n", c->id, zy_verdict_name(c->verdict));
 *   }
 *   zy_report_free(report);
 *   zy_pack_free(pack);
 * @endcode
 *
 * Conventions (the same for every function):
 *  - Functions that can fail return an `int`: ::ZY_OK (0) or a negative ::zy_error_code.
 *    Results come back through the first parameter, `out`, which is set only on success
 *    (and set to NULL on failure).
 *  - After a failure, zy_error_last() says what went wrong on this thread, and
 *    zy_diagnostic_count() / zy_diagnostic_at() list the problems found in the user's rule
 *    text or dossier, each located. Every `int` function clears both when it starts, so
 *    after a success they hold the warnings of that call (e.g. the lints of a pack).
 *    Functions that do not return `int` cannot fail and leave this error state alone.
 *  - Ownership: a handle returned through `out` belongs to the caller, who releases it with
 *    the matching NULL-safe `zy_*_free`. A string returned through `char **out` is released
 *    with zy_free(). Every `const char *` or `const` struct pointer returned directly is
 *    borrowed: owned by the library and valid as long as the handle it came from (for
 *    zy_error_last() and zy_diagnostic_at(): until the next `int` call on the same thread).
 *  - Text is UTF-8 everywhere, in and out; lengths are in bytes.
 *  - Options structs begin with `version`; initialise them with their `*_INIT` macro or
 *    `*_init()` function. NULL options mean the defaults. Structs only ever grow at the end.
 *  - Thread safety: a ::zy_pack, ::zy_dossier and ::zy_report are immutable once created;
 *    any number of threads may use one at the same time. Free a handle only when no other
 *    thread is using it. The error state is per thread.
 *  - No C++ exception or type crosses this interface: an exception inside the library
 *    (memory exhausted, an internal failure) becomes ::ZY_ERROR.
 *
 * Stability: this header is the binary contract. Within one SONAME (libzhuoyue.so.1,
 * ::ZY_ABI_VERSION) functions and types are only added, never changed or removed; a change
 * that breaks this comes as a new function (`_v2`), as in SQLite. The C++ API
 * (zhuoyue/zhuoyue.hpp) is source-stable instead: rebuild C++ programs for a new release.
 */
#ifndef ZHUOYUE_ZHUOYUE_H_
#define ZHUOYUE_ZHUOYUE_H_

#include <stddef.h>

#include "zhuoyue/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version this header describes: the number in the library's SONAME. */
#define ZY_ABI_VERSION 1

/** The release of the library in use, "MAJOR.MINOR.PATCH".
 *  @return the release, e.g. "0.1.0": a static string, never NULL, never to be freed */
ZY_EXPORT const char *zy_version(void);
/** The ABI version of the library in use; a program may check it equals ::ZY_ABI_VERSION.
 *  @return the number in the loaded library's SONAME (1 for libzhuoyue.so.1) */
ZY_EXPORT int zy_abi_version(void);

/* ---- Errors ------------------------------------------------------------------------- */

/** What an `int` function returns. New codes may be added; treat unknown ones as ZY_ERROR. */
typedef enum zy_error_code {
  ZY_OK = 0, /**< Success: `out`, if any, is set. */
  /** Anything else: an internal failure, memory exhausted. */
  ZY_ERROR = -1,
  /** Misuse: a NULL argument, an options struct of an unknown version, an unknown
   *  parameter or a value of the wrong type, a dossier loaded with another pack. */
  ZY_EINVALID = -2,
  /** A file or folder that does not exist or cannot be read or written. */
  ZY_EIO = -3,
  /** The rule text has errors; see zy_diagnostic_at(). */
  ZY_ERULES = -4,
  /** The dossier (or report JSON) has errors; see zy_diagnostic_at(). */
  ZY_EDOSSIER = -5
} zy_error_code;

/** The message of the last failed call on this thread, followed by one line per error
 *  diagnostic (its zy_diagnostic::text); "" when the last `int` call succeeded.
 *  @return never NULL. Borrowed: valid until the next `int` call on this thread. */
ZY_EXPORT const char *zy_error_last(void);
/** The ::zy_error_code of the last `int` call on this thread (::ZY_OK after a success).
 *  @return ::ZY_OK, or the negative code that call returned; ::ZY_OK before any call */
ZY_EXPORT int zy_error_last_code(void);

/** How serious a diagnostic is. */
typedef enum zy_severity {
  ZY_SEVERITY_ERROR = 0,  /**< the input cannot be used: the call fails */
  ZY_SEVERITY_WARNING = 1 /**< a lint: the call does not fail because of it */
} zy_severity;

/** A problem in the user's rule text or dossier. Owned by the library: read it through the
 *  pointer zy_diagnostic_at() returns, never allocate or copy it (it grows at the end).
 *  Strings are never NULL; an absent one is "". */
typedef struct zy_diagnostic {
  const char *code;     /**< stable: "ZY1001" (rules), "ZY2001" (dossier) */
  zy_severity severity; /**< an error or a warning */
  const char *file;     /**< the rule file or dossier named in the message */
  int line;             /**< 1-based; 0 when the location is a JSON pointer only */
  int column;           /**< 1-based, counted in characters (not bytes); 0 with line 0 */
  const char *pointer;  /**< JSON pointer into a dossier ("/courses/3/kind"), or "" */
  const char *message;  /**< lower-case, no trailing period */
  const char *help;     /**< a hint, or "" */
  /** One line: "file:line:column: error: message [ZY1001]" (or "file#/pointer: …" for a
   *  dossier), followed by a second line "  help: …" when there is a help. */
  const char *text;
} zy_diagnostic;

/** How many diagnostics the last `int` call on this thread produced (errors after a failure;
 *  warnings, if any, after a success).
 *  @return the count, 0 when there are none; a failure's list may hold warnings as well */
ZY_EXPORT size_t zy_diagnostic_count(void);
/** The diagnostic at `index` (< zy_diagnostic_count()), or NULL. Borrowed: valid until the
 *  next `int` call on this thread.
 *  @param index  0-based position in the list of the last `int` call on this thread
 *  @return the diagnostic, or NULL when `index` is out of range */
ZY_EXPORT const zy_diagnostic *zy_diagnostic_at(size_t index);

/** Releases a string the library returned through `char **out`. NULL is ignored.
 *  @param string  a string from zy_report_render(), or NULL; never a borrowed `const char *`
 */
ZY_EXPORT void zy_free(void *string);

/* ---- Rule packs --------------------------------------------------------------------- */

/** A compiled rule pack: immutable, shared by any number of dossiers and threads. Opaque:
 *  made by zy_pack_builtin(), zy_pack_open() or zy_pack_compile(), released with
 *  zy_pack_free(). */
typedef struct zy_pack zy_pack;

/** How a pack is checked. */
typedef struct zy_pack_options {
  unsigned int version; /**< ::ZY_PACK_OPTIONS_VERSION */
  /** Iterations over tables nested deeper than this get a ZY1203 warning. Default 3. */
  int max_nesting;
} zy_pack_options;

/** The version of ::zy_pack_options this header describes. */
#define ZY_PACK_OPTIONS_VERSION 1
/** An initialiser of ::zy_pack_options with the defaults:
 *  `zy_pack_options options = ZY_PACK_OPTIONS_INIT;` */
#define ZY_PACK_OPTIONS_INIT \
  { ZY_PACK_OPTIONS_VERSION, 3 }
/** Fills `options` with the defaults of `version`. ::ZY_EINVALID for an unknown version.
 *  @param options  the struct to fill; its `version` is set to `version`
 *  @param version  the struct version the caller was compiled with: ::ZY_PACK_OPTIONS_VERSION
 *  @return ::ZY_OK, or ::ZY_EINVALID when `options` is NULL or `version` is 0 or newer than
 *  this library knows */
ZY_EXPORT int zy_pack_options_init(zy_pack_options *options, unsigned int version);

/** The built-in pack (the plan's rules, embedded in the library).
 *  @param out      receives the pack; free it with zy_pack_free()
 *  @param options  NULL for the defaults
 *  @return ::ZY_OK (the pack's lints, if any, are the diagnostics), ::ZY_EINVALID for a
 *  NULL `out` or bad options, or ::ZY_ERROR for an internal failure */
ZY_EXPORT int zy_pack_builtin(zy_pack **out, const zy_pack_options *options);
/** A pack from a folder (all its `*.zy` files, in name order) or a single `.zy` file.
 *  `import "file"` resolves inside that folder (a single file's folder); `import zhuoyue`
 *  is the built-in pack.
 *  @param out      receives the pack; free it with zy_pack_free()
 *  @param path     the folder or file
 *  @param options  NULL for the defaults
 *  @return ::ZY_OK, ::ZY_EIO when `path` cannot be read (or a folder holds no `.zy` file),
 *  ::ZY_ERULES when the rules have errors (each one a diagnostic; an import that cannot be
 *  found is one of them), ::ZY_EINVALID for NULL arguments or bad options, or ::ZY_ERROR
 *  for an internal failure */
ZY_EXPORT int zy_pack_open(zy_pack **out, const char *path, const zy_pack_options *options);
/** A pack from one rule text in memory. It can import only the built-in pack
 *  (`import zhuoyue`), not files.
 *  @param out      receives the pack; free it with zy_pack_free()
 *  @param name     the name diagnostics give the text (e.g. "rules.zy"); not NULL
 *  @param text     UTF-8, `length` bytes; need not be NUL-terminated; NULL only with length 0
 *  @param length   the length of `text` in bytes
 *  @param options  NULL for the defaults
 *  @return ::ZY_OK, ::ZY_ERULES (each error a diagnostic), ::ZY_EINVALID for NULL
 *  arguments or bad options, or ::ZY_ERROR for an internal failure */
ZY_EXPORT int zy_pack_compile(zy_pack **out, const char *name, const char *text, size_t length,
                              const zy_pack_options *options);
/** The pack's name, as declared in its rules.
 *  @param pack  the pack, or NULL
 *  @return the name; "" for a NULL pack. Borrowed from `pack`. */
ZY_EXPORT const char *zy_pack_name(const zy_pack *pack);
/** The pack's version, as declared in its rules.
 *  @param pack  the pack, or NULL
 *  @return the version; "" for a NULL pack. Borrowed from `pack`. */
ZY_EXPORT const char *zy_pack_version(const zy_pack *pack);
/** Releases a pack. Dossiers and reports made from it stay valid (a dossier, though, is
 *  evaluated only with the pack it was loaded with). NULL is ignored.
 *  @param pack  the pack to release, or NULL; no other thread may be using it */
ZY_EXPORT void zy_pack_free(zy_pack *pack);

/* ---- Dossiers ----------------------------------------------------------------------- */

/** A program's dossier, loaded and checked against a pack's schema. Immutable. Opaque: made
 *  by zy_dossier_open() or zy_dossier_parse(), released with zy_dossier_free(). */
typedef struct zy_dossier zy_dossier;

/** Reads a dossier, checked against `pack`'s schema: a zhuoyue.dossier/1 JSON file, or a
 *  folder holding a CSV bundle (one CSV file per table; its problems are located as
 *  `folder/file.csv:line:column`).
 *  @param out   receives the dossier; free it with zy_dossier_free()
 *  @param pack  the pack whose schema the dossier is checked against; evaluate the dossier
 *               with this pack
 *  @param path  the JSON file or the bundle's folder; diagnostics name it
 *  @return ::ZY_OK, ::ZY_EIO when `path` cannot be opened or read, ::ZY_EDOSSIER (every
 *  problem a diagnostic located by its JSON pointer; nothing is half-loaded), ::ZY_EINVALID
 *  for a NULL argument, or ::ZY_ERROR for an internal failure */
ZY_EXPORT int zy_dossier_open(zy_dossier **out, const zy_pack *pack, const char *path);
/** Reads zhuoyue.dossier/1 JSON text in memory (`length` bytes), as zy_dossier_open() reads
 *  a file; `name` names it in diagnostics.
 *  @param out     receives the dossier; free it with zy_dossier_free()
 *  @param pack    the pack whose schema the dossier is checked against
 *  @param json    UTF-8 JSON, `length` bytes; need not be NUL-terminated; NULL only with
 *                 length 0
 *  @param length  the length of `json` in bytes
 *  @param name    names the text in diagnostics (e.g. the file it came from); not NULL
 *  @return as zy_dossier_open(), without ::ZY_EIO */
ZY_EXPORT int zy_dossier_parse(zy_dossier **out, const zy_pack *pack, const char *json,
                               size_t length, const char *name);
/** Releases a dossier. NULL is ignored. Reports made from it stay valid.
 *  @param dossier  the dossier to release, or NULL; no other thread may be using it */
ZY_EXPORT void zy_dossier_free(zy_dossier *dossier);

/* ---- Evaluation --------------------------------------------------------------------- */

/** The result of an evaluation. Immutable. Opaque: made by zy_evaluate(),
 *  zy_evaluate_file(), zy_evaluate_json() or zy_report_parse(), released with
 *  zy_report_free(); it outlives the pack and dossier it came from. */
typedef struct zy_report zy_report;

/** How an evaluation runs. */
typedef struct zy_evaluate_options {
  unsigned int version; /**< ::ZY_EVALUATE_OPTIONS_VERSION */
  /** Parameter overrides: `param_count` names and values. A value is written as in the
   *  rules: "0.3", "true", "\"text\"" (or bare text for a text parameter). */
  size_t param_count;
  /** `param_count` parameter names, as the pack declares them; NULL when the count is 0. */
  const char *const *param_names;
  /** `param_count` values, in the order of `param_names`; NULL when the count is 0. */
  const char *const *param_values;
} zy_evaluate_options;

/** The version of ::zy_evaluate_options this header describes. */
#define ZY_EVALUATE_OPTIONS_VERSION 1
/** An initialiser of ::zy_evaluate_options with the defaults (no overrides):
 *  `zy_evaluate_options options = ZY_EVALUATE_OPTIONS_INIT;` */
#define ZY_EVALUATE_OPTIONS_INIT \
  { ZY_EVALUATE_OPTIONS_VERSION, 0, NULL, NULL }
/** Fills `options` with the defaults of `version`. ::ZY_EINVALID for an unknown version.
 *  @param options  the struct to fill; its `version` is set to `version`
 *  @param version  the struct version the caller was compiled with:
 *                  ::ZY_EVALUATE_OPTIONS_VERSION
 *  @return ::ZY_OK, or ::ZY_EINVALID when `options` is NULL or `version` is 0 or newer than
 *  this library knows */
ZY_EXPORT int zy_evaluate_options_init(zy_evaluate_options *options, unsigned int version);

/** Evaluates `dossier` (loaded with `pack`).
 *  @param out      receives the report; free it with zy_report_free()
 *  @param pack     the pack `dossier` was loaded with
 *  @param dossier  the dossier to evaluate
 *  @param options  NULL for the defaults
 *  @return ::ZY_OK, ::ZY_EINVALID (a NULL argument, an unknown options version, an unknown
 *  parameter, a bad value, a dossier loaded with another pack), or ::ZY_ERROR for an
 *  internal failure. A criterion that cannot be decided is not an error: it is pending. */
ZY_EXPORT int zy_evaluate(zy_report **out, const zy_pack *pack, const zy_dossier *dossier,
                          const zy_evaluate_options *options);
/** Loads the dossier file at `path` and evaluates it: zy_dossier_open() + zy_evaluate().
 *  @param out      receives the report; free it with zy_report_free()
 *  @param pack     the pack to load and evaluate the dossier with
 *  @param path     the zhuoyue.dossier/1 JSON file
 *  @param options  NULL for the defaults
 *  @return any code of zy_dossier_open() or zy_evaluate() */
ZY_EXPORT int zy_evaluate_file(zy_report **out, const zy_pack *pack, const char *path,
                               const zy_evaluate_options *options);
/** Loads dossier JSON from memory and evaluates it: zy_dossier_parse() + zy_evaluate().
 *  @param out      receives the report; free it with zy_report_free()
 *  @param pack     the pack to load and evaluate the dossier with
 *  @param json     UTF-8 JSON, `length` bytes; need not be NUL-terminated; NULL only with
 *                  length 0
 *  @param length   the length of `json` in bytes
 *  @param name     names the text in diagnostics; not NULL
 *  @param options  NULL for the defaults
 *  @return any code of zy_dossier_parse() or zy_evaluate() */
ZY_EXPORT int zy_evaluate_json(zy_report **out, const zy_pack *pack, const char *json,
                               size_t length, const char *name, const zy_evaluate_options *options);
/** Releases a report, and every item and string borrowed from it. NULL is ignored.
 *  @param report  the report to release, or NULL; no other thread may be using it */
ZY_EXPORT void zy_report_free(zy_report *report);

/* ---- Reading a report --------------------------------------------------------------- */

/** Three-valued: unknown data or a judgement not yet given is pending, never not met. */
typedef enum zy_verdict {
  ZY_MET = 0,     /**< met */
  ZY_NOT_MET = 1, /**< not met */
  ZY_PENDING = 2  /**< not decided: data, or an expert judgement, is missing */
} zy_verdict;
/** The name of a verdict.
 *  @param verdict  the verdict
 *  @return "met", "not_met", "pending" (static), or NULL for a value outside the enum */
ZY_EXPORT const char *zy_verdict_name(zy_verdict verdict);

/** The program's id, as the dossier gives it.
 *  @param report  the report, or NULL
 *  @return the id; "" for a NULL report. Borrowed from `report`. */
ZY_EXPORT const char *zy_report_program(const zy_report *report);
/** The overall verdict: "passed_and_met", "passed_not_met", "not_passed" or "pending".
 *  @param report  the report, or NULL
 *  @return the verdict; "" for a NULL report. Borrowed from `report`. */
ZY_EXPORT const char *zy_report_overall(const zy_report *report);

/** The verdicts a report holds, by kind. */
typedef enum zy_item_kind {
  ZY_ITEM_ELIGIBILITY = 0,   /**< eligibility rules: "accreditation", … */
  ZY_ITEM_GENERAL_POINT = 1, /**< the general standard: "G1" … "G11" */
  ZY_ITEM_REQUIREMENT = 2,   /**< the special requirements: "1" … "10" */
  ZY_ITEM_CRITERION = 3      /**< their criteria, in requirement order: "1.1", "5.2", … */
} zy_item_kind;

/** One verdict of a report and why. Owned by the report: read it through the pointer
 *  zy_report_item() or zy_report_find() returns, never allocate or copy it (it grows at the
 *  end). Strings are never NULL; an absent one is "". */
typedef struct zy_item {
  zy_item_kind kind;       /**< which verdict of the report this is */
  const char *id;          /**< "accreditation", "G1", "5", "5.2", … */
  const char *requirement; /**< a criterion's requirement id; "" for other kinds */
  const char *title;       /**< a requirement's title, a criterion's or point's text */
  zy_verdict verdict;      /**< met, not met or pending */
  const char *level;       /**< requirements: not_met | met | distinction | pending; else "" */
  /** Why, in words; "" when there is nothing to add. For a requirement: the standard's
   *  wording of its level. */
  const char *message;
  /** The measured value and the threshold it is compared with (criteria with a number):
   *  `has_value` / `has_threshold` say whether each is known. */
  int has_value;
  double value;           /**< the measured value; meaningful only when `has_value` is non-zero */
  int has_threshold;      /**< non-zero when `threshold` is known */
  double threshold;       /**< the threshold; meaningful only when `has_threshold` is non-zero */
  const char *comparison; /**< ">=", "<=", "all", … or "" */
  size_t witness_count;   /**< entities that break the criterion, dossier order */
  /** The ids of those entities: `witness_count` strings, then a NULL. */
  const char *const *witnesses;
  size_t missing_count; /**< data whose absence left it pending */
  /** What is missing: `missing_count` strings, then a NULL. */
  const char *const *missing;
} zy_item;

/** How many items of `kind` the report holds (0 for a NULL report or an unknown kind).
 *  @param report  the report, or NULL
 *  @param kind    which verdicts to count
 *  @return the count */
ZY_EXPORT size_t zy_report_count(const zy_report *report, zy_item_kind kind);
/** The item of `kind` at `index` (< zy_report_count()), or NULL. Borrowed from `report`.
 *  @param report  the report, or NULL
 *  @param kind    which verdicts
 *  @param index   0-based, in report order
 *  @return the item, or NULL for an index out of range, an unknown kind or a NULL report */
ZY_EXPORT const zy_item *zy_report_item(const zy_report *report, zy_item_kind kind, size_t index);
/** The item of `kind` with id `id`, or NULL when there is none. Borrowed from `report`.
 *  @param report  the report, or NULL
 *  @param kind    which verdicts to search
 *  @param id      the id, e.g. "5.2" for ::ZY_ITEM_CRITERION, "G3" for ::ZY_ITEM_GENERAL_POINT
 *  @return the item, or NULL (also for a NULL `report` or `id`) */
ZY_EXPORT const zy_item *zy_report_find(const zy_report *report, zy_item_kind kind, const char *id);

/** The forms a report renders to. */
typedef enum zy_format {
  ZY_FORMAT_JSON = 0,     /**< zhuoyue.report/1, the complete report */
  ZY_FORMAT_TEXT = 1,     /**< the terminal summary, without colours */
  ZY_FORMAT_MARKDOWN = 2, /**< for a Git forge */
  ZY_FORMAT_HTML = 3      /**< one self-contained page: no script, no network */
} zy_format;
/** The language of rendered labels; texts from the pack are never translated. */
typedef enum zy_language {
  ZY_LANGUAGE_ZH = 0, /**< Chinese, the language the office files in */
  ZY_LANGUAGE_EN = 1  /**< English */
} zy_language;

/** Renders `report`.
 *  @param report    the report
 *  @param format    the form to render
 *  @param language  the language of the labels (::ZY_FORMAT_JSON keys are the same in both)
 *  @param out       receives a NUL-terminated UTF-8 string; free it with zy_free()
 *  @param length    receives its length in bytes (without the NUL); may be NULL
 *  @return ::ZY_OK, ::ZY_EINVALID for a NULL argument or an unknown format or language, or
 *  ::ZY_ERROR for an internal failure (memory exhausted) */
ZY_EXPORT int zy_report_render(const zy_report *report, zy_format format, zy_language language,
                               char **out, size_t *length);
/** Writes the report as an XLSX workbook to `path` (replaced whole, never half-written).
 *  It is written to `path` + ".tmp" first and renamed into place.
 *  @param report    the report
 *  @param path      the workbook to write
 *  @param language  the language of the labels
 *  @return ::ZY_OK, ::ZY_EIO when the file cannot be written (then a file already at
 *  `path` is left as it was), ::ZY_EINVALID for a NULL argument or an unknown language, or
 *  ::ZY_ERROR for an internal failure */
ZY_EXPORT int zy_report_write_xlsx(const zy_report *report, const char *path, zy_language language);
/** Reads a report back from its JSON (as ::ZY_FORMAT_JSON renders it).
 *  @param out     receives the report; free it with zy_report_free()
 *  @param json    UTF-8 JSON, `length` bytes; need not be NUL-terminated; NULL only with
 *                 length 0
 *  @param length  the length of `json` in bytes
 *  @return ::ZY_OK, ::ZY_EDOSSIER naming the JSON pointer of the problem (in
 *  zy_error_last(); no diagnostic is listed), ::ZY_EINVALID for a NULL `out` (or a NULL
 *  `json` with a length), or ::ZY_ERROR for an internal failure */
ZY_EXPORT int zy_report_parse(zy_report **out, const char *json, size_t length);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ZHUOYUE_ZHUOYUE_H_ */
