#include "eval/trace.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "check/check.h"
#include "eval/evaluate.h"

namespace zhuoyue {

TraceRecorder::TraceRecorder(std::string criterion_id) : criterion_(std::move(criterion_id)) {}
TraceRecorder::~TraceRecorder() = default;

void TraceRecorder::Enter(const ir::Node& node) {
  auto raw = std::make_unique<Raw>();
  raw->node = &node;
  Raw* entered = raw.get();
  (stack_.empty() ? roots_ : stack_.back()->children).push_back(std::move(raw));
  stack_.push_back(entered);
}

void TraceRecorder::Leave(std::string value) {
  if (!stack_.empty() && !stack_.back()->node) stack_.pop_back();  // the binder's last member
  if (stack_.empty()) return;
  stack_.back()->value = std::move(value);
  stack_.pop_back();
}

void TraceRecorder::Member(std::string name, Tri membership) {
  if (!stack_.empty() && !stack_.back()->node) stack_.pop_back();  // the previous member
  if (stack_.empty()) return;
  auto raw = std::make_unique<Raw>();
  if (name.empty()) {  // a row without an id, by its position: "#3"
    name = absl::StrCat(
        "#", std::count_if(stack_.back()->children.begin(), stack_.back()->children.end(),
                           [](const auto& child) { return !child->node; }) +
                 1);
  }
  raw->member = std::move(name);
  raw->membership = membership;
  Raw* member = raw.get();
  stack_.back()->children.push_back(std::move(raw));
  stack_.push_back(member);
}

std::string TriText(Tri value) {
  return value == Tri::kTrue ? "true" : (value == Tri::kFalse ? "false" : "unknown");
}

namespace {

// "0.25"; a non-terminating rational adds its exact form: "0.0833333333333 (1/12)".
std::string NumberText(const Number& n) {
  std::string text = n.ToString();
  std::string exact = n.ToExactString();
  if (exact != text && exact.find('/') != std::string::npos) {
    absl::StrAppend(&text, " (", exact, ")");
  }
  return text;
}

}  // namespace

std::string IntervalText(const Interval& value) {
  if (!value.may_value) return "undefined";
  std::string text;
  if (value.IsExact()) {
    text = NumberText(*value.lo);
  } else {
    text = absl::StrCat("unknown, in ", value.lo && !value.lo_open ? "[" : "(",
                        value.lo ? NumberText(*value.lo) : "-inf", ", ",
                        value.hi ? NumberText(*value.hi) : "+inf",
                        value.hi && !value.hi_open ? "]" : ")");
  }
  if (value.may_undefined) absl::StrAppend(&text, " or undefined");
  return text;
}

namespace {

using Raw = TraceRecorder::Raw;

// Turns what the recorder holds into the trace tree, with expressions from the sources.
class TraceBuilder {
 public:
  explicit TraceBuilder(const CheckedPack& pack) : pack_(pack) {}

  // The source text of a node, its whitespace runs folded to one space.
  std::string Expression(const ir::Node& node) const {
    if (node.file < 0 || node.file >= static_cast<int>(pack_.sources.size())) return "?";
    const std::string& text = pack_.sources[node.file]->text();
    int begin = std::clamp(node.span.begin, 0, static_cast<int>(text.size()));
    int end = std::clamp(node.span.end, begin, static_cast<int>(text.size()));
    std::string folded;
    bool space = false;
    for (char c : std::string_view(text).substr(begin, end - begin)) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !folded.empty();
        continue;
      }
      if (space) folded += ' ';
      space = false;
      folded += c;
    }
    return folded;
  }

  TraceNode Build(const Raw& raw) const {
    TraceNode out{Expression(*raw.node), raw.value, {}};
    const ir::Node& node = *raw.node;
    if (node.type.kind == ir::Kind::kBool) out.possible = ir::PossibleOutcomes(node);
    bool binder = node.op == ir::Op::kQuantifier || node.op == ir::Op::kAggregate;
    if (!binder) {
      AddChildren(raw, out);
      return out;
    }
    std::vector<const Raw*> members;
    for (const auto& child : raw.children) {
      if (child->node) {
        out.children.push_back(Build(*child));  // the collection
      } else {
        members.push_back(child.get());
      }
    }
    if (node.op == ir::Op::kQuantifier) {
      out.children.push_back(
          {node.text == "every" ? "near misses" : "witnesses", Summary(node, members), {}});
    }
    // The first members in full, then those beyond them that break an `every`.
    size_t shown = 0;
    for (size_t i = 0; i < members.size(); ++i) {
      bool fails = node.text == "every" && BodyValue(node, *members[i]) == "false";
      if (i < static_cast<size_t>(kTraceMemberLimit) ||
          (fails && shown < 2 * static_cast<size_t>(kTraceMemberLimit))) {
        out.children.push_back(BuildMember(node, *members[i]));
        ++shown;
      }
    }
    if (shown < members.size()) {
      out.children.push_back(
          {absl::StrCat("\u2026 ", members.size() - shown, " more members"), "not shown", {}});
    }
    return out;
  }

 private:
  // The children of a node, literals left out (their text is their value).
  void AddChildren(const Raw& raw, TraceNode& out) const {
    for (const auto& child : raw.children) {
      if (child->node && child->node->op != ir::Op::kLiteral) {
        out.children.push_back(Build(*child));
      }
    }
  }

  static const Raw* Find(const Raw& member, const ir::Node* node) {
    if (!node) return nullptr;
    for (const auto& child : member.children) {
      if (child->node == node) return child.get();
    }
    return nullptr;
  }
  static std::string FilterValue(const ir::Node& binder, const Raw& member) {
    const Raw* filter = Find(member, binder.child(1));
    return filter ? filter->value : "true";
  }
  // Empty when the body was not evaluated.
  static std::string BodyValue(const ir::Node& binder, const Raw& member) {
    const Raw* body = Find(member, binder.child(2));
    return body ? body->value : "";
  }
  // A definite member: it belongs and its filter holds.
  static bool Definite(const ir::Node& binder, const Raw& member) {
    return member.membership == Tri::kTrue && FilterValue(binder, member) == "true";
  }

  TraceNode BuildMember(const ir::Node& binder, const Raw& member) const {
    TraceNode out{absl::StrCat("member ", member.member), "", {}};
    std::string body = BodyValue(binder, member);
    const ir::Node* body_node = binder.child(2);
    if (FilterValue(binder, member) == "false" || member.membership == Tri::kFalse) {
      out.value = "filtered out";
    } else if (!body_node) {
      out.value = "counted";
    } else if (body.empty()) {
      out.value = "not evaluated (the result was already decided)";
    } else if (body_node->type.kind == ir::Kind::kBool) {
      out.value = body == "true" ? "holds" : (body == "false" ? "fails" : "unknown");
    } else {
      out.value = body;
    }
    if (out.value != "filtered out" && !Definite(binder, member)) {
      absl::StrAppend(&out.value, " (membership uncertain)");
    }
    AddChildren(member, out);
    return out;
  }

  // every: "7 of 8 hold; T02 fails: t.years = 3, needs >= 5"; some / no: the members that
  // satisfy the body, or "none".
  std::string Summary(const ir::Node& binder, const std::vector<const Raw*>& members) const {
    if (binder.text == "every") {
      long long definite = 0, holding = 0, skipped = 0;
      std::vector<std::string> misses;
      for (const Raw* member : members) {
        if (!Definite(binder, *member)) continue;
        std::string body = BodyValue(binder, *member);
        if (body.empty()) {
          ++skipped;
          continue;
        }
        ++definite;
        holding += body == "true";
        if (body != "true" && misses.size() < 5) {
          misses.push_back(absl::StrCat(member->member,
                                        body == "false" ? " fails: " : " is unknown: ",
                                        Reason(*Find(*member, binder.child(2)))));
        }
      }
      std::string text = absl::StrCat(holding, " of ", definite, " hold");
      if (skipped > 0) absl::StrAppend(&text, " (", skipped, " more not evaluated)");
      for (const std::string& miss : misses) absl::StrAppend(&text, "; ", miss);
      return text;
    }
    std::vector<std::string> witnesses;
    for (const Raw* member : members) {
      if (FilterValue(binder, *member) != "false" && member->membership != Tri::kFalse &&
          BodyValue(binder, *member) == "true") {
        witnesses.push_back(member->member);
      }
    }
    return witnesses.empty() ? "none" : absl::StrJoin(witnesses, ", ");
  }

  // Why a boolean node is false (or unknown), in the terms of the values it read.
  std::string Reason(const Raw& raw) const {
    const ir::Node& node = *raw.node;
    if (node.op == ir::Op::kCompare && raw.children.size() == 2 && raw.children[0]->node) {
      return absl::StrCat(Expression(*raw.children[0]->node), " = ", raw.children[0]->value,
                          ", needs ", node.text, " ", raw.children[1]->value);
    }
    if (node.op == ir::Op::kAnd) {
      for (const auto& child : raw.children) {
        if (child->node && child->value == raw.value) return Reason(*child);
      }
    }
    if (node.op == ir::Op::kOr) {
      std::vector<std::string> reasons;
      for (const auto& child : raw.children) {
        if (child->node) reasons.push_back(Reason(*child));
      }
      if (!reasons.empty()) return absl::StrJoin(reasons, " and ");
    }
    return absl::StrCat(Expression(node), " is ", raw.value);
  }

  const CheckedPack& pack_;
};

const CriterionResult* FindCriterion(const Report& report, std::string_view id) {
  for (const RequirementResult& requirement : report.requirements) {
    for (const CriterionResult& criterion : requirement.criteria) {
      if (criterion.id == id) return &criterion;
    }
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<TraceNode> TraceCriterion(const Plan& plan, const DossierTables& dossier,
                                         const std::vector<ir::Literal>& params,
                                         std::string_view criterion_id, uint64_t max_steps) {
  const CheckedPack& pack = *plan.pack;
  const CriterionDef* def = nullptr;
  std::vector<std::string> ids;
  for (const RequirementDef& requirement : pack.requirements) {
    for (const CriterionDef& criterion : requirement.criteria) {
      ids.push_back(criterion.id);
      if (criterion.id == criterion_id) def = &criterion;
    }
  }
  if (!def) {
    std::string guess = DidYouMean(criterion_id, ids);
    return absl::NotFoundError(
        absl::StrCat("no criterion `", std::string(criterion_id), "` in pack ", pack.name,
                     guess.empty() ? "" : absl::StrCat("; did you mean `", guess, "`?")));
  }

  TraceRecorder recorder(def->id);
  Report report;
  try {
    report = Evaluate(plan, dossier, params, &recorder, max_steps);
  } catch (const StepLimitExceeded& exceeded) {
    return StepLimitStatus(exceeded);
  }
  const CriterionResult* result = FindCriterion(report, def->id);
  if (!result) {
    return absl::InternalError(absl::StrCat("criterion ", def->id, " was not evaluated"));
  }

  TraceNode root{absl::StrCat("criterion ", def->id, " (", result->kind, ") ", def->text),
                 VerdictName(result->verdict),
                 {}};
  if (!result->message.empty()) root.children.push_back({"because", result->message, {}});
  if (def->kind != CriterionKind::kComputed) {
    root.children.push_back({"expert judgement",
                             result->judgement ? VerdictName(*result->judgement) : "none recorded",
                             {}});
  }
  if (!result->missing.empty()) {
    root.children.push_back({"missing", absl::StrJoin(result->missing, ", "), {}});
  }
  TraceBuilder builder(pack);
  for (const auto& raw : recorder.roots()) root.children.push_back(builder.Build(*raw));
  return root;
}

}  // namespace zhuoyue
