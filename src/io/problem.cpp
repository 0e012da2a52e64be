#include "io/problem.h"

#include <algorithm>
#include <cstdio>

namespace indtrack {

std::string Problem::format() const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    out += ':';
    out += std::to_string(column);
  }
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  if (!path.empty()) {
    out += path;
    out += ": ";
  }
  out += message;
  // Messages quote what the file says; a control character from there (ESC, NUL, a line break)
  // must not reach the terminal or split the one-line format: write it as \u001B.
  std::string safe;
  safe.reserve(out.size());
  for (const char c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
      safe += escaped;
    } else {
      safe += c;
    }
  }
  return safe;
}

bool has_errors(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Problem::Severity::Error; });
}

std::size_t count_severity(const std::vector<Problem>& problems, Problem::Severity severity) {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                [&](const Problem& p) { return p.severity == severity; }));
}

}  // namespace indtrack
