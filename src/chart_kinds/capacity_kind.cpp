// Capacity growth (capacity_kind.h).
#include "chart_kinds/capacity_kind.h"

#include <algorithm>

#include "chart/chart_csv.h"
#include "chart_kinds/chart_headlines.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"

namespace indtrack {

namespace {

// Before issue 18 `--trial` counted trial production as operating; trial production is now its
// own layer, shown by default, so the flag is accepted and changes nothing. Not in the dashboard.
ChartOptionSpec trial_compatibility_flag() {
  ChartOptionSpec o = flag_option(
      "--trial", 1, "显示试生产", "Trial production",
      "capacity: accepted for old scripts; trial production is its own layer by default",
      [](const ChartOptions& opt) { return static_cast<int>(opt.show_trial); },
      [](ChartOptions& opt, int v) { opt.show_trial = v != 0; });
  o.shown = [](const ChartOptions&) { return false; };
  return o;
}

}  // namespace

std::span<const ChartOptionSpec> CapacityChart::options() {
  static const ChartOptionSpec kOptions[] = {
      product_option([](const ChartOptions& o) { return o.product; },
                     [](ChartOptions& o, int v) { o.product = v; }),
      choice_option(
          "--group", "分组", "Group", "capacity: one band per company (default), park or district",
          {{static_cast<int>(SeriesGrouping::Company), "company", "企业", "Company"},
           {static_cast<int>(SeriesGrouping::Park), "park", "园区", "Park"},
           {static_cast<int>(SeriesGrouping::District), "district", "区", "District"}},
          [](const ChartOptions& o) { return static_cast<int>(o.grouping); },
          [](ChartOptions& o, int v) { o.grouping = static_cast<SeriesGrouping>(v); },
          /*resets_view=*/true),  // other series: the legend toggles name series that are gone
      flag_option(
          "--no-trial", 0, "显示试生产", "Trial production",
          "capacity: leave out the trial-production layer (shown by default above operating)",
          [](const ChartOptions& o) { return static_cast<int>(o.show_trial); },
          [](ChartOptions& o, int v) { o.show_trial = v != 0; }),
      trial_compatibility_flag(),
      flag_option(
          "--no-expected", 0, "显示预计", "Expected", "capacity: leave out expected (planned) capacity",
          [](const ChartOptions& o) { return static_cast<int>(o.include_expected); },
          [](ChartOptions& o, int v) { o.include_expected = v != 0; }),
  };
  return kOptions;
}

CapacityChart CapacityChart::build(const ChartBuildArgs& a) {
  CapacityChart out;
  out.input = capacity_chart_input(a.index, a.projects, a.spec, a.options);
  out.stack = chart::stack_capacity(out.input);
  // The headline's figure is read off the stack the chart draws (an empty chart keeps its name).
  if (!out.empty()) {
    const Dataset& d = a.index.data();
    out.input.text.title = capacity_headline(
        headline_scope(d, a.spec, a.options.lang),
        product_name(d, chart_product(d, a.spec, a.options), a.options.lang), out.input, out.stack);
  }
  return out;
}

bool CapacityChart::empty() const {
  return stack.empty && std::none_of(input.by_status.begin(), input.by_status.end(),
                                     [](const chart::CapacityStatusPart& p) { return p.total() > 0; });
}

chart::Scene CapacityChart::layout(const ChartLayoutArgs& a) const {
  const chart::TimeRange time = a.view.time.span() > 0 ? a.view.time : chart::capacity_time_extent(stack);
  return chart::layout_capacity_chart(input, stack, time, a.style, a.width, a.height, a.measure);
}

std::string CapacityChart::csv(Language lang) const { return chart::capacity_csv(input, stack, lang); }

std::vector<std::string> CapacityChart::tooltip(const chart::HitId& hit, double cursor_day,
                                                Language lang) const {
  return chart::capacity_tooltip(input, stack, hit, cursor_day, lang);
}

std::int64_t CapacityChart::ref(const chart::HitId& hit) const {
  if (hit.kind == chart::HitKind::CapacityStatus) {  // a project when the part holds one line
    if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.by_status.size()) return -1;
    const auto& lines = input.by_status[static_cast<std::size_t>(hit.index)].lines;
    return lines.size() == 1 ? lines.front().ref : -1;
  }
  if (hit.kind != chart::HitKind::CapacityBand && hit.kind != chart::HitKind::CapacityStep) return -1;
  if (hit.index < 0 || static_cast<std::size_t>(hit.index) >= input.series.size()) return -1;
  const chart::CapacitySeries& s = input.series[static_cast<std::size_t>(hit.index)];
  if (hit.part < 0 || static_cast<std::size_t>(hit.part) >= s.steps.size()) return -1;
  return s.steps[static_cast<std::size_t>(hit.part)].ref;
}

bool CapacityChart::toggle_legend(const chart::HitId& hit, ChartOptions& options,
                                  ChartToggles& toggles) const {
  if (hit.kind != chart::HitKind::LegendEntry) return false;
  if (hit.index < 0) {  // the "expected" entry
    options.include_expected = !options.include_expected;
    return false;  // an option change: the data is rebuilt for it anyway
  }
  if (static_cast<std::size_t>(hit.index) >= input.series.size()) return false;
  const std::string& key = input.series[static_cast<std::size_t>(hit.index)].key;
  std::vector<std::string>& hidden = toggles.hidden_series;
  if (const auto it = std::find(hidden.begin(), hidden.end(), key); it != hidden.end())
    hidden.erase(it);
  else
    hidden.push_back(key);
  return true;
}

void CapacityChart::hide(const ChartToggles& toggles) {
  if (toggles.hidden_series.empty()) return;
  const std::vector<std::string>& hidden = toggles.hidden_series;
  for (chart::CapacitySeries& s : input.series)
    s.visible = std::find(hidden.begin(), hidden.end(), s.key) == hidden.end();
  stack = chart::stack_capacity(input);
}

}  // namespace indtrack
