#include "extract/number_parser.h"

#include <cmath>

namespace indtrack {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view word) {
  return text.substr(pos, word.size()) == word;
}

// Multiplier characters; a run of them counts only up to its last 万 or 亿 ("万千瓦" is 万 + 千瓦).
struct Multiplier {
  std::string_view word;
  int exponent;
};
constexpr Multiplier kMultipliers[] = {{"十", 1}, {"百", 2}, {"千", 3}, {"万", 4}, {"亿", 8}};

double pow10_exact(int e) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (e >= 0 && e <= 22) return kPowers[e];
  return std::pow(10.0, e);
}

// Reads digits [.digits] [,ddd]* at pos into mantissa/decimals; returns the end or pos on failure.
std::size_t read_decimal(std::string_view text, std::size_t pos, std::int64_t& mantissa, int& decimals,
                         int& integer_digits) {
  mantissa = 0;
  decimals = 0;
  integer_digits = 0;
  int significant = 0;
  std::size_t i = pos;
  auto take = [&](char c) {
    if (mantissa != 0 || c != '0') ++significant;
    mantissa = mantissa * 10 + (c - '0');
  };
  while (i < text.size() && is_digit(text[i])) {
    if (significant >= 15) return pos;
    take(text[i++]);
    ++integer_digits;
  }
  // Thousands separators: 1,317 or 12,000,000 (a lead of 1-3 digits, then groups of exactly 3).
  if (integer_digits >= 1 && integer_digits <= 3) {
    while (i + 3 < text.size() && text[i] == ',' && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
           is_digit(text[i + 3]) &&
           (i + 4 == text.size() || (!is_digit(text[i + 4]) && text[i + 4] != '-'))) {
      if (significant + 3 > 15) return pos;
      for (std::size_t k = 1; k <= 3; ++k) take(text[i + k]);
      integer_digits += 3;
      i += 4;
    }
  }
  if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
    ++i;
    while (i < text.size() && is_digit(text[i])) {
      if (significant >= 15) return pos;
      take(text[i++]);
      ++decimals;
    }
  }
  return i;
}

}  // namespace

double ParsedNumber::value() const {
  const double m = static_cast<double>(mantissa);
  return exponent >= 0 ? m * pow10_exact(exponent) : m / pow10_exact(-exponent);
}

std::optional<ParsedNumber> parse_number(std::string_view text, std::size_t pos) {
  ParsedNumber n;
  n.begin = pos;
  std::size_t i = read_decimal(text, pos, n.mantissa, n.decimals, n.integer_digits);
  if (i == pos) return std::nullopt;

  // "3×10.4万": a count of identical lines, then the value of one.
  for (std::string_view times : {std::string_view("×"), std::string_view("x"), std::string_view("X"),
                                 std::string_view("*"), std::string_view("✕")}) {
    if (n.decimals == 0 && n.mantissa > 0 && n.mantissa <= 50 && starts_with_at(text, i, times) &&
        i + times.size() < text.size() && is_digit(text[i + times.size()])) {
      const std::size_t value_pos = i + times.size();
      ParsedNumber value;
      const std::size_t value_end =
          read_decimal(text, value_pos, value.mantissa, value.decimals, value.integer_digits);
      if (value_end == value_pos) break;
      n.count = static_cast<int>(n.mantissa);
      n.mantissa = value.mantissa;
      n.decimals = value.decimals;
      n.integer_digits = value.integer_digits;
      i = value_end;
      break;
    }
  }
  n.digits_end = i;
  n.exponent = -n.decimals;
  n.end = i;

  // Multipliers: keep the run up to its last 万/亿.
  int run_exponent = 0;
  std::size_t j = i;
  while (j < text.size()) {
    bool matched = false;
    for (const Multiplier& m : kMultipliers) {
      if (starts_with_at(text, j, m.word)) {
        run_exponent += m.exponent;
        j += m.word.size();
        matched = true;
        if (m.word == "万" || m.word == "亿") {
          n.end = j;
          n.exponent = -n.decimals + run_exponent;
        }
        break;
      }
    }
    if (!matched) break;
  }
  return n;
}

int parse_chinese_count_before(std::string_view text, std::size_t end, std::size_t* begin) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digit_before = [&](std::size_t at, std::size_t& start) -> int {
    if (at >= 3 && text.substr(at - 3, 3) == "两") {
      start = at - 3;
      return 2;
    }
    for (int d = 1; d <= 9; ++d)
      if (at >= 3 && text.substr(at - 3, 3) == kDigits[d]) {
        start = at - 3;
        return d;
      }
    return -1;
  };
  std::size_t start = end;
  int value = 0;
  const int units = digit_before(end, start);
  if (units > 0) {
    value = units;
    if (start >= 3 && text.substr(start - 3, 3) == "十") {  // 二十三, 十三
      std::size_t tens_start = start - 3;
      int tens = 1;
      std::size_t tens_digit_start = tens_start;
      const int t = digit_before(tens_start, tens_digit_start);
      if (t > 0) {
        tens = t;
        tens_start = tens_digit_start;
      }
      value += tens * 10;
      start = tens_start;
    }
  } else if (end >= 3 && text.substr(end - 3, 3) == "十") {  // 十, 二十
    start = end - 3;
    value = 10;
    std::size_t tens_digit_start = start;
    const int t = digit_before(start, tens_digit_start);
    if (t > 0) {
      value = t * 10;
      start = tens_digit_start;
    }
  }
  if (value > 0 && begin) *begin = start;
  return value;
}

int parse_ascii_count_before(std::string_view text, std::size_t end, std::size_t* begin) {
  std::size_t start = end;
  while (start > 0 && end - start < 4 && is_digit(text[start - 1])) --start;
  if (start == end || (start > 0 && (is_digit(text[start - 1]) || text[start - 1] == '.'))) return 0;
  int value = 0;
  for (std::size_t i = start; i < end; ++i) value = value * 10 + (text[i] - '0');
  if (begin) *begin = start;
  return value;
}

}  // namespace indtrack
