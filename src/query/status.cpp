#include "query/status.h"

#include <algorithm>

namespace indtrack {
namespace {

// Ranks used to break ties between facts placed on the same day: the more advanced wins, and a
// shelving or cancellation is final for that day.
int tie_rank(Status s) {
  if (s == Status::Shelved || s == Status::Cancelled) return 10;
  return progress_rank(s);
}

void earliest(std::optional<DayNumber>& acc, DayNumber day) {
  if (!acc || day < *acc) acc = day;
}

void earliest_evidence(const Dataset& data, const Evidence& e, std::optional<DayNumber>& acc) {
  if (e.source >= 0) earliest(acc, data.sources[e.source].date.placement_day());
}

void earliest_milestones(const Dataset& data, const std::vector<Milestone>& ms,
                         std::optional<DayNumber>& acc) {
  for (const Milestone& m : ms) {
    if (const auto reported = reported_date(data, m)) earliest(acc, reported->placement_day());
    if (!m.expected) earliest(acc, m.date.placement_day());
  }
}

}  // namespace

std::optional<DayNumber> project_known_since(const Dataset& data, const Project& p) {
  std::optional<DayNumber> acc;
  earliest_milestones(data, p.milestones, acc);
  for (const StatusReport& r : p.status_reports)
    if (const auto d = as_of_date(data, r)) earliest(acc, d->placement_day());
  for (const Investment& inv : p.investments) earliest_evidence(data, inv.evidence, acc);
  for (const Statement& s : p.evidence) earliest_evidence(data, s.evidence, acc);
  if (p.park) earliest_evidence(data, p.park->evidence, acc);
  for (const Unit& u : p.units) {
    earliest_milestones(data, u.milestones, acc);
    for (const StatusReport& r : u.status_reports)
      if (const auto d = as_of_date(data, r)) earliest(acc, d->placement_day());
    for (const CapacityFact& c : u.capacity) earliest_evidence(data, c.evidence, acc);
  }
  return acc;
}

std::vector<std::optional<DayNumber>> unit_known_since(const Dataset& data, const Project& p,
                                                       std::optional<DayNumber> project_known) {
  std::vector<std::optional<DayNumber>> out;
  out.reserve(p.units.size());
  for (const Unit& u : p.units) {
    std::optional<DayNumber> acc;
    earliest_milestones(data, u.milestones, acc);
    for (const StatusReport& r : u.status_reports)
      if (const auto d = as_of_date(data, r)) earliest(acc, d->placement_day());
    for (const CapacityFact& c : u.capacity) earliest_evidence(data, c.evidence, acc);
    out.push_back(acc ? acc : project_known);
  }
  return out;
}

StatusTimeline::StatusTimeline(const Dataset& data, const std::vector<Milestone>& milestones,
                               const std::vector<StatusReport>& reports, const Unit* inheriting) {
  std::uint32_t order = 0;
  for (const Milestone& m : milestones) {
    ++order;
    if (m.expected || (inheriting && !scope_applies(m.scope, *inheriting))) continue;
    const Status status = status_after(m.kind);
    events_.push_back({m.date.placement_day(), tie_rank(status), order, status, &m, nullptr});
  }
  for (const StatusReport& r : reports) {
    ++order;
    if (inheriting && !scope_applies(r.scope, *inheriting)) continue;
    const std::optional<Date> as_of = as_of_date(data, r);
    if (!as_of) continue;
    events_.push_back({as_of->placement_day(), tie_rank(r.status), order, r.status, nullptr, &r});
  }
  // Ascending by day, then rank, then later-listed first: the last event placed on or before a
  // day is the latest, most advanced, first-listed fact.
  std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.order > b.order;
  });
}

DerivedStatus StatusTimeline::at(DayNumber day) const {
  const auto after = std::upper_bound(events_.begin(), events_.end(), day,
                                      [](DayNumber d, const Event& e) { return d < e.day; });
  if (after == events_.begin()) return {};
  const Event& e = *(after - 1);
  return DerivedStatus{e.status, e.day, e.milestone, e.report, false};
}

DerivedStatus unit_status_from(const StatusTimeline& unit, const StatusTimeline& project,
                               std::optional<DayNumber> known_since, DayNumber day) {
  DerivedStatus own = unit.at(day);
  if (own.status != Status::Unknown) return own;
  DerivedStatus inherited = project.at(day);
  inherited.inherited = true;
  if (inherited.status == Status::Unknown && known_since && *known_since <= day) {
    inherited.status = Status::Announced;
    inherited.decided_on = *known_since;
  }
  return inherited;
}

std::vector<StatusTimeline> inherited_timelines(const Dataset& data, const Project& p) {
  const bool scoped = std::any_of(p.milestones.begin(), p.milestones.end(),
                                  [](const Milestone& m) { return !m.scope.empty(); }) ||
                      std::any_of(p.status_reports.begin(), p.status_reports.end(),
                                  [](const StatusReport& r) { return !r.scope.empty(); });
  std::vector<StatusTimeline> out;
  if (!scoped) return out;
  out.reserve(p.units.size());
  for (const Unit& u : p.units) out.emplace_back(data, p.milestones, p.status_reports, &u);
  return out;
}

std::vector<unsigned char> facility_flags(const Project& p) {
  std::vector<unsigned char> out;
  out.reserve(p.units.size());
  for (const Unit& u : p.units) out.push_back(u.product < 0 ? 1 : 0);
  return out;
}

ProjectStatus project_status_from(const StatusTimeline& project, const std::vector<StatusTimeline>& units,
                                  std::optional<DayNumber> known_since, DayNumber day,
                                  const std::vector<StatusTimeline>* inherited,
                                  const std::vector<unsigned char>* facility,
                                  const std::vector<std::optional<DayNumber>>* unit_known) {
  const DerivedStatus own = project.at(day);
  ProjectStatus result;
  result.status = own.status;
  result.decided_by = own;
  bool any_operating = false, any_not_yet = false;
  Status not_yet = Status::Unknown;
  DayNumber latest_unit_fact = 0;
  bool any_unit_fact = false;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (facility && i < facility->size() && (*facility)[i]) continue;  // not a production line
    const StatusTimeline& inherits = inherited && i < inherited->size() ? (*inherited)[i] : project;
    const DerivedStatus us = unit_status_from(
        units[i], inherits, unit_known && i < unit_known->size() ? (*unit_known)[i] : known_since, day);
    if (us.status == Status::Unknown) continue;  // not yet known on `day`
    if (!us.inherited && us.status != Status::Unknown) {
      any_unit_fact = true;
      latest_unit_fact = std::max(latest_unit_fact, us.decided_on);
    }
    if (us.status == Status::Operating) {
      any_operating = true;
    } else if (us.status != Status::Cancelled && us.status != Status::Shelved) {
      any_not_yet = true;
      if (progress_rank(us.status) > progress_rank(not_yet)) not_yet = us.status;
    }
    if (progress_rank(us.status) > progress_rank(result.status)) {
      result.status = us.status;
      result.decided_by = us;
    }
  }
  // A project shelved or cancelled after the last news of any of its lines stays so.
  if ((own.status == Status::Shelved || own.status == Status::Cancelled) &&
      (!any_unit_fact || own.decided_on >= latest_unit_fact)) {
    result.status = own.status;
    result.decided_by = own;
  }
  if (result.status == Status::Unknown && known_since && *known_since <= day) {
    result.status = Status::Announced;
    result.decided_by = DerivedStatus{Status::Announced, *known_since, nullptr, nullptr, false};
  }
  // The deciding fact is the project's own when a line inherited it: for the project it is its own.
  result.decided_by.inherited = false;
  result.partly_operating = result.status == Status::Operating && any_operating && any_not_yet;
  if (result.partly_operating) result.others = not_yet;
  return result;
}

StatusRule rule_of(const DerivedStatus& s) {
  const Evidence* e = s.milestone ? &s.milestone->evidence : s.report ? &s.report->evidence : nullptr;
  if (!e) return StatusRule::KnownNoStatus;
  if (e->basis == Basis::Inferred) return StatusRule::Curator;
  return s.inherited ? StatusRule::FromProject : StatusRule::Stated;
}

std::string inferred_status_words(const DerivedStatus& s, bool english) {
  switch (rule_of(s)) {
    case StatusRule::Stated:
      return {};
    case StatusRule::KnownNoStatus: {
      const std::string since = Date::from_days(s.decided_on).to_string();
      return english ? "Inferred: reported on since " + since +
                           ", no signing, start or other progress reported: announced"
                     : "推断：自 " + since + " 起见于报道，未见签约、开工等进展：记为规划";
    }
    case StatusRule::FromProject:
      return english ? "Inferred: the line has no report of its own and takes the project's status"
                     : "推断：此生产线无自身记录，取项目整体的状态";
    case StatusRule::Curator: {
      const Evidence& e = s.milestone ? s.milestone->evidence : s.report->evidence;
      return (english ? "Inferred by the curator: " : "整理者推断：") +
             in_language(e.note, e.note_en, english);
    }
  }
  return {};
}

bool same_span(const ProjectStatus& running, const ProjectStatus& next) {
  if (running.status != next.status || running.partly_operating != next.partly_operating ||
      running.others != next.others)
    return false;
  // A status stays stated once a source states it, until it changes: a later inferred
  // confirmation does not make it a guess. An inferred one becomes stated when a source says so.
  return !(is_inferred(rule_of(running.decided_by)) && !is_inferred(rule_of(next.decided_by)));
}

DerivedStatus project_own_status_at(const Dataset& data, const Project& p, DayNumber day) {
  return StatusTimeline(data, p.milestones, p.status_reports).at(day);
}

DerivedStatus unit_status_at(const Dataset& data, const Project& p, const Unit& u, DayNumber day) {
  const std::size_t i = static_cast<std::size_t>(&u - p.units.data());
  return unit_status_from(StatusTimeline(data, u.milestones, u.status_reports),
                          StatusTimeline(data, p.milestones, p.status_reports, &u),
                          unit_known_since(data, p, project_known_since(data, p))[i], day);
}

ProjectStatus project_status_at(const Dataset& data, const Project& p, DayNumber day) {
  std::vector<StatusTimeline> units;
  units.reserve(p.units.size());
  for (const Unit& u : p.units) units.emplace_back(data, u.milestones, u.status_reports);
  const std::vector<StatusTimeline> inherited = inherited_timelines(data, p);
  const std::vector<unsigned char> facility = facility_flags(p);
  const std::optional<DayNumber> known = project_known_since(data, p);
  const std::vector<std::optional<DayNumber>> unit_known = unit_known_since(data, p, known);
  return project_status_from(StatusTimeline(data, p.milestones, p.status_reports), units, known, day,
                             &inherited, &facility, &unit_known);
}

namespace {

bool starts_capacity(MilestoneKind kind, bool count_trial) {
  return kind == MilestoneKind::Commissioning || kind == MilestoneKind::FullProduction ||
         kind == MilestoneKind::Completion || (count_trial && kind == MilestoneKind::TrialProduction);
}

// `inheriting`: the unit inheriting these project facts (only those whose scope applies count).
// `actual_allowed`: false when the unit's own facts already decide its status (then only a plan
// is taken from the project).
std::optional<CapacityStart> capacity_start_from(const Dataset& data, const std::vector<Milestone>& ms,
                                                 const std::vector<StatusReport>& reports, DayNumber as_of,
                                                 bool count_trial, const Unit* inheriting,
                                                 bool actual_allowed) {
  auto applies = [&](const FactScope& scope) { return !inheriting || scope_applies(scope, *inheriting); };
  std::optional<CapacityStart> actual;
  if (actual_allowed) {
    for (const Milestone& m : ms) {
      if (m.expected || !starts_capacity(m.kind, count_trial) || m.date.placement_day() > as_of ||
          !applies(m.scope))
        continue;
      if (!actual || m.date < actual->date) actual = CapacityStart{m.date, false, &m, nullptr, false};
    }
    for (const StatusReport& r : reports) {
      const bool counts = r.status == Status::Operating || (count_trial && r.status == Status::Trial);
      const auto when = as_of_date(data, r);
      if (!counts || !when || when->placement_day() > as_of || !applies(r.scope)) continue;
      if (!actual || *when < actual->date) actual = CapacityStart{*when, false, nullptr, &r, false};
    }
  }
  if (actual) return actual;
  std::optional<CapacityStart> expected;
  std::optional<Date> expected_reported;
  for (const Milestone& m : ms) {
    if (!m.expected || !starts_capacity(m.kind, count_trial) || !applies(m.scope)) continue;
    const auto reported = reported_date(data, m);
    if (!reported || reported->placement_day() > as_of) continue;
    if (!expected || *expected_reported < *reported) {
      expected = CapacityStart{m.date, true, &m, nullptr, false};
      expected_reported = reported;
    }
  }
  return expected;
}

}  // namespace

std::optional<CapacityStart> unit_capacity_start(const Dataset& data, const Project& p, const Unit& u,
                                                 DayNumber as_of, bool count_trial) {
  return unit_capacity_start(data, p, u, StatusTimeline(data, u.milestones, u.status_reports), as_of,
                             count_trial);
}

std::optional<CapacityStart> unit_capacity_start(const Dataset& data, const Project& p, const Unit& u,
                                                 const StatusTimeline& unit_timeline, DayNumber as_of,
                                                 bool count_trial) {
  if (auto own = capacity_start_from(data, u.milestones, u.status_reports, as_of, count_trial, nullptr, true))
    return own;
  // As for status: a line whose own facts say where it stands (e.g. under construction) does not
  // take an actual start from its project — "the project produces" is not "this line produces".
  const bool own_status_known = unit_timeline.at(as_of).status != Status::Unknown;
  auto inherited =
      capacity_start_from(data, p.milestones, p.status_reports, as_of, count_trial, &u, !own_status_known);
  if (inherited) inherited->inherited = true;
  return inherited;
}

}  // namespace indtrack
