// Project status timeline (Gantt): one row per project or production line, grouped under headers,
// bars per phase coloured by phase, expected segments lighter with a dashed outline, ◆ milestones
// with an interval whisker for imprecise dates, open-ended bars for work still under way, the
// as-of and today lines.
//
// Built for 100k rows the Tracy way: index_timeline() computes the display list and row offsets
// once per input change; layout_timeline_chart() binary-searches the rows inside the viewport,
// culls bars outside the visible time range and folds runs of bars narrower than style.fold_px
// into one "N items" block per row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"
#include "chart/view.h"

namespace indtrack::chart {

struct TimelineItem {
  bool header = false;      // a group header, else a row
  std::int32_t index = -1;  // group index (header) or row index
  float y = 0;              // top, in content px from the first item
};

struct TimelineIndex {
  std::vector<TimelineItem> items;   // display order, headers interleaved; y ascending
  float row_px = 0;                  // row and header height (from the style)
  float content_height = 0;          // px of all items
  float label_width = 0;             // widest row or group label at style.font_px
  std::uint32_t phases_present = 0;  // bit (1 << Status) for every phase in a segment
  bool any_expected = false;
  bool any_inferred = false;        // a striped segment: legend explains it
  bool any_partly = false;          // a split segment (partly operating)
  std::uint32_t partly_others = 0;  // bit per Status: the lower halves' statuses (the legend's swatch)
  bool any_uncertain = false;       // a start not known to the day: faded and bracketed
  bool any_stalled = false;         // a row flagged possibly stalled
  bool any_milestones = false;
  DayNumber first_day = 0;  // data extent (segments, milestones with whiskers, as-of)
  DayNumber last_day = 0;
  std::vector<TimedChange> changes;  // every segment start and milestone, weight 1 (the fitted range)
  std::size_t undated_rows = 0;      // rows with no segment and no milestone
};

TimelineIndex index_timeline(const TimelineChartInput& input, const ChartStyle& style,
                             const TextMeasure& measure);
// The default view: fitted to where 90 % of the segment starts and milestones lie (fit_to_activity).
TimeRange timeline_time_extent(const TimelineIndex& index);

// The rows visible with view.scroll_y (content px scrolled above the plot top) for view.time.
// Hit ids: TimelineRow (row label), TimelineGroup (header), TimelineSegment and TimelineMilestone
// (row, item), TimelineFold (row, first segment, count), LegendEntry (index = Status value).
Scene layout_timeline_chart(const TimelineChartInput& input, const TimelineIndex& index,
                            const ChartView& view, const ChartStyle& style, float width, float height,
                            const TextMeasure& measure);

// The canvas height at which every row fits without scrolling (for exports).
float timeline_full_height(const TimelineChartInput& input, const TimelineIndex& index,
                           const ChartStyle& style, float width, const TextMeasure& measure);

// Tooltip lines: phase and dates of a segment (an imprecise start as written, "2014 (year
// only)", or "in operation by …"); a flagged row's stalled rule; a milestone's kind, date as written,
// precision, quote and source; the segments inside a folded block.
std::vector<std::string> timeline_tooltip(const TimelineChartInput& input, HitId hit, Language lang);

}  // namespace indtrack::chart
