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

}  // namespace indtrack
