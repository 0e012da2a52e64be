// Charts onto the clipboard (clipboard.h).
#include "export/clipboard.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "io/child_process.h"
#include "io/csv_reader.h"
#include "io/file_io.h"

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
  Result<SpawnedChild> child = spawn_with_pipe(command.program, command.args, ChildPipe::Stdin, false);
  if (!child) return child.error().message;
  const pid_t pid = child->pid;
  const std::string name = std::filesystem::path(command.program).filename().string();
  std::string error;
  // A tool that dies early must not take the application with it (SIGPIPE): write() says so.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::write(child->fd, bytes.data() + at, bytes.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "cannot write to " + name + ": " + std::strerror(errno);
      break;
    }
    at += static_cast<std::size_t>(n);
  }
  ::close(child->fd);
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
