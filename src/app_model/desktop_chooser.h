// The desktop's own file chooser — zenity (GNOME and most desktops) or kdialog (KDE) — run as a
// child process the frame loop polls, so the window keeps drawing while it is open. When neither
// is installed, there is no display, or INDTRACK_FILE_CHOOSER=builtin is set, the dashboard uses
// its built-in chooser (file_chooser.h) instead.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app_model/file_chooser.h"

namespace indtrack::ui {

struct ChooserCommand {
  std::string program;  // full path
  std::vector<std::string> args;
};

// The command asking for a file for `purpose`, starting at `start` (a folder, or a suggested file
// path for a saving purpose), with `title`; nullopt when the built-in chooser is to be used.
std::optional<ChooserCommand> desktop_chooser_command(FilePurpose purpose, const std::string& start,
                                                      std::string_view title);

struct ChooserOutcome {
  enum class Kind : unsigned char { Chosen, Cancelled, Failed };
  Kind kind = Kind::Cancelled;
  std::string text;  // Chosen: the path; Failed: why ("zenity exited with 5")
};

class ChooserProcess {
 public:
  ChooserProcess() = default;
  ~ChooserProcess();  // a chooser still open is closed (the window is going away)
  ChooserProcess(const ChooserProcess&) = delete;
  ChooserProcess& operator=(const ChooserProcess&) = delete;

  // Starts `command` with its output on a pipe; "" on success, else why.
  std::string start(const ChooserCommand& command);
  bool running() const { return pid_ > 0; }
  // Without blocking: the outcome once the chooser has exited, else nullopt (also when none runs).
  std::optional<ChooserOutcome> poll();
  // Blocks until the chooser exits (tests, and closing).
  std::optional<ChooserOutcome> wait();

 private:
  void read_available();
  std::optional<ChooserOutcome> finish(int status);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string program_name_;
  std::string output_;
};

}  // namespace indtrack::ui
