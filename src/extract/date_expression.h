// Reading date expressions as Chinese news writes them: "2022年12月", "2021年7月", "10月19日",
// "2025年底", "6月底前", "2023年上半年", "今年5月", "明年一季度", "年底". A part of a year is
// recorded as the month it ends in (年底 12, 上半年 6, 一季度 3), as docs/data-format.md says.
// "…以来" marks a period start and "2021—2023年" a span: both are kept as tokens but never dated
// events. Resolving a missing year against the article date is date_extractor's job.
#pragma once

#include <optional>
#include <string_view>

#include "extract/extraction_dictionary.h"
#include "extract/tokens.h"

namespace indtrack {

// A date starting with the ASCII digit at `pos`, or nullopt when the digits are not a date.
std::optional<DateExpression> parse_date_at_digits(std::string_view text, std::size_t pos,
                                                   const ExtractionDictionary& dict);

// A date starting with a relative word (今年, 年底 ...) at [pos, word_end), extended with what
// follows it ("今年" + "5月"; "明年" + "一季度").
DateExpression parse_relative_date(std::string_view text, std::size_t pos, std::size_t word_end,
                                   const RelativeDateWord& word, const ExtractionDictionary& dict);

}  // namespace indtrack
