// One running dashboard, wired together: settings, AppState, fonts and the Dashboard, shared by
// the window (run_gui) and the headless screenshot. It resolves the font (bundled asset, else a
// system CJK font, with a notice), feeds every new text to the glyph set, and opens the dataset.
#pragma once

#include <string>

#include "app_model/app_state.h"
#include "app_model/curation.h"
#include "ui/chart/chart_panel.h"
#include "ui/dashboard.h"
#include "ui/host/fonts.h"

namespace indtrack::ui {

class Session {
 public:
  // `font_path` defaults to the shipped asset (resources.h); tests pass another path.
  Session(Settings settings, std::string settings_dir, const std::string& font_path);
  explicit Session(Settings settings, std::string settings_dir = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  AppState app;
  // Editing, saving, importing; no lock or journal until curation.session.set_options() asks
  // for them (the window does; screenshots do not).
  Curation curation{app};
  FontManager fonts;
  Dashboard dashboard;
  ChartPanel charts;  // the dashboard's chart area, under the KPI strip

  // Opens `path`, or the bundled dataset when `path` is empty. False when it could not be loaded
  // (the problems are in app.problems).
  bool open_initial_dataset(const std::string& path);

  // Records what an atlas build could not provide (a notice, once per new set of characters).
  void note_font_build(const FontBuildReport& report);

 private:
  std::size_t reported_missing_ = 0;
};

// The settings the window starts with: those of `settings_dir` (empty: not persisted), or the
// defaults when the file is missing or broken — a broken file is kept as settings.json.broken
// for the user to look at (ours replaces it on exit), and the load's notice says why.
SettingsLoad load_startup_settings(const std::string& settings_dir);
// Shows a broken settings file's notice in the notices panel.
void note_settings_load(AppState& app, const SettingsLoad& loaded);

}  // namespace indtrack::ui
