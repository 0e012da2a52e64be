// Report-ready at every size: from 800×450 to 3840×2160, in Chinese and English, every text lies
// inside the canvas and no two texts overlap — with long titles and footers that must wrap.
#include <catch2/catch_test_macros.hpp>

#include <sstream>

#include "chart/capacity_chart.h"
#include "chart/investment_chart.h"
#include "chart/slippage_chart.h"
#include "chart/status_chart.h"
#include "chart/timeline_chart.h"
#include "chart_fixtures.h"

using namespace chart_fixtures;

namespace {

struct Canvas {
  float width;
  float height;
  float scale;  // style scale factor (exports at 4K use larger type)
};

constexpr Canvas kCanvases[] = {
    {800, 450, 1}, {1024, 768, 1}, {1600, 900, 1}, {3840, 2160, 1}, {3840, 2160, 2.5f}};

// Empty when every text is inside the canvas and no two texts overlap; else what is wrong.
std::string text_problems(const Scene& scene) {
  std::ostringstream out;
  std::vector<const TextPrim*> texts;
  const RectF canvas{0, 0, scene.width, scene.height};
  for (const Primitive& p : scene.items) {
    const auto* t = std::get_if<TextPrim>(&p.shape);
    if (!t) continue;
    // Rows scrolled out of a clipped area would not be visible; layouts must not emit them.
    if (!canvas.contains(t->box))
      out << "outside: \"" << t->text << "\" [" << t->box.x0 << "," << t->box.y0 << "," << t->box.x1 << ","
          << t->box.y1 << "]\n";
    if (p.clip >= 0 && !scene.clips[static_cast<std::size_t>(p.clip)].contains(t->box))
      out << "clipped: \"" << t->text << "\"\n";
    texts.push_back(t);
  }
  for (std::size_t i = 0; i < texts.size(); ++i)
    for (std::size_t j = i + 1; j < texts.size(); ++j)
      if (texts[i]->box.intersects(texts[j]->box))
        out << "overlap: \"" << texts[i]->text << "\" and \"" << texts[j]->text << "\"\n";
  return out.str();
}

void long_text(FrameText& text) {
  text.title += "：乌海市高新技术产业开发区一区四园重点项目年度产能与进度监测（含在建、试生产与规划项目）";
  text.subtitle += " · 海南区、海勃湾区、乌达区 · 全部行业 · 全部状态 · 含预计";
  text.footer +=
      " 另见：中化新网 2021-05-08《君正拟投资207亿元建设BDO及可降解材料项目》；内蒙古日报 2022-04-12；"
      "经济日报 2022-09-20；乌海市生态环境局公示 2025-07。English sources: GEM Chemicals Tracker (2024).";
}

}  // namespace

TEST_CASE("all five charts keep every text inside the canvas without overlaps", "[chart][sizes]") {
  const ApproxTextMeasure measure;
  const CategoryColours colours = wuhai_colours();
  for (const Canvas& c : kCanvases)
    for (Language lang : {Language::Chinese, Language::English})
      for (bool long_strings : {false, true}) {
        ChartStyle style = ChartStyle{}.scaled(c.scale);
        style.lang = lang;
        style.colours = &colours;
        INFO(c.width << "x" << c.height << " scale " << c.scale << (lang == Language::Chinese ? " zh" : " en")
                     << (long_strings ? " long strings" : ""));

        CapacityChartInput cap = wuhai_capacity();
        if (long_strings) {
          long_text(cap.text);
          cap.text.note += cap.text.note + cap.text.note;  // wraps to two lines, the second shortened
          cap.by_status[3].label = "在建·无预计日期（未见任何来源报道预计投产或试生产的日期）";
        }
        const CapacityStack stack = stack_capacity(cap);
        const Scene cap_scene =
            layout_capacity_chart(cap, stack, capacity_time_extent(stack), style, c.width, c.height, measure);
        CHECK(text_problems(cap_scene) == "");

        TimelineChartInput tl = wuhai_timeline();
        if (long_strings) long_text(tl.text);
        const TimelineIndex idx = index_timeline(tl, style, measure);
        CHECK(text_problems(layout_timeline_chart(tl, idx, {timeline_time_extent(idx), 0}, style, c.width,
                                                  c.height, measure)) == "");

        InvestmentChartInput inv = wuhai_investment();
        if (long_strings) long_text(inv.text);
        CHECK(text_problems(layout_investment_chart(inv, style, c.width, c.height, measure)) == "");

        StatusChartInput st = wuhai_status();
        st.include_table = true;
        if (long_strings) long_text(st.text);
        CHECK(text_problems(layout_status_chart(st, style, c.width, c.height, measure)) == "");

        SlippageChartInput slip = wuhai_slippage();
        sort_slippage_rows(slip.rows);
        if (long_strings) {
          long_text(slip.text);
          slip.rows[0].label +=
              "（一期、二期及配套公用工程，含乌海市高新技术产业开发区低碳产业园内全部装置）";
        }
        CHECK(text_problems(layout_slippage_chart(slip, slippage_time_extent(slip), style, c.width, c.height,
                                                  measure)) == "");
      }
}

TEST_CASE("zoomed and scrolled views keep texts inside too", "[chart][sizes]") {
  const ApproxTextMeasure measure;
  const ChartStyle style;
  const CapacityChartInput cap = wuhai_capacity();
  const CapacityStack stack = stack_capacity(cap);
  for (TimeRange r : {TimeRange{double(day_of(2022, 11, 1)), double(day_of(2022, 12, 31))},
                      TimeRange{double(day_of(2024, 5, 20)), double(day_of(2024, 6, 20))},
                      TimeRange{double(day_of(1990, 1, 1)), double(day_of(2060, 1, 1))}}) {
    CHECK(text_problems(layout_capacity_chart(cap, stack, r, style, 800, 450, measure)) == "");
    const TimelineChartInput tl = wuhai_timeline();
    const TimelineIndex idx = index_timeline(tl, style, measure);
    // Scrolled by whole rows (a row half scrolled out is legitimately clipped at the plot edge).
    CHECK(text_problems(layout_timeline_chart(tl, idx, {r, 2 * style.row_px}, style, 800, 450, measure)) ==
          "");
  }
}
