// A problem found while reading a file: where it is and what is wrong, printed as
// "FILE:LINE:COL: error|warning: JSON.PATH: message".
#pragma once

#include <string>
#include <vector>

namespace indtrack {

struct Problem {
  enum class Severity { Error, Warning };
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based, in code points
  std::string path;  // JSON path: projects[4].units[0].capacity.value ("" for the file)
  std::string message;
  int project = -1;  // index of the project concerned, when there is one (the GUI selects it)

  std::string format() const;  // one line; control characters written as \u001B
};

bool has_errors(const std::vector<Problem>& problems);
std::size_t count_severity(const std::vector<Problem>& problems, Problem::Severity severity);

}  // namespace indtrack
