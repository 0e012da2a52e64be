// The command-line verbs — validate, list, format, extract, export, report — and the top-level
// help. None needs a GPU or a display: chart files are painted by Cairo (export/chart_export.h).
// The GUI verbs (the dashboard, screenshot) live in src/ui.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "query/filter.h"

namespace indtrack {

// Exit codes shared by every verb.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // invalid data, unwritable output
inline constexpr int kExitUsage = 2;    // bad flags or names

// Runs args[0] if it is one of this module's verbs; nullopt otherwise.
std::optional<int> run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string top_level_help();

int run_validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_list_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_format_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_db_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `args` are those after the verb; output goes to stdout and stderr.
int run_export_command(const std::vector<std::string>& args);
int run_report_command(const std::vector<std::string>& args);

}  // namespace indtrack
