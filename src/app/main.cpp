// indtrack's entry point: the command-line verbs first (validate, list, format, extract, export,
// report), then the verbs that draw the dashboard (screenshot, and the window itself: no verb,
// --data FILE, --reset-settings). Built without the GUI (INDTRACK_BUILD_GUI=OFF) it has the
// command-line verbs only — all of them, charts in every format included — and links no GL library.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/fd_output.h"
#if INDTRACK_HAS_GUI
#include "ui/ui.h"
#endif

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  {
    // The verbs' output goes through a buffer that remembers why a write failed (fd_output.h).
    indtrack::FdOutput stdout_writer(STDOUT_FILENO);
    std::streambuf* previous = std::cout.rdbuf(&stdout_writer);
    const auto code = indtrack::run_cli(args, std::cout, std::cerr);
    std::cout.flush();
    std::cout.rdbuf(previous);
    if (code) return *code;
  }
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
