// indtrack's entry point: the command-line verbs first (validate, list, format, extract, export,
// report), then the verbs that draw the dashboard (screenshot, and the window itself: no verb,
// --data FILE, --reset-settings). Built without the GUI (INDTRACK_BUILD_GUI=OFF) it has the
// command-line verbs only, and export/report write SVG and CSV but no PNG.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#if INDTRACK_HAS_GUI
#include "ui/chart/gl_chart_rasterizer.h"
#include "ui/ui.h"
#endif

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  indtrack::CliServices services;
#if INDTRACK_HAS_GUI
  services.png = indtrack::ui::make_offscreen_chart_rasterizer;  // PNGs through EGL, no display needed
#endif
  if (const auto code = indtrack::run_cli(args, std::cout, std::cerr, services)) return *code;
#if INDTRACK_HAS_GUI
  if (!args.empty() && args[0] == "screenshot")
    return indtrack::ui::run_screenshot(std::vector<std::string>(args.begin() + 1, args.end()));
  return indtrack::ui::run_gui(args);
#else
  std::cerr << "indtrack: this build has no dashboard (built with INDTRACK_BUILD_GUI=OFF); "
               "run `indtrack --help` for the command-line verbs\n";
  return indtrack::kExitUsage;
#endif
}
