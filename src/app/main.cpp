// indtrack's entry point: dispatches to the dashboard window, the headless screenshot, or (merged
// by the lead) the command-line verbs validate / list / extract.
#include <string>
#include <vector>

#include "ui/ui.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "screenshot")
    return indtrack::ui::run_screenshot(std::vector<std::string>(args.begin() + 1, args.end()));
  return indtrack::ui::run_gui(args);  // no verb, --data FILE, --reset-settings
}
