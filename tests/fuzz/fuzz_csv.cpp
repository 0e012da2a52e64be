// Fuzz target: the CSV writer's quoting and formula neutralising (csv_cell, csv_row).
// The input is rows separated by 0x1E, cells separated by 0x1F. Every row is written with
// csv_row and read back by the minimal RFC 4180 reader below.
// Properties: the reader accepts the output and gets back exactly the input cells — except that a
// cell a spreadsheet would run as a formula (= + - @ tab CR first) gains one leading apostrophe
// unless it is a plain number like -3.5, and that controls a spreadsheet would hide (C0 but tab,
// CR, LF; DEL; C1) and bidirectional overrides (U+202A..E, U+2066..9) read back as U+FFFD; no
// cell read back starts with one of those characters unless it is such a number.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "io/csv_writer.h"

using namespace indtrack;

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(separator, begin);
    parts.emplace_back(
        text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The cell as written: hidden controls replaced by U+FFFD, byte patterns matched here
// independently of the writer's decoder (any other byte, invalid UTF-8 too, stays).
std::string without_hidden_controls(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](std::size_t k) {
      return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const unsigned c = b(0);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F) {
      out += "\xEF\xBF\xBD";
      i += 1;
    } else if (c == 0xE2 && ((b(1) == 0x80 && b(2) >= 0xAA && b(2) <= 0xAE) ||
                             (b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9))) {
      out += "\xEF\xBF\xBD";
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Sign, digits, optional decimal point and digits: "-3.5", "+12", "-.5", "-7.".
bool plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') ++i;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  return digits > 0 && i == s.size();
}

bool formula_start(std::string_view s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// RFC 4180: fields separated by commas; a quoted field may hold commas, CR, LF and "" (a quote);
// an unquoted field holds none of those; each record ends with CRLF.
std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::size_t i = 0;
  while (i < text.size()) {
    std::string field;
    if (text[i] == '"') {
      ++i;
      while (true) {
        FUZZ_REQUIRE(i < text.size(), "CSV: a quoted field is not closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        FUZZ_REQUIRE(text[i] != '"', "CSV: a quote inside an unquoted field");
        field += text[i++];
      }
    }
    record.push_back(std::move(field));
    FUZZ_REQUIRE(i < text.size(), "CSV: the last record does not end with CRLF");
    if (text[i] == ',') {
      ++i;
      continue;
    }
    FUZZ_REQUIRE(text.substr(i, 2) == "\r\n", "CSV: a field is followed by something other than , or CRLF");
    i += 2;
    records.push_back(std::move(record));
    record.clear();
  }
  FUZZ_REQUIRE(record.empty(), "CSV: text after the last record");
  return records;
}

}  // namespace

INDTRACK_FUZZ_TARGET(fuzz_csv) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& row : split(fuzz::as_text(data, size), '\x1E')) rows.push_back(split(row, '\x1F'));

  std::string csv;
  for (const auto& cells : rows) {
    for (const std::string& cell : cells) {
      const std::string written = csv_cell(cell);
      FUZZ_REQUIRE(written == csv_row({cell}).substr(0, written.size()), "csv_row writes a cell differently");
    }
    csv += csv_row(cells);
  }

  const auto records = read_csv(csv);
  FUZZ_REQUIRE(records.size() == rows.size(), "CSV: the number of records changed", csv);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    FUZZ_REQUIRE(records[r].size() == rows[r].size(), "CSV: the number of cells in a record changed", csv);
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string in = without_hidden_controls(rows[r][c]);
      const std::string& back = records[r][c];
      const std::string expected = formula_start(in) && !plain_number(in) ? "'" + in : in;
      FUZZ_REQUIRE(back == expected, "CSV: a cell did not read back as written",
                   "in: " + in + "\nback: " + back);
      FUZZ_REQUIRE(!formula_start(back) || plain_number(back),
                   "CSV: a cell a spreadsheet would run as a formula", back);
    }
  }
  return 0;
}
