// Starting a helper program the desktop provides (xclip, wl-copy, zenity, kdialog) with one end
// of a pipe as its stdin or its stdout; the other end stays with us.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/result.h"

namespace indtrack {

enum class ChildPipe : unsigned char {
  Stdin,   // we write, the program reads (the clipboard tools)
  Stdout,  // the program writes, we read (the file choosers)
};

struct SpawnedChild {
  pid_t pid = -1;
  int fd = -1;  // our end of the pipe, close-on-exec; the caller closes it
};

// Runs `program` (a path) with `args`; its stderr goes to /dev/null when `quiet_stderr` (GTK's
// warnings are not the user's business). Errors: "cannot make a pipe: …", "cannot run NAME: …".
[[nodiscard]] Result<SpawnedChild> spawn_with_pipe(const std::string& program,
                                                   const std::vector<std::string>& args, ChildPipe pipe,
                                                   bool quiet_stderr);

}  // namespace indtrack
