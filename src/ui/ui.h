// The dashboard: its panels (here), the chart panel (ui/chart), the curation views (ui/curation) and
// the window, offscreen rendering, fonts and theme they draw with (ui/host). Nothing below src/ui
// depends on it.
//
// Entry points for src/app/main.cpp. `args` are the command-line arguments after the program
// name (run_gui) or after the verb (run_screenshot). Both return the process exit code:
// 0 success, 1 failure (message on stderr), 2 usage error.
#pragma once

#include <string>
#include <vector>

namespace indtrack::ui {

// indtrack [FILE | --data FILE] [--reset-settings]: the dashboard window.
int run_gui(const std::vector<std::string>& args);

// indtrack screenshot --out FILE.png [--width W] [--height H] [--scale S] [--lang zh|en]
//                     [--theme dark|light] [--data FILE] [--select PROJECT_ID]
// Renders the dashboard offscreen through EGL (no X server) and writes a PNG.
int run_screenshot(const std::vector<std::string>& args);

}  // namespace indtrack::ui
