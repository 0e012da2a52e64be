// Where the benchmarks find their synthetic datasets: <dir>/synthetic-N/data.json with the
// article texts beside it, generated on first use (seeded: the same bytes every time) and
// cached. <dir> is $INDTRACK_BENCH_DATA, else build/bench-data. $INDTRACK_BENCH_MAX limits the
// largest size (the smoke run uses 1000).
#pragma once

#include <string>
#include <vector>

namespace indtrack::bench {

std::string bench_data_dir();
std::string synthetic_file(int projects);  // generates it if missing
std::vector<int> bench_sizes();            // 1000, 10000, 100000 up to $INDTRACK_BENCH_MAX

}  // namespace indtrack::bench
