// Where the program finds what it ships — the bundled dataset and the font asset: next to the
// executable (a relocated bundle, the build tree), in the source tree it was built from, or under
// the install prefix — so `indtrack` works from any directory.
#pragma once

#include <string>

namespace indtrack {

inline constexpr const char* kBundledFont = "assets/fonts/NotoSansCJKsc-indtrack.otf";
inline constexpr const char* kBundledDataset = "data/wuhai.json";

std::string executable_directory();
// The first existing file among, for RELATIVE = "assets/fonts/x.otf":
//   <exe dir>/RELATIVE, <exe dir>/../RELATIVE, <exe dir>/../share/indtrack/RELATIVE,
//   <source dir>/RELATIVE, <install data dir>/RELATIVE.
// Empty when none exists.
std::string find_bundled_file(const std::string& relative);
std::string default_dataset_path();  // find_bundled_file(kBundledDataset)

}  // namespace indtrack
