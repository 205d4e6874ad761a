#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/codes.h"
#include "parse/parse.h"
#include "plan/plan.h"

namespace zhuoyue {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = Graph::vertex_descriptor;

void CollectMetReferences(const ir::Node* node, std::vector<std::string>& ids) {
  if (!node) return;
  if (node->op == ir::Op::kMet) ids.push_back(node->text);
  for (const ir::NodePtr& child : node->children) CollectMetReferences(child.get(), ids);
}

// Records the first back edge, from which the cycle is read off the DFS tree.
struct CycleFinder : boost::default_dfs_visitor {
  std::vector<Vertex>* parents;
  std::vector<Vertex>* cycle;
  void tree_edge(Graph::edge_descriptor e, const Graph& g) {
    (*parents)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(Graph::edge_descriptor e, const Graph& g) {
    if (!cycle->empty()) return;
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    for (Vertex v = from; v != to; v = (*parents)[v]) cycle->push_back(v);
    cycle->push_back(to);
    std::reverse(cycle->begin(), cycle->end());
  }
};

}  // namespace

std::unique_ptr<Plan> Compile(std::unique_ptr<CheckedPack> pack, Diagnostics& diagnostics) {
  auto plan = std::make_unique<Plan>();
  std::vector<PlanStep> steps;
  std::vector<std::string> names;
  for (size_t r = 0; r < pack->requirements.size(); ++r) {
    const RequirementDef& requirement = pack->requirements[r];
    for (size_t c = 0; c < requirement.criteria.size(); ++c) {
      PlanStep step{static_cast<int>(r), static_cast<int>(c)};
      plan->steps_by_id[requirement.criteria[c].id] = step;
      steps.push_back(step);
      names.push_back(absl::StrCat("criterion ", requirement.criteria[c].id));
    }
    PlanStep step{static_cast<int>(r), -1};
    plan->steps_by_id[requirement.id] = step;
    steps.push_back(step);
    names.push_back(absl::StrCat("requirement ", requirement.id));
  }
  auto index_of = [&](const PlanStep& step) {
    return static_cast<Vertex>(std::find_if(steps.begin(), steps.end(),
                                            [&](const PlanStep& s) {
                                              return s.requirement == step.requirement &&
                                                     s.criterion == step.criterion;
                                            }) -
                               steps.begin());
  };

  // Edge u → v: u must be decided before v.
  Graph graph(steps.size());
  for (size_t v = 0; v < steps.size(); ++v) {
    const RequirementDef& requirement = pack->requirements[steps[v].requirement];
    if (steps[v].criterion < 0) {
      for (size_t c = 0; c < requirement.criteria.size(); ++c) {
        boost::add_edge(index_of({steps[v].requirement, static_cast<int>(c)}), v, graph);
      }
      continue;
    }
    std::vector<std::string> ids;
    CollectMetReferences(requirement.criteria[steps[v].criterion].expression.get(), ids);
    for (const std::string& id : ids) {
      if (auto it = plan->steps_by_id.find(id); it != plan->steps_by_id.end()) {
        boost::add_edge(index_of(it->second), v, graph);
      }
    }
  }

  std::vector<Vertex> parents(steps.size()), cycle;
  CycleFinder finder;
  finder.parents = &parents;
  finder.cycle = &cycle;
  boost::depth_first_search(graph, boost::visitor(finder));
  if (!cycle.empty()) {
    std::vector<std::string> path;
    for (Vertex v : cycle) path.push_back(names[v]);
    path.push_back(names[cycle.front()]);
    // Located at the first criterion of the cycle (a requirement depends on its criteria,
    // so every cycle passes through one).
    const CriterionDef* at = nullptr;
    for (Vertex v : cycle) {
      if (steps[v].criterion >= 0) {
        at = &pack->requirements[steps[v].requirement].criteria[steps[v].criterion];
        break;
      }
    }
    diagnostics.push_back(MakeDiagnostic(
        *pack->sources[at ? at->file : 0], at ? at->span : Span{}, codes::kDependencyCycle,
        absl::StrCat("verdicts depend on each other in a cycle: ", absl::StrJoin(path, " → ")),
        "a criterion cannot depend, through met(), on its own verdict"));
    return nullptr;
  }
  std::vector<Vertex> reversed;
  boost::topological_sort(graph, std::back_inserter(reversed));
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) plan->order.push_back(steps[*it]);
  plan->pack = std::move(pack);
  return plan;
}

}  // namespace zhuoyue
