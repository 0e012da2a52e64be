// Charts onto the clipboard (clipboard.h).
#include "export/clipboard.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "io/csv_reader.h"
#include "io/file_io.h"

extern char** environ;

namespace indtrack {

std::string tab_separated(std::string_view csv) {
  std::string out;
  out.reserve(csv.size());
  for (const std::vector<std::string>& row : parse_csv(csv)) out += tsv_row(row);
  return out;
}

namespace {

bool set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

std::optional<ClipboardCommand> find_clipboard_command(std::string_view mime) {
  if (set("WAYLAND_DISPLAY"))
    if (std::string p = program_on_path("wl-copy"); !p.empty())
      return ClipboardCommand{std::move(p), {"--type", std::string(mime)}};
  if (set("DISPLAY"))
    if (std::string p = program_on_path("xclip"); !p.empty())
      return ClipboardCommand{std::move(p), {"-selection", "clipboard", "-t", std::string(mime), "-i"}};
  return std::nullopt;
}

std::string run_clipboard_command(const ClipboardCommand& command, std::string_view bytes) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return std::string("cannot make a pipe: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> args{command.program};
  args.insert(args.end(), command.args.begin(), command.args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, command.program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[0]);
  const std::string name = std::filesystem::path(command.program).filename().string();
  if (spawned != 0) {
    ::close(pipe_fds[1]);
    return "cannot run " + name + ": " + std::strerror(spawned);
  }
  std::string error;
  // A tool that dies early must not take the application with it (SIGPIPE): write() says so.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::write(pipe_fds[1], bytes.data() + at, bytes.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "cannot write to " + name + ": " + std::strerror(errno);
      break;
    }
    at += static_cast<std::size_t>(n);
  }
  ::close(pipe_fds[1]);
  ::sigaction(SIGPIPE, &previous, nullptr);
  // The tool reads everything, then leaves a process of its own serving the clipboard and exits.
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // The tool's own failure says more than the broken pipe it left behind.
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0))
    return name + " exited with " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return error;
}

}  // namespace indtrack
