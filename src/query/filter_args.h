// The filter flags shared by every command-line verb and the GUI's "copy as command":
//   --district --park --industry --product --status --company (repeat = OR)
//   --from DATE --to DATE --as-of DATE --clock now|published --possibly-stalled --search TEXT
// Parsing is in two steps: flags to names (no dataset needed), then names to indices against a
// dataset, where an unknown name becomes an error listing the valid names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/filter.h"

namespace indtrack {

struct FilterArgs {
  std::vector<std::string> districts, parks, industries, products, statuses, companies;
  std::optional<Date> from, to, as_of;
  Clock clock = Clock::KnownNow;
  bool possibly_stalled = false;
  std::string search;
};

// Consumes filter flags from `args[i]` (and its value). Returns true when args[i] was a filter
// flag; advances `i` past its value. Sets `error` for a flag without a value or a bad date.
bool take_filter_flag(const std::vector<std::string>& args, std::size_t& i, FilterArgs& out,
                      std::string& error);

struct ResolveResult {
  std::optional<FilterSpec> spec;
  std::string error;  // "unknown district "海北区"; valid districts: 海勃湾区 (Haibowan), ..."
};
ResolveResult resolve_filter(const Dataset& data, const FilterArgs& args);

// Name matching: ids, Chinese names, short names, English names (with or without a trailing
// "District"/"Park"), aliases; ASCII case and spaces ignored. -1 if none.
int find_district_by_name(const Dataset& data, std::string_view name);
int find_park_by_name(const Dataset& data, std::string_view name);
int find_industry_by_name(const Dataset& data, std::string_view name);
int find_product_by_name(const Dataset& data, std::string_view name);
int find_company_by_name(const Dataset& data, std::string_view name);
std::optional<Status> find_status_by_name(std::string_view name);

// The flags that reproduce `spec` (Chinese names, shell-quoted): "--district 海南区 --product BDO".
std::string filter_to_flags(const Dataset& data, const FilterSpec& spec);
std::string shell_quote(std::string_view arg);

// Help text for the filter flags, shared by every verb's --help.
const char* filter_flags_help();

}  // namespace indtrack
