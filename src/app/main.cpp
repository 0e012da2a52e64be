// indtrack's entry point: command-line verbs first, then the headless screenshot, the dashboard
// otherwise (no verb, --data FILE, --reset-settings).
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "ui/ui.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto code = indtrack::run_cli(args, std::cout, std::cerr)) return *code;
  if (!args.empty() && args[0] == "screenshot")
    return indtrack::ui::run_screenshot(std::vector<std::string>(args.begin() + 1, args.end()));
  return indtrack::ui::run_gui(args);
}
