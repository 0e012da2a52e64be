// Capacity growth chart: step-function stacking, actual vs expected, the as-of cut, placement of
// imprecise dates, the drawn geometry, reference marks, tooltips and the empty state.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "chart/capacity_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

// Series A: 2020-01-01 +10, year 2021 +5, expected 2023-06 +20.
// Series B: 2020-07-01 +3, 2022-03-15 +4, 2025-01-01 +1 (after the as-of day), expected 2022-01 +7
// (already overdue at the as-of day 2023-01-01).
CapacityChartInput two_series() {
  CapacityChartInput in;
  in.text.value_unit = "万吨/年";
  CapacitySeries a{"a", "A", "", true, {}};
  a.steps = {step(Date::of_day(2020, 1, 1), 10, false, 100, "A-1"),
             step(Date::of_year(2021), 5, false, 101, "A-2"),
             step(Date::of_month(2023, 6), 20, true, 102, "A-3")};
  CapacitySeries b{"b", "B", "", true, {}};
  b.steps = {step(Date::of_day(2020, 7, 1), 3, false, 200, "B-1"),
             step(Date::of_day(2022, 3, 15), 4, false, 201, "B-2"),
             step(Date::of_day(2025, 1, 1), 1, false, 202, "B-3"),
             step(Date::of_month(2022, 1), 7, true, 203, "B-4")};
  in.series = {a, b};
  in.as_of = day_of(2023, 1, 1);
  return in;
}

std::vector<const Primitive*> with_hit(const Scene& scene, HitKind kind) {
  std::vector<const Primitive*> out;
  for (const Primitive& p : scene.items)
    if (p.hit.kind == kind) out.push_back(&p);
  return out;
}

}  // namespace

TEST_CASE("steps stack as step functions: actual bands first, expected bands above", "[chart][capacity]") {
  const CapacityStack st = stack_capacity(two_series());
  CHECK(st.days == std::vector<DayNumber>{day_of(2020, 1, 1), day_of(2020, 7, 1), day_of(2021, 7, 2),
                                          day_of(2022, 3, 15), day_of(2023, 1, 1), day_of(2023, 6, 16)});
  REQUIRE(st.bands.size() == 4);
  CHECK((st.bands[0].series == 0 && !st.bands[0].expected));
  CHECK((st.bands[1].series == 1 && !st.bands[1].expected));
  CHECK((st.bands[2].series == 0 && st.bands[2].expected));
  CHECK((st.bands[3].series == 1 && st.bands[3].expected));
  CHECK(st.bands[0].top == std::vector<double>{10, 10, 15, 15, 15, 15});
  CHECK(st.bands[1].top == std::vector<double>{10, 13, 18, 22, 22, 22});
  CHECK(st.bands[2].top == std::vector<double>{10, 13, 18, 22, 22, 42});
  CHECK(st.bands[3].top == std::vector<double>{10, 13, 18, 22, 29, 49});
  CHECK(st.bands[0].step == std::vector<std::int32_t>{0, 0, 1, 1, 1, 1});
  CHECK(st.bands[3].step == std::vector<std::int32_t>{-1, -1, -1, -1, 3, 3});
  CHECK(st.max_total == 49);
  CHECK(st.level(1, 3) == 7);  // B's own actual level after 2022-03-15
}

TEST_CASE("totals at a date: actual only or with expected", "[chart][capacity]") {
  const CapacityStack st = stack_capacity(two_series());
  CHECK(st.total_at(day_of(2019, 12, 31), true) == 0);
  CHECK(st.total_at(day_of(2021, 7, 1), false) == 13);  // year 2021 counts from its middle, 2 July
  CHECK(st.total_at(day_of(2021, 7, 2), false) == 18);
  CHECK(st.total_at(day_of(2023, 1, 1), false) == 22);
  CHECK(st.total_at(day_of(2023, 1, 1), true) == 29);
  CHECK(st.total_at(day_of(2030, 1, 1), true) == 49);
}

TEST_CASE("the as-of cut: later actual steps are unknown, overdue expectations wait at the as-of day",
          "[chart][capacity]") {
  const CapacityChartInput in = two_series();
  const CapacityStack st = stack_capacity(in);
  CHECK(st.steps.size() == 6);
  CHECK(std::none_of(st.steps.begin(), st.steps.end(),
                     [](const PlacedStep& p) { return p.series == 1 && p.step == 2; }));
  const auto overdue =
      std::find_if(st.steps.begin(), st.steps.end(), [](const PlacedStep& p) { return p.overdue; });
  REQUIRE(overdue != st.steps.end());
  CHECK(overdue->series == 1);
  CHECK(overdue->step == 3);
  CHECK(overdue->day == day_of(2023, 1, 1));

  // An earlier as-of day: the year-2021 step (placed 2021-07-02) is not known on 2021-01-01 even
  // though the year has begun, and the 2022-01 expectation is no longer overdue.
  CapacityChartInput early = in;
  early.as_of = day_of(2021, 1, 1);
  const CapacityStack e = stack_capacity(early);
  CHECK(e.total_at(day_of(2021, 12, 31), false) == 13);
  CHECK(std::none_of(e.steps.begin(), e.steps.end(), [](const PlacedStep& p) { return p.overdue; }));
  CHECK(e.total_at(day_of(2022, 1, 16), true) == 20);  // 13 actual + 7 expected in its own month
}

TEST_CASE("expected steps are optional and hidden series leave the stack", "[chart][capacity]") {
  CapacityChartInput in = two_series();
  in.include_expected = false;
  const CapacityStack actual = stack_capacity(in);
  CHECK(actual.bands.size() == 2);
  CHECK(actual.days.size() == 4);
  CHECK(actual.max_total == 22);

  in.include_expected = true;
  in.series[1].visible = false;
  const CapacityStack only_a = stack_capacity(in);
  REQUIRE(only_a.bands.size() == 2);
  CHECK(only_a.bands[1].top == std::vector<double>{10, 15, 35});
  CHECK(only_a.max_total == 35);
}

TEST_CASE("the data extent covers whiskers, marks and the as-of day", "[chart][capacity]") {
  CapacityChartInput in = two_series();
  CapacityStack st = stack_capacity(in);
  CHECK(st.first_day == day_of(2020, 1, 1));
  CHECK(st.last_day == day_of(2023, 6, 30));  // the expected 2023-06 step's month
  ReferenceMark target;
  target.period = Date::of_year(2025);
  target.value = 60;
  in.marks = {target};
  st = stack_capacity(in);
  CHECK(st.last_day == day_of(2025, 12, 31));
}

TEST_CASE("a line reported in operation by a date is counted from it, its whisker reaching back",
          "[chart][capacity]") {
  // Start not reported: in operation by 2024-10-22, not before 2023-01-26 (under construction then).
  CapacityChartInput in;
  in.text.value_unit = "万吨/年";
  CapacitySeries a{"a", "A", "", true, {}};
  CapacityStep bounded = step(Date::of_day(2024, 10, 22), 10, false, 1, "A-1");
  bounded.by = true;
  bounded.not_before = day_of(2023, 1, 26);
  // No statement that it had not started: the whisker is open to the left.
  CapacityStep open = step(Date::of_day(2024, 1, 10), 5, false, 2, "A-2");
  open.by = true;
  a.steps = {bounded, open};
  in.series = {a};
  in.as_of = day_of(2025, 1, 1);
  const CapacityStack st = stack_capacity(in);
  CHECK(st.total_at(day_of(2024, 10, 21), false) == 5);  // not counted before the report date
  CHECK(st.total_at(day_of(2024, 10, 22), false) == 15);
  CHECK(st.first_day == day_of(2023, 1, 26));  // the whisker's reach is part of the data extent

  const ApproxTextMeasure measure;
  const TimeRange visible{double(day_of(2022, 1, 1)), double(day_of(2025, 1, 1))};
  const Scene scene = layout_capacity_chart(in, st, visible, ChartStyle{}, 1000, 600, measure);
  const TimeScale& x = *scene.axes.time;
  std::vector<const LinePrim*> bounded_lines, open_lines;
  for (const Primitive& p : scene.items)
    if (p.hit.kind == HitKind::CapacityStep)
      if (const auto* l = std::get_if<LinePrim>(&p.shape))
        (p.hit.part == 0 ? bounded_lines : open_lines).push_back(l);
  // Bounded: a solid whisker from 2023-01-26 to the end of 2024-10-22, a cap at each end.
  REQUIRE(bounded_lines.size() == 3);
  CHECK(bounded_lines[0]->a.x == x.map(day_of(2023, 1, 26)));
  CHECK(bounded_lines[0]->b.x == x.map(day_of(2024, 10, 23)));
  CHECK(bounded_lines[0]->dash.on == 0);
  // Open: dashed from the plot's left edge, one cap at the report date.
  REQUIRE(open_lines.size() == 2);
  CHECK(open_lines[0]->a.x == scene.axes.plot.x0);
  CHECK(open_lines[0]->b.x == x.map(day_of(2024, 1, 11)));
  CHECK(open_lines[0]->dash.on > 0);
}

TEST_CASE("bands are drawn as rects whose edges are the step days and tops", "[chart][capacity]") {
  const CapacityChartInput in = two_series();
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const TimeRange visible{double(day_of(2020, 1, 1)), double(day_of(2024, 1, 1))};
  const Scene scene = layout_capacity_chart(in, st, visible, ChartStyle{}, 1000, 600, measure);
  REQUIRE(scene.axes.time);
  REQUIRE(scene.axes.value);
  const TimeScale& x = *scene.axes.time;
  const LinearScale& y = *scene.axes.value;
  CHECK(y.map(0) == scene.axes.plot.y1);
  CHECK(x.map(visible.first) == scene.axes.plot.x0);
  CHECK(x.map(visible.last) == scene.axes.plot.x1);

  struct Expected {
    HitId hit;
    RectF rect;
    bool hatched;
  };
  auto X = [&](int yy, int mm, int dd) { return x.map(day_of(yy, mm, dd)); };
  const float end = scene.axes.plot.x1;
  const std::vector<Expected> expected{
      // A actual: 10 until its 2021 step, then 15.
      {{HitKind::CapacityBand, 0, 0}, {X(2020, 1, 1), y.map(10), X(2021, 7, 2), y.map(0)}, false},
      {{HitKind::CapacityBand, 0, 1}, {X(2021, 7, 2), y.map(15), end, y.map(0)}, false},
      // B actual on top of A.
      {{HitKind::CapacityBand, 1, 0}, {X(2020, 7, 1), y.map(13), X(2021, 7, 2), y.map(10)}, false},
      {{HitKind::CapacityBand, 1, 0}, {X(2021, 7, 2), y.map(18), X(2022, 3, 15), y.map(15)}, false},
      {{HitKind::CapacityBand, 1, 1}, {X(2022, 3, 15), y.map(22), end, y.map(15)}, false},
      // Expected A, then expected B (overdue: from the as-of day).
      {{HitKind::CapacityBand, 0, 2}, {X(2023, 6, 16), y.map(42), end, y.map(22)}, true},
      {{HitKind::CapacityBand, 1, 3}, {X(2023, 1, 1), y.map(29), X(2023, 6, 16), y.map(22)}, true},
      {{HitKind::CapacityBand, 1, 3}, {X(2023, 6, 16), y.map(49), end, y.map(42)}, true},
  };
  const auto bands = with_hit(scene, HitKind::CapacityBand);
  REQUIRE(bands.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("band rect " << i);
    const auto& r = std::get<RectPrim>(bands[i]->shape);
    CHECK(bands[i]->hit == expected[i].hit);
    CHECK(r.rect == expected[i].rect);
    CHECK((r.hatch == Hatch::Diagonal) == expected[i].hatched);
  }
  // Every band is clipped to the plot.
  for (const Primitive* p : bands) CHECK(scene.clips[static_cast<std::size_t>(p->clip)] == scene.axes.plot);
  // The as-of line sits at its day.
  const auto as_of_line = std::find_if(scene.items.begin(), scene.items.end(), [&](const Primitive& p) {
    const auto* l = std::get_if<LinePrim>(&p.shape);
    return l && l->colour == ChartStyle{}.theme.as_of_line && l->a.x == X(2023, 1, 1) &&
           l->b.x == X(2023, 1, 1);
  });
  CHECK(as_of_line != scene.items.end());
}

TEST_CASE("a point on a band returns the series and the step behind it", "[chart][capacity][hit]") {
  const CapacityChartInput in = two_series();
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const TimeRange visible{double(day_of(2020, 1, 1)), double(day_of(2024, 1, 1))};
  const Scene scene = layout_capacity_chart(in, st, visible, ChartStyle{}, 1000, 600, measure);
  const TimeScale& x = *scene.axes.time;
  const LinearScale& y = *scene.axes.value;
  // Mid-2022, level 20 lies in B's actual band (15..22).
  const auto hit = hit_test(scene, x.map(day_of(2022, 8, 1)), y.map(20));
  REQUIRE(hit);
  CHECK(hit->id == HitId{HitKind::CapacityBand, 1, 1});
  // The whisker of A's year-only 2021 step spans the year at A's top (15).
  const auto whisker = hit_test(scene, x.map(day_of(2021, 3, 1)), y.map(15));
  REQUIRE(whisker);
  CHECK(whisker->id == HitId{HitKind::CapacityStep, 0, 1});
}

TEST_CASE("reference marks are drawn at their value over their period", "[chart][capacity]") {
  CapacityChartInput in = two_series();
  ReferenceMark mark;
  mark.period = Date::of_year(2022);
  mark.value = 30;
  mark.bound = AggregateBound::AtLeast;
  mark.expected = true;
  mark.label = "2022年产能≥30万吨";
  mark.quote = "到2022年产能达到30万吨以上";
  mark.source = "乌海日报 2021-06-01";
  in.marks = {mark};
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const TimeRange visible{double(day_of(2020, 1, 1)), double(day_of(2024, 1, 1))};
  const Scene scene = layout_capacity_chart(in, st, visible, ChartStyle{}, 1000, 600, measure);
  const TimeScale& x = *scene.axes.time;
  const LinearScale& y = *scene.axes.value;
  const auto marks = with_hit(scene, HitKind::ReferenceMark);
  REQUIRE(marks.size() == 4);  // line, marker, label background, label
  const auto& line = std::get<LinePrim>(marks[0]->shape);
  CHECK(line.a == Vec2{x.map(day_of(2022, 1, 1)), y.map(30)});
  CHECK(line.b == Vec2{x.map(day_of(2023, 1, 1)), y.map(30)});
  const auto& marker = std::get<MarkerPrim>(marks[1]->shape);
  CHECK(marker.shape == MarkerShape::TriangleUp);  // at least
  CHECK(marker.centre == Vec2{x.map(day_of(2022, 7, 2)), y.map(30)});
  CHECK(marker.fill == ChartStyle{}.theme.plot_background);  // expected: hollow
  CHECK(std::get<TextPrim>(marks[3]->shape).text == "2022年产能≥30万吨");

  CHECK(capacity_tooltip(in, st, {HitKind::ReferenceMark, 0}, 0, Language::Chinese) ==
        std::vector<std::string>{"2022年产能≥30万吨", "30 万吨/年以上 · 2022 · 预计",
                                 "“到2022年产能达到30万吨以上”", "乌海日报 2021-06-01"});
  CHECK(capacity_tooltip(in, st, {HitKind::ReferenceMark, 0}, 0, Language::English)[1] ==
        "at least 30 万吨/年 · 2022 · expected");
}

TEST_CASE("tooltips give exact figures, the date as written and its precision", "[chart][capacity]") {
  const CapacityChartInput in = two_series();
  const CapacityStack st = stack_capacity(in);
  CHECK(
      capacity_tooltip(in, st, {HitKind::CapacityStep, 0, 1}, 0, Language::Chinese) ==
      std::vector<std::string>{"A", "A-2", "+5 万吨/年 · 2021 · 日期仅精确到年 · 实际", "绘制于 2021-07-02"});
  CHECK(capacity_tooltip(in, st, {HitKind::CapacityBand, 1, 1}, day_of(2022, 6, 1), Language::Chinese) ==
        std::vector<std::string>{"B · 2022-06-01 · 7 万吨/年", "B-2",
                                 "+4 万吨/年 · 2022-03-15 · 日期精确到日 · 实际"});
  CHECK(capacity_tooltip(in, st, {HitKind::CapacityStep, 1, 3}, 0, Language::English) ==
        std::vector<std::string>{"B", "B-4", "+7 万吨/年 · 2022-01 · month only · expected",
                                 "drawn at 2022-01-16",
                                 "expected date has passed; not yet reported as done"});
}

// two_series() with the column at the as-of day: A's 15 operating (stated), B's 7 in trial (one
// line of 3 stated, one of 4 inferred), 60 under construction with no date.
CapacityChartInput with_column() {
  CapacityChartInput in = two_series();
  in.by_status = {
      status_part("operating", "投产", Status::Operating, false,
                  {status_line("A-1", 10, false, 100), status_line("A-2", 5, false, 101)}),
      status_part("trial", "试生产", Status::Trial, false,
                  {status_line("B-1", 3, false, 200), status_line("B-2", 4, true, 201)}),
      status_part("planned", "规划/签约", Status::Announced, false, {}),  // empty: not drawn
      status_part("construction_no_date", "在建·无预计日期", Status::Construction, true,
                  {status_line("C-1", 60, false, 300)}),
  };
  return in;
}

TEST_CASE("the column by status stacks each category at the as-of day right of the time axis",
          "[chart][capacity]") {
  const CapacityChartInput in = with_column();
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const TimeRange visible{double(day_of(2020, 1, 1)), double(day_of(2024, 1, 1))};
  const Scene scene = layout_capacity_chart(in, st, visible, ChartStyle{}, 1000, 600, measure);
  const LinearScale& y = *scene.axes.value;
  const RectF& plot = scene.axes.plot;
  // One value scale for both: it holds the column's total (15 + 7 + 60 = 82 > the curve's 49).
  CHECK(y.d1 >= 82);
  std::vector<const RectPrim*> rects;
  std::vector<HitId> hits;
  for (const Primitive* p : with_hit(scene, HitKind::CapacityStatus))
    if (const auto* r = std::get_if<RectPrim>(&p->shape)) {
      rects.push_back(r);
      hits.push_back(p->hit);
    }
  // Bottom first: operating 0–15, trial stated 15–18 and inferred 18–22 (striped), no date 22–82.
  REQUIRE(rects.size() == 4);
  CHECK(hits == std::vector<HitId>{{HitKind::CapacityStatus, 0, 0},
                                   {HitKind::CapacityStatus, 1, 0},
                                   {HitKind::CapacityStatus, 1, 1},
                                   {HitKind::CapacityStatus, 3, 0}});
  const double edges[] = {0, 15, 18, 22, 82};
  for (std::size_t i = 0; i < rects.size(); ++i) {
    INFO("part rect " << i);
    CHECK(rects[i]->rect.y1 == y.map(edges[i]));
    CHECK(rects[i]->rect.y0 == y.map(edges[i + 1]));
    CHECK(rects[i]->rect.x0 > plot.x1);  // after the time axis
    CHECK(rects[i]->rect.x0 == rects[0]->rect.x0);
    CHECK(rects[i]->rect.x1 == rects[0]->rect.x1);
    CHECK(rects[i]->rect.x1 <= 1000);
  }
  CHECK(rects[0]->fill == status_colour(Status::Operating, ChartStyle{}.theme));
  CHECK(rects[0]->hatch == Hatch::None);
  CHECK(rects[2]->hatch == Hatch::Diagonal);   // inferred
  CHECK_FALSE(rects[3]->stroke_dash.solid());  // no date: dashed outline
  CHECK(rects[3]->fill != status_colour(Status::Construction, ChartStyle{}.theme));  // and lighter
  // A label per drawn part with its total, and the heading under it.
  const auto has_text = [&](const std::string& text) {
    return std::any_of(scene.items.begin(), scene.items.end(), [&](const Primitive& p) {
      const auto* t = std::get_if<TextPrim>(&p.shape);
      return t && t->text == text && p.hit.kind == HitKind::CapacityStatus && t->box.x0 > plot.x1;
    });
  };
  CHECK(has_text("投产 15"));
  CHECK(has_text("试生产 7"));
  CHECK(has_text("在建·无预计日期 60"));
  CHECK_FALSE(has_text("规划/签约 0"));
  CHECK(has_text("按状态"));
  CHECK(has_text("截至 2023-01-01"));
  // Hovering the middle of the no-date part finds it.
  const float cx = (rects[3]->rect.x0 + rects[3]->rect.x1) / 2;
  const auto hit = hit_test(scene, cx, y.map(50));
  REQUIRE(hit);
  CHECK(hit->id == HitId{HitKind::CapacityStatus, 3, 0});
}

TEST_CASE("the column's tooltips list the lines of the part hovered", "[chart][capacity]") {
  const CapacityChartInput in = with_column();
  const CapacityStack st = stack_capacity(in);
  CHECK(capacity_tooltip(in, st, {HitKind::CapacityStatus, 1, 1}, 0, Language::Chinese) ==
        std::vector<std::string>{"试生产 · 7 万吨/年 · 截至 2023-01-01", "其中状态为推断（斜纹） 4 万吨/年",
                                 "B-2 · 4 万吨/年", "  状态：推断"});
  CHECK(capacity_tooltip(in, st, {HitKind::CapacityStatus, 1, -1}, 0, Language::English) ==
        std::vector<std::string>{"试生产 · 7 万吨/年 · as of 2023-01-01", "B-1 · 3 万吨/年",
                                 "  状态：来源所述", "B-2 · 4 万吨/年", "  状态：推断"});
  CHECK(capacity_tooltip(in, st, {HitKind::CapacityStatus, -1, -1}, 0, Language::Chinese) ==
        std::vector<std::string>{"按状态 · 截至 2023-01-01", "投产 15 万吨/年", "试生产 7 万吨/年",
                                 "在建·无预计日期 60 万吨/年"});
}

TEST_CASE("a column alone (lines with no date) is drawn, not the empty message", "[chart][capacity]") {
  CapacityChartInput in;
  in.as_of = day_of(2024, 10, 31);
  in.by_status = {status_part("construction_no_date", "在建·无预计日期", Status::Construction, true,
                              {status_line("三维 BDO", 90, false, 8)})};
  const CapacityStack st = stack_capacity(in);
  CHECK(st.empty);
  const ApproxTextMeasure measure;
  const Scene scene =
      layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 800, 450, measure);
  CHECK(with_hit(scene, HitKind::CapacityStatus).size() >= 2);  // the bar and its label
  CHECK(std::none_of(scene.items.begin(), scene.items.end(), [](const Primitive& p) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    return t && t->text == "当前筛选条件下没有数据";
  }));
}

TEST_CASE("the legend toggles series; hidden series stay listed", "[chart][capacity]") {
  CapacityChartInput in = two_series();
  in.series[1].visible = false;
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const Scene scene =
      layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 1000, 600, measure);
  std::vector<HitId> legend;
  for (const Primitive& p : scene.items)
    if (p.hit.kind == HitKind::LegendEntry && std::holds_alternative<TextPrim>(p.shape))
      legend.push_back(p.hit);
  CHECK(legend ==
        std::vector<HitId>{{HitKind::LegendEntry, 0}, {HitKind::LegendEntry, 1}, {HitKind::LegendEntry, -1}});
  for (const Primitive& p : scene.items)
    if (p.hit.kind == HitKind::CapacityBand) CHECK(p.hit.index == 0);
}

TEST_CASE("an empty filter result says so instead of drawing an empty frame", "[chart][capacity]") {
  CapacityChartInput in;
  in.text.title = "BDO产能";
  in.as_of = day_of(2024, 10, 31);
  const CapacityStack st = stack_capacity(in);
  CHECK(st.empty);
  const ApproxTextMeasure measure;
  const Scene zh = layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 800, 450, measure);
  const auto has_text = [](const Scene& s, const std::string& text) {
    return std::any_of(s.items.begin(), s.items.end(), [&](const Primitive& p) {
      const auto* t = std::get_if<TextPrim>(&p.shape);
      return t && t->text == text;
    });
  };
  CHECK(has_text(zh, "当前筛选条件下没有数据"));
  CHECK(has_text(zh, "BDO产能"));
  ChartStyle en;
  en.lang = Language::English;
  CHECK(has_text(layout_capacity_chart(in, st, capacity_time_extent(st), en, 800, 450, measure),
                 "No data for this filter"));
  in.text.empty_message = "海南区没有BDO项目";
  CHECK(has_text(layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 800, 450, measure),
                 "海南区没有BDO项目"));
}

TEST_CASE("the Wuhai BDO chart adds up to the reported capacities", "[chart][capacity]") {
  const CapacityChartInput in = wuhai_capacity();
  const CapacityStack st = stack_capacity(in);
  // 东源 10 + 28, 华恒 3 × 10.4, 君正 30 by 2024-10-31.
  CHECK(st.total_at(day_of(2022, 11, 24), false) == 38);
  CHECK(st.total_at(day_of(2024, 10, 31), false) == 38 + 31.2 + 30);
  CHECK(st.total_at(day_of(2025, 12, 31), true) == 38 + 31.2 + 30 + 30 + 30);
}

TEST_CASE("many events fold to at most a few rects per pixel column", "[chart][capacity]") {
  CapacityChartInput in;
  in.as_of = day_of(2030, 1, 1);
  for (int s = 0; s < 5; ++s) {
    CapacitySeries series{"s" + std::to_string(s), "S" + std::to_string(s), "", true, {}};
    for (int i = 0; i < 2000; ++i)
      series.steps.push_back(step(Date::from_days(day_of(2000, 1, 1) + i * 5 + s), 1, false, i, ""));
    in.series.push_back(series);
  }
  const CapacityStack st = stack_capacity(in);
  CHECK(st.days.size() == 10000);
  const ApproxTextMeasure measure;
  const Scene scene =
      layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 800, 450, measure);
  const auto bands = with_hit(scene, HitKind::CapacityBand);
  const float plot_w = scene.axes.plot.width();
  CHECK(static_cast<float>(bands.size()) <= 5 * 2 * plot_w);
  CHECK(bands.size() > 100);
  CHECK(with_hit(scene, HitKind::CapacityStep).empty());  // 10,000 markers would be noise
}
