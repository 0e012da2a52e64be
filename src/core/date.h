// Calendar dates that keep their precision. A source that says "2023" gives a year-only date,
// never 2023-01-01; "2023年10月" gives a month. Owns: parsing, formatting, day arithmetic and
// the placement rule used when an imprecise date has to sit at one point on a time axis.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace indtrack {

// Days since 1970-01-01 (proleptic Gregorian). Negative before 1970.
using DayNumber = std::int32_t;

enum class DatePrecision : std::uint8_t { Year = 1, Month = 2, Day = 3 };

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12
DayNumber days_from_civil(int year, int month, int day);
void civil_from_days(DayNumber days, int& year, int& month, int& day);

struct Date {
  int year = 0;   // 1..9999
  int month = 0;  // 1..12, 0 when precision is Year
  int day = 0;    // 1..31, 0 when precision is Month or Year
  DatePrecision precision = DatePrecision::Year;

  static Date of_year(int y) { return {y, 0, 0, DatePrecision::Year}; }
  static Date of_month(int y, int m) { return {y, m, 0, DatePrecision::Month}; }
  static Date of_day(int y, int m, int d) { return {y, m, d, DatePrecision::Day}; }
  static Date from_days(DayNumber days);  // precision Day

  // "2023" | "2023-10" | "2023-10-24"
  std::string to_string() const;

  // The interval the date stands for: 2023 -> [2023-01-01, 2023-12-31].
  DayNumber first_day() const;
  DayNumber last_day() const;
  // Where an imprecise date is drawn and when it counts as having happened: the middle of its
  // interval (2023 -> 2023-07-02, 2023-10 -> 2023-10-16, a day -> itself). Documented in
  // docs/data-format.md; charts mark such dates as uncertain.
  DayNumber placement_day() const;

  bool is_exact_day() const { return precision == DatePrecision::Day; }

  // Ordered by placement, then by precision (coarser first) so sorting is total and stable.
  friend bool operator==(const Date&, const Date&) = default;
  friend std::strong_ordering operator<=>(const Date& a, const Date& b);
};

// Why a date string was rejected, e.g. "2023-02-30 is not a date (February 2023 has 28 days)".
struct DateParseResult {
  std::optional<Date> date;
  std::string error;
};
DateParseResult parse_date(std::string_view text);

// Today's date in local time (UTC on the build machines).
Date today();

// Calendar months from (y1, m1) to (y2, m2): 2022-09 -> 2023-10 is 13. Negative when earlier.
int whole_months_between(int y1, int m1, int y2, int m2);

// Complete months elapsed from day `from` to day `to` (not before it): 2023-10-31 -> 2023-11-01 is
// 0, -> 2023-11-30 is 1 (a month's last day completes it), -> 2025-12-31 is 26.
int complete_months_between(DayNumber from, DayNumber to);

}  // namespace indtrack
