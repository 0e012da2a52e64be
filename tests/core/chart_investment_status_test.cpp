// Investment bars (total vs completed, value labels in 亿元) and the status-by-year summary
// (stacking and the table).
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>

#include "chart/investment_chart.h"
#include "chart/status_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {
std::vector<const Primitive*> with_hit(const Scene& scene, HitKind kind) {
  std::vector<const Primitive*> out;
  for (const Primitive& p : scene.items)
    if (p.hit.kind == kind) out.push_back(&p);
  return out;
}
const RectPrim* rect_for(const Scene& scene, HitId hit) {
  for (const Primitive& p : scene.items)
    if (p.hit == hit)
      if (const auto* r = std::get_if<RectPrim>(&p.shape)) return r;
  return nullptr;
}
}  // namespace

TEST_CASE("investment bars are as long as their values; completed is drawn over total",
          "[chart][investment]") {
  const InvestmentChartInput in = wuhai_investment();
  const ApproxTextMeasure measure;
  const CategoryColours colours = wuhai_colours();
  ChartStyle style;
  style.colours = &colours;
  const Scene scene = layout_investment_chart(in, style, 1200, 600, measure);
  REQUIRE(scene.axes.value);
  const LinearScale& x = *scene.axes.value;
  CHECK(x.d1 == 250);  // 207 with headroom -> nice 250
  const RectPrim* junzheng = rect_for(scene, {HitKind::InvestmentBar, 0, 0});
  REQUIRE(junzheng);
  CHECK(junzheng->rect.x0 == x.map(0));
  CHECK(junzheng->rect.x1 == x.map(207));
  const RectPrim* total = rect_for(scene, {HitKind::InvestmentBar, 2, 0});
  const RectPrim* completed = rect_for(scene, {HitKind::InvestmentBar, 2, 1});
  REQUIRE(total);
  REQUIRE(completed);
  CHECK(total->rect.x1 == x.map(105));
  CHECK(completed->rect.x1 == x.map(60));
  CHECK(completed->fill == colours.colour("huaheng", style.theme));
  CHECK(total->fill ==
        expected_fill(colours.colour("huaheng", style.theme), style.theme));  // lighter: planned, not spent
  // Completed is on top, so hovering its part reports "completed".
  CHECK(hit_test(scene, x.map(30), (completed->rect.y0 + completed->rect.y1) / 2)->id ==
        HitId{HitKind::InvestmentBar, 2, 1});
  CHECK(hit_test(scene, x.map(90), (completed->rect.y0 + completed->rect.y1) / 2)->id ==
        HitId{HitKind::InvestmentBar, 2, 0});
  // Bars keep the input order top to bottom.
  CHECK(rect_for(scene, {HitKind::InvestmentBar, 1, 0})->rect.y0 > junzheng->rect.y0);

  // 约 belongs to the total; the completed figure keeps its own "多" (more than 60, not about 60).
  CHECK(investment_value_label(in.bars[2], in, Language::Chinese) == "60多 / 约105亿元");
  CHECK(investment_value_label(in.bars[1], in, Language::Chinese) == "130.66亿元");
  CHECK(investment_value_label(in.bars[1], in, Language::English) == "130.66 亿元");
  CHECK(investment_tooltip(in, {HitKind::InvestmentBar, 2, 1}, Language::Chinese) ==
        std::vector<std::string>{"华恒 BDO 一体化", "总投资 约105亿元", "已完成投资 60多亿元"});
}

TEST_CASE("bars that do not fit are counted in a note; the full height shows them all",
          "[chart][investment]") {
  InvestmentChartInput in;
  in.text.value_unit = "亿元";
  for (int i = 0; i < 100; ++i) {
    InvestmentBar b;
    b.label = "项目" + std::to_string(i);
    b.total = 100 - i;
    in.bars.push_back(b);
  }
  const ApproxTextMeasure measure;
  const Scene small = layout_investment_chart(in, ChartStyle{}, 800, 450, measure);
  std::set<std::int32_t> shown;
  for (const Primitive* p : with_hit(small, HitKind::InvestmentBar)) shown.insert(p->hit.index);
  REQUIRE(shown.size() < 100);
  const std::string note = "另有" + std::to_string(100 - shown.size()) + "项未显示";
  CHECK(std::any_of(small.items.begin(), small.items.end(), [&](const Primitive& p) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    return t && t->text == note;
  }));
  const float h = investment_full_height(in, ChartStyle{}, 800, measure);
  shown.clear();
  const Scene tall = layout_investment_chart(in, ChartStyle{}, 800, h, measure);
  for (const Primitive* p : with_hit(tall, HitKind::InvestmentBar)) shown.insert(p->hit.index);
  CHECK(shown.size() == 100);
}

TEST_CASE("status bars stack by status in input order", "[chart][status]") {
  const StatusChartInput in = wuhai_status();
  const ApproxTextMeasure measure;
  const Scene scene = layout_status_chart(in, ChartStyle{}, 1200, 600, measure);
  REQUIRE(scene.axes.value);
  const LinearScale& y = *scene.axes.value;
  CHECK(y.d1 == 300);
  // 2024: operating 69.2, trial 30, construction 30, announced 120.
  const RectPrim* op = rect_for(scene, {HitKind::StatusCell, 3, 0});
  const RectPrim* trial = rect_for(scene, {HitKind::StatusCell, 3, 1});
  const RectPrim* cons = rect_for(scene, {HitKind::StatusCell, 3, 2});
  const RectPrim* ann = rect_for(scene, {HitKind::StatusCell, 3, 3});
  REQUIRE((op && trial && cons && ann));
  CHECK(op->rect.y1 == y.map(0));
  CHECK(op->rect.y0 == y.map(69.2));
  CHECK(trial->rect.y1 == y.map(69.2));
  CHECK(trial->rect.y0 == y.map(99.2));
  CHECK(cons->rect.y0 == y.map(129.2));
  CHECK(ann->rect.y0 == y.map(249.2));
  CHECK(op->fill == status_colour(Status::Operating, light_theme()));
  // A zero cell draws nothing: no trial production in 2021.
  CHECK(rect_for(scene, {HitKind::StatusCell, 0, 1}) == nullptr);
  CHECK(with_hit(scene, HitKind::StatusCell).size() == 13);
  CHECK(status_tooltip(in, {HitKind::StatusCell, 3, 1}, Language::Chinese) ==
        std::vector<std::string>{"2024 · 试生产 · 30 万吨/年", "合计 249.2 万吨/年"});
}

TEST_CASE("the status table holds the same numbers as the bars", "[chart][status]") {
  const StatusTable t = status_table(wuhai_status(), Language::Chinese);
  CHECK(t.header == std::vector<std::string>{"年份", "投产", "试生产", "在建", "规划", "合计"});
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0] == std::vector<std::string>{"2021", "10", "0", "28", "120", "158"});
  CHECK(t.rows[3] == std::vector<std::string>{"2024", "69.2", "30", "30", "120", "249.2"});
  CHECK(status_table(wuhai_status(), Language::English).header ==
        std::vector<std::string>{"year", "operating", "trial production", "under construction", "announced",
                                 "total"});

  StatusChartInput with_table = wuhai_status();
  with_table.include_table = true;
  const ApproxTextMeasure measure;
  const Scene scene = layout_status_chart(with_table, ChartStyle{}, 1600, 900, measure);
  // The table's total cell for 2024 and the total above the 2024 bar: "249.2" twice.
  const auto totals = std::count_if(scene.items.begin(), scene.items.end(), [](const Primitive& p) {
    const auto* text = std::get_if<TextPrim>(&p.shape);
    return text && text->text == "249.2";
  });
  CHECK(totals == 2);
  // Table cells carry the cell's hit id: 2024 / 试生产.
  const bool trial_cell = std::any_of(scene.items.begin(), scene.items.end(), [](const Primitive& p) {
    return std::holds_alternative<TextPrim>(p.shape) && p.hit == HitId{HitKind::StatusCell, 3, 1};
  });
  CHECK(trial_cell);
}

TEST_CASE("empty investment and status inputs show the no-data message", "[chart][investment][status]") {
  const ApproxTextMeasure measure;
  auto has_message = [](const Scene& s) {
    return std::any_of(s.items.begin(), s.items.end(), [](const Primitive& p) {
      const auto* t = std::get_if<TextPrim>(&p.shape);
      return t && t->text == "当前筛选条件下没有数据";
    });
  };
  CHECK(has_message(layout_investment_chart(InvestmentChartInput{}, ChartStyle{}, 800, 450, measure)));
  StatusChartInput zeros = wuhai_status();
  for (auto& row : zeros.values) std::fill(row.begin(), row.end(), 0.0);
  CHECK(has_message(layout_status_chart(zeros, ChartStyle{}, 800, 450, measure)));
}
