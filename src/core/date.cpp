#include "core/date.h"

#include <ctime>

namespace indtrack {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's civil-calendar algorithms.
DayNumber days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy =
      (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
  const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(DayNumber z, int& year, int& month, int& day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = y + (month <= 2);
}

Date Date::from_days(DayNumber days) {
  Date d;
  civil_from_days(days, d.year, d.month, d.day);
  d.precision = DatePrecision::Day;
  return d;
}

static void append_padded(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

std::string Date::to_string() const {
  std::string out;
  append_padded(out, year, 4);
  if (precision >= DatePrecision::Month) {
    out += '-';
    append_padded(out, month, 2);
  }
  if (precision == DatePrecision::Day) {
    out += '-';
    append_padded(out, day, 2);
  }
  return out;
}

DayNumber Date::first_day() const {
  switch (precision) {
    case DatePrecision::Year:
      return days_from_civil(year, 1, 1);
    case DatePrecision::Month:
      return days_from_civil(year, month, 1);
    case DatePrecision::Day:
      break;
  }
  return days_from_civil(year, month, day);
}

DayNumber Date::last_day() const {
  switch (precision) {
    case DatePrecision::Year:
      return days_from_civil(year, 12, 31);
    case DatePrecision::Month:
      return days_from_civil(year, month, days_in_month(year, month));
    case DatePrecision::Day:
      break;
  }
  return days_from_civil(year, month, day);
}

DayNumber Date::placement_day() const { return first_day() + (last_day() - first_day() + 1) / 2; }

std::strong_ordering operator<=>(const Date& a, const Date& b) {
  if (auto c = a.placement_day() <=> b.placement_day(); c != 0) return c;
  return a.precision <=> b.precision;
}

// At most 4 digits here, so no overflow; a plain loop is several times faster than from_chars
// (a large dataset has a million dates).
static bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

DateParseResult parse_date(std::string_view text) {
  static constexpr const char* kMonthNames[12] = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
  auto fail = [&](std::string why) {
    return DateParseResult{std::nullopt, "\"" + std::string(text.substr(0, 40)) + "\" is not a date: " + why};
  };
  const bool shape_ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
                        (text.size() < 7 || text[4] == '-') && (text.size() < 10 || text[7] == '-');
  if (!shape_ok) return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
  Date d;
  if (!parse_digits(text.substr(0, 4), d.year)) return fail("the year must be 4 digits");
  if (d.year < 1) return fail("year 0000 does not exist");
  d.precision = DatePrecision::Year;
  if (text.size() >= 7) {
    if (!parse_digits(text.substr(5, 2), d.month)) return fail("the month must be 2 digits");
    if (d.month < 1 || d.month > 12) return fail("month " + std::to_string(d.month) + " is not 01..12");
    d.precision = DatePrecision::Month;
  }
  if (text.size() == 10) {
    if (!parse_digits(text.substr(8, 2), d.day)) return fail("the day must be 2 digits");
    const int max_day = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > max_day)
      return fail(std::string(kMonthNames[d.month - 1]) + " " + std::to_string(d.year) + " has " +
                  std::to_string(max_day) + " days");
    d.precision = DatePrecision::Day;
  }
  return {d, {}};
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::of_day(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int whole_months_between(int y1, int m1, int y2, int m2) { return (y2 - y1) * 12 + (m2 - m1); }

int complete_months_between(DayNumber from, DayNumber to) {
  if (to <= from) return 0;
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
  civil_from_days(from, y1, m1, d1);
  civil_from_days(to, y2, m2, d2);
  int months = whole_months_between(y1, m1, y2, m2);
  if (d2 < d1 && d2 < days_in_month(y2, m2)) --months;  // the last month has not run its course
  return months;
}

}  // namespace indtrack
