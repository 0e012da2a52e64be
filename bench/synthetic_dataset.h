// A seeded generator of large, realistic datasets for benchmarks and scale tests: Chinese
// company and project names, 1-6 production lines per project, milestone histories with
// slipped expectations, investments, and article sources whose text contains every quote
// (hard-wrapped, as newspapers are) so that validation does its full work.
#pragma once

#include <cstdint>
#include <string>

#include "model/dataset.h"

namespace indtrack::bench {

struct SyntheticOptions {
  int projects = 1000;
  std::uint64_t seed = 20261122;
  int projects_per_article = 100;
};

Dataset make_synthetic_dataset(const SyntheticOptions& options);

// Writes the dataset JSON to `json_path` and its article texts under <dir>/sources/.
// Returns "" on success, else an error message.
std::string write_synthetic_dataset(const Dataset& data, const std::string& json_path);

}  // namespace indtrack::bench
