// A project's or a production line's status over time, as spans up to an as-of date: what the
// timeline draws and what every other view reads at one day (docs/status.md). Spans come from
// the one status engine (query/status.h) over the facts of a DatasetIndex, so the timeline row
// at the as-of date and the list, table, KPIs and status chart always name the same status.
#pragma once

#include <optional>
#include <vector>

#include "query/dataset_index.h"

namespace indtrack {

struct StatusSpan {
  DayNumber from = 0;
  std::optional<DayNumber> to;  // exclusive; nullopt: still holds at the as-of date
  ProjectStatus status;         // for a line: partly_operating is false
};

// The project's spans from the day it became known to `as_of` (facts placed after it ignored).
std::vector<StatusSpan> project_status_spans(const ProjectFacts& facts, DayNumber as_of);
// One line's spans: its own facts, else those of its project that apply to it.
std::vector<StatusSpan> unit_status_spans(const ProjectFacts& facts, int unit, DayNumber as_of);

}  // namespace indtrack
