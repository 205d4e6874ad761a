// The built-in rule pack, embedded at build time (cmake/EmbedPack.cmake).
#ifndef ZHUOYUE_LIB_API_BUILTIN_PACK_H_
#define ZHUOYUE_LIB_API_BUILTIN_PACK_H_

#include <string_view>
#include <vector>

namespace zhuoyue::internal {

struct PackFile {
  std::string_view name;  // "r05.zy"
  std::string_view text;
};

const std::vector<PackFile>& BuiltinPackFiles();

}  // namespace zhuoyue::internal

#endif  // ZHUOYUE_LIB_API_BUILTIN_PACK_H_
