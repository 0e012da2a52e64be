// Fuzz target: the dataset loader and validator (parse_dataset) on arbitrary bytes.
// Properties: no crash, leak or undefined behaviour; the simdjson and nlohmann parsers agree on
// ok / not ok and on every formatted problem; ok() holds exactly when there is no error; and an
// accepted file saves to text that loads again to the same dataset (nothing lost on save).
// Article texts are looked up where the seed came from, so quotes resolve: data/ for inputs naming
// a Wuhai Daily article (sources/whrb-...), tests/data/example otherwise.
#include <string>

#include "fuzz_support.h"
#include "io/dataset_io.h"

using namespace indtrack;

namespace {

std::string formatted(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += p.format() + "\n";
  return out;
}

LoadResult parse_with(std::string_view text, JsonParser parser) {
  LoadOptions options;
  options.parser = parser;
  const bool wuhai = text.find("sources/whrb-") != std::string_view::npos;
  return parse_dataset(text, "fuzz.json", wuhai ? INDTRACK_SOURCE_DIR "/data" : INDTRACK_TEST_DATA "/example",
                       options);
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_dataset) {
  const std::string_view text = fuzz::as_text(data, size);
  const LoadResult fast = parse_with(text, JsonParser::Simdjson);
  const LoadResult slow = parse_with(text, JsonParser::Nlohmann);

  FUZZ_REQUIRE(fast.ok() == !has_errors(fast.problems), "simdjson: ok() disagrees with the problems");
  FUZZ_REQUIRE(slow.ok() == !has_errors(slow.problems), "nlohmann: ok() disagrees with the problems");
  FUZZ_REQUIRE(fast.ok() == slow.ok(), "the parsers disagree on ok / not ok",
               "simdjson:\n" + formatted(fast.problems) + "nlohmann:\n" + formatted(slow.problems));
  const std::string fast_problems = formatted(fast.problems);
  const std::string slow_problems = formatted(slow.problems);
  FUZZ_REQUIRE(fast_problems == slow_problems, "the parsers report different problems",
               "simdjson:\n" + fast_problems + "nlohmann:\n" + slow_problems);
  if (!fast.ok()) return 0;

  const std::string saved = serialize_dataset(*fast.dataset);
  FUZZ_REQUIRE(saved == serialize_dataset(*slow.dataset), "the parsers build different datasets");
  const LoadResult again = parse_with(saved, JsonParser::Simdjson);
  FUZZ_REQUIRE(again.ok(), "a saved dataset does not load again",
               formatted(again.problems) + "--- saved:\n" + saved);
  FUZZ_REQUIRE(serialize_dataset(*again.dataset) == saved, "load(save(x)) differs from x",
               "--- saved:\n" + saved);
  return 0;
}
