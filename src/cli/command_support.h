// Pieces every data-reading verb shares: finding and loading the dataset with its problems
// printed, and turning filter flags into a FilterSpec with a usage error for unknown names.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "io/dataset_io.h"
#include "query/filter_args.h"

namespace indtrack {

// Where a verb reads its dataset: a file (--data FILE; empty: the bundled dataset) or the
// dataset on a PostgreSQL server (--db CONNINFO, see `indtrack db --help`).
struct DataLocation {
  std::string file;
  std::optional<std::string> db;
};

// `--data` and `--db` name one dataset: "" when fine, else the usage error.
std::string check_data_location(const DataLocation& where);

// The `--db` lines of a verb's --help.
const char* db_option_help();

// Loads the dataset at `where`. Errors (an unreachable server included) are printed to `err`
// and nullopt returned; warnings are summarised in one line.
std::optional<Dataset> load_dataset_for_command(const std::string& verb, const DataLocation& where,
                                                std::ostream& err);
inline std::optional<Dataset> load_dataset_for_command(const std::string& verb, const std::string& path,
                                                       std::ostream& err) {
  return load_dataset_for_command(verb, DataLocation{path, std::nullopt}, err);
}

// The process ends right after a verb returns, and freeing a model block by block costs ~0.2 s
// of CPU at 100k projects for nothing: a verb parks its dataset here instead, and the OS takes
// it back with the process. Parking another dataset frees the previous one (tests run many
// verbs in one process). Returns the parked dataset.
const Dataset& park_until_exit(Dataset&& data);

}  // namespace indtrack
