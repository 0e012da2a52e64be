// Capacity growth: stacked steps of capacity per company, park or district over time, expected
// capacity hatched, the city's official figures as reference marks (chart/capacity_chart.h).
#pragma once

#include "chart/capacity_chart.h"
#include "chart_kinds/chart_kind.h"

namespace indtrack {

struct CapacityChart {
  static constexpr std::string_view kId = "capacity";
  static constexpr std::string_view kNameZh = "产能增长", kNameEn = "Capacity growth";
  static constexpr std::string_view kTabEn = "Capacity";
  static constexpr ChartTimeAxis kTimeAxis = ChartTimeAxis::Shared;
  static constexpr bool kFitsRows = false;
  static constexpr bool kNeedsFacts = true;
  static std::span<const ChartOptionSpec> options();

  chart::CapacityChartInput input;
  chart::CapacityStack stack;  // stack_capacity(input): redone after toggling series

  static CapacityChart build(const ChartBuildArgs& args);
  chart::FrameText& text() { return input.text; }
  bool empty() const;
  std::optional<chart::TimeRange> time_extent() const { return chart::capacity_time_extent(stack); }
  void prepare_layout(const chart::ChartStyle&, const chart::TextMeasure&) {}
  float full_height(const chart::ChartStyle&, float, const chart::TextMeasure&) const { return 0; }
  chart::Scene layout(const ChartLayoutArgs& args) const;
  std::string csv(Language lang) const;
  std::vector<std::string> tooltip(const chart::HitId& hit, double cursor_day, Language lang) const;
  std::int64_t ref(const chart::HitId& hit) const;
  bool toggle_legend(const chart::HitId& hit, ChartOptions& options, ChartToggles& toggles) const;
  void hide(const ChartToggles& toggles);
  void prepare_export() {}
};

}  // namespace indtrack
