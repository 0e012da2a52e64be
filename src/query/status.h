// Status at a date, derived from milestones and status reports (docs/data-format.md,
// "Derived status"). Nothing here is stored: the answer follows from the facts for any date.
// The functions taking a Dataset derive what they need on the spot; the dashboard keeps the
// timelines of every project in a DatasetIndex (query/dataset_index.h) instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
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
  bool partly_operating = false;    // some units operate, others do not yet
  Status others = Status::Unknown;  // partly operating: the most advanced of the lines not operating
  DerivedStatus decided_by;         // the fact that set `status` (none: known, no progress reported)
};

// How a derived status is known (docs/status.md). Every view draws Stated apart from the rest.
enum class StatusRule : unsigned char {
  Stated,         // a dated fact a source states
  Curator,        // a fact the curator inferred from sources (its note says how)
  FromProject,    // a line with no fact of its own takes its project's status
  KnownNoStatus,  // the project has been reported on, but no status: 规划 (announced)
};
// Stated only when the deciding fact is stated and is the line's own (or the project's own).
StatusRule rule_of(const DerivedStatus& s);
inline bool is_inferred(StatusRule r) { return r != StatusRule::Stated; }
// How an inferred status was reached, in words (empty when stated): the curator's note, or the
// rule ("推断：此生产线无自身记录，取项目整体的状态"). For the table's status tooltip and the charts'.
std::string inferred_status_words(const DerivedStatus& s, bool english);
// Whether `next` continues the span `running` began: same status and split, and not an inferred
// status now stated (a stated one stays stated while the status holds).
bool same_span(const ProjectStatus& running, const ProjectStatus& next);
ProjectStatus project_status_at(const Dataset& data, const Project& p, DayNumber day);
// The same from the project's own timeline and its units' (one per unit, in order). `inherited`
// (inherited_timelines; null or empty: `project` for every unit), `facility` (facility_flags;
// null: none) and `unit_known` (unit_known_since; null: `known_since` for every unit) as derived
// for the project.
ProjectStatus project_status_from(const StatusTimeline& project, const std::vector<StatusTimeline>& units,
                                  std::optional<DayNumber> known_since, DayNumber day,
                                  const std::vector<StatusTimeline>* inherited = nullptr,
                                  const std::vector<unsigned char>* facility = nullptr,
                                  const std::vector<std::optional<DayNumber>>* unit_known = nullptr);

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

// Per unit, the first day anything about that line was public (its own facts, its capacity's
// source); a line with no dated fact of its own is known when its project is. Before it the line
// has no status, so it does not make its project "partly operating".
std::vector<std::optional<DayNumber>> unit_known_since(const Dataset& data, const Project& p,
                                                       std::optional<DayNumber> project_known);

// The first day anything about the project was public: the earliest source date or reported
// date of any of its facts, or an actual event date if earlier. Before it the project is unknown.
std::optional<DayNumber> project_known_since(const Dataset& data, const Project& p);

}  // namespace indtrack
