// Load + validate time of synthetic datasets (1k / 10k / 100k projects) and of the bundled
// Wuhai dataset, with simdjson and with nlohmann, with and without the article-quote check.
// The datasets are generated once into $INDTRACK_BENCH_DATA (default /tmp/indtrack-bench).
// Set INDTRACK_BENCH_MAX to limit the largest size (CI smoke run: 1000).
#include <benchmark/benchmark.h>

#include <sys/stat.h>

#include <cstdlib>
#include <map>

#include "io/data_paths.h"
#include "io/dataset_io.h"
#include "io/file_io.h"
#include "synthetic_dataset.h"

using namespace indtrack;

namespace {

std::string bench_dir() {
  const char* env = std::getenv("INDTRACK_BENCH_DATA");
  return env ? env : "/tmp/indtrack-bench";
}

// Path of a synthetic dataset of n projects, generated on first use.
std::string synthetic_file(int n) {
  static std::map<int, std::string> made;
  if (auto it = made.find(n); it != made.end()) return it->second;
  const std::string dir = bench_dir() + "/synthetic-" + std::to_string(n);
  const std::string path = dir + "/data.json";
  if (!file_exists(path)) {
    ::mkdir(bench_dir().c_str(), 0755);
    ::mkdir(dir.c_str(), 0755);
    bench::SyntheticOptions options;
    options.projects = n;
    const std::string error = bench::write_synthetic_dataset(bench::make_synthetic_dataset(options), path);
    if (!error.empty()) std::abort();
  }
  return made[n] = path;
}

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
  }
  state.counters["projects"] = static_cast<double>(projects);
  state.counters["MB"] = static_cast<double>(read_whole_file(path).content.size()) / 1e6;
}

void BM_LoadSynthetic(benchmark::State& state) {
  load(state, synthetic_file(static_cast<int>(state.range(0))), static_cast<JsonParser>(state.range(1)),
       state.range(2) != 0);
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
  const char* env = std::getenv("INDTRACK_BENCH_MAX");
  const long max = env ? std::atol(env) : 100000;
  for (long n : {1000L, 10000L, 100000L}) {
    if (n > max) continue;
    for (long parser : {0L, 1L})
      for (long quotes : {1L, 0L}) b->Args({n, parser, quotes});
  }
}

}  // namespace

BENCHMARK(BM_LoadBundled)->Arg(0)->Arg(1)->ArgNames({"nlohmann"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSynthetic)->Apply(sizes)->ArgNames({"projects", "nlohmann", "quotes"})->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
