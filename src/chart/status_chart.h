// Status summary: capacity (or project count) by status by year — the trackers' classic summary
// table — as stacked bars per year coloured by status, and as the table itself.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"

namespace indtrack::chart {

// Cells as text: header = 年份, statuses..., 合计; one row per year; numbers with input.decimals.
struct StatusTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
StatusTable status_table(const StatusChartInput& input, Language lang);

// Hit ids: StatusCell (year, status column), LegendEntry (index = Status value). With
// include_table the table is drawn beside the bars when the canvas is wide enough, else below
// them when it is tall enough, else left out.
Scene layout_status_chart(const StatusChartInput& input, const ChartStyle& style, float width, float height,
                          const TextMeasure& measure);

std::vector<std::string> status_tooltip(const StatusChartInput& input, HitId hit, Language lang);

}  // namespace indtrack::chart
