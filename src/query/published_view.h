// The second clock: "what had been published by that day". A copy of the dataset holding only
// the facts whose source had been published by a day — what a reader could have known then —
// so every view (list, table, KPIs, charts, footers, report) applies it the same way by reading
// the copy instead of the dataset (docs/status.md, "The two clocks").
#pragma once

#include "core/date.h"
#include "model/dataset.h"
#include "query/filter.h"

namespace indtrack {

// Whether a source had been published by `day`: its date's placement day (the middle of a
// month- or year-precision date, as everywhere else) is on or before it.
bool source_published_by(const Dataset& data, int source, DayNumber day);

// The dataset as published by `day`. Every index (sources, places, companies, products,
// projects) stays valid, so a selection or filter of the full dataset applies to it. Left out:
// facts whose source was published after `day` — also a statement a later report dates earlier
// (`reported`): what is cited is that later report; a fact without a source counts from the
// date it is about (undated: always). A production line with no fact left is removed (it was
// not yet reported); a project keeps its place but none of its facts, so it is not yet known.
Dataset published_by(const Dataset& data, DayNumber day);

// The dataset the filter's views read: `data` itself on the KnownNow clock, else published_by
// the filter's as-of day.
Dataset for_clock(Dataset data, const FilterSpec& f);

}  // namespace indtrack
