#include "chart/ticks.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"

namespace indtrack::chart {

namespace {

// A 1-2-5 step as mantissa × 10^exponent, so tick values are computed as (i·m)·10^e or
// (i·m)/10^-e: 3 × 0.1 would give 0.30000000000000004, 3 / 10 gives 0.3.
struct NiceStep {
  int mantissa = 1;  // 1, 2 or 5
  int exponent = 0;
  double value() const { return scaled(mantissa); }
  double scaled(double n) const {
    return exponent >= 0 ? n * std::pow(10.0, exponent) : n / std::pow(10.0, -exponent);
  }
};

NiceStep nice_step_parts(double range, int target_count) {
  if (!(range > 0) || !std::isfinite(range) || target_count < 1) return {};
  const double raw = range / target_count;
  int e = static_cast<int>(std::floor(std::log10(raw)));
  for (int guard = 0; guard < 2; ++guard) {
    for (int m : {1, 2, 5}) {
      const NiceStep s{m, e};
      if (s.value() >= raw * (1 - 1e-9)) return s;
    }
    ++e;  // raw was just under 10^(e+1)
  }
  return {1, e};
}

}  // namespace

double nice_step(double range, int target_count) { return nice_step_parts(range, target_count).value(); }

ValueTicks value_ticks(double lo, double hi, int target_count) {
  ValueTicks out;
  if (!(hi > lo)) return out;
  const NiceStep s = nice_step_parts(hi - lo, target_count);
  out.step = s.value();
  const double first = std::ceil(lo / out.step - 1e-9);
  const double last = std::floor(hi / out.step + 1e-9);
  for (double i = first; i <= last; ++i) {
    const double v = s.scaled(i * s.mantissa);
    out.values.push_back(v == 0 ? 0.0 : v);  // no -0
  }
  return out;
}

ValueTicks count_ticks(double hi, int target_count) {
  ValueTicks out = value_ticks(0, hi, target_count);
  if (out.step >= 1) return out;
  out.step = 1;
  out.values.clear();
  for (double v = 0; v <= std::max(1.0, std::ceil(hi - 1e-9)); ++v) out.values.push_back(v);
  return out;
}

int tick_count_for(float length_px, float spacing_px) {
  if (spacing_px <= 0) return 5;
  return std::clamp(static_cast<int>(length_px / spacing_px), 2, 10);
}

namespace {

struct Magnitude {
  double divisor = 1;
  std::string_view suffix;
};

Magnitude magnitude_for(double max_abs, NumberStyle style) {
  if (style == NumberStyle::ChineseMagnitude) {
    if (max_abs >= 1e8) return {1e8, "亿"};
    if (max_abs >= 1e4) return {1e4, "万"};
  }
  return {};
}

int decimals_for_step(double step) {
  if (!(step > 0)) return 0;
  return std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
}

}  // namespace

std::vector<std::string> format_ticks(const ValueTicks& ticks, NumberStyle style) {
  double max_abs = 0;
  for (double v : ticks.values) max_abs = std::max(max_abs, std::abs(v));
  const Magnitude mag = magnitude_for(max_abs, style);
  const int decimals = decimals_for_step(ticks.step / mag.divisor);
  std::vector<std::string> out;
  out.reserve(ticks.values.size());
  for (double v : ticks.values) {
    if (v == 0) {
      out.emplace_back("0");
      continue;
    }
    std::string s = format_number(v / mag.divisor, decimals);
    s += mag.suffix;
    out.push_back(std::move(s));
  }
  return out;
}

std::string format_value(double value, NumberStyle style, int max_decimals) {
  const Magnitude mag = magnitude_for(std::abs(value), style);
  std::string s = format_number(value / mag.divisor, max_decimals);
  if (s != "0") s += mag.suffix;
  return s;
}

std::vector<bool> keep_non_colliding(const std::vector<LabelSpan>& spans, float gap_px, float lo, float hi) {
  std::vector<bool> keep(spans.size(), false);
  bool any = false;
  float last_end = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const LabelSpan& s = spans[i];
    if (s.begin < lo || s.end > hi) continue;
    if (any && s.begin < last_end + gap_px) continue;
    keep[i] = true;
    any = true;
    last_end = s.end;
  }
  return keep;
}

// ---- time ticks ----

std::string time_label(DayNumber day, TimeStep step, Language lang) {
  int y = 0, m = 0, d = 0;
  civil_from_days(day, y, m, d);
  switch (step.unit) {
    case TimeUnit::Day:
      return day_label(d, lang);
    case TimeUnit::Month:
      if (step.count == 3) return quarter_label((m - 1) / 3 + 1, lang);
      return month_label(m, lang);
    case TimeUnit::Year:
      break;
  }
  return year_label(y, lang);
}

std::string major_time_label(DayNumber day, TimeStep step, Language lang) {
  int y = 0, m = 0, d = 0;
  civil_from_days(day, y, m, d);
  if (step.unit == TimeUnit::Day) return year_month_label(y, m, lang);
  return year_label(y, lang);
}

TimeStep finest_step_for_span(double span_days) {
  constexpr double kYear = 365.25;
  if (span_days > 3 * kYear) return {TimeUnit::Year, 1};
  if (span_days > 13 * 30.4) return {TimeUnit::Month, 3};
  if (span_days > 62) return {TimeUnit::Month, 1};
  return {TimeUnit::Day, 1};
}

namespace {

// The steps in order, finest first. No half-years: between quarters and years the axis goes
// straight to years, so two charts of one range never label it 上半年/下半年 and Q1…Q4 apart.
constexpr TimeStep kSteps[] = {
    {TimeUnit::Day, 1},    {TimeUnit::Day, 2},    {TimeUnit::Day, 5},    {TimeUnit::Day, 10},
    {TimeUnit::Month, 1},  {TimeUnit::Month, 3},  {TimeUnit::Year, 1},   {TimeUnit::Year, 2},
    {TimeUnit::Year, 5},   {TimeUnit::Year, 10},  {TimeUnit::Year, 20},  {TimeUnit::Year, 50},
    {TimeUnit::Year, 100}, {TimeUnit::Year, 200}, {TimeUnit::Year, 500}, {TimeUnit::Year, 1000},
};

// The usual distance between two ticks of a step, in days.
double typical_interval_days(TimeStep s) {
  switch (s.unit) {
    case TimeUnit::Day:
      return s.count;
    case TimeUnit::Month:
      return s.count == 1 ? 28 : 30.4 * s.count;
    case TimeUnit::Year:
      break;
  }
  return 365.0 * s.count;
}

// The widest label a step can produce (so the choice does not depend on which ticks are visible).
float widest_label(TimeStep s, const TextMeasure& measure, float font_px, Language lang) {
  float w = 0;
  auto take = [&](const std::string& label) { w = std::max(w, measure.width(label, font_px)); };
  switch (s.unit) {
    case TimeUnit::Day:
      take(day_label(28, lang));
      break;
    case TimeUnit::Month:
      if (s.count == 3)
        take(quarter_label(4, lang));
      else
        for (int m = 1; m <= 12; ++m) take(month_label(m, lang));
      break;
    case TimeUnit::Year:
      take(year_label(2000, lang));
      break;
  }
  return w;
}

// Period starts of `step` inside [first, last], ascending.
std::vector<DayNumber> period_starts(double first, double last, TimeStep step) {
  std::vector<DayNumber> out;
  const DayNumber lo = static_cast<DayNumber>(std::ceil(first));
  const DayNumber hi = static_cast<DayNumber>(std::floor(last));
  if (hi < lo) return out;
  int y = 0, m = 0, d = 0;
  civil_from_days(lo, y, m, d);
  constexpr std::size_t kMaxTicks = 20000;  // guards against absurd ranges
  switch (step.unit) {
    case TimeUnit::Year: {
      int year = y - ((y % step.count) + step.count) % step.count;
      for (DayNumber t = days_from_civil(year, 1, 1); t <= hi && out.size() < kMaxTicks;
           year += step.count, t = days_from_civil(year, 1, 1))
        if (t >= lo) out.push_back(t);
      break;
    }
    case TimeUnit::Month: {
      int month = ((m - 1) / step.count) * step.count + 1;
      int year = y;
      for (DayNumber t = days_from_civil(year, month, 1); t <= hi && out.size() < kMaxTicks;) {
        if (t >= lo) out.push_back(t);
        month += step.count;
        if (month > 12) {
          month -= 12;
          ++year;
        }
        t = days_from_civil(year, month, 1);
      }
      break;
    }
    case TimeUnit::Day: {
      int year = y, month = m;
      for (DayNumber month_start = days_from_civil(year, month, 1);
           month_start <= hi && out.size() < kMaxTicks;) {
        const int len = days_in_month(year, month);
        for (int day = 1; day <= len; day += step.count) {
          const DayNumber t = month_start + day - 1;
          if (t > hi) break;
          if (t >= lo) out.push_back(t);
        }
        if (++month > 12) {
          month = 1;
          ++year;
        }
        month_start = days_from_civil(year, month, 1);
      }
      break;
    }
  }
  return out;
}

// Drops labels of `ticks` that collide or leave [lo, hi].
void drop_colliding_labels(std::vector<TimeTick>& ticks, const TextMeasure& measure, float font_px, float lo,
                           float hi) {
  std::vector<LabelSpan> spans;
  spans.reserve(ticks.size());
  for (const TimeTick& t : ticks) {
    const float begin = t.line ? t.x + kTimeLabelOffsetPx : t.x;
    spans.push_back({begin, begin + measure.width(t.label, font_px)});
  }
  // A left-edge label gives way to the first real boundary label it would collide with.
  if (ticks.size() >= 2 && !ticks[0].line && spans[1].begin < spans[0].end + kLabelGapPx)
    spans[0] = {hi + 1, hi + 1};
  const std::vector<bool> keep = keep_non_colliding(spans, kLabelGapPx, lo, hi);
  for (std::size_t i = 0; i < ticks.size(); ++i)
    if (!keep[i]) ticks[i].label.clear();
}

}  // namespace

TimeTicks time_ticks(const TimeScale& scale, const TextMeasure& measure, float font_px, Language lang) {
  TimeTicks out;
  const TimeRange r = scale.range;
  if (!(r.span() > 0) || !(scale.x1 > scale.x0)) return out;
  const float px_per_day = scale.px_per_day();

  // One rule for every time axis (docs/charts.md, "Ticks"): the span sets the finest unit, the
  // width may only make the step coarser.
  out.step = kSteps[std::size(kSteps) - 1];
  const TimeStep finest = finest_step_for_span(r.span());
  const TimeStep* first =
      std::find_if(std::begin(kSteps), std::end(kSteps), [&](TimeStep s) { return s == finest; });
  for (const TimeStep* it = first; it != std::end(kSteps); ++it) {
    const TimeStep s = *it;
    const float needed = widest_label(s, measure, font_px, lang) + kTimeLabelOffsetPx + kLabelGapPx;
    if (typical_interval_days(s) * px_per_day >= needed) {
      out.step = s;
      break;
    }
  }

  for (DayNumber day : period_starts(r.first, r.last, out.step))
    out.minor.push_back({day, scale.map(day), time_label(day, out.step, lang), true});
  drop_colliding_labels(out.minor, measure, font_px, scale.x0, scale.x1);

  if (out.step.unit != TimeUnit::Year) {
    const TimeStep major_step =
        out.step.unit == TimeUnit::Day ? TimeStep{TimeUnit::Month, 1} : TimeStep{TimeUnit::Year, 1};
    const DayNumber first_visible = static_cast<DayNumber>(std::floor(r.first));
    const std::vector<DayNumber> starts = period_starts(r.first, r.last, major_step);
    // The period already running at the left edge gets a label there (no line).
    if (starts.empty() || starts.front() > r.first)
      out.major.push_back({first_visible, scale.x0, major_time_label(first_visible, out.step, lang), false});
    for (DayNumber day : starts)
      out.major.push_back({day, scale.map(day), major_time_label(day, out.step, lang), true});
    drop_colliding_labels(out.major, measure, font_px, scale.x0, scale.x1);
  }
  return out;
}

}  // namespace indtrack::chart
