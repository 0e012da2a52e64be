// From the plan-versus-actual query (query/slippage.h) to the slippage chart's input
// (chart/slippage_chart.h): one row per milestone with an announced date, its expectations with
// quote and source, when it happened and the delay — the numbers the chart draws and its CSV holds.
#pragma once

#include <vector>

#include "chart/chart_inputs.h"
#include "chart_kinds/chart_series.h"
#include "query/slippage.h"

namespace indtrack {

// Rows for `slips` (computed at the filter's as-of date), sorted by delay
// (chart::sort_slippage_rows). Milestones without an announced date (NoPlan) are left out, and so
// is one whose only expectation was reported after later reports show it had happened (the
// sources contradict each other; the detail panel shows its history).
chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<MilestoneSlip>& slips,
                                               const FilterSpec& spec, const ChartOptions& options);
// The same, computing the milestones of `projects` at as_of_day(spec).
chart::SlippageChartInput slippage_chart_input(const Dataset& data, const std::vector<int>& projects,
                                               const FilterSpec& spec, const ChartOptions& options);

chart::SlipOutcome slip_outcome(SlipState state);  // NoPlan has none: maps to NotYetDue

}  // namespace indtrack
