// Fuzz target: the extractor (extract_facts) on arbitrary bytes, twice per input — with the
// built-in vocabulary and no article date, and with the Wuhai dataset's dictionary and an article
// date whose precision and year vary with the input.
// Properties: no crash, leak or undefined behaviour; every fact's quote is exactly the original
// bytes [start, end) and its mention lies inside it; facts come in text order; dates are real
// calendar dates of the stated precision; amounts are finite and not negative; the JSON and table
// outputs are produced and the JSON parses again.
#include <cmath>
#include <sstream>
#include <string>

#include "extract/extractor.h"
#include "extract/fact_output.h"
#include "fuzz_support.h"
#include "io/dataset_io.h"

using namespace indtrack;

namespace {

const ExtractionDictionary& dataset_dictionary() {
  static const ExtractionDictionary dictionary = [] {
    LoadOptions options;
    options.check_quotes = false;
    LoadResult r = load_dataset(INDTRACK_SOURCE_DIR "/data/wuhai.json", options);
    if (!r.ok()) fuzz::fail("cannot load data/wuhai.json for the dictionary");
    return ExtractionDictionary(*r.dataset);
  }();
  return dictionary;
}

bool valid_date(const Date& d) {
  if (d.year < 1 || d.year > 9999) return false;
  switch (d.precision) {
    case DatePrecision::Year:
      return d.month == 0 && d.day == 0;
    case DatePrecision::Month:
      return d.month >= 1 && d.month <= 12 && d.day == 0;
    case DatePrecision::Day:
      return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
  }
  return false;
}

void check_facts(std::string_view text, const ExtractionResult& result) {
  std::size_t previous_start = 0;
  for (const ExtractedFact& f : result.facts) {
    const auto where = [&f] {
      return "fact at [" + std::to_string(f.start) + ", " + std::to_string(f.end) + ")";
    };
    FUZZ_REQUIRE(f.start <= f.end && f.end <= text.size(), "a fact's span is outside the text", where());
    FUZZ_REQUIRE(f.quote == text.substr(f.start, f.end - f.start),
                 "a fact's quote is not the original bytes [start, end)", where());
    FUZZ_REQUIRE(f.start <= f.mention_start && f.mention_start <= f.mention_end && f.mention_end <= f.end,
                 "a fact's mention is not inside its quote", where());
    FUZZ_REQUIRE(f.start >= previous_start, "facts are not in text order", where());
    previous_start = f.start;
    if (f.kind == FactKind::Date) {
      FUZZ_REQUIRE(f.date.has_value() && valid_date(*f.date), "a date fact without a valid date", where());
    } else {
      FUZZ_REQUIRE(std::isfinite(f.value) && f.value >= 0, "an amount that is not a finite number >= 0",
                   where());
      FUZZ_REQUIRE(!f.unit.empty(), "an amount without a unit", where());
    }
    FUZZ_REQUIRE(f.lines >= 0 && f.line_number >= 0, "a negative line count or line number", where());
  }
}

void check_outputs(const ExtractionResult& result) {
  const std::vector<FileFacts> files{{"fuzz.txt", result.facts}};
  const std::string json = facts_to_json(files);
  FUZZ_REQUIRE(nlohmann::json::accept(json), "facts_to_json wrote invalid JSON", json);
  std::ostringstream table;
  write_fact_table(table, files);
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_extract) {
  const std::string_view text = fuzz::as_text(data, size);

  static const ExtractionDictionary builtin;
  const ExtractionResult plain = extract_facts(text, std::nullopt, builtin);
  check_facts(text, plain);
  check_outputs(plain);

  // An article date of every precision, years 1990..2049, chosen by the input's size.
  const int year = 1990 + static_cast<int>(size % 60);
  const int month = 1 + static_cast<int>(size / 60 % 12);
  const Date article_date = size % 3 == 0   ? Date::of_year(year)
                            : size % 3 == 1 ? Date::of_month(year, month)
                                            : Date::of_day(year, month, 1 + static_cast<int>(size % 28));
  const ExtractionResult dated = extract_facts(text, article_date, dataset_dictionary());
  check_facts(text, dated);
  check_outputs(dated);
  return 0;
}
