// indtrack validate FILE... — every problem of every file, then a one-line summary per file.
#include <ostream>

#include "cli/cli.h"
#include "cli/command_support.h"
#include "io/dataset_io.h"

namespace indtrack {

static const char* kValidateHelp = R"(Usage: indtrack validate FILE...

Checks dataset files against docs/data-format.md and prints every problem, all in one pass:
  FILE:LINE:COL: error|warning: JSON.PATH: message
Errors make a file unusable; warnings do not. Article quotes are checked against the article
texts the file names (ignoring line breaks and spaces).

Exit status: 0 every file valid (warnings allowed), 1 some file has errors, 2 usage error.

Example:
  indtrack validate data/wuhai.json
)";

int run_validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kValidateHelp;
      return kExitOk;
    }
    if (args[i].rfind("--", 0) == 0) {
      err << "indtrack validate: unknown option " << args[i] << "\n\n" << kValidateHelp;
      return kExitUsage;
    }
    files.push_back(args[i]);
  }
  if (files.empty()) {
    err << "indtrack validate: no FILE given\n\n" << kValidateHelp;
    return kExitUsage;
  }
  bool all_valid = true;
  for (const std::string& file : files) {
    LoadResult r = load_dataset(file);
    for (const Problem& p : r.problems) out << p.format() << "\n";
    const std::size_t errors = count_severity(r.problems, Problem::Severity::Error);
    const std::size_t warnings = count_severity(r.problems, Problem::Severity::Warning);
    if (r.ok()) {
      const Dataset& d = park_until_exit(std::move(*r.dataset));
      std::size_t units = 0, milestones = 0;
      for (const Project& p : d.projects) {
        units += p.units.size();
        milestones += p.milestones.size();
        for (const Unit& u : p.units) milestones += u.milestones.size();
      }
      err << file << ": valid — " << d.projects.size() << " projects, " << units << " units, " << milestones
          << " milestones, " << d.sources.size() << " sources, " << warnings << " warning"
          << (warnings == 1 ? "" : "s") << "\n";
    } else {
      all_valid = false;
      err << file << ": invalid — " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
          << " warning" << (warnings == 1 ? "" : "s") << "\n";
    }
  }
  return all_valid ? kExitOk : kExitFailure;
}

}  // namespace indtrack
