// indtrack extract FILE... [--article-date YYYY-MM-DD] [--data FILE] [--format json|table]
// Proposes candidate facts found in article texts (src/extract). Wired into the verb dispatch
// by cli.cpp; declared here so the verb can be tested without the executable.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace indtrack {

// args[0] is "extract". Exit: 0 ok, 1 a file (article or dataset) could not be read, 2 usage.
int run_extract_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace indtrack
