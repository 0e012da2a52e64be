#include "chart/timeline_chart.h"

#include <algorithm>
#include <cmath>

#include "chart/frame.h"
#include "chart/ticks.h"

namespace indtrack::chart {

namespace {

constexpr float kBarFraction = 0.56f;  // bar height / row height

// [start, end) of a segment in days; an open segment runs to the end of the as-of day.
std::pair<double, double> segment_days(const TimelineSegment& s, DayNumber as_of) {
  const double start = s.start;
  const double end = s.end ? static_cast<double>(*s.end) : static_cast<double>(std::max(as_of, s.start)) + 1;
  return {start, std::max(start, end)};
}

// The part drawn solid: from where the status certainly holds (before it, the faded zone).
std::pair<double, double> solid_days(const TimelineSegment& s, DayNumber as_of) {
  const auto [a, b] = segment_days(s, as_of);
  return {std::min(b, std::max(a, static_cast<double>(certain_from(s)))), b};
}

}  // namespace

TimelineIndex index_timeline(const TimelineChartInput& input, const ChartStyle& style,
                             const TextMeasure& measure) {
  TimelineIndex idx;
  idx.row_px = style.row_px;
  const std::size_t n = input.order.empty() ? input.rows.size() : input.order.size();
  idx.items.reserve(n + input.groups.size());
  std::int32_t current_group = -1;
  float y = 0;
  idx.first_day = input.as_of;
  idx.last_day = input.as_of;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = input.order.empty() ? i : input.order[i];
    if (r >= input.rows.size()) continue;
    const TimelineRow& row = input.rows[r];
    if (row.group >= 0 && row.group != current_group &&
        static_cast<std::size_t>(row.group) < input.groups.size()) {
      idx.items.push_back({true, row.group, y});
      y += idx.row_px;
      idx.label_width =
          std::max(idx.label_width, text_width(measure, input.groups[static_cast<std::size_t>(row.group)],
                                               style.font_px, FontWeight::Bold));
    }
    current_group = row.group;
    idx.items.push_back({false, static_cast<std::int32_t>(r), y});
    y += idx.row_px;
    idx.label_width = std::max(idx.label_width, measure.width(row.label, style.font_px));
    idx.any_stalled = idx.any_stalled || row.possibly_stalled;
    idx.undated_rows += row.segments.empty() && row.milestones.empty();
    for (const TimelineSegment& s : row.segments) {
      idx.phases_present |= 1u << static_cast<unsigned>(s.phase);
      if (s.others != Status::Unknown) idx.phases_present |= 1u << static_cast<unsigned>(s.others);
      idx.any_expected = idx.any_expected || s.expected;
      idx.any_inferred = idx.any_inferred || (s.inferred && !s.expected);
      idx.any_partly = idx.any_partly || s.others != Status::Unknown;
      if (s.others != Status::Unknown) idx.partly_others |= 1u << static_cast<unsigned>(s.others);
      idx.any_uncertain = idx.any_uncertain || s.start_date.has_value();
      idx.changes.push_back({s.start, 1});
      const auto [a, b] = segment_days(s, input.as_of);
      idx.first_day = std::min({idx.first_day, static_cast<DayNumber>(a), s.not_before.value_or(s.start)});
      idx.last_day = std::max(idx.last_day, static_cast<DayNumber>(b));
    }
    for (const TimelineMilestone& m : row.milestones) {
      idx.any_milestones = true;
      idx.changes.push_back({m.date.placement_day(), 1});
      idx.any_expected = idx.any_expected || m.expected;
      idx.first_day = std::min(idx.first_day, m.date.first_day());
      idx.last_day = std::max(idx.last_day, m.date.last_day());
    }
  }
  idx.content_height = y;
  return idx;
}

TimeRange timeline_time_extent(const TimelineIndex& index) {
  return fit_to_activity(index.changes, index.first_day, index.last_day);
}

namespace {

struct RowGeometry {
  float top = 0;  // screen y of the row
  float centre = 0;
  float bar_top = 0;
  float bar_bottom = 0;
};

struct Fold {
  std::int32_t first = -1;  // first folded segment
  std::int32_t count = 0;
  float x0 = 0;
  float x1 = 0;
};

void draw_segment(Scene& scene, const TimelineSegment& seg, float xa, float xb, const RowGeometry& g,
                  HitId hit, const ChartStyle& style) {
  const Rgba colour = status_colour(seg.phase, style.theme);
  RectPrim bar{.rect = {xa, g.bar_top, std::max(xb, xa + 1), g.bar_bottom}, .fill = colour};
  if (seg.expected) {
    bar.fill = expected_fill(colour, style.theme);
    bar.stroke = colour;
    bar.stroke_width = style.line_px;
    bar.stroke_dash = {4 * style.line_px, 3 * style.line_px};
  } else if (seg.inferred) {
    bar.hatch = Hatch::Diagonal;
    bar.hatch_colour = style.theme.plot_background;
    bar.hatch_spacing = std::max(4.0f, (g.bar_bottom - g.bar_top) * 0.45f);
  }
  if (seg.others == Status::Unknown) {
    scene.add(bar, hit);
    return;
  }
  // Partly operating: the upper half operates, the lower half is the other lines' status.
  const float middle = (g.bar_top + g.bar_bottom) / 2;
  RectPrim lower = bar;
  bar.rect.y1 = middle;
  lower.rect.y0 = middle;
  lower.fill = status_colour(seg.others, style.theme);
  scene.add(bar, hit);
  scene.add(lower, hit);
}

// A start not known to the day: a bracket over the possible interval [not_before, certain_from),
// open to the left (dashed, no cap) when nothing bounds it from below, and under it the status's
// faded colour (striped when inferred): the earlier status's days in it may already be this one.
// A different stage the row reaches inside the interval keeps its bar (the engine's status from
// a fact within the window): the new status began after it.
void draw_uncertain_start(Scene& scene, const TimelineRow& row, std::size_t index, DayNumber as_of,
                          const RowGeometry& g, const TimeScale& x, float lo, float hi,
                          const ChartStyle& style, HitId hit) {
  const TimelineSegment& seg = row.segments[index];
  const auto [start, end] = segment_days(seg, as_of);
  const double until = std::min(static_cast<double>(certain_from(seg)), end);
  const float h = g.bar_bottom - g.bar_top;
  const float xb = std::clamp(x.map(until), lo, hi);
  const float xa = seg.not_before ? std::clamp(x.map(*seg.not_before), lo, hi)
                                  : std::clamp(x.map(start) - 1.5f * h, lo, hi);  // open: a short lead
  if (xb <= xa) return;
  std::vector<std::pair<float, float>> pieces{{xa, xb}};  // faded: the interval less those bars
  for (std::size_t j = 0; j < row.segments.size(); ++j) {
    const TimelineSegment& other = row.segments[j];
    const auto [oa, ob] = segment_days(other, as_of);
    if (j == index || other.expected || other.phase == seg.phase || x.map(oa) <= xa) continue;
    const float ca = x.map(oa);
    const float cb = x.map(ob);
    std::vector<std::pair<float, float>> rest;
    for (const auto& [pa, pb] : pieces) {
      if (cb <= pa || ca >= pb) {
        rest.push_back({pa, pb});
        continue;
      }
      if (pa < ca) rest.push_back({pa, ca});
      if (cb < pb) rest.push_back({cb, pb});
    }
    pieces = std::move(rest);
  }
  const Rgba colour = status_colour(seg.phase, style.theme);
  for (const auto& [pa, pb] : pieces) {
    RectPrim zone{.rect = {pa, g.bar_top, pb, g.bar_bottom}, .fill = expected_fill(colour, style.theme)};
    if (seg.inferred) {
      zone.hatch = Hatch::Diagonal;
      zone.hatch_colour = style.theme.plot_background;
      zone.hatch_spacing = std::max(4.0f, h * 0.45f);
    }
    scene.add(zone, hit);
  }
  const float y = g.bar_top - std::max(1.5f, h * 0.2f);  // the bracket just above the bar
  const Dash dash = seg.not_before ? Dash{} : Dash{3 * style.line_px, 2 * style.line_px};
  scene.add(LinePrim{.a = {xa, y}, .b = {xb, y}, .colour = colour, .width = style.line_px, .dash = dash},
            hit);
  if (seg.not_before)
    scene.add(LinePrim{.a = {xa, y}, .b = {xa, g.bar_top}, .colour = colour, .width = style.line_px}, hit);
  scene.add(LinePrim{.a = {xb, y}, .b = {xb, g.bar_top}, .colour = colour, .width = style.line_px}, hit);
}

// ‖ after the end of the row's last bar that is not a plan (inside the plot): possibly stalled.
void draw_stalled_mark(Scene& scene, const TimelineRow& row, DayNumber as_of, const RowGeometry& g,
                       const TimeScale& x, const RectF& plot, const ChartStyle& style,
                       std::int32_t row_index) {
  const float h = g.bar_bottom - g.bar_top;
  float px = plot.x0 + h;
  for (const TimelineSegment& s : row.segments)
    if (!s.expected) px = std::max(px, x.map(segment_days(s, as_of).second) + h * (s.end ? 0.6f : 1.2f));
  px = std::clamp(px, plot.x0 + h / 2, plot.x1 - h / 2);
  draw_pause_mark(scene, {px, g.centre}, h, style.theme.text, {HitKind::TimelineRow, row_index, -1});
}

void flush_fold(Scene& scene, const TimelineChartInput& input, std::int32_t row, Fold& fold,
                const RowGeometry& g, const ChartStyle& style, const TextMeasure& measure,
                const TimeScale& x) {
  if (fold.count == 0) return;
  const TimelineRow& r = input.rows[static_cast<std::size_t>(row)];
  if (fold.count == 1) {
    // A single thin bar is drawn as itself (at least 1 px wide).
    const TimelineSegment& seg = r.segments[static_cast<std::size_t>(fold.first)];
    const auto [a, b] = solid_days(seg, input.as_of);
    draw_segment(scene, seg, x.map(a), x.map(b), g, {HitKind::TimelineSegment, row, fold.first}, style);
  } else {
    const float x1 = std::max(fold.x1, fold.x0 + style.fold_px);
    const HitId hit{HitKind::TimelineFold, row, fold.first, fold.count};
    scene.add(RectPrim{.rect = {fold.x0, g.bar_top, x1, g.bar_bottom}, .fill = style.theme.fold}, hit);
    const std::string label = items_label(static_cast<std::size_t>(fold.count), style.lang);
    if (measure.width(label, style.small_px) + 4 <= x1 - fold.x0)
      scene.add(make_text(measure, label, (fold.x0 + x1) / 2, g.centre, HAlign::Center, VAlign::Middle,
                          {style.small_px, FontWeight::Regular, style.theme.background}),
                hit);
  }
  fold = {};
}

void draw_row_bars(Scene& scene, const TimelineChartInput& input, std::int32_t row_index,
                   const RowGeometry& g, const TimeScale& x, const RectF& plot, const ChartStyle& style,
                   const TextMeasure& measure) {
  const TimelineRow& row = input.rows[static_cast<std::size_t>(row_index)];
  const double vis_first = x.range.first;
  const double vis_last = x.range.last;
  // Pixel coordinates are clamped a little outside the plot so painters never see huge values.
  const float lo = plot.x0 - 4 * style.marker_px;
  const float hi = plot.x1 + 4 * style.marker_px;
  Fold fold;
  for (std::size_t i = 0; i < row.segments.size(); ++i) {
    const TimelineSegment& seg = row.segments[i];
    const auto [a, b] = solid_days(seg, input.as_of);
    if (a >= b && seg.start_date) continue;       // wholly uncertain: only its zone is drawn
    if (b < vis_first || a > vis_last) continue;  // culled
    const float xa = std::clamp(x.map(a), lo, hi);
    const float xb = std::clamp(x.map(b), lo, hi);
    if (xb - xa < style.fold_px) {
      // Joins the current fold when adjacent to it, else starts a new one.
      if (fold.count > 0 && xa > fold.x1 + 1) flush_fold(scene, input, row_index, fold, g, style, measure, x);
      if (fold.count == 0) {
        fold.first = static_cast<std::int32_t>(i);
        fold.x0 = xa;
      }
      ++fold.count;
      fold.x1 = std::max(fold.x1, xb);
      continue;
    }
    flush_fold(scene, input, row_index, fold, g, style, measure, x);
    const HitId hit{HitKind::TimelineSegment, row_index, static_cast<std::int32_t>(i)};
    draw_segment(scene, seg, xa, xb, g, hit, style);
    if (!seg.end) {
      // Still under way: an arrowhead at the as-of end.
      const float h = g.bar_bottom - g.bar_top;
      scene.add(MarkerPrim{.centre = {xb + h * 0.3f, g.centre},
                           .size_px = h * 0.8f,
                           .shape = MarkerShape::TriangleRight,
                           .fill = status_colour(seg.phase, style.theme)},
                hit);
    }
  }
  flush_fold(scene, input, row_index, fold, g, style, measure, x);
  for (std::size_t i = 0; i < row.segments.size(); ++i)
    if (row.segments[i].start_date)
      draw_uncertain_start(scene, row, i, input.as_of, g, x, lo, hi, style,
                           {HitKind::TimelineSegment, row_index, static_cast<std::int32_t>(i)});
  if (row.possibly_stalled) draw_stalled_mark(scene, row, input.as_of, g, x, plot, style, row_index);

  // Milestones: ◆, hollow when expected, with a whisker over an imprecise date; a marker closer
  // than half its size to the previous one is folded into it.
  float last_x = -1e30f;
  const float size = std::min(style.marker_px, (g.bar_bottom - g.bar_top) * 1.6f);
  for (std::size_t i = 0; i < row.milestones.size(); ++i) {
    const TimelineMilestone& m = row.milestones[i];
    if (m.date.last_day() + 1 < vis_first || m.date.first_day() > vis_last) continue;
    const float px = x.map(m.date.placement_day());
    const HitId hit{HitKind::TimelineMilestone, row_index, static_cast<std::int32_t>(i)};
    if (!m.date.is_exact_day()) {
      const float xa = std::clamp(x.map(m.date.first_day()), lo, hi);
      const float xb = std::clamp(x.map(m.date.last_day() + 1), lo, hi);
      scene.add(
          LinePrim{
              .a = {xa, g.centre}, .b = {xb, g.centre}, .colour = style.theme.text, .width = style.line_px},
          hit);
    }
    if (px - last_x < size / 2) continue;
    last_x = px;
    scene.add(MarkerPrim{.centre = {px, g.centre},
                         .size_px = size,
                         .shape = MarkerShape::Diamond,
                         .fill = m.expected ? style.theme.plot_background : style.theme.text,
                         .stroke = style.theme.text,
                         .stroke_width = style.line_px * 1.2f},
              hit);
  }
}

std::vector<LegendItem> timeline_legend(const TimelineIndex& index, const ChartStyle& style) {
  std::vector<LegendItem> legend;
  const ChartStrings& words = chart_strings(style.lang);
  for (Status s : {Status::Announced, Status::Signed, Status::Construction, Status::Trial, Status::Operating,
                   Status::Shelved, Status::Cancelled, Status::Unknown})
    if (index.phases_present & (1u << static_cast<unsigned>(s)))
      legend.push_back({std::string(status_label(s, style.lang)),
                        status_colour(s, style.theme),
                        Swatch::Solid,
                        false,
                        {HitKind::LegendEntry, static_cast<std::int32_t>(s), -1}});
  if (index.any_partly) {
    // The lower half shows the other lines' status when every split bar has the same one;
    // mixed, it is neutral (the label says what the lower half is).
    const std::uint32_t others = index.partly_others;
    const bool one_status = others != 0 && (others & (others - 1)) == 0;
    Rgba lower = style.theme.text_muted;
    if (one_status)
      for (unsigned s = 0; s < 32; ++s)
        if (others == (1u << s)) lower = status_colour(static_cast<Status>(s), style.theme);
    legend.push_back({std::string(words.partly),
                      status_colour(Status::Operating, style.theme),
                      Swatch::Split,
                      false,
                      {},
                      lower});
  }
  if (index.any_inferred)
    legend.push_back({std::string(words.inferred), style.theme.text_muted, Swatch::Striped, false, {}});
  if (index.any_expected)
    legend.push_back({std::string(words.expected), style.theme.text_muted, Swatch::Dashed, false, {}});
  // The flag before the self-explaining ◆: on a narrow chart the last entries give way first.
  if (index.any_stalled)
    legend.push_back({std::string(words.stalled), style.theme.text, Swatch::Pause, false, {}});
  if (index.any_uncertain)
    legend.push_back({std::string(words.uncertain_start),
                      status_colour(Status::Operating, style.theme),
                      Swatch::Bracketed,
                      false,
                      {}});
  if (index.any_milestones)
    legend.push_back({std::string(words.milestone), style.theme.text, Swatch::Diamond, false, {}});
  return legend;
}

}  // namespace

Scene layout_timeline_chart(const TimelineChartInput& input, const TimelineIndex& index,
                            const ChartView& view, const ChartStyle& style, float width, float height,
                            const TextMeasure& measure) {
  Scene scene;
  const RectF body =
      draw_frame(scene, input.text, timeline_legend(index, style), style, width, height, measure);
  if (index.items.empty()) {
    draw_empty_message(scene, body, input.text, style, measure);
    return scene;
  }
  const float gap = text_gap(style);
  const float label_w = std::min(index.label_width + 2 * gap, body.width() * 0.3f);
  RectF plot{body.x0 + label_w, body.y0 + time_axis_height(style), body.x1, body.y1};
  const bool cut = input.whole_rows && index.content_height - view.scroll_y > plot.height();
  if (cut) plot.y1 -= style.small_px * 2.8f;  // the note on the rows left out: two lines
  plot.y1 = std::max(plot.y1, plot.y0);
  const TimeScale x{view.time, plot.x0, plot.x1};
  scene.axes = {plot, x, std::nullopt};
  const RectF rows_area{body.x0, plot.y0, body.x1, plot.y1};

  scene.add(RectPrim{.rect = plot, .fill = style.theme.plot_background});
  const TimeTicks ticks = time_ticks(x, measure, style.font_px, style.lang);
  draw_time_grid(scene, plot, ticks, style);
  draw_time_labels(scene, plot, ticks, AxisSide::Top, style, measure);

  // Items overlapping [scroll_y, scroll_y + plot height): binary search on their offsets.
  const float view_top = view.scroll_y;
  const float view_bottom = view.scroll_y + plot.height();
  auto it = std::upper_bound(index.items.begin(), index.items.end(), view_top - index.row_px,
                             [](float y, const TimelineItem& item) { return y < item.y; });
  const float bar_h = index.row_px * kBarFraction;
  for (; it != index.items.end() && it->y < view_bottom; ++it) {
    if (input.whole_rows && (it->y < view_top || it->y + index.row_px > view_bottom)) {
      if (it->y >= view_top) break;  // the first row that does not fit whole: the rest are counted
      continue;
    }
    // Nor a group's header without its first row under it (seen on the review sheet).
    if (input.whole_rows && it->header && it->y + 2 * index.row_px > view_bottom) break;
    const float top = plot.y0 + it->y - view.scroll_y;
    const RowGeometry g{top, top + index.row_px / 2, top + (index.row_px - bar_h) / 2,
                        top + (index.row_px + bar_h) / 2};
    if (it->header) {
      scene.set_clip(rows_area);
      const HitId hit{HitKind::TimelineGroup, it->index, -1};
      scene.add(RectPrim{.rect = {body.x0, top, body.x1, top + index.row_px}, .fill = style.theme.group_band},
                hit);
      const std::string label = fit_text(measure, input.groups[static_cast<std::size_t>(it->index)],
                                         style.font_px, body.width() - 2 * gap, FontWeight::Bold);
      scene.add(make_text(measure, label, body.x0 + gap, g.centre, HAlign::Left, VAlign::Middle,
                          {style.font_px, FontWeight::Bold, style.theme.text}),
                hit);
      continue;
    }
    const TimelineRow& row = input.rows[static_cast<std::size_t>(it->index)];
    scene.set_clip(rows_area);
    const std::string label = fit_text(measure, row.label, style.font_px, label_w - 2 * gap);
    scene.add(make_text(measure, label, body.x0 + gap, g.centre, HAlign::Left, VAlign::Middle,
                        {style.font_px, FontWeight::Regular, style.theme.text}),
              {HitKind::TimelineRow, it->index, -1});
    scene.set_clip(plot);
    draw_row_bars(scene, input, it->index, g, x, plot, style, measure);
  }

  scene.set_clip(plot);
  if (input.today && *input.today != input.as_of)
    draw_day_line(scene, plot, x, *input.today, std::string(chart_strings(style.lang).today),
                  style.theme.today_line, true, style, measure);
  draw_day_line(scene, plot, x, input.as_of, as_of_label(input.as_of, style.lang), style.theme.as_of_line,
                false, style, measure);
  scene.clear_clip();
  scene.add(LinePrim{
      .a = {plot.x0, plot.y0}, .b = {plot.x0, plot.y1}, .colour = style.theme.axis, .width = style.line_px});
  if (cut) {
    std::size_t hidden = 0, shown = 0;
    for (auto at = index.items.begin(); at != it; ++at) shown += !at->header && at->y >= view_top;
    for (; it != index.items.end(); ++it) hidden += !it->header;
    // Said in the chart, with what to do about it: never most rows hidden silently.
    if (hidden > 0) {
      float top = plot.y1 + style.small_px * 0.25f;
      for (const std::string& line :
           wrap_text(measure, rows_cut_label(hidden, shown, index.undated_rows, style.lang), style.small_px,
                     body.width(), 2)) {
        scene.add(make_text(measure, line, body.x0, top, HAlign::Left, VAlign::Top,
                            {style.small_px, FontWeight::Regular, style.theme.text_muted}));
        top += style.small_px * 1.25f;
      }
    }
  }
  return scene;
}

float timeline_full_height(const TimelineChartInput& input, const TimelineIndex& index,
                           const ChartStyle& style, float width, const TextMeasure& measure) {
  // The frame's height does not depend on the canvas height: lay out once with no rows visible.
  Scene probe;
  const float probe_height = 10000;
  const RectF body =
      draw_frame(probe, input.text, timeline_legend(index, style), style, width, probe_height, measure);
  const float plot_height = body.height() - time_axis_height(style);
  return std::ceil(probe_height - plot_height + index.content_height);
}

std::vector<std::string> timeline_tooltip(const TimelineChartInput& input, HitId hit, Language lang) {
  std::vector<std::string> lines;
  const ChartStrings& words = chart_strings(lang);
  if (hit.kind == HitKind::TimelineGroup) {
    if (hit.index >= 0 && static_cast<std::size_t>(hit.index) < input.groups.size())
      lines.push_back(input.groups[static_cast<std::size_t>(hit.index)]);
    return lines;
  }
  if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.rows.size()) return lines;
  const TimelineRow& row = input.rows[static_cast<std::size_t>(hit.index)];
  // A start not known to the day is written as the source gives it, never as the drawn day.
  auto segment_line = [&](const TimelineSegment& s) {
    std::string line(status_label(s.phase, lang));
    line += " · ";
    line += !s.start_date ? Date::from_days(s.start).to_string()
            : s.start_by  ? std::string(words.start_not_reported)
                          : date_with_precision(*s.start_date, lang);
    line += " – ";
    line += s.end ? Date::from_days(*s.end - 1).to_string() : as_of_label(input.as_of, lang);
    if (s.expected) line += " · " + std::string(words.expected);
    return line;
  };
  auto segment_lines = [&](const TimelineSegment& s) {
    lines.push_back(segment_line(s));
    if (s.start_date) {
      if (s.start_by) lines.push_back(status_by_label(s.phase, *s.start_date, lang));
      std::string bounds;
      if (s.not_before)
        bounds = std::string(words.not_before) + " " + Date::from_days(*s.not_before).to_string();
      if (!s.start_by) {
        if (!bounds.empty()) bounds += lang == Language::Chinese ? "，" : ", ";
        bounds += std::string(words.certain_from) + " " + Date::from_days(certain_from(s)).to_string();
      }
      if (!bounds.empty()) lines.push_back(bounds);
    }
    lines.insert(lines.end(), s.tooltip.begin(), s.tooltip.end());
  };
  switch (hit.kind) {
    case HitKind::TimelineRow:
      lines.push_back(row.label);
      lines.insert(lines.end(), row.tooltip.begin(), row.tooltip.end());
      break;
    case HitKind::TimelineSegment:
      lines.push_back(row.label);
      if (hit.part >= 0 && static_cast<std::size_t>(hit.part) < row.segments.size())
        segment_lines(row.segments[static_cast<std::size_t>(hit.part)]);
      break;
    case HitKind::TimelineFold:
      lines.push_back(row.label + " · " + items_label(static_cast<std::size_t>(hit.count), lang));
      for (std::int32_t i = hit.part;
           i >= 0 && i < hit.part + hit.count && static_cast<std::size_t>(i) < row.segments.size(); ++i)
        lines.push_back(segment_line(row.segments[static_cast<std::size_t>(i)]));
      break;
    case HitKind::TimelineMilestone: {
      lines.push_back(row.label);
      if (hit.part < 0 || static_cast<std::size_t>(hit.part) >= row.milestones.size()) break;
      const TimelineMilestone& m = row.milestones[static_cast<std::size_t>(hit.part)];
      lines.push_back(std::string(milestone_label(m.kind, lang)) + " · " + m.date.to_string() + " · " +
                      std::string(precision_label(m.date.precision, lang)) + " · " +
                      std::string(m.expected ? words.expected : words.actual));
      if (!m.date.is_exact_day())
        lines.push_back(std::string(words.placed_at) + " " +
                        Date::from_days(m.date.placement_day()).to_string());
      if (!m.quote.empty()) lines.push_back("“" + m.quote + "”");
      if (!m.source.empty()) lines.push_back(m.source);
      lines.insert(lines.end(), m.tooltip.begin(), m.tooltip.end());
      break;
    }
    default:
      break;
  }
  return lines;
}

}  // namespace indtrack::chart
