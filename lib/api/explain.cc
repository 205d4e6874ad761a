// ExplainCriterion and the trace renderers (include/zhuoyue/explain.h).
#include "zhuoyue/explain.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <utility>

#include "absl/strings/str_cat.h"
#include "api/api_access.h"
#include "base/status_macros.h"
#include "eval/trace.h"

namespace zhuoyue {
namespace {

Trace ToPublic(TraceNode node) {
  Trace trace{std::move(node.expression), std::move(node.value), {}};
  trace.can_be_true = node.possible.can_be_true;
  trace.can_be_false = node.possible.can_be_false;
  trace.can_be_unknown = node.possible.can_be_unknown;
  trace.children.reserve(node.children.size());
  for (TraceNode& child : node.children) trace.children.push_back(ToPublic(std::move(child)));
  return trace;
}

void AppendText(const Trace& trace, int depth, std::string& out) {
  absl::StrAppend(&out, std::string(2 * depth, ' '), trace.expression, " \u2192 ", trace.value,
                  "\n");
  for (const Trace& child : trace.children) AppendText(child, depth + 1, out);
}

nlohmann::ordered_json ToJson(const Trace& trace) {
  nlohmann::ordered_json json;
  json["expression"] = trace.expression;
  json["value"] = trace.value;
  if (!trace.children.empty()) {
    json["children"] = nlohmann::ordered_json::array();
    for (const Trace& child : trace.children) json["children"].push_back(ToJson(child));
  }
  return json;
}

}  // namespace

absl::StatusOr<Trace> ExplainCriterion(const Pack& pack, const Dossier& dossier,
                                       std::string_view criterion_id,
                                       const EvaluateOptions& options) {
  try {
    if (!internal::ApiAccess::LoadedWith(dossier, pack)) {
      return absl::InvalidArgumentError("the dossier was loaded with another pack");
    }
    const Plan& plan = internal::ApiAccess::PlanOf(pack);
    ZY_ASSIGN_OR_RETURN(std::vector<ir::Literal> params, internal::ResolveParams(plan, options));
    ZY_ASSIGN_OR_RETURN(TraceNode trace,
                        TraceCriterion(plan, internal::ApiAccess::TablesOf(dossier), params,
                                       criterion_id, options.max_steps));
    return ToPublic(std::move(trace));
  } catch (const std::exception& e) {  // no exception crosses the API
    return absl::InternalError(absl::StrCat("explaining: ", e.what()));
  } catch (...) {
    return absl::InternalError("explaining: unexpected failure");
  }
}

std::string TraceToText(const Trace& trace) {
  std::string out;
  AppendText(trace, 0, out);
  return out;
}

std::string TraceToJson(const Trace& trace) {
  // Invalid UTF-8 in a source or dossier text is replaced rather than thrown on.
  return ToJson(trace).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace zhuoyue
