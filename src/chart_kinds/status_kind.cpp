// Status summary (status_kind.h).
#include "chart_kinds/status_kind.h"

#include <algorithm>

#include "chart/chart_csv.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

std::span<const ChartOptionSpec> StatusChart::options() {
  static const ChartOptionSpec kOptions[] = {
      choice_option(
          "--metric", "指标", "Metric", "status summary: project count (default) or capacity",
          {{static_cast<int>(StatusMetric::ProjectCount), "count", "项目数", "Project count"},
           {static_cast<int>(StatusMetric::Capacity), "capacity", "产能", "Capacity"}},
          [](const ChartOptions& o) { return static_cast<int>(o.status_metric); },
          [](ChartOptions& o, int v) { o.status_metric = static_cast<StatusMetric>(v); }),
      product_option([](const ChartOptions& o) { return o.product; },
                     [](ChartOptions& o, int v) { o.product = v; },
                     [](const ChartOptions& o) { return o.status_metric == StatusMetric::Capacity; }),
  };
  return kOptions;
}

StatusChart StatusChart::build(const ChartBuildArgs& a) {
  StatusChart chart{status_chart_input(a.index, a.projects, a.spec, a.options)};
  chart.input.include_table = true;  // the counts beside the bars, on screen as in a report
  return chart;
}

std::string StatusChart::csv(Language lang) const { return chart::status_csv(input, lang); }

bool StatusChart::toggle_legend(const chart::HitId& hit, ChartOptions&, ChartToggles& toggles) const {
  if (hit.kind != chart::HitKind::LegendEntry || hit.index < 0) return false;
  const Status status = static_cast<Status>(hit.index);
  std::vector<Status>& hidden = toggles.hidden_statuses;
  if (const auto it = std::find(hidden.begin(), hidden.end(), status); it != hidden.end())
    hidden.erase(it);
  else
    hidden.push_back(status);
  return true;
}

void StatusChart::hide(const ChartToggles& toggles) {
  const std::vector<Status>& hidden = toggles.hidden_statuses;
  if (hidden.empty()) return;
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < input.statuses.size(); ++i)
    if (std::find(hidden.begin(), hidden.end(), input.statuses[i]) == hidden.end()) kept.push_back(i);
  std::vector<Status> kept_statuses;
  for (std::size_t i : kept) kept_statuses.push_back(input.statuses[i]);
  for (std::vector<double>& year : input.values) {
    std::vector<double> row;
    for (std::size_t i : kept) row.push_back(i < year.size() ? year[i] : 0.0);
    year = std::move(row);
  }
  input.statuses = std::move(kept_statuses);
}

}  // namespace indtrack
