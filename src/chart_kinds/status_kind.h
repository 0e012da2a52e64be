// Status summary: projects (or capacity of one product) per status at the end of each year, as
// stacked bars with a table (chart/status_chart.h).
#pragma once

#include "chart/status_chart.h"
#include "chart_kinds/chart_kind.h"

namespace indtrack {

struct StatusChart {
  static constexpr std::string_view kId = "status";
  static constexpr std::string_view kNameZh = "状态汇总", kNameEn = "Status summary";
  static constexpr std::string_view kTabEn = "Status";
  static constexpr ChartTimeAxis kTimeAxis = ChartTimeAxis::None;
  static constexpr bool kFitsRows = false;
  static constexpr bool kNeedsFacts = true;
  static std::span<const ChartOptionSpec> options();

  chart::StatusChartInput input;

  static StatusChart build(const ChartBuildArgs& args);
  chart::FrameText& text() { return input.text; }
  bool empty() const { return input.years.empty() || input.statuses.empty(); }
  std::optional<chart::TimeRange> time_extent() const { return std::nullopt; }
  void prepare_layout(const chart::ChartStyle&, const chart::TextMeasure&) {}
  float full_height(const chart::ChartStyle&, float, const chart::TextMeasure&) const { return 0; }
  chart::Scene layout(const ChartLayoutArgs& args) const {
    return chart::layout_status_chart(input, args.style, args.width, args.height, args.measure);
  }
  std::string csv(Language lang) const;
  std::vector<std::string> tooltip(const chart::HitId& hit, double, Language lang) const {
    return chart::status_tooltip(input, hit, lang);
  }
  std::int64_t ref(const chart::HitId&) const { return -1; }  // a cell counts many projects
  bool toggle_legend(const chart::HitId& hit, ChartOptions& options, ChartToggles& toggles) const;
  void hide(const ChartToggles& toggles);
  void prepare_export() {}
};

}  // namespace indtrack
