// The command-line verbs — validate, list, format, extract, export, report — and the top-level
// help. None needs a GPU or a display; the one thing only the program around them can give is the
// painter of PNG charts (CliServices). The GUI verbs (the dashboard, screenshot) live in src/ui.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "export/chart_rasterizer.h"
#include "query/filter.h"

namespace indtrack {

// Exit codes shared by every verb.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // invalid data, unwritable output
inline constexpr int kExitUsage = 2;    // bad flags or names

// What the program gives the verbs: the painter of PNG charts (src/app passes the GUI library's).
// Without one, `export --out x.png` and `report` without --no-png fail with a message saying so.
struct CliServices {
  ChartRasterizerFactory png;
};

// Runs args[0] if it is one of this module's verbs; nullopt otherwise.
std::optional<int> run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                           const CliServices& services = {});

std::string top_level_help();

int run_validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_format_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_db_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `args` are those after the verb; output goes to stdout and stderr.
int run_export_command(const std::vector<std::string>& args, const ChartRasterizerFactory& painter);
int run_report_command(const std::vector<std::string>& args, const ChartRasterizerFactory& painter);

}  // namespace indtrack
