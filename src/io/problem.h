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
  // A closing line that stands for problems not listed (see kMaxListedProblems): how many.
  std::size_t unlisted_errors = 0, unlisted_warnings = 0;

  std::string format() const;  // one line; control characters written as \u001B
};

// A file can hold millions of problems (ten million zeros where the projects belong are ten
// million errors). The first kMaxListedProblems are listed; the others are only counted and
// stand in one closing problem ("… 9999000 more problems are not listed …"), so memory, time
// and output follow the size of the file, not the number of its problems.
inline constexpr std::size_t kMaxListedProblems = 1000;

struct UnlistedProblems {
  std::size_t errors = 0, warnings = 0;
  bool any() const { return errors + warnings > 0; }
  void count(Problem::Severity s) { ++(s == Problem::Severity::Error ? errors : warnings); }
  UnlistedProblems& operator+=(const UnlistedProblems& o) {
    errors += o.errors;
    warnings += o.warnings;
    return *this;
  }
};

// Whether `list` is full: a new problem is then counted in an UnlistedProblems instead.
inline bool problem_list_full(const std::vector<Problem>& list) { return list.size() >= kMaxListedProblems; }
// Moves the problems beyond kMaxListedProblems from the end of `list` into `unlisted`.
void trim_problem_list(std::vector<Problem>& list, UnlistedProblems& unlisted);
// Appends the closing problem for `unlisted` (an error when any of them is one), if any.
void append_unlisted(std::vector<Problem>& list, const UnlistedProblems& unlisted, const std::string& file);

bool has_errors(const std::vector<Problem>& problems);
// Problems of `severity`, the unlisted ones included.
std::size_t count_severity(const std::vector<Problem>& problems, Problem::Severity severity);

}  // namespace indtrack
