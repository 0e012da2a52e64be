// One account of each project's state (issue 18): on the bundled dataset, at dates from 2014 to
// today, every view that names a status — `indtrack list` and the report's table rows, the
// dashboard's KPI counts, the timeline (a row per project and a row per production line), the
// status chart's last column, the capacity chart's curve and its column by category, and the
// capacity the table and KPIs give per category — names the one the status engine gives
// (query/status.h, query/capacity_categories.h, docs/status.md) — on both clocks.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <map>

#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "core/units.h"
#include "dataset_fixtures.h"
#include "io/dataset_io.h"
#include "query/capacity_categories.h"
#include "query/dataset_index.h"
#include "query/filter.h"
#include "query/kpis.h"
#include "query/project_summary.h"
#include "query/project_table.h"
#include "query/published_view.h"
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

using Key = std::pair<int, std::string>;  // project, capacity category id

std::string id_of(CapacityCategory c) { return std::string(capacity_category_id(c)); }

// The column part a line is listed in ("" when none).
std::string line_category_of(const chart::CapacityChartInput& in, std::int64_t ref) {
  for (const auto& part : in.by_status)
    for (const auto& line : part.lines)
      if (line.ref == ref) return part.id;
  return {};
}

// What each category holds, as statuses of the engine (written out here, not taken from the
// code under test): 在建 with or without a date, 规划 and 签约 together, 停滞 and 取消 together.
Status status_of_category(const std::string& id) {
  if (id == "operating") return Status::Operating;
  if (id == "trial") return Status::Trial;
  if (id == "construction" || id == "construction_no_date") return Status::Construction;
  if (id == "planned") return Status::Announced;
  if (id == "stopped") return Status::Shelved;
  return Status::Unknown;
}
Status status_group(Status s) {
  if (s == Status::Signed) return Status::Announced;
  if (s == Status::Cancelled) return Status::Shelved;
  return s;
}

std::string status_words(const ProjectStatus& s) {
  std::string out(vocabulary_entry(statuses(), s.status).zh);
  if (s.partly_operating) out += "（部分）";
  return out;
}

}  // namespace

TEST_CASE("every view names the same status for every project and line, at every date", "[wuhai][status]") {
  // Both clocks: as known now, and as published by each date (the views then read the dataset
  // as published by then, published_view.h).
  const Clock clock = GENERATE(Clock::KnownNow, Clock::PublishedBy);
  for (const char* date :
       {"2014-12-31", "2021-06-30", "2022-12-31", "2023-06-30", "2024-06-30", "2025-06-30", "2026-12-02"}) {
    INFO("as of " << date << ", clock " << clock_id(clock));
    FilterSpec spec;
    spec.as_of = parse_date(date).date;
    spec.clock = clock;
    const DayNumber as_of = as_of_day(spec);
    const Dataset d = for_clock(wuhai(), spec);
    const DatasetIndex index(d);
    const int bdo = d.find_product("BDO");
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
    std::map<Key, double> summary_bdo;  // (project, category) -> 万吨/年, from the summaries
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
      // possibly stalled: the project's row is flagged exactly when the table flags it; a line's
      // row when its project is flagged and the line has a status short of operating
      CHECK(rows[unit_ref(p, -1)]->possibly_stalled == s.possibly_stalled);
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
        CHECK(rows[unit_ref(p, static_cast<int>(u))]->possibly_stalled ==
              (s.possibly_stalled && line != Status::Unknown && line != Status::Operating));
      }
      for (const ProductCapacity& c : s.capacity)
        if (c.product == bdo)
          for (const CapacityCategory cat : kCapacityCategories)
            if (c.at(cat) > 0)
              summary_bdo[Key(p, id_of(cat))] += display_amount(c.at(cat), c.dimension).value;
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
    // capacity chart: its column holds every BDO line the engine gives a status, once, in the
    // category of that status; the summaries (table, KPIs) hold the same per project; the curve's
    // operating bands and its trial layer on the as-of day are the column's operating and trial
    std::map<Key, double> column;
    std::map<std::int64_t, int> times_listed;
    for (const auto& part : capacity.by_status)
      for (const auto& line : part.lines) {
        column[Key(project_of_ref(line.ref), part.id)] += line.value;
        ++times_listed[line.ref];
      }
    std::map<Key, double> curve;
    for (const auto& series : capacity.series)
      for (const auto& step : series.steps)
        if (!step.expected && step.date.placement_day() <= as_of)
          curve[{project_of_ref(step.ref), series.trial ? "trial" : "operating"}] += step.delta;
    std::map<std::string, double> kpi_bdo;
    for (const auto& product : kpis.products)
      if (product.product == bdo)
        for (const CapacityCategory cat : kCapacityCategories)
          kpi_bdo[id_of(cat)] = display_amount(product.at(cat), Dimension::MassPerYear).value;
    std::map<std::string, double> column_totals;
    for (const auto& part : capacity.by_status) column_totals[part.id] = part.total();
    for (int p : filter_projects(index, bdo_spec)) {
      const Project& project = d.projects[p];
      INFO(project.id);
      for (std::size_t u = 0; u < project.units.size(); ++u) {
        const Unit& unit = project.units[u];
        if (unit.product != bdo || unit.capacity.empty()) continue;
        INFO(unit.id);
        const std::int64_t ref = unit_ref(p, static_cast<int>(u));
        const Status status = index.facts(p).unit_status_at(static_cast<int>(u), as_of).status;
        if (status == Status::Unknown) {
          CHECK(times_listed.count(ref) == 0);  // not known yet: counted nowhere
          continue;
        }
        REQUIRE(times_listed[ref] == 1);
        const std::string category = line_category_of(capacity, ref);
        CHECK(status_of_category(category) == status_group(status));
      }
      for (const char* category :
           {"operating", "trial", "construction", "construction_no_date", "planned", "stopped"}) {
        INFO(category);
        CHECK_THAT(column[Key(p, category)], WithinAbs(summary_bdo[Key(p, category)], 1e-9));
      }
      CHECK_THAT(curve[Key(p, "operating")], WithinAbs(column[Key(p, "operating")], 1e-9));
      CHECK_THAT(curve[Key(p, "trial")], WithinAbs(column[Key(p, "trial")], 1e-9));
    }
    for (const auto& [category, total] : column_totals) {
      INFO(category);
      CHECK_THAT(kpi_bdo[category], WithinAbs(total, 1e-9));
    }
  }
}

TEST_CASE("the timeline marks the projects flagged possibly stalled, and only those",
          "[wuhai][status][stalled]") {
  const Dataset& d = wuhai();
  const DatasetIndex index(d);
  FilterSpec spec;
  spec.as_of = Date::of_day(2026, 12, 2);
  ChartOptions options;
  const auto timeline = timeline_chart_input(index, filter_projects(index, spec), spec, options);
  std::vector<std::string> flagged;
  for (const auto& row : timeline.rows) {
    if (!row.possibly_stalled) continue;
    flagged.push_back(d.projects[project_of_ref(row.ref)].id);
    // the row's tooltip gives the rule in the words the table and `list` use
    REQUIRE_FALSE(row.tooltip.empty());
    CHECK(row.tooltip.front() == possibly_stalled_rule_words(false));
  }
  // 中玻 (规划 since January 2023) and 广锦 (在建, newest report 2024-10-22) among them
  CHECK(std::find(flagged.begin(), flagged.end(), "zhongbo-pv-materials") != flagged.end());
  CHECK(std::find(flagged.begin(), flagged.end(), "guangjin-bdo-pbat") != flagged.end());
  // operating projects never are
  CHECK(std::find(flagged.begin(), flagged.end(), "saisipu-hydrogen-metallurgy") == flagged.end());
  CHECK(std::find(flagged.begin(), flagged.end(), "dongjing-bdo") == flagged.end());
}
