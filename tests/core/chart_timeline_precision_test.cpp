// Precision on the time axis (issue 18, item 3) and the possibly-stalled mark (item 5): a start
// known only to the year or month, or only as "in this state by" a report, is drawn faded under a
// bracket over the interval it allows and solid from where it is certain; tooltips and the CSV
// say the precision. A flagged row ends with ‖, and the legend explains both only when present.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

#include "chart/chart_csv.h"
#include "chart/timeline_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

const DayNumber as_of = day_of(2026, 12, 2);

// One row: 在建 stated from 2012-07-02, then 投产 from a year-only "2014" (drawn at 2014-07-02),
// not before 2014-03-20.
TimelineChartInput year_only_row() {
  TimelineChartInput in;
  in.as_of = as_of;
  TimelineRow row;
  row.label = "东源 一期";
  TimelineSegment building{day_of(2012, 7, 2), day_of(2014, 7, 2), Status::Construction, false};
  TimelineSegment operating{day_of(2014, 7, 2), std::nullopt, Status::Operating, false};
  operating.start_date = Date::of_year(2014);
  operating.not_before = day_of(2014, 3, 20);
  row.segments = {building, operating};
  in.rows = {row};
  return in;
}

// 投产 reported on 2024-10-22, its start not reported; `not_before` when a statement bounds it.
TimelineChartInput by_row(std::optional<DayNumber> not_before) {
  TimelineChartInput in;
  in.as_of = as_of;
  TimelineRow row;
  row.label = "赛思普";
  TimelineSegment operating{day_of(2024, 10, 22), std::nullopt, Status::Operating, false};
  operating.start_date = Date::of_day(2024, 10, 22);
  operating.start_by = true;
  operating.not_before = not_before;
  row.segments = {operating};
  in.rows = {row};
  return in;
}

struct Laid {
  Scene scene;
  TimeScale x;
};

Laid lay_out(const TimelineChartInput& in, Language lang = Language::Chinese) {
  const ApproxTextMeasure measure;
  ChartStyle style;
  style.lang = lang;
  const TimelineIndex idx = index_timeline(in, style, measure);
  const TimeRange visible{double(day_of(2010, 1, 1)), double(day_of(2028, 1, 1))};
  Scene scene = layout_timeline_chart(in, idx, {visible, 0}, style, 1600, 400, measure);
  const TimeScale x = *scene.axes.time;
  return {std::move(scene), x};
}

template <class Prim>
std::vector<const Prim*> prims_of(const Scene& scene, HitId hit) {
  std::vector<const Prim*> out;
  for (const Primitive& p : scene.items)
    if (p.hit == hit)
      if (const auto* r = std::get_if<Prim>(&p.shape)) out.push_back(r);
  return out;
}

bool has_legend_swatch_text(const Scene& scene, const std::string& text) {
  return std::any_of(scene.items.begin(), scene.items.end(), [&](const Primitive& p) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    return t && t->text == text;
  });
}

}  // namespace

TEST_CASE("a year-only start is faded and bracketed over the year, solid from the next year",
          "[chart][timeline][precision]") {
  const TimelineChartInput in = year_only_row();
  const auto [scene, x] = lay_out(in);
  const ChartStyle style;
  const Rgba green = status_colour(Status::Operating, light_theme());
  const auto rects = prims_of<RectPrim>(scene, {HitKind::TimelineSegment, 0, 1});
  // The solid bar starts on 2015-01-01, the first day 投产 certainly holds; the zone covers the
  // possible days, 2014-03-20 (not before) to the end of 2014, in the faded colour.
  const auto solid =
      std::find_if(rects.begin(), rects.end(), [&](const RectPrim* r) { return r->fill == green; });
  REQUIRE(solid != rects.end());
  CHECK((*solid)->rect.x0 == x.map(day_of(2015, 1, 1)));
  const auto zone = std::find_if(rects.begin(), rects.end(), [&](const RectPrim* r) {
    return r->fill == expected_fill(green, style.theme);
  });
  REQUIRE(zone != rects.end());
  CHECK((*zone)->rect.x0 == x.map(day_of(2014, 3, 20)));
  CHECK((*zone)->rect.x1 == x.map(day_of(2015, 1, 1)));
  CHECK((*zone)->stroke.a == 0);  // not outlined: a plan is dashed, this happened
  // The bracket: a line over the interval and a cap at each end.
  const auto lines = prims_of<LinePrim>(scene, {HitKind::TimelineSegment, 0, 1});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]->a.x == x.map(day_of(2014, 3, 20)));
  CHECK(lines[0]->b.x == x.map(day_of(2015, 1, 1)));
  CHECK(lines[0]->dash.solid());
  // Nothing of this segment is solid before 2015 (no day-precise start at 2014-07-02).
  for (const RectPrim* r : rects)
    if (r->fill == green) CHECK(r->rect.x0 >= x.map(day_of(2015, 1, 1)));
  // The segment before keeps its days: 在建 until the engine's 2014-07-02.
  const auto building = prims_of<RectPrim>(scene, {HitKind::TimelineSegment, 0, 0});
  REQUIRE(building.size() == 1);
  CHECK(building[0]->rect.x1 == x.map(day_of(2014, 7, 2)));
  CHECK(has_legend_swatch_text(scene, "开始日期不精确（淡色：可能区间）"));
}

TEST_CASE("an 'in operation by' start spans from its 'not before' to the report, open when unbounded",
          "[chart][timeline][precision]") {
  const Rgba green = status_colour(Status::Operating, light_theme());
  {
    const TimelineChartInput in = by_row(day_of(2024, 3, 1));
    const auto [scene, x] = lay_out(in);
    const auto rects = prims_of<RectPrim>(scene, {HitKind::TimelineSegment, 0, 0});
    REQUIRE(rects.size() == 2);
    CHECK(rects[0]->fill == green);
    CHECK(rects[0]->rect.x0 == x.map(day_of(2024, 10, 22)));  // certain from the report's day
    CHECK(rects[1]->rect.x0 == x.map(day_of(2024, 3, 1)));
    CHECK(rects[1]->rect.x1 == x.map(day_of(2024, 10, 22)));
    const auto lines = prims_of<LinePrim>(scene, {HitKind::TimelineSegment, 0, 0});
    CHECK(lines.size() == 3);  // bracket and both caps
  }
  {
    const TimelineChartInput in = by_row(std::nullopt);
    const auto [scene, x] = lay_out(in);
    const auto rects = prims_of<RectPrim>(scene, {HitKind::TimelineSegment, 0, 0});
    REQUIRE(rects.size() == 2);
    CHECK(rects[1]->rect.x1 == x.map(day_of(2024, 10, 22)));
    CHECK(rects[1]->rect.x0 < rects[1]->rect.x1);  // a short lead: nothing bounds it
    const auto lines = prims_of<LinePrim>(scene, {HitKind::TimelineSegment, 0, 0});
    REQUIRE(lines.size() == 2);  // open: no left cap
    CHECK_FALSE(lines[0]->dash.solid());
  }
}

TEST_CASE("tooltips write an imprecise start as the source gives it, in both languages",
          "[chart][timeline][precision]") {
  const TimelineChartInput year = year_only_row();
  const HitId operating{HitKind::TimelineSegment, 0, 1};
  CHECK(timeline_tooltip(year, operating, Language::Chinese) ==
        std::vector<std::string>{"东源 一期", "投产 · 2014年（仅知年份） – 截至 2026-12-02",
                                 "不早于 2014-03-20，确定自 2015-01-01"});
  CHECK(timeline_tooltip(year, operating, Language::English) ==
        std::vector<std::string>{"东源 一期", "operating · 2014 (year only) – as of 2026-12-02",
                                 "not before 2014-03-20, certain from 2015-01-01"});
  TimelineChartInput month = year_only_row();
  month.rows[0].segments[1].start_date = Date::of_month(2014, 5);
  month.rows[0].segments[1].not_before = day_of(2014, 5, 1);
  CHECK(timeline_tooltip(month, operating, Language::Chinese)[1] ==
        "投产 · 2014年5月（仅知月份） – 截至 2026-12-02");
  CHECK(timeline_tooltip(month, operating, Language::English)[1] ==
        "operating · 2014-05 (month only) – as of 2026-12-02");

  const TimelineChartInput by = by_row(std::nullopt);
  CHECK(timeline_tooltip(by, {HitKind::TimelineSegment, 0, 0}, Language::Chinese) ==
        std::vector<std::string>{"赛思普", "投产 · 开始日期未报道 – 截至 2026-12-02",
                                 "截至 2024-10-22 已投产（开始日期未报道）"});
  CHECK(timeline_tooltip(by, {HitKind::TimelineSegment, 0, 0}, Language::English) ==
        std::vector<std::string>{"赛思普", "operating · start date not reported – as of 2026-12-02",
                                 "in operation by 2024-10-22 (start date not reported)"});
}

TEST_CASE("the timeline CSV writes an imprecise start as written, with the day it is plotted on",
          "[chart][timeline][precision][csv]") {
  const std::string year = timeline_csv(year_only_row(), Language::Chinese);
  CHECK(year.find("东源 一期,,segment,operating,投产,2014,,2014-07-02,no,2014,year,,stated,,2014-03-20") !=
        std::string::npos);
  CHECK(year.find("东源 一期,,segment,construction,在建,2012-07-02,2014-07-02,,no,,,,stated,,") !=
        std::string::npos);
  const std::string by = timeline_csv(by_row(day_of(2024, 3, 1)), Language::Chinese);
  CHECK(by.find("赛思普,,segment,operating,投产,,,2024-10-22,no,2024-10-22,by,,stated,,2024-03-01") !=
        std::string::npos);
}

TEST_CASE("a possibly stalled row ends with ‖, explained in its tooltip and, only then, the legend",
          "[chart][timeline][stalled]") {
  TimelineChartInput in = by_row(day_of(2024, 3, 1));
  {
    const auto [scene, x] = lay_out(in);
    CHECK(prims_of<RectPrim>(scene, {HitKind::TimelineRow, 0, -1}).empty());
    CHECK_FALSE(has_legend_swatch_text(scene, "可能停滞（两年无报道）"));
    CHECK(timeline_csv(in, Language::Chinese).find("possibly_stalled") == std::string::npos);
  }
  in.rows[0].possibly_stalled = true;
  in.rows[0].tooltip = {"Possibly stalled: the rule, as the adapter words it", "最近报道 2024-10-22"};
  const auto [scene, x] = lay_out(in);
  const auto bars = prims_of<RectPrim>(scene, {HitKind::TimelineRow, 0, -1});
  REQUIRE(bars.size() == 2);                   // ‖
  CHECK(bars[0]->rect.x0 > x.map(as_of + 1));  // after the open bar's arrowhead
  CHECK(has_legend_swatch_text(scene, "可能停滞（两年无报道）"));
  const auto tip = timeline_tooltip(in, {HitKind::TimelineRow, 0, -1}, Language::English);
  REQUIRE(tip.size() == 3);
  CHECK(tip[1] == "Possibly stalled: the rule, as the adapter words it");
  CHECK(tip[2] == "最近报道 2024-10-22");
  CHECK(timeline_csv(in, Language::English).find("赛思普,,flag,possibly_stalled,") != std::string::npos);
}

TEST_CASE("a stage the row reaches inside the interval keeps its bar under the bracket",
          "[chart][timeline][precision]") {
  // 在建, then 试生产 from 2023-11-16, then 投产 by 2025-10-21, not before 2023-11-01.
  TimelineChartInput in = by_row(day_of(2023, 11, 1));
  in.rows[0].segments[0].start = day_of(2025, 10, 21);
  in.rows[0].segments[0].start_date = Date::of_day(2025, 10, 21);
  in.rows[0].segments.insert(in.rows[0].segments.begin(),
                             {{day_of(2022, 1, 1), day_of(2023, 11, 16), Status::Construction, false},
                              {day_of(2023, 11, 16), day_of(2025, 10, 21), Status::Trial, false}});
  const auto [scene, x] = lay_out(in);
  const ChartStyle style;
  const HitId operating{HitKind::TimelineSegment, 0, 2};
  std::vector<const RectPrim*> faded;
  for (const RectPrim* r : prims_of<RectPrim>(scene, operating))
    if (r->fill == expected_fill(status_colour(Status::Operating, light_theme()), style.theme))
      faded.push_back(r);
  // Faded only over the tail of 在建 (operation may have begun there), not over the trial.
  REQUIRE(faded.size() == 1);
  CHECK(faded[0]->rect.x0 == x.map(day_of(2023, 11, 1)));
  CHECK(faded[0]->rect.x1 == x.map(day_of(2023, 11, 16)));
  const auto trial = prims_of<RectPrim>(scene, {HitKind::TimelineSegment, 0, 1});
  REQUIRE(trial.size() == 1);
  CHECK(trial[0]->rect.x0 == x.map(day_of(2023, 11, 16)));
  CHECK(trial[0]->rect.x1 == x.map(day_of(2025, 10, 21)));
  // The bracket spans the whole possible interval.
  const auto lines = prims_of<LinePrim>(scene, operating);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0]->a.x == x.map(day_of(2023, 11, 1)));
  CHECK(lines[0]->b.x == x.map(day_of(2025, 10, 21)));
}

TEST_CASE("the partly-operating swatch shows the other lines' status the bars show",
          "[chart][timeline][legend]") {
  // The legend's split swatch (above the plot) has the lower halves' colour when every split bar
  // has the same one, and a neutral colour when they differ.
  auto legend_lower_fills = [](const std::vector<Status>& others) {
    TimelineChartInput in;
    in.as_of = as_of;
    for (Status o : others) {
      TimelineRow row;
      row.label = "项目";
      TimelineSegment partly{day_of(2020, 1, 1), std::nullopt, Status::Operating, false};
      partly.others = o;
      row.segments = {partly};
      in.rows.push_back(row);
    }
    const auto [scene, x] = lay_out(in);
    const TextPrim* label = nullptr;  // the entry's text; its swatch is just left of it
    for (const Primitive& p : scene.items)
      if (const auto* t = std::get_if<TextPrim>(&p.shape); t && t->text == "部分投产（下半为其余生产线）")
        label = t;
    REQUIRE(label != nullptr);
    std::vector<Rgba> fills;
    for (const Primitive& p : scene.items)
      if (const auto* r = std::get_if<RectPrim>(&p.shape))
        if (r->rect.x1 <= label->box.x0 + 0.5f && r->rect.x1 > label->box.x0 - 30 &&
            r->rect.y1 > label->box.y0 && r->rect.y0 < label->box.y1 && r->fill.a > 0 &&
            !(r->fill == status_colour(Status::Operating, light_theme())))
          fills.push_back(r->fill);
    REQUIRE(fills.size() == 1);  // the lower half
    return fills;
  };
  const auto trial = legend_lower_fills({Status::Trial, Status::Trial});
  CHECK(std::find(trial.begin(), trial.end(), status_colour(Status::Trial, light_theme())) != trial.end());
  CHECK(std::find(trial.begin(), trial.end(), status_colour(Status::Construction, light_theme())) ==
        trial.end());
  const auto mixed = legend_lower_fills({Status::Trial, Status::Construction});
  CHECK(std::find(mixed.begin(), mixed.end(), status_colour(Status::Trial, light_theme())) == mixed.end());
  CHECK(std::find(mixed.begin(), mixed.end(), status_colour(Status::Construction, light_theme())) ==
        mixed.end());
}
