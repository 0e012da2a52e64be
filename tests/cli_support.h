// Runs the built indtrack executable as a user would and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "query/filter_args.h"  // shell_quote
#include "test_support.h"

namespace indtrack::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs EXE (a copy of indtrack, e.g. in an install layout) with ARGS; ENV is prefixed to the command.
inline RunResult run_program(const std::string& exe, const std::vector<std::string>& args,
                             const std::string& env = "") {
  static int counter = 0;
  const std::string base = tmp_path("run-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::string command = env.empty() ? "" : env + " ";
  command += indtrack::shell_quote(exe);
  for (const std::string& a : args) command += " " + indtrack::shell_quote(a);
  command += " >" + base + ".out 2>" + base + ".err";
  const int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(base + ".out");
  r.err = read_file(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

inline RunResult run_indtrack(const std::vector<std::string>& args, const std::string& env = "") {
  return run_program(INDTRACK_EXE, args, env);
}

}  // namespace indtrack::test
