// indtrack's entry point: command-line verbs first, the dashboard otherwise.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto code = indtrack::run_cli(args, std::cout, std::cerr)) return *code;
  std::cerr << "indtrack: the dashboard is not built into this version yet; see indtrack --help\n";
  return indtrack::kExitUsage;
}
