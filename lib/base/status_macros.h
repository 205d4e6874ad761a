// Status propagation helpers. Debian's Abseil (20220623) has no ABSL_RETURN_IF_ERROR;
// these follow cel-cpp's internal/status_macros.h.
#ifndef ZHUOYUE_LIB_BASE_STATUS_MACROS_H_
#define ZHUOYUE_LIB_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ZY_RETURN_IF_ERROR(expr)             \
  do {                                       \
    absl::Status zy_status_ = (expr);        \
    if (!zy_status_.ok()) return zy_status_; \
  } while (false)

#define ZY_CONCAT_INNER(a, b) a##b
#define ZY_CONCAT(a, b) ZY_CONCAT_INNER(a, b)
#define ZY_ASSIGN_OR_RETURN(lhs, expr) \
  ZY_ASSIGN_OR_RETURN_IMPL(ZY_CONCAT(zy_statusor_, __LINE__), lhs, expr)
#define ZY_ASSIGN_OR_RETURN_IMPL(statusor, lhs, expr) \
  auto statusor = (expr);                             \
  if (!statusor.ok()) return statusor.status();       \
  lhs = std::move(statusor).value()

#endif  // ZHUOYUE_LIB_BASE_STATUS_MACROS_H_
