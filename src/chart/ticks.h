// Axis ticks and their labels: 1-2-5×10^k value ticks with 万/亿 formatting, calendar time ticks
// that pick day / month / quarter / year steps from the visible range and label two
// levels (months under years), and greedy label-collision dropping. Text widths come from an
// injected TextMeasure, never from a live UI context.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chart/chart_strings.h"
#include "chart/scale.h"
#include "chart/text_layout.h"

namespace indtrack::chart {

// The smallest step of the form {1, 2, 5}×10^k with range / step <= target_count.
// nice_step(93, 5) == 20; nice_step(1, 5) == 0.2; nice_step(0, n) == 1.
double nice_step(double range, int target_count);

struct ValueTicks {
  double step = 0;
  std::vector<double> values;  // multiples of step inside [lo, hi], ascending
};
ValueTicks value_ticks(double lo, double hi, int target_count);

// How many ticks fit along `length_px` when labels need `spacing_px` each: clamped to 2..10.
int tick_count_for(float length_px, float spacing_px);

enum class NumberStyle : std::uint8_t {
  Plain,             // 0, 50, 100, 0.5
  ChineseMagnitude,  // 0, 5000, 1万, 1.5万, 2亿: 万 (10^4) and 亿 (10^8) for raw counts and yuan
  Count,             // 0, 1, 2, 3: things counted (projects); plain labels, ticks never below 1 apart
};

// Ticks for a count axis: value_ticks() with a step of at least 1, so no tick falls between two
// whole numbers (0.5 projects); hi is rounded up to a whole step.
ValueTicks count_ticks(double hi, int target_count);

// Labels for a whole axis: one magnitude suffix for all ticks (chosen by the largest |value|)
// and as many decimals as the step needs, trailing zeros trimmed.
std::vector<std::string> format_ticks(const ValueTicks& ticks, NumberStyle style);

// One number for a tooltip or bar label: up to `max_decimals` decimals; with ChineseMagnitude
// 123456 -> "12.35万" and 2.5e8 -> "2.5亿".
std::string format_value(double value, NumberStyle style, int max_decimals = 2);

// Greedy collision dropping: spans (begin <= end along the axis) are visited in the given order
// and one is kept when it lies inside [lo, hi] and starts at least `gap_px` after the end of the
// previously kept span. Callers pass spans ordered by position, most important first at ties.
struct LabelSpan {
  float begin = 0;
  float end = 0;
};
std::vector<bool> keep_non_colliding(const std::vector<LabelSpan>& spans, float gap_px, float lo, float hi);

enum class TimeUnit : std::uint8_t { Day, Month, Year };

struct TimeStep {
  TimeUnit unit = TimeUnit::Year;
  int count = 1;  // days: 1 2 5 10 (restarting each month); months: 1 3; years: 1 2 5 10 20 ...
  friend bool operator==(const TimeStep&, const TimeStep&) = default;
};

struct TimeTick {
  DayNumber day = 0;  // the first day of the period the tick starts
  float x = 0;        // pixel position (scale.map(day))
  std::string label;  // empty when dropped to avoid a collision
  bool line = true;   // false for the left-edge label of the period already running at range.first
};

struct TimeTicks {
  TimeStep step;
  std::vector<TimeTick> minor;  // every step: grid lines; first label row (days, months, quarters, years)
  std::vector<TimeTick> major;  // period boundaries one level up (months under days, years under
                                // months); empty when the step is in years
};

// The finest step an axis showing `span_days` may use — the one tick rule of every time axis, on
// screen and in files: years beyond ~3 years, quarters beyond ~13 months, months beyond ~2 months,
// else days. time_ticks() goes coarser from there when the labels do not fit.
TimeStep finest_step_for_span(double span_days);

// Ticks for the visible range of `scale`: from finest_step_for_span(), the finest step whose labels
// (left-aligned `kTimeLabelOffsetPx` after their tick) fit between ticks; labels that would still collide or
// run past the scale's right end are dropped.
inline constexpr float kTimeLabelOffsetPx = 3;
inline constexpr float kLabelGapPx = 6;
TimeTicks time_ticks(const TimeScale& scale, const TextMeasure& measure, float font_px, Language lang);

// The label of the period starting at `day` for a step (also used by tooltips and tests).
std::string time_label(DayNumber day, TimeStep step, Language lang);
std::string major_time_label(DayNumber day, TimeStep step, Language lang);

}  // namespace indtrack::chart
