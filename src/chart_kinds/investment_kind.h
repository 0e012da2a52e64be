// Investment: horizontal bars of stated total and completed investment per project, company,
// park, district or industry (chart/investment_chart.h).
#pragma once

#include "chart/investment_chart.h"
#include "chart_kinds/chart_kind.h"

namespace indtrack {

struct InvestmentChart {
  static constexpr std::string_view kId = "investment";
  static constexpr std::string_view kNameZh = "投资", kNameEn = "Investment";
  static constexpr ChartTimeAxis kTimeAxis = ChartTimeAxis::None;
  static constexpr bool kFitsRows = true;
  static constexpr bool kNeedsFacts = true;
  static std::span<const ChartOptionSpec> options();

  chart::InvestmentChartInput input;

  static InvestmentChart build(const ChartBuildArgs& args);
  chart::FrameText& text() { return input.text; }
  bool empty() const { return input.bars.empty(); }
  std::optional<chart::TimeRange> time_extent() const { return std::nullopt; }
  void prepare_layout(const chart::ChartStyle&, const chart::TextMeasure&) {}
  float full_height(const chart::ChartStyle& style, float width, const chart::TextMeasure& measure) const {
    return chart::investment_full_height(input, style, width, measure);
  }
  chart::Scene layout(const ChartLayoutArgs& args) const {
    return chart::layout_investment_chart(input, args.style, args.width, args.height, args.measure);
  }
  std::string csv(Language lang) const;
  std::vector<std::string> tooltip(const chart::HitId& hit, double, Language lang) const {
    return chart::investment_tooltip(input, hit, lang);
  }
  std::int64_t ref(const chart::HitId& hit) const;
  bool toggle_legend(const chart::HitId&, ChartOptions&, ChartToggles&) const { return false; }
  void hide(const ChartToggles&) {}
  void prepare_export() {}
};

}  // namespace indtrack
