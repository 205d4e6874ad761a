// What the checker makes of a rule pack: the resolved schema and every rule as typed IR.
#ifndef ZHUOYUE_LIB_CHECK_CHECKED_PACK_H_
#define ZHUOYUE_LIB_CHECK_CHECKED_PACK_H_

#include <memory>
#include <string>
#include <vector>

#include "base/source.h"
#include "check/ir.h"
#include "check/schema.h"

namespace zhuoyue {

enum class CriterionKind { kComputed, kJudged, kComputedJudged };

struct ParamDef {
  std::string name;
  ir::Literal value;  // the default
  std::string description;
};

struct CriterionDef {
  std::string id;  // "5.2"
  int file = 0;    // where it is declared: index into CheckedPack::sources
  Span span;
  CriterionKind kind = CriterionKind::kComputed;
  std::string text;
  ir::NodePtr expression;  // null for judged criteria
};

struct MaterialDef {
  std::string id;  // "4.2"
  std::string text;
};

struct RequirementDef {
  std::string id;
  std::string title;
  std::string text;
  int at_least = -1;  // -1: every criterion must be met
  std::vector<CriterionDef> criteria;
  std::vector<MaterialDef> materials;
};

struct StandardDef {
  std::string name;
  std::string title;
  TableId table = kNoTable;  // its points, as a pack table (id, text)
};

struct EligibilityDef {
  std::string id;
  std::string message;
  ir::NodePtr condition;
};

struct LevelDef {
  std::string name;  // not_met | met | distinction
  std::string label;
};

struct OutcomeDef {
  std::string name;
  std::string label;
  ir::NodePtr when;  // null: otherwise
};

struct CheckedPack {
  std::string name;
  std::string version;
  std::string title;
  std::vector<std::shared_ptr<const SourceFile>> sources;
  Schema schema;
  std::vector<ParamDef> params;
  std::vector<StandardDef> standards;
  std::vector<RequirementDef> requirements;
  std::vector<EligibilityDef> eligibility;
  std::vector<LevelDef> levels;
  std::string overall_title;
  std::vector<OutcomeDef> overall;
  int slot_count = 0;  // bound-variable slots the evaluator must provide

  int FindParam(std::string_view param) const {
    for (size_t i = 0; i < params.size(); ++i) {
      if (params[i].name == param) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_CHECK_CHECKED_PACK_H_
