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
