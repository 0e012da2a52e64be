// Gantt timeline: row index and offsets, bar geometry from days, folding of sub-pixel bars,
// culling in time and in rows (virtualisation), milestones, open-ended bars, tooltips.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "chart/timeline_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

std::vector<const Primitive*> with_hit(const Scene& scene, HitKind kind) {
  std::vector<const Primitive*> out;
  for (const Primitive& p : scene.items)
    if (p.hit.kind == kind) out.push_back(&p);
  return out;
}

const RectPrim* bar_for(const Scene& scene, HitId hit) {
  for (const Primitive& p : scene.items)
    if (p.hit == hit)
      if (const auto* r = std::get_if<RectPrim>(&p.shape)) return r;
  return nullptr;
}

const DayNumber d0 = days_from_civil(2020, 1, 1);

TimelineRow row_with(std::string label, std::vector<TimelineSegment> segments) {
  TimelineRow r;
  r.label = std::move(label);
  r.segments = std::move(segments);
  return r;
}

}  // namespace

TEST_CASE("the index interleaves group headers and gives every item its offset", "[chart][timeline]") {
  const TimelineChartInput in = wuhai_timeline();
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  REQUIRE(idx.items.size() == 6);
  CHECK((idx.items[0].header && idx.items[0].index == 0 && idx.items[0].y == 0));
  CHECK((!idx.items[1].header && idx.items[1].index == 0 && idx.items[1].y == 22));
  CHECK((!idx.items[2].header && idx.items[2].index == 1 && idx.items[2].y == 44));
  CHECK((idx.items[3].header && idx.items[3].index == 1 && idx.items[3].y == 66));
  CHECK((!idx.items[5].header && idx.items[5].index == 3 && idx.items[5].y == 110));
  CHECK(idx.content_height == 132);
  CHECK(idx.label_width == measure.width("君正 BDO/PTMEG 一期", style.font_px));  // the widest label
  CHECK(idx.first_day == day_of(2021, 5, 1));  // 东源's month-only construction start
  CHECK(idx.last_day == day_of(2026, 1, 1));   // 广锦's expected operation ends before 2026-01-01
  CHECK(idx.any_expected);
  CHECK(idx.any_milestones);
  CHECK(idx.phases_present == ((1u << unsigned(Status::Signed)) | (1u << unsigned(Status::Construction)) |
                               (1u << unsigned(Status::Trial)) | (1u << unsigned(Status::Operating))));
}

TEST_CASE("bars span their days; expected bars are light and dashed; open bars run to the as-of day",
          "[chart][timeline]") {
  const TimelineChartInput in = wuhai_timeline();
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  const TimeRange visible{double(day_of(2021, 1, 1)), double(day_of(2026, 1, 1))};
  const Scene scene = layout_timeline_chart(in, idx, {visible, 0}, style, 1200, 600, measure);
  REQUIRE(scene.axes.time);
  const TimeScale& x = *scene.axes.time;
  const RectF plot = scene.axes.plot;

  // 东源 construction 2021-05-16 .. 2022-11-24 in the first row under the first header.
  const RectPrim* construction = bar_for(scene, {HitKind::TimelineSegment, 0, 0});
  REQUIRE(construction);
  const float row_top = plot.y0 + 22;
  const float bar_h = 22 * 0.56f;
  CHECK(construction->rect == RectF{x.map(day_of(2021, 5, 16)), row_top + (22 - bar_h) / 2,
                                    x.map(day_of(2022, 11, 24)), row_top + (22 + bar_h) / 2});
  CHECK(construction->fill == status_colour(Status::Construction, light_theme()));
  // Operating since 2022-11-24, still running: to the end of the as-of day, with an arrowhead.
  const RectPrim* operating = bar_for(scene, {HitKind::TimelineSegment, 0, 1});
  REQUIRE(operating);
  CHECK(operating->rect.x0 == x.map(day_of(2022, 11, 24)));
  CHECK(operating->rect.x1 == x.map(day_of(2024, 11, 1)));
  const auto arrow = std::find_if(scene.items.begin(), scene.items.end(), [](const Primitive& p) {
    const auto* m = std::get_if<MarkerPrim>(&p.shape);
    return m && m->shape == MarkerShape::TriangleRight && p.hit == HitId{HitKind::TimelineSegment, 0, 1};
  });
  CHECK(arrow != scene.items.end());
  // 广锦's expected operation: lighter fill, dashed outline in the phase colour.
  const RectPrim* expected = bar_for(scene, {HitKind::TimelineSegment, 3, 1});
  REQUIRE(expected);
  CHECK(expected->fill == expected_fill(status_colour(Status::Operating, light_theme()), style.theme));
  CHECK(expected->stroke == status_colour(Status::Operating, light_theme()));
  CHECK_FALSE(expected->stroke_dash.solid());
}

TEST_CASE("milestones are diamonds at their placement day, hollow when expected, with whiskers",
          "[chart][timeline]") {
  const TimelineChartInput in = wuhai_timeline();
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  const TimeRange visible{double(day_of(2021, 1, 1)), double(day_of(2026, 1, 1))};
  const Scene scene = layout_timeline_chart(in, idx, {visible, 0}, style, 1200, 600, measure);
  const TimeScale& x = *scene.axes.time;
  // 华恒's expected trial production "2022-09": whisker over September, hollow ◆ on the 16th.
  std::vector<const Primitive*> prims;
  for (const Primitive& p : scene.items)
    if (p.hit == HitId{HitKind::TimelineMilestone, 2, 1}) prims.push_back(&p);
  REQUIRE(prims.size() == 2);
  const auto& whisker = std::get<LinePrim>(prims[0]->shape);
  CHECK(whisker.a.x == x.map(day_of(2022, 9, 1)));
  CHECK(whisker.b.x == x.map(day_of(2022, 10, 1)));
  const auto& diamond = std::get<MarkerPrim>(prims[1]->shape);
  CHECK(diamond.shape == MarkerShape::Diamond);
  CHECK(diamond.centre.x == x.map(day_of(2022, 9, 16)));
  CHECK(diamond.fill == style.theme.plot_background);
  CHECK(timeline_tooltip(in, {HitKind::TimelineMilestone, 2, 1}, Language::Chinese) ==
        std::vector<std::string>{"华恒 BDO", "试生产 · 2022-09 · 日期仅精确到月 · 预计", "绘制于 2022-09-16",
                                 "“预计9月底试生产”", "乌海日报"});
  // Hovering the diamond finds it.
  const auto hit = hit_test(scene, diamond.centre.x, diamond.centre.y);
  REQUIRE(hit);
  CHECK(hit->id == HitId{HitKind::TimelineMilestone, 2, 1});
}

TEST_CASE("runs of bars narrower than 3 px fold into one block per row", "[chart][timeline]") {
  TimelineChartInput in;
  in.as_of = d0 + 1000;
  std::vector<TimelineSegment> segs;
  for (int i = 0; i < 5; ++i) segs.push_back({d0 + 500 + i, d0 + 501 + i, Status::Construction, false});
  segs.push_back({d0 + 505, d0 + 600, Status::Operating, false});  // wide: drawn as itself
  segs.push_back({d0 + 700, d0 + 701, Status::Shelved, false});    // alone and thin: drawn, >= 1 px
  segs.push_back({d0 + 800, d0 + 801, Status::Trial, false});      // two thin bars 9 days apart:
  segs.push_back({d0 + 810, d0 + 811, Status::Trial, false});      // not adjacent, not folded
  segs.push_back({d0 - 500, d0 - 400, Status::Signed, false});     // outside the view: culled
  in.rows = {row_with("R", segs)};
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  const TimeRange visible{double(d0), double(d0 + 1000)};
  const Scene scene = layout_timeline_chart(in, idx, {visible, 0}, style, 800, 400, measure);
  const TimeScale& x = *scene.axes.time;
  REQUIRE(x.px_per_day() < 1.0f);  // a day is narrower than a pixel

  const auto folds = with_hit(scene, HitKind::TimelineFold);
  REQUIRE(folds.size() == 1);
  CHECK(folds[0]->hit == HitId{HitKind::TimelineFold, 0, 0, 5});
  const auto& block = std::get<RectPrim>(folds[0]->shape);
  CHECK(block.rect.x0 == x.map(d0 + 500));
  CHECK(block.rect.x1 == x.map(d0 + 505));
  CHECK(block.fill == style.theme.fold);

  std::set<std::int32_t> drawn;
  for (const Primitive* p : with_hit(scene, HitKind::TimelineSegment)) drawn.insert(p->hit.part);
  CHECK(drawn == std::set<std::int32_t>{5, 6, 7, 8});
  const RectPrim* thin = bar_for(scene, {HitKind::TimelineSegment, 0, 6});
  REQUIRE(thin);
  CHECK(thin->rect.width() == 1);

  CHECK(timeline_tooltip(in, folds[0]->hit, Language::Chinese) ==
        std::vector<std::string>{"R · 5项", "在建 · 2021-05-15 – 2021-05-15",
                                 "在建 · 2021-05-16 – 2021-05-16", "在建 · 2021-05-17 – 2021-05-17",
                                 "在建 · 2021-05-18 – 2021-05-18", "在建 · 2021-05-19 – 2021-05-19"});
}

TEST_CASE("only rows inside the viewport are laid out", "[chart][timeline]") {
  TimelineChartInput in;
  in.as_of = d0 + 100;
  for (int i = 0; i < 1000; ++i)
    in.rows.push_back(
        row_with("项目" + std::to_string(i), {{d0 + i % 50, d0 + 60, Status::Construction, false}}));
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  CHECK(idx.content_height == 22000);
  const ChartView view{{double(d0), double(d0 + 100)}, 2200};  // row 100 at the top
  const Scene scene = layout_timeline_chart(in, idx, view, style, 800, 450, measure);
  const float plot_h = scene.axes.plot.height();
  std::vector<std::int32_t> rows;
  for (const Primitive* p : with_hit(scene, HitKind::TimelineRow)) rows.push_back(p->hit.index);
  const auto expected_count = static_cast<std::size_t>(std::ceil(plot_h / 22));
  REQUIRE(rows.size() == expected_count);
  CHECK(rows.front() == 100);
  CHECK(rows.back() == 100 + static_cast<std::int32_t>(expected_count) - 1);
  // The first visible row starts at the plot top.
  const RectPrim* first = bar_for(scene, {HitKind::TimelineSegment, 100, 0});
  REQUIRE(first);
  CHECK(std::abs(first->rect.y0 - (scene.axes.plot.y0 + (22 - 22 * 0.56f) / 2)) < 1e-3f);
  // A scene for 1000 rows holds only the visible ones.
  CHECK(with_hit(scene, HitKind::TimelineSegment).size() == expected_count);
}

TEST_CASE("the full height shows every row", "[chart][timeline]") {
  const TimelineChartInput in = wuhai_timeline();
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const TimelineIndex idx = index_timeline(in, style, measure);
  const float h = timeline_full_height(in, idx, style, 1000, measure);
  const Scene scene = layout_timeline_chart(in, idx, {timeline_time_extent(idx), 0}, style, 1000, h, measure);
  CHECK(scene.axes.plot.height() >= idx.content_height);
  CHECK(scene.axes.plot.height() < idx.content_height + 1);
  CHECK(with_hit(scene, HitKind::TimelineRow).size() == 4);
  CHECK(with_hit(scene, HitKind::TimelineGroup).size() == 4);  // two headers: band and label each
}

TEST_CASE("an empty timeline says so", "[chart][timeline]") {
  TimelineChartInput in;
  const ApproxTextMeasure measure;
  const TimelineIndex idx = index_timeline(in, ChartStyle{}, measure);
  const Scene scene =
      layout_timeline_chart(in, idx, {timeline_time_extent(idx), 0}, ChartStyle{}, 800, 450, measure);
  const bool message = std::any_of(scene.items.begin(), scene.items.end(), [](const Primitive& p) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    return t && t->text == "当前筛选条件下没有数据";
  });
  CHECK(message);
}
