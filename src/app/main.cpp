// indtrack's entry point: command-line verbs first, then the headless verbs that render (screenshot,
// export, report), the dashboard otherwise (no verb, --data FILE, --reset-settings).
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/fd_output.h"
#include "ui/ui.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  {
    // The verbs' output goes through a buffer that remembers why a write failed (fd_output.h).
    indtrack::FdOutput stdout_writer(STDOUT_FILENO);
    std::streambuf* previous = std::cout.rdbuf(&stdout_writer);
    const auto code = indtrack::run_cli(args, std::cout, std::cerr);
    std::cout.flush();
    std::cout.rdbuf(previous);
    if (code) return *code;
  }
  const std::vector<std::string> rest =
      args.empty() ? args : std::vector<std::string>(args.begin() + 1, args.end());
  if (!args.empty() && args[0] == "screenshot") return indtrack::ui::run_screenshot(rest);
  if (!args.empty() && args[0] == "export") return indtrack::ui::run_export(rest);
  if (!args.empty() && args[0] == "report") return indtrack::ui::run_report(rest);
  return indtrack::ui::run_gui(args);
}
