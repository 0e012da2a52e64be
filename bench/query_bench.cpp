// A filter change at 1k / 10k / 100k projects: the passing rows, a summary (KPIs) per row and
// the inputs of all four charts, as the dashboard recomputes them when the filter changes, from
// a DatasetIndex built once per load (BM_BuildIndex: that one-off cost).
// Target (issue 8): < 1 ms for the bundled data, < 30 ms at 100k. Single-threaded.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "bench_data.h"
#include "chart_kinds/chart_kinds.h"
#include "chart_kinds/chart_series.h"
#include "io/data_paths.h"
#include "io/dataset_io.h"
#include "query/dataset_index.h"
#include "query/project_summary.h"

using namespace indtrack;

namespace {

const Dataset& dataset(int projects) {  // 0 = the bundled Wuhai data; loaded once
  static std::map<int, std::unique_ptr<Dataset>> loaded;
  auto& slot = loaded[projects];
  if (!slot) {
    LoadOptions options;
    options.check_quotes = false;  // the model is the same; setup is faster
    LoadResult r =
        load_dataset(projects == 0 ? default_dataset_path() : bench::synthetic_file(projects), options);
    if (!r.ok()) std::abort();
    slot = std::make_unique<Dataset>(std::move(*r.dataset));
  }
  return *slot;
}

const DatasetIndex& index_of(int projects) {
  static std::map<int, std::unique_ptr<DatasetIndex>> built;
  auto& slot = built[projects];
  if (!slot) slot = std::make_unique<DatasetIndex>(dataset(projects));
  return *slot;
}

// The filters a user flips between: everything, one district, BDO under construction, a word.
enum Scenario { kAll, kDistrict, kProductStatus, kSearch };
FilterSpec scenario(const Dataset& d, int which) {
  FilterSpec f;
  f.as_of = Date::of_day(2024, 10, 31);
  switch (which) {
    case kDistrict:
      f.districts = {0};
      break;
    case kProductStatus:
      f.products = {d.find_product("BDO")};
      f.statuses = {Status::Construction, Status::Trial};
      break;
    case kSearch:
      f.search = "华";
      break;
    default:
      break;
  }
  return f;
}

struct Result {
  std::size_t rows = 0;
  double designed = 0, operating = 0, investment = 0;  // the KPI tiles
};

Result filter_change(const DatasetIndex& d, const FilterSpec& spec, const ChartOptions& options,
                     bool charts) {
  Result r;
  const std::vector<int> rows = filter_projects(d, spec);
  r.rows = rows.size();
  const DayNumber as_of = as_of_day(spec);
  for (int index : rows) {
    const ProjectSummary s = summarize_project(d, index, as_of);
    for (const ProductCapacity& c : s.capacity) {
      r.designed += c.designed;
      r.operating += c.operating();
    }
    r.investment += s.total_investment.value_or(0);
  }
  if (charts) {
    benchmark::DoNotOptimize(capacity_chart_input(d, rows, spec, options));
    benchmark::DoNotOptimize(timeline_chart_input(d, rows, spec, options));
    benchmark::DoNotOptimize(investment_chart_input(d, rows, spec, options));
    benchmark::DoNotOptimize(status_chart_input(d, rows, spec, options));
  }
  return r;
}

void run(benchmark::State& state, const DatasetIndex& d, bool charts) {
  const FilterSpec spec = scenario(d.data(), static_cast<int>(state.range(1)));
  ChartOptions options;
  options.generated_on = Date::of_day(2026, 1, 1);
  Result r;
  for (auto _ : state) {
    r = filter_change(d, spec, options, charts);
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows"] = static_cast<double>(r.rows);
}

// Rows and KPIs only, then rows, KPIs and the four chart inputs.
void BM_FilterRows(benchmark::State& state) { run(state, index_of(static_cast<int>(state.range(0))), false); }
void BM_FilterChange(benchmark::State& state) {
  run(state, index_of(static_cast<int>(state.range(0))), true);
}

// Each chart input alone, for the rows of a scenario: 0 capacity, 1 timeline, 2 investment, 3 status.
void BM_ChartInput(benchmark::State& state) {
  const DatasetIndex& ix = index_of(static_cast<int>(state.range(0)));
  const FilterSpec spec = scenario(ix.data(), static_cast<int>(state.range(1)));
  const std::vector<int> rows = filter_projects(ix, spec);
  ChartOptions options;
  options.generated_on = Date::of_day(2026, 1, 1);
  for (auto _ : state) {
    switch (state.range(2)) {
      case 0:
        benchmark::DoNotOptimize(capacity_chart_input(ix, rows, spec, options));
        break;
      case 1:
        benchmark::DoNotOptimize(timeline_chart_input(ix, rows, spec, options));
        break;
      case 2:
        benchmark::DoNotOptimize(investment_chart_input(ix, rows, spec, options));
        break;
      default:
        benchmark::DoNotOptimize(status_chart_input(ix, rows, spec, options));
        break;
    }
  }
  state.counters["rows"] = static_cast<double>(rows.size());
}

// Once per load (or edit), on two threads from 4096 projects: "Time" is wall-clock, "CPU" both threads'.
void BM_BuildIndex(benchmark::State& state) {
  const Dataset& d = dataset(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(DatasetIndex(d));
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(0);
  for (int n : bench::bench_sizes()) b->Arg(n);
}

void args(benchmark::internal::Benchmark* b) {
  for (int n : {0}) b->Args({n, kAll});
  for (int n : bench::bench_sizes())
    for (int s : {kAll, kDistrict, kProductStatus, kSearch}) b->Args({n, s});
}

}  // namespace

BENCHMARK(BM_BuildIndex)
    ->Apply(sizes)
    ->ArgNames({"projects"})
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterRows)->Apply(args)->ArgNames({"projects", "scenario"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterChange)->Apply(args)->ArgNames({"projects", "scenario"})->Unit(benchmark::kMillisecond);

BENCHMARK(BM_ChartInput)
    ->Apply([](benchmark::internal::Benchmark* b) {
      for (int n : bench::bench_sizes())
        for (int chart = 0; chart < 4; ++chart) b->Args({n, kAll, chart});
    })
    ->ArgNames({"projects", "scenario", "chart"})
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
