#include "chart/frame.h"

#include <algorithm>
#include <cmath>

namespace indtrack::chart {

namespace {

constexpr float kTitleLineEm = 1.3f;   // line pitch of wrapped titles and footers, in em
constexpr float kLegendRowEm = 1.55f;  // legend row pitch, in em of font_px
constexpr float kTickMarkPx = 4;

}  // namespace

void draw_pause_mark(Scene& scene, Vec2 centre, float size, Rgba colour, HitId hit) {
  const float w = std::max(1.5f, size * 0.22f);
  const float h = size * 0.8f;
  for (const float dx : {-size * 0.22f, size * 0.22f})
    scene.add(
        RectPrim{.rect = {centre.x + dx - w / 2, centre.y - h / 2, centre.x + dx + w / 2, centre.y + h / 2},
                 .fill = colour},
        hit);
}

namespace {

void draw_swatch(Scene& scene, const LegendItem& item, float x, float centre_y, float size,
                 const ChartStyle& style) {
  const RectF box{x, centre_y - size / 2, x + size, centre_y + size / 2};
  const Theme& theme = style.theme;
  if (item.hidden) {
    scene.add(RectPrim{.rect = box, .stroke = theme.hidden, .stroke_width = style.line_px}, item.hit);
    return;
  }
  // A box with 45° lines over its fill (hatched and striped differ only in their colours).
  auto lined_box = [&](Rgba fill, Rgba outline, Rgba lines) {
    scene.add(RectPrim{.rect = box,
                       .fill = fill,
                       .stroke = outline,
                       .stroke_width = style.line_px,
                       .hatch = Hatch::Diagonal,
                       .hatch_colour = lines,
                       .hatch_spacing = std::max(3.0f, size / 3)},
              item.hit);
  };
  switch (item.swatch) {
    case Swatch::Solid:
      scene.add(RectPrim{.rect = box, .fill = item.colour}, item.hit);
      break;
    case Swatch::Hatched:  // expected: light fill, outline and lines in the colour
      lined_box(expected_fill(item.colour, theme), item.colour, item.colour);
      break;
    case Swatch::Dashed:
      scene.add(RectPrim{.rect = box,
                         .fill = expected_fill(item.colour, theme),
                         .stroke = item.colour,
                         .stroke_width = style.line_px,
                         .stroke_dash = {3 * style.line_px, 2 * style.line_px}},
                item.hit);
      break;
    case Swatch::Diamond:
    case Swatch::HollowDiamond: {
      MarkerPrim m{.centre = {x + size / 2, centre_y},
                   .size_px = size,
                   .shape = MarkerShape::Diamond,
                   .stroke = item.colour,
                   .stroke_width = style.line_px * 1.5f};
      if (item.swatch == Swatch::Diamond) m.fill = item.colour;
      scene.add(m, item.hit);
      break;
    }
    case Swatch::Striped:  // inferred: the colour with background lines, no outline
      lined_box(item.colour, Rgba{}, theme.background);
      break;
    case Swatch::Split:
      scene.add(RectPrim{.rect = {box.x0, box.y0, box.x1, centre_y}, .fill = item.colour}, item.hit);
      scene.add(RectPrim{.rect = {box.x0, centre_y, box.x1, box.y1}, .fill = item.lower}, item.hit);
      break;
    case Swatch::Bracketed: {
      const float top = box.y0 + size * 0.3f;
      scene.add(RectPrim{.rect = {box.x0, top, box.x1, box.y1}, .fill = expected_fill(item.colour, theme)},
                item.hit);
      const float w = style.line_px;
      scene.add(LinePrim{.a = {box.x0, box.y0}, .b = {box.x1, box.y0}, .colour = item.colour, .width = w},
                item.hit);
      scene.add(LinePrim{.a = {box.x0, box.y0}, .b = {box.x0, top}, .colour = item.colour, .width = w},
                item.hit);
      scene.add(LinePrim{.a = {box.x1, box.y0}, .b = {box.x1, top}, .colour = item.colour, .width = w},
                item.hit);
      break;
    }
    case Swatch::Pause:
      draw_pause_mark(scene, {x + size / 2, centre_y}, size, item.colour, item.hit);
      break;
    case Swatch::Line:
      scene.add(LinePrim{.a = {x, centre_y},
                         .b = {x + size, centre_y},
                         .colour = item.colour,
                         .width = style.line_px * 2},
                item.hit);
      break;
  }
}

// Lays legend items into rows of `width`; returns the height used.
float draw_legend(Scene& scene, const std::vector<LegendItem>& items, float x0, float y0, float width,
                  int max_rows, const ChartStyle& style, const TextMeasure& measure) {
  if (items.empty() || max_rows < 1) return 0;
  const float size = style.font_px * 0.9f;
  const float gap = text_gap(style);
  const float spacing = style.font_px;  // between entries
  const float row_h = style.font_px * kLegendRowEm;

  struct Placed {
    std::size_t item;
    int row;
    float x;
    std::string label;
  };
  std::vector<Placed> placed;
  int row = 0;
  float x = x0;
  auto entry_width = [&](const std::string& label) {
    return size + gap + measure.width(label, style.font_px);
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string label = fit_text(measure, items[i].label, style.font_px, width - size - gap);
    const float w = entry_width(label);
    if (x > x0 && x + w > x0 + width) {
      ++row;
      x = x0;
    }
    if (row >= max_rows) break;
    placed.push_back({i, row, x, std::move(label)});
    x += w + spacing;
  }
  // Entries that did not fit: the last row ends with "N more" (dropping entries to make room).
  if (placed.size() < items.size()) {
    for (;;) {
      const std::size_t hidden = items.size() - placed.size();
      const std::string more = more_label(hidden, style.lang);
      const float more_w = measure.width(more, style.small_px);
      const int last_row = placed.empty() ? 0 : placed.back().row;
      float end = x0;
      if (!placed.empty()) end = placed.back().x + entry_width(placed.back().label) + spacing;
      if (placed.empty() || end + more_w <= x0 + width) {
        scene.add(make_text(measure, more, end, y0 + last_row * row_h + row_h / 2, HAlign::Left,
                            VAlign::Middle, {style.small_px, FontWeight::Regular, style.theme.text_muted}));
        break;
      }
      placed.pop_back();
    }
  }
  int rows_used = 0;
  for (const Placed& p : placed) {
    const LegendItem& item = items[p.item];
    const float cy = y0 + p.row * row_h + row_h / 2;
    draw_swatch(scene, item, p.x, cy, size, style);
    const Rgba colour = item.hidden ? style.theme.hidden : style.theme.text;
    scene.add(make_text(measure, p.label, p.x + size + gap, cy, HAlign::Left, VAlign::Middle,
                        {style.font_px, FontWeight::Regular, colour}),
              item.hit);
    rows_used = std::max(rows_used, p.row + 1);
  }
  return std::max(rows_used, 1) * row_h;
}

}  // namespace

namespace {

// The frame's text wrapped to the canvas' inner width; none without style.frame_text.
struct FrameLines {
  std::vector<std::string> title, subtitle, note, footer;
};

float inner_width(const ChartStyle& style, float width) {
  return std::max(0.0f, width - 2 * style.padding_px);
}

// The sources line is set at the labels' size: a reader must be able to cite it from print.
float footer_px(const ChartStyle& style) { return std::max(style.small_px, style.font_px); }

FrameLines frame_lines(const FrameText& text, const ChartStyle& style, float width, float height,
                       const TextMeasure& measure) {
  FrameLines out;
  if (!style.frame_text) return out;
  const float inner_w = inner_width(style, width);
  out.title = wrap_text(measure, text.title, style.title_px, inner_w, 2, FontWeight::Bold);
  out.subtitle = wrap_text(measure, text.subtitle, style.subtitle_px, inner_w, 2);
  out.note = wrap_text(measure, text.note, style.small_px, inner_w, 2);
  // The sources wrap onto as many lines as they need (the plot gives up the room), up to 40 % of
  // the canvas, where only a very long list is cut.
  const float footer_line = footer_px(style) * kTitleLineEm;
  const auto footer_lines = static_cast<std::size_t>(std::max(3.0f, std::floor(height * 0.4f / footer_line)));
  out.footer = wrap_text(measure, text.footer, footer_px(style), inner_w, footer_lines);
  return out;
}

float lines_height(const std::vector<std::string>& lines, float size_px) {
  return static_cast<float>(lines.size()) * size_px * kTitleLineEm;
}

FrameBands bands_of(const FrameLines& lines, const ChartStyle& style) {
  FrameBands bands;
  const float header =
      lines_height(lines.title, style.title_px) + lines_height(lines.subtitle, style.subtitle_px);
  if (header > 0) bands.header = std::ceil(header + text_gap(style));
  if (!lines.note.empty()) bands.footer += lines_height(lines.note, style.small_px) + text_gap(style);
  if (!lines.footer.empty()) bands.footer += lines_height(lines.footer, footer_px(style)) + text_gap(style);
  bands.footer = std::ceil(bands.footer);
  return bands;
}

}  // namespace

FrameBands frame_bands(const FrameText& text, const ChartStyle& style, float width, float height,
                       const TextMeasure& measure) {
  return bands_of(frame_lines(text, style, width, height, measure), style);
}

RectF draw_frame(Scene& scene, const FrameText& text, const std::vector<LegendItem>& legend,
                 const ChartStyle& style, float width, float height, const TextMeasure& measure,
                 int max_legend_rows) {
  scene.width = width;
  scene.height = height;
  scene.background = style.theme.background;
  const float pad = style.padding_px;
  const float x0 = pad;
  const float inner_w = inner_width(style, width);
  const FrameLines lines = frame_lines(text, style, width, height, measure);
  const FrameBands bands = bands_of(lines, style);

  float y = pad;
  for (const std::string& line : lines.title) {
    scene.add(make_text(measure, line, x0, y, HAlign::Left, VAlign::Top,
                        {style.title_px, FontWeight::Bold, style.theme.text}));
    y += style.title_px * kTitleLineEm;
  }
  for (const std::string& line : lines.subtitle) {
    scene.add(make_text(measure, line, x0, y, HAlign::Left, VAlign::Top,
                        {style.subtitle_px, FontWeight::Regular, style.theme.text_muted}));
    y += style.subtitle_px * kTitleLineEm;
  }
  y = pad + bands.header;
  const float legend_h = draw_legend(scene, legend, x0, y, inner_w, max_legend_rows, style, measure);
  if (legend_h > 0) y += legend_h + text_gap(style);

  // From the bottom padding up: the footer (the sources a reader cites, at the labels' size in
  // the text colour), then the note (what the chart counts, small and muted).
  float bottom = height - pad;
  const auto draw_lines = [&](const std::vector<std::string>& part, const TextStyle& text_style) {
    if (part.empty()) return;
    float top = bottom - lines_height(part, text_style.size_px);
    bottom = top - text_gap(style);
    for (const std::string& line : part) {
      scene.add(make_text(measure, line, x0, top, HAlign::Left, VAlign::Top, text_style));
      top += text_style.size_px * kTitleLineEm;
    }
  };
  draw_lines(lines.footer, {footer_px(style), FontWeight::Regular, style.theme.text});
  draw_lines(lines.note, {style.small_px, FontWeight::Regular, style.theme.text_muted});
  return {x0, y, x0 + inner_w, std::max(y, height - pad - bands.footer)};
}

void draw_empty_message(Scene& scene, const RectF& body, const FrameText& text, const ChartStyle& style,
                        const TextMeasure& measure) {
  const std::string message =
      text.empty_message.empty() ? std::string(chart_strings(style.lang).no_data) : text.empty_message;
  const float size = style.font_px * 1.2f;
  const std::vector<std::string> lines = wrap_text(measure, message, size, body.width(), 3);
  float y = (body.y0 + body.y1) / 2 - static_cast<float>(lines.size()) * size * kTitleLineEm / 2;
  for (const std::string& line : lines) {
    scene.add(make_text(measure, line, (body.x0 + body.x1) / 2, y, HAlign::Center, VAlign::Top,
                        {size, FontWeight::Regular, style.theme.text_muted}));
    y += size * kTitleLineEm;
  }
}

float time_axis_height(const ChartStyle& style) { return kTickMarkPx + 2 * style.font_px * kTitleLineEm; }

void draw_time_grid(Scene& scene, const RectF& plot, const TimeTicks& ticks, const ChartStyle& style) {
  scene.set_clip(plot);
  for (const TimeTick& t : ticks.minor)
    scene.add(LinePrim{
        .a = {t.x, plot.y0}, .b = {t.x, plot.y1}, .colour = style.theme.grid, .width = style.line_px});
  for (const TimeTick& t : ticks.major)
    if (t.line)
      scene.add(LinePrim{.a = {t.x, plot.y0},
                         .b = {t.x, plot.y1},
                         .colour = style.theme.grid_major,
                         .width = style.line_px});
  // Year steps have no major row: their ticks are year boundaries, drawn strong.
  if (ticks.step.unit == TimeUnit::Year)
    for (const TimeTick& t : ticks.minor)
      scene.add(LinePrim{.a = {t.x, plot.y0},
                         .b = {t.x, plot.y1},
                         .colour = style.theme.grid_major,
                         .width = style.line_px});
  scene.clear_clip();
}

void draw_time_labels(Scene& scene, const RectF& plot, const TimeTicks& ticks, AxisSide side,
                      const ChartStyle& style, const TextMeasure& measure) {
  const float row_h = style.font_px * kTitleLineEm;
  const TextStyle label_style{style.font_px, FontWeight::Regular, style.theme.text_muted};
  const bool bottom = side == AxisSide::Bottom;
  const float axis_y = bottom ? plot.y1 : plot.y0;
  const float dir = bottom ? 1.0f : -1.0f;
  // Row 1 (minor) next to the plot, row 2 (major) beyond it. Text tops:
  const float row1_top = bottom ? axis_y + kTickMarkPx : axis_y - kTickMarkPx - row_h;
  const float row2_top = bottom ? row1_top + row_h : row1_top - row_h;
  const float pad_y = (row_h - style.font_px) / 2;

  scene.add(LinePrim{
      .a = {plot.x0, axis_y}, .b = {plot.x1, axis_y}, .colour = style.theme.axis, .width = style.line_px});
  for (const TimeTick& t : ticks.minor) {
    scene.add(LinePrim{.a = {t.x, axis_y},
                       .b = {t.x, axis_y + dir * kTickMarkPx},
                       .colour = style.theme.axis,
                       .width = style.line_px});
    if (!t.label.empty())
      scene.add(make_text(measure, t.label, t.x + kTimeLabelOffsetPx, row1_top + pad_y, HAlign::Left,
                          VAlign::Top, label_style));
  }
  for (const TimeTick& t : ticks.major) {
    if (t.line)
      scene.add(LinePrim{.a = {t.x, axis_y},
                         .b = {t.x, axis_y + dir * (kTickMarkPx + 2 * row_h)},
                         .colour = style.theme.axis,
                         .width = style.line_px});
    if (!t.label.empty())
      scene.add(make_text(measure, t.label, t.line ? t.x + kTimeLabelOffsetPx : t.x, row2_top + pad_y,
                          HAlign::Left, VAlign::Top, {style.font_px, FontWeight::Bold, style.theme.text}));
  }
}

ValueAxis make_value_axis(double data_max, float length_px, NumberStyle number_style, const ChartStyle& style,
                          const TextMeasure& measure) {
  ValueAxis axis;
  const int target = tick_count_for(length_px, style.font_px * 3.2f);
  const double top = data_max > 0 && std::isfinite(data_max) ? data_max * 1.04 : 1.0;  // headroom for labels
  axis.max = nice_domain(0, top, target).second;
  axis.ticks = value_ticks(0, axis.max, target);
  if (number_style == NumberStyle::Count && axis.ticks.step < 1) {  // no 0.5 projects
    axis.ticks = count_ticks(axis.max, target);
    axis.max = axis.ticks.values.back();
  }
  axis.labels = format_ticks(axis.ticks, number_style);
  for (const std::string& l : axis.labels)
    axis.label_width = std::max(axis.label_width, measure.width(l, style.font_px));
  return axis;
}

void draw_value_axis_left(Scene& scene, const RectF& plot, const LinearScale& y, const ValueAxis& axis,
                          const ChartStyle& style, const TextMeasure& measure) {
  // Bottom-up so the zero label wins a collision.
  std::vector<LabelSpan> spans;
  for (double v : axis.ticks.values) {
    const float py = y.map(v);
    spans.push_back({-(py + style.font_px / 2), -(py - style.font_px / 2)});  // flipped: ascending
  }
  const std::vector<bool> keep = keep_non_colliding(spans, 2, -1e9f, 1e9f);
  for (std::size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const float py = y.map(axis.ticks.values[i]);
    const bool zero = axis.ticks.values[i] == 0;
    scene.add(LinePrim{.a = {plot.x0, py},
                       .b = {plot.x1, py},
                       .colour = zero ? style.theme.axis : style.theme.grid,
                       .width = style.line_px});
    if (keep[i])
      scene.add(make_text(measure, axis.labels[i], plot.x0 - text_gap(style), py, HAlign::Right,
                          VAlign::Middle, {style.font_px, FontWeight::Regular, style.theme.text_muted}));
  }
}

void draw_value_axis_bottom(Scene& scene, const RectF& plot, const LinearScale& x, const ValueAxis& axis,
                            const ChartStyle& style, const TextMeasure& measure) {
  std::vector<LabelSpan> spans;
  for (std::size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const float px = x.map(axis.ticks.values[i]);
    const float w = measure.width(axis.labels[i], style.font_px);
    spans.push_back({px - w / 2, px + w / 2});
  }
  const std::vector<bool> keep = keep_non_colliding(spans, kLabelGapPx, 0, scene.width);
  for (std::size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const float px = x.map(axis.ticks.values[i]);
    const bool zero = axis.ticks.values[i] == 0;
    scene.add(LinePrim{.a = {px, plot.y0},
                       .b = {px, plot.y1},
                       .colour = zero ? style.theme.axis : style.theme.grid,
                       .width = style.line_px});
    if (keep[i])
      scene.add(make_text(measure, axis.labels[i], px, plot.y1 + kTickMarkPx, HAlign::Center, VAlign::Top,
                          {style.font_px, FontWeight::Regular, style.theme.text_muted}));
  }
}

void draw_day_line(Scene& scene, const RectF& plot, const TimeScale& x, DayNumber day,
                   const std::string& label, Rgba colour, bool dashed, const ChartStyle& style,
                   const TextMeasure& measure) {
  const float px = x.map(day);
  if (px < plot.x0 || px > plot.x1) return;
  LinePrim line{.a = {px, plot.y0}, .b = {px, plot.y1}, .colour = colour, .width = style.line_px * 1.5f};
  if (dashed) line.dash = {4 * style.line_px, 3 * style.line_px};
  scene.add(line);
  std::optional<TextPrim> t = day_line_label(plot, x, day, label, colour, style, measure);
  if (!t) return;
  scene.add(RectPrim{.rect = {t->box.x0 - 2, t->box.y0, t->box.x1 + 2, t->box.y1},
                     .fill = style.theme.plot_background});
  scene.add(std::move(*t));
}

std::optional<TextPrim> day_line_label(const RectF& plot, const TimeScale& x, DayNumber day,
                                       const std::string& label, Rgba colour, const ChartStyle& style,
                                       const TextMeasure& measure) {
  const float px = x.map(day);
  if (label.empty() || px < plot.x0 || px > plot.x1) return std::nullopt;
  const float w = measure.width(label, style.small_px);
  const float gap = text_gap(style);
  const bool right = px + gap + w <= plot.x1;
  if (!right && px - gap - w < plot.x0) return std::nullopt;  // fits on neither side
  return make_text(measure, label, right ? px + gap : px - gap, plot.y0 + 2,
                   right ? HAlign::Left : HAlign::Right, VAlign::Top,
                   {style.small_px, FontWeight::Regular, colour});
}

}  // namespace indtrack::chart
