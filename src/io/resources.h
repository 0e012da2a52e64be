// Where the program finds what it ships: the font asset and the bundled dataset. Looked up next
// to the executable (build tree or install prefix), then in the source tree it was built from.
#pragma once

#include <string>

namespace indtrack::ui {

// The first existing path among, for RELATIVE = "assets/fonts/x.otf":
//   <exe dir>/RELATIVE, <exe dir>/../RELATIVE, <exe dir>/../share/indtrack/RELATIVE,
//   <source dir>/RELATIVE, <install data dir>/RELATIVE.
// Empty when none exists.
std::string find_bundled_file(const std::string& relative);

inline constexpr const char* kBundledFont = "assets/fonts/NotoSansCJKsc-indtrack.otf";
inline constexpr const char* kBundledDataset = "data/wuhai.json";

}  // namespace indtrack::ui
