// The dashboard's panels, one file each. Every panel draws into the current ImGui window or child
// (the dashboard positions and sizes them) from AppState, and changes only AppState inputs
// (selection, sort, ...); derived data is refreshed by AppState::refresh().
#pragma once

#include <imgui.h>

#include "app_model/app_state.h"
#include "ui/host/fonts.h"

namespace indtrack::ui {

struct Curation;

struct PanelContext {
  AppState& app;
  FontManager& fonts;            // request_text() for text that is not dataset text (typed, paths)
  float scale = 1;               // UI layout scale: multiply unscaled pixel sizes by it
  UiFonts font;                  // body, large (KPI figures), heading
  Curation* curation = nullptr;  // editing, saving, importing (curation.h); null: view only
};

void draw_project_table(PanelContext& c, int table_generation);  // project_table.cpp
void draw_detail_panel(PanelContext& c);                         // detail_panel.cpp
void draw_notices_panel(PanelContext& c);                        // notices_panel.cpp
void draw_kpi_strip(PanelContext& c);                            // kpi_strip.cpp
void draw_status_bar(PanelContext& c);                           // status_bar.cpp
// While a dataset loads in the background: its name, a progress bar and Cancel, on one line
// (`centered`: in the middle of the current panel, for a window with nothing loaded yet).
// False when nothing is loading.
bool draw_load_progress(PanelContext& c, bool centered);  // load_progress.cpp
// The detail panel's edit toggle, and in edit mode the project editor; true when it drew the
// editor (the detail view is then not drawn).
bool draw_project_editor(PanelContext& c);  // project_editor.cpp

}  // namespace indtrack::ui
