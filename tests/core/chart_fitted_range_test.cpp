// The default view of the time charts is fitted to the activity (issue 19 item 2): the plot spends
// at most ~15 % of its width before the first change it shows, earlier history is one starting
// level written in the plot, and the range reaches a little past the last step. The capacity
// chart writes its total where the actual stack ends and labels the official figures' source.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "chart/capacity_chart.h"
#include "chart/timeline_chart.h"
#include "chart/view.h"
#include "chart_fixtures.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "io/dataset_io.h"

using namespace chart_fixtures;

namespace {

// The share of the range's span before the first change day inside it (1 when none is inside).
double lead_share(const TimeRange& r, std::vector<DayNumber> change_days) {
  std::sort(change_days.begin(), change_days.end());
  const auto it = std::lower_bound(change_days.begin(), change_days.end(), r.first,
                                   [](DayNumber d, double t) { return d < t; });
  if (it == change_days.end() || *it > r.last) return 1;
  return (static_cast<double>(*it) - r.first) / r.span();
}

// The days the capacity stack rises on.
std::vector<DayNumber> rising_days(const CapacityStack& st) {
  std::vector<DayNumber> out;
  for (std::size_t k = 0; k < st.days.size(); ++k)
    for (std::size_t b = 0; b < st.bands.size(); ++b)
      if (st.level(b, k) > (k > 0 ? st.level(b, k - 1) : 0.0)) {
        out.push_back(st.days[k]);
        break;
      }
  return out;
}

std::vector<std::string> texts_of(const Scene& scene) {
  std::vector<std::string> out;
  for (const Primitive& p : scene.items)
    if (const auto* t = std::get_if<TextPrim>(&p.shape)) out.push_back(t->text);
  return out;
}

bool has_text(const Scene& scene, const std::string& text) {
  const std::vector<std::string> all = texts_of(scene);
  return std::find(all.begin(), all.end(), text) != all.end();
}

}  // namespace

TEST_CASE("the fitted range starts where 90 % of the change lies and ends just past the last step",
          "[chart][fit]") {
  // 10 in 2010, then 30 a year from 2022: the 2010 step is 7.7 % of the growth, folded.
  const std::vector<TimedChange> changes = {{day_of(2010, 7, 2), 10},
                                            {day_of(2022, 5, 10), 30},
                                            {day_of(2023, 3, 1), 30},
                                            {day_of(2024, 9, 1), 30},
                                            {day_of(2026, 7, 2), 30}};
  const DayNumber first = day_of(2009, 1, 1), last = day_of(2026, 12, 31);
  const TimeRange r = fit_to_activity(changes, first, last);
  CHECK(r.first >= day_of(2021, 10, 1));
  CHECK(r.first < day_of(2022, 5, 10));
  CHECK(lead_share(r, {day_of(2022, 5, 10), day_of(2023, 3, 1)}) <= 0.15);
  CHECK(r.last > last + 1);
  CHECK(r.last - (last + 1) <= 0.06 * r.span());
  // Snapped to a quarter's first day.
  int y = 0, m = 0, d = 0;
  civil_from_days(static_cast<DayNumber>(r.first), y, m, d);
  CHECK(d == 1);
  CHECK((m - 1) % 3 == 0);

  // 15 % of the growth before twelve quiet years: folded too.
  const TimeRange quiet = fit_to_activity({{day_of(2010, 7, 2), 15},
                                           {day_of(2022, 5, 10), 30},
                                           {day_of(2023, 3, 1), 30},
                                           {day_of(2024, 9, 1), 25}},
                                          first, last);
  CHECK(quiet.first > day_of(2021, 10, 1));
  // When the early step is a large share it stays in view.
  const TimeRange whole = fit_to_activity({{day_of(2010, 7, 2), 40}, {day_of(2022, 5, 10), 30}}, first, last);
  CHECK(whole.first < day_of(2010, 7, 2));
  // No changes: the whole extent, as before.
  CHECK(fit_to_activity({}, first, last).first < first);
}

TEST_CASE("the capacity chart folds early history into a labelled starting level and writes its total",
          "[chart][fit][capacity]") {
  const CapacityChartInput in = wuhai_capacity();  // 东源 10 in 2014, the rest from late 2022
  const CapacityStack st = stack_capacity(in);
  const TimeRange r = capacity_time_extent(st);
  CHECK(r.first > day_of(2021, 6, 1));
  CHECK(lead_share(r, rising_days(st)) <= 0.15);
  CHECK(r.last > day_of(2025, 12, 31));  // the expected 2025 steps and the 2025 target are in view

  const ApproxTextMeasure measure;
  const Scene scene = layout_capacity_chart(in, st, r, ChartStyle{}, 1400, 700, measure);
  const std::vector<std::string> texts = texts_of(scene);
  // "2022年7月前已有 10 万吨/年": the 2014 line as the level the view starts from.
  const auto start = std::find_if(texts.begin(), texts.end(), [](const std::string& t) {
    return t.rfind("2022年", 0) == 0 && t.find("前已有 10 万吨/年") != std::string::npos;
  });
  CHECK(start != texts.end());
  // The total where the actual stack ends (as-of 2024-10-31): 10 + 28 + 3 × 10.4 + 30.
  CHECK(has_text(scene, "合计 99.2"));
  CHECK(has_text(scene, "含预计 159.2"));

  ChartStyle en;
  en.lang = Language::English;
  const Scene english = layout_capacity_chart(in, st, r, en, 1400, 700, measure);
  CHECK(has_text(english, "Total 99.2"));
  const std::vector<std::string> en_texts = texts_of(english);
  CHECK(std::any_of(en_texts.begin(), en_texts.end(), [](const std::string& t) {
    return t.rfind("10 万吨/年 before ", 0) == 0;  // the unit is the caller's
  }));

  // Zoomed out to the whole extent nothing is folded: no starting label.
  const Scene whole =
      layout_capacity_chart(in, st, fit_to_data(st.first_day, st.last_day), ChartStyle{}, 1400, 700, measure);
  const std::vector<std::string> whole_texts = texts_of(whole);
  CHECK(std::none_of(whole_texts.begin(), whole_texts.end(),
                     [](const std::string& t) { return t.find("前已有") != std::string::npos; }));
}

TEST_CASE("official figures are labelled with their publisher in the plot", "[chart][capacity]") {
  CapacityChartInput in = wuhai_capacity();
  for (ReferenceMark& m : in.marks) m.cited = "乌海日报 2024-01";
  const CapacityStack st = stack_capacity(in);
  const ApproxTextMeasure measure;
  const Scene scene =
      layout_capacity_chart(in, st, capacity_time_extent(st), ChartStyle{}, 1600, 800, measure);
  const std::vector<std::string> texts = texts_of(scene);
  CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.find("（乌海日报 2024-01）") != std::string::npos;
  }));
}

TEST_CASE("the timeline's default range is fitted to its segment starts and milestones",
          "[chart][fit][timeline]") {
  TimelineChartInput in;
  in.as_of = day_of(2024, 10, 31);
  // One project operating since 2008, nine starting between 2021 and 2024.
  TimelineRow old_row;
  old_row.label = "老项目";
  old_row.segments.push_back({day_of(2008, 3, 1), std::nullopt, Status::Operating});
  in.rows.push_back(old_row);
  std::vector<DayNumber> starts;
  for (int i = 0; i < 9; ++i) {
    TimelineRow row;
    row.label = "项目" + std::to_string(i);
    const DayNumber start = day_of(2021, 1, 1) + i * 130;
    starts.push_back(start);
    row.segments.push_back({start, start + 300, Status::Construction});
    row.segments.push_back({start + 300, std::nullopt, Status::Operating});
    starts.push_back(start + 300);
    in.rows.push_back(row);
  }
  const ApproxTextMeasure measure;
  const TimelineIndex idx = index_timeline(in, ChartStyle{}, measure);
  const TimeRange r = timeline_time_extent(idx);
  CHECK(r.first > day_of(2019, 1, 1));
  CHECK(lead_share(r, starts) <= 0.15);
  CHECK(r.last > in.as_of);
}

TEST_CASE("bundled data: the default ranges spend at most 15 % of the width before the first change",
          "[chart][fit][wuhai]") {
  auto loaded = load_dataset(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  REQUIRE(loaded.dataset);
  const Dataset& data = *loaded.dataset;
  for (const char* as_of : {"2023-06-30", "2024-10-31", "2026-11-30"}) {
    INFO("as of " << as_of);
    FilterSpec filter;
    filter.as_of = parse_date(as_of).date;
    const std::vector<int> projects = filter_projects(data, filter);
    ChartOptions options;  // BDO
    const ChartData cap = build_chart_data(ChartKind::Capacity, data, projects, filter, options);
    const CapacityStack& st = std::get<CapacityChart>(cap).stack;
    const std::optional<TimeRange> r = chart_time_extent(cap);
    REQUIRE(r);
    CHECK(lead_share(*r, rising_days(st)) <= 0.15);
    CHECK(r->first > day_of(2020, 1, 1));  // the 2014 line is folded into the starting level

    ChartData tl = build_chart_data(ChartKind::Timeline, data, projects, filter, options);
    const ApproxTextMeasure measure;
    prepare_chart_layout(tl, ChartStyle{}, measure);
    const TimelineIndex& idx = std::get<TimelineChart>(tl).index;
    std::vector<DayNumber> days;
    for (const TimedChange& c : idx.changes) days.push_back(c.day);
    const std::optional<TimeRange> tr = chart_time_extent(tl);
    REQUIRE(tr);
    CHECK(lead_share(*tr, days) <= 0.15);
  }
}
