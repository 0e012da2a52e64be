// Draws a chart's data view (app_model/data_view.h) under the chart: a line with Copy and the row
// count, then the table — only the rows in view (ImGuiListClipper) — sorted by a click on a column
// header, rows selected by click / Ctrl / Shift, Ctrl+C copying as tab-separated text, and a hover
// tooltip saying where a row's numbers come from.
#pragma once

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

#include "app_model/data_view.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

struct DataViewFrame {
  int rows_drawn = 0;  // rows the clipper drew this frame (for tests: never all of a long table)
  std::string copied;  // after Copy or Ctrl+C: what was put on the clipboard
  // Where the column headers and the drawn rows were, screen pixels (tests click them).
  std::vector<ImVec4> headers;               // x0, y0, x1, y1 per column
  std::vector<std::pair<int, ImVec4>> rows;  // shown row index, its rectangle
};

// `id` keeps each chart's table apart (its sort and column widths).
DataViewFrame draw_data_view_table(PanelContext& c, DataView& view, const char* id, float height);

// The tooltip text of a row's origin: a source id resolved to its publisher, title and date when
// the dataset has it, else the cell as written, after its column's name.
std::string data_view_origin_text(const Dataset& data, const DataView::Origin& origin, Language lang);

}  // namespace indtrack::ui
