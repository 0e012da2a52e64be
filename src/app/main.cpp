// indtrack's entry point: command-line verbs first, then the headless verbs that render (screenshot,
// export, report), the dashboard otherwise (no verb, --data FILE, --reset-settings).
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "ui/ui.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto code = indtrack::run_cli(args, std::cout, std::cerr)) return *code;
  const std::vector<std::string> rest =
      args.empty() ? args : std::vector<std::string>(args.begin() + 1, args.end());
  if (!args.empty() && args[0] == "screenshot") return indtrack::ui::run_screenshot(rest);
  if (!args.empty() && args[0] == "export") return indtrack::ui::run_export(rest);
  if (!args.empty() && args[0] == "report") return indtrack::ui::run_report(rest);
  return indtrack::ui::run_gui(args);
}
