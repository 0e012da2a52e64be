// indtrack_gen N OUT.json [SEED] — writes a synthetic dataset of N projects (and its article
// texts under OUT's directory/sources/) for benchmarks and scale tests.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "synthetic_dataset.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: indtrack_gen N OUT.json [SEED]\n"
                 "  e.g. indtrack_gen 100000 /tmp/synth/100k.json\n");
    return 2;
  }
  indtrack::bench::SyntheticOptions options;
  options.projects = std::atoi(argv[1]);
  if (argc > 3) options.seed = std::strtoull(argv[3], nullptr, 10);
  if (options.projects <= 0) {
    std::fprintf(stderr, "indtrack_gen: N must be a positive number of projects\n");
    return 2;
  }
  const auto data = indtrack::bench::make_synthetic_dataset(options);
  const std::string error = indtrack::bench::write_synthetic_dataset(data, argv[2]);
  if (!error.empty()) {
    std::fprintf(stderr, "indtrack_gen: %s\n", error.c_str());
    return 1;
  }
  std::size_t units = 0, milestones = 0;
  for (const auto& p : data.projects) {
    units += p.units.size();
    milestones += p.milestones.size();
    for (const auto& u : p.units) milestones += u.milestones.size();
  }
  std::printf("%s: %zu projects, %zu units, %zu milestones, %zu articles\n", argv[2], data.projects.size(),
              units, milestones, data.sources.size());
  return 0;
}
