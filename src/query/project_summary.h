// One line of facts per project for tables, lists and KPIs: capacity per product, investment,
// the key dates and the status as of a date. Derived on demand from the model.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/units.h"
#include "model/dataset.h"
#include "query/capacity_categories.h"
#include "query/status.h"

namespace indtrack {

class DatasetIndex;
struct ProjectFacts;

struct ProductCapacity {
  int product = -1;
  Dimension dimension = Dimension::MassPerYear;
  double designed = 0;  // canonical unit; sum of the primary capacity of every unit
  // Canonical unit, per the line's category at the as-of date (capacity_categories.h); a line
  // not yet known then counts in none.
  std::array<double, kCapacityCategoryCount> by_category{};
  double at(CapacityCategory c) const { return by_category[static_cast<std::size_t>(c)]; }
  double operating() const { return at(CapacityCategory::Operating); }
};

// A key date: the earliest actual event of a kind, else the latest expectation reported.
struct KeyDate {
  Date date;
  bool expected = false;
  const Milestone* milestone = nullptr;
};

struct ProjectSummary {
  int project = -1;
  ProjectStatus status;
  std::vector<ProductCapacity> capacity;       // in order of first appearance
  std::optional<double> total_investment;      // CNY: the first "total" statement (the primary)
  std::optional<double> completed_investment;  // CNY: the latest "completed" figure up to as-of
  // The statements behind the two figures: their 约 and bounds ("60多亿元") go wherever they are shown.
  const Investment* total_statement = nullptr;
  const Investment* completed_statement = nullptr;
  std::optional<KeyDate> construction_start;
  std::optional<KeyDate> commissioning;  // commissioning, else trial production
  std::optional<Date> latest_report;     // the newest source of any fact published by as-of
  bool possibly_stalled = false;         // possibly_stalled below: a flag, never a status
};

ProjectSummary summarize_project(const Dataset& data, int project, DayNumber as_of);
// The same from the facts a DatasetIndex keeps (what the dashboard calls per table row).
ProjectSummary summarize_project(const DatasetIndex& index, int project, DayNumber as_of);

// The date of the newest source any fact of the project cites ("最近报道" in the table, the
// detail panel and `list`); nullopt when none. Of a year-only and a dated report the one whose
// period ends later wins ("2024" over 2024-10-22). Derived, never stored: a "possibly stalled"
// flag can be built on it.
std::optional<Date> latest_report_date(const Dataset& data, const Project& p);
// The same from the project's cited_sources (dataset_index.h), when the caller has them already.
// With `as_of`, only sources published by then.
std::optional<Date> latest_report_date(const Dataset& data, const std::vector<int>& cited_sources,
                                       std::optional<DayNumber> as_of = std::nullopt);

// Global Energy Monitor's rule for a shelved project, as a flag: not (wholly) operating, and no
// report for two years by `as_of`. A source saying it stopped makes it 停滞; this only says
// "no news" (docs/status.md, "Freshness").
inline constexpr int kStalledAfterMonths = 24;
bool possibly_stalled(const ProjectStatus& status, const std::optional<Date>& latest_report, DayNumber as_of);
// The rule in words, for tooltips and legends: the one wording every view shows.
std::string possibly_stalled_rule_words(bool english);

// How many of the project's quotes are excerpts of reports whose text we do not hold (reference
// sources): exactly as published, but not checkable offline.
int excerpt_only_quotes(const Dataset& data, const Project& p);

// The key date of a kind across a project and its units on `as_of`: the earliest that had
// happened by then, else the latest plan said by then (nullopt: none).
std::optional<KeyDate> key_date(const Dataset& data, const Project& p, MilestoneKind kind, DayNumber as_of);
// "2024-06-12", "试生产 2024-06-12" when the key date is a trial start standing in for
// commissioning, "2025-07（预计）" for a plan.
std::string key_date_text(const std::optional<KeyDate>& k, bool english);

// "31.2万吨/年" / "BDO 31.2万吨/年; PTMEG 18.4万吨/年" for the products in `only` (all if empty).
std::string format_capacities(const Dataset& data, const std::vector<ProductCapacity>& caps,
                              const std::vector<int>& only, bool operating, bool english = false);

}  // namespace indtrack
