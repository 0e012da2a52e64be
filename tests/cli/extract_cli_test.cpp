#include <catch2/catch_test_macros.hpp>

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
