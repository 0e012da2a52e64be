// The data view's column headers in the UI's language. A chart's CSV names its columns with ids
// ("plotted_on", "stack_total": chart/chart_csv.h, documented in docs/charts.md, docs/status.md
// and docs/slippage.md, the same in both languages so that a script reads any export); the table
// on screen and what it copies for a spreadsheet say them in words (绘制日 / Plotted on). A column
// the table does not know (the status chart's, already in words) keeps its name. Cells that hold
// an id of a closed vocabulary (a status, a milestone, "yes", "exact", "month") are said in words
// the same way; names, dates and numbers are shown as the CSV has them.
#pragma once

#include <string>
#include <string_view>

#include "core/language.h"

namespace indtrack::ui {

// `kind` is the chart kind's id ("capacity", "slippage", ...): one id can mean two things ("unit":
// the unit of a figure, or a production line in plan versus actual).
std::string data_view_header(std::string_view kind, std::string_view column, Language lang);
// `value` of `column` in words of `lang` when the column holds ids, else `value` unchanged.
std::string data_view_cell(std::string_view kind, std::string_view column, std::string_view value,
                           Language lang);

}  // namespace indtrack::ui
