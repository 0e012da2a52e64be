// The desktop's file chooser as a polled child process (desktop_chooser.h).
#include "app_model/desktop_chooser.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "io/child_process.h"
#include "io/file_io.h"

namespace indtrack::ui {

namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

std::string zenity_filter(FilePurpose purpose) {
  std::string patterns;
  for (const std::string& ext : purpose_extensions(purpose))
    patterns += (patterns.empty() ? "*" : " *") + ext;
  return "--file-filter=" + patterns + " | " + patterns;
}

}  // namespace

std::optional<ChooserCommand> desktop_chooser_command(FilePurpose purpose, const std::string& start,
                                                      std::string_view title) {
  if (const char* choice = std::getenv("INDTRACK_FILE_CHOOSER");
      choice && std::string_view(choice) == "builtin")
    return std::nullopt;
  if (!env_set("DISPLAY") && !env_set("WAYLAND_DISPLAY")) return std::nullopt;
  const bool save = purpose_saves(purpose);
  // zenity takes a folder when the path ends with "/".
  const std::string start_arg = is_directory(start) && !start.ends_with('/') ? start + "/" : start;
  if (std::string zenity = program_on_path("zenity"); !zenity.empty()) {
    ChooserCommand c{std::move(zenity), {"--file-selection", "--title=" + std::string(title)}};
    if (!start_arg.empty()) c.args.push_back("--filename=" + start_arg);
    if (save) c.args.push_back("--save");  // zenity asks before replacing a file
    c.args.push_back(zenity_filter(purpose));
    c.args.emplace_back("--file-filter=* | *");
    return c;
  }
  if (std::string kdialog = program_on_path("kdialog"); !kdialog.empty()) {
    std::string patterns;
    for (const std::string& ext : purpose_extensions(purpose))
      patterns += (patterns.empty() ? "*" : " *") + ext;
    return ChooserCommand{std::move(kdialog),
                          {"--title", std::string(title), save ? "--getsavefilename" : "--getopenfilename",
                           start_arg.empty() ? "." : start_arg, patterns}};
  }
  return std::nullopt;
}

ChooserProcess::~ChooserProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::string ChooserProcess::start(const ChooserCommand& command) {
  if (running()) return "a file chooser is already open";
  program_name_ = std::filesystem::path(command.program).filename().string();
  Result<SpawnedChild> child = spawn_with_pipe(command.program, command.args, ChildPipe::Stdout, true);
  if (!child) return child.error().message;
  ::fcntl(child->fd, F_SETFL, ::fcntl(child->fd, F_GETFL) | O_NONBLOCK);
  pid_ = child->pid;
  out_fd_ = child->fd;
  output_.clear();
  return {};
}

void ChooserProcess::read_available() {
  if (out_fd_ < 0) return;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(out_fd_, buffer, sizeof buffer);
    if (n > 0) {
      output_.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) {  // end of output
      ::close(out_fd_);
      out_fd_ = -1;
    }
    return;  // EAGAIN: nothing more for now
  }
}

std::optional<ChooserOutcome> ChooserProcess::poll() {
  if (pid_ <= 0) return std::nullopt;
  read_available();
  int status = 0;
  const pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == 0) return std::nullopt;
  if (r < 0 && errno == EINTR) return std::nullopt;
  return finish(r < 0 ? -1 : status);
}

std::optional<ChooserOutcome> ChooserProcess::wait() {
  if (pid_ <= 0) return std::nullopt;
  int status = 0;
  pid_t r = 0;
  while ((r = ::waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
  }
  return finish(r < 0 ? -1 : status);
}

std::optional<ChooserOutcome> ChooserProcess::finish(int status) {
  pid_ = -1;
  if (out_fd_ >= 0) {  // the rest of what it wrote (in the pipe already: it has exited)
    read_available();
    if (out_fd_ >= 0) {
      ::close(out_fd_);
      out_fd_ = -1;
    }
  }
  ChooserOutcome out;
  if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    while (!output_.empty() && (output_.back() == '\n' || output_.back() == '\r')) output_.pop_back();
    if (output_.empty()) return out;  // nothing chosen
    out.kind = ChooserOutcome::Kind::Chosen;
    out.text = output_;
  } else if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 1) {
    out.kind = ChooserOutcome::Kind::Cancelled;  // zenity and kdialog: the user cancelled
  } else {
    out.kind = ChooserOutcome::Kind::Failed;
    out.text = program_name_ + " exited with " +
               std::to_string(status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return out;
}

}  // namespace indtrack::ui
