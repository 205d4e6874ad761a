#include "graph/coverage.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <string>

namespace zhuoyue {
namespace {

enum class EdgeKind { kCovers, kRefines, kSupportedBy, kAssessedBy, kMeasures };

struct VertexInfo {
  RowRef row;
};
struct EdgeInfo {
  EdgeKind kind;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexInfo, EdgeInfo>;
using Vertex = Graph::vertex_descriptor;

class CoverageBuilder {
 public:
  CoverageBuilder(const CheckedPack& pack, const DossierTables& dossier)
      : schema_(pack.schema), dossier_(dossier) {}

  void Run(const CheckedPack& pack, Report& report);

 private:
  // The vertex of a row, created on first use.
  Vertex VertexOf(RowRef row) {
    auto [it, inserted] = vertices_.try_emplace(Key(row), 0);
    if (inserted) it->second = boost::add_vertex(VertexInfo{row}, graph_);
    return it->second;
  }
  static int64_t Key(RowRef row) {
    return (static_cast<int64_t>(row.table) << 32) | uint32_t(row.row);
  }
  bool Present(TableId table) const { return table != kNoTable && dossier_.tables[table].present; }
  std::string Id(RowRef row) const { return std::string(dossier_.RowId(row)); }

  // Whether every parent row carries its array of `child` rows (possibly empty): when one
  // is absent (unknown), gaps below it cannot be decided.
  bool ChildrenKnown(TableId child) const;
  // Adds parent → child edges for a child table; returns ChildrenKnown(child).
  bool AddChildEdges(TableId child, EdgeKind kind);
  // Adds edges for a reference field: from the referenced row to the referring row's owner
  // (or to itself when `to_parent` is false), or the reverse when `reverse` is set.
  bool AddReferenceEdges(TableId table, const char* field_name, EdgeKind kind, bool to_parent,
                         bool reverse);
  std::vector<std::string> PathTo(Vertex point);
  std::vector<std::string> Neighbors(Vertex v, EdgeKind kind, bool outgoing);
  std::vector<std::string> Sources(Vertex v, EdgeKind kind) { return Neighbors(v, kind, false); }
  std::vector<std::string> Targets(Vertex v, EdgeKind kind) { return Neighbors(v, kind, true); }

  const Schema& schema_;
  const DossierTables& dossier_;
  Graph graph_;
  absl::flat_hash_map<int64_t, Vertex> vertices_;
};

bool CoverageBuilder::ChildrenKnown(TableId child) const {
  if (child == kNoTable || !Present(schema_.tables[child].parent) || !Present(child)) return false;
  const Table& table = dossier_.tables[child];
  return std::all_of(table.child_state.begin(), table.child_state.end(),
                     [](CellState state) { return state == CellState::kPresent; });
}

bool CoverageBuilder::AddChildEdges(TableId child, EdgeKind kind) {
  if (child == kNoTable) return false;
  const Table& table = dossier_.tables[child];
  TableId parent = schema_.tables[child].parent;
  if (!table.present) return false;
  bool known = true;
  for (int32_t p = 0; p < dossier_.tables[parent].rows; ++p) {
    Vertex from = VertexOf({parent, p});
    if (table.child_state[p] != CellState::kPresent) {
      known = false;
      continue;
    }
    for (uint32_t i = table.child_begin[p]; i < table.child_begin[p + 1]; ++i) {
      boost::add_edge(from, VertexOf({child, table.child_rows[i]}), EdgeInfo{kind}, graph_);
    }
  }
  return known;
}

bool CoverageBuilder::AddReferenceEdges(TableId table_id, const char* field_name, EdgeKind kind,
                                        bool to_parent, bool reverse) {
  if (!Present(table_id)) return false;
  FieldId field = schema_.tables[table_id].FindField(field_name);
  if (field < 0) return false;
  const Table& table = dossier_.tables[table_id];
  const Column& column = table.columns[field];
  bool is_list = schema_.tables[table_id].fields[field].is_list;
  TableId parent = schema_.tables[table_id].parent;
  bool known = true;
  for (int32_t row = 0; row < table.rows; ++row) {
    if (column.state[row] == CellState::kUnknown) {
      known = false;
      continue;
    }
    if (column.state[row] != CellState::kPresent) continue;
    Vertex owner =
        VertexOf(to_parent ? RowRef{parent, table.parent_row[row]} : RowRef{table_id, row});
    auto link = [&](RowRef target) {
      if (target.row < 0) return;  // a row of an absent table
      Vertex referenced = VertexOf(target);
      if (reverse) {
        boost::add_edge(owner, referenced, EdgeInfo{kind}, graph_);
      } else {
        boost::add_edge(referenced, owner, EdgeInfo{kind}, graph_);
      }
    };
    if (is_list) {
      for (uint32_t i = column.list_begin[row]; i < column.list_begin[row + 1]; ++i) {
        link(column.list_refs[i]);
      }
    } else {
      link(column.refs[row]);
    }
  }
  return known;
}

// Ids of the rows at the other end of `v`'s edges of one kind, once each, in dossier order.
std::vector<std::string> CoverageBuilder::Neighbors(Vertex v, EdgeKind kind, bool outgoing) {
  std::vector<std::pair<int32_t, std::string>> found;
  auto add = [&](Vertex other) {
    RowRef row = graph_[other].row;
    found.emplace_back(row.row, Id(row));
  };
  if (outgoing) {
    for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
      if (graph_[*e].kind == kind) add(boost::target(*e, graph_));
    }
  } else {
    for (auto [e, end] = boost::in_edges(v, graph_); e != end; ++e) {
      if (graph_[*e].kind == kind) add(boost::source(*e, graph_));
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<std::string> ids;
  for (auto& [row, id] : found) ids.push_back(std::move(id));
  return ids;
}

// general point → item → point, following the first covering edges.
std::vector<std::string> CoverageBuilder::PathTo(Vertex point) {
  std::vector<std::string> path = {Id(graph_[point].row)};
  for (auto [e, end] = boost::in_edges(point, graph_); e != end; ++e) {
    if (graph_[*e].kind != EdgeKind::kRefines) continue;
    Vertex item = boost::source(*e, graph_);
    path.insert(path.begin(), Id(graph_[item].row));
    std::vector<std::string> covering = Sources(item, EdgeKind::kCovers);
    if (!covering.empty()) path.insert(path.begin(), covering.front());
    break;
  }
  return path;
}

void CoverageBuilder::Run(const CheckedPack& pack, Report& report) {
  TableId items = schema_.FindTable("school_standard");
  TableId points = schema_.FindTable("points");
  TableId courses = schema_.FindTable("courses");
  TableId supports = schema_.FindTable("supports");
  TableId assessments = schema_.FindTable("assessments");
  TableId measured = schema_.FindTable("assessment_points");

  for (const StandardDef& standard : pack.standards) {
    for (int32_t row = 0; row < dossier_.tables[standard.table].rows; ++row) {
      VertexOf({standard.table, row});
    }
  }
  bool covers_known = AddReferenceEdges(items, "covers", EdgeKind::kCovers, false, false);
  AddChildEdges(points, EdgeKind::kRefines);
  // point → course (supported by); course → assessment; assessment → point (measures).
  bool supports_known = ChildrenKnown(supports) &
                        AddReferenceEdges(supports, "point", EdgeKind::kSupportedBy, true, false);
  bool assessments_known = AddChildEdges(assessments, EdgeKind::kAssessedBy) &
                           ChildrenKnown(measured) &
                           AddReferenceEdges(measured, "point", EdgeKind::kMeasures, true, true);

  for (const StandardDef& standard : pack.standards) {
    const Table& table = dossier_.tables[standard.table];
    for (int32_t row = 0; row < table.rows; ++row) {
      Vertex v = VertexOf({standard.table, row});
      GeneralPointResult point;
      point.id = Id({standard.table, row});
      point.text = schema_.tables[standard.table].pack_rows[row].second;
      point.covered_by = Targets(v, EdgeKind::kCovers);
      point.verdict = !point.covered_by.empty() ? Verdict::kMet
                      : covers_known            ? Verdict::kNotMet
                                                : Verdict::kPending;
      if (point.verdict == Verdict::kNotMet) {
        report.coverage.gaps.push_back({"uncovered_general_point", point.id, {point.id}});
      }
      report.general_standard.push_back(std::move(point));
    }
  }

  Coverage& coverage = report.coverage;
  if (Present(points)) {
    for (int32_t row = 0; row < dossier_.tables[points].rows; ++row) {
      Vertex v = VertexOf({points, row});
      bool supported = !Targets(v, EdgeKind::kSupportedBy).empty();
      bool measured_by_some = !Sources(v, EdgeKind::kMeasures).empty();
      std::string id = Id({points, row});
      if (!supported && supports_known) {
        coverage.uncovered_points.push_back(id);
        coverage.gaps.push_back({"uncovered_point", id, PathTo(v)});
      }
      if (!measured_by_some && assessments_known) {
        coverage.unassessed_points.push_back(id);
        coverage.gaps.push_back({"unassessed_point", id, PathTo(v)});
      }
    }
  }
  if (Present(courses)) {
    const Table& course_table = dossier_.tables[courses];
    for (int32_t row = 0; row < course_table.rows; ++row) {
      std::string id = Id({courses, row});
      Vertex v = VertexOf({courses, row});
      // The first point the course supports leads the path: G → item → point → course.
      std::vector<std::string> path = {id};
      for (auto [e, end] = boost::in_edges(v, graph_); e != end; ++e) {
        if (graph_[*e].kind == EdgeKind::kSupportedBy) {
          path = PathTo(boost::source(*e, graph_));
          path.push_back(id);
          break;
        }
      }
      if (assessments != kNoTable && dossier_.tables[assessments].present &&
          dossier_.tables[assessments].child_state[row] == CellState::kPresent &&
          Targets(v, EdgeKind::kAssessedBy).empty()) {
        coverage.courses_without_assessment.push_back(id);
        coverage.gaps.push_back({"course_without_assessment", id, path});
      }
      if (supports != kNoTable && dossier_.tables[supports].present &&
          dossier_.tables[supports].child_state[row] == CellState::kPresent &&
          dossier_.tables[supports].child_begin[row] ==
              dossier_.tables[supports].child_begin[row + 1]) {
        coverage.orphan_courses.push_back(id);
        coverage.gaps.push_back({"orphan_course", id, {id}});
      }
    }
  }
}

}  // namespace

void AddCoverage(const CheckedPack& pack, const DossierTables& dossier, Report& report) {
  CoverageBuilder builder(pack, dossier);
  builder.Run(pack, report);
}

}  // namespace zhuoyue
