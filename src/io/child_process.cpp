// Helper programs with a pipe: posix_spawn, so nothing runs between fork and exec in our process.
#include "io/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace indtrack {

Result<SpawnedChild> spawn_with_pipe(const std::string& program, const std::vector<std::string>& args,
                                     ChildPipe pipe, bool quiet_stderr) {
  int fds[2];  // [0] read end, [1] write end; both close-on-exec, so only the dup2'd copy survives
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return Error::of(Error::Kind::Io, std::string("cannot make a pipe: ") + std::strerror(errno));
  const int theirs = pipe == ChildPipe::Stdin ? fds[0] : fds[1];
  const int ours = pipe == ChildPipe::Stdin ? fds[1] : fds[0];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, theirs, pipe == ChildPipe::Stdin ? STDIN_FILENO : STDOUT_FILENO);
  if (quiet_stderr) posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(theirs);
  if (spawned != 0) {
    ::close(ours);
    return Error::of(
        Error::Kind::NotFound,
        "cannot run " + std::filesystem::path(program).filename().string() + ": " + std::strerror(spawned));
  }
  return SpawnedChild{pid, ours};
}

}  // namespace indtrack
