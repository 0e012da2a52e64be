// Option parsing helper (cli_args.h).
#include "cli/cli_args.h"

#include <charconv>
#include <cstdlib>

namespace indtrack {

bool option_value(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                  std::string& value, std::string& error) {
  const std::string& arg = args[i];
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
  } else if (arg != name) {
    return false;
  } else if (i + 1 >= args.size()) {
    error = std::string(name) + " needs a value";
    return true;
  } else {
    value = args[++i];
  }
  // An empty --data would open the bundled dataset without a word: the user meant a file.
  if (value.empty() && name == "--data") error = "--data needs a file name, not an empty string";
  return true;
}

bool parse_int_in(const std::string& text, int lo, int hi, int& out) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < lo || value > hi) return false;
  out = value;
  return true;
}

bool parse_float_in(const std::string& text, float lo, float hi, float& out) {
  char* end = nullptr;
  const float value = std::strtof(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value >= lo && value <= hi)) return false;
  out = value;
  return true;
}

}  // namespace indtrack
