// Reads a JSON dossier (shared/spec/dossier-v1.md) into the columnar DossierTables, shaped and
// checked by a pack's schema.
//
//   Diagnostics diagnostics;
//   std::unique_ptr<DossierTables> dossier =
//       LoadJsonDossier(text, "10698-080202.json", schema, diagnostics);
//   if (dossier == nullptr) {
//     for (const Diagnostic& d : diagnostics) std::cerr << d.Format() << "\n";
//   }
//
// What a load guarantees:
// - Every problem found is reported (up to `max_errors`), each with a code from
//   base/diagnostic_kinds.def and a location: a JSON pointer ("/courses/3/core"), plus
//   line:column (1-based, columns in characters) when the text is not well-formed JSON.
// - Any error means no dossier: a half-loaded dossier never escapes.
// - Absent fields and tables stay *unknown*; JSON null is unknown too, except on nullable
//   fields and optional objects, where it means *none* (criteria.md, pinned semantics 1).
// - Numbers are exact (Number::Parse of the literal text), strings are interned once,
//   references are resolved to rows; a reference into an absent table stays unknown.
// - Members the schema does not declare are kept verbatim as JSON text
//   (Table::extra_fields, DossierTables::extra_root).
// - No exception escapes.
//
// Thread safety: the function keeps no state; concurrent loads may share one Schema, which
// must outlive the dossiers it shaped (DossierTables::schema points to it).
#ifndef ZHUOYUE_LIB_LOAD_JSON_LOADER_H_
#define ZHUOYUE_LIB_LOAD_JSON_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "check/schema.h"
#include "load/dossier.h"
#include "zhuoyue/diagnostic.h"

namespace zhuoyue {

// Limits of one load.
//
//   option          default  meaning
//   max_errors      100      errors reported before giving up; one more diagnostic says so
//   max_depth       128      deepest nesting of arrays and objects accepted (the root is 1)
//   max_bytes       1 GiB    the largest input: a JSON text, or a bundle's files together
//   max_text_bytes  1 MiB    the longest text value (a string, a key, a CSV cell)
// The size limits keep a load's memory bounded (a dossier takes several times its size) and
// its DOM's 32-bit node indexes valid.
struct LoadOptions {
  size_t max_errors = 100;
  int max_depth = 128;
  size_t max_bytes = size_t{1} << 30;
  size_t max_text_bytes = size_t{1} << 20;
};

// Reports (ZY2013) that input `name` of `size` bytes is over `options.max_bytes`.
void ReportTooLarge(std::string_view name, uint64_t size, const LoadOptions& options,
                    Diagnostics& diagnostics);

// Reads a dossier (JSON text) shaped by `schema`. Every error found (up to max_errors) is
// appended to `diagnostics`, each located by its JSON pointer (and line:column for malformed
// JSON). Returns nullptr when any error was found: no half-loaded dossier escapes.
std::unique_ptr<DossierTables> LoadJsonDossier(std::string_view json, std::string_view source_name,
                                               const Schema& schema, Diagnostics& diagnostics,
                                               const LoadOptions& options = {});

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_LOAD_JSON_LOADER_H_
