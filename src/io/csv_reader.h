// Reading back the CSV that csv_writer.h writes (RFC 4180: quoted cells, doubled quotes, "\r\n" or
// "\n" line ends), and tab-separated rows for the clipboard, which spreadsheets paste as a table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

// The rows of `csv`, each a list of unquoted cells; a final line end adds no empty row.
std::vector<std::vector<std::string>> parse_csv(std::string_view csv);

// Cells joined by tabs, ending "\r\n"; a tab or line break inside a cell becomes a space.
std::string tsv_row(const std::vector<std::string>& cells);

}  // namespace indtrack
