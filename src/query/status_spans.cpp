#include "query/status_spans.h"

#include <algorithm>

namespace indtrack {
namespace {

// Appends the status holding from `day`, or extends the last span when nothing visible changed.
void step(std::vector<StatusSpan>& spans, DayNumber day, const ProjectStatus& status) {
  if (status.status == Status::Unknown) {
    if (!spans.empty() && !spans.back().to) spans.back().to = day;
    return;
  }
  if (!spans.empty() && !spans.back().to && same_span(spans.back().status, status)) return;
  if (!spans.empty() && !spans.back().to) spans.back().to = day;
  spans.push_back({day, std::nullopt, status});
}

}  // namespace

std::vector<StatusSpan> project_status_spans(const ProjectFacts& facts, DayNumber as_of) {
  std::vector<StatusSpan> spans;
  for (const ProjectFacts::StatusStep& s : facts.status_steps()) {
    if (s.from > as_of) break;
    step(spans, s.from, s.status);
  }
  return spans;
}

std::vector<StatusSpan> unit_status_spans(const ProjectFacts& facts, int unit, DayNumber as_of) {
  const StatusTimeline& own = facts.units[static_cast<std::size_t>(unit)];
  const StatusTimeline& inherits =
      facts.inherited.empty() ? facts.own : facts.inherited[static_cast<std::size_t>(unit)];
  std::vector<DayNumber> days;
  auto add_day = [&](DayNumber day) {
    if (day <= as_of) days.push_back(day);
  };
  own.for_each_day(add_day);
  inherits.for_each_day(add_day);
  if (const auto known = facts.unit_known[static_cast<std::size_t>(unit)]) add_day(*known);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  std::vector<StatusSpan> spans;
  for (DayNumber day : days) {
    ProjectStatus status;
    status.decided_by = facts.unit_status_at(unit, day);
    status.status = status.decided_by.status;
    step(spans, day, status);
  }
  return spans;
}

}  // namespace indtrack
