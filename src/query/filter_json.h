// The filter as JSON, the way the dashboard stores it in the settings: ids, not indices, so it
// survives edits of the dataset; ids the dataset no longer has are dropped when it is read back.
#pragma once

#include <nlohmann/json.hpp>

#include "model/dataset.h"
#include "query/filter.h"

namespace indtrack {

nlohmann::json filter_to_json(const Dataset& data, const FilterSpec& filter);
FilterSpec filter_from_json(const Dataset& data, const nlohmann::json& json);

}  // namespace indtrack
