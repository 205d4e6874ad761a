/* The C header compiles as strict C99 (-std=c99 -pedantic -Werror, see tests/CMakeLists.txt),
 * and its initialiser macros are valid C. */
#include "zhuoyue/zhuoyue.h"

int zhuoyue_header_c99_check(void) {
  zy_pack_options pack = ZY_PACK_OPTIONS_INIT;
  zy_evaluate_options evaluate = ZY_EVALUATE_OPTIONS_INIT;
  return (int)pack.version + (int)evaluate.version;
}
