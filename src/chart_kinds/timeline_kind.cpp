// Project timeline (timeline_kind.h).
#include "chart_kinds/timeline_kind.h"

#include <algorithm>

#include "chart/chart_csv.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

std::span<const ChartOptionSpec> TimelineChart::options() {
  static const ChartOptionSpec kOptions[] = {
      choice_option(
          "--timeline-group", "分组", "Group", "timeline: group rows (default district)",
          {{static_cast<int>(TimelineGrouping::District), "district", "区", "District"},
           {static_cast<int>(TimelineGrouping::Park), "park", "园区", "Park"},
           {static_cast<int>(TimelineGrouping::Industry), "industry", "产业", "Industry"}},
          [](const ChartOptions& o) { return static_cast<int>(o.timeline_grouping); },
          [](ChartOptions& o, int v) { o.timeline_grouping = static_cast<TimelineGrouping>(v); },
          /*resets_view=*/true),  // other rows: back to the top
      choice_option(
          "--sort", "排序", "Sort", "timeline: row order (default start)",
          {{static_cast<int>(TimelineSort::Start), "start", "按开工", "By start"},
           {static_cast<int>(TimelineSort::Commissioning), "commissioning", "按投产", "By commissioning"}},
          [](const ChartOptions& o) { return static_cast<int>(o.timeline_sort); },
          [](ChartOptions& o, int v) { o.timeline_sort = static_cast<TimelineSort>(v); }),
      flag_option(
          "--per-line", 1, "按产线", "Per production line", "timeline: one row per production line",
          [](const ChartOptions& o) { return static_cast<int>(o.timeline_per_unit); },
          [](ChartOptions& o, int v) { o.timeline_per_unit = v != 0; }),
      flag_option(
          "--dated-rows-only", 1, "仅显示有日期的行", "Only rows with dates",
          "timeline: leave out rows with no dated status or milestone (when the chart is too short)",
          [](const ChartOptions& o) { return static_cast<int>(o.timeline_dated_only); },
          [](ChartOptions& o, int v) { o.timeline_dated_only = v != 0; }),
  };
  return kOptions;
}

namespace {

// Rows with nothing on the time axis leave the chart; the display order is remapped.
void drop_undated_rows(chart::TimelineChartInput& in) {
  constexpr std::uint32_t kDropped = ~0u;
  std::vector<std::uint32_t> new_index(in.rows.size(), kDropped);
  std::vector<chart::TimelineRow> kept;
  for (std::size_t i = 0; i < in.rows.size(); ++i)
    if (!in.rows[i].segments.empty() || !in.rows[i].milestones.empty()) {
      new_index[i] = static_cast<std::uint32_t>(kept.size());
      kept.push_back(std::move(in.rows[i]));
    }
  std::vector<std::uint32_t> order;
  for (const std::uint32_t r : in.order)
    if (r < new_index.size() && new_index[r] != kDropped) order.push_back(new_index[r]);
  in.rows = std::move(kept);
  in.order = std::move(order);
}

}  // namespace

TimelineChart TimelineChart::build(const ChartBuildArgs& a) {
  TimelineChart out;
  out.input = timeline_chart_input(a.index, a.projects, a.spec, a.options);
  if (a.options.timeline_dated_only) drop_undated_rows(out.input);
  return out;
}

std::optional<chart::TimeRange> TimelineChart::time_extent() const {
  if (!indexed) return std::nullopt;
  return chart::timeline_time_extent(index);
}

void TimelineChart::prepare_layout(const chart::ChartStyle& style, const chart::TextMeasure& measure) {
  index = chart::index_timeline(input, style, measure);
  indexed = true;
}

float TimelineChart::full_height(const chart::ChartStyle& style, float width,
                                 const chart::TextMeasure& measure) const {
  return chart::timeline_full_height(input, indexed ? index : chart::index_timeline(input, style, measure),
                                     style, width, measure);
}

chart::Scene TimelineChart::layout(const ChartLayoutArgs& a) const {
  chart::TimelineIndex own;
  const chart::TimelineIndex* rows = &index;
  if (!indexed) {  // not prepared: index for this one layout
    own = chart::index_timeline(input, a.style, a.measure);
    rows = &own;
  }
  // A canvas taller than its rows (an export of a fixed height, a panel with few projects): the
  // rows fill it, up to twice their height, rather than leaving a blank under them — on screen
  // as in files, which are one layout (tests/ui/chart_export_test.cpp).
  if (rows->content_height > 0) {
    const float full = chart::timeline_full_height(input, *rows, a.style, a.width, a.measure);
    if (full < a.height) {
      chart::ChartStyle taller = a.style;
      taller.row_px *= std::min(2.0f, 1 + 0.999f * (a.height - full) / rows->content_height);
      own = chart::index_timeline(input, taller, a.measure);
      rows = &own;
    }
  }
  chart::ChartView view = a.view;
  if (view.time.span() <= 0) view.time = chart::timeline_time_extent(*rows);
  return chart::layout_timeline_chart(input, *rows, view, a.style, a.width, a.height, a.measure);
}

std::string TimelineChart::csv(Language lang) const { return chart::timeline_csv(input, lang); }

std::vector<std::string> TimelineChart::tooltip(const chart::HitId& hit, double, Language lang) const {
  return chart::timeline_tooltip(input, hit, lang);
}

std::int64_t TimelineChart::ref(const chart::HitId& hit) const {
  switch (hit.kind) {
    case chart::HitKind::TimelineRow:
    case chart::HitKind::TimelineSegment:
    case chart::HitKind::TimelineMilestone:
    case chart::HitKind::TimelineFold:
      if (hit.index >= 0 && static_cast<std::size_t>(hit.index) < input.rows.size())
        return input.rows[static_cast<std::size_t>(hit.index)].ref;
      return -1;
    default:
      return -1;
  }
}

}  // namespace indtrack
