#include "chart/scale.h"

#include <cmath>

#include "chart/ticks.h"

namespace indtrack::chart {

float LinearScale::map(double value) const {
  if (d1 == d0) return (r0 + r1) / 2;
  return static_cast<float>(r0 + (value - d0) / (d1 - d0) * (r1 - r0));
}

double LinearScale::invert(float pixel) const {
  if (r1 == r0) return d0;
  return d0 + (static_cast<double>(pixel) - r0) / (static_cast<double>(r1) - r0) * (d1 - d0);
}

std::pair<double, double> nice_domain(double lo, double hi, int target_ticks) {
  if (!(hi > lo)) {
    if (lo == 0) return {0, 1};
    const double pad = std::abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double step = nice_step(hi - lo, target_ticks);
  // The small epsilon keeps 0.30000000000000004 from widening to the next step.
  const double eps = step * 1e-9;
  return {std::floor((lo + eps) / step) * step, std::ceil((hi - eps) / step) * step};
}

float TimeScale::map(double day) const {
  if (range.last == range.first) return (x0 + x1) / 2;
  return static_cast<float>(x0 + (day - range.first) / range.span() * (x1 - x0));
}

double TimeScale::invert(float pixel) const {
  if (x1 == x0) return range.first;
  return range.first + (static_cast<double>(pixel) - x0) / (static_cast<double>(x1) - x0) * range.span();
}

float TimeScale::px_per_day() const {
  if (range.span() <= 0) return 0;
  return static_cast<float>((x1 - x0) / range.span());
}

}  // namespace indtrack::chart
