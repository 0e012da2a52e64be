#include "io/problem.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

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
  // Messages quote what the file says; a control character from there (ESC, NUL, a line break,
  // a C1 control, a right-to-left override) must not reach the terminal or split the one-line
  // format: written as \u001B.
  return escape_hidden_controls(out, /*one_line=*/true);
}

bool has_errors(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Problem::Severity::Error; });
}

std::size_t count_severity(const std::vector<Problem>& problems, Problem::Severity severity) {
  std::size_t n = 0;
  for (const Problem& p : problems) {
    if (p.unlisted_errors + p.unlisted_warnings > 0)
      n += severity == Problem::Severity::Error ? p.unlisted_errors : p.unlisted_warnings;
    else
      n += p.severity == severity;
  }
  return n;
}

void trim_problem_list(std::vector<Problem>& list, UnlistedProblems& unlisted) {
  while (list.size() > kMaxListedProblems) {
    unlisted.count(list.back().severity);
    list.pop_back();
  }
}

void append_unlisted(std::vector<Problem>& list, const UnlistedProblems& unlisted, const std::string& file) {
  if (!unlisted.any()) return;
  Problem p;
  p.severity = unlisted.errors > 0 ? Problem::Severity::Error : Problem::Severity::Warning;
  p.file = file;
  p.unlisted_errors = unlisted.errors;
  p.unlisted_warnings = unlisted.warnings;
  // At least: past the listed ones, records are still checked but no longer kept, so checks
  // between records (duplicate ids, the whole-dataset checks) do not see them.
  p.message = "at least " + std::to_string(unlisted.errors + unlisted.warnings) +
              " more problems are not listed (" + std::to_string(unlisted.errors) + " errors, " +
              std::to_string(unlisted.warnings) + " warnings): only the first " +
              std::to_string(kMaxListedProblems) + " are; fix those and check again";
  list.push_back(std::move(p));
}

}  // namespace indtrack
