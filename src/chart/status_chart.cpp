#include "chart/status_chart.h"

#include <algorithm>
#include <cmath>

#include "chart/frame.h"
#include "chart/ticks.h"
#include "core/units.h"

namespace indtrack::chart {

namespace {

double cell(const StatusChartInput& in, std::size_t year, std::size_t status) {
  if (year >= in.values.size() || status >= in.values[year].size()) return 0;
  const double v = in.values[year][status];
  return std::isfinite(v) && v > 0 ? v : 0;
}

double year_total(const StatusChartInput& in, std::size_t year) {
  double sum = 0;
  for (std::size_t s = 0; s < in.statuses.size(); ++s) sum += cell(in, year, s);
  return sum;
}

// Column widths and the table's size at the style's font.
struct TableMetrics {
  std::vector<float> columns;
  float width = 0;
  float height = 0;
  float row_h = 0;
};

TableMetrics measure_table(const StatusTable& t, const ChartStyle& style, const TextMeasure& measure) {
  TableMetrics m;
  const float pad = text_gap(style) * 2;
  m.row_h = style.font_px * 1.5f;
  m.columns.assign(t.header.size(), 0);
  for (std::size_t c = 0; c < t.header.size(); ++c)
    m.columns[c] = text_width(measure, t.header[c], style.font_px, FontWeight::Bold) + pad;
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size() && c < m.columns.size(); ++c)
      m.columns[c] = std::max(m.columns[c], measure.width(row[c], style.font_px) + pad);
  for (float w : m.columns) m.width += w;
  m.height = m.row_h * static_cast<float>(t.rows.size() + 1);
  return m;
}

void draw_table(Scene& scene, const StatusTable& t, const TableMetrics& m, float x0, float y0,
                const ChartStyle& style, const TextMeasure& measure) {
  const float pad = text_gap(style);
  float y = y0;
  for (std::size_t r = 0; r <= t.rows.size(); ++r) {
    const std::vector<std::string>& cells = r == 0 ? t.header : t.rows[r - 1];
    float x = x0;
    for (std::size_t c = 0; c < cells.size() && c < m.columns.size(); ++c) {
      const bool first = c == 0;
      // Year column left-aligned, numbers right-aligned.
      const float tx = first ? x + pad : x + m.columns[c] - pad;
      const HitId hit =
          (r > 0 && c > 0 && c + 1 < cells.size())
              ? HitId{HitKind::StatusCell, static_cast<std::int32_t>(r - 1), static_cast<std::int32_t>(c - 1)}
              : HitId{};
      scene.add(make_text(measure, cells[c], tx, y + m.row_h / 2, first ? HAlign::Left : HAlign::Right,
                          VAlign::Middle,
                          {style.font_px, r == 0 ? FontWeight::Bold : FontWeight::Regular, style.theme.text}),
                hit);
      x += m.columns[c];
    }
    y += m.row_h;
    scene.add(LinePrim{.a = {x0, y},
                       .b = {x0 + m.width, y},
                       .colour = r == 0 ? style.theme.axis : style.theme.grid,
                       .width = style.line_px});
  }
}

}  // namespace

StatusTable status_table(const StatusChartInput& input, Language lang) {
  const ChartStrings& words = chart_strings(lang);
  StatusTable t;
  t.header.emplace_back(words.year);
  for (Status s : input.statuses) t.header.emplace_back(status_label(s, lang));
  t.header.emplace_back(words.sum);
  for (std::size_t y = 0; y < input.years.size(); ++y) {
    std::vector<std::string> row;
    row.push_back(std::to_string(input.years[y]));
    for (std::size_t s = 0; s < input.statuses.size(); ++s)
      row.push_back(format_number(cell(input, y, s), input.decimals));
    row.push_back(format_number(year_total(input, y), input.decimals));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Scene layout_status_chart(const StatusChartInput& input, const ChartStyle& style, float width, float height,
                          const TextMeasure& measure) {
  Scene scene;
  std::vector<LegendItem> legend;
  for (Status s : input.statuses)
    legend.push_back({std::string(status_label(s, style.lang)),
                      status_colour(s, style.theme),
                      status_hatched(s) ? Swatch::Striped : Swatch::Solid,
                      false,
                      {HitKind::LegendEntry, static_cast<std::int32_t>(s), -1}});
  RectF body = draw_frame(scene, input.text, legend, style, width, height, measure);
  double max_total = 0;
  for (std::size_t y = 0; y < input.years.size(); ++y) max_total = std::max(max_total, year_total(input, y));
  if (input.years.empty() || input.statuses.empty() || !(max_total > 0)) {
    draw_empty_message(scene, body, input.text, style, measure);
    return scene;
  }
  const float gap = text_gap(style);

  if (input.include_table) {
    const StatusTable table = status_table(input, style.lang);
    const TableMetrics m = measure_table(table, style, measure);
    // Beside the bars it starts under the unit's row: it must fit below that (the review sheet's
    // Word preset as of 2023-06-30 ran its last row into the footer).
    if (body.width() >= 2.2f * m.width && value_unit_row_height(style.font_px) + m.height <= body.height()) {
      draw_table(scene, table, m, body.x1 - m.width, body.y0 + value_unit_row_height(style.font_px), style,
                 measure);
      body.x1 -= m.width + 2 * gap;
    } else if (m.width <= body.width() && body.height() - m.height - gap >= body.height() * 0.45f) {
      draw_table(scene, table, m, body.x0, body.y1 - m.height, style, measure);
      body.y1 -= m.height + 2 * gap;
    }
  }

  const float axis_h = 4 + style.font_px * 1.3f;
  RectF plot{body.x0, body.y0 + value_unit_row_height(style.font_px), body.x1, body.y1 - axis_h};
  plot.y1 = std::max(plot.y1, plot.y0);
  const ValueAxis axis = make_value_axis(max_total, plot.height(), input.value_style, style, measure);
  plot.x0 = body.x0 + axis.label_width + gap;
  const LinearScale y{0, axis.max, plot.y1, plot.y0};
  scene.axes = {plot, std::nullopt, y};
  if (!input.text.value_unit.empty())
    scene.add(make_text(measure, fit_text(measure, input.text.value_unit, style.font_px, body.width()),
                        body.x0, body.y0, HAlign::Left, VAlign::Top,
                        {style.font_px, FontWeight::Regular, style.theme.text_muted}));
  scene.add(RectPrim{.rect = plot, .fill = style.theme.plot_background});
  draw_value_axis_left(scene, plot, y, axis, style, measure);

  const std::size_t n = input.years.size();
  const float slot = plot.width() / static_cast<float>(n);
  const float bar_w = slot * 0.62f;
  std::vector<LabelSpan> year_spans;
  std::vector<std::string> year_labels;
  for (std::size_t i = 0; i < n; ++i) {
    year_labels.push_back(std::to_string(input.years[i]));
    const float cx = plot.x0 + slot * (static_cast<float>(i) + 0.5f);
    const float w = measure.width(year_labels.back(), style.font_px);
    year_spans.push_back({cx - w / 2, cx + w / 2});
  }
  const std::vector<bool> keep_year = keep_non_colliding(year_spans, kLabelGapPx, 0, width);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx = plot.x0 + slot * (static_cast<float>(i) + 0.5f);
    double base = 0;
    std::vector<float> joins;  // y of each boundary between two segments of this bar
    for (std::size_t s = 0; s < input.statuses.size(); ++s) {
      const double v = cell(input, i, s);
      if (v <= 0) continue;
      if (base > 0) joins.push_back(y.map(base));
      RectPrim seg{.rect = {cx - bar_w / 2, y.map(base + v), cx + bar_w / 2, y.map(base)},
                   .fill = status_colour(input.statuses[s], style.theme)};
      if (status_hatched(input.statuses[s])) {
        seg.hatch = Hatch::Diagonal;
        seg.hatch_colour = style.theme.plot_background;
      }
      scene.add(seg, {HitKind::StatusCell, static_cast<std::int32_t>(i), static_cast<std::int32_t>(s)});
      base += v;
    }
    // Separators in the background colour, so neighbouring segments never merge (greyscale print).
    for (float jy : joins)
      scene.add(LinePrim{.a = {cx - bar_w / 2, jy},
                         .b = {cx + bar_w / 2, jy},
                         .colour = style.theme.plot_background,
                         .width = separator_px(style)});
    if (keep_year[i])
      scene.add(make_text(measure, year_labels[i], cx, plot.y1 + 4, HAlign::Center, VAlign::Top,
                          {style.font_px, FontWeight::Regular, style.theme.text_muted}));
    // The year's total above its bar, when it fits the slot and stays inside the plot.
    const std::string total = format_number(base, input.decimals);
    TextPrim t = make_text(measure, total, cx, y.map(base) - 2, HAlign::Center, VAlign::Bottom,
                           {style.small_px, FontWeight::Regular, style.theme.text});
    if (t.box.width() <= slot && t.box.y0 >= plot.y0 - style.font_px) scene.add(std::move(t));
  }
  scene.add(LinePrim{
      .a = {plot.x0, plot.y1}, .b = {plot.x1, plot.y1}, .colour = style.theme.axis, .width = style.line_px});
  return scene;
}

std::vector<std::string> status_tooltip(const StatusChartInput& input, HitId hit, Language lang) {
  std::vector<std::string> lines;
  if (hit.kind != HitKind::StatusCell || hit.index < 0 ||
      static_cast<std::size_t>(hit.index) >= input.years.size() || hit.part < 0 ||
      static_cast<std::size_t>(hit.part) >= input.statuses.size())
    return lines;
  const auto y = static_cast<std::size_t>(hit.index);
  const auto s = static_cast<std::size_t>(hit.part);
  const std::string unit = input.text.value_unit.empty() ? "" : " " + input.text.value_unit;
  lines.push_back(std::to_string(input.years[y]) + " · " +
                  std::string(status_label(input.statuses[s], lang)) + " · " +
                  format_number(cell(input, y, s), input.decimals) + unit);
  lines.push_back(std::string(chart_strings(lang).sum) + " " +
                  format_number(year_total(input, y), input.decimals) + unit);
  return lines;
}

}  // namespace indtrack::chart
