// Scales (data <-> pixels) and the pure view functions: wheel zoom, pan, fit, box zoom, scroll.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include "chart/scale.h"
#include "chart/view.h"

using namespace indtrack;
using namespace indtrack::chart;

TEST_CASE("a linear scale maps and inverts, also flipped for a y axis", "[chart][scale]") {
  const LinearScale y{0, 300, 500, 100};
  CHECK(y.map(0) == 500);
  CHECK(y.map(300) == 100);
  CHECK(y.map(150) == 300);
  CHECK(y.invert(300) == 150);
  for (double v : {0.0, 12.5, 31.2, 100.0, 249.2}) CHECK(std::abs(y.invert(y.map(v)) - v) < 1e-4);
  const LinearScale degenerate{5, 5, 0, 100};
  CHECK(degenerate.map(5) == 50);
}

TEST_CASE("a time scale maps days to pixels", "[chart][scale]") {
  const DayNumber d0 = days_from_civil(2023, 1, 1);
  const TimeScale x{{double(d0), double(d0 + 100)}, 100, 600};
  CHECK(x.px_per_day() == 5);
  CHECK(x.map(d0 + 50) == 350);
  CHECK(x.invert(350) == d0 + 50);
  CHECK(x.invert(x.map(d0 + 37.5)) == d0 + 37.5);
}

TEST_CASE("wheel zoom keeps the day under the cursor in place", "[chart][view]") {
  const TimeScale x{{0, 100}, 0, 1000};
  const TimeRange in = wheel_zoom(x, 250, 1);
  CHECK(in == TimeRange{5, 85});
  CHECK(TimeScale{in, 0, 1000}.map(25) == 250);
  CHECK(wheel_zoom(x, 250, -1) == TimeRange{-6.25, 118.75});
  // Zooming in stops at one week, still about the cursor.
  const TimeScale week{{0, 8}, 0, 800};
  const TimeRange limit = wheel_zoom(week, 400, 5);
  CHECK_THAT(limit.first, Catch::Matchers::WithinAbs(0.5, 1e-9));
  CHECK_THAT(limit.last, Catch::Matchers::WithinAbs(7.5, 1e-9));
}

TEST_CASE("dragging moves the content with the mouse", "[chart][view]") {
  const TimeScale x{{0, 100}, 0, 1000};
  CHECK(drag_pan(x, 100) == TimeRange{-10, 90});
  CHECK(drag_pan(x, -250) == TimeRange{25, 125});
}

TEST_CASE("fit to data adds a margin and never collapses", "[chart][view]") {
  const DayNumber d0 = days_from_civil(2021, 1, 1);
  CHECK(fit_to_data(d0, d0 + 99) == TimeRange{double(d0) - 4, double(d0) + 104});
  CHECK(fit_to_data(5, 5) == TimeRange{2, 9});
  CHECK(fit_to_data(d0 + 99, d0) == fit_to_data(d0, d0 + 99));
}

TEST_CASE("box zoom shows the days between the two edges", "[chart][view]") {
  const TimeScale x{{0, 100}, 0, 1000};
  CHECK(box_zoom(x, 700, 200) == TimeRange{20, 70});
  CHECK(box_zoom(x, 500, 510) == TimeRange{47, 54});  // widened to one week
}

TEST_CASE("timeline scrolling stays within the content", "[chart][view]") {
  CHECK(scroll_rows(0, 50, 1000, 300) == 50);
  CHECK(scroll_rows(680, 50, 1000, 300) == 700);
  CHECK(scroll_rows(10, -50, 1000, 300) == 0);
  CHECK(scroll_rows(0, 50, 200, 300) == 0);
}
