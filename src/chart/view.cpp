#include "chart/view.h"

#include <algorithm>
#include <cmath>

namespace indtrack::chart {

namespace {

// Shrinks or grows `r` about `anchor` (a day) so that its span lies within the limits.
TimeRange clamp_span(TimeRange r, double anchor) {
  const double span = r.span();
  const double wanted = std::clamp(span, kMinSpanDays, kMaxSpanDays);
  if (span == wanted) return r;
  const double t = span > 0 ? (anchor - r.first) / span : 0.5;
  return {anchor - t * wanted, anchor + (1 - t) * wanted};
}

}  // namespace

TimeRange wheel_zoom(const TimeScale& scale, float cursor_x, float wheel) {
  const double anchor = scale.invert(cursor_x);
  const double factor = std::pow(0.8, static_cast<double>(wheel));
  const TimeRange& range = scale.range;
  TimeRange r{anchor - (anchor - range.first) * factor, anchor + (range.last - anchor) * factor};
  return clamp_span(r, anchor);
}

TimeRange drag_pan(const TimeScale& scale, float dx_px) {
  const double px_per_day = scale.px_per_day();
  if (px_per_day <= 0) return scale.range;
  const double shift = -static_cast<double>(dx_px) / px_per_day;
  return {scale.range.first + shift, scale.range.last + shift};
}

TimeRange fit_to_data(DayNumber first, DayNumber last, double margin) {
  if (last < first) std::swap(first, last);
  TimeRange r{static_cast<double>(first), static_cast<double>(last) + 1};  // day `last` included
  const double pad = r.span() * margin;
  r.first -= pad;
  r.last += pad;
  return clamp_span(r, (r.first + r.last) / 2);
}

TimeRange fit_to_activity(std::vector<TimedChange> changes, DayNumber first, DayNumber last, double share) {
  double total = 0;
  for (const TimedChange& c : changes) total += std::max(0.0, c.weight);
  if (!(total > 0)) return fit_to_data(first, last);
  std::sort(changes.begin(), changes.end(),
            [](const TimedChange& a, const TimedChange& b) { return a.day < b.day; });
  // The first change from which `share` of the weight still lies ahead.
  const double folded_at_most = (1 - share) * total * (1 + 1e-9);
  double before = 0;
  DayNumber start = changes.back().day;
  for (const TimedChange& c : changes) {
    const double w = std::max(0.0, c.weight);
    if (before + w > folded_at_most) {
      start = c.day;
      break;
    }
    before += w;
  }
  start = std::max(start, first);
  const double end = static_cast<double>(std::max({last, start, changes.back().day})) + 1;
  // A quiet stretch over half of what is left, after no more than a quarter of the weight: the
  // view starts after it (BDO as of mid-2023: one line in 2014, 14 % of the growth, then nothing
  // until late 2022).
  before = 0;
  for (std::size_t i = 0; i + 1 < changes.size(); ++i) {
    before += std::max(0.0, changes[i].weight);
    const DayNumber a = changes[i].day, b = changes[i + 1].day;
    if (a < start || changes[i + 1].weight <= 0) continue;
    if (b - a > 0.5 * (end - start) && before <= 0.25 * total * (1 + 1e-9)) start = b;
  }
  const double span = end - start;
  constexpr double kMonth = 30.44;
  const double pad = std::max(span * 0.04, kMonth);
  double from = start - pad;
  // A quarter's or month's first day when that keeps the lead under 12 % (short spans keep the pad).
  if (span > 4 * kMonth) {
    int y = 0, m = 0, d = 0;
    civil_from_days(static_cast<DayNumber>(std::floor(from)), y, m, d);
    if (span > 2 * 365.25) m = (m - 1) / 3 * 3 + 1;
    const double snapped = days_from_civil(y, m, 1);
    if (start - snapped <= 0.12 * (end + pad - snapped)) from = snapped;
  }
  const TimeRange r{from, end + pad};
  return clamp_span(r, (r.first + r.last) / 2);
}

TimeRange box_zoom(const TimeScale& scale, float x_a, float x_b) {
  const double a = scale.invert(std::min(x_a, x_b));
  const double b = scale.invert(std::max(x_a, x_b));
  return clamp_span({a, b}, (a + b) / 2);
}

float scroll_rows(float scroll_y, float dy_px, float content_height_px, float viewport_height_px) {
  const float max_scroll = std::max(0.0f, content_height_px - viewport_height_px);
  return std::clamp(scroll_y + dy_px, 0.0f, max_scroll);
}

}  // namespace indtrack::chart
