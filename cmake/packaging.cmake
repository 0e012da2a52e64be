# Installation layout and the Debian package: `cpack -G DEB` in a build configured with
# -DCMAKE_INSTALL_PREFIX=/usr (scripts/make-deb does both; docs/packaging.md).
#
#   bin/indtrack
#   share/indtrack/data/        the bundled dataset and its article texts (sources/)
#   share/indtrack/assets/      the font subset and its licence
#   share/applications/indtrack.desktop, share/icons/hicolor/*/apps/indtrack.{png,svg},
#   share/mime/packages/indtrack.xml   (the desktop, icon theme and MIME database pick them up
#                                       through their own dpkg triggers: no maintainer scripts)
#
# The program finds share/indtrack beside its own bin/ (src/io/data_paths.cpp), so the package
# works whatever prefix it was built with. bin/indtrack is installed by src/app/CMakeLists.txt,
# beside the target that builds it; this file owns everything else.
set(INDTRACK_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(INDTRACK_SHARE_DIR ${CMAKE_INSTALL_DATADIR}/indtrack)

set(INDTRACK_READABLE_FILE OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
set(INDTRACK_READABLE_DIRECTORY OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
  WORLD_EXECUTE)
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${INDTRACK_READABLE_DIRECTORY})
foreach(folder data assets)
  # Not what a session leaves beside an open dataset in a working copy (lock, journal, backup).
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${folder}/ DESTINATION ${INDTRACK_SHARE_DIR}/${folder}
    FILE_PERMISSIONS ${INDTRACK_READABLE_FILE} DIRECTORY_PERMISSIONS ${INDTRACK_READABLE_DIRECTORY}
    PATTERN "*.lock" EXCLUDE PATTERN "*.journal*" EXCLUDE PATTERN "*.bak" EXCLUDE)
endforeach()
install(FILES ${INDTRACK_PACKAGING_DIR}/indtrack.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${INDTRACK_PACKAGING_DIR}/indtrack-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
  RENAME indtrack.xml)
install(DIRECTORY ${INDTRACK_PACKAGING_DIR}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
  FILE_PERMISSIONS ${INDTRACK_READABLE_FILE} DIRECTORY_PERMISSIONS ${INDTRACK_READABLE_DIRECTORY})

# --- the Debian package ---
set(INDTRACK_PACKAGE_MAINTAINER "indtrack developers" CACHE STRING
  "The Maintainer field of the .deb (e.g. \"Name <mail>\")")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME indtrack)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${INDTRACK_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # indtrack_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "tracker of Wuhai's industrial projects, every figure with its source
indtrack (乌海产业项目追踪) follows the industrial projects of Wuhai, Inner Mongolia: the BDO
chain, anode materials, polysilicon, coking and hydrogen. Every capacity, investment and date
carries its source and the verbatim sentence it came from. A Chinese-first dashboard with an
English toggle plots capacity growth, timelines, investment and plan versus actual; the same
charts export as PNG, SVG or CSV for reports from the command line, without a display.
.
The bundled dataset and the articles it quotes are in /usr/share/indtrack/data.")
# Depends: the libraries the executable links (dpkg-shlibdeps), plus what it loads at run time and
# dpkg-shlibdeps cannot see: Mesa's EGL and GLX vendor libraries and llvmpipe (export and screenshot
# render through EGL; the window through GLX), and the system CJK font behind the bundled subset.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libegl-mesa0, libglx-mesa0, libgl1-mesa-dri, fonts-noto-cjk")
include(CPack)
