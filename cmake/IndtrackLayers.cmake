# Layers: one static library per source folder, and a build that enforces what each folder may
# include (the map is in docs/architecture.md).
#
# Every target compiles against an include root of its own, generated in the build directory:
# links to exactly the folders it may see — its own, the folders it USES, and what those may
# see — and, for a headless folder, stand-in headers named like ImGui's, GLFW's, EGL's and GL's
# that stop the compile with an #error. No target has src/ itself on its include path. So
#   #include "ui/session.h"   in src/query    fails: "ui/session.h: No such file or directory"
#   #include <GLFW/glfw3.h>   in src/export   fails: "#error src/export is headless: ..."
# tests/CMakeLists.txt proves both with compile probes (indtrack_layer_probe below).

set(INDTRACK_INCLUDE_ROOTS ${CMAKE_BINARY_DIR}/include-roots)

# Headers a headless folder must never reach. Those in /usr/include (GLFW, EGL, GL) would be found
# without any -I, so the stand-ins shadow them (an include root comes before the system directories).
set(INDTRACK_GUI_HEADERS imgui.h imgui_internal.h imgui_stdlib.h imgui_impl_glfw.h imgui_impl_opengl3.h
  GLFW/glfw3.h EGL/egl.h EGL/eglext.h GL/gl.h glad/gl.h)

function(_indtrack_target_of folder out)
  string(REPLACE "/" "_" name "${folder}")
  set(${out} indtrack_${name} PARENT_SCOPE)
endfunction()

# Creates the include root `root` showing `folders` (paths under src/), plus the stand-ins when
# `headless`. A sub-folder (ui/host) is linked on its own only when its parent (ui) is not shown.
function(_indtrack_make_root root folders headless label)
  file(REMOVE_RECURSE ${root})  # removes the links, never what they point to
  file(MAKE_DIRECTORY ${root})
  list(REMOVE_ITEM folders "")
  foreach(folder IN LISTS folders)
    get_filename_component(parent "${folder}" DIRECTORY)
    if(parent AND parent IN_LIST folders)
      continue()
    endif()
    if(parent)
      file(MAKE_DIRECTORY ${root}/${parent})
    endif()
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  endforeach()
  if(headless)
    foreach(header IN LISTS INDTRACK_GUI_HEADERS)
      file(WRITE ${root}/${header}
        "#error ${label} is headless: it may not include <${header}> (docs/architecture.md, the map)\n")
    endforeach()
  endif()
endfunction()

# The folders `uses` may see, with `uses` themselves: the closure over the layers declared so far.
function(_indtrack_closure uses out)
  set(visible)
  foreach(dep IN LISTS uses)
    string(REPLACE "/" "_" id "${dep}")
    get_property(known GLOBAL PROPERTY INDTRACK_LAYER_${id}_DECLARED)
    if(NOT known)
      message(FATAL_ERROR "indtrack: layer \"${dep}\" is used before it is declared (src/CMakeLists.txt order)")
    endif()
    get_property(dep_visible GLOBAL PROPERTY INDTRACK_LAYER_${id}_VISIBLE)
    list(APPEND visible ${dep} ${dep_visible})
  endforeach()
  list(REMOVE_DUPLICATES visible)
  set(${out} ${visible} PARENT_SCOPE)
endfunction()

# indtrack_layer(<folder> [GUI] [USES <folder>...] [PUBLIC_LINK <lib>...] [PRIVATE_LINK <lib>...])
# The static library indtrack_<folder> (ui/host: indtrack_ui_host) from src/<folder>/*.cpp. It
# links the layers it USES and may include their headers and those they may include. GUI marks a
# folder that may include ImGui/GL headers; every other one is headless.
function(indtrack_layer folder)
  cmake_parse_arguments(ARG "GUI" "" "USES;PUBLIC_LINK;PRIVATE_LINK" ${ARGN})
  _indtrack_target_of(${folder} target)
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${folder}/*.cpp)
  file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${folder}/*.h)
  add_library(${target} STATIC ${sources} ${headers})
  set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)

  _indtrack_closure("${ARG_USES}" visible)
  string(REPLACE "/" "_" id "${folder}")
  set_property(GLOBAL PROPERTY INDTRACK_LAYER_${id}_DECLARED TRUE)
  set_property(GLOBAL PROPERTY INDTRACK_LAYER_${id}_VISIBLE ${visible})
  set_property(GLOBAL PROPERTY INDTRACK_LAYER_${id}_GUI ${ARG_GUI})

  set(root ${INDTRACK_INCLUDE_ROOTS}/${target})
  set(headless TRUE)
  if(ARG_GUI)
    set(headless FALSE)
  endif()
  _indtrack_make_root(${root} "${folder};${visible}" ${headless} "src/${folder}")
  target_include_directories(${target} BEFORE PRIVATE ${root})
  set_property(TARGET ${target} PROPERTY INDTRACK_INCLUDE_ROOT ${root})

  set(dep_targets)
  foreach(dep IN LISTS ARG_USES)
    _indtrack_target_of(${dep} dep_target)
    list(APPEND dep_targets ${dep_target})
  endforeach()
  target_link_libraries(${target} PUBLIC ${dep_targets} ${ARG_PUBLIC_LINK}
    PRIVATE indtrack_warnings ${ARG_PRIVATE_LINK})
endfunction()

# indtrack_uses_layers(<target> <folder>...): a target outside src/ (tests, benchmarks, fuzz
# targets) links the given layers and gets an include root showing them and what they may see
# (headless unless one of them is a GUI layer).
function(indtrack_uses_layers target)
  _indtrack_closure("${ARGN}" visible)
  set(headless TRUE)
  set(dep_targets)
  foreach(dep IN LISTS ARGN)
    string(REPLACE "/" "_" id "${dep}")
    get_property(gui GLOBAL PROPERTY INDTRACK_LAYER_${id}_GUI)
    if(gui)
      set(headless FALSE)
    endif()
    _indtrack_target_of(${dep} dep_target)
    list(APPEND dep_targets ${dep_target})
  endforeach()
  set(root ${INDTRACK_INCLUDE_ROOTS}/${target})
  _indtrack_make_root(${root} "${visible}" ${headless} "${target}")
  target_include_directories(${target} BEFORE PRIVATE ${root})
  target_link_libraries(${target} PRIVATE ${dep_targets})
endfunction()

# indtrack_layer_probe(<folder> <header> COMPILES|FAILS [<regex>]): a test that compiles a file
# holding only `#include "<header>"` (or <header> when it has no folder) with the flags of the
# layer of <folder> and expects it to compile, or to fail with an error matching <regex>. The
# failing probes are the layering rule at work; the compiling ones show the command is right.
function(indtrack_layer_probe folder header expect)
  _indtrack_target_of(${folder} target)
  if(NOT TARGET ${target})
    return()
  endif()
  string(MAKE_C_IDENTIFIER "${folder}_${header}" probe)
  set(source ${CMAKE_BINARY_DIR}/layer-probes/${probe}.cpp)
  if(header MATCHES "/" AND NOT header MATCHES "^(GLFW|EGL|GL|glad)/")
    file(WRITE ${source} "#include \"${header}\"\n")
  else()
    file(WRITE ${source} "#include <${header}>\n")
  endif()
  set(regex "${ARGV3}")
  if(NOT regex)
    set(regex ".")
  endif()
  add_test(NAME "layering: src/${folder} ${expect} with ${header}"
    COMMAND ${CMAKE_COMMAND}
      -DCOMPILER=${CMAKE_CXX_COMPILER}
      "-DINCLUDES=$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>"
      -DSOURCE=${source} -DEXPECT=${expect} "-DREGEX=${regex}"
      -P ${PROJECT_SOURCE_DIR}/cmake/layer_probe.cmake)
endfunction()
