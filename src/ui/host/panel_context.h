// What every panel draws with: the application state it shows and changes, the font manager for
// text that is not dataset text, the UI scale and the built fonts, the curation state (null
// for a view-only dashboard) and the file chooser. Passed down by the dashboard each frame.
#pragma once

#include "app_model/app_state.h"
#include "ui/host/fonts.h"

namespace indtrack::ui {

struct Curation;
class FileDialogs;

struct PanelContext {
  AppState& app;
  FontManager& fonts;            // request_text() for text that is not dataset text (typed, paths)
  float scale = 1;               // UI layout scale: multiply unscaled pixel sizes by it
  UiFonts font;                  // body, large (KPI figures), heading
  Curation* curation = nullptr;  // editing, saving, importing (app_model/curation.h); null: view only
  FileDialogs* files = nullptr;  // the file chooser (file_dialogs.h); null: paths are typed
};

}  // namespace indtrack::ui
