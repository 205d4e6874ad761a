// Evaluates a dossier with the built-in rules through the C++ API and prints every verdict
// (the same output as the other embedding examples).
//
//   evaluate program.json
#include <iostream>
#include <vector>

#include "zhuoyue/zhuoyue.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " DOSSIER.json\n";
    return 2;
  }
  auto pack = zhuoyue::Pack::Builtin();
  if (!pack.ok()) {
    std::cerr << pack.status().message() << "\n";
    return 1;
  }
  // Problems in the dossier come back as located diagnostics, beside the failed status.
  std::vector<zhuoyue::Diagnostic> problems;
  auto dossier = zhuoyue::Dossier::FromFile(**pack, argv[1], &problems);
  if (!dossier.ok()) {
    std::cerr << dossier.status().message() << "\n";
    for (const zhuoyue::Diagnostic& problem : problems) std::cerr << problem.Format() << "\n";
    return 1;
  }
  auto report = zhuoyue::Evaluate(**pack, **dossier);
  if (!report.ok()) {
    std::cerr << report.status().message() << "\n";
    return 1;
  }
  std::cout << report->program << ": " << report->overall << "\n";
  for (const zhuoyue::RequirementResult& requirement : report->requirements) {
    std::cout << "requirement " << requirement.id << ": "
              << zhuoyue::VerdictName(requirement.verdict) << " (" << requirement.level << ")\n";
    for (const zhuoyue::CriterionResult& criterion : requirement.criteria) {
      std::cout << "  criterion " << criterion.id << ": "
                << zhuoyue::VerdictName(criterion.verdict);
      const char* separator = "; witnesses: ";
      for (const std::string& witness : criterion.witnesses) {
        std::cout << separator << witness;
        separator = ", ";
      }
      std::cout << "\n";
    }
  }
  return 0;
}
