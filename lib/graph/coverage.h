// Stage 5: the coverage graph of a dossier, in Boost.Graph.
//
//   general / industry point → school-standard item → standard point → course → assessment
//
// Edges follow the dossier-v1 chain: `school_standard.covers`, the item's `points`, the
// courses' `supports`, the courses' `assessments` and what they measure. The report's
// general-standard table and coverage lists are read off the graph, each gap with the path
// that leads to it. Unknown (absent) data is never listed as a gap.
#ifndef ZHUOYUE_LIB_GRAPH_COVERAGE_H_
#define ZHUOYUE_LIB_GRAPH_COVERAGE_H_

#include <vector>

#include "check/checked_pack.h"
#include "load/dossier.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

// Fills report.general_standard and report.coverage.
void AddCoverage(const CheckedPack& pack, const DossierTables& dossier, Report& report);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_GRAPH_COVERAGE_H_
