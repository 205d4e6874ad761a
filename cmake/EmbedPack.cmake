# zhuoyue_embed_pack(OUTPUT out.cc FILES a.zy b.zy ...)
#
# Writes a C++ source defining zhuoyue::internal::kBuiltinPack: the named .zy files as
# (name, text) pairs, so the built-in rule pack ships inside the library and needs no
# installed data files. Regenerated whenever a .zy file changes.
function(zhuoyue_embed_pack)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -DOUTPUT=${ARG_OUTPUT} "-DFILES=${ARG_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_pack_script.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_pack_script.cmake"
    COMMENT "Embedding the built-in rule pack"
    VERBATIM)
endfunction()
