// Value ticks (1-2-5 steps, 万/亿 labels), calendar time ticks and label-collision dropping.
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "chart/font_measure.h"
#include "chart/ticks.h"

using namespace indtrack;
using namespace indtrack::chart;

namespace {
DayNumber day_of(int y, int m, int d) { return days_from_civil(y, m, d); }

std::vector<std::string> labels_of(const std::vector<TimeTick>& ticks) {
  std::vector<std::string> out;
  for (const TimeTick& t : ticks) out.push_back(t.label);
  return out;
}
std::vector<DayNumber> days_of(const std::vector<TimeTick>& ticks) {
  std::vector<DayNumber> out;
  for (const TimeTick& t : ticks) out.push_back(t.day);
  return out;
}
}  // namespace

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten", "[chart][ticks]") {
  CHECK(nice_step(93, 5) == 20);
  CHECK(nice_step(100, 5) == 20);
  CHECK(nice_step(1, 5) == 0.2);
  CHECK(nice_step(0.07, 5) == 0.02);
  CHECK(nice_step(250, 5) == 50);
  CHECK(nice_step(251, 5) == 100);
  CHECK(nice_step(7, 10) == 1);
  CHECK(nice_step(12345, 4) == 5000);
  CHECK(nice_step(0, 5) == 1);
  CHECK(nice_step(-3, 5) == 1);
}

TEST_CASE("value ticks are exact multiples of the step", "[chart][ticks]") {
  const ValueTicks tenths = value_ticks(0, 0.3, 3);
  CHECK(tenths.step == 0.1);
  CHECK(tenths.values == std::vector<double>{0, 0.1, 0.2, 0.3});  // 0.3, not 0.30000000000000004
  const ValueTicks around_zero = value_ticks(-7, 23, 5);
  CHECK(around_zero.step == 10);
  CHECK(around_zero.values == std::vector<double>{0, 10, 20});
  CHECK_FALSE(std::signbit(around_zero.values[0]));  // never "-0"
  CHECK(value_ticks(3, 7, 5).values == std::vector<double>{3, 4, 5, 6, 7});
  CHECK(value_ticks(5, 5, 5).values.empty());
}

TEST_CASE("nice domains widen to whole steps", "[chart][ticks]") {
  CHECK(nice_domain(0, 93, 5) == std::pair<double, double>{0, 100});
  CHECK(nice_domain(3, 7, 5) == std::pair<double, double>{3, 7});
  CHECK(nice_domain(0, 0, 5) == std::pair<double, double>{0, 1});
  CHECK(nice_domain(12, 12, 5) == std::pair<double, double>{10.5, 13.5});
  CHECK(nice_domain(0, 159.2 * 1.04, 5) == std::pair<double, double>{0, 200});
}

TEST_CASE("tick labels use one 万/亿 suffix per axis and the step's decimals", "[chart][ticks]") {
  CHECK(format_ticks(value_ticks(0, 300, 6), NumberStyle::Plain) ==
        std::vector<std::string>{"0", "50", "100", "150", "200", "250", "300"});
  CHECK(format_ticks(value_ticks(0, 1.5, 3), NumberStyle::Plain) ==
        std::vector<std::string>{"0", "0.5", "1", "1.5"});
  CHECK(format_ticks(value_ticks(0, 20000, 4), NumberStyle::ChineseMagnitude) ==
        std::vector<std::string>{"0", "0.5万", "1万", "1.5万", "2万"});
  CHECK(format_ticks(value_ticks(0, 3e8, 3), NumberStyle::ChineseMagnitude) ==
        std::vector<std::string>{"0", "1亿", "2亿", "3亿"});
  CHECK(format_ticks(value_ticks(0, 5000, 5), NumberStyle::ChineseMagnitude) ==
        std::vector<std::string>{"0", "1000", "2000", "3000", "4000", "5000"});
}

TEST_CASE("single values are formatted with 万 and 亿", "[chart][ticks]") {
  CHECK(format_value(123456, NumberStyle::ChineseMagnitude) == "12.35万");
  CHECK(format_value(2.5e8, NumberStyle::ChineseMagnitude) == "2.5亿");
  CHECK(format_value(-15000, NumberStyle::ChineseMagnitude) == "-1.5万");
  CHECK(format_value(31.2, NumberStyle::Plain) == "31.2");
  CHECK(format_value(130.66, NumberStyle::Plain) == "130.66");
  CHECK(format_value(0.004, NumberStyle::Plain) == "0");
}

TEST_CASE("colliding labels are dropped greedily", "[chart][ticks]") {
  const std::vector<LabelSpan> spans{{0, 10}, {5, 15}, {12, 20}, {30, 40}};
  CHECK(keep_non_colliding(spans, 2, 0, 100) == std::vector<bool>{true, false, true, true});
  CHECK(keep_non_colliding(spans, 2, 0, 35) == std::vector<bool>{true, false, true, false});  // past the end
  CHECK(keep_non_colliding(spans, 2, 1, 100) ==
        std::vector<bool>{false, true, false, true});  // before the start
  CHECK(keep_non_colliding(spans, 11, 0, 100) == std::vector<bool>{true, false, false, true});
}

// Widths with ApproxTextMeasure at 12 px: "2000" 26.4, "10月" 25.2, "Q4" 13.2, "28日" 25.2;
// a step is chosen when its typical interval holds the widest label + 3 px offset + 6 px gap.
TEST_CASE("a six-year range at 400 px gets one tick per year", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  const TimeScale scale{{double(day_of(2019, 1, 1)), double(day_of(2025, 1, 1))}, 0, 400};
  const TimeTicks t = time_ticks(scale, measure, 12, Language::Chinese);
  CHECK(t.step == TimeStep{TimeUnit::Year, 1});
  CHECK(days_of(t.minor) == std::vector<DayNumber>{day_of(2019, 1, 1), day_of(2020, 1, 1), day_of(2021, 1, 1),
                                                   day_of(2022, 1, 1), day_of(2023, 1, 1), day_of(2024, 1, 1),
                                                   day_of(2025, 1, 1)});
  // The last label would start past the right end: dropped.
  CHECK(labels_of(t.minor) ==
        std::vector<std::string>{"2019年", "2020年", "2021年", "2022年", "2023年", "2024年", ""});
  CHECK(t.minor[1].x == scale.map(day_of(2020, 1, 1)));
  CHECK(t.major.empty());
}

TEST_CASE("months are labelled under their years across a year boundary", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  // 120 days on 300 px: 2.5 px/day; 10-day steps give 25 px < 34.2, months give 70 px.
  const TimeScale scale{{double(day_of(2022, 11, 1)), double(day_of(2023, 3, 1))}, 0, 300};
  const TimeTicks t = time_ticks(scale, measure, 12, Language::Chinese);
  CHECK(t.step == TimeStep{TimeUnit::Month, 1});
  CHECK(days_of(t.minor) == std::vector<DayNumber>{day_of(2022, 11, 1), day_of(2022, 12, 1),
                                                   day_of(2023, 1, 1), day_of(2023, 2, 1),
                                                   day_of(2023, 3, 1)});
  CHECK(labels_of(t.minor) == std::vector<std::string>{"11月", "12月", "1月", "2月", ""});
  CHECK(t.minor[2].x == 152.5f);
  REQUIRE(t.major.size() == 2);
  // The year already running at the left edge is labelled there, without a line.
  CHECK(t.major[0].label == "2022年");
  CHECK(t.major[0].x == 0);
  CHECK_FALSE(t.major[0].line);
  CHECK(t.major[1].label == "2023年");
  CHECK(t.major[1].day == day_of(2023, 1, 1));
  CHECK(t.major[1].line);
}

TEST_CASE("days are labelled under their months across a month boundary", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  const TimeScale scale{{double(day_of(2023, 1, 25)), double(day_of(2023, 2, 8))}, 0, 700};  // 50 px/day
  const TimeTicks t = time_ticks(scale, measure, 12, Language::Chinese);
  CHECK(t.step == TimeStep{TimeUnit::Day, 1});
  CHECK(labels_of(t.minor) == std::vector<std::string>{"25日", "26日", "27日", "28日", "29日", "30日", "31日",
                                                       "1日", "2日", "3日", "4日", "5日", "6日", "7日", ""});
  REQUIRE(t.major.size() == 2);
  CHECK(t.major[0].label == "2023年1月");
  CHECK(t.major[1].label == "2023年2月");
  CHECK(t.major[1].x == 350);
}

TEST_CASE("a label too close to the previous one is dropped (short month end)", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  // 10 px/day: 5-day steps (50 px) fit, 2-day steps (20 px) do not. 26 Feb -> 1 Mar is only 3 days.
  const TimeScale scale{{double(day_of(2023, 2, 1)), double(day_of(2023, 3, 12))}, 0, 390};
  const TimeTicks t = time_ticks(scale, measure, 12, Language::Chinese);
  CHECK(t.step == TimeStep{TimeUnit::Day, 5});
  CHECK(days_of(t.minor) ==
        std::vector<DayNumber>{day_of(2023, 2, 1), day_of(2023, 2, 6), day_of(2023, 2, 11),
                               day_of(2023, 2, 16), day_of(2023, 2, 21), day_of(2023, 2, 26),
                               day_of(2023, 3, 1), day_of(2023, 3, 6), day_of(2023, 3, 11)});
  CHECK(labels_of(t.minor) ==
        std::vector<std::string>{"1日", "6日", "11日", "16日", "21日", "26日", "", "6日", ""});
}

TEST_CASE("quarters in English with years below", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  const TimeScale scale{{double(day_of(2021, 1, 1)), double(day_of(2024, 1, 1))}, 0, 400};
  const TimeTicks t = time_ticks(scale, measure, 12, Language::English);
  CHECK(t.step == TimeStep{TimeUnit::Month, 3});
  REQUIRE(t.minor.size() == 13);
  CHECK(labels_of(t.minor) ==
        std::vector<std::string>{"Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4", ""});
  CHECK(labels_of(t.major) == std::vector<std::string>{"2021", "2022", "2023", ""});
  CHECK(t.major[0].line);  // the range starts on a year boundary: no extra edge label
}

TEST_CASE("time labels in both languages", "[chart][ticks]") {
  CHECK(time_label(day_of(2023, 10, 1), {TimeUnit::Month, 1}, Language::Chinese) == "10月");
  CHECK(time_label(day_of(2023, 10, 1), {TimeUnit::Month, 1}, Language::English) == "Oct");
  CHECK(time_label(day_of(2023, 7, 1), {TimeUnit::Month, 3}, Language::Chinese) == "Q3");
  CHECK(time_label(day_of(2023, 1, 16), {TimeUnit::Day, 5}, Language::English) == "16");
  CHECK(major_time_label(day_of(2023, 10, 1), {TimeUnit::Day, 1}, Language::English) == "Oct 2023");
  CHECK(time_label(day_of(2020, 1, 1), {TimeUnit::Year, 10}, Language::Chinese) == "2020年");
  CHECK(time_label(day_of(2020, 1, 1), {TimeUnit::Year, 1}, Language::English) == "2020");
}

TEST_CASE("a very long range uses decade steps", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  const TimeScale scale{{double(day_of(1950, 1, 1)), double(day_of(2050, 1, 1))}, 0, 800};
  // 100 years on 800 px: 0.0219 px/day; 5-year steps give 40 px >= 35.4 for "1950".
  const TimeTicks en = time_ticks(scale, measure, 12, Language::English);
  CHECK(en.step == TimeStep{TimeUnit::Year, 5});
  CHECK(en.minor.front().label == "1950");
  CHECK(en.minor[1].label == "1955");
  CHECK(en.minor.size() == 21);
  // "1950年" needs 47.4 px: ten-year steps (80 px).
  const TimeTicks zh = time_ticks(scale, measure, 12, Language::Chinese);
  CHECK(zh.step == TimeStep{TimeUnit::Year, 10});
  CHECK(zh.minor.front().label == "1950年");
  CHECK(zh.minor[1].label == "1960年");
}

TEST_CASE("the visible span sets the finest unit, the same on every time axis", "[chart][ticks]") {
  const ApproxTextMeasure measure;
  CHECK(finest_step_for_span(5 * 365.0) == TimeStep{TimeUnit::Year, 1});
  CHECK(finest_step_for_span(3 * 365.0) == TimeStep{TimeUnit::Month, 3});
  CHECK(finest_step_for_span(200) == TimeStep{TimeUnit::Month, 1});
  CHECK(finest_step_for_span(40) == TimeStep{TimeUnit::Day, 1});
  // Five years never get quarters, however wide the axis (a 4K capacity chart and a narrow
  // timeline label the same range alike).
  const TimeRange five{double(day_of(2021, 1, 1)), double(day_of(2026, 1, 1))};
  for (const float width : {400.0f, 1200.0f, 3600.0f}) {
    const TimeTicks t = time_ticks({five, 0, width}, measure, 12, Language::Chinese);
    CHECK(t.step == TimeStep{TimeUnit::Year, 1});
    CHECK(t.minor.front().label == "2021年");
  }
  // Two years: quarters on a wide and a narrow axis; never 上半年/下半年 (no half-year step).
  const TimeRange two{double(day_of(2023, 1, 1)), double(day_of(2025, 1, 1))};
  for (const float width : {300.0f, 900.0f, 2000.0f}) {
    const TimeTicks t = time_ticks({two, 0, width}, measure, 12, Language::Chinese);
    CHECK(t.step == TimeStep{TimeUnit::Month, 3});
  }
  // Too narrow for quarters: straight to years.
  CHECK(time_ticks({two, 0, 120}, measure, 12, Language::Chinese).step.unit == TimeUnit::Year);
}

TEST_CASE("time labels never overlap, at any width, in both languages, with the real font",
          "[chart][ticks]") {
  std::string error;
  for (const float raster : {1.0f, 2.0f}) {
    const auto measure = FontTextMeasure::open(
        {{std::string(INDTRACK_SOURCE_DIR) + "/assets/fonts/NotoSansCJKsc-indtrack.otf", 0}}, raster, error);
    REQUIRE(measure);
    const double spans[] = {10, 45, 200, 500, 800, 1500, 2500, 5000, 20000};
    for (const Language lang : {Language::Chinese, Language::English})
      for (const double span : spans)
        for (float width = 150; width <= 3000; width += 137) {
          const double from = day_of(2019, 3, 17);
          const TimeScale scale{{from, from + span}, 40, 40 + width};
          const TimeTicks t = time_ticks(scale, *measure, 13, lang);
          INFO("span " << span << " width " << width << (lang == Language::English ? " en" : " zh"));
          for (const std::vector<TimeTick>* row : {&t.minor, &t.major}) {
            float last_end = -1e9f;
            std::size_t labelled = 0;
            for (const TimeTick& tick : *row) {
              if (tick.label.empty()) continue;
              ++labelled;
              const float begin = tick.line ? tick.x + kTimeLabelOffsetPx : tick.x;
              const float end = begin + measure->width(tick.label, 13);
              CHECK(begin >= scale.x0);
              CHECK(end <= scale.x1);
              CHECK(begin >= last_end + kLabelGapPx);
              last_end = end;
            }
            if (row == &t.minor && width >= 300) CHECK(labelled >= 2);  // an axis says where it is
          }
        }
  }
}
