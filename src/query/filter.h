// Which projects pass a filter. The same semantics serve the command line, the GUI filter bar,
// exports and reports (see `indtrack list --help`): values within one kind are ORed, kinds are ANDed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace indtrack {

class DatasetIndex;

// Which clock the as-of date runs on (docs/status.md, "The two clocks").
enum class Clock {
  KnownNow,     // the state on that day as we know it now: every fact, placed by its own date
  PublishedBy,  // what had been published by that day: only facts published by then (published_view.h)
};

// "now" / "published": the value of --clock and of the CSV and JSON `clock` field.
std::string_view clock_id(Clock clock);

struct FilterSpec {
  std::vector<int> districts;  // indices into Dataset::districts; empty = any
  std::vector<int> parks;
  std::vector<int> industries;
  std::vector<int> products;
  std::vector<int> companies;    // a group company also selects its subsidiaries
  std::vector<Status> statuses;  // status as of `as_of`
  std::optional<Date> from;      // a project passes when any of its milestones (actual or
  std::optional<Date> to;        //   expected) falls in [from, to]
  std::optional<Date> as_of;     // default: today
  Clock clock = Clock::KnownNow;
  bool possibly_stalled = false;  // only projects flagged possibly stalled at as_of
  std::string search;             // words, each found in a name, alias or place (any language)

  bool empty() const;  // no restriction at all (as_of and clock aside)
};

DayNumber as_of_day(const FilterSpec& f);  // the as-of date's placement, or today

// The district a project counts under: stated, or inferred from its park.
int project_district(const Dataset& data, const Project& p);
// Every district the project may lie in: the primary one, plus the park's district when the
// project's own district is marked conflicting. A district filter matches any of them, so a
// conflict never hides a project (the table and detail show the conflict).
std::vector<int> project_district_candidates(const Dataset& data, const Project& p);
// The project's products: its own list plus its units' products (deduplicated, in order).
std::vector<int> project_products(const Dataset& data, const Project& p);
// Its industries, or the industries of its products when it lists none.
std::vector<int> project_industries(const Dataset& data, const Project& p);

bool project_matches(const Dataset& data, int project, const FilterSpec& f);
// Indices of passing projects, in dataset order. Projects not yet known at the as-of date are
// left out (their status there is "unknown").
std::vector<int> filter_projects(const Dataset& data, const FilterSpec& f);
// The same from facts derived once per load: what the dashboard calls on every filter change.
std::vector<int> filter_projects(const DatasetIndex& index, const FilterSpec& f);

}  // namespace indtrack
