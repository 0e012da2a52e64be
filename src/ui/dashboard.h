// The dashboard: menu bar, panels laid out in the window (filter bar | chart area over the project
// table over the notices | detail), draggable splitters, the status line, the dialogs (about,
// data sources) and the file chooser. Drawn the same way on screen and offscreen (screenshots).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app_model/curation.h"
#include "app_model/keyboard_navigation.h"
#include "ui/article_window.h"
#include "ui/filter_bar.h"
#include "ui/host/file_dialogs.h"
#include "ui/panels.h"

namespace indtrack::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct DashboardLayout {
  Rect filter_bar;  // w == 0 when there is no filter bar
  Rect chart_area;  // KPI strip, then the charts
  Rect table;
  Rect notices;
  Rect detail;
};

// Splits `body` (the window below the menu bar and above the status line) into panels. Sizes
// come from the settings (unscaled pixels × scale) and are clamped so every panel keeps a usable
// minimum; panels never overlap and stay inside `body`. The chart area keeps room for the KPI
// strip, the tabs and a plot of a usable height before the table grows (on 1024×700 too); with
// nothing to report (`notice_rows` 0) the notices panel is only its title line, otherwise it
// keeps room for that many rows (at most three) of notices and problems.
// `chart_extra` (unscaled px) is what the charts show beyond that and want room for too (an open
// data view under the chart): the chart area grows by it before the table does, down to the
// table's minimum.
DashboardLayout compute_layout(const Rect& body, float scale, const LayoutSettings& sizes,
                               bool with_filter_bar, float gap, int notice_rows = 3, float chart_extra = 0);

class Dashboard {
 public:
  using PanelHook = std::function<void(PanelContext&)>;

  // `curation` (editing, saving, importing, and opening files: EditSession is the one owner of
  // "open a dataset") backs the File and Edit menus, the import window and their dialogs.
  Dashboard(AppState& app, FontManager& fonts, Curation& curation);

  // The filter bar (left column; FilterBar by default) and the charts (chart area, under the
  // KPI strip; none until the chart module provides them) are drawn by these hooks; without a
  // hook the dashboard gives the space to the other panels.
  void set_filter_bar(PanelHook hook) { filter_bar_ = std::move(hook); }
  void set_charts(PanelHook hook) { charts_ = std::move(hook); }
  // How much taller than a chart alone the charts want the chart area this frame (unscaled px).
  void set_chart_extra(std::function<float()> extra) { chart_extra_ = std::move(extra); }
  // An extra File menu entry (before Quit), e.g. the chart panel's "Export report…".
  void add_file_menu_item(Str label, std::function<void()> action) {
    file_menu_items_.emplace_back(label, std::move(action));
  }

  // Draws the whole dashboard over the main viewport; call between NewFrame() and Render().
  void draw(float scale, const UiFonts& fonts);

  // Where the panels were in the last frame (screen pixels), for tests of the layout.
  const DashboardLayout& last_layout() const { return layout_; }
  const FilterBar& filter_bar() const { return filter_bar_widget_; }

  // Which part the arrow keys move (Enter: the detail; Escape: back to the table).
  KeyFocus key_focus() const { return key_focus_; }
  bool shortcuts_open() const { return shortcuts_open_; }
  const ArticleWindow& article_window() const { return article_window_; }

  // Dropped files (app_model/dropped_files.h): the first .json opens, the first .txt goes to the
  // import window, the others get a notice.
  void open_paths(const std::vector<std::string>& paths);

  // The file chooser the panels ask through (PanelContext::files).
  FileDialogs& files() { return files_; }

  // Requests to the host (window loop or screenshot), which clears them once handled.
  bool quit_requested = false;
  bool restyle_requested = false;  // the theme changed: re-apply the style
  bool settings_changed = false;   // worth saving now

 private:
  void draw_menu_bar(PanelContext& c);
  void draw_about(PanelContext& c);
  void draw_sources_window(PanelContext& c);
  void draw_shortcuts_window(PanelContext& c);  // shortcuts_window.cpp
  // The keyboard (keyboard.cpp): Ctrl+F, the table's arrows, Enter, Escape, F1. Before the panels.
  void handle_keys(PanelContext& c);
  void open(const std::string& path);

  AppState& app_;
  FontManager& fonts_;
  FilterBar filter_bar_widget_;
  PanelHook filter_bar_, charts_;
  std::function<float()> chart_extra_;
  std::vector<std::pair<Str, std::function<void()>>> file_menu_items_;
  FileDialogs files_;
  std::vector<bool> recent_present_;  // per recent file, when the menu was opened
  bool about_requested_ = false;
  bool sources_open_ = false;
  bool shortcuts_open_ = false;
  KeyFocus key_focus_ = KeyFocus::Table;
  DetailKeys detail_keys_;  // this frame's
  ArticleWindow article_window_;
  Curation& curation_;
  DashboardLayout layout_;
};

}  // namespace indtrack::ui
