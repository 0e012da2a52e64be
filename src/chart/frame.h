// The frame every chart shares — title, subtitle, legend, note, footer, the "no data" message —
// and the axis pieces the layouts combine: value axis with grid and labels, calendar time axis
// with two label rows, as-of/today lines. All text is placed inside the canvas: long titles and
// footers wrap, legend rows that do not fit end with "N more".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scale.h"
#include "chart/scene.h"
#include "chart/text_layout.h"
#include "chart/ticks.h"

namespace indtrack::chart {

// Striped: solid with background-coloured stripes (inferred). Split: `colour` over `lower`.
// Bracketed: a faded box under a bracket (a start not known to the day); Pause: ‖ (possibly stalled).
enum class Swatch : std::uint8_t {
  Solid,
  Hatched,
  Dashed,
  Diamond,
  HollowDiamond,
  Line,
  Striped,
  Split,
  Bracketed,
  Pause
};

struct LegendItem {
  std::string label;
  Rgba colour;
  Swatch swatch = Swatch::Solid;
  bool hidden = false;  // a toggled-off series: hollow swatch, muted text
  HitId hit;            // clicking the entry toggles what it stands for
  Rgba lower{};         // Swatch::Split: the lower half's colour
};

// ‖ centred on `centre`, `size` px tall: the "possibly stalled" mark (legend and timeline rows).
void draw_pause_mark(Scene& scene, Vec2 centre, float size, Rgba colour, HitId hit = {});

// The frame's text bands, whole pixels: `header` the title and subtitle (with the gap under them),
// `footer` the note and the footer (with the gap over them); both 0 without style.frame_text.
// Everything else — legend, axes, plot — is laid out in the canvas less the two bands, so a canvas
// `header + footer` taller with the frame text draws every other element `header` lower and
// nowhere else: the dashboard's canvas (no frame text) and a file of the same chart are one
// layout (tests/ui/chart_export_test.cpp holds them to it). The footer's sources wrap up to 40 %
// of the canvas' `height`; below that cap the bands do not depend on the height.
struct FrameBands {
  float header = 0, footer = 0;
};
FrameBands frame_bands(const FrameText& text, const ChartStyle& style, float width, float height,
                       const TextMeasure& measure);

// Draws background, title, subtitle, legend, note and footer; returns the rectangle left for
// axes and plot (the body). Legend rows beyond max_legend_rows end with a "N more" entry.
RectF draw_frame(Scene& scene, const FrameText& text, const std::vector<LegendItem>& legend,
                 const ChartStyle& style, float width, float height, const TextMeasure& measure,
                 int max_legend_rows = 3);

// The caller's empty message (or the built-in one) centred in `body`.
void draw_empty_message(Scene& scene, const RectF& body, const FrameText& text, const ChartStyle& style,
                        const TextMeasure& measure);

// Height of the time axis' two label rows under (or over) a plot.
float time_axis_height(const ChartStyle& style);
// Vertical grid lines at the ticks (year boundaries stronger), clipped to the plot.
void draw_time_grid(Scene& scene, const RectF& plot, const TimeTicks& ticks, const ChartStyle& style);
// Tick marks and the two label rows; below the plot (labels start at plot.y1) or above it.
enum class AxisSide : std::uint8_t { Bottom, Top };
void draw_time_labels(Scene& scene, const RectF& plot, const TimeTicks& ticks, AxisSide side,
                      const ChartStyle& style, const TextMeasure& measure);

// A value axis from zero: domain widened to nice ticks, labels formatted for the whole axis.
struct ValueAxis {
  ValueTicks ticks;
  std::vector<std::string> labels;
  double max = 1;         // domain is [0, max]
  float label_width = 0;  // widest label, px
};
ValueAxis make_value_axis(double data_max, float length_px, NumberStyle number_style, const ChartStyle& style,
                          const TextMeasure& measure);
// Horizontal grid lines and labels right-aligned left of the plot (vertical value axis).
void draw_value_axis_left(Scene& scene, const RectF& plot, const LinearScale& y, const ValueAxis& axis,
                          const ChartStyle& style, const TextMeasure& measure);
// Vertical grid lines and labels centred under the plot (horizontal value axis).
void draw_value_axis_bottom(Scene& scene, const RectF& plot, const LinearScale& x, const ValueAxis& axis,
                            const ChartStyle& style, const TextMeasure& measure);

// The label draw_day_line() puts at the top of a day line (right of it, else left of it);
// nullopt when the line is outside the plot or the label fits on neither side. Layouts reserve
// its box before placing other labels.
std::optional<TextPrim> day_line_label(const RectF& plot, const TimeScale& x, DayNumber day,
                                       const std::string& label, Rgba colour, const ChartStyle& style,
                                       const TextMeasure& measure);

// A vertical day line across the plot with a label at its top (as-of solid, today dashed).
void draw_day_line(Scene& scene, const RectF& plot, const TimeScale& x, DayNumber day,
                   const std::string& label, Rgba colour, bool dashed, const ChartStyle& style,
                   const TextMeasure& measure);

// Height above a vertical value axis' plot: the unit label's row plus half a tick label (the
// top tick's label is centred on the plot's top edge).
inline float value_unit_row_height(float font_px) { return font_px * 1.8f; }

// Space between text and the thing it labels.
inline float text_gap(const ChartStyle& style) { return style.font_px * 0.4f; }

}  // namespace indtrack::chart
