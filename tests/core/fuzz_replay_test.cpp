// Replays the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) and every input a fuzzer
// ever crashed on (tests/data/fuzz-regressions/<target>/) through the targets' own properties,
// on every build — so a fixed crash stays fixed even where no clang/libFuzzer build runs.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "test_support.h"

int fuzz_dataset(const unsigned char* data, std::size_t size);
int fuzz_extract(const unsigned char* data, std::size_t size);
int fuzz_filter_args(const unsigned char* data, std::size_t size);
int fuzz_csv(const unsigned char* data, std::size_t size);
int fuzz_svg(const unsigned char* data, std::size_t size);
int fuzz_journal(const unsigned char* data, std::size_t size);

namespace {

using Target = int (*)(const unsigned char*, std::size_t);

std::vector<std::string> files_in(const std::string& directory) {
  std::vector<std::string> files;
  if (!std::filesystem::is_directory(directory)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Returns how many inputs were replayed; each failure is reported with its file.
std::size_t replay(const std::string& target_name, Target target) {
  std::size_t replayed = 0;
  for (const std::string& dir : {std::string(INDTRACK_SOURCE_DIR) + "/tests/fuzz/corpus/" + target_name,
                                 indtrack::test::data_path("fuzz-regressions/" + target_name)}) {
    for (const std::string& file : files_in(dir)) {
      INFO(file);
      const std::string input = indtrack::test::read_file(file);
      CHECK_NOTHROW(target(reinterpret_cast<const unsigned char*>(input.data()), input.size()));
      ++replayed;
    }
  }
  return replayed;
}

}  // namespace

TEST_CASE("fuzz_dataset: seeds and regressions keep their properties", "[fuzz]") {
  CHECK(replay("fuzz_dataset", fuzz_dataset) >= 30);
}

TEST_CASE("fuzz_extract: seeds and regressions keep their properties", "[fuzz]") {
  CHECK(replay("fuzz_extract", fuzz_extract) >= 10);
}

TEST_CASE("fuzz_filter_args: seeds and regressions keep their properties", "[fuzz]") {
  CHECK(replay("fuzz_filter_args", fuzz_filter_args) >= 10);
}

TEST_CASE("fuzz_csv: seeds and regressions keep their properties", "[fuzz]") {
  CHECK(replay("fuzz_csv", fuzz_csv) >= 5);
}

TEST_CASE("fuzz_svg: seeds and regressions keep their properties", "[fuzz]") {
  CHECK(replay("fuzz_svg", fuzz_svg) >= 5);
}

TEST_CASE("fuzz_journal: seeds and regressions keep their properties", "[fuzz][journal]") {
  CHECK(replay("fuzz_journal", fuzz_journal) >= 10);
}

TEST_CASE("a broken fuzz property fails the test instead of aborting the suite", "[fuzz]") {
  CHECK_THROWS_AS(indtrack::fuzz::fail("deliberate"), indtrack::fuzz::FuzzPropertyFailure);
}
