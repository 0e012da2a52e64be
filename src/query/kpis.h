// The key figures of a set of projects at the filter's as-of date, as the dashboard's KPI strip and
// the report pack's summary show them: project counts by status, capacity per product by category
// (operating, trial, under construction with and without a date, planned, stopped — the capacity
// chart's column: capacity_categories.h) and design, stated investment, production lines, the sources the
// projects cite (the same sources a chart's footer names: cited_sources in query/dataset_index.h) and the
// plan-versus-actual figures in words.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "query/capacity_categories.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"
#include "query/slippage.h"
#include "query/status.h"

namespace indtrack {

struct KpiSummary {
  struct ProductCapacity {
    int product = -1;
    double designed = 0;                                       // t/a, every line
    std::array<double, kCapacityCategoryCount> by_category{};  // t/a, by the line's category
    double at(CapacityCategory c) const { return by_category[static_cast<std::size_t>(c)]; }
    double operating() const { return at(CapacityCategory::Operating); }
    // What is not producing yet but under way: trial production and construction (dated or not).
    double under_way() const {
      return at(CapacityCategory::Trial) + at(CapacityCategory::Construction) +
             at(CapacityCategory::ConstructionNoDate);
    }
  };
  int projects = 0;
  std::array<int, kStatusCount> by_status{};  // project counts, indexed by Status
  int partly_operating = 0;
  std::vector<ProductCapacity> products;  // mass-per-year products, most operating, then under way, first
  double total_investment = 0;            // CNY, summed over projects that state one
  int projects_with_investment = 0;
  int units = 0;
  int sources = 0;   // distinct sources cited by these projects
  int articles = 0;  // of which article texts held locally
  // Plan versus actual of these projects' milestones (query/slippage.h), in words: the share on
  // time by the first announced date (a range) and the median delay; empty when nothing is due /
  // nothing has happened. Filled by the caller from slippage_kpi_text() (it needs the slippage
  // of the same projects, which the dashboard keeps per dataset).
  std::string slip_on_time, slip_median_delay;
};

// `summaries` holds every project's summary at the as-of date (indexed by project); `projects`
// are the ones to count.
KpiSummary summarize_kpis(const Dataset& data, const std::vector<ProjectSummary>& summaries,
                          const std::vector<int>& projects);
// The same, with the cited sources taken from the index (the dashboard's, on a filter change).
KpiSummary summarize_kpis(const DatasetIndex& index, const std::vector<ProjectSummary>& summaries,
                          const std::vector<int>& projects);

// The plan-versus-actual KPIs of a summary, as the KPI strip and the report show them. Ranges,
// never false points: undetermined milestones make the share a range, month-precision dates the
// median. Empty strings when nothing is due (share) or nothing has happened (median).
struct SlipKpiText {
  std::string on_time;       // "按期 25–50%（1–2/4）" / "on time 25–50% (1–2 of 4)": by the first
                             //   announced date, among the milestones due
  std::string median_delay;  // "中位延期 5–11 个月" / "median delay 5–11 months"
};
SlipKpiText slippage_kpi_text(const SlippageSummary& summary, bool english);

}  // namespace indtrack
