// indtrack validate FILE... — every problem of every file, then a one-line summary per file.
#include <memory>
#include <ostream>

#include "cli/cli.h"
#include "cli/command_support.h"
#include "db/pg_dataset_store.h"
#include "io/dataset_io.h"
#include "store/json_file_store.h"

namespace indtrack {

static const char* kValidateHelp = R"(Usage: indtrack validate FILE... | --db CONNINFO

Checks dataset files against docs/data-format.md and prints every problem, all in one pass:
  FILE:LINE:COL: error|warning: JSON.PATH: message
Errors make a file unusable; warnings do not. Article quotes are checked against the article
texts the file names (ignoring line breaks and spaces).

With --db CONNINFO the dataset a PostgreSQL server holds is checked by the same rules (its
problems carry no line numbers: there is no file); see `indtrack db --help` for CONNINFO.

Exit status: 0 every file valid (warnings allowed), 1 some file has errors or the database
cannot be read, 2 usage error.

Examples:
  indtrack validate data/wuhai.json
  indtrack validate --db "host=/run/postgresql dbname=wuhai"
)";

int run_validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  std::optional<std::string> db;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kValidateHelp;
      return kExitOk;
    }
    if (args[i] == "--db" || args[i].rfind("--db=", 0) == 0) {
      if (args[i] == "--db" && i + 1 >= args.size()) {
        err << "indtrack validate: --db needs a connection string\n";
        return kExitUsage;
      }
      db = args[i] == "--db" ? args[++i] : args[i].substr(5);
      continue;
    }
    if (args[i].rfind("--", 0) == 0) {
      err << "indtrack validate: unknown option " << args[i] << "\n\n" << kValidateHelp;
      return kExitUsage;
    }
    files.push_back(args[i]);
  }
  if (files.empty() && !db) {
    err << "indtrack validate: no FILE given\n\n" << kValidateHelp;
    return kExitUsage;
  }
  std::vector<std::unique_ptr<DatasetStore>> stores;
  for (const std::string& file : files) stores.push_back(std::make_unique<JsonFileStore>(file));
  if (db) {
    auto opened = db::PgDatasetStore::open(*db);
    if (!opened) {
      err << "indtrack validate: " << opened.error().message << "\n";
      return kExitFailure;
    }
    stores.push_back(std::move(*opened));
  }
  bool all_valid = true;
  for (const auto& store : stores) {
    const std::string file = store->name();
    Result<LoadResult> loaded = store->load();
    if (!loaded) {
      err << "indtrack validate: " << loaded.error().message << "\n";
      all_valid = false;
      continue;
    }
    LoadResult& r = *loaded;
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
