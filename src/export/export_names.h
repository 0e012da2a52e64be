// The name an export dialog suggests: what the chart shows, the filter and the as-of date —
// "BDO产能_海南区_截至2026-12-02" / "BDO capacity_Hainan District_as of 2026-12-02" — made safe as a
// file name on Linux, Windows and macOS file systems (a report is often copied to a shared drive).
#pragma once

#include <string>
#include <string_view>

#include "chart_kinds/chart_kinds.h"

namespace indtrack {

// `name` with what a file system refuses or a shell or Windows mangles replaced: / \ : * ? " < > |
// and control characters become "_", runs of them one "_", leading and trailing spaces, dots and
// "_" dropped; cut to at most 120 bytes at a character boundary. "" becomes "indtrack".
std::string sanitize_file_name(std::string_view name);

// Without extension: the chart (the capacity chart names its product: "BDO产能"), the filter's
// choices (districts, parks, industries, products other than the chart's, companies, statuses;
// names in `lang`, "、" / "+" within a part), and the as-of date. Sanitized.
std::string default_chart_file_name(const Dataset& data, const FilterSpec& spec, ChartKind kind,
                                    const ChartOptions& options, Language lang);

}  // namespace indtrack
