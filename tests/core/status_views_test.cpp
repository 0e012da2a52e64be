// One account of each project's state (issue 18): on the bundled dataset, at dates from 2014 to
// today, every view that names a status — `indtrack list` and the report's table rows, the
// dashboard's KPI counts, the timeline (a row per project and a row per production line), the
// status chart's last column and the capacity chart's operating total — names the one the status
// engine gives (query/status.h, docs/status.md).
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <map>

#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "core/units.h"
#include "dataset_fixtures.h"
#include "io/dataset_io.h"
#include "query/dataset_index.h"
#include "query/filter.h"
#include "query/kpis.h"
#include "query/project_table.h"
#include "test_support.h"

using namespace indtrack;
using Catch::Matchers::WithinAbs;
using test::wuhai;

namespace {

// The timeline segment that holds on the as-of date: the open one that is not a plan.
const chart::TimelineSegment* segment_at_as_of(const chart::TimelineRow& row) {
  const chart::TimelineSegment* found = nullptr;
  for (const auto& s : row.segments)
    if (!s.expected && !s.end) found = &s;
  return found;
}

std::string status_words(const ProjectStatus& s) {
  std::string out(vocabulary_entry(statuses(), s.status).zh);
  if (s.partly_operating) out += "（部分）";
  return out;
}

}  // namespace

TEST_CASE("every view names the same status for every project and line, at every date", "[wuhai][status]") {
  const Dataset& d = wuhai();
  const DatasetIndex index(d);
  const int bdo = d.find_product("BDO");
  for (const char* date :
       {"2014-12-31", "2021-06-30", "2022-12-31", "2023-06-30", "2024-06-30", "2025-06-30", "2026-12-02"}) {
    INFO("as of " << date);
    FilterSpec spec;
    spec.as_of = parse_date(date).date;
    const DayNumber as_of = as_of_day(spec);
    const std::vector<int> projects = filter_projects(index, spec);
    ChartOptions options;
    options.generated_on = Date::of_day(2026, 12, 2);
    const auto timeline = timeline_chart_input(index, projects, spec, options);
    ChartOptions per_line = options;
    per_line.timeline_per_unit = true;
    const auto lines = timeline_chart_input(index, projects, spec, per_line);
    const auto status_chart = status_chart_input(index, projects, spec, options);
    FilterSpec bdo_spec = spec;
    bdo_spec.products = {bdo};
    const auto capacity = capacity_chart_input(index, filter_projects(index, bdo_spec), bdo_spec, options);

    std::map<std::int64_t, const chart::TimelineRow*> rows;
    for (const auto& row : timeline.rows) rows[row.ref] = &row;
    for (const auto& row : lines.rows) rows[row.ref] = &row;

    std::vector<ProjectSummary> summaries(
        d.projects.size());  // by project index, as the dashboard keeps them
    std::array<int, kStatusCount> counted{};
    std::map<int, double> operating_bdo;  // project -> 万吨/年 operating, from the summaries
    for (int p : projects) {
      const ProjectSummary s = summarize_project(index, p, as_of);
      summaries[static_cast<std::size_t>(p)] = s;
      const ProjectFacts& facts = index.facts(p);
      const Project& project = d.projects[p];
      INFO(project.id);
      ++counted[static_cast<std::size_t>(s.status.status)];
      // list / report table
      CHECK(project_table_row(d, s, spec, false).status == status_words(s.status));
      // the timeline's project row on the as-of day: same status, split when partly operating
      REQUIRE(rows.count(unit_ref(p, -1)) == 1);
      const chart::TimelineSegment* now = segment_at_as_of(*rows[unit_ref(p, -1)]);
      REQUIRE(now != nullptr);
      CHECK(now->phase == s.status.status);
      CHECK((now->others != Status::Unknown) == s.status.partly_operating);
      // each line's row
      for (std::size_t u = 0; u < project.units.size(); ++u) {
        INFO(project.units[u].id);
        const Status line = facts.unit_status_at(static_cast<int>(u), as_of).status;
        REQUIRE(rows.count(unit_ref(p, static_cast<int>(u))) == 1);
        const chart::TimelineSegment* line_now = segment_at_as_of(*rows[unit_ref(p, static_cast<int>(u))]);
        if (line == Status::Unknown) {
          CHECK(line_now == nullptr);
        } else {
          REQUIRE(line_now != nullptr);
          CHECK(line_now->phase == line);
        }
      }
      for (const ProductCapacity& c : s.capacity)
        if (c.product == bdo && c.operating() > 0)
          operating_bdo[p] += display_amount(c.operating(), c.dimension).value;
    }
    // KPI strip
    const KpiSummary kpis = summarize_kpis(index, summaries, projects);
    CHECK(kpis.by_status == counted);
    // status chart: its last column is the as-of date
    REQUIRE_FALSE(status_chart.values.empty());
    for (std::size_t i = 0; i < status_chart.statuses.size(); ++i) {
      INFO(id_of(status_chart.statuses[i]));
      CHECK(status_chart.values.back()[i] ==
            static_cast<double>(counted[static_cast<std::size_t>(status_chart.statuses[i])]));
    }
    // capacity chart: what it counts as operating on the as-of day, per project, is what the
    // table's 已投产产能 says
    std::map<int, double> plotted;
    for (const auto& series : capacity.series)
      for (const auto& step : series.steps)
        if (!step.expected && step.date.placement_day() <= as_of)
          plotted[project_of_ref(step.ref)] += step.delta;
    for (const auto& [p, value] : operating_bdo) {
      INFO(d.projects[p].id);
      CHECK_THAT(plotted[p], WithinAbs(value, 1e-9));
    }
    for (const auto& [p, value] : plotted) {
      INFO(d.projects[p].id);
      CHECK_THAT(operating_bdo[p], WithinAbs(value, 1e-9));
    }
  }
}
