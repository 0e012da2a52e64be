// Capacity growth: installed capacity over time as a stacked step chart, one band per series
// (company, park or district), actual solid and expected hatched above it, imprecise dates drawn
// with an interval whisker, city-level figures as reference marks, the as-of line.
//
// Two stages: stack_capacity() turns the input into step functions (derived data: recompute when
// the input changes, keep it across frames); layout_capacity_chart() turns them into a Scene for
// a visible time range and a canvas size (cheap: per frame while zooming).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"

namespace indtrack::chart {

// One step as drawn: where and whether it was moved.
struct PlacedStep {
  std::int32_t series = -1;
  std::int32_t step = -1;  // index into the series' steps
  std::int32_t band = -1;  // index into CapacityStack::bands
  DayNumber day = 0;       // drawn here: the placement day (expected steps not before as-of)
  bool overdue = false;    // expected, but its date had passed by the as-of day: drawn at as-of
};

// A stacked band: one series' actual (or expected) capacity as a step function over the stack's
// days. Bands are stacked in order: first every series' actual band, then every expected band.
struct CapacityBand {
  std::int32_t series = -1;
  bool expected = false;
  std::vector<double> top;  // cumulative level of the stack up to this band, per day index
  std::vector<std::int32_t>
      step;  // the series step that last changed this band, per day index (-1: none yet)
};

struct CapacityStack {
  std::vector<DayNumber> days;      // ascending, unique: the days any band changes
  std::vector<CapacityBand> bands;  // bottom first; series that are hidden or have no steps are left out
  std::vector<PlacedStep> steps;    // every drawn step, sorted by day
  double max_total = 0;             // highest top of the whole stack
  DayNumber first_day = 0;          // data extent: steps (whiskers included), reference marks, as-of
  DayNumber last_day = 0;
  bool empty = true;  // nothing to draw: no steps and no marks

  // The own level of band b after day index k (its top minus the band below).
  double level(std::size_t band, std::size_t k) const;
  // Total capacity at `day` (after that day's steps), of actual bands or of all bands.
  double total_at(DayNumber day, bool include_expected) const;
};

// Rules (docs/charts.md): a step counts from its date's placement day (the middle of a year or
// month); actual steps after the as-of day are ignored (not known yet); expected steps are left
// out unless include_expected, and an expected step dated before the as-of day is drawn at the
// as-of day (still pending) and marked overdue.
CapacityStack stack_capacity(const CapacityChartInput& input);

// The default view (the first frame, "fit", exports): fitted to where 90 % of the added capacity
// was (or is expected to be) added, earlier steps folded into the level at the left edge
// (fit_to_activity), to a little past the last step, the as-of day or the reference marks.
TimeRange capacity_time_extent(const CapacityStack& stack);

// The chart for `visible` on a width × height canvas. Hit ids: CapacityBand and CapacityStep
// (series, step), ReferenceMark (mark), LegendEntry (series; index -1 = the expected toggle).
Scene layout_capacity_chart(const CapacityChartInput& input, const CapacityStack& stack,
                            const TimeRange& visible, const ChartStyle& style, float width, float height,
                            const TextMeasure& measure);

// Tooltip lines for a hit: exact figures with units, the date as written with its precision, the
// caller's lines (quote, source). `cursor_day` gives the level shown for a band.
std::vector<std::string> capacity_tooltip(const CapacityChartInput& input, const CapacityStack& stack,
                                          HitId hit, double cursor_day, Language lang);

}  // namespace indtrack::chart
