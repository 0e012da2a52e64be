// The dashboard's panels, one file each. Every panel draws into the current ImGui window or child
// (the dashboard positions and sizes them) from AppState, and changes only AppState inputs
// (selection, sort, ...); derived data is refreshed by AppState::refresh().
#pragma once

#include <imgui.h>

#include <string>

#include "ui/host/panel_context.h"

namespace indtrack::ui {

void draw_project_table(PanelContext& c, int table_generation);  // project_table.cpp
// What the keyboard asks of the detail panel this frame (Enter gives it the arrow keys).
struct DetailKeys {
  bool focused = false;  // the arrow keys scroll the detail (drawn with an accent border)
  int lines = 0;         // + down, - up
  int pages = 0;
  bool top = false, bottom = false;
};
void draw_detail_panel(PanelContext& c, const DetailKeys& keys = {});  // detail_panel.cpp
void draw_notices_panel(PanelContext& c);                              // notices_panel.cpp
// The KPI strip: its cards when `open`, else one line of figures; a toggle before its title
// stores the user's choice in settings.layout.kpi_cards_open.
void draw_kpi_strip(PanelContext& c, bool open);  // kpi_strip.cpp
// The open cards' height (scaled px, with the spacing under them) in a panel `width` px wide
// inside: what the chart area adds for them.
float kpi_cards_height(PanelContext& c, float width);
// What the KPI strip drew in its last frame, for tests of narrow windows: how many figures lost
// part of their unit to the card's width, and how many status legend entries fit in the card.
struct KpiStripReport {
  int cards = 0;
  int units_cut = 0;
  int statuses = 0, statuses_shown = 0;
  bool folded = false;        // the cards folded to one line of figures after the title
  std::string figures_shown;  // that line as drawn ("…" where it was cut)
  ImVec2 fold_toggle_centre;  // where to click to fold or open the cards (screen pixels)
  float cards_height = 0;     // the open cards' height (scaled px), which the chart area adds
};
const KpiStripReport& last_kpi_strip();
void draw_status_bar(PanelContext& c);  // status_bar.cpp
// While a dataset loads in the background: its name, a progress bar and Cancel, on one line
// (`centered`: in the middle of the current panel, for a window with nothing loaded yet).
// False when nothing is loading.
bool draw_load_progress(PanelContext& c, bool centered);  // load_progress.cpp

}  // namespace indtrack::ui
