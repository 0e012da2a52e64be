#include "chart/investment_chart.h"

#include <algorithm>
#include <cmath>

#include "chart/frame.h"
#include "chart/ticks.h"
#include "core/units.h"

namespace indtrack::chart {

namespace {

constexpr float kMinBarEm = 1.5f;  // row pitch limits, in em of font_px
constexpr float kMaxBarEm = 2.6f;
constexpr float kBarFraction = 0.7f;

std::string with_unit(std::string number, const std::string& unit, Language lang) {
  if (unit.empty()) return number;
  if (lang == Language::English) number += ' ';
  number += unit;
  return number;
}

double bar_max(const InvestmentBar& b) { return std::max(b.total.value_or(0.0), b.completed.value_or(0.0)); }

struct InvestmentFrame {
  RectF body;
  bool any_completed = false;
};

InvestmentFrame draw_investment_frame(Scene& scene, const InvestmentChartInput& input,
                                      const ChartStyle& style, float width, float height,
                                      const TextMeasure& measure) {
  const ChartStrings& words = chart_strings(style.lang);
  InvestmentFrame f;
  f.any_completed = std::any_of(input.bars.begin(), input.bars.end(),
                                [](const InvestmentBar& b) { return b.completed.has_value(); });
  std::vector<LegendItem> legend;
  // Only when both kinds of mark are drawn: a legend entry always matches a mark on the plot.
  const bool any_total_beyond = std::any_of(input.bars.begin(), input.bars.end(), [](const InvestmentBar& b) {
    return b.total && (!b.completed || *b.total > *b.completed);
  });
  if (f.any_completed && any_total_beyond) {
    legend.push_back({std::string(words.total), style.theme.text_muted, Swatch::Dashed, false, {}});
    legend.push_back({std::string(words.completed), style.theme.text_muted, Swatch::Solid, false, {}});
  }
  f.body = draw_frame(scene, input.text, legend, style, width, height, measure);
  return f;
}

float axis_label_height(const ChartStyle& style) { return 4 + style.font_px * 1.3f; }

// A figure with its hedge as the source wrote it: 约105, 60多 / ~105, more than 60.
std::string hedged(std::string number, bool approximate, AggregateBound bound, Language lang) {
  std::string s = approximate && bound != AggregateBound::About
                      ? std::string(chart_strings(lang).approximate_prefix)
                      : "";
  return s + with_bound(bound, number, "", lang == Language::English);
}

}  // namespace

std::string investment_value_label(const InvestmentBar& bar, const InvestmentChartInput& input,
                                   Language lang) {
  const auto total = [&] {
    return hedged(format_value(*bar.total, input.value_style), bar.approximate, bar.total_bound, lang);
  };
  const auto completed = [&] {
    return hedged(format_value(*bar.completed, input.value_style), bar.completed_approximate,
                  bar.completed_bound, lang);
  };
  std::string s;
  if (bar.completed && bar.total)
    s = completed() + " / " + total();
  else if (bar.total)
    s = total();
  else if (bar.completed)
    s = completed();
  return with_unit(std::move(s), input.text.value_unit, lang);
}

Scene layout_investment_chart(const InvestmentChartInput& input, const ChartStyle& style, float width,
                              float height, const TextMeasure& measure) {
  Scene scene;
  const InvestmentFrame frame = draw_investment_frame(scene, input, style, width, height, measure);
  const RectF& body = frame.body;
  double max_value = 0;
  for (const InvestmentBar& b : input.bars) max_value = std::max(max_value, bar_max(b));
  if (input.bars.empty() || !(max_value > 0)) {
    draw_empty_message(scene, body, input.text, style, measure);
    return scene;
  }
  const float gap = text_gap(style);

  // Rows that fit at a readable pitch; the rest are counted in a note.
  const float min_pitch = style.font_px * kMinBarEm;
  const float rows_h = body.height() - axis_label_height(style);
  std::size_t shown = input.bars.size();
  if (static_cast<float>(shown) * min_pitch > rows_h)
    shown =
        static_cast<std::size_t>(std::max(0.0f, std::floor((rows_h - style.small_px * 1.5f) / min_pitch)));
  const bool note = shown < input.bars.size();

  float label_w = 0, value_w = 0;
  for (std::size_t i = 0; i < shown; ++i) {
    label_w = std::max(label_w, measure.width(input.bars[i].label, style.font_px));
    value_w = std::max(
        value_w, measure.width(investment_value_label(input.bars[i], input, style.lang), style.small_px));
  }
  label_w = std::min(label_w, body.width() * 0.35f);
  value_w = std::min(value_w, body.width() * 0.25f);

  // The rows fill what the note on the rows left out leaves them.
  const float bars_h = note ? rows_h - style.small_px * 1.5f : rows_h;
  const float pitch =
      shown > 0 ? std::clamp(bars_h / static_cast<float>(shown), min_pitch, style.font_px * kMaxBarEm)
                : min_pitch;
  RectF plot{body.x0 + label_w + gap, body.y0, body.x1 - value_w - gap,
             body.y0 + pitch * static_cast<float>(shown)};
  plot.x1 = std::max(plot.x1, plot.x0 + 1);
  const ValueAxis axis = make_value_axis(max_value, plot.width(), input.value_style, style, measure);
  // Room for the last axis label centred on the plot's right end.
  const LinearScale x{0, axis.max, plot.x0, plot.x1};
  scene.axes = {plot, std::nullopt, x};
  scene.add(RectPrim{.rect = plot, .fill = style.theme.plot_background});
  draw_value_axis_bottom(scene, plot, x, axis, style, measure);

  for (std::size_t i = 0; i < shown; ++i) {
    const InvestmentBar& bar = input.bars[i];
    const float top = plot.y0 + pitch * static_cast<float>(i);
    const float centre = top + pitch / 2;
    const float bar_h = std::min(pitch * kBarFraction, style.font_px * 1.6f);
    const float y0 = centre - bar_h / 2, y1 = centre + bar_h / 2;
    const Rgba colour = colour_for(style, bar.colour_key.empty() ? kOtherColourKey : bar.colour_key);
    const auto index = static_cast<std::int32_t>(i);
    if (bar.total) {
      RectPrim total{.rect = {x.map(0), y0, x.map(*bar.total), y1}, .fill = colour};
      if (frame.any_completed) {
        total.fill = expected_fill(colour, style.theme);
        total.stroke = colour;
        total.stroke_width = style.line_px;
        total.stroke_dash = {4 * style.line_px, 3 * style.line_px};  // as the legend's swatch
      }
      scene.add(total, {HitKind::InvestmentBar, index, 0});
    }
    if (bar.completed) {
      scene.add(RectPrim{.rect = {x.map(0), y0, x.map(*bar.completed), y1}, .fill = colour},
                {HitKind::InvestmentBar, index, 1});
      // Where the completed part meets the rest of the total: a separator in the background colour.
      if (bar.total && *bar.total > *bar.completed)
        scene.add(LinePrim{.a = {x.map(*bar.completed), y0},
                           .b = {x.map(*bar.completed), y1},
                           .colour = style.theme.plot_background,
                           .width = separator_px(style)});
    }
    scene.add(
        make_text(measure, fit_text(measure, bar.label, style.font_px, label_w), plot.x0 - gap, centre,
                  HAlign::Right, VAlign::Middle, {style.font_px, FontWeight::Regular, style.theme.text}),
        {HitKind::InvestmentBar, index, 0});
    const float end = x.map(bar_max(bar));
    scene.add(
        make_text(measure,
                  fit_text(measure, investment_value_label(bar, input, style.lang), style.small_px, value_w),
                  end + gap, centre, HAlign::Left, VAlign::Middle,
                  {style.small_px, FontWeight::Regular, style.theme.text_muted}),
        {HitKind::InvestmentBar, index, 0});
  }
  if (note)
    scene.add(make_text(
        measure,
        fit_text(measure, more_label(input.bars.size() - shown, style.lang), style.small_px, body.width()),
        body.x0, plot.y1 + axis_label_height(style), HAlign::Left, VAlign::Top,
        {style.small_px, FontWeight::Regular, style.theme.text_muted}));
  return scene;
}

float investment_full_height(const InvestmentChartInput& input, const ChartStyle& style, float width,
                             const TextMeasure& measure) {
  Scene probe;
  const float probe_height = 10000;
  const RectF body = draw_investment_frame(probe, input, style, width, probe_height, measure).body;
  const float needed =
      static_cast<float>(input.bars.size()) * style.font_px * kMinBarEm + axis_label_height(style);
  return std::ceil(probe_height - body.height() + needed + 1);
}

std::vector<std::string> investment_tooltip(const InvestmentChartInput& input, HitId hit, Language lang) {
  std::vector<std::string> lines;
  if (hit.kind != HitKind::InvestmentBar || hit.index < 0 ||
      static_cast<std::size_t>(hit.index) >= input.bars.size())
    return lines;
  const InvestmentBar& bar = input.bars[static_cast<std::size_t>(hit.index)];
  const ChartStrings& words = chart_strings(lang);
  lines.push_back(bar.label);
  if (bar.total)
    lines.push_back(std::string(words.total) + " " +
                    with_unit(hedged(format_number(*bar.total, 2), bar.approximate, bar.total_bound, lang),
                              input.text.value_unit, lang));
  if (bar.completed)
    lines.push_back(std::string(words.completed) + " " +
                    with_unit(hedged(format_number(*bar.completed, 2), bar.completed_approximate,
                                     bar.completed_bound, lang),
                              input.text.value_unit, lang));
  lines.insert(lines.end(), bar.tooltip.begin(), bar.tooltip.end());
  return lines;
}

}  // namespace indtrack::chart
