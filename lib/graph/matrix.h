// The realisation matrix (学校标准实现矩阵) of a dossier: standard points × courses, each
// cell the course's support weight for the point and the course's assessments measuring it,
// with how each course is delivered; and the items × general points table. Read from the
// dossier-v1 tables (school_standard, points, courses, supports, assessments,
// assessment_points); a pack without them gets an empty matrix.
#ifndef ZHUOYUE_LIB_GRAPH_MATRIX_H_
#define ZHUOYUE_LIB_GRAPH_MATRIX_H_

#include "check/schema.h"
#include "load/dossier.h"
#include "zhuoyue/report.h"

namespace zhuoyue {

RealisationMatrix BuildMatrix(const Schema& schema, const DossierTables& dossier);

}  // namespace zhuoyue

#endif  // ZHUOYUE_LIB_GRAPH_MATRIX_H_
