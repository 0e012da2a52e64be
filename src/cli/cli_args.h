// Minimal option parsing for the verbs that take "--name value" and "--name=value" (export,
// report, and the GUI verbs: the dashboard, screenshot).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indtrack {

// True when args[i] is option `name`; then `value` holds its value and `i` points at the last
// argument consumed. `error` is set (and true returned) when the value is missing, or for
// --data, empty.
bool option_value(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                  std::string& value, std::string& error);

// A whole number in [lo, hi] with nothing after it; false otherwise (out unchanged).
bool parse_int_in(const std::string& text, int lo, int hi, int& out);
// A number in [lo, hi] ("2", "1.5"); false otherwise (out unchanged).
bool parse_float_in(const std::string& text, float lo, float hi, float& out);

}  // namespace indtrack
