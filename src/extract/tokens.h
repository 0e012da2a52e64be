// What the tokenizer finds in a normalised paragraph, in text order: dictionary words, quantities
// (number + unit) and date expressions. Offsets are bytes into the paragraph's normalised text.
// The rule modules (capacity, investment, date, entity) read these and never rescan raw bytes
// beyond a short bounded window, which keeps extraction linear in the input size.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"

namespace indtrack {

struct Quantity {
  std::uint32_t begin = 0;       // first digit (of the "3×" count when there is one)
  std::uint32_t number_end = 0;  // after the multiplier, where the unit starts
  std::uint32_t end = 0;         // after the unit
  double value = 0;              // in the canonical unit of unit_name (core/units.h)
  UnitClass unit_class = UnitClass::Money;
  std::string_view unit_name;  // core/units.h name: "吨/年", "kW", "元" ...
  int count = 0;               // "3×10.4万吨/年" -> 3
  bool approximate = false;    // 约, 近, 左右, 余 ...
};

struct DateExpression {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int year = 0;             // written year ("2023年"), 0 when not written
  bool relative = false;    // 今年/明年/去年/年底: year = article year + year_offset
  bool names_year = false;  // 今年/明年 name the year; 年底/上半年 alone and "4月" do not
  int year_offset = 0;
  int month = 0;               // 0: year precision
  int day = 0;                 // 0: month or year precision
  bool year_end_part = false;  // 年底/上半年/一季度 ...: a deadline recorded as the month it ends in
  bool since = false;          // "…以来": a period start, not an event date
  bool range = false;          // "2021—2023年": a span, not a date
  bool day_only = false;       // "30日,…": a day of the month named before it (or the article's)
  bool same_day = false;       // 当日/当天: the day of the latest full date before it
};

struct Token {
  enum class Type : std::uint8_t { Word, Quantity, Date };
  Type type = Type::Word;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int index = -1;  // Word: dictionary entry; Quantity: into quantities; Date: into dates
};

struct ParagraphTokens {
  std::vector<Token> tokens;
  std::vector<Quantity> quantities;
  std::vector<DateExpression> dates;
};

}  // namespace indtrack
