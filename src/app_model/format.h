// Display text for dataset values, shared by the table, the detail panel and the status line:
// amounts as written (display units come from core/units.h format_amount), dates as written (their precision
// is their form: 2023 / 2023-10 / 2023-10-24), quotes and problem locations. Pure functions.
#pragma once

#include <string>

#include "app_model/strings.h"
#include "io/problem.h"
#include "model/dataset.h"

namespace indtrack::ui {

// The amount as the source wrote it: "10.4 万吨/年", "约 105 亿元" / "about 105 亿元".
std::string format_as_written(const Quantity& q, Language language);

// "2023-10 (预计)" for an expected date, "2023-10" for an actual one.
std::string format_dated(const Date& date, bool expected, Language language);

// “quote” in Chinese quotation marks, whitespace runs (hard-wrapped newspaper text) collapsed.
std::string format_quote(std::string_view quote);

// "乌海日报 · 2023-01-26 · 坚持不懈推动高质量发展…" for a source.
std::string format_source_line(const Source& s);

// "data/wuhai.json:120:19" (":line:col" only when known).
std::string format_location(const Problem& p);

}  // namespace indtrack::ui
