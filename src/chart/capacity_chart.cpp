#include "chart/capacity_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "chart/frame.h"
#include "chart/ticks.h"
#include "chart/view.h"
#include "core/units.h"

namespace indtrack::chart {

namespace {

// Runs of a band narrower than this (px) are merged into the next run (pixel folding), so a band
// never has more rects than about two per pixel column whatever the number of events.
constexpr float kMinRunPx = 1.5f;

std::size_t day_index(const std::vector<DayNumber>& days, DayNumber day) {
  return static_cast<std::size_t>(std::lower_bound(days.begin(), days.end(), day) - days.begin());
}

}  // namespace

double CapacityStatusPart::total() const {
  double sum = 0;
  for (const CapacityStatusLine& l : lines) sum += l.value;
  return sum;
}

double CapacityStatusPart::inferred_total() const {
  double sum = 0;
  for (const CapacityStatusLine& l : lines)
    if (l.inferred) sum += l.value;
  return sum;
}

double CapacityStack::level(std::size_t band, std::size_t k) const {
  const double below = band > 0 ? bands[band - 1].top[k] : 0.0;
  return bands[band].top[k] - below;
}

double CapacityStack::total_at(DayNumber day, bool include_expected) const {
  const auto it = std::upper_bound(days.begin(), days.end(), day);
  if (it == days.begin()) return 0;
  const std::size_t k = static_cast<std::size_t>(it - days.begin()) - 1;
  for (std::size_t b = bands.size(); b-- > 0;)
    if (include_expected || !bands[b].expected) return bands[b].top[k];
  return 0;
}

CapacityStack stack_capacity(const CapacityChartInput& input) {
  CapacityStack st;
  const std::size_t n_series = input.series.size();
  std::vector<std::int32_t> actual_band(n_series, -1), expected_band(n_series, -1);

  // Which steps are drawn, and where.
  for (std::size_t s = 0; s < n_series; ++s) {
    const CapacitySeries& series = input.series[s];
    if (!series.visible) continue;
    for (std::size_t i = 0; i < series.steps.size(); ++i) {
      const CapacityStep& step = series.steps[i];
      const DayNumber placed = step.date.placement_day();
      PlacedStep p{static_cast<std::int32_t>(s), static_cast<std::int32_t>(i), -1, placed, false};
      if (!step.expected) {
        if (placed > input.as_of) continue;  // not known yet at the as-of day
        actual_band[s] = 0;
      } else {
        if (!input.include_expected) continue;
        if (placed < input.as_of) {
          p.day = input.as_of;
          p.overdue = true;
        }
        expected_band[s] = 0;
      }
      st.steps.push_back(p);
    }
  }
  // Band order: every actual band, then every expected band, each in series order.
  for (std::size_t s = 0; s < n_series; ++s)
    if (actual_band[s] == 0) {
      actual_band[s] = static_cast<std::int32_t>(st.bands.size());
      st.bands.push_back({static_cast<std::int32_t>(s), false, {}, {}});
    }
  for (std::size_t s = 0; s < n_series; ++s)
    if (expected_band[s] == 0) {
      expected_band[s] = static_cast<std::int32_t>(st.bands.size());
      st.bands.push_back({static_cast<std::int32_t>(s), true, {}, {}});
    }
  for (PlacedStep& p : st.steps) {
    const bool expected =
        input.series[static_cast<std::size_t>(p.series)].steps[static_cast<std::size_t>(p.step)].expected;
    p.band = expected ? expected_band[static_cast<std::size_t>(p.series)]
                      : actual_band[static_cast<std::size_t>(p.series)];
  }
  std::sort(st.steps.begin(), st.steps.end(), [](const PlacedStep& a, const PlacedStep& b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.band != b.band) return a.band < b.band;
    return a.step < b.step;
  });

  for (const PlacedStep& p : st.steps)
    if (st.days.empty() || st.days.back() != p.day) st.days.push_back(p.day);

  // Step functions: running level per band, cumulative tops per day.
  const std::size_t n_days = st.days.size();
  std::vector<double> level(st.bands.size(), 0.0);
  std::vector<std::int32_t> last_step(st.bands.size(), -1);
  for (CapacityBand& b : st.bands) {
    b.top.resize(n_days);
    b.step.resize(n_days);
  }
  std::size_t next = 0;
  for (std::size_t k = 0; k < n_days; ++k) {
    for (; next < st.steps.size() && st.steps[next].day == st.days[k]; ++next) {
      const PlacedStep& p = st.steps[next];
      const auto b = static_cast<std::size_t>(p.band);
      level[b] +=
          input.series[static_cast<std::size_t>(p.series)].steps[static_cast<std::size_t>(p.step)].delta;
      last_step[b] = p.step;
    }
    double cumulative = 0;
    for (std::size_t b = 0; b < st.bands.size(); ++b) {
      cumulative += level[b];
      st.bands[b].top[k] = cumulative;
      st.bands[b].step[k] = last_step[b];
      st.max_total = std::max(st.max_total, cumulative);
    }
  }

  // Extent: steps with their whiskers, reference marks, the as-of day.
  st.first_day = input.as_of;
  st.last_day = input.as_of;
  for (const PlacedStep& p : st.steps) {
    const Date& d =
        input.series[static_cast<std::size_t>(p.series)].steps[static_cast<std::size_t>(p.step)].date;
    const CapacityStep& step =
        input.series[static_cast<std::size_t>(p.series)].steps[static_cast<std::size_t>(p.step)];
    st.first_day = std::min({st.first_day, p.day, d.first_day(), step.not_before.value_or(p.day)});
    st.last_day = std::max({st.last_day, p.day, d.last_day()});
  }
  for (const ReferenceMark& m : input.marks) {
    st.first_day = std::min(st.first_day, m.period.first_day());
    st.last_day = std::max(st.last_day, m.period.last_day());
  }
  st.empty = st.steps.empty() && input.marks.empty();
  return st;
}

TimeRange capacity_time_extent(const CapacityStack& stack) {
  // Each day weighs what it adds to the bands (a trial line leaving its layer adds nothing).
  std::vector<TimedChange> growth;
  growth.reserve(stack.days.size());
  for (std::size_t k = 0; k < stack.days.size(); ++k) {
    double added = 0;
    for (std::size_t b = 0; b < stack.bands.size(); ++b)
      added += std::max(0.0, stack.level(b, k) - (k > 0 ? stack.level(b, k - 1) : 0.0));
    growth.push_back({stack.days[k], added});
  }
  return fit_to_activity(std::move(growth), stack.first_day, stack.last_day);
}

namespace {

// Trial production, in the curve's layer and the column alike: the trial status colour made
// light ("浅蓝"), so it never reads as a company's band (the palette's blues are close to it).
Rgba trial_layer_colour(const Theme& theme) {
  return mix(status_colour(Status::Trial, theme), theme.background, 0.45f);
}

// A company's colour, or the trial layer's.
Rgba series_colour(const ChartStyle& style, const CapacitySeries& s) {
  if (s.trial) return trial_layer_colour(style.theme);
  return colour_for(style, s.colour_key.empty() ? s.key : s.colour_key);
}

MarkerShape shape_for(AggregateBound bound) {
  switch (bound) {
    case AggregateBound::AtLeast:
    case AggregateBound::MoreThan:
      return MarkerShape::TriangleUp;
    case AggregateBound::AtMost:
      return MarkerShape::TriangleDown;
    case AggregateBound::About:
      return MarkerShape::Circle;
    case AggregateBound::Exact:
      break;
  }
  return MarkerShape::Diamond;
}

void draw_bands(Scene& scene, const CapacityChartInput& input, const CapacityStack& st, const TimeScale& x,
                const LinearScale& y, const ChartStyle& style) {
  const std::size_t n_days = st.days.size();
  if (n_days == 0) return;
  const TimeRange& vis = x.range;
  // First interval that reaches into the view: the last day <= vis.first (or the first day).
  std::size_t k_begin = static_cast<std::size_t>(
      std::upper_bound(st.days.begin(), st.days.end(), static_cast<DayNumber>(std::floor(vis.first))) -
      st.days.begin());
  k_begin = k_begin > 0 ? k_begin - 1 : 0;

  const auto k_end = std::max(
      k_begin, static_cast<std::size_t>(std::lower_bound(st.days.begin(), st.days.end(), vis.last,
                                                         [](DayNumber d, double t) { return d < t; }) -
                                        st.days.begin()));
  if (k_end == k_begin) return;
  // Each band emits at most one rect per kMinRunPx (plus one) or one per interval.
  const auto per_band =
      std::min<std::size_t>(k_end - k_begin, static_cast<std::size_t>((x.x1 - x.x0) / kMinRunPx) + 2);
  scene.items.reserve(scene.items.size() + st.bands.size() * per_band);
  // Pixel edges of the visible intervals, shared by every band: interval k spans
  // [edges[k - k_begin], edges[k - k_begin + 1]).
  std::vector<float> edges(k_end - k_begin + 1);
  for (std::size_t k = k_begin; k < k_end; ++k)
    edges[k - k_begin] = x.map(std::max<double>(st.days[k], vis.first));
  edges.back() = x.map(vis.last);

  for (std::size_t b = 0; b < st.bands.size(); ++b) {
    const CapacityBand& band = st.bands[b];
    const auto series = static_cast<std::size_t>(band.series);
    const Rgba colour = series_colour(style, input.series[series]);
    RectPrim proto{.fill = colour};
    if (band.expected) {
      proto.fill = expected_fill(colour, style.theme);
      proto.hatch = Hatch::Diagonal;
      proto.hatch_colour = colour;
      proto.hatch_spacing = std::max(4.0f, style.font_px * 0.5f);
    }
    const std::vector<double>* below = b > 0 ? &st.bands[b - 1].top : nullptr;
    bool open = false;
    float run_x0 = 0, run_x1 = 0;
    double run_base = 0, run_top = 0;
    std::int32_t run_step = -1;
    auto emit = [&] {
      if (!open || run_top == run_base || run_x1 <= run_x0) return;
      RectPrim r = proto;
      r.rect = {run_x0, y.map(std::max(run_base, run_top)), run_x1, y.map(std::min(run_base, run_top))};
      scene.add(r, {HitKind::CapacityBand, band.series, run_step});
    };
    for (std::size_t k = k_begin; k < k_end; ++k) {
      const float xa = edges[k - k_begin];
      const float xb = edges[k - k_begin + 1];
      const double base = below ? (*below)[k] : 0.0;
      const double top = band.top[k];
      if (open && base == run_base && top == run_top) {
        run_x1 = xb;
        continue;
      }
      float start = xa;
      if (open) {
        if (run_x1 - run_x0 >= kMinRunPx)
          emit();
        else
          start = run_x0;  // too thin to see: the next run starts where it began
      }
      open = true;
      run_x0 = start;
      run_x1 = xb;
      run_base = base;
      run_top = top;
      run_step = band.step[k];
    }
    emit();
  }
}

void draw_step_marks(Scene& scene, const CapacityChartInput& input, const CapacityStack& st,
                     const TimeScale& x, const LinearScale& y, const RectF& plot, const ChartStyle& style) {
  const TimeRange& vis = x.range;
  const auto lo = std::lower_bound(st.steps.begin(), st.steps.end(), vis.first,
                                   [](const PlacedStep& p, double d) { return p.day < d; });
  const auto hi = std::upper_bound(st.steps.begin(), st.steps.end(), vis.last,
                                   [](double d, const PlacedStep& p) { return d < p.day; });
  // Markers only while they stay apart; zoomed out on thousands of steps the bands say enough.
  if (static_cast<float>(hi - lo) > plot.width() / 4) return;
  for (auto it = lo; it != hi; ++it) {
    const PlacedStep& p = *it;
    const CapacitySeries& series = input.series[static_cast<std::size_t>(p.series)];
    const CapacityStep& step = series.steps[static_cast<std::size_t>(p.step)];
    if (step.delta < 0) continue;  // a line leaving a layer (trial to operating): marked where it enters
    const Rgba colour = series_colour(style, series);
    const Rgba edge = mix(colour, style.theme.text, 0.35f);
    const std::size_t k = day_index(st.days, p.day);
    const float py = y.map(st.bands[static_cast<std::size_t>(p.band)].top[k]);
    const HitId hit{HitKind::CapacityStep, p.series, p.step};
    const float cap = style.marker_px * 0.4f;
    const float w = style.line_px * 1.5f;
    if (step.by) {
      // In operation by the date, start not reported: a whisker back to the last statement that
      // it had not started, or dashed to the plot's edge when there is none.
      const float xb = x.map(step.date.last_day() + 1);
      const float xa = step.not_before ? x.map(*step.not_before) : plot.x0;
      LinePrim whisker{.a = {xa, py}, .b = {xb, py}, .colour = edge, .width = w};
      if (!step.not_before) whisker.dash = {3 * style.line_px, 3 * style.line_px};
      scene.add(whisker, hit);
      if (step.not_before)
        scene.add(LinePrim{.a = {xa, py - cap}, .b = {xa, py + cap}, .colour = edge, .width = w}, hit);
      scene.add(LinePrim{.a = {xb, py - cap}, .b = {xb, py + cap}, .colour = edge, .width = w}, hit);
    } else if (!step.date.is_exact_day()) {
      const float xa = x.map(step.date.first_day());
      const float xb = x.map(step.date.last_day() + 1);
      scene.add(LinePrim{.a = {xa, py}, .b = {xb, py}, .colour = edge, .width = w}, hit);
      scene.add(LinePrim{.a = {xa, py - cap}, .b = {xa, py + cap}, .colour = edge, .width = w}, hit);
      scene.add(LinePrim{.a = {xb, py - cap}, .b = {xb, py + cap}, .colour = edge, .width = w}, hit);
    }
    scene.add(MarkerPrim{.centre = {x.map(p.day), py},
                         .size_px = style.marker_px * 0.75f,
                         .shape = MarkerShape::Circle,
                         .fill = step.expected ? style.theme.plot_background : colour,
                         .stroke = edge,
                         .stroke_width = style.line_px * 1.5f},
              hit);
  }
}

// `label_boxes`: boxes already taken (the day lines' labels); the marks' labels avoid them.
void draw_reference_marks(Scene& scene, const CapacityChartInput& input, const TimeScale& x,
                          const LinearScale& y, const RectF& plot, const ChartStyle& style,
                          const TextMeasure& measure, std::vector<RectF> label_boxes) {
  const Rgba colour = style.theme.reference;
  for (std::size_t i = 0; i < input.marks.size(); ++i) {
    const ReferenceMark& m = input.marks[i];
    const float xa = x.map(m.period.first_day());
    const float xb = x.map(m.period.last_day() + 1);
    if (xb < plot.x0 || xa > plot.x1) continue;
    const float py = y.map(m.value);
    const float xc = x.map(m.period.placement_day());
    const HitId hit{HitKind::ReferenceMark, static_cast<std::int32_t>(i), -1};
    scene.add(LinePrim{.a = {xa, py},
                       .b = {xb, py},
                       .colour = colour,
                       .width = style.line_px * 1.5f,
                       .dash = {5 * style.line_px, 3 * style.line_px}},
              hit);
    scene.add(MarkerPrim{.centre = {xc, py},
                         .size_px = style.marker_px * 1.2f,
                         .shape = shape_for(m.bound),
                         .fill = m.expected ? style.theme.plot_background : colour,
                         .stroke = colour,
                         .stroke_width = style.line_px * 1.5f},
              hit);
    // Label: above-right, above-left, below-right, below-left — the first inside the plot that
    // overlaps no earlier label.
    std::string label = m.label;
    if (!m.cited.empty())
      label += style.lang == Language::Chinese ? "（" + m.cited + "）" : " (" + m.cited + ")";
    const std::string text = fit_text(measure, label, style.small_px, plot.width() * 0.7f);
    if (text.empty()) continue;
    const float gap = text_gap(style);
    const float half = style.marker_px * 0.6f;
    const TextStyle ts{style.small_px, FontWeight::Regular, colour};
    const TextPrim candidates[] = {
        make_text(measure, text, xc + half, py - half, HAlign::Left, VAlign::Bottom, ts),
        make_text(measure, text, xc - half, py - half, HAlign::Right, VAlign::Bottom, ts),
        make_text(measure, text, xc + half, py + half + gap, HAlign::Left, VAlign::Top, ts),
        make_text(measure, text, xc - half, py + half + gap, HAlign::Right, VAlign::Top, ts),
    };
    for (const TextPrim& t : candidates) {
      if (!plot.contains(t.box)) continue;
      if (std::any_of(label_boxes.begin(), label_boxes.end(),
                      [&](const RectF& r) { return r.intersects(t.box); }))
        continue;
      label_boxes.push_back(t.box);
      scene.add(RectPrim{.rect = {t.box.x0 - 2, t.box.y0, t.box.x1 + 2, t.box.y1},
                         .fill = style.theme.plot_background.with_alpha(220)},
                hit);
      scene.add(t, hit);
      break;
    }
  }
}

// The column's parts that have capacity, bottom first (indices into input.by_status).
std::vector<std::size_t> shown_parts(const CapacityChartInput& input) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < input.by_status.size(); ++i)
    if (input.by_status[i].total() > 0) out.push_back(i);
  return out;
}

std::string part_text(const CapacityStatusPart& part) {
  return part.label + " " + format_number(part.total(), 2);
}

// The column's labels start this many text gaps right of its bar (room for the connector).
constexpr float kLabelIndentGaps = 2;

// The column after the time axis: its bar, and the labels right of it.
struct ColumnGeometry {
  float bar_w = 0;    // px
  float label_w = 0;  // the widest label (fitted to the column), px
  float width() const { return bar_w + label_w; }
};

ColumnGeometry column_geometry(const CapacityChartInput& input, const ChartStyle& style,
                               const TextMeasure& measure, float body_width) {
  ColumnGeometry g;
  const std::vector<std::size_t> parts = shown_parts(input);
  if (parts.empty()) return g;
  g.bar_w = style.font_px * 1.6f;
  const float gap = text_gap(style);
  float widest =
      text_width(measure, as_of_label(input.as_of, style.lang), style.font_px, FontWeight::Regular);
  for (std::size_t i : parts)
    widest = std::max(
        widest, text_width(measure, part_text(input.by_status[i]), style.small_px, FontWeight::Regular) +
                    kLabelIndentGaps * gap + 1);
  // At most a quarter of the chart: the time axis keeps the rest.
  g.label_w = std::min(widest, body_width * 0.25f - g.bar_w);
  return g;
}

// Stacked from zero on the plot's value scale, so its heights compare with the curve's.
// `column`: the column's rectangle (same top and bottom as the plot).
void draw_status_column(Scene& scene, const CapacityChartInput& input, const ColumnGeometry& g,
                        const RectF& column, const LinearScale& y, const ChartStyle& style,
                        const TextMeasure& measure) {
  const std::vector<std::size_t> parts = shown_parts(input);
  const float gap = text_gap(style);
  const float bar_x0 = column.x0;
  const float bar_x1 = column.x0 + g.bar_w;
  struct Label {
    std::size_t part;
    float want;  // the segment's middle, px
    float y;     // placed, px (middle)
  };
  std::vector<Label> labels;
  double base = 0;
  for (std::size_t i : parts) {
    const CapacityStatusPart& part = input.by_status[i];
    const Rgba colour = part.status == Status::Trial ? trial_layer_colour(style.theme)
                                                     : status_colour(part.status, style.theme);
    const double stated = part.total() - part.inferred_total();
    const auto index = static_cast<std::int32_t>(i);
    // Stated lines solid, inferred ones striped above them (as the timeline draws a status).
    for (const auto& [value, inferred] : {std::pair{stated, false}, std::pair{part.inferred_total(), true}}) {
      if (value <= 0) continue;
      RectPrim r{.rect = {bar_x0, y.map(base + value), bar_x1, y.map(base)}, .fill = colour};
      if (part.no_date) {
        r.fill = expected_fill(colour, style.theme);
        r.stroke = colour;
        r.stroke_width = style.line_px;
        r.stroke_dash = {3 * style.line_px, 2 * style.line_px};
      }
      if (inferred) {
        r.hatch = Hatch::Diagonal;
        r.hatch_colour = style.theme.plot_background;
        r.hatch_spacing = std::max(4.0f, style.font_px * 0.5f);
      }
      scene.add(r, {HitKind::CapacityStatus, index, inferred ? 1 : 0});
      base += value;
    }
    labels.push_back({i, y.map(base - part.total() / 2), 0});
  }
  // Labels at their segment's middle, pushed up where they would touch, then down into the column.
  const float line_h = style.small_px * 1.25f;
  for (std::size_t k = 0; k < labels.size(); ++k)
    labels[k].y = k == 0 ? labels[k].want : std::min(labels[k].want, labels[k - 1].y - line_h);
  const float overshoot = (column.y0 + line_h / 2) - labels.back().y;
  if (overshoot > 0)
    for (Label& l : labels) l.y += overshoot;
  const float text_x = bar_x1 + kLabelIndentGaps * gap;
  const float max_w = column.x1 - text_x;
  for (const Label& l : labels) {
    const CapacityStatusPart& part = input.by_status[l.part];
    const HitId hit{HitKind::CapacityStatus, static_cast<std::int32_t>(l.part), -1};
    scene.add(LinePrim{.a = {bar_x1, l.want},
                       .b = {text_x - gap * 0.5f, l.y},
                       .colour = style.theme.text_muted,
                       .width = style.line_px},
              hit);
    const std::string text = fit_text(measure, part_text(part), style.small_px, max_w);
    if (text.empty()) continue;
    scene.add(make_text(measure, text, text_x, l.y, HAlign::Left, VAlign::Middle,
                        {style.small_px, FontWeight::Regular, style.theme.text}),
              hit);
  }
}

// The text colour that reads best on `fill`: the theme's text or its background.
Rgba text_on(Rgba fill, const Theme& theme) {
  return contrast_ratio(theme.text, fill) >= contrast_ratio(theme.background, fill) ? theme.text
                                                                                    : theme.background;
}

// Whether `box` lies inside band b (between its base and top) on every interval the box spans.
bool inside_band(const CapacityStack& st, std::size_t b, const RectF& box, const TimeScale& x,
                 const LinearScale& y) {
  const double lo = y.invert(box.y1), hi = y.invert(box.y0);
  const auto day_a = static_cast<DayNumber>(std::floor(x.invert(box.x0)));
  const auto day_b = static_cast<DayNumber>(std::floor(x.invert(box.x1)));
  auto k =
      static_cast<std::size_t>(std::upper_bound(st.days.begin(), st.days.end(), day_a) - st.days.begin());
  if (k == 0) return false;  // the band does not exist yet at the box's left edge
  for (--k;;) {              // every interval from the one holding day_a to the one holding day_b
    const double base = b > 0 ? st.bands[b - 1].top[k] : 0.0;
    if (base > lo || st.bands[b].top[k] < hi) return false;
    if (++k == st.days.size() || st.days[k] > day_b) break;
  }
  return true;
}

// The highest total of the stack over the days [from, to].
double max_total(const CapacityStack& st, DayNumber from, DayNumber to, bool include_expected) {
  double high = st.total_at(from, include_expected);
  for (auto it = std::upper_bound(st.days.begin(), st.days.end(), from); it != st.days.end() && *it <= to;
       ++it)
    high = std::max(high, st.total_at(*it, include_expected));
  return high;
}

// Labels written in the plot (docs/charts.md, "Direct labels"): the level the fitted range
// starts from (earlier steps folded into it), each company's name and capacity inside its band
// where it ends (the as-of line or the plot's right edge) when the band is tall enough, the total
// above the stack there and, with expected steps, the total including them at the right edge.
// Returns the boxes taken, for the reference marks' labels to avoid; `taken` are boxes to avoid.
std::vector<RectF> draw_direct_labels(Scene& scene, const CapacityChartInput& input, const CapacityStack& st,
                                      const TimeScale& x, const LinearScale& y, const RectF& plot,
                                      const ChartStyle& style, const TextMeasure& measure,
                                      std::vector<RectF> taken) {
  std::vector<RectF> placed;
  if (st.days.empty()) return placed;
  const float gap = text_gap(style);
  const std::string& unit = input.text.value_unit;
  auto free = [&](const RectF& box) {
    return plot.contains(box) &&
           std::none_of(taken.begin(), taken.end(), [&](const RectF& r) { return r.intersects(box); });
  };
  auto add = [&](TextPrim t, bool backed) {
    if (backed)
      scene.add(RectPrim{.rect = {t.box.x0 - 2, t.box.y0, t.box.x1 + 2, t.box.y1},
                         .fill = style.theme.plot_background.with_alpha(220)});
    taken.push_back(t.box);
    placed.push_back(t.box);
    scene.add(std::move(t));
  };

  // Where the actual stack ends: the as-of line, or the plot's edge when it is outside the view.
  const double end_day = std::clamp<double>(input.as_of, x.range.first, x.range.last);
  const float end_x = x.map(end_day);
  const double total = st.total_at(static_cast<DayNumber>(std::floor(end_day)), false);
  if (total > 0) {
    const TextPrim t =
        make_text(measure, total_label(format_number(total, 1), style.lang), end_x - gap, y.map(total) - gap,
                  HAlign::Right, VAlign::Bottom, {style.font_px, FontWeight::Bold, style.theme.text});
    if (free(t.box)) add(t, true);
  }
  if (input.include_expected) {
    const double with_expected = st.total_at(static_cast<DayNumber>(std::floor(x.range.last)), true);
    if (with_expected > total + 1e-9 && x.range.last > input.as_of) {
      const TextPrim t = make_text(measure, with_expected_label(format_number(with_expected, 1), style.lang),
                                   plot.x1 - gap, y.map(with_expected) - gap, HAlign::Right, VAlign::Bottom,
                                   {style.small_px, FontWeight::Regular, style.theme.text});
      if (free(t.box)) add(t, true);
    }
  }
  // The level at the left edge when earlier steps lie before the view.
  if (static_cast<double>(st.days.front()) < x.range.first) {
    const auto first = static_cast<DayNumber>(std::ceil(x.range.first));
    const double level = st.total_at(first, input.include_expected);
    if (level > 0) {
      const std::string value = format_number(level, 1) + (unit.empty() ? "" : " " + unit);
      const std::string text =
          fit_text(measure, level_before_label(first, value, style.lang), style.small_px, plot.width() / 2);
      const TextStyle ts{style.small_px, FontWeight::Regular, style.theme.text_muted};
      // Above the level where the stack stays under it, else inside the plot's top-left corner.
      TextPrim t = make_text(measure, text, plot.x0 + gap, y.map(level) - gap * 0.5f, HAlign::Left,
                             VAlign::Bottom, ts);
      const double highest =
          max_total(st, first, static_cast<DayNumber>(std::ceil(x.invert(t.box.x1))), input.include_expected);
      if (highest > y.invert(t.box.y1))
        t = make_text(measure, text, plot.x0 + gap, plot.y0 + gap, HAlign::Left, VAlign::Top, ts);
      if (!text.empty() && free(t.box)) add(t, true);
    }
  }
  // Each actual band's name and level inside it, right-aligned where it ends.
  const auto k_end = static_cast<std::size_t>(
      std::upper_bound(st.days.begin(), st.days.end(), static_cast<DayNumber>(std::floor(end_day))) -
      st.days.begin());
  if (k_end == 0) return placed;
  for (std::size_t b = 0; b < st.bands.size(); ++b) {
    const CapacityBand& band = st.bands[b];
    if (band.expected) continue;
    const double own = st.level(b, k_end - 1);
    if (own <= 0) continue;
    const CapacitySeries& series = input.series[static_cast<std::size_t>(band.series)];
    const double base = b > 0 ? st.bands[b - 1].top[k_end - 1] : 0.0;
    const float mid = y.map(base + own / 2);
    const TextStyle ts{style.small_px, FontWeight::Regular,
                       text_on(series_colour(style, series), style.theme)};
    for (const std::string& text : {series.label + " " + format_number(own, 1), format_number(own, 1)}) {
      const TextPrim t = make_text(measure, text, end_x - gap, mid, HAlign::Right, VAlign::Middle, ts);
      const RectF room{t.box.x0 - 1, t.box.y0 - 1, t.box.x1 + 1, t.box.y1 + 1};
      if (inside_band(st, b, room, x, y) && free(t.box)) {
        add(t, false);
        break;
      }
    }
  }
  return placed;
}

}  // namespace

Scene layout_capacity_chart(const CapacityChartInput& input, const CapacityStack& stack,
                            const TimeRange& visible, const ChartStyle& style, float width, float height,
                            const TextMeasure& measure) {
  Scene scene;
  const ChartStrings& words = chart_strings(style.lang);

  std::vector<LegendItem> legend;
  for (std::size_t s = 0; s < input.series.size(); ++s) {
    const CapacitySeries& series = input.series[s];
    legend.push_back({series.label,
                      series_colour(style, series),
                      Swatch::Solid,
                      !series.visible,
                      {HitKind::LegendEntry, static_cast<std::int32_t>(s), -1}});
  }
  const bool has_expected_steps =
      std::any_of(input.series.begin(), input.series.end(), [](const CapacitySeries& s) {
        return std::any_of(s.steps.begin(), s.steps.end(),
                           [](const CapacityStep& st) { return st.expected; });
      });
  // Solid needs no entry (every company's swatch is solid): only hatching and stripes are explained,
  // which keeps the legend on one row of a narrow dashboard.
  if (has_expected_steps) {
    legend.push_back({std::string(words.expected),
                      style.theme.text_muted,
                      Swatch::Hatched,
                      !input.include_expected,
                      {HitKind::LegendEntry, -1, -1}});
  }
  if (!input.marks.empty())
    legend.push_back({std::string(words.reference), style.theme.reference, Swatch::Diamond, false, {}});
  const bool any_inferred = std::any_of(input.by_status.begin(), input.by_status.end(),
                                        [](const CapacityStatusPart& p) { return p.inferred_total() > 0; });
  if (any_inferred)
    legend.push_back({std::string(words.inferred_short), style.theme.text_muted, Swatch::Striped, false, {}});

  RectF body = draw_frame(scene, input.text, legend, style, width, height, measure);
  const bool has_column = !shown_parts(input).empty();
  if (stack.empty && !has_column) {
    draw_empty_message(scene, body, input.text, style, measure);
    return scene;
  }

  double max_value = stack.max_total;
  for (const ReferenceMark& m : input.marks) max_value = std::max(max_value, m.value);
  double column_total = 0;
  for (const CapacityStatusPart& p : input.by_status) column_total += p.total();
  max_value = std::max(max_value, column_total);
  const ColumnGeometry column = column_geometry(input, style, measure, body.width());
  const float column_gap = has_column ? style.font_px * 1.2f : 0;
  RectF plot{body.x0, body.y0 + value_unit_row_height(style.font_px), body.x1 - column.width() - column_gap,
             body.y1 - time_axis_height(style)};
  const ValueAxis axis = make_value_axis(max_value, plot.height(), input.value_style, style, measure);
  plot.x0 = body.x0 + axis.label_width + text_gap(style);
  plot.y1 = std::max(plot.y1, plot.y0);
  const LinearScale y{0, axis.max, plot.y1, plot.y0};
  const TimeScale x{visible, plot.x0, plot.x1};
  scene.axes = {plot, x, y};

  if (!input.text.value_unit.empty())
    scene.add(make_text(measure, fit_text(measure, input.text.value_unit, style.font_px, body.width()),
                        body.x0, body.y0, HAlign::Left, VAlign::Top,
                        {style.font_px, FontWeight::Regular, style.theme.text_muted}));
  scene.add(RectPrim{.rect = plot, .fill = style.theme.plot_background});
  const TimeTicks ticks = time_ticks(x, measure, style.font_px, style.lang);
  draw_time_grid(scene, plot, ticks, style);
  draw_value_axis_left(scene, plot, y, axis, style, measure);

  scene.set_clip(plot);
  draw_bands(scene, input, stack, x, y, style);
  draw_step_marks(scene, input, stack, x, y, plot, style);
  // The day lines go under the reference marks, whose labels (on an opaque box) then stay
  // readable where a line would cross them; the labels avoid the day lines' own labels.
  if (input.today && *input.today != input.as_of)
    draw_day_line(scene, plot, x, *input.today, std::string(words.today), style.theme.today_line, true, style,
                  measure);
  draw_day_line(scene, plot, x, input.as_of, as_of_label(input.as_of, style.lang), style.theme.as_of_line,
                false, style, measure);
  std::vector<RectF> day_labels;
  for (const auto& [day, label] : {std::pair{input.as_of, as_of_label(input.as_of, style.lang)},
                                   std::pair{input.today.value_or(input.as_of), std::string(words.today)}})
    if (const auto t = day_line_label(plot, x, day, label, {}, style, measure)) day_labels.push_back(t->box);
  for (const RectF& r : draw_direct_labels(scene, input, stack, x, y, plot, style, measure, day_labels))
    day_labels.push_back(r);
  draw_reference_marks(scene, input, x, y, plot, style, measure, std::move(day_labels));
  scene.clear_clip();
  draw_time_labels(scene, plot, ticks, AxisSide::Bottom, style, measure);
  if (has_column) {
    const RectF col{plot.x1 + column_gap, plot.y0, plot.x1 + column_gap + column.width(), plot.y1};
    scene.add(LinePrim{.a = {col.x0 - column_gap * 0.25f, plot.y1},
                       .b = {col.x0 + column.bar_w + column_gap * 0.25f, plot.y1},
                       .colour = style.theme.axis,
                       .width = style.line_px});
    draw_status_column(scene, input, column, col, y, style, measure);
    // Its heading where the time axis has its labels: "按状态" over "截至 <as-of>".
    const float band = time_axis_height(style);
    const TextStyle muted{style.font_px, FontWeight::Regular, style.theme.text_muted};
    const HitId hit{HitKind::CapacityStatus, -1, -1};
    scene.add(make_text(measure, fit_text(measure, std::string(words.by_status), style.font_px, col.width()),
                        col.x0, plot.y1 + band * 0.3f, HAlign::Left, VAlign::Middle, muted),
              hit);
    scene.add(make_text(measure,
                        fit_text(measure, as_of_label(input.as_of, style.lang), style.font_px, col.width()),
                        col.x0, plot.y1 + band * 0.75f, HAlign::Left, VAlign::Middle, muted),
              hit);
  }
  return scene;
}

namespace {

std::string signed_number(double v) {
  std::string s = format_number(v, 2);
  if (v > 0) s.insert(s.begin(), '+');
  return s;
}

std::string join(std::initializer_list<std::string_view> parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

std::vector<std::string> capacity_tooltip(const CapacityChartInput& input, const CapacityStack& stack,
                                          HitId hit, double cursor_day, Language lang) {
  std::vector<std::string> lines;
  const ChartStrings& words = chart_strings(lang);
  const std::string& unit = input.text.value_unit;
  auto step_lines = [&](const CapacityStep& step, bool overdue) {
    if (!step.label.empty()) lines.push_back(step.label);
    lines.push_back(
        join({signed_number(step.delta) + (unit.empty() ? "" : " " + unit), step.date.to_string(),
              precision_label(step.date.precision, lang), step.expected ? words.expected : words.actual},
             " · "));
    if (!step.date.is_exact_day())
      lines.push_back(std::string(words.placed_at) + " " +
                      Date::from_days(step.date.placement_day()).to_string());
    if (overdue) lines.emplace_back(words.overdue);
    lines.insert(lines.end(), step.tooltip.begin(), step.tooltip.end());
  };
  auto is_overdue = [&](std::int32_t series, std::int32_t step) {
    return std::any_of(stack.steps.begin(), stack.steps.end(), [&](const PlacedStep& p) {
      return p.series == series && p.step == step && p.overdue;
    });
  };
  switch (hit.kind) {
    case HitKind::CapacityBand:
    case HitKind::CapacityStep: {
      if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.series.size()) return lines;
      const CapacitySeries& series = input.series[static_cast<std::size_t>(hit.index)];
      if (hit.kind == HitKind::CapacityBand) {
        // The series' level at the cursor: its actual and expected bands.
        const DayNumber day = static_cast<DayNumber>(std::floor(cursor_day));
        const auto it = std::upper_bound(stack.days.begin(), stack.days.end(), day);
        double actual = 0, expected = 0;
        if (it != stack.days.begin()) {
          const std::size_t k = static_cast<std::size_t>(it - stack.days.begin()) - 1;
          for (std::size_t b = 0; b < stack.bands.size(); ++b)
            if (stack.bands[b].series == hit.index)
              (stack.bands[b].expected ? expected : actual) += stack.level(b, k);
        }
        std::string head =
            series.label + " · " + Date::from_days(day).to_string() + " · " + format_number(actual, 2);
        if (!unit.empty()) head += " " + unit;
        lines.push_back(head);
        if (expected != 0)
          lines.push_back(std::string(words.expected) + " " + signed_number(expected) +
                          (unit.empty() ? "" : " " + unit));
      } else {
        lines.push_back(series.label);
      }
      if (hit.part >= 0 && static_cast<std::size_t>(hit.part) < series.steps.size())
        step_lines(series.steps[static_cast<std::size_t>(hit.part)], is_overdue(hit.index, hit.part));
      break;
    }
    case HitKind::CapacityStatus: {
      const std::string unit_text = unit.empty() ? "" : " " + unit;
      if (hit.index < 0) {  // the heading: the whole column
        lines.push_back(std::string(words.by_status) + " · " + as_of_label(input.as_of, lang));
        for (const CapacityStatusPart& p : input.by_status)
          if (p.total() > 0) lines.push_back(p.label + " " + format_number(p.total(), 2) + unit_text);
        break;
      }
      if (static_cast<std::size_t>(hit.index) >= input.by_status.size()) return lines;
      const CapacityStatusPart& part = input.by_status[static_cast<std::size_t>(hit.index)];
      lines.push_back(part.label + " · " + format_number(part.total(), 2) + unit_text + " · " +
                      as_of_label(input.as_of, lang));
      if (hit.part == 1)
        lines.push_back(std::string(words.lines_inferred) + " " + format_number(part.inferred_total(), 2) +
                        unit_text);
      // The lines of the part hovered (stated or inferred; all for the label), each with why.
      constexpr std::size_t kMaxLines = 8;
      std::size_t listed = 0, left = 0;
      for (const CapacityStatusLine& l : part.lines) {
        if (hit.part >= 0 && l.inferred != (hit.part == 1)) continue;
        if (listed == kMaxLines) {
          ++left;
          continue;
        }
        ++listed;
        lines.push_back(l.label + " · " + format_number(l.value, 2) + unit_text);
        for (const std::string& t : l.tooltip) lines.push_back("  " + t);
      }
      if (left > 0) lines.push_back(more_label(left, lang));
      break;
    }
    case HitKind::ReferenceMark: {
      if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.marks.size()) return lines;
      const ReferenceMark& m = input.marks[static_cast<std::size_t>(hit.index)];
      if (!m.label.empty()) lines.push_back(m.label);
      const std::string value = with_bound(m.bound, format_number(m.value, 2), unit.empty() ? "" : " " + unit,
                                           lang != Language::Chinese);
      lines.push_back(join({value, m.period.to_string(), m.expected ? words.expected : words.actual}, " · "));
      if (!m.quote.empty()) lines.push_back("“" + m.quote + "”");
      if (!m.source.empty()) lines.push_back(m.source);
      break;
    }
    case HitKind::LegendEntry:
      if (hit.index >= 0 && static_cast<std::size_t>(hit.index) < input.series.size())
        lines.push_back(input.series[static_cast<std::size_t>(hit.index)].label);
      else if (hit.index == -1)
        lines.emplace_back(words.expected);
      break;
    default:
      break;
  }
  return lines;
}

}  // namespace indtrack::chart
