// Pure mappings between data and pixels (the PlotToPixels / PixelsToPlot idea): a linear value
// scale and a time scale over fractional day numbers. No drawing, no text.
#pragma once

#include <utility>

#include "core/date.h"

namespace indtrack::chart {

// Maps the data interval [d0, d1] onto the pixel interval [r0, r1]. r1 < r0 is allowed (a y axis
// growing upwards). A degenerate domain (d0 == d1) maps everything to the middle of the range.
struct LinearScale {
  double d0 = 0;
  double d1 = 1;
  float r0 = 0;
  float r1 = 1;

  float map(double value) const;
  double invert(float pixel) const;
};

// A domain widened to multiples of a 1-2-5×10^k step so that about `target_ticks` ticks cover it.
// nice_domain(0, 93, 5) == {0, 100}; nice_domain(3, 7, 5) == {3, 7}.
std::pair<double, double> nice_domain(double lo, double hi, int target_ticks);

// A visible time range in days since 1970-01-01. Fractional so zooming is smooth; day d covers
// [d, d + 1).
struct TimeRange {
  double first = 0;
  double last = 0;
  double span() const { return last - first; }
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// Maps a TimeRange onto the pixel interval [x0, x1].
struct TimeScale {
  TimeRange range;
  float x0 = 0;
  float x1 = 1;

  float map(double day) const;
  double invert(float pixel) const;
  float px_per_day() const;
};

}  // namespace indtrack::chart
