// The few words chart layouts write themselves (month names, "no data", "as of", "N items",
// precision notes), in Chinese and English. Everything else — titles, axis units, legend labels,
// tooltips, the footer — is passed in by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/language.h"
#include "model/vocabulary.h"

namespace indtrack::chart {

struct ChartStrings {
  std::string_view no_data;  // shown in the plot when the filter leaves nothing to draw
  std::string_view as_of;    // prefix of the as-of line's label
  std::string_view today;
  std::string_view actual;              // legend: solid
  std::string_view expected;            // legend: hatched / dashed
  std::string_view milestone;           // legend: ◆
  std::string_view total;               // investment: total
  std::string_view completed;           // investment: completed so far
  std::string_view sum;                 // status table: total column
  std::string_view year;                // status table: first column
  std::string_view approximate_prefix;  // 约 / ~
  std::string_view placed_at;           // tooltip: where an imprecise date is drawn
  std::string_view reference;           // legend: official (city-level) figures
  std::string_view overdue;             // tooltip: an expected date that has passed
  std::string_view inferred;            // legend: striped (a status not stated by a source)
  std::string_view inferred_short;      // the same beside its striped swatch where room is short
  std::string_view partly;              // legend: split bar (some lines operate, the rest below)
  std::string_view uncertain_start;     // legend: faded, bracketed start (year-only or "by" dates)
  std::string_view stalled;             // legend: ‖ possibly stalled
  std::string_view start_not_reported;  // tooltip: a "by" segment's start
  std::string_view not_before;          // tooltip: the earliest day a start can have been
  std::string_view certain_from;        // tooltip: where the solid bar begins
  std::string_view by_status;           // capacity: the column after the time axis
  std::string_view lines_inferred;      // capacity column tooltip: the striped part
};
const ChartStrings& chart_strings(Language lang);

std::string year_label(int year, Language lang);                   // 2024年 / 2024
std::string month_label(int month, Language lang);                 // 10月 / Oct
std::string quarter_label(int quarter, Language lang);             // Q4
std::string day_label(int day, Language lang);                     // 16日 / 16
std::string year_month_label(int year, int month, Language lang);  // 2023年10月 / Oct 2023
std::string items_label(std::size_t count, Language lang);         // 12项 / 12 items
std::string more_label(std::size_t count, Language lang);          // 另有12项 / 12 more
std::string as_of_label(DayNumber day, Language lang);             // 截至 2024-10-31 / as of 2024-10-31
// The level a fitted time axis starts from (earlier changes folded into it): 2022年前已有 10 万吨/年,
// 2022年7月前已有 … / 10 10k t/a before 2022, … before Jul 2022; a day not the 1st as 2022-10-25.
std::string level_before_label(DayNumber day, const std::string& value_and_unit, Language lang);
std::string total_label(const std::string& value, Language lang);  // 合计 69.2 / Total 69.2
// Under a chart too short for its rows, saying what to do: 另有21项未显示：图高只够11行。可选
// “仅显示有日期的行”（7行无日期）或加高图表 / 21 more not shown: room for 11 rows. Choose "Only rows
// with dates" (7 have none) or a taller chart. The offer to drop rows only when some have no date.
std::string rows_cut_label(std::size_t hidden, std::size_t shown, std::size_t undated, Language lang);
std::string with_expected_label(const std::string& value, Language lang);  // 含预计 150 / incl. expected 150

std::string_view precision_label(DatePrecision precision, Language lang);  // 日期精确到月 / month only
// A date as written with its precision: 2014年（仅知年份） / 2014 (year only); a day as itself.
std::string date_with_precision(const Date& date, Language lang);
// "In this state by `date`": 截至 2024-10-22 已投产（开始日期未报道） / in operation by 2024-10-22
// (start date not reported).
std::string status_by_label(Status status, const Date& date, Language lang);
std::string_view status_label(Status status, Language lang);
std::string_view milestone_label(MilestoneKind kind, Language lang);

}  // namespace indtrack::chart
