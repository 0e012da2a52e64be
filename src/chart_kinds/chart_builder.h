// One chart of the current filter, end to end, shared by the dashboard's chart panel and the
// export and report verbs: which chart (ChartKind), its input from the dataset and filter
// (chart_series.h, slippage_series.h), the data derived from that input, the scene for a canvas
// size and view, and the CSV of exactly the plotted numbers. Building the data is the expensive
// step (on a filter or option change); laying out a scene is cheap (per size or view change).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart/capacity_chart.h"
#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/timeline_chart.h"
#include "chart/view.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

enum class ChartKind : std::uint8_t { Capacity, Timeline, Investment, Status, Slippage };
inline constexpr std::array<ChartKind, 5> kAllChartKinds = {
    ChartKind::Capacity, ChartKind::Timeline, ChartKind::Investment, ChartKind::Status, ChartKind::Slippage};

std::string_view chart_kind_id(ChartKind kind);  // "capacity", "timeline", ... (command line, file names)
std::optional<ChartKind> chart_kind_from_id(std::string_view id);
std::string_view chart_kind_label(ChartKind kind, chart::Lang lang);  // 产能增长 / Capacity growth

// The input of one chart and what is derived from the input alone. Only the member of `kind`
// is filled.
struct ChartData {
  ChartKind kind = ChartKind::Capacity;
  chart::CapacityChartInput capacity;
  chart::CapacityStack capacity_stack;  // stack_capacity(capacity): redo after toggling series
  chart::TimelineChartInput timeline;
  chart::InvestmentChartInput investment;
  chart::StatusChartInput status;
  chart::SlippageChartInput slippage;

  chart::FrameText& text();
  const chart::FrameText& text() const;
  bool empty() const;  // nothing to plot: the chart shows its "no data" message
};

ChartData build_chart_data(ChartKind kind, const Dataset& data, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options);
// The same from an index built once per dataset version (the dashboard's, on a filter change).
ChartData build_chart_data(ChartKind kind, const DatasetIndex& index, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options);

// Legend toggles: capacity series whose key is in `series_keys` are hidden (the stack is
// rebuilt), statuses in `statuses` are left out of the status summary.
void hide_chart_items(ChartData& data, const std::vector<std::string>& series_keys,
                      const std::vector<Status>& statuses);

// The time range showing all of a time chart's data (capacity, timeline, slippage); nullopt for
// the others. The timeline needs its index.
std::optional<chart::TimeRange> chart_time_extent(const ChartData& data, const chart::TimelineIndex* index);

// The scene of `data` on a width × height canvas. `view.time` is used by the time charts (fit
// to the data when its span is zero), `view.scroll_y` by the timeline; `index` must be the
// timeline's index_timeline() for the same style and measure (built here when null).
chart::Scene layout_chart(const ChartData& data, const chart::TimelineIndex* index,
                          const chart::ChartView& view, const chart::ChartStyle& style, float width,
                          float height, const chart::TextMeasure& measure);

// The canvas height at which every row or bar fits (timeline, investment, slippage); 0 for the
// charts whose height is free.
float chart_full_height(const ChartData& data, const chart::ChartStyle& style, float width,
                        const chart::TextMeasure& measure);

// The CSV of the plotted numbers (chart_csv.h, slippage_csv()), without a byte-order mark.
std::string chart_csv(const ChartData& data, chart::Lang lang);

}  // namespace indtrack
