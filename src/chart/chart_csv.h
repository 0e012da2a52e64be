// The numbers a chart plots, as CSV: one row per plotted item, in the chart's own units and
// dates, so a figure in a report can be checked against (or rebuilt from) its data. Header row
// first, "\r\n" line ends, cells through io/csv_writer.h (quoting, formula neutralising); no
// byte-order mark (the writer of the file adds it). The slippage chart's CSV is slippage_csv().
#pragma once

#include <string>

#include "chart/capacity_chart.h"
#include "chart/chart_inputs.h"

namespace indtrack::chart {

// One row per drawn step (CapacityStack::steps, by day), per reference mark and per line of the
// column by status at the as-of date: type (step | reference | by_status), series (for
// by_status: the category id — operating, trial, construction, construction_no_date, planned,
// stopped; the trial layer's steps have its label), label, status (actual | by | expected | overdue — "by":
// in operation by the date, its start not reported; for a reference: its bound, "target" when expected), date
// (as written), precision, plotted_on (the day it is drawn at), change, level (the series' own level after
// the step; the reference value; the line's capacity), unit, stack_total (all bands at plotted_on; by_status:
// the category's total). A by_status row's status is its basis: stated | inferred.
std::string capacity_csv(const CapacityChartInput& input, const CapacityStack& stack, Language lang);

// One row per segment and per milestone in display order: row, group, type (segment |
// milestone), what (phase or milestone kind id), label (in `lang`), from, to (a segment's days,
// `to` empty while still running; a milestone's interval), plotted_on (a milestone's ◆),
// expected (yes | no), date (a milestone's date as written), precision, source.
std::string timeline_csv(const TimelineChartInput& input, Language lang);

// One row per bar: label, total, completed, approximate (yes | no), unit.
std::string investment_csv(const InvestmentChartInput& input, Language lang);

// The status table (status_table()): year, one column per status, total; unit in the header.
std::string status_csv(const StatusChartInput& input, Language lang);

}  // namespace indtrack::chart
