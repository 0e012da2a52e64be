#include "cli/command_support.h"

#include <ostream>

#include "io/data_paths.h"

namespace indtrack {

std::optional<Dataset> load_dataset_for_command(const std::string& verb, const std::string& path,
                                                std::ostream& err) {
  std::string file = path;
  if (file.empty()) {
    file = default_dataset_path();
    if (file.empty()) {
      err << "indtrack " << verb << ": the bundled dataset data/wuhai.json was not found; use --data FILE\n";
      return std::nullopt;
    }
  }
  LoadResult r = load_dataset(file);
  for (const Problem& p : r.problems)
    if (p.severity == Problem::Severity::Error) err << p.format() << "\n";
  if (!r.ok()) {
    err << "indtrack " << verb << ": " << file << " has errors; nothing done\n";
    return std::nullopt;
  }
  const std::size_t warnings = count_severity(r.problems, Problem::Severity::Warning);
  if (warnings > 0)
    err << file << ": " << warnings << " warning" << (warnings == 1 ? "" : "s") << " (see indtrack validate "
        << file << ")\n";
  return std::move(r.dataset);
}

const Dataset& park_until_exit(Dataset&& data) {
  static Dataset* parked = nullptr;  // reachable until exit, so leak checkers do not report it
  delete parked;
  parked = new Dataset(std::move(data));
  return *parked;
}

}  // namespace indtrack
