#include <catch2/catch_test_macros.hpp>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.h"

using indtrack::test::run_indtrack;

TEST_CASE("extract: JSON facts whose quotes are the exact bytes between start and end", "[cli][extract]") {
  const std::string file = std::string(INDTRACK_SOURCE_DIR) + "/data/sources/whrb-2023-01-26.txt";
  const auto r = run_indtrack({"extract", file, "--article-date", "2023-01-26"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  const std::string text = indtrack::test::read_file(file);
  REQUIRE(doc["facts"].size() > 5);
  bool huaheng_total = false;
  for (const auto& f : doc["facts"]) {
    const auto start = f["start"].get<std::size_t>();
    const auto end = f["end"].get<std::size_t>();
    CHECK(text.substr(start, end - start) == f["quote"].get<std::string>());
    if (f["kind"] == "investment" && f["value"] == 105e8 && f["scope"] == "total") huaheng_total = true;
  }
  CHECK(huaheng_total);  // 总投资约105亿元
}

TEST_CASE("extract: unreadable files and missing arguments", "[cli][extract]") {
  CHECK(run_indtrack({"extract", "/nonexistent/article.txt"}).exit_code == 1);
  CHECK(run_indtrack({"extract"}).exit_code == 2);
  CHECK(run_indtrack({"extract", "--help"}).exit_code == 0);
}

TEST_CASE("extract: a 10 MB number-dense article is read in memory proportional to it",
          "[cli][extract][slow]") {
  // Every line states several figures: hundreds of thousands of facts, each with its quote.
  const std::string file = indtrack::test::tmp_path("number-dense.txt");
  std::string text;
  text.reserve(10u << 20);
  for (int i = 0; text.size() < (10u << 20); ++i)
    text += "示例" + std::to_string(i) + "号项目年产" + std::to_string(i + 1) + "万吨BDO、" +
            std::to_string(i + 2) + "万吨PBAT，总投资" + std::to_string(i + 3) + "亿元，于" +
            std::to_string(1990 + i % 60) + "年" + std::to_string(i % 12 + 1) +
            "月开工建设。\n";  // every figure its own: repeats would merge
  indtrack::test::write_file(file, text);
  // The output (hundreds of MB of JSON) is counted, not kept.
  const std::string count = indtrack::test::tmp_path("number-dense.count");
  const std::string command =
      std::string(INDTRACK_EXE) + " extract " + file + " --article-date 2023-01-01 | wc -c > " + count;
  REQUIRE(std::system(command.c_str()) == 0);
  struct rusage usage {};
  getrusage(RUSAGE_CHILDREN,
            &usage);  // this test's process ran only this child (ctest runs one test per process)
  const double peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  INFO("peak resident size " << peak_mb << " MB for a " << text.size() / (1 << 20) << " MB article");
#if defined(__SANITIZE_ADDRESS__)
  // ASan's quarantine and shadow memory add hundreds of MB of their own (503 MB measured): the
  // bound is checked by the Release run of this test; here only that every fact is written.
  (void)peak_mb;
#else
  CHECK(peak_mb < 120.0);
#endif
  CHECK(std::stod(indtrack::test::read_file(count)) >
        10.0 * static_cast<double>(text.size()));  // all facts written
  std::remove(file.c_str());
  std::remove(count.c_str());
}
