// Turns a parsed JSON document into a Dataset, checking types, required fields, ids, references,
// vocabularies and quantities as it goes (docs/data-format.md). Written once as a template over
// the node views in json_node.h so both parsers give identical results and messages.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "io/problem.h"
#include "model/dataset.h"

namespace indtrack {

class NlohmannNode;
class SimdjsonNode;

struct BuildContext {
  const std::string& file;                               // shown in problems
  std::vector<Problem>& problems;                        // appended to; paths filled, lines located later
  const std::function<bool(float)>* progress = nullptr;  // 0..1; false = cancel
  UnlistedProblems unlisted = {};                        // counted once `problems` is full
};

// Returns false when the document is not a dataset at all (top level not an object, schema too
// new) or the load was cancelled; otherwise fills `out` and appends problems.
bool build_dataset(const NlohmannNode& root, Dataset& out, BuildContext& ctx);
bool build_dataset(const SimdjsonNode& root, Dataset& out, BuildContext& ctx);

}  // namespace indtrack
