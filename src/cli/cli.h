// The command-line verbs that need no GPU (validate, list, format, extract) and the top-level
// help. GUI verbs (the dashboard, screenshot, export) live in src/app and src/ui.
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

// The projects passing `spec` as `indtrack list --format csv` prints them (header row first,
// no byte-order mark): the report pack's project table.
std::string project_table_csv(const Dataset& data, const FilterSpec& spec, bool english);

}  // namespace indtrack
