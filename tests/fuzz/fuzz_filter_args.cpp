// Fuzz target: the filter flags of every command-line verb. The input is split into an argv
// (at NUL bytes when it has any, else at newlines); take_filter_flag consumes it as `indtrack
// list` does, resolve_filter resolves the names against the example dataset
// (tests/data/example, loaded once) and filter_projects runs the filter.
// Properties: no crash, leak or undefined behaviour; the cursor only moves forward within argv;
// every refusal has a message; and a resolved filter survives "copy as command": the flags
// filter_to_flags writes, split as a shell would, resolve to the same filter.
#include <string>
#include <vector>

#include "core/text.h"
#include "fuzz_support.h"
#include "io/dataset_io.h"
#include "query/filter_args.h"

using namespace indtrack;

namespace {

const Dataset& example() {
  static const Dataset data = [] {
    LoadResult r = load_dataset(INDTRACK_TEST_DATA "/example/example.json");
    if (!r.ok()) fuzz::fail("cannot load tests/data/example/example.json");
    return std::move(*r.dataset);
  }();
  return data;
}

std::vector<std::string> split_argv(std::string_view input) {
  const char separator = input.find('\0') != std::string_view::npos ? '\0' : '\n';
  std::vector<std::string> args;
  std::size_t begin = 0;
  while (begin <= input.size()) {
    std::size_t end = input.find(separator, begin);
    if (end == std::string_view::npos) end = input.size();
    args.emplace_back(input.substr(begin, end - begin));
    begin = end + 1;
  }
  return args;
}

// Splits what filter_to_flags writes the way a POSIX shell does: words separated by spaces,
// '...' quoting anything, \' an escaped single quote outside quotes.
std::vector<std::string> shell_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      const std::size_t close = line.find('\'', i + 1);
      FUZZ_REQUIRE(close != std::string_view::npos, "filter_to_flags left a quote open", line);
      word += line.substr(i + 1, close - i - 1);
      i = close;
      in_word = true;
    } else if (c == '\\') {
      FUZZ_REQUIRE(i + 1 < line.size(), "filter_to_flags ended with a backslash", line);
      word += line[++i];
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

struct Parsed {
  FilterArgs args;
  std::string error;
};

Parsed take_all(const std::vector<std::string>& argv) {
  Parsed p;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::size_t before = i;
    const bool taken = take_filter_flag(argv, i, p.args, p.error);
    FUZZ_REQUIRE(i >= before && i <= before + 1 && i < argv.size(),
                 "take_filter_flag moved the cursor wrongly");
    FUZZ_REQUIRE(taken || i == before, "take_filter_flag consumed a value of something not a filter flag");
    if (!p.error.empty()) break;  // the verb stops at the first bad flag
  }
  return p;
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_filter_args) {
  const Dataset& d = example();
  const Parsed parsed = take_all(split_argv(fuzz::as_text(data, size)));
  if (!parsed.error.empty()) return 0;

  const ResolveResult resolved = resolve_filter(d, parsed.args);
  FUZZ_REQUIRE(resolved.spec.has_value() != !resolved.error.empty(),
               "resolve_filter must give either a filter or an error message");
  if (!resolved.spec) return 0;
  const FilterSpec& spec = *resolved.spec;
  const std::vector<int> passing = filter_projects(d, spec);
  for (int p : passing)
    FUZZ_REQUIRE(p >= 0 && static_cast<std::size_t>(p) < d.projects.size(),
                 "filter_projects gave a bad index");

  const std::string flags = filter_to_flags(d, spec);
  const Parsed again = take_all(shell_words(flags));
  FUZZ_REQUIRE(again.error.empty(), "the copied command does not parse", flags + "\n" + again.error);
  const ResolveResult round = resolve_filter(d, again.args);
  FUZZ_REQUIRE(round.spec.has_value(), "the copied command does not resolve", flags + "\n" + round.error);
  const FilterSpec& r = *round.spec;
  const bool same = r.districts == spec.districts && r.parks == spec.parks &&
                    r.industries == spec.industries && r.products == spec.products &&
                    r.companies == spec.companies && r.statuses == spec.statuses && r.from == spec.from &&
                    r.to == spec.to && r.as_of == spec.as_of && r.search == std::string(trim(spec.search));
  FUZZ_REQUIRE(same, "the copied command gives a different filter", flags);
  FUZZ_REQUIRE(filter_projects(d, r) == passing, "the copied command selects different projects", flags);
  return 0;
}
