// Status at a date, derived from milestones and status reports (docs/data-format.md,
// "Derived status"). Nothing here is stored: the answer follows from the facts for any date.
// The functions taking a Dataset derive what they need on the spot; the dashboard keeps the
// timelines of every project in a DatasetIndex (query/dataset_index.h) instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace indtrack {

inline constexpr std::size_t kStatusCount = 8;  // values of indtrack::Status

struct DerivedStatus {
  Status status = Status::Unknown;
  DayNumber decided_on = 0;              // placement day of the fact that decided it
  const Milestone* milestone = nullptr;  // the deciding milestone, if one
  const StatusReport* report = nullptr;  // or the deciding status report
  bool inherited = false;                // a unit without facts of its own took its project's status
};

// The facts that set a status (actual milestones and status reports) of one unit or of a
// project's own, placed on the time axis once, so the status at any date is a binary search
// instead of a scan of every fact (the dashboard asks for thousands of dates per filter change).
// Rule: of the facts placed on or before the date, the latest wins; on the same day the more
// advanced (shelving and cancellation outrank everything); on a full tie the one listed first
// (milestones before reports).
class StatusTimeline {
 public:
  StatusTimeline() = default;
  // `inheriting`: build the timeline a unit inherits from its project's facts — only those whose
  // scope applies to it (FactScope); null: every fact.
  StatusTimeline(const Dataset& data, const std::vector<Milestone>& milestones,
                 const std::vector<StatusReport>& reports, const Unit* inheriting = nullptr);
  DerivedStatus at(DayNumber day) const;  // Unknown when no fact is placed by `day`
  bool empty() const { return events_.empty(); }
  // The days the answer can change on, ascending (with repeats).
  template <class F>
  void for_each_day(F&& f) const {
    for (const Event& e : events_) f(e.day);
  }

 private:
  struct Event {
    DayNumber day;
    int rank;             // tie rank on the same day
    std::uint32_t order;  // position in milestones-then-reports order
    Status status;
    const Milestone* milestone;
    const StatusReport* report;
  };
  std::vector<Event> events_;  // ascending by (day, rank, -order): the answer is the last one placed
};

// Per unit, the timeline of the project facts it inherits; empty when the project has no scoped
// fact (every unit then inherits the project's whole own timeline).
std::vector<StatusTimeline> inherited_timelines(const Dataset& data, const Project& p);
// Per unit: 1 for a facility (a unit without a product), which does not count towards the
// project's production status.
std::vector<unsigned char> facility_flags(const Project& p);

// A unit's status from its own timeline, else its project's (marked inherited), else "announced"
// once the project is known (`known_since`, see project_known_since).
DerivedStatus unit_status_from(const StatusTimeline& unit, const StatusTimeline& project,
                               std::optional<DayNumber> known_since, DayNumber day);

// The project-level status from the project's own milestones and reports (units ignored).
DerivedStatus project_own_status_at(const Dataset& data, const Project& p, DayNumber day);

// A unit's status: from its own facts, or its project's when it has none up to `day`.
DerivedStatus unit_status_at(const Dataset& data, const Project& p, const Unit& u, DayNumber day);

struct ProjectStatus {
  Status status = Status::Unknown;
  bool partly_operating = false;  // some units operate, others do not yet
};
ProjectStatus project_status_at(const Dataset& data, const Project& p, DayNumber day);
// The same from the project's own timeline and its units' (one per unit, in order). `inherited`
// (inherited_timelines; null or empty: `project` for every unit) and `facility` (facility_flags;
// null: none) as derived for the project.
ProjectStatus project_status_from(const StatusTimeline& project, const std::vector<StatusTimeline>& units,
                                  std::optional<DayNumber> known_since, DayNumber day,
                                  const std::vector<StatusTimeline>* inherited = nullptr,
                                  const std::vector<unsigned char>* facility = nullptr);

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
// before `as_of`; the unit's own facts first, then the project's (those whose scope applies; an
// actual start only while the unit has no fact of its own placed by `as_of`, as for its status).
std::optional<CapacityStart> unit_capacity_start(const Dataset& data, const Project& p, const Unit& u,
                                                 DayNumber as_of, bool count_trial);
// The same with the unit's own StatusTimeline, when the caller holds it (DatasetIndex's facts).
std::optional<CapacityStart> unit_capacity_start(const Dataset& data, const Project& p, const Unit& u,
                                                 const StatusTimeline& unit_timeline, DayNumber as_of,
                                                 bool count_trial);

// The first day anything about the project was public: the earliest source date or reported
// date of any of its facts, or an actual event date if earlier. Before it the project is unknown.
std::optional<DayNumber> project_known_since(const Dataset& data, const Project& p);

}  // namespace indtrack
