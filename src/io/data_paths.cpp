#include "io/data_paths.h"

#include <unistd.h>

#include <climits>
#include <vector>

#include "io/file_io.h"

namespace indtrack {

std::string executable_directory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  return directory_of(std::string(buf, static_cast<std::size_t>(n)));
}

std::string find_bundled_file(const std::string& relative) {
  const std::string exe = executable_directory();
  const std::vector<std::string> roots = {
      exe,                                             // a relocated bundle: indtrack next to data/
      directory_of(exe),                               // the build tree: build/indtrack, data/ beside build/
      join_path(directory_of(exe), "share/indtrack"),  // an installed tree: <prefix>/bin/indtrack
      INDTRACK_SOURCE_DIR,                             // the source tree it was built from
      INDTRACK_INSTALL_DATADIR,                        // cmake --install: <prefix>/share/indtrack
  };
  for (const std::string& root : roots) {
    const std::string candidate = join_path(root, relative);
    if (file_exists(candidate)) return candidate;
  }
  return {};
}

std::string default_dataset_path() { return find_bundled_file(kBundledDataset); }

}  // namespace indtrack
