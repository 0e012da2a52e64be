// Lookup of shipped files relative to the executable, the source tree and the install prefix.
#include "io/resources.h"

#include <filesystem>
#include <system_error>
#include <vector>

namespace indtrack::ui {

namespace fs = std::filesystem;

std::string find_bundled_file(const std::string& relative) {
  std::error_code ec;
  std::vector<fs::path> roots;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    roots = {dir, dir.parent_path(), dir.parent_path() / "share" / "indtrack"};
  }
  roots.emplace_back(INDTRACK_SOURCE_DIR);
  roots.emplace_back(INDTRACK_INSTALL_DATADIR);
  for (const fs::path& root : roots) {
    const fs::path candidate = root / relative;
    if (fs::exists(candidate, ec)) return candidate.lexically_normal().string();
  }
  return {};
}

}  // namespace indtrack::ui
