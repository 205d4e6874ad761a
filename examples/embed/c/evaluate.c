/* Evaluates a dossier with the built-in rules through the C ABI and prints every verdict.
 *
 *   evaluate program.json
 *
 * Output (the same from every embedding example):
 *   10698-080202: passed_not_met
 *   requirement 1: met (met)
 *     criterion 1.1: met
 *     criterion 5.2: not_met; witnesses: T02
 */
#include <stdio.h>
#include <string.h>

#include "zhuoyue/zhuoyue.h"

static void print_verdicts(const zy_report *report) {
  printf("%s: %s\n", zy_report_program(report), zy_report_overall(report));
  for (size_t r = 0; r < zy_report_count(report, ZY_ITEM_REQUIREMENT); ++r) {
    const zy_item *requirement = zy_report_item(report, ZY_ITEM_REQUIREMENT, r);
    printf("requirement %s: %s (%s)\n", requirement->id, zy_verdict_name(requirement->verdict),
           requirement->level);
    for (size_t c = 0; c < zy_report_count(report, ZY_ITEM_CRITERION); ++c) {
      const zy_item *criterion = zy_report_item(report, ZY_ITEM_CRITERION, c);
      if (strcmp(criterion->requirement, requirement->id) != 0) continue;
      printf("  criterion %s: %s", criterion->id, zy_verdict_name(criterion->verdict));
      for (size_t w = 0; w < criterion->witness_count; ++w) {
        printf("%s%s", w == 0 ? "; witnesses: " : ", ", criterion->witnesses[w]);
      }
      printf("\n");
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DOSSIER.json\n", argv[0]);
    return 2;
  }
  zy_pack *pack = NULL;
  zy_report *report = NULL;
  int status = zy_pack_builtin(&pack, NULL);
  if (status == ZY_OK) status = zy_evaluate_file(&report, pack, argv[1], NULL);
  if (status == ZY_OK) {
    print_verdicts(report);
  } else {
    /* The message names the problem; each diagnostic is also readable on its own. */
    fprintf(stderr, "error %d: %s\n", status, zy_error_last());
  }
  zy_report_free(report);
  zy_pack_free(pack);
  return status == ZY_OK ? 0 : 1;
}
