// Finding things in JSON text without a parser: duplicate keys (which the two parsers would
// resolve differently) and paths.
#include <catch2/catch_test_macros.hpp>

#include "io/json_locate.h"

using namespace indtrack;

// Found by fuzz_dataset (tests/data/fuzz-regressions/fuzz_dataset/duplicate-key): a source with
// "date" twice loaded differently with simdjson (both values read) and nlohmann (the last kept).
TEST_CASE("duplicate keys are found with their path, in text order", "[io][json]") {
  const std::string text =
      R"({"a": 1, "list": [{"x": 1}, {"x": 2, "y": {"k": [], "k": {}}, "x": 3}], "a": 2, "a": 3})";
  const std::vector<DuplicateKey> d = find_duplicate_keys(text);
  REQUIRE(d.size() == 4);
  CHECK(d[0].path == "list[1].y.k");
  CHECK(text.substr(d[0].offset, 3) == "\"k\"");
  CHECK(d[0].first_offset == text.find("\"k\""));
  CHECK(d[1].path == "list[1].x");
  CHECK(d[1].offset == text.rfind("\"x\""));
  CHECK(d[1].first_offset == text.find("\"x\": 2"));
  CHECK(d[2].path == "a");
  CHECK(d[2].first_offset == 1);
  CHECK(d[3].path == "a");
  CHECK(d[3].offset == text.rfind("\"a\""));
  CHECK(d[3].first_offset == 1);
}

TEST_CASE("keys that differ only in their escapes are the same key", "[io][json]") {
  const std::vector<DuplicateKey> d = find_duplicate_keys(R"({"date": 1, "\u0064ate": 2})");
  REQUIRE(d.size() == 1);
  CHECK(d[0].path == "date");
  CHECK(d[0].offset == 12);
}

TEST_CASE("no duplicates: keys equal to values, same keys in sibling objects, arrays of strings",
          "[io][json]") {
  CHECK(find_duplicate_keys(R"({"a": "a", "b": {"a": 1}, "c": [{"a": 1}, {"a": 2}], "d": ["a", "a"]})")
            .empty());
  CHECK(find_duplicate_keys("[]").empty());
  CHECK(find_duplicate_keys(R"("just a string")").empty());
}
