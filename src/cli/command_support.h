// Pieces every data-reading verb shares: finding and loading the dataset with its problems
// printed, and turning filter flags into a FilterSpec with a usage error for unknown names.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "io/dataset_io.h"
#include "query/filter_args.h"

namespace indtrack {

// Loads `path` (or the bundled dataset when empty). Errors are printed to `err` and nullopt
// returned; warnings are summarised in one line.
std::optional<Dataset> load_dataset_for_command(const std::string& verb, const std::string& path,
                                                std::ostream& err);

// The process ends right after a verb returns, and freeing a model block by block costs ~0.2 s
// of CPU at 100k projects for nothing: a verb parks its dataset here instead, and the OS takes
// it back with the process. Parking another dataset frees the previous one (tests run many
// verbs in one process). Returns the parked dataset.
const Dataset& park_until_exit(Dataset&& data);

}  // namespace indtrack
