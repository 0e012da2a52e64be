// The five charts of the fixture data (core/chart_fixtures.h) laid out as scenes, for the tests of
// painters: capacity, timeline, investment, status (with its table) and plan versus actual.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "chart/capacity_chart.h"
#include "chart/investment_chart.h"
#include "chart/slippage_chart.h"
#include "chart/status_chart.h"
#include "chart/timeline_chart.h"
#include "core/chart_fixtures.h"

namespace chart_fixtures {

struct NamedScene {
  std::string name;  // "capacity", ...
  Scene scene;
};

// `colours` must outlive the scenes' use of the style (it is read while laying out only).
inline std::vector<NamedScene> fixture_scenes(Language lang, bool dark, const TextMeasure& measure,
                                              float width, float height, const CategoryColours& colours) {
  ChartStyle style;
  style.theme = dark ? dark_theme() : light_theme();
  style.lang = lang;
  style.colours = &colours;
  std::vector<NamedScene> out;

  const CapacityChartInput cap = wuhai_capacity();
  const CapacityStack stack = stack_capacity(cap);
  out.push_back({"capacity", layout_capacity_chart(cap, stack, capacity_time_extent(stack), style, width,
                                                   height, measure)});

  const TimelineChartInput tl = wuhai_timeline();
  const TimelineIndex idx = index_timeline(tl, style, measure);
  out.push_back({"timeline", layout_timeline_chart(tl, idx, {timeline_time_extent(idx), 0}, style, width,
                                                   height, measure)});

  out.push_back({"investment", layout_investment_chart(wuhai_investment(), style, width, height, measure)});

  StatusChartInput st = wuhai_status();
  st.include_table = true;
  out.push_back({"status", layout_status_chart(st, style, width, height, measure)});

  SlippageChartInput slip = wuhai_slippage();
  sort_slippage_rows(slip.rows);
  out.push_back(
      {"slippage", layout_slippage_chart(slip, slippage_time_extent(slip), style, width, height, measure)});
  return out;
}

}  // namespace chart_fixtures
