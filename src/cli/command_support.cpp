#include "cli/command_support.h"

#include <memory>
#include <ostream>

#include "db/pg_dataset_store.h"
#include "io/data_paths.h"
#include "store/json_file_store.h"

namespace indtrack {

std::string check_data_location(const DataLocation& where) {
  if (where.db && !where.file.empty()) return "give --data FILE or --db CONNINFO, not both";
  return "";
}

const char* db_option_help() {
  return "  --db CONNINFO    read the dataset a PostgreSQL server holds instead of a file: a libpq\n"
         "                   connection string or URI (\"host=/run/postgresql dbname=wuhai\",\n"
         "                   postgresql://db.example/wuhai); PG* variables and ~/.pg_service.conf fill\n"
         "                   in the rest, a password comes only from ~/.pgpass (docs/database.md)\n";
}

std::optional<Dataset> load_dataset_for_command(const std::string& verb, const DataLocation& where,
                                                std::ostream& err) {
  std::unique_ptr<DatasetStore> store;
  if (where.db) {
    auto opened = db::PgDatasetStore::open(*where.db);
    if (!opened) {
      err << "indtrack " << verb << ": " << opened.error().message << "\n";
      return std::nullopt;
    }
    store = std::move(*opened);
  } else {
    std::string file = where.file;
    if (file.empty()) {
      file = default_dataset_path();
      if (file.empty()) {
        err << "indtrack " << verb
            << ": the bundled dataset data/wuhai.json was not found; use --data FILE\n";
        return std::nullopt;
      }
    }
    store = std::make_unique<JsonFileStore>(file);
  }
  Result<LoadResult> loaded = store->load();
  if (!loaded) {
    err << "indtrack " << verb << ": " << loaded.error().message << "\n";
    return std::nullopt;
  }
  LoadResult& r = *loaded;
  const std::string name = store->name();
  for (const Problem& p : r.problems)
    if (p.severity == Problem::Severity::Error) err << p.format() << "\n";
  if (!r.ok()) {
    err << "indtrack " << verb << ": " << name << " has errors; nothing done\n";
    return std::nullopt;
  }
  const std::size_t warnings = count_severity(r.problems, Problem::Severity::Warning);
  if (warnings > 0)
    err << name << ": " << warnings << " warning" << (warnings == 1 ? "" : "s") << " (see indtrack validate "
        << (where.db ? "--db CONNINFO" : name) << ")\n";
  return std::move(r.dataset);
}

const Dataset& park_until_exit(Dataset&& data) {
  static Dataset* parked = nullptr;  // reachable until exit, so leak checkers do not report it
  delete parked;
  parked = new Dataset(std::move(data));
  return *parked;
}

}  // namespace indtrack
