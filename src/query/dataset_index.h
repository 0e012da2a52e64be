// Facts derived from a dataset once per load (and again after an edit), so that a filter change
// is one cheap pass over the projects instead of re-reading every milestone: per project its
// district candidates, products, industries, company and parent companies, ASCII-lowered
// search text, the day it became known, key dates, cited sources, milestone date spans, and a
// status timeline for the project and each unit (status at any date = a binary search).
//
// The index points into the dataset: keep the dataset alive and unchanged while it is used,
// and build a new index after any change. Every query taking a DatasetIndex gives exactly the
// result of its Dataset-taking twin (those build what they need on the spot).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/dataset.h"
#include "query/project_summary.h"
#include "query/status.h"

namespace indtrack {

// Everything a filter, a summary or a chart needs about one project, derived from the model.
struct ProjectFacts {
  ProjectFacts(const Dataset& data, int project);

  int project = -1;
  std::vector<int> district_candidates;  // see project_district_candidates
  int district = -1;                     // the primary one (project_district)
  std::vector<int> products;             // project_products
  std::vector<int> industries;           // project_industries
  std::vector<int> companies;            // the company, then its parents (at most 32)
  std::string search_text;               // every searchable name, ASCII-lowered, '\0'-separated
  std::vector<std::pair<DayNumber, DayNumber>> milestone_spans;  // [first, last] day of every milestone
  std::optional<DayNumber> known_since;                          // project_known_since
  std::vector<int> cited_sources;                                // ascending: cited_sources(project) below
  std::optional<Date> latest_report;                             // latest_report_date: "最近报道"
  StatusTimeline own;                                            // the project's own facts
  std::vector<StatusTimeline> units;                             // one per unit, in order
  std::vector<StatusTimeline> inherited;             // inherited_timelines (empty: every unit inherits `own`)
  std::vector<unsigned char> facility;               // facility_flags
  std::vector<std::optional<DayNumber>> unit_known;  // unit_known_since

  DerivedStatus unit_status_at(int unit, DayNumber day) const {
    return unit_status_from(units[unit], inherited.empty() ? own : inherited[unit], unit_known[unit], day);
  }
  // project_status_at, from the step function below: one binary search.
  ProjectStatus status_at(DayNumber day) const;

  // The project's status only changes on the day of one of its facts or the day it becomes
  // known, so it is evaluated once on each such day: it holds from `from` until the next step
  // (before the first, the status is unknown). The status chart asks for ~15 dates per project.
  // A new step starts when the status, its partly-operating split or its rule changes; it keeps
  // the fact that began it.
  struct StatusStep {
    DayNumber from;
    ProjectStatus status;
  };
  const std::vector<StatusStep>& status_steps() const { return status_steps_; }

 private:
  std::vector<StatusStep> status_steps_;
};

// Every source a project cites — its place, investment, milestone, status and capacity facts and
// its other statements — ascending. The one definition of "the project's sources": a chart's
// footer names these, the KPI strip and the report count them (query/kpis.h).
std::vector<int> cited_sources(const Project& p);

class DatasetIndex {
 public:
  // Every project: ~3 s of CPU per million projects, on two threads.
  explicit DatasetIndex(const Dataset& data);
  // Only `projects` (what a one-off query over a few rows needs); facts() of others is invalid.
  DatasetIndex(const Dataset& data, const std::vector<int>& projects);

  const Dataset& data() const { return *data_; }
  // Points the index at `moved`, the dataset it was built from after a move (the facts point
  // into the projects' vectors, whose storage moves with them). Not for another dataset.
  void rebind(const Dataset& moved) { data_ = &moved; }
  const ProjectFacts& facts(int project) const {
    return facts_[slot_.empty() ? static_cast<std::size_t>(project)
                                : static_cast<std::size_t>(slot_[project])];
  }
  std::size_t size() const { return data_->projects.size(); }

 private:
  const Dataset* data_;
  std::vector<ProjectFacts> facts_;
  std::vector<int> slot_;  // project -> position in facts_ for a partial index; empty: all, in order
};

}  // namespace indtrack
