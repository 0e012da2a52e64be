// How many projects each filter option would show, given every other active filter kind: the
// counts beside the filter bar's options (faceted counts; selecting within one kind ORs, so that
// kind's own selection is ignored for its counts).
#pragma once

#include <array>
#include <vector>

#include "query/dataset_index.h"
#include "query/filter.h"
#include "query/status.h"

namespace indtrack {

struct FacetCounts {
  std::vector<int> districts, parks, industries, products, companies;  // by dataset index
  std::array<int, kStatusCount> statuses{};
  int possibly_stalled = 0;  // of the projects passing the rest of the filter, those flagged
};

// `visible`: the projects `filter` passes (the option counts of kinds it does not restrict are
// counted from them).
FacetCounts count_facets(const DatasetIndex& index, const FilterSpec& filter,
                         const std::vector<int>& visible);

}  // namespace indtrack
