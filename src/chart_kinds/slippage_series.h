// From the plan-versus-actual query (query/slippage.h) to the slippage chart's input
// (chart/slippage_chart.h): one row per milestone with an announced date, its expectations with
// quote and source, when it happened and the delay — the numbers the chart draws and its CSV holds.
#pragma once

#include <vector>

#include "chart/chart_inputs.h"
#include "chart_kinds/chart_series.h"
#include "query/slippage.h"

namespace indtrack {

// Rows for `slips` (computed for `projects` at the filter's as-of date), sorted by delay
// (chart::sort_slippage_rows). Milestones without an announced date (NoPlan) are left out, and so
// is one whose only expectation was reported after later reports show it had happened (the
// sources contradict each other; the detail panel shows its history).
chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const std::vector<MilestoneSlip>& slips,
                                               const FilterSpec& spec, const ChartOptions& options);
// The same, computing the milestones of `projects` at as_of_day(spec).
chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);

chart::SlipOutcome slip_outcome(SlipState state);  // NoPlan has none: maps to NotYetDue

// The plan-versus-actual KPIs of a summary, as the KPI strip and the report show them. Ranges,
// never false points: undetermined milestones make the share a range, month-precision dates the
// median. Empty strings when nothing is due (share) or nothing has happened (median).
struct SlipKpiText {
  std::string on_time;  // "按期 25–50%（1–2/4）" / "on time 25–50% (1–2 of 4)": by the first
                        //   announced date, among the milestones due

  std::string median_delay;  // "中位延期 5–11 个月" / "median delay 5–11 months"
};
SlipKpiText slippage_kpi_text(const SlippageSummary& summary, bool english);

}  // namespace indtrack
