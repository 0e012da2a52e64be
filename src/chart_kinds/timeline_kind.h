// Project timeline: one row per project (or production line), its phases as coloured segments,
// milestones as marks, grouped by district, park or industry (chart/timeline_chart.h).
#pragma once

#include "chart/timeline_chart.h"
#include "chart_kinds/chart_kind.h"

namespace indtrack {

struct TimelineChart {
  static constexpr std::string_view kId = "timeline";
  static constexpr std::string_view kNameZh = "项目进度", kNameEn = "Project timeline";
  static constexpr std::string_view kTabEn = "Timeline";
  static constexpr ChartTimeAxis kTimeAxis = ChartTimeAxis::Shared;
  static constexpr bool kFitsRows = true;
  static constexpr bool kNeedsFacts = true;
  static std::span<const ChartOptionSpec> options();

  chart::TimelineChartInput input;
  // The rows laid out once per data and style (prepare_layout): scrolling and zooming reuse it.
  chart::TimelineIndex index;
  bool indexed = false;

  static TimelineChart build(const ChartBuildArgs& args);
  chart::FrameText& text() { return input.text; }
  bool empty() const { return input.rows.empty(); }
  std::optional<chart::TimeRange> time_extent() const;
  void prepare_layout(const chart::ChartStyle& style, const chart::TextMeasure& measure);
  float full_height(const chart::ChartStyle& style, float width, const chart::TextMeasure& measure) const;
  chart::Scene layout(const ChartLayoutArgs& args) const;
  std::string csv(Language lang) const;
  std::vector<std::string> tooltip(const chart::HitId& hit, double cursor_day, Language lang) const;
  std::int64_t ref(const chart::HitId& hit) const;
  bool toggle_legend(const chart::HitId&, ChartOptions&, ChartToggles&) const { return false; }
  void hide(const ChartToggles&) {}
  void prepare_export() { input.whole_rows = true; }  // no row cut in half at the bottom edge
};

}  // namespace indtrack
