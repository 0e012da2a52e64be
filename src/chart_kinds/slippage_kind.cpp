// Plan versus actual (slippage_kind.h).
#include "chart_kinds/slippage_kind.h"

#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/slippage_series.h"

namespace indtrack {

SlippageChart SlippageChart::build(const ChartBuildArgs& a) {
  return {slippage_chart_input(a.index.data(), a.projects, a.spec, a.options)};
}

chart::Scene SlippageChart::layout(const ChartLayoutArgs& a) const {
  const chart::TimeRange time = a.view.time.span() > 0 ? a.view.time : chart::slippage_time_extent(input);
  return chart::layout_slippage_chart(input, time, a.style, a.width, a.height, a.measure);
}

std::int64_t SlippageChart::ref(const chart::HitId& hit) const {
  switch (hit.kind) {
    case chart::HitKind::SlippageRow:
    case chart::HitKind::SlippageExpected:
    case chart::HitKind::SlippageActual:
      if (hit.index >= 0 && static_cast<std::size_t>(hit.index) < input.rows.size())
        return input.rows[static_cast<std::size_t>(hit.index)].ref;
      return -1;
    default:
      return -1;
  }
}

}  // namespace indtrack
