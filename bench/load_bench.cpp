// Load + validate time of synthetic datasets (1k / 10k / 100k projects, see bench_data.h) and of
// the bundled Wuhai dataset, with simdjson and with nlohmann, with and without the article-quote
// check. The loader uses two threads for large files: "Time" is wall-clock, "CPU" is the whole
// process's CPU time (both threads).
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "io/data_paths.h"
#include "io/dataset_io.h"
#include "io/file_io.h"

using namespace indtrack;

namespace {

void load(benchmark::State& state, const std::string& path, JsonParser parser, bool quotes) {
  LoadOptions options;
  options.parser = parser;
  options.check_quotes = quotes;
  std::size_t projects = 0;
  for (auto _ : state) {
    LoadResult r = load_dataset(path, options);
    if (!r.ok()) {
      state.SkipWithError("dataset did not load");
      return;
    }
    projects = r.dataset->projects.size();
    benchmark::DoNotOptimize(r);
    state.PauseTiming();  // freeing the model is not part of loading
    r = LoadResult();
    state.ResumeTiming();
  }
  state.counters["projects"] = static_cast<double>(projects);
  state.counters["MB"] = static_cast<double>(read_whole_file(path).content.size()) / 1e6;
}

void BM_LoadSynthetic(benchmark::State& state) {
  load(state, bench::synthetic_file(static_cast<int>(state.range(0))),
       static_cast<JsonParser>(state.range(1)), state.range(2) != 0);
}

void BM_LoadBundled(benchmark::State& state) {
  const std::string path = default_dataset_path();
  if (path.empty()) {
    state.SkipWithError("data/wuhai.json not found");
    return;
  }
  load(state, path, static_cast<JsonParser>(state.range(0)), true);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int n : bench::bench_sizes())
    for (long parser : {0L, 1L})
      for (long quotes : {1L, 0L}) b->Args({n, parser, quotes});
}

}  // namespace

BENCHMARK(BM_LoadBundled)
    ->Arg(0)
    ->Arg(1)
    ->ArgNames({"nlohmann"})
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSynthetic)
    ->Apply(sizes)
    ->ArgNames({"projects", "nlohmann", "quotes"})
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
