// Plan versus actual: for each milestone with an announced date, its expectations over time and
// when it happened, sorted by delay (chart/slippage_chart.h, docs/slippage.md).
#pragma once

#include "chart/slippage_chart.h"
#include "chart_kinds/chart_kind.h"

namespace indtrack {

struct SlippageChart {
  static constexpr std::string_view kId = "slippage";
  static constexpr std::string_view kNameZh = "计划与实际", kNameEn = "Plan vs actual";
  static constexpr ChartTimeAxis kTimeAxis = ChartTimeAxis::Own;
  static constexpr bool kFitsRows = true;
  static constexpr bool kNeedsFacts = false;  // computed from the milestones themselves
  static std::span<const ChartOptionSpec> options() { return {}; }

  chart::SlippageChartInput input;

  static SlippageChart build(const ChartBuildArgs& args);
  chart::FrameText& text() { return input.text; }
  bool empty() const { return input.rows.empty(); }
  std::optional<chart::TimeRange> time_extent() const { return chart::slippage_time_extent(input); }
  void prepare_layout(const chart::ChartStyle&, const chart::TextMeasure&) {}
  float full_height(const chart::ChartStyle& style, float width, const chart::TextMeasure& measure) const {
    return chart::slippage_full_height(input, style, width, measure);
  }
  chart::Scene layout(const ChartLayoutArgs& args) const;
  std::string csv(Language lang) const { return chart::slippage_csv(input, lang); }
  std::vector<std::string> tooltip(const chart::HitId& hit, double, Language lang) const {
    return chart::slippage_tooltip(input, hit, lang);
  }
  std::int64_t ref(const chart::HitId& hit) const;
  bool toggle_legend(const chart::HitId&, ChartOptions&, ChartToggles&) const { return false; }
  void hide(const ChartToggles&) {}
  void prepare_export() {}
};

}  // namespace indtrack
