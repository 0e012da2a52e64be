#include "chart/slippage_chart.h"

#include <algorithm>
#include <cmath>

#include "chart/frame.h"
#include "chart/ticks.h"
#include "chart/view.h"
#include "io/csv_writer.h"

namespace indtrack::chart {

namespace {

constexpr float kMinRowEm = 1.6f;  // row pitch limits, in em of font_px
constexpr float kMaxRowEm = 2.4f;
constexpr float kBandFraction = 0.5f;       // interval band height / row pitch
constexpr float kLaterMarkerScale = 0.75f;  // later expectations are drawn smaller than the first

bool happened(const SlippageRow& r) {
  return r.outcome == SlipOutcome::OnTime || r.outcome == SlipOutcome::Late ||
         r.outcome == SlipOutcome::Undetermined;
}

// The event's own date is drawn as a point when it is all that is known of when it happened; a
// range narrowed by reports, conflicting dates or bounds alone are drawn as a band.
bool drawn_as_point(const SlippageRow& r) {
  return happened(r) && r.actual && r.happened_lower_bounded && r.happened_first == r.actual->first_day() &&
         r.happened_last == r.actual->last_day();
}

std::string months_text(int lo, int hi, Language lang) {
  if (lo == hi) return std::to_string(lo);
  if (lo >= 0) return std::to_string(lo) + "–" + std::to_string(hi);
  return std::to_string(lo) + (lang == Language::English ? " to " : "至") + std::to_string(hi);
}

std::string_view outcome_id(SlipOutcome o) {
  switch (o) {
    case SlipOutcome::NotYetDue:
      return "not_yet_due";
    case SlipOutcome::PastDue:
      return "past_due";
    case SlipOutcome::OnTime:
      return "on_time";
    case SlipOutcome::Late:
      return "late";
    case SlipOutcome::Undetermined:
      return "undetermined";
  }
  return "";
}

std::string_view outcome_label(SlipOutcome o, Language lang) {
  const bool en = lang == Language::English;
  switch (o) {
    case SlipOutcome::NotYetDue:
      return en ? "not yet due" : "未到期";
    case SlipOutcome::PastDue:
      return en ? "past due, not reported done" : "已逾期，未见完成报道";
    case SlipOutcome::OnTime:
      return en ? "on time" : "按期";
    case SlipOutcome::Late:
      return en ? "late" : "延期";
    case SlipOutcome::Undetermined:
      return en ? "undetermined" : "无法判定";
  }
  return "";
}

std::string day_text(DayNumber d) { return Date::from_days(d).to_string(); }

std::string kind_suffix(const SlippageRow& r, Language lang) {
  return " · " + std::string(milestone_label(r.kind, lang));
}

// "华恒 PTMEG 1号线 · 投产": the subject is shortened first so the milestone kind stays readable.
std::string fitted_row_label(const SlippageRow& r, const TextMeasure& measure, float size_px, float max_width,
                             Language lang) {
  const std::string suffix = kind_suffix(r, lang);
  const float suffix_w = measure.width(suffix, size_px);
  if (suffix_w >= max_width) return fit_text(measure, r.label + suffix, size_px, max_width);
  return fit_text(measure, r.label, size_px, max_width - suffix_w) + suffix;
}

// "2022-08 报道：预计 2022-09" / "reported 2022-08: expected 2022-09"
std::string expectation_line(const SlipExpectation& e, Language lang) {
  return lang == Language::English
             ? "reported " + e.reported.to_string() + ": expected " + e.expected.to_string()
             : e.reported.to_string() + " 报道：预计 " + e.expected.to_string();
}

// "实际：2024-06-12" / "发生于 2023-01-26 至 2024-10-22 之间" / "happened between ... and ..."
std::string happened_line(const SlippageRow& r, Language lang) {
  const bool en = lang == Language::English;
  if (drawn_as_point(r)) return (en ? "actual: " : "实际：") + r.actual->to_string();
  std::string range;
  if (!r.happened_lower_bounded)
    range = (en ? "happened by " : "不晚于 ") + day_text(r.happened_last);
  else
    range = en ? "happened between " + day_text(r.happened_first) + " and " + day_text(r.happened_last)
               : "发生于 " + day_text(r.happened_first) + " 至 " + day_text(r.happened_last) + " 之间";
  if (r.actual) return (en ? "actual: " : "实际：") + r.actual->to_string() + " · " + range;
  return range;
}

std::vector<LegendItem> slippage_legend(const SlippageChartInput& input, const ChartStyle& style) {
  const bool en = style.lang == Language::English;
  std::uint32_t classes = 0;
  bool any_actual = false, any_band = false, any_past_due = false;
  for (const SlippageRow& r : input.rows) {
    classes |= 1u << static_cast<unsigned>(delay_class(r));
    any_actual = any_actual || drawn_as_point(r);
    any_band = any_band || (happened(r) && !drawn_as_point(r));
    any_past_due = any_past_due || r.outcome == SlipOutcome::PastDue;
  }
  std::vector<LegendItem> legend;
  for (DelayClass c : {DelayClass::OnTime, DelayClass::Under6, DelayClass::Under12, DelayClass::Under24,
                       DelayClass::Over24, DelayClass::Undetermined, DelayClass::NotYetDue})
    if (classes & (1u << static_cast<unsigned>(c)))
      legend.push_back(
          {std::string(delay_class_label(c, style.lang)), delay_colour(c), Swatch::Solid, false, {}});
  if (!input.rows.empty())
    legend.push_back({en ? "expected date" : "预计日期", style.theme.text, Swatch::HollowDiamond, false, {}});
  if (any_actual)
    legend.push_back({en ? "actual date" : "实际日期", style.theme.text, Swatch::Diamond, false, {}});
  if (any_band)
    legend.push_back({en ? "known only to lie in this range" : "仅知在此区间内完成",
                      style.theme.text_muted,
                      Swatch::Hatched,
                      false,
                      {}});
  if (any_past_due)
    legend.push_back({en ? "past due, to the as-of date" : "逾期未完成（至截至日）",
                      style.theme.text_muted,
                      Swatch::Dashed,
                      false,
                      {}});
  return legend;
}

struct Rows {
  std::size_t shown = 0;
  float pitch = 0;
  float label_w = 0;
  float value_w = 0;
};

Rows fit_rows(const SlippageChartInput& input, const RectF& body, const ChartStyle& style,
              const TextMeasure& measure) {
  Rows r;
  const float min_pitch = style.font_px * kMinRowEm;
  const float rows_h = body.height() - time_axis_height(style);
  r.shown = input.rows.size();
  if (static_cast<float>(r.shown) * min_pitch > rows_h)
    r.shown =
        static_cast<std::size_t>(std::max(0.0f, std::floor((rows_h - style.small_px * 1.5f) / min_pitch)));
  for (std::size_t i = 0; i < r.shown; ++i) {
    r.label_w =
        std::max(r.label_w,
                 measure.width(input.rows[i].label + kind_suffix(input.rows[i], style.lang), style.font_px));
    r.value_w =
        std::max(r.value_w, measure.width(slippage_delay_label(input.rows[i], style.lang), style.small_px));
  }
  r.label_w = std::min(r.label_w, body.width() * 0.3f);
  r.value_w = std::min(r.value_w, body.width() * 0.2f);
  // When rows are left out, the "N more" note keeps its line under the rows.
  const float rows_room = r.shown < input.rows.size() ? rows_h - style.small_px * 1.5f : rows_h;
  r.pitch = r.shown > 0
                ? std::clamp(rows_room / static_cast<float>(r.shown), min_pitch, style.font_px * kMaxRowEm)
                : min_pitch;
  return r;
}

void draw_diamond(Scene& scene, float x, float y, float size, Rgba fill, const ChartStyle& style, HitId hit) {
  scene.add(MarkerPrim{.centre = {x, y},
                       .size_px = size,
                       .shape = MarkerShape::Diamond,
                       .fill = fill,
                       .stroke = style.theme.text,
                       .stroke_width = style.line_px * 1.2f},
            hit);
}

struct RowPlace {
  std::int32_t index = 0;
  float centre = 0;
  float band_h = 0;
};

void draw_row_data(Scene& scene, const SlippageChartInput& input, const RowPlace& place, const TimeScale& x,
                   const RectF& plot, const ChartStyle& style) {
  const SlippageRow& row = input.rows[static_cast<std::size_t>(place.index)];
  if (row.expectations.empty()) return;
  const float cy = place.centre;
  const Rgba colour = delay_colour(delay_class(row));
  const float line_w = std::max(2 * style.line_px, place.band_h * 0.3f);
  const float marker = std::min(style.marker_px, place.band_h * 1.6f);
  // Pixel coordinates are clamped a little outside the plot so painters never see huge values.
  const float lo = plot.x0 - 4 * style.marker_px;
  const float hi = plot.x1 + 4 * style.marker_px;
  auto px = [&](double day) { return std::clamp(x.map(day), lo, hi); };
  const HitId row_hit{HitKind::SlippageRow, place.index, -1};
  const HitId actual_hit{HitKind::SlippageActual, place.index, -1};
  const Date& first = row.expectations.front().expected;
  const float x_first = px(first.placement_day());

  if (happened(row)) {
    if (drawn_as_point(row)) {
      scene.add(LinePrim{.a = {x_first, cy},
                         .b = {px(row.actual->placement_day()), cy},
                         .colour = colour,
                         .width = line_w},
                row_hit);
    } else {
      const DayNumber band_first = row.happened_lower_bounded ? row.happened_first : first.first_day();
      const float xa = px(band_first);
      const float xb = px(static_cast<double>(row.happened_last) + 1);
      if (xa > x_first)
        scene.add(LinePrim{.a = {x_first, cy}, .b = {xa, cy}, .colour = colour, .width = line_w}, row_hit);
      scene.add(RectPrim{.rect = {xa, cy - place.band_h / 2, std::max(xb, xa + 1), cy + place.band_h / 2},
                         .fill = mix(colour, style.theme.plot_background, 0.55f),
                         .stroke = colour,
                         .stroke_width = style.line_px,
                         .hatch = Hatch::Diagonal,
                         .hatch_colour = colour,
                         .hatch_spacing = std::max(3.0f, place.band_h / 2)},
                actual_hit);
    }
  } else if (row.outcome == SlipOutcome::PastDue) {
    const float x_as_of = px(input.as_of);
    scene.add(LinePrim{.a = {x_first, cy},
                       .b = {x_as_of, cy},
                       .colour = colour,
                       .width = line_w,
                       .dash = {4 * style.line_px, 3 * style.line_px}},
              row_hit);
    scene.add(MarkerPrim{.centre = {x_as_of + place.band_h * 0.3f, cy},
                         .size_px = place.band_h * 0.8f,
                         .shape = MarkerShape::TriangleRight,
                         .fill = colour},
              row_hit);
  } else if (row.latest_expected && px(row.latest_expected->placement_day()) != x_first) {
    scene.add(LinePrim{.a = {x_first, cy},
                       .b = {px(row.latest_expected->placement_day()), cy},
                       .colour = colour,
                       .width = line_w},
              row_hit);
  }

  // Expectations: ◇ at the placement day, a whisker over an imprecise date's interval.
  for (std::size_t k = 0; k < row.expectations.size(); ++k) {
    const Date& e = row.expectations[k].expected;
    const HitId hit{HitKind::SlippageExpected, place.index, static_cast<std::int32_t>(k)};
    if (!e.is_exact_day())
      scene.add(LinePrim{.a = {px(e.first_day()), cy},
                         .b = {px(static_cast<double>(e.last_day()) + 1), cy},
                         .colour = style.theme.text,
                         .width = style.line_px},
                hit);
    draw_diamond(scene, px(e.placement_day()), cy, k == 0 ? marker : marker * kLaterMarkerScale,
                 style.theme.plot_background, style, hit);
  }
  if (drawn_as_point(row)) {
    if (!row.actual->is_exact_day())
      scene.add(LinePrim{.a = {px(row.actual->first_day()), cy},
                         .b = {px(static_cast<double>(row.actual->last_day()) + 1), cy},
                         .colour = style.theme.text,
                         .width = style.line_px},
                actual_hit);
    draw_diamond(scene, px(row.actual->placement_day()), cy, marker, colour, style, actual_hit);
  }
}

}  // namespace

void sort_slippage_rows(std::vector<SlippageRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const SlippageRow& a, const SlippageRow& b) {
    const bool a_due = a.outcome != SlipOutcome::NotYetDue;
    const bool b_due = b.outcome != SlipOutcome::NotYetDue;
    if (a_due != b_due) return a_due;
    if (!a_due) return false;
    if (a.delay_min != b.delay_min) return a.delay_min > b.delay_min;
    return a.delay_max > b.delay_max;
  });
}

DelayClass delay_class(const SlippageRow& row) {
  switch (row.outcome) {
    case SlipOutcome::NotYetDue:
      return DelayClass::NotYetDue;
    case SlipOutcome::OnTime:
      return DelayClass::OnTime;
    case SlipOutcome::Undetermined:
      return DelayClass::Undetermined;
    case SlipOutcome::Late:
    case SlipOutcome::PastDue:
      break;
  }
  if (row.delay_min < 6) return DelayClass::Under6;
  if (row.delay_min < 12) return DelayClass::Under12;
  if (row.delay_min < 24) return DelayClass::Under24;
  return DelayClass::Over24;
}

// On time Okabe–Ito blue; lateness on ColorBrewer's YlOrBr ramp, whose lightness falls steadily
// so the order reads in any colour vision and in greyscale; undetermined and not yet due grey.
Rgba delay_colour(DelayClass c) {
  switch (c) {
    case DelayClass::OnTime:
      return Rgba::hex(0x0072B2);
    case DelayClass::Undetermined:
      return Rgba::hex(0x8C8C8C);
    case DelayClass::Under6:
      return Rgba::hex(0xFEC44F);
    case DelayClass::Under12:
      return Rgba::hex(0xFE9929);
    case DelayClass::Under24:
      return Rgba::hex(0xD95F0E);
    case DelayClass::Over24:
      return Rgba::hex(0x993404);
    case DelayClass::NotYetDue:
      return Rgba::hex(0xC8C8C8);
  }
  return Rgba::hex(0x8C8C8C);
}

std::string_view delay_class_label(DelayClass c, Language lang) {
  const bool en = lang == Language::English;
  switch (c) {
    case DelayClass::OnTime:
      return en ? "on time" : "按期";
    case DelayClass::Undetermined:
      return en ? "undetermined" : "无法判定";
    case DelayClass::Under6:
      return en ? "late < 6 months" : "晚不到6个月";
    case DelayClass::Under12:
      return en ? "late 6–12 months" : "晚6–12个月";
    case DelayClass::Under24:
      return en ? "late 12–24 months" : "晚12–24个月";
    case DelayClass::Over24:
      return en ? "late ≥ 24 months" : "晚24个月以上";
    case DelayClass::NotYetDue:
      return en ? "not yet due" : "未到期";
  }
  return "";
}

std::string slippage_delay_label(const SlippageRow& row, Language lang) {
  const bool en = lang == Language::English;
  const std::string months = months_text(row.delay_min, row.delay_max, lang);
  switch (row.outcome) {
    case SlipOutcome::NotYetDue:
      return en ? "not yet due" : "未到期";
    case SlipOutcome::OnTime:
      return en ? "on time" : "按期";
    case SlipOutcome::Late:
      if (row.delay_max == 0) return en ? "< 1 mo late" : "晚不到1个月";
      return en ? months + " mo late" : "晚" + months + "个月";
    case SlipOutcome::Undetermined:
      return en ? "undetermined, " + months + " mo" : "待定，" + months + "个月";
    case SlipOutcome::PastDue:
      if (row.delay_min == 0) return en ? "< 1 mo overdue" : "逾期不到1个月";
      return en ? "≥ " + std::to_string(row.delay_min) + " mo overdue"
                : "逾期≥" + std::to_string(row.delay_min) + "个月";
  }
  return "";
}

TimeRange slippage_time_extent(const SlippageChartInput& input) {
  DayNumber first = input.as_of, last = input.as_of;
  for (const SlippageRow& r : input.rows) {
    for (const SlipExpectation& e : r.expectations) {
      first = std::min(first, e.expected.first_day());
      last = std::max(last, e.expected.last_day() + 1);
    }
    if (happened(r)) {
      if (r.happened_lower_bounded) first = std::min(first, r.happened_first);
      last = std::max(last, r.happened_last + 1);
    }
  }
  return fit_to_data(first, last);
}

Scene layout_slippage_chart(const SlippageChartInput& input, const TimeRange& time, const ChartStyle& style,
                            float width, float height, const TextMeasure& measure) {
  Scene scene;
  const RectF body =
      draw_frame(scene, input.text, slippage_legend(input, style), style, width, height, measure);
  if (input.rows.empty()) {
    draw_empty_message(scene, body, input.text, style, measure);
    return scene;
  }
  const float gap = text_gap(style);
  const Rows rows = fit_rows(input, body, style, measure);
  RectF plot{body.x0 + rows.label_w + gap, body.y0 + time_axis_height(style), body.x1 - rows.value_w - gap,
             body.y0 + time_axis_height(style) + rows.pitch * static_cast<float>(rows.shown)};
  plot.x1 = std::max(plot.x1, plot.x0 + 1);
  const TimeScale x{time, plot.x0, plot.x1};
  scene.axes = {plot, x, std::nullopt};
  scene.add(RectPrim{.rect = plot, .fill = style.theme.plot_background});
  const TimeTicks ticks = time_ticks(x, measure, style.font_px, style.lang);
  draw_time_grid(scene, plot, ticks, style);
  draw_time_labels(scene, plot, ticks, AxisSide::Top, style, measure);

  const float band_h = std::min(rows.pitch * kBandFraction, style.font_px * 1.1f);
  for (std::size_t i = 0; i < rows.shown; ++i) {
    const SlippageRow& row = input.rows[i];
    const RowPlace place{static_cast<std::int32_t>(i), plot.y0 + rows.pitch * (static_cast<float>(i) + 0.5f),
                         band_h};
    const HitId row_hit{HitKind::SlippageRow, place.index, -1};
    scene.clear_clip();
    scene.add(make_text(measure, fitted_row_label(row, measure, style.font_px, rows.label_w, style.lang),
                        body.x0, place.centre, HAlign::Left, VAlign::Middle,
                        {style.font_px, FontWeight::Regular, style.theme.text}),
              row_hit);
    scene.add(
        make_text(measure,
                  fit_text(measure, slippage_delay_label(row, style.lang), style.small_px, rows.value_w),
                  plot.x1 + gap, place.centre, HAlign::Left, VAlign::Middle,
                  {style.small_px, FontWeight::Regular, style.theme.text_muted}),
        row_hit);
    scene.set_clip(plot);
    draw_row_data(scene, input, place, x, plot, style);
  }
  scene.set_clip(plot);
  draw_day_line(scene, plot, x, input.as_of, as_of_label(input.as_of, style.lang), style.theme.as_of_line,
                false, style, measure);
  scene.clear_clip();
  scene.add(LinePrim{
      .a = {plot.x0, plot.y0}, .b = {plot.x0, plot.y1}, .colour = style.theme.axis, .width = style.line_px});
  if (rows.shown < input.rows.size())
    scene.add(make_text(measure,
                        fit_text(measure, more_label(input.rows.size() - rows.shown, style.lang),
                                 style.small_px, body.width()),
                        body.x0, plot.y1 + style.small_px * 0.25f, HAlign::Left, VAlign::Top,
                        {style.small_px, FontWeight::Regular, style.theme.text_muted}));
  return scene;
}

float slippage_full_height(const SlippageChartInput& input, const ChartStyle& style, float width,
                           const TextMeasure& measure) {
  Scene probe;
  const float probe_height = 10000;
  const RectF body =
      draw_frame(probe, input.text, slippage_legend(input, style), style, width, probe_height, measure);
  const float needed =
      static_cast<float>(input.rows.size()) * style.font_px * kMinRowEm + time_axis_height(style);
  return std::ceil(probe_height - body.height() + needed + 1);
}

std::vector<std::string> slippage_tooltip(const SlippageChartInput& input, HitId hit, Language lang) {
  std::vector<std::string> lines;
  if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.rows.size()) return lines;
  const SlippageRow& row = input.rows[static_cast<std::size_t>(hit.index)];
  const bool en = lang == Language::English;
  auto with_precision = [&](const Date& d) {
    std::string s = d.to_string();
    if (!d.is_exact_day()) s += " · " + std::string(precision_label(d.precision, lang));
    return s;
  };
  switch (hit.kind) {
    case HitKind::SlippageRow: {
      lines.push_back(row.label + kind_suffix(row, lang));
      std::string state(outcome_label(row.outcome, lang));
      if (row.outcome != SlipOutcome::NotYetDue && row.outcome != SlipOutcome::OnTime)
        state += " · " + slippage_delay_label(row, lang);
      lines.push_back(state);
      if (!row.expectations.empty())
        lines.push_back((en ? "first expected: " : "首次预计：") +
                        row.expectations.front().expected.to_string() + (en ? " (reported " : "（") +
                        row.expectations.front().reported.to_string() + (en ? ")" : " 报道）"));
      if (row.latest_expected)
        lines.push_back((en ? "latest expected: " : "最近预计：") + row.latest_expected->to_string());
      if (happened(row))
        lines.push_back(happened_line(row, lang));
      else
        lines.push_back((en ? "not reported done by " : "截至 ") + day_text(input.as_of) +
                        (en ? "" : " 未见完成报道"));
      lines.insert(lines.end(), row.tooltip.begin(), row.tooltip.end());
      break;
    }
    case HitKind::SlippageExpected: {
      if (hit.part < 0 || static_cast<std::size_t>(hit.part) >= row.expectations.size()) break;
      const SlipExpectation& e = row.expectations[static_cast<std::size_t>(hit.part)];
      lines.push_back(row.label + kind_suffix(row, lang));
      lines.push_back(expectation_line(e, lang));
      if (!e.expected.is_exact_day())
        lines.push_back(with_precision(e.expected) + " · " + std::string(chart_strings(lang).placed_at) +
                        " " + day_text(e.expected.placement_day()));
      if (!e.quote.empty()) lines.push_back("“" + e.quote + "”");
      if (!e.source.empty()) lines.push_back(e.source);
      break;
    }
    case HitKind::SlippageActual: {
      lines.push_back(row.label + kind_suffix(row, lang));
      lines.push_back(happened_line(row, lang));
      if (row.actual && !row.actual->is_exact_day())
        lines.push_back(with_precision(*row.actual) + " · " + std::string(chart_strings(lang).placed_at) +
                        " " + day_text(row.actual->placement_day()));
      if (!row.actual_quote.empty()) lines.push_back("“" + row.actual_quote + "”");
      if (!row.actual_source.empty()) lines.push_back(row.actual_source);
      break;
    }
    default:
      break;
  }
  return lines;
}

std::string slippage_csv(const SlippageChartInput& input, Language lang) {
  std::string out = csv_row({"project", "unit", "milestone", "first_expected", "first_reported",
                             "latest_expected", "actual", "happened_from", "happened_to", "delay_min_months",
                             "delay_max_months", "status", "status_label"});
  for (const SlippageRow& r : input.rows) {
    const bool done = happened(r);
    const bool has_delay = r.outcome != SlipOutcome::NotYetDue;
    out += csv_row({r.project, r.unit, std::string(id_of(r.kind)),
                    r.expectations.empty() ? "" : r.expectations.front().expected.to_string(),
                    r.expectations.empty() ? "" : r.expectations.front().reported.to_string(),
                    r.latest_expected ? r.latest_expected->to_string() : "",
                    r.actual ? r.actual->to_string() : "",
                    done && r.happened_lower_bounded ? day_text(r.happened_first) : "",
                    done ? day_text(r.happened_last) : "", has_delay ? std::to_string(r.delay_min) : "",
                    has_delay ? std::to_string(r.delay_max) : "", std::string(outcome_id(r.outcome)),
                    std::string(outcome_label(r.outcome, lang))});
  }
  return out;
}

}  // namespace indtrack::chart
