// One chart end to end (chart_builder.h).
#include "chart_kinds/chart_builder.h"

#include <algorithm>

#include "chart/chart_csv.h"
#include "chart/investment_chart.h"
#include "chart/slippage_chart.h"
#include "chart/status_chart.h"
#include "chart_kinds/slippage_series.h"
#include "query/dataset_index.h"

namespace indtrack {

namespace {

struct KindNames {
  ChartKind kind;
  const char* id;
  const char* zh;
  const char* en;
};

constexpr KindNames kKindNames[] = {
    {ChartKind::Capacity, "capacity", "产能增长", "Capacity growth"},
    {ChartKind::Timeline, "timeline", "项目进度", "Project timeline"},
    {ChartKind::Investment, "investment", "投资", "Investment"},
    {ChartKind::Status, "status", "状态汇总", "Status summary"},
    {ChartKind::Slippage, "slippage", "计划与实际", "Plan vs actual"},
};

const KindNames& names_of(ChartKind kind) {
  for (const KindNames& n : kKindNames)
    if (n.kind == kind) return n;
  return kKindNames[0];
}

}  // namespace

std::string_view chart_kind_id(ChartKind kind) { return names_of(kind).id; }

std::optional<ChartKind> chart_kind_from_id(std::string_view id) {
  for (const KindNames& n : kKindNames)
    if (id == n.id) return n.kind;
  return std::nullopt;
}

std::string_view chart_kind_label(ChartKind kind, chart::Lang lang) {
  return lang == chart::Lang::En ? names_of(kind).en : names_of(kind).zh;
}

chart::FrameText& ChartData::text() {
  switch (kind) {
    case ChartKind::Capacity:
      return capacity.text;
    case ChartKind::Timeline:
      return timeline.text;
    case ChartKind::Investment:
      return investment.text;
    case ChartKind::Status:
      return status.text;
    case ChartKind::Slippage:
      return slippage.text;
  }
  return capacity.text;
}

const chart::FrameText& ChartData::text() const { return const_cast<ChartData*>(this)->text(); }

bool ChartData::empty() const {
  switch (kind) {
    case ChartKind::Capacity:
      return capacity_stack.empty;
    case ChartKind::Timeline:
      return timeline.rows.empty();
    case ChartKind::Investment:
      return investment.bars.empty();
    case ChartKind::Status:
      return status.years.empty() || status.statuses.empty();
    case ChartKind::Slippage:
      return slippage.rows.empty();
  }
  return true;
}

ChartData build_chart_data(ChartKind kind, const Dataset& data, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options) {
  if (kind == ChartKind::Slippage)
    return build_chart_data(kind, DatasetIndex(data, {}), projects, spec, options);
  return build_chart_data(kind, DatasetIndex(data, projects), projects, spec, options);
}

ChartData build_chart_data(ChartKind kind, const DatasetIndex& index, const std::vector<int>& projects,
                           const FilterSpec& spec, const ChartOptions& options) {
  ChartData out;
  out.kind = kind;
  switch (kind) {
    case ChartKind::Capacity:
      out.capacity = capacity_chart_input(index, projects, spec, options);
      out.capacity_stack = chart::stack_capacity(out.capacity);
      break;
    case ChartKind::Timeline:
      out.timeline = timeline_chart_input(index, projects, spec, options);
      break;
    case ChartKind::Investment:
      out.investment = investment_chart_input(index, projects, spec, options);
      break;
    case ChartKind::Status:
      out.status = status_chart_input(index, projects, spec, options);
      break;
    case ChartKind::Slippage:
      out.slippage = slippage_chart_input(index.data(), projects, spec, options);
      break;
  }
  return out;
}

void hide_chart_items(ChartData& data, const std::vector<std::string>& series_keys,
                      const std::vector<Status>& statuses) {
  auto listed = [](const auto& list, const auto& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (data.kind == ChartKind::Capacity && !series_keys.empty()) {
    for (chart::CapacitySeries& s : data.capacity.series) s.visible = !listed(series_keys, s.key);
    data.capacity_stack = chart::stack_capacity(data.capacity);
  }
  if (data.kind == ChartKind::Status && !statuses.empty()) {
    chart::StatusChartInput& in = data.status;
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < in.statuses.size(); ++i)
      if (!listed(statuses, in.statuses[i])) kept.push_back(i);
    std::vector<Status> kept_statuses;
    for (std::size_t i : kept) kept_statuses.push_back(in.statuses[i]);
    for (std::vector<double>& year : in.values) {
      std::vector<double> row;
      for (std::size_t i : kept) row.push_back(i < year.size() ? year[i] : 0.0);
      year = std::move(row);
    }
    in.statuses = std::move(kept_statuses);
  }
}

std::optional<chart::TimeRange> chart_time_extent(const ChartData& data, const chart::TimelineIndex* index) {
  switch (data.kind) {
    case ChartKind::Capacity:
      return chart::capacity_time_extent(data.capacity_stack);
    case ChartKind::Timeline:
      if (index) return chart::timeline_time_extent(*index);
      return std::nullopt;
    case ChartKind::Slippage:
      return chart::slippage_time_extent(data.slippage);
    case ChartKind::Investment:
    case ChartKind::Status:
      return std::nullopt;
  }
  return std::nullopt;
}

chart::Scene layout_chart(const ChartData& data, const chart::TimelineIndex* index,
                          const chart::ChartView& view, const chart::ChartStyle& style, float width,
                          float height, const chart::TextMeasure& measure) {
  chart::ChartView v = view;
  switch (data.kind) {
    case ChartKind::Capacity:
      if (v.time.span() <= 0) v.time = chart::capacity_time_extent(data.capacity_stack);
      return chart::layout_capacity_chart(data.capacity, data.capacity_stack, v.time, style, width, height,
                                          measure);
    case ChartKind::Timeline: {
      chart::TimelineIndex own;
      if (!index) {
        own = chart::index_timeline(data.timeline, style, measure);
        index = &own;
      }
      if (v.time.span() <= 0) v.time = chart::timeline_time_extent(*index);
      return chart::layout_timeline_chart(data.timeline, *index, v, style, width, height, measure);
    }
    case ChartKind::Investment:
      return chart::layout_investment_chart(data.investment, style, width, height, measure);
    case ChartKind::Status:
      return chart::layout_status_chart(data.status, style, width, height, measure);
    case ChartKind::Slippage:
      if (v.time.span() <= 0) v.time = chart::slippage_time_extent(data.slippage);
      return chart::layout_slippage_chart(data.slippage, v.time, style, width, height, measure);
  }
  return {};
}

float chart_full_height(const ChartData& data, const chart::ChartStyle& style, float width,
                        const chart::TextMeasure& measure) {
  switch (data.kind) {
    case ChartKind::Timeline:
      return chart::timeline_full_height(data.timeline, chart::index_timeline(data.timeline, style, measure),
                                         style, width, measure);
    case ChartKind::Investment:
      return chart::investment_full_height(data.investment, style, width, measure);
    case ChartKind::Slippage:
      return chart::slippage_full_height(data.slippage, style, width, measure);
    case ChartKind::Capacity:
    case ChartKind::Status:
      return 0;
  }
  return 0;
}

std::string chart_csv(const ChartData& data, chart::Lang lang) {
  switch (data.kind) {
    case ChartKind::Capacity:
      return chart::capacity_csv(data.capacity, data.capacity_stack, lang);
    case ChartKind::Timeline:
      return chart::timeline_csv(data.timeline, lang);
    case ChartKind::Investment:
      return chart::investment_csv(data.investment, lang);
    case ChartKind::Status:
      return chart::status_csv(data.status, lang);
    case ChartKind::Slippage:
      return chart::slippage_csv(data.slippage, lang);
  }
  return {};
}

}  // namespace indtrack
