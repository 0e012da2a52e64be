#include <catch2/catch_test_macros.hpp>

#include "core/date.h"

using namespace indtrack;

TEST_CASE("dates keep the precision they were written with", "[date]") {
  auto y = parse_date("2023");
  REQUIRE(y.date);
  CHECK(y.date->precision == DatePrecision::Year);
  CHECK(y.date->to_string() == "2023");
  auto m = parse_date("2023-10");
  REQUIRE(m.date);
  CHECK(m.date->precision == DatePrecision::Month);
  CHECK(m.date->to_string() == "2023-10");
  auto d = parse_date("2022-11-24");
  REQUIRE(d.date);
  CHECK(d.date->to_string() == "2022-11-24");
}

TEST_CASE("impossible dates are rejected with the reason", "[date]") {
  auto r = parse_date("2023-02-30");
  CHECK_FALSE(r.date);
  CHECK(r.error == "\"2023-02-30\" is not a date: February 2023 has 28 days");
  CHECK(parse_date("2024-02-29").date);
  CHECK(parse_date("2023-13").error == "\"2023-13\" is not a date: month 13 is not 01..12");
  CHECK(parse_date("23-1-1").error == "\"23-1-1\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
  CHECK_FALSE(parse_date("").date);
  CHECK_FALSE(parse_date("2023-1a").date);
}

TEST_CASE("imprecise dates are placed in the middle of their interval", "[date]") {
  const Date year = Date::of_year(2023);
  CHECK(Date::from_days(year.first_day()).to_string() == "2023-01-01");
  CHECK(Date::from_days(year.last_day()).to_string() == "2023-12-31");
  CHECK(Date::from_days(year.placement_day()).to_string() == "2023-07-02");
  CHECK(Date::from_days(Date::of_month(2023, 10).placement_day()).to_string() == "2023-10-16");
  CHECK(Date::from_days(Date::of_month(2023, 2).placement_day()).to_string() == "2023-02-15");
  const Date day = Date::of_day(2022, 11, 24);
  CHECK(day.placement_day() == day.first_day());
}

TEST_CASE("day numbers round-trip through the civil calendar", "[date]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  for (DayNumber n = -800000; n < 800000; n += 997) {
    int y = 0, m = 0, d = 0;
    civil_from_days(n, y, m, d);
    CHECK(days_from_civil(y, m, d) == n);
  }
}

TEST_CASE("dates order by placement, coarser first at a tie", "[date]") {
  CHECK(Date::of_month(2023, 6) < Date::of_month(2023, 10));
  CHECK(Date::of_year(2023) < Date::of_day(2023, 7, 3));
  CHECK(whole_months_between(2022, 9, 2023, 10) == 13);
}

TEST_CASE("complete months elapsed count a month only when it has run its course", "[date]") {
  const auto day = [](int y, int m, int d) { return Date::of_day(y, m, d).first_day(); };
  CHECK(complete_months_between(day(2023, 10, 31), day(2023, 11, 1)) == 0);
  CHECK(complete_months_between(day(2023, 10, 31), day(2023, 11, 30)) == 1);  // November's last day
  CHECK(complete_months_between(day(2023, 10, 1), day(2023, 11, 1)) == 1);
  CHECK(complete_months_between(day(2024, 1, 31), day(2024, 2, 29)) == 1);  // leap February ends the month
  CHECK(complete_months_between(day(2024, 1, 31), day(2024, 2, 28)) == 0);
  CHECK(complete_months_between(day(2023, 4, 30), day(2025, 12, 31)) == 32);
  CHECK(complete_months_between(day(2024, 6, 1), day(2024, 5, 1)) == 0);  // not before `from`
}
