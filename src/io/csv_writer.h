// CSV for spreadsheets (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe,
// except plain numbers such as -3.5.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

std::string csv_cell(std::string_view value);
std::string csv_row(const std::vector<std::string>& cells);  // cells joined, "\r\n" at the end

// UTF-8 byte-order mark: Excel needs it to open Chinese CSV correctly.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace indtrack
