// User settings that persist between runs: window geometry, language, theme, panel sizes, the
// last filters and recent files. Stored as JSON in $XDG_CONFIG_HOME/indtrack/settings.json
// (default ~/.config/indtrack), next to ImGui's own imgui.ini. Pure file logic, no GL: a broken
// or partly wrong file gives defaults for what cannot be read plus a notice, never a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_model/strings.h"

namespace indtrack::ui {

enum class Theme : unsigned char { Dark, Light };  // dark for the screen, light for print

struct WindowGeometry {
  int width = 1600;  // screen coordinates
  int height = 900;
  std::optional<int> x, y;  // unset: let the window manager place it
  bool maximized = false;
};

// Panel sizes in unscaled pixels (multiplied by the UI scale when drawn); "reset layout" restores these.
struct LayoutSettings {
  float detail_width = 500;      // right-hand detail panel
  float notices_height = 150;    // notices panel under the table
  float chart_height = 460;      // chart area above the table: the KPI strip, then the chart panel
  float filter_width = 280;      // filter bar on the left
  float data_view_height = 220;  // a chart's data view under it (its splitter); unscaled pixels
  // The KPI strip's cards: open or folded to one line as the user last chose; unset, they fold
  // by themselves when they would leave the chart too little height (kpi_strip.cpp).
  std::optional<bool> kpi_cards_open;
  int table_generation = 0;  // "reset layout" bumps it: the table starts from default columns
  bool operator==(const LayoutSettings&) const = default;
};

struct Settings {
  WindowGeometry window;
  Language language = Language::Chinese;
  Theme theme = Theme::Dark;
  LayoutSettings layout;
  nlohmann::json filters = nlohmann::json::object();  // owned by the filter code; stored as is
  std::vector<std::string> recent_files;              // most recent first
  nlohmann::json extra = nlohmann::json::object();    // keys this version does not know: kept

  static constexpr std::size_t kMaxRecentFiles = 8;
};

// $XDG_CONFIG_HOME/indtrack when XDG_CONFIG_HOME is an absolute path, else $HOME/.config/indtrack;
// empty when neither can be determined (settings are then not persisted).
std::string settings_directory();
std::string settings_file(const std::string& directory);   // directory/settings.json
std::string imgui_ini_file(const std::string& directory);  // directory/imgui.ini

struct SettingsLoad {
  Settings settings;
  std::string notice;  // non-empty when the file existed but (part of) it could not be used
};
// A missing file gives defaults with no notice.
SettingsLoad load_settings(const std::string& path);
SettingsLoad parse_settings(const std::string& json_text);

nlohmann::json settings_to_json(const Settings& settings);

// Writes atomically (temporary file + rename), creating the directory. Returns an error message,
// empty on success.
std::string save_settings(const Settings& settings, const std::string& path);

// --reset-settings: removes settings.json and imgui.ini from the directory. Returns an error
// message, empty on success (also when there was nothing to remove).
std::string reset_settings(const std::string& directory);

// Moves `path` to the front of the recent-files list (deduplicated, at most kMaxRecentFiles).
void remember_recent_file(Settings& settings, const std::string& path);
// One flag per entry of recent_files: the file is there now (the menu shows the others disabled).
std::vector<bool> recent_files_present(const Settings& settings);
// Removes the recent files that are not there any more; returns how many went.
std::size_t forget_missing_recent_files(Settings& settings);

}  // namespace indtrack::ui
