// CSV back into cells, and cells as tab-separated text (csv_reader.h).
#include "io/csv_reader.h"

namespace indtrack {

std::vector<std::vector<std::string>> parse_csv(std::string_view csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool row_started = false;  // something (a cell or a comma) was read since the last line end
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char ch = csv[i];
    if (quoted) {
      if (ch == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch == '"') {
      quoted = row_started = true;
    } else if (ch == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      row_started = true;
    } else if (ch == '\r') {
      continue;  // the row ends at its '\n'
    } else if (ch == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      row_started = false;
    } else {
      cell += ch;
      row_started = true;
    }
  }
  if (row_started) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string tsv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += '\t';
    for (const char ch : cells[i]) out += (ch == '\t' || ch == '\r' || ch == '\n') ? ' ' : ch;
  }
  out += "\r\n";
  return out;
}

}  // namespace indtrack
