// Chart layout cost per frame: the bundled-data size (~50 projects) and synthetic 10k / 100k
// timeline rows and capacity events. Derived data (the capacity stack, the timeline index) is
// measured separately: it is rebuilt when the input changes, not per frame.
// Targets (issue 5): < 2 ms per frame for the bundled data, < 8 ms for 100k with a viewport.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "chart/capacity_chart.h"
#include "chart/svg_writer.h"
#include "chart/timeline_chart.h"

using namespace indtrack;
using namespace indtrack::chart;

namespace {

constexpr float kWidth = 1600;
constexpr float kHeight = 900;

// Deterministic pseudo-random numbers (no <random> distribution differences between libraries).
struct Lcg {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  }
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1));
  }
};

Date random_date(Lcg& rng, DayNumber day) {
  const Date d = Date::from_days(day);
  switch (rng.range(0, 3)) {
    case 0:
      return Date::of_year(d.year);
    case 1:
      return Date::of_month(d.year, d.month);
    default:
      return d;
  }
}

CapacityChartInput synthetic_capacity(int events, int companies) {
  Lcg rng;
  CapacityChartInput in;
  in.text.title = "合成数据产能";
  in.text.value_unit = "万吨/年";
  in.as_of = days_from_civil(2024, 10, 31);
  for (int c = 0; c < companies; ++c) {
    CapacitySeries s;
    s.key = "company-" + std::to_string(c);
    s.label = "公司" + std::to_string(c);
    in.series.push_back(std::move(s));
  }
  const DayNumber first = days_from_civil(2000, 1, 1);
  for (int i = 0; i < events; ++i) {
    CapacityStep step;
    step.date = random_date(rng, first + rng.range(0, 365 * 30));
    step.delta = rng.range(1, 300) / 10.0;
    step.expected = step.date.placement_day() > in.as_of;
    step.ref = i;
    in.series[static_cast<std::size_t>(i % companies)].steps.push_back(std::move(step));
  }
  ReferenceMark mark;
  mark.period = Date::of_year(2025);
  mark.value = 250;
  mark.label = "2025年产能≥250万吨";
  in.marks.push_back(mark);
  return in;
}

TimelineChartInput synthetic_timeline(int rows, int groups) {
  Lcg rng;
  TimelineChartInput in;
  in.text.title = "合成数据项目进度";
  in.as_of = days_from_civil(2024, 10, 31);
  for (int g = 0; g < groups; ++g) in.groups.push_back("园区" + std::to_string(g));
  for (int i = 0; i < rows; ++i) {
    TimelineRow row;
    row.label = "项目" + std::to_string(i) + " 年产" + std::to_string(rng.range(1, 60)) + "万吨";
    row.group = static_cast<std::int32_t>(static_cast<long long>(i) * groups / rows);  // contiguous groups
    row.ref = i;
    DayNumber t = days_from_civil(2005, 1, 1) + rng.range(0, 365 * 20);
    const Status phases[] = {Status::Signed, Status::Construction, Status::Trial, Status::Operating};
    for (Status phase : phases) {
      const int length = phase == Status::Trial ? rng.range(2, 200) : rng.range(60, 900);
      TimelineSegment seg{t, t + length, phase, t > in.as_of};
      if (phase == Status::Operating) seg.end.reset();
      row.segments.push_back(seg);
      TimelineMilestone m;
      m.date = random_date(rng, t);
      m.kind = phase == Status::Signed         ? MilestoneKind::Signed
               : phase == Status::Construction ? MilestoneKind::ConstructionStart
               : phase == Status::Trial        ? MilestoneKind::TrialProduction
                                               : MilestoneKind::Commissioning;
      m.expected = seg.expected;
      m.quote = "项目于" + m.date.to_string() + "开工";
      row.milestones.push_back(std::move(m));
      t += length;
    }
    in.rows.push_back(std::move(row));
  }
  return in;
}

// ~50 projects: the size of the bundled Wuhai data.
void BM_CapacityFrame_Bundled(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const CapacityChartInput in = synthetic_capacity(60, 8);
  const CapacityStack stack = stack_capacity(in);
  const TimeRange visible = capacity_time_extent(stack);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        layout_capacity_chart(in, stack, visible, ChartStyle{}, kWidth, kHeight, measure));
}
BENCHMARK(BM_CapacityFrame_Bundled)->Unit(benchmark::kMicrosecond);

void BM_TimelineFrame_Bundled(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const TimelineChartInput in = synthetic_timeline(50, 4);
  const TimelineIndex index = index_timeline(in, ChartStyle{}, measure);
  const ChartView view{timeline_time_extent(index), 0};
  for (auto _ : state)
    benchmark::DoNotOptimize(layout_timeline_chart(in, index, view, ChartStyle{}, kWidth, kHeight, measure));
}
BENCHMARK(BM_TimelineFrame_Bundled)->Unit(benchmark::kMicrosecond);

// Derived data, rebuilt on input change.
void BM_CapacityStack(benchmark::State& state) {
  const CapacityChartInput in = synthetic_capacity(static_cast<int>(state.range(0)), 40);
  for (auto _ : state) benchmark::DoNotOptimize(stack_capacity(in));
}
BENCHMARK(BM_CapacityStack)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// One frame: the whole range (zoomed out) and a three-year viewport.
void BM_CapacityFrame(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const CapacityChartInput in = synthetic_capacity(static_cast<int>(state.range(0)), 40);
  const CapacityStack stack = stack_capacity(in);
  const TimeRange visible =
      state.range(1) ? TimeRange{double(days_from_civil(2018, 1, 1)), double(days_from_civil(2021, 1, 1))}
                     : capacity_time_extent(stack);
  std::size_t primitives = 0;
  for (auto _ : state) {
    const Scene scene = layout_capacity_chart(in, stack, visible, ChartStyle{}, kWidth, kHeight, measure);
    primitives = scene.size();
    benchmark::DoNotOptimize(primitives);
  }
  state.counters["primitives"] = static_cast<double>(primitives);
}
BENCHMARK(BM_CapacityFrame)
    ->ArgsProduct({{10000, 100000}, {0, 1}})
    ->ArgNames({"events", "zoomed"})
    ->Unit(benchmark::kMillisecond);

void BM_TimelineIndex(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const TimelineChartInput in = synthetic_timeline(static_cast<int>(state.range(0)), 12);
  for (auto _ : state) benchmark::DoNotOptimize(index_timeline(in, ChartStyle{}, measure));
}
BENCHMARK(BM_TimelineIndex)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// One frame of the Gantt: the full 25-year range (bars fold) scrolled to the middle rows.
void BM_TimelineFrame(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const TimelineChartInput in = synthetic_timeline(static_cast<int>(state.range(0)), 12);
  const TimelineIndex index = index_timeline(in, ChartStyle{}, measure);
  const ChartView view{timeline_time_extent(index), index.content_height / 2};
  std::size_t primitives = 0;
  for (auto _ : state) {
    const Scene scene = layout_timeline_chart(in, index, view, ChartStyle{}, kWidth, kHeight, measure);
    primitives = scene.size();
    benchmark::DoNotOptimize(primitives);
  }
  state.counters["primitives"] = static_cast<double>(primitives);
}
BENCHMARK(BM_TimelineFrame)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_SvgWrite_Bundled(benchmark::State& state) {
  const ApproxTextMeasure measure;
  const CapacityChartInput in = synthetic_capacity(60, 8);
  const CapacityStack stack = stack_capacity(in);
  const Scene scene =
      layout_capacity_chart(in, stack, capacity_time_extent(stack), ChartStyle{}, kWidth, kHeight, measure);
  for (auto _ : state) benchmark::DoNotOptimize(write_svg(scene));
}
BENCHMARK(BM_SvgWrite_Bundled)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
