// Where the bundled dataset and assets are: next to the executable (build tree), in
// <exe dir>/../share/indtrack (an installed copy, e.g. the .deb), in the source tree it was built
// from, or under the configured install prefix — so `indtrack` works from any directory.
#pragma once

#include <string>

namespace indtrack {

std::string executable_directory();
// The first existing path of `relative` (e.g. "data/wuhai.json", "assets/fonts/x.otf") among the
// candidate roots; "" if none exists.
std::string find_bundled_file(const std::string& relative);
std::string default_dataset_path();  // find_bundled_file("data/wuhai.json")

}  // namespace indtrack
