# `cmake --install`: the shared library, the public headers (include/zhuoyue/ only), the
# CMake package (zhuoyueConfig.cmake, its version file, the zhuoyue::zhuoyue target), a
# pkg-config file, and the zy command. Tested by tests/package (find_package, pkg-config and
# add_subdirectory consumers).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ZHUOYUE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/zhuoyue")

install(TARGETS zhuoyue EXPORT zhuoyueTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/zhuoyue"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(EXPORT zhuoyueTargets NAMESPACE zhuoyue:: DESTINATION ${ZHUOYUE_CMAKE_DIR}
  COMPONENT development)

configure_package_config_file(cmake/zhuoyueConfig.cmake.in
  "${PROJECT_BINARY_DIR}/zhuoyueConfig.cmake" INSTALL_DESTINATION ${ZHUOYUE_CMAKE_DIR})
# Before 1.0 a minor release may change the C++ API, so only the same minor version matches.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/zhuoyueConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/zhuoyueConfig.cmake"
  "${PROJECT_BINARY_DIR}/zhuoyueConfigVersion.cmake"
  DESTINATION ${ZHUOYUE_CMAKE_DIR} COMPONENT development)

# The .pc file finds its prefix from where it is installed, so the tree can move.
file(RELATIVE_PATH ZHUOYUE_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
configure_file(cmake/zhuoyue.pc.in "${PROJECT_BINARY_DIR}/zhuoyue.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/zhuoyue.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)

# The build tree as a package too, for consumers that point CMAKE_PREFIX_PATH at it.
export(EXPORT zhuoyueTargets NAMESPACE zhuoyue::
  FILE "${PROJECT_BINARY_DIR}/zhuoyueTargets.cmake")

if(TARGET zy)
  file(RELATIVE_PATH ZHUOYUE_BIN_TO_LIB "${CMAKE_INSTALL_FULL_BINDIR}"
    "${CMAKE_INSTALL_FULL_LIBDIR}")
  set_target_properties(zy PROPERTIES INSTALL_RPATH "$ORIGIN/${ZHUOYUE_BIN_TO_LIB}")
  install(TARGETS zy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
endif()
