#include "io/csv_writer.h"

#include <cctype>
#include <cstdlib>

#include "core/text.h"

namespace indtrack {
namespace {

// "-3.5", "+12": an optional sign and a decimal number, nothing around it. strtod alone would also
// accept leading whitespace ("\r\n138"), exponents, hex, inf and nan.
bool is_plain_number(std::string_view v) {
  if (v.empty() || std::isspace(static_cast<unsigned char>(v.front()))) return false;
  std::string s(v);
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && s.find_first_of("eExXnNiI") == std::string::npos;
}

}  // namespace

std::string csv_cell(std::string_view value) {
  // Controls a spreadsheet would hide, and bidirectional overrides that would show a name
  // reversed, become U+FFFD.
  std::string v = replace_hidden_controls(value);
  const char first = v.empty() ? '\0' : v.front();
  if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') &&
      !is_plain_number(v))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_cell(cells[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace indtrack
