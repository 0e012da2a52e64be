// The interactive view state of time charts and the pure functions that change it: mouse-wheel
// zoom about the cursor, drag pan, fit to data, box zoom, vertical scrolling of the timeline.
// The capacity chart and the timeline share one TimeRange, so zooming one zooms both.
#pragma once

#include <vector>

#include "chart/scale.h"
#include "chart/scene.h"

namespace indtrack::chart {

inline constexpr double kMinSpanDays = 7;             // zoom-in limit: one week across the plot
inline constexpr double kMaxSpanDays = 365.25 * 200;  // zoom-out limit: two centuries

struct ChartView {
  TimeRange time;      // visible time range (days)
  float scroll_y = 0;  // timeline: px of rows scrolled above the plot top
};

// The scale is the one the layout used (Scene::axes.time).
// Wheel zoom keeping the day under the cursor at the same pixel. `wheel` > 0 zooms in: each notch
// scales the span by 0.8. The span is kept within [kMinSpanDays, kMaxSpanDays].
TimeRange wheel_zoom(const TimeScale& scale, float cursor_x, float wheel);

// Dragging the plot by dx pixels moves the content with the mouse (the range moves the other way).
TimeRange drag_pan(const TimeScale& scale, float dx_px);

// The whole data extent with `margin` (fraction of the span) on both sides; a single day or an
// empty extent becomes a range of at least kMinSpanDays around it.
TimeRange fit_to_data(DayNumber first, DayNumber last, double margin = 0.04);

// A change a time chart shows: its day and how much it changes (capacity added, or 1 per event).
struct TimedChange {
  DayNumber day = 0;
  double weight = 0;
};

// The default view of a time chart, fitted to the activity (docs/charts.md, "Fitted range"): it
// begins where the changes that make up `share` of the total weight begin, or after a quiet
// stretch longer than half the rest that follows at most a quarter of the weight — the earlier
// ones are folded into the level the chart shows at its left edge — and reaches a little past `last` (the
// last step or the as-of day). Both ends are padded by 4 % of the span (at least a month); the
// start is snapped down to a quarter's (spans over 2 years) or month's (over 4 months) first day
// when the plot then spends at most 12 % of its width before the first change it shows (else at
// most ~8 %). Without changes: fit_to_data().
TimeRange fit_to_activity(std::vector<TimedChange> changes, DayNumber first, DayNumber last,
                          double share = 0.9);

// The range between two pixel positions (either order) of a box drawn with the mouse; a box
// narrower than kMinSpanDays is widened around its centre.
TimeRange box_zoom(const TimeScale& scale, float x_a, float x_b);

// Timeline scrolling: the new scroll offset after dy px, kept within [0, content - viewport].
float scroll_rows(float scroll_y, float dy_px, float content_height_px, float viewport_height_px);

}  // namespace indtrack::chart
