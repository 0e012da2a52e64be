// Slippage dumbbells: row order by delay, geometry from the dates (first expectation to the event,
// whiskers for imprecise dates, a band for a completion known only between two reports, a dashed
// run to the as-of date when past due), colours by delay class, hit-testing and tooltips, the
// empty state, rows that do not fit, and the CSV of the plotted numbers.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>

#include "chart/slippage_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

template <class Prim>
std::vector<const Prim*> prims(const Scene& scene, HitId hit) {
  std::vector<const Prim*> out;
  for (const Primitive& p : scene.items)
    if (p.hit == hit)
      if (const auto* s = std::get_if<Prim>(&p.shape)) out.push_back(s);
  return out;
}

bool has_text(const Scene& scene, const std::string& text) {
  return std::any_of(scene.items.begin(), scene.items.end(), [&](const Primitive& p) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    return t && t->text == text;
  });
}

SlippageChartInput sorted_fixture() {
  SlippageChartInput in = wuhai_slippage();
  sort_slippage_rows(in.rows);
  return in;
}

struct Laid {
  Scene scene;
  TimeScale x;
  RectF plot;
  float pitch = 0;
  // The row's centre line, read from its first ◇ (and checked against the row pitch).
  float centre(int row) const {
    const auto plan = prims<MarkerPrim>(scene, {HitKind::SlippageExpected, row, 0});
    REQUIRE(plan.size() == 1);
    const float y = plan[0]->centre.y;
    CHECK(std::abs(y - (plot.y0 + pitch * (static_cast<float>(row) + 0.5f))) < 1e-3f);
    return y;
  }
};

Laid lay_out(const SlippageChartInput& in, const ChartStyle& style = {}) {
  const ApproxTextMeasure measure;
  Laid l;
  l.scene = layout_slippage_chart(in, slippage_time_extent(in), style, 1200, 600, measure);
  REQUIRE(l.scene.axes.time);
  l.x = *l.scene.axes.time;
  l.plot = l.scene.axes.plot;
  l.pitch = l.plot.height() / static_cast<float>(in.rows.size());
  return l;
}

constexpr HitId row_hit(int row) { return {HitKind::SlippageRow, row, -1}; }
constexpr HitId actual_hit(int row) { return {HitKind::SlippageActual, row, -1}; }
constexpr HitId expected_hit(int row, int part) { return {HitKind::SlippageExpected, row, part}; }

}  // namespace

TEST_CASE("rows are sorted by the delay they certainly have; not-yet-due rows last", "[chart][slippage]") {
  const SlippageChartInput in = sorted_fixture();
  std::vector<std::string> labels;
  for (const SlippageRow& r : in.rows) labels.push_back(r.label);
  CHECK(labels == std::vector<std::string>{"君正化工 BDO 可降解塑料产业链项目",     // late 11
                                           "东方希望 多晶硅 第一阶段 6.25万吨/年",  // past due, at least 10
                                           "华恒 PTMEG、PBAT新型材料产业链一体化项目",  // late 5..26
                                           "示例项目 1号线",                            // on time, -1
                                           "华恒 PTMEG 1号线 4.6万吨/年",               // undetermined -3..18
                                           "广锦BDO-PBAT项目"});                        // not yet due
}

TEST_CASE("a dumbbell runs from the first expected date to the event", "[chart][slippage]") {
  const SlippageChartInput in = sorted_fixture();
  const Laid l = lay_out(in);
  const float cy = l.centre(0);  // 君正: expected 2021-05, construction started 2022-04-08
  const float x_plan = l.x.map(Date::of_month(2021, 5).placement_day());
  const float x_event = l.x.map(day_of(2022, 4, 8));
  const auto connector = prims<LinePrim>(l.scene, row_hit(0));
  REQUIRE(connector.size() == 1);
  CHECK(connector[0]->a == Vec2{x_plan, cy});
  CHECK(connector[0]->b == Vec2{x_event, cy});
  CHECK(connector[0]->colour == delay_colour(DelayClass::Under12));
  CHECK(connector[0]->dash.solid());
  // The month-only plan: a hollow ◇ on its 16th with a whisker over the month.
  const auto whisker = prims<LinePrim>(l.scene, expected_hit(0, 0));
  REQUIRE(whisker.size() == 1);
  CHECK(whisker[0]->a == Vec2{l.x.map(day_of(2021, 5, 1)), cy});
  CHECK(whisker[0]->b == Vec2{l.x.map(day_of(2021, 6, 1)), cy});
  const auto plan = prims<MarkerPrim>(l.scene, expected_hit(0, 0));
  REQUIRE(plan.size() == 1);
  CHECK(plan[0]->centre == Vec2{x_plan, cy});
  CHECK(plan[0]->shape == MarkerShape::Diamond);
  CHECK(plan[0]->fill == ChartStyle{}.theme.plot_background);
  // The event: a filled ◆ in the delay colour, no whisker for an exact day.
  const auto event = prims<MarkerPrim>(l.scene, actual_hit(0));
  REQUIRE(event.size() == 1);
  CHECK(event[0]->centre == Vec2{x_event, cy});
  CHECK(event[0]->fill == delay_colour(DelayClass::Under12));
  CHECK(prims<LinePrim>(l.scene, actual_hit(0)).empty());
  CHECK(hit_test(l.scene, x_event, cy)->id == actual_hit(0));
  CHECK(has_text(l.scene, "晚11个月"));
  CHECK(slippage_tooltip(in, actual_hit(0), Language::Chinese) ==
        std::vector<std::string>{"君正化工 BDO 可降解塑料产业链项目 · 开工", "实际：2022-04-08",
                                 "“Ceremonial start 2022-04-08 (A)”", "内蒙古日报 2022-04-12"});
}

TEST_CASE("a completion known only between two reports is a band, never a point", "[chart][slippage]") {
  const SlippageChartInput in = sorted_fixture();
  const Laid l = lay_out(in);
  const int row = 2;  // 华恒 trial production: between 2023-01-26 and 2024-10-22
  const float cy = l.centre(row);
  const float band_h = std::min(l.pitch * 0.5f, ChartStyle{}.font_px * 1.1f);
  const auto band = prims<RectPrim>(l.scene, actual_hit(row));
  REQUIRE(band.size() == 1);
  CHECK(band[0]->rect ==
        RectF{l.x.map(day_of(2023, 1, 26)), cy - band_h / 2, l.x.map(day_of(2024, 10, 23)), cy + band_h / 2});
  CHECK(band[0]->hatch == Hatch::Diagonal);
  CHECK(band[0]->stroke == delay_colour(DelayClass::Under6));
  CHECK(prims<MarkerPrim>(l.scene, actual_hit(row)).empty());
  // The connector reaches the band's start; the later expectation is a smaller ◇.
  const auto connector = prims<LinePrim>(l.scene, row_hit(row));
  REQUIRE(connector.size() == 1);
  CHECK(connector[0]->a.x == l.x.map(Date::of_month(2022, 8).placement_day()));
  CHECK(connector[0]->b.x == l.x.map(day_of(2023, 1, 26)));
  const auto first = prims<MarkerPrim>(l.scene, expected_hit(row, 0));
  const auto later = prims<MarkerPrim>(l.scene, expected_hit(row, 1));
  REQUIRE((first.size() == 1 && later.size() == 1));
  CHECK(first[0]->size_px == ChartStyle{}.marker_px);
  CHECK(later[0]->size_px == ChartStyle{}.marker_px * 0.75f);
  CHECK(later[0]->centre == Vec2{l.x.map(Date::of_month(2022, 9).placement_day()), cy});

  CHECK(hit_test(l.scene, l.x.map(day_of(2024, 1, 1)), cy)->id == actual_hit(row));
  CHECK(hit_test(l.scene, later[0]->centre.x, cy)->id == expected_hit(row, 1));
  CHECK(slippage_tooltip(in, expected_hit(row, 1), Language::Chinese) ==
        std::vector<std::string>{"华恒 PTMEG、PBAT新型材料产业链一体化项目 · 试生产",
                                 "2022-08 报道：预计 2022-09", "2022-09 · 日期仅精确到月 · 绘制于 2022-09-16",
                                 "“BDO end of Sep 2022 (E)”", "[not recorded] 2022-08"});
  CHECK(slippage_tooltip(in, actual_hit(row), Language::English) ==
        std::vector<std::string>{"华恒 PTMEG、PBAT新型材料产业链一体化项目 · trial production",
                                 "happened between 2023-01-26 and 2024-10-22",
                                 "“之前已经建成投产的2条10.4万吨/年BOD生产线”", "乌海日报 2024-10-22"});
  CHECK(slippage_tooltip(in, row_hit(row), Language::Chinese) ==
        std::vector<std::string>{"华恒 PTMEG、PBAT新型材料产业链一体化项目 · 试生产", "延期 · 晚5–26个月",
                                 "首次预计：2022-08（2022-08 报道）", "最近预计：2022-08",
                                 "发生于 2023-01-26 至 2024-10-22 之间"});
}

TEST_CASE("past due runs dashed to the as-of date; not yet due is a plan alone", "[chart][slippage]") {
  const SlippageChartInput in = sorted_fixture();
  const Laid l = lay_out(in);
  const float cy = l.centre(1);  // 东方希望: expected 2023-12, nothing since
  const auto run = prims<LinePrim>(l.scene, row_hit(1));
  REQUIRE(run.size() == 1);
  CHECK(run[0]->a == Vec2{l.x.map(Date::of_month(2023, 12).placement_day()), cy});
  CHECK(run[0]->b == Vec2{l.x.map(day_of(2024, 10, 31)), cy});
  CHECK_FALSE(run[0]->dash.solid());
  CHECK(run[0]->colour == delay_colour(DelayClass::Under12));
  const auto arrow = prims<MarkerPrim>(l.scene, row_hit(1));
  REQUIRE(arrow.size() == 1);
  CHECK(arrow[0]->shape == MarkerShape::TriangleRight);
  CHECK(has_text(l.scene, "逾期≥10个月"));
  CHECK(slippage_tooltip(in, row_hit(1), Language::Chinese).back() == "截至 2024-10-31 未见完成报道");

  // 广锦: expected 2025-07, after the as-of date: one ◇ and nothing else.
  CHECK(prims<LinePrim>(l.scene, row_hit(5)).empty());
  CHECK(prims<MarkerPrim>(l.scene, expected_hit(5, 0)).size() == 1);
  CHECK(has_text(l.scene, "未到期"));
}

TEST_CASE("an imprecise event date is a point with a whisker over its interval", "[chart][slippage]") {
  const SlippageChartInput in = sorted_fixture();
  const Laid l = lay_out(in);
  const int row = 3;  // 示例: expected 2023-12, in production 2023-11 (month only): on time
  const float cy = l.centre(row);
  const auto whisker = prims<LinePrim>(l.scene, actual_hit(row));
  REQUIRE(whisker.size() == 1);
  CHECK(whisker[0]->a == Vec2{l.x.map(day_of(2023, 11, 1)), cy});
  CHECK(whisker[0]->b == Vec2{l.x.map(day_of(2023, 12, 1)), cy});
  const auto event = prims<MarkerPrim>(l.scene, actual_hit(row));
  REQUIRE(event.size() == 1);
  CHECK(event[0]->centre.x == l.x.map(day_of(2023, 11, 16)));
  CHECK(event[0]->fill == delay_colour(DelayClass::OnTime));
  // A narrowed or conflicting date is not its own interval any more: drawn as a band.
  SlippageChartInput narrowed = in;
  narrowed.rows[row].happened_last = day_of(2023, 11, 20);
  const Laid n = lay_out(narrowed);
  CHECK(prims<MarkerPrim>(n.scene, actual_hit(row)).empty());
  REQUIRE(prims<RectPrim>(n.scene, actual_hit(row)).size() == 1);
  CHECK(prims<RectPrim>(n.scene, actual_hit(row))[0]->rect.x1 == n.x.map(day_of(2023, 11, 21)));
  CHECK(slippage_tooltip(narrowed, actual_hit(row), Language::Chinese)[1] ==
        "实际：2023-11 · 发生于 2023-11-01 至 2023-11-20 之间");
}

TEST_CASE("delay classes, their colours and the row labels", "[chart][slippage]") {
  SlippageRow r;
  r.outcome = SlipOutcome::Late;
  for (auto [min, cls] : {std::pair{0, DelayClass::Under6},
                          {5, DelayClass::Under6},
                          {6, DelayClass::Under12},
                          {11, DelayClass::Under12},
                          {12, DelayClass::Under24},
                          {24, DelayClass::Over24}}) {
    r.delay_min = min;
    CHECK(delay_class(r) == cls);
  }
  r.delay_min = 0;
  r.delay_max = 0;
  CHECK(slippage_delay_label(r, Language::Chinese) == "晚不到1个月");
  CHECK(slippage_delay_label(r, Language::English) == "< 1 mo late");
  r.outcome = SlipOutcome::PastDue;
  CHECK(slippage_delay_label(r, Language::Chinese) == "逾期不到1个月");
  r.delay_min = 24;
  r.delay_max = 35;
  CHECK(delay_class(r) == DelayClass::Over24);
  CHECK(slippage_delay_label(r, Language::English) == "≥ 24 mo overdue");
  r.outcome = SlipOutcome::Undetermined;
  r.delay_min = -20;
  r.delay_max = 6;
  CHECK(delay_class(r) == DelayClass::Undetermined);
  CHECK(slippage_delay_label(r, Language::Chinese) == "待定，-20至6个月");
  CHECK(slippage_delay_label(r, Language::English) == "undetermined, -20 to 6 mo");
  // The lateness ramp darkens step by step (readable in greyscale and with any colour vision).
  auto luma = [](Rgba c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  CHECK(luma(delay_colour(DelayClass::Under6)) > luma(delay_colour(DelayClass::Under12)));
  CHECK(luma(delay_colour(DelayClass::Under12)) > luma(delay_colour(DelayClass::Under24)));
  CHECK(luma(delay_colour(DelayClass::Under24)) > luma(delay_colour(DelayClass::Over24)));
}

TEST_CASE("the legend names the classes present and the mark types", "[chart][slippage]") {
  const Laid l = lay_out(sorted_fixture());
  for (const char* label : {"按期", "晚不到6个月", "晚6–12个月", "无法判定", "未到期", "预计日期", "实际日期",
                            "仅知在此区间内完成", "逾期未完成（至截至日）"})
    CHECK(has_text(l.scene, label));
  CHECK_FALSE(has_text(l.scene, "晚12–24个月"));
  CHECK_FALSE(has_text(l.scene, "晚24个月以上"));
}

TEST_CASE("an empty filter says so instead of drawing an empty plot", "[chart][slippage]") {
  SlippageChartInput in = wuhai_slippage();
  in.rows.clear();
  const ApproxTextMeasure measure;
  const Scene scene = layout_slippage_chart(in, slippage_time_extent(in), ChartStyle{}, 1200, 600, measure);
  CHECK(has_text(scene, "当前筛选条件下没有数据"));
  CHECK_FALSE(scene.axes.time);
  CHECK(std::none_of(scene.items.begin(), scene.items.end(), [](const Primitive& p) { return bool(p.hit); }));
  CHECK(
      slippage_csv(in, Language::Chinese) ==
      "project,unit,milestone,first_expected,first_reported,latest_expected,actual,happened_from,happened_to,"
      "delay_min_months,delay_max_months,status,status_label\r\n");
}

TEST_CASE("rows that do not fit are counted in a note; the full height shows them all", "[chart][slippage]") {
  SlippageChartInput in = wuhai_slippage();
  const std::vector<SlippageRow> six = in.rows;
  for (int i = 0; i < 9; ++i) in.rows.insert(in.rows.end(), six.begin(), six.end());  // 60 rows
  sort_slippage_rows(in.rows);
  const ApproxTextMeasure measure;
  const Scene small = layout_slippage_chart(in, slippage_time_extent(in), ChartStyle{}, 800, 450, measure);
  int shown = 0;
  for (const Primitive& p : small.items)
    if (p.hit.kind == HitKind::SlippageRow && std::holds_alternative<TextPrim>(p.shape)) ++shown;
  shown /= 2;  // label and delay text per row
  REQUIRE(shown < 60);
  CHECK(has_text(small, "另有" + std::to_string(60 - shown) + "项未显示"));
  const float h = slippage_full_height(in, ChartStyle{}, 800, measure);
  const Scene tall = layout_slippage_chart(in, slippage_time_extent(in), ChartStyle{}, 800, h, measure);
  CHECK(prims<TextPrim>(tall, row_hit(59)).size() == 2);
  CHECK_FALSE(has_text(tall, "另有0项未显示"));
}

TEST_CASE("the CSV holds exactly the plotted numbers, in display order", "[chart][slippage]") {
  CHECK(
      slippage_csv(sorted_fixture(), Language::Chinese) ==
      "project,unit,milestone,first_expected,first_reported,latest_expected,actual,happened_from,happened_to,"
      "delay_min_months,delay_max_months,status,status_label\r\n"
      "君正化工 BDO "
      "可降解塑料产业链项目,,construction_start,2021-05,2021-05-08,2021-05,2022-04-08,2022-04-08,"
      "2022-04-08,11,11,late,延期\r\n"
      "东方希望光伏全产业链项目,多晶硅 第一阶段 "
      "6.25万吨/年,commissioning,2023-12,2023-01,2023-12,,,,10,10,past_due,"
      "已逾期，未见完成报道\r\n"
      "华恒 "
      "PTMEG、PBAT新型材料产业链一体化项目,,trial_production,2022-08,2022-08,2022-08,,2023-01-26,2024-10-22,"
      "5,26,late,延期\r\n"
      "示例项目,1号线,commissioning,2023-12,2023-03-01,2023-11,2023-11,2023-11-01,2023-11-30,-1,-1,on_time,"
      "按期\r\n"
      "华恒 PTMEG、PBAT新型材料产业链一体化项目,PTMEG 1号线 "
      "4.6万吨/年,commissioning,2023-04,2023-01-26,2023-04,,"
      "2023-01-26,2024-10-22,-3,18,undetermined,无法判定\r\n"
      "广锦BDO-PBAT项目,,commissioning,2025-07,2024-06-20,2025-07,,,,,,not_yet_due,未到期\r\n");
}
