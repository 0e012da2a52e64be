#include "bench_data.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

#include "io/file_io.h"
#include "synthetic_dataset.h"

namespace indtrack::bench {

std::string bench_data_dir() {
  const char* env = std::getenv("INDTRACK_BENCH_DATA");
  return env && *env ? env : INDTRACK_BENCH_DEFAULT_DATA;
}

std::string synthetic_file(int projects) {
  const std::string dir = bench_data_dir() + "/synthetic-" + std::to_string(projects);
  const std::string path = dir + "/data.json";
  if (file_exists(path)) return path;
  ::mkdir(bench_data_dir().c_str(), 0755);
  ::mkdir(dir.c_str(), 0755);
  SyntheticOptions options;
  options.projects = projects;
  const std::string error = write_synthetic_dataset(make_synthetic_dataset(options), path);
  if (!error.empty()) {
    std::fprintf(stderr, "cannot write the benchmark dataset %s: %s\n", path.c_str(), error.c_str());
    std::exit(1);
  }
  return path;
}

std::vector<int> bench_sizes() {
  const char* env = std::getenv("INDTRACK_BENCH_MAX");
  const long max = env && *env ? std::atol(env) : 100000;
  std::vector<int> sizes;
  for (int n : {1000, 10000, 100000})
    if (n <= max) sizes.push_back(n);
  return sizes;
}

}  // namespace indtrack::bench
