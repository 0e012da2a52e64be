// The datasets many core tests read, each loaded once per test run. A load that fails shows the
// loader's errors and fails the test that asked for it.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <utility>

#include "io/dataset_io.h"
#include "test_support.h"

namespace indtrack::test {

inline Dataset load_or_fail(const std::string& path) {
  LoadResult r = load_dataset(path);
  for (const Problem& p : r.problems)
    if (p.severity == Problem::Severity::Error) UNSCOPED_INFO(p.format());
  REQUIRE(r.ok());
  return std::move(*r.dataset);
}

// data/wuhai.json, the bundled dataset.
inline const Dataset& wuhai() {
  static const Dataset d = load_or_fail(std::string(INDTRACK_SOURCE_DIR) + "/data/wuhai.json");
  return d;
}

// tests/data/example/example.json, the small example of docs/data-format.md.
inline const Dataset& example() {
  static const Dataset d = load_or_fail(data_path("example/example.json"));
  return d;
}

}  // namespace indtrack::test
