// Project timeline (timeline_kind.h).
#include "chart_kinds/timeline_kind.h"

#include "chart/chart_csv.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

std::span<const ChartOptionSpec> TimelineChart::options() {
  static const ChartOptionSpec kOptions[] = {
      choice_option(
          "--timeline-group", "分组", "Group by", "timeline: group rows (default district)",
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
  };
  return kOptions;
}

TimelineChart TimelineChart::build(const ChartBuildArgs& a) {
  TimelineChart out;
  out.input = timeline_chart_input(a.index, a.projects, a.spec, a.options);
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
