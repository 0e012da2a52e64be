// Numbers as Chinese news writes them, read from normalised text (full-width digits are already
// ASCII): "10.4", "1,317", "568.8亿", "120万", "3千万", a count prefix "3×10.4万", and small
// Chinese numerals for counts ("两条", "三套"). Values are kept as an exact decimal mantissa and
// power of ten so that 10.4万 is exactly 104000, not 104000.00000000001.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace indtrack {

struct ParsedNumber {
  std::size_t begin = 0;       // first digit (of the count, for "3×10.4万")
  std::size_t digits_end = 0;  // after the last digit of the value
  std::size_t end = 0;         // after the multiplier (万, 亿, 千万 ...), if any
  std::int64_t mantissa = 0;   // value = mantissa * 10^exponent, multiplier included
  int exponent = 0;
  int count = 0;           // "3×10.4万吨/年": 3 identical lines; 0 when not written
  int decimals = 0;        // digits after the decimal point as written
  int integer_digits = 0;  // digits before the decimal point (without thousands separators)

  double value() const;  // correctly rounded
};

// Parses the number whose first digit is at `pos` (text[pos] must be an ASCII digit). Returns
// nullopt for digit runs that are not quantities: more than 15 significant digits.
std::optional<ParsedNumber> parse_number(std::string_view text, std::size_t pos);

// 一 .. 九十九 and 两 ("两条" = 2): the value of the Chinese numeral that ends exactly at `end`,
// and where it starts. Returns 0 when there is none.
int parse_chinese_count_before(std::string_view text, std::size_t end, std::size_t* begin = nullptr);

// The value of the ASCII digits that end exactly at `end` (at most 4 of them), or 0.
int parse_ascii_count_before(std::string_view text, std::size_t end, std::size_t* begin = nullptr);

}  // namespace indtrack
