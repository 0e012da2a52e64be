// Plan versus actual ("slippage"): one row per milestone, a dumbbell from the first announced
// expected date to when it happened (or, still pending, to the latest expectation; past due, a
// dashed run to the as-of date), coloured by delay on a colour-blind-safe ramp; every other
// expectation a hollow ◇ with its report and source on hover; imprecise dates drawn with their
// interval, and a completion known only from later reports as an interval band, never a point.
// Also the CSV of exactly the plotted numbers.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_inputs.h"
#include "chart/chart_style.h"
#include "chart/scene.h"
#include "chart/text_layout.h"

namespace indtrack::chart {

// Display order: the most certainly late first — by the lower end of the delay (descending),
// then the upper end; not-yet-due rows last; ties keep their order.
void sort_slippage_rows(std::vector<SlippageRow>& rows);

// The delay classes of the colour ramp.
enum class DelayClass : std::uint8_t { OnTime, Undetermined, Under6, Under12, Under24, Over24, NotYetDue };
DelayClass delay_class(const SlippageRow& row);  // late and past-due rows by their delay's lower end
Rgba delay_colour(DelayClass c);
std::string_view delay_class_label(DelayClass c, Language lang);

// The short text at the right end of a row: "晚5–26个月", "逾期≥24个月" / "5–26 mo late", ...
std::string slippage_delay_label(const SlippageRow& row, Language lang);

// The time range covering every plotted date and the as-of day.
TimeRange slippage_time_extent(const SlippageChartInput& input);

// Rows that do not fit at a readable height are left out with a "N more not shown" note; size the
// canvas with slippage_full_height() to show them all. Hit ids: SlippageRow (row: label,
// connector, delay label), SlippageExpected (row, expectation), SlippageActual (row).
Scene layout_slippage_chart(const SlippageChartInput& input, const TimeRange& time, const ChartStyle& style,
                            float width, float height, const TextMeasure& measure);
float slippage_full_height(const SlippageChartInput& input, const ChartStyle& style, float width,
                           const TextMeasure& measure);

std::vector<std::string> slippage_tooltip(const SlippageChartInput& input, HitId hit, Language lang);

// One CSV row per plotted milestone, in display order (header included, "\r\n" line ends, no
// byte-order mark): project, unit, milestone, first_expected, first_reported, latest_expected,
// actual, happened_from, happened_to, delay_min_months, delay_max_months, status, status_label.
std::string slippage_csv(const SlippageChartInput& input, Language lang);

}  // namespace indtrack::chart
