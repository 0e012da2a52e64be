// Status at a date, derived from milestones and status reports (docs/data-format.md,
// "Derived status"). Nothing here is stored: the answer follows from the facts for any date.
#pragma once

#include "core/date.h"
#include "model/dataset.h"

namespace indtrack {

struct DerivedStatus {
  Status status = Status::Unknown;
  DayNumber decided_on = 0;            // placement day of the fact that decided it
  const Milestone* milestone = nullptr;  // the deciding milestone, if one
  const StatusReport* report = nullptr;  // or the deciding status report
  bool inherited = false;              // a unit without facts of its own took its project's status
};

// The project-level status from the project's own milestones and reports (units ignored).
DerivedStatus project_own_status_at(const Dataset& data, const Project& p, DayNumber day);

// A unit's status: from its own facts, or its project's when it has none up to `day`.
DerivedStatus unit_status_at(const Dataset& data, const Project& p, const Unit& u, DayNumber day);

struct ProjectStatus {
  Status status = Status::Unknown;
  bool partly_operating = false;  // some units operate, others do not yet
};
ProjectStatus project_status_at(const Dataset& data, const Project& p, DayNumber day);

// When a line's capacity starts counting. `count_trial` counts it from trial production.
struct CapacityStart {
  Date date;                             // as precise as the source
  bool expected = false;                 // only a plan: the latest expectation reported by as-of
  const Milestone* milestone = nullptr;  // the deciding milestone, or
  const StatusReport* report = nullptr;  // a report that it operates (start date not stated)
  bool inherited = false;                // taken from the project's own facts
};
// The earliest actual start placed on or before `as_of` (a milestone, or a status report saying
// it operates, or is in trial when counting trial); else the latest expectation reported on or
// before `as_of`; the unit's own facts first, then the project's.
std::optional<CapacityStart> unit_capacity_start(const Dataset& data, const Project& p, const Unit& u,
                                                 DayNumber as_of, bool count_trial);

// The first day anything about the project was public: the earliest source date or reported
// date of any of its facts, or an actual event date if earlier. Before it the project is unknown.
std::optional<DayNumber> project_known_since(const Dataset& data, const Project& p);

}  // namespace indtrack
