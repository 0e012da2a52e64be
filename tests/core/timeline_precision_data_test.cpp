// Precision on the time axis on the bundled dataset (issue 18, item 3): no year-only, month-only or
// "in this state by" start is drawn as a day. 东源's first line "2014年…一期投产" is a year-only
// later retrospective, bounded below by a report of 2014-03-20 that it was still being built.
#include <catch2/catch_test_macros.hpp>

#include "chart/chart_style.h"
#include "chart/palette.h"
#include "chart/timeline_chart.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "dataset_fixtures.h"
#include "query/dataset_index.h"
#include "query/filter.h"
#include "test_support.h"

using namespace indtrack;
using test::wuhai;

namespace {

struct Timeline {
  chart::TimelineChartInput input;
  std::int32_t row = -1;  // the row of the asked-for ref
};

Timeline per_line_timeline(const char* date, std::int64_t ref) {
  const Dataset& d = wuhai();
  const DatasetIndex index(d);
  FilterSpec spec;
  spec.as_of = parse_date(date).date;
  ChartOptions options;
  options.timeline_per_unit = true;
  Timeline t{timeline_chart_input(index, filter_projects(index, spec), spec, options)};
  for (std::size_t r = 0; r < t.input.rows.size(); ++r)
    if (t.input.rows[r].ref == ref) t.row = static_cast<std::int32_t>(r);
  return t;
}

}  // namespace

TEST_CASE("东源's first line is not drawn operating from a day in 2014", "[wuhai][timeline][precision]") {
  const int p = wuhai().find_project("dongjing-bdo");
  REQUIRE(p >= 0);
  const Timeline t = per_line_timeline("2026-12-02", unit_ref(p, 0));
  REQUIRE(t.row >= 0);
  const chart::ApproxTextMeasure measure;
  const chart::ChartStyle style;
  const chart::TimelineIndex idx = chart::index_timeline(t.input, style, measure);
  const chart::TimeRange visible{double(days_from_civil(2011, 1, 1)), double(days_from_civil(2027, 1, 1))};
  // Tall enough for every row.
  const chart::Scene scene =
      chart::layout_timeline_chart(t.input, idx, {visible, 0}, style, 1600, 4000, measure);
  const chart::TimeScale& x = *scene.axes.time;
  // Stated operation (solid, not striped) begins only when 2014 is over; before, the stretch the
  // year allows is faded.
  int solid = 0;
  for (const chart::Primitive& prim : scene.items) {
    if (prim.hit.kind != chart::HitKind::TimelineSegment || prim.hit.index != t.row) continue;
    const auto* r = std::get_if<chart::RectPrim>(&prim.shape);
    if (!r || r->fill != chart::status_colour(Status::Operating, chart::light_theme()) ||
        r->hatch != chart::Hatch::None)
      continue;
    ++solid;
    CHECK(r->rect.x0 >= x.map(days_from_civil(2015, 1, 1)));
  }
  CHECK(solid == 1);
}

TEST_CASE("imprecise starts on the bundled data keep the date as written and its interval",
          "[wuhai][timeline][precision]") {
  const int p = wuhai().find_project("dongjing-bdo");
  const Timeline t = per_line_timeline("2026-12-02", unit_ref(p, 0));
  REQUIRE(t.row >= 0);
  const auto& segments = t.input.rows[static_cast<std::size_t>(t.row)].segments;
  REQUIRE(segments.size() == 4);
  // 在建 from "2012" (year only, nothing earlier bounds it).
  CHECK(segments[0].start_date == Date::of_year(2012));
  CHECK(segments[0].not_before == days_from_civil(2012, 1, 1));
  CHECK(chart::certain_from(segments[0]) == days_from_civil(2013, 1, 1));
  // 投产 inferred from a report of 2014-04-11: by then, not before the stated 在建 of 2014-03-20.
  CHECK(segments[2].start_by);
  CHECK(segments[2].start_date == Date::of_day(2014, 4, 11));
  CHECK(segments[2].not_before == days_from_civil(2014, 3, 20));
  // 投产 stated from "2014": the year, from 2014-03-20, certain from 2015.
  CHECK(segments[3].phase == Status::Operating);
  CHECK_FALSE(segments[3].inferred);
  CHECK(segments[3].start_date == Date::of_year(2014));
  CHECK(segments[3].not_before == days_from_civil(2014, 3, 20));
  CHECK(chart::certain_from(segments[3]) == days_from_civil(2015, 1, 1));

  // Everywhere: an imprecise start's interval contains the engine's day, and "by" starts are
  // certain from the report's day; nothing bounds a start beyond the date it has.
  for (const char* date : {"2014-12-31", "2022-12-31", "2024-06-30", "2026-12-02"}) {
    const Timeline all = per_line_timeline(date, -1);
    for (const auto& row : all.input.rows)
      for (const auto& s : row.segments) {
        if (!s.start_date) continue;
        INFO(date << " " << row.label << " " << s.start_date->to_string());
        CHECK((s.start_date->precision != DatePrecision::Day || s.start_by));
        CHECK(s.start <= chart::certain_from(s));
        if (s.not_before) CHECK(*s.not_before <= chart::certain_from(s));
        if (!s.start_by) CHECK(s.not_before >= s.start_date->first_day());
      }
  }
}

TEST_CASE("a stage reported 'by' a date began after the fact that put the row in the stage before",
          "[wuhai][timeline][precision]") {
  // 国轩: 在建 from "2022-02", in trial by a report of November 2023 (inferred), operating by
  // 2025-10-21: operation began after November 2023 began, not any time after the earlier bound.
  const int p = wuhai().find_project("guoxuan-anode");
  REQUIRE(p >= 0);
  const Dataset& d = wuhai();
  const DatasetIndex index(d);
  FilterSpec spec;
  spec.as_of = Date::of_day(2026, 12, 2);
  const auto in = timeline_chart_input(index, {p}, spec, ChartOptions{});
  REQUIRE(in.rows.size() == 1);
  const auto& segments = in.rows[0].segments;
  REQUIRE(segments.size() >= 3);
  CHECK(segments[1].phase == Status::Trial);
  CHECK(segments[1].start_by);
  CHECK(segments[1].start_date == Date::of_month(2023, 11));
  CHECK(segments[2].phase == Status::Operating);
  CHECK(segments[2].start_by);
  CHECK(segments[2].start_date == Date::of_day(2025, 10, 21));
  CHECK(segments[2].not_before == days_from_civil(2023, 11, 1));
}
